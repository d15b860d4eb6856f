import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generateSealingKey, privateBytes, x25519Private, type SealingKeyPair } from './seal';
import { DiwanError } from '../shared/errors';

/** How long one sealing key is current: calendar months (default 1) or a number of days. */
export type EpochLength = { months: number } | { days: number };

/** IT's key-epoch setting (`core/policy/custody-settings.ts` checks it where it is written). */
export interface EpochRetention {
  epoch: EpochLength;
  /** Keep this many epochs' keys, the current one included; absent: keep every key. */
  retainEpochs?: number;
}

/** The epoch a moment falls in: months counted from year 0, or days since 1970, divided by the length. */
export function epochAt(at: number, length: EpochLength): number {
  const d = new Date(at);
  if ('months' in length) return Math.floor((d.getUTCFullYear() * 12 + d.getUTCMonth()) / length.months);
  return Math.floor(at / 86_400_000 / length.days);
}

/** When an epoch's period begins (the inverse of `epochAt`). */
export function epochStart(epoch: number, length: EpochLength): number {
  if ('months' in length) {
    const m = epoch * length.months;
    return Date.UTC(Math.floor(m / 12), m % 12, 1);
  }
  return epoch * length.days * 86_400_000;
}

interface KeyFile {
  format: 'diwan-custodian-epoch/1';
  epoch: number;
  publicKey: string;
  createdAt: number;
  /** AES-256-GCM of the 32-byte private scalar under the key-encryption key: IV | tag | ciphertext, base64. */
  wrapped: string;
}

const fileOf = (dir: string, epoch: number) => path.join(dir, `epoch-${epoch}.key.json`);
const markerOf = (dir: string, epoch: number) => path.join(dir, `epoch-${epoch}.shredded`);
const wrapAad = (epoch: number, publicKey: string) => Buffer.from(`diwan-custodian-epoch/1:${epoch}:${publicKey}`);

/**
 * The custodian's private sealing keys, one file per epoch in a directory only the custodian's user can read, each
 * encrypted under a key-encryption key (from the OS keychain, a systemd credential, or a passphrase through
 * scrypt). Rotation makes the next epoch's key when its period starts; shredding overwrites and deletes an epoch's
 * file and leaves a marker, so that epoch's originals are unreadable in every hub backup from then on.
 */
export class EpochKeys {
  private readonly cache = new Map<number, SealingKeyPair & { createdAt: number }>();

  constructor(
    private readonly dir: string,
    private readonly kek: Buffer,
    private readonly length: EpochLength,
  ) {
    if (kek.length !== 32) throw new DiwanError('custodian_kek_invalid', 'The key-encryption key must be 32 bytes.');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.statSync(dir);
    if (process.platform !== 'win32' && st.mode & 0o077) {
      throw new DiwanError('custodian_keys_exposed', `The key directory ${dir} can be read by other users (mode ${(st.mode & 0o777).toString(8)}); chmod 700 it.`);
    }
  }

  /** The key that seals now, made on first use in its period (`length`: IT's setting when it differs from the start's). */
  current(now: number, length: EpochLength = this.length): SealingKeyPair {
    const epoch = epochAt(now, length);
    return this.get(epoch) ?? this.create(epoch, now);
  }

