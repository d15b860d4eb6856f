import crypto from 'node:crypto';

/**
 * X's Account Activity webhooks (platform-apis.md §4): the CRC check `GET ?crc_token=…` is answered with
 * `{"response_token": "sha256=" + base64(HMAC-SHA256(consumer secret, crc_token))}`, and every POST carries
 * `x-twitter-webhooks-signature` with the same HMAC over the raw body bytes.
 */
export function xSignature(data: Buffer | Uint8Array | string, consumerSecret: string): string {
  return `sha256=${crypto.createHmac('sha256', consumerSecret).update(data).digest('base64')}`;
}

/** The CRC answer, or null when there is no usable token or secret. */
export function answerXCrc(params: URLSearchParams, consumerSecret: string): { response_token: string } | null {
  const token = params.get('crc_token');
  if (!token || token.length > 1024 || !consumerSecret) return null;
  return { response_token: xSignature(token, consumerSecret) };
}

/** Checks `x-twitter-webhooks-signature` over the exact raw body bytes, in constant time, before anything parses it. */
export function verifyXSignature(rawBody: Buffer | Uint8Array, header: string | undefined | null, consumerSecret: string): boolean {
  if (!consumerSecret || typeof header !== 'string') return false;
  const m = /^sha256=([A-Za-z0-9+/]{43}=)$/.exec(header.trim());
  if (!m) return false;
  const expected = crypto.createHmac('sha256', consumerSecret).update(rawBody).digest();
  const given = Buffer.from(m[1]!, 'base64');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
