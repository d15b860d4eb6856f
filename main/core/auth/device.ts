import crypto from 'node:crypto';
import { DiwanError } from '../shared/errors';
import type { Vault } from '../vault';

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

export const DEVICE_ACCOUNT = 'device';

export async function loadOrCreateDeviceIdentity(vault: Vault): Promise<DeviceIdentity> {
  let pem = await vault.get(DEVICE_ACCOUNT);
  if (!pem) {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    await vault.set(DEVICE_ACCOUNT, privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
    // Read back what the keychain holds, so a concurrent first start by another process converges on one key.
    pem = await vault.get(DEVICE_ACCOUNT);
    if (!pem) throw new DiwanError('device_key_lost', 'The OS keychain did not keep the device key. Check that it is unlocked and try again.');
  }
  let privateKey: crypto.KeyObject;
  try {
    privateKey = crypto.createPrivateKey(pem);
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
  } catch {
    throw new DiwanError(
      'device_key_invalid',
      'The device key in the OS keychain (entry "device") is not an Ed25519 key. Ask IT before deleting it: the device fingerprint would change and need enrolling again.',
    );
  }
  const publicKey = crypto.createPublicKey(privateKey);
  return {
    fingerprint: fingerprintOf(publicKey),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    sign: (data) => crypto.sign(null, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, privateKey).toString('base64'),
  };
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
