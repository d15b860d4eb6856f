import crypto from 'node:crypto';
import { DiwanError } from '../shared/errors';

/**
 * Release signing keys are Ed25519. The public key travels as the base64 of its 32 raw bytes (one line, easy to put
 * in a registry value, a managed preference or /etc/diwan/diwan.conf); the private key stays a PKCS#8 PEM file
 * on the release machine.
 */
export interface ReleaseKeyPair {
  publicKey: string;
  privateKeyPem: string;
}

const RAW_KEY = /^[A-Za-z0-9+/]{43}=$/;

export function generateReleaseKey(): ReleaseKeyPair {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  return {
    publicKey: rawPublicKey(publicKey),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function rawPublicKey(key: crypto.KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(jwk.x!, 'base64url').toString('base64');
}

/** A public key from its one-line text form; a clear error for anything else. */
export function parsePublicKey(text: string): crypto.KeyObject {
  const t = text.trim();
  if (!RAW_KEY.test(t)) {
    throw new DiwanError('bad_release_key', 'A release public key must be the 44-character base64 line `diwan release keygen` printed.');
  }
  return crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(t, 'base64').toString('base64url') }, format: 'jwk' });
}

export function parsePrivateKey(pem: string): crypto.KeyObject {
  let key: crypto.KeyObject;
  try {
    key = crypto.createPrivateKey(pem);
  } catch {
    throw new DiwanError('bad_release_key', 'The release private key file is not a PEM key: use the file `diwan release keygen` wrote.');
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new DiwanError('bad_release_key', 'The release private key is not an Ed25519 key: use the file `diwan release keygen` wrote.');
  }
  return key;
}

export function publicKeyOf(privateKey: crypto.KeyObject): string {
  return rawPublicKey(crypto.createPublicKey(privateKey));
}

/** A short, stable name for a public key (first 16 hex digits of its SHA-256), shown in manifests and refusals. */
export function keyIdOf(publicKey: string): string {
  return crypto.createHash('sha256').update(Buffer.from(publicKey.trim(), 'base64')).digest('hex').slice(0, 16);
}
