import crypto from 'node:crypto';
import { DiwanError } from '../shared/errors';

/**
 * Ed25519 keys as Diwan writes them for people: a public key is the standard base64 of its 32 raw bytes, a key id
 * is the first 16 characters of the base64url SHA-256 of those bytes, a private key is a PKCS#8 PEM file.
 */
export const ED25519_PUBLIC_KEY_PATTERN = /^[A-Za-z0-9+/]{43}=$/;

export function publicKeyToBase64(key: crypto.KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || !jwk.x) throw new DiwanError('key_not_ed25519', 'This key is not an Ed25519 key.');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

export function publicKeyFromBase64(b64: string): crypto.KeyObject {
  const raw = Buffer.from(b64, 'base64');
  if (!ED25519_PUBLIC_KEY_PATTERN.test(b64) || raw.length !== 32) {
    throw new DiwanError('key_malformed', 'An Ed25519 public key must be the base64 of 32 bytes (44 characters ending in "=").');
  }
  return crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

export function keyIdOf(publicKeyB64: string): string {
  return crypto.createHash('sha256').update(Buffer.from(publicKeyB64, 'base64')).digest('base64url').slice(0, 16);
}

export function generateEd25519(): { privateKeyPem: string; publicKey: string } {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKeyToBase64(publicKey),
  };
}

export function privateKeyFromPem(pem: string, what: string): crypto.KeyObject {
  let key: crypto.KeyObject;
  try {
    key = crypto.createPrivateKey(pem);
  } catch {
    throw new DiwanError('key_unreadable', `${what} is not a PEM private key.`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new DiwanError('key_not_ed25519', `${what} is not an Ed25519 private key.`);
  return key;
}

/** Signs `message` under a domain-separation prefix, so a signature for one purpose is never valid for another. */
export function signWithDomain(domain: string, message: string, key: crypto.KeyObject): string {
  return crypto.sign(null, Buffer.from(`${domain}\n${message}`, 'utf8'), key).toString('base64');
}

export function verifyWithDomain(domain: string, message: string, signatureB64: string, key: crypto.KeyObject): boolean {
  const sig = Buffer.from(signatureB64, 'base64');
  if (sig.length !== 64) return false;
  try {
    return crypto.verify(null, Buffer.from(`${domain}\n${message}`, 'utf8'), key, sig);
  } catch {
    return false;
  }
}
