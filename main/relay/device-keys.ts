import crypto from 'node:crypto';

/**
 * An enrolled device's Ed25519 public key as IT writes it in the relay's config: PEM, or the raw 32 bytes in base64.
 * Fingerprints and signature checks are the identity module's (`main/core/auth/device`).
 */
export function publicKeyFrom(text: string): crypto.KeyObject {
  const t = text.trim();
  const key = t.startsWith('-----BEGIN')
    ? crypto.createPublicKey(t)
    : crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(t, 'base64').toString('base64url') }, format: 'jwk' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
  return key;
}
