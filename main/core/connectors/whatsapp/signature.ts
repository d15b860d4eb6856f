import crypto from 'node:crypto';

/**
 * Checks Meta's `X-Hub-Signature-256: sha256=<hex>` over the exact raw body bytes, in constant time, before anything
 * parses the body. Used by the relay for WhatsApp, Messenger and Instagram webhooks.
 */
export function verifyHubSignature(rawBody: Buffer | Uint8Array, header: string | undefined | null, appSecret: string): boolean {
  if (!appSecret || typeof header !== 'string') return false;
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!m) return false;
  const expected = crypto.createHmac('sha256', appSecret).update(rawBody).digest();
  const given = Buffer.from(m[1]!, 'hex');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** The header value Meta would send for `rawBody` (the emulator and tests sign with it). */
export function hubSignature(rawBody: Buffer | Uint8Array | string, appSecret: string): string {
  return `sha256=${crypto.createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/**
 * The GET verification handshake: with `hub.mode=subscribe` and the right verify token, the answer is the raw
 * challenge; otherwise null (answer 403).
 */
export function answerVerification(params: URLSearchParams, verifyToken: string): string | null {
  const token = params.get('hub.verify_token') ?? '';
  const challenge = params.get('hub.challenge');
  if (params.get('hub.mode') !== 'subscribe' || !challenge || !verifyToken) return null;
  const a = Buffer.from(token);
  const b = Buffer.from(verifyToken);
  return a.length === b.length && crypto.timingSafeEqual(a, b) ? challenge : null;
}
