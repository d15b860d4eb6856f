import crypto from 'node:crypto';
import { DiwanError } from '../core/shared/errors';
import { KeychainRelaySecrets, secretNames, type RelaySecrets } from './secrets';

/**
 * Events wait in the relay's queue encrypted (AES-256-GCM, key = the secret `queue-key`, 32 random bytes in base64),
 * so the database file alone shows channel ids, sequence numbers and times, never what a customer wrote.
 */
export class QueueCipher {
  private constructor(private readonly key: Buffer) {}

  static fromKey(key: Buffer): QueueCipher {
    if (key.length !== 32) throw new DiwanError('relay_queue_key_invalid', 'The relay secret "queue-key" must be 32 random bytes in base64 (`head -c 32 /dev/urandom | base64`).');
    return new QueueCipher(key);
  }

  /** The queue key from the secrets; created in the keychain on first start, required in advance with credentials. */
  static async load(secrets: RelaySecrets): Promise<QueueCipher> {
    let b64 = await secrets.get(secretNames.queueKey);
    if (!b64 && secrets instanceof KeychainRelaySecrets) {
      await secrets.set(secretNames.queueKey, crypto.randomBytes(32).toString('base64'));
      b64 = await secrets.get(secretNames.queueKey);
    }
    if (!b64) {
      throw new DiwanError(
        'relay_queue_key_missing',
        'The relay secret "queue-key" is missing. Create it once (`head -c 32 /dev/urandom | base64`) and load it as a credential (docs/IT-GUIDE.md, "Relay secrets").',
      );
    }
    return QueueCipher.fromKey(Buffer.from(b64, 'base64'));
  }

  /** `aad` binds the ciphertext to its row (channel and dedup key), so rows cannot be swapped. */
  seal(plain: string, aad: string): Buffer {
    const iv = crypto.randomBytes(12);
    const c = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    c.setAAD(Buffer.from(aad, 'utf8'));
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]);
  }

  open(sealed: Buffer, aad: string): string {
    try {
      const d = crypto.createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, 12));
      d.setAAD(Buffer.from(aad, 'utf8'));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
    } catch {
      throw new DiwanError('relay_queue_unreadable', 'A queued event could not be decrypted: the relay secret "queue-key" is not the one it was stored with.');
    }
  }
}