  /** Epochs with a key still held, oldest first. */
  epochs(): number[] {
    return fs
      .readdirSync(this.dir)
      .map((f) => /^epoch-(\d+)\.key\.json$/.exec(f)?.[1])
      .filter((e): e is string => e !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  }

  shredded(): number[] {
    return fs
      .readdirSync(this.dir)
      .map((f) => /^epoch-(\d+)\.shredded$/.exec(f)?.[1])
      .filter((e): e is string => e !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  }

  publicKey(epoch: number): string | null {
    return this.get(epoch)?.publicKey ?? null;
  }

  /** The private key of an epoch; a shredded or unknown epoch is refused in words. */
  privateKey(epoch: number): crypto.KeyObject {
    const k = this.get(epoch);
    if (k) return k.privateKey;
    if (fs.existsSync(markerOf(this.dir, epoch))) {
      throw new DiwanError('epoch_shredded', `The key of epoch ${epoch} was destroyed by retention; originals sealed in that period can no longer be revealed.`);
    }
    throw new DiwanError('epoch_unknown', `This custodian holds no key for epoch ${epoch}.`);
  }

  /**
   * The epochs retention destroys: every key but the current one that was made before the oldest kept period began
   * (`retain` periods, the current one included). Judged by when each key was made rather than by its number, so a
   * change of the epoch length (which renumbers epochs) neither destroys recent keys nor keeps old ones forever.
   */
  expired(now: number, length: EpochLength, retain: number | undefined): number[] {
    if (!retain) return [];
    const current = epochAt(now, length);
    const keepFrom = epochStart(current - retain + 1, length);
    return this.epochs().filter((e) => e !== current && this.get(e)!.createdAt < keepFrom);
  }

  /** Destroys an epoch's private key: overwrite, flush, delete, then leave a marker naming when. */
  shred(epoch: number, now: number, current: number): void {
    if (epoch === current) throw new DiwanError('epoch_current', `Epoch ${epoch} is the current one; only a past epoch can be destroyed.`);
    const file = fileOf(this.dir, epoch);
    if (!fs.existsSync(file)) throw new DiwanError('epoch_unknown', `This custodian holds no key for epoch ${epoch}.`);
    const fd = fs.openSync(file, 'r+');
    try {
      fs.writeSync(fd, crypto.randomBytes(fs.fstatSync(fd).size), 0);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.unlinkSync(file);
    fs.writeFileSync(markerOf(this.dir, epoch), `${new Date(now).toISOString()}\n`, { mode: 0o600 });
    this.cache.delete(epoch);
  }

  private get(epoch: number): (SealingKeyPair & { createdAt: number }) | null {
    const hit = this.cache.get(epoch);
    if (hit) return hit;
    let text: string;
    try {
      text = fs.readFileSync(fileOf(this.dir, epoch), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    const f = JSON.parse(text) as KeyFile;
    const raw = Buffer.from(f.wrapped, 'base64');
    let scalar: Buffer;
    try {
      const d = crypto.createDecipheriv('aes-256-gcm', this.kek, raw.subarray(0, 12));
      d.setAAD(wrapAad(f.epoch, f.publicKey));
      d.setAuthTag(raw.subarray(12, 28));
      scalar = Buffer.concat([d.update(raw.subarray(28)), d.final()]);
    } catch {
      throw new DiwanError('custodian_kek_wrong', `The key file of epoch ${epoch} does not open with this key-encryption key (wrong passphrase or secret, or the file was altered).`);
    }
    const pair = { epoch: f.epoch, publicKey: f.publicKey, privateKey: x25519Private(scalar), createdAt: f.createdAt };
    this.cache.set(epoch, pair);
    return pair;
  }

  private create(epoch: number, now: number): SealingKeyPair {
    const pair = generateSealingKey(epoch);
    const iv = crypto.randomBytes(12);
    const c = crypto.createCipheriv('aes-256-gcm', this.kek, iv);
    c.setAAD(wrapAad(epoch, pair.publicKey));
    const ct = Buffer.concat([c.update(privateBytes(pair.privateKey)), c.final()]);
    const f: KeyFile = { format: 'diwan-custodian-epoch/1', epoch, publicKey: pair.publicKey, createdAt: now, wrapped: Buffer.concat([iv, c.getAuthTag(), ct]).toString('base64') };
    const tmp = `${fileOf(this.dir, epoch)}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(f), { mode: 0o600 });
    try {
      // Two custodian processes starting the same epoch at once: the first file wins, the other reads it.
      fs.linkSync(tmp, fileOf(this.dir, epoch));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      fs.unlinkSync(tmp);
    }
    this.cache.delete(epoch);
    return this.get(epoch)!;
  }
}

/** The key-encryption key from a 32-byte secret (base64) or from a passphrase (scrypt, salt kept beside the keys). */
export function keyEncryptionKey(o: { secret?: string | null; passphrase?: string | null; dir: string }): Buffer {
  if (o.secret) {
    const k = Buffer.from(o.secret, 'base64');
    if (k.length !== 32) throw new DiwanError('custodian_kek_invalid', 'The custodian secret `key-encryption-key` must be 32 random bytes, base64 (`openssl rand -base64 32`).');
    return k;
  }
  if (o.passphrase) {
    if (o.passphrase.length < 12) throw new DiwanError('custodian_passphrase_short', 'The custodian passphrase must be at least 12 characters.');
    fs.mkdirSync(o.dir, { recursive: true, mode: 0o700 });
    const saltFile = path.join(o.dir, 'kek.salt');
    if (!fs.existsSync(saltFile)) fs.writeFileSync(saltFile, crypto.randomBytes(16).toString('base64'), { mode: 0o600, flag: 'wx' });
    const salt = Buffer.from(fs.readFileSync(saltFile, 'utf8'), 'base64');
    return crypto.scryptSync(o.passphrase.normalize('NFC'), salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  }
  throw new DiwanError(
    'custodian_kek_missing',
    'The custodian needs the secret `key-encryption-key` (32 random bytes, base64) or `passphrase` in the keychain or systemd credentials (docs/IT-GUIDE.md, "Custodian").',
  );
}
