import crypto from 'node:crypto';
import { DiwanError } from '../shared/errors';
import type { Vault } from '../vault';
import { fingerprintOf, type DeviceIdentity } from '../shared/device-key';

export { fingerprintOf, formatFingerprint, normalizeFingerprint, verifyEd25519, type DeviceIdentity } from '../shared/device-key';

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
