import crypto from 'node:crypto';
import { DiwanError } from '../shared/errors';

/**
 * Field encryption: AES-256-GCM, a fresh random 96-bit nonce per record, and the record's identity
 * (`msg:<id>:text`, `msg:<id>:field:<n>`, …) plus the blob header as associated data, so a blob copied to another
 * row or another field does not decrypt.
 *
 * Blob: [format 0x01][key version, u32 BE][nonce, 12][ciphertext][tag, 16]
 */
export interface KeyRing {
  /** The version new blobs are written with. */
  current: number;
  keys: ReadonlyMap<number, Buffer>;
}

const FORMAT = 0x01;
const HEADER = 5;
const NONCE = 12;
const TAG = 16;
const POOL = NONCE * 4096;

export class FieldCipher {
  private pool = Buffer.alloc(0);
  private poolAt = POOL;

  constructor(private readonly ring: KeyRing) {
    for (const [version, key] of ring.keys) {
      if (key.length !== 32) throw new DiwanError('datakey_invalid', `Data key version ${version} is not 256 bits long.`);
    }
    if (!ring.keys.has(ring.current)) throw new DiwanError('datakey_invalid', 'The current data key is missing from the key ring.');
  }

  get currentVersion(): number {
    return this.ring.current;
  }

  /** The key new blobs are written with: for a worker of this process that only encrypts (see `app/prepare-worker`). */
  writingKey(): { version: number; key: Buffer } {
    return { version: this.ring.current, key: this.keyFor(this.ring.current) };
  }

  hasVersion(version: number): boolean {
    return this.ring.keys.has(version);
  }

  encrypt(identity: string, plaintext: string, version = this.ring.current): Buffer {
    const key = this.keyFor(version);
    const pt = Buffer.from(plaintext, 'utf8');
    const out = Buffer.allocUnsafe(HEADER + NONCE + pt.length + TAG);
    out[0] = FORMAT;
    out.writeUInt32BE(version, 1);
    this.nonce().copy(out, HEADER);
    const cipher = crypto.createCipheriv('aes-256-gcm', key, out.subarray(HEADER, HEADER + NONCE));
    cipher.setAAD(aad(out, identity));
    const n = cipher.update(pt).copy(out, HEADER + NONCE);
    cipher.final();
    cipher.getAuthTag().copy(out, HEADER + NONCE + n);
    return out;
  }

  decrypt(identity: string, blob: Buffer): string {
    if (blob.length < HEADER + NONCE + TAG || blob[0] !== FORMAT) throw undecryptable(identity);
    const key = this.ring.keys.get(blob.readUInt32BE(1));
    if (!key) {
      throw new DiwanError(
        'datakey_version_missing',
        `The data key version ${blob.readUInt32BE(1)} needed for ${identity} is not in the keychain. Finish or repeat \`diwan db rotate-key\`, or restore the key from a backup.`,
      );
    }
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, blob.subarray(HEADER, HEADER + NONCE));
      decipher.setAAD(aad(blob, identity));
      decipher.setAuthTag(blob.subarray(blob.length - TAG));
      return Buffer.concat([decipher.update(blob.subarray(HEADER + NONCE, blob.length - TAG)), decipher.final()]).toString('utf8');
    } catch {
      throw undecryptable(identity);
    }
  }

  /** The key version a blob was written with. */
  static versionOf(blob: Buffer): number {
    return blob.readUInt32BE(1);
  }

  private keyFor(version: number): Buffer {
    const key = this.ring.keys.get(version);
    if (!key) throw new DiwanError('datakey_version_missing', `Data key version ${version} is not loaded.`);
    return key;
  }

  /** Nonces come from the OS CSPRNG, drawn in pools so per-record encryption does not pay a call each. */
  private nonce(): Buffer {
    if (this.poolAt >= POOL) {
      this.pool = crypto.randomBytes(POOL);
      this.poolAt = 0;
    }
    const n = this.pool.subarray(this.poolAt, this.poolAt + NONCE);
    this.poolAt += NONCE;
    return n;
  }
}

function aad(blob: Buffer, identity: string): Buffer {
  return Buffer.concat([blob.subarray(0, HEADER), Buffer.from(identity, 'utf8')]);
}

function undecryptable(identity: string): DiwanError {
  return new DiwanError(
    'field_undecryptable',
    `The stored original for ${identity} does not decrypt with this database's key: it was altered, moved from another record, or written with another key.`,
  );
}
