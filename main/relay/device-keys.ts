import crypto from 'node:crypto';

/**
 * Device keys as the relay needs them: an enrolled Ed25519 public key, its fingerprint (SHA-256 of the raw 32-byte
 * key, 64 lowercase hex, as the identity branch's `fingerprintOf`) and signature checks. At merge, use
 * `main/core/auth/device` (`fingerprintOf`, `verifyEd25519`) instead of these two functions.
 */
export function publicKeyFrom(text: string): crypto.KeyObject {
  const t = text.trim();
  const key = t.startsWith('-----BEGIN')
    ? crypto.createPublicKey(t)
    : crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(t, 'base64').toString('base64url') }, format: 'jwk' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
  return key;
}

export function deviceFingerprint(key: crypto.KeyObject): string {
  const raw = Buffer.from(key.export({ format: 'jwk' }).x as string, 'base64url');
  return crypto.createHash('sha256').update(raw).digest('hex');
}

export function verifyDeviceSignature(key: crypto.KeyObject, data: string, signatureB64: string): boolean {
  try {
    return crypto.verify(null, Buffer.from(data, 'utf8'), key, Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}
