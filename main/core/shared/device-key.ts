import crypto from 'node:crypto';

// The public side of a device key, kept apart from `auth/device.ts` (which makes and keeps the private key) so the
// audit trail's signed export and the custody grants can check signatures without importing `auth/`.

/**
 * This machine's identity: an Ed25519 key pair made on first start. The private key (PKCS#8 PEM) lives only in the
 * OS keychain (account `device`); the fingerprint (SHA-256 of the raw 32-byte public key) is what IT enrols
 * in the policy and what the audit trail records as `device`.
 */
export interface DeviceIdentity {
  /** 64 lowercase hex characters. */
  readonly fingerprint: string;
  readonly publicKeyPem: string;
  /** Ed25519 signature of `data`, base64. */
  sign(data: Buffer | string): string;
}

export function fingerprintOf(publicKey: crypto.KeyObject | string): string {
  const key = typeof publicKey === 'string' ? crypto.createPublicKey(publicKey) : publicKey;
  const raw = Buffer.from(key.export({ format: 'jwk' }).x as string, 'base64url');
  return crypto.createHash('sha256').update(raw).digest('hex');
}

/** `3F2A 91BC …`: sixteen groups of four, easy to read out over the phone to IT. */
export function formatFingerprint(hex: string): string {
  return hex.toUpperCase().match(/.{1,4}/g)!.join(' ');
}

/** Accepts the fingerprint however IT wrote it (spaces, colons, either case). */
export function normalizeFingerprint(text: string): string {
  return text.replace(/[^0-9a-fA-F]/g, '').toLowerCase();
}

export function verifyEd25519(publicKeyPem: string, data: Buffer | string, signatureB64: string): boolean {
  try {
    const key = crypto.createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return crypto.verify(null, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, key, Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}
