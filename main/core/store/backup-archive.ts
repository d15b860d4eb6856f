import crypto from 'node:crypto';
import fs from 'node:fs';
import { DiwanError } from '../shared/errors';

/**
 * The Diwan backup archive (format 1):
 *
 *   "DIWANBK" 0x01 | header length (u32 BE) | header (JSON, UTF-8) | records…
 *   record = ciphertext length (u32 BE) | final flag (u8) | AES-256-GCM ciphertext | tag (16)
 *
 * The archive key is HKDF-SHA256(master, header.salt, "diwan-backup-v1"), where master is either scrypt(passphrase)
 * or a 256-bit key kept in the keychain (`backupkey:<db id>`). Record i uses the nonce 0⁴‖i (u64 BE) — safe because
 * every archive has its own key — and authenticates SHA-256(magic‖length‖header)‖i‖final, so the header cannot be
 * altered, records cannot be reordered or dropped, and a truncated archive is detected (no final record).
 * Record 0 is the manifest (JSON), then the database file in 1 MiB records, then an empty final record.
 */
export const MAGIC = Buffer.from('DIWANBK\x01', 'latin1');
const MAX_HEADER = 64 * 1024;
const MAX_RECORD = 4 * 1024 * 1024;
export const CHUNK = 1024 * 1024;
const TAG = 16;
const INFO = Buffer.from('diwan-backup-v1');

export type Protection =
  | { kind: 'passphrase'; kdf: 'scrypt'; salt: string; N: number; r: number; p: number }
  | { kind: 'keychain'; account: string };

export interface ArchiveHeader {
  format: 'diwan-backup';
  version: 1;
  createdAt: string;
  appVersion: string;
  dbId: string;
  schemaVersion: number;
  salt: string;
  protection: Protection;
  /** What the records hold: absent for a single-seat database, `embedded-hub` for a data folder's built-in hub. */
  content?: 'embedded-hub';
}

export const SCRYPT = { N: 2 ** 17, r: 8, p: 1 };
export const MIN_PASSPHRASE = 12;

export function passphraseMaster(passphrase: string, p: Extract<Protection, { kind: 'passphrase' }>): Buffer {
  return crypto.scryptSync(passphrase.normalize('NFKC'), Buffer.from(p.salt, 'base64'), 32, {
    N: p.N,
    r: p.r,
    p: p.p,
    maxmem: 256 * 1024 * 1024,
  });
}

function archiveKey(master: Buffer, header: ArchiveHeader): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', master, Buffer.from(header.salt, 'base64'), INFO, 32));
}

function nonce(i: number): Buffer {
  const n = Buffer.alloc(12);
  n.writeBigUInt64BE(BigInt(i), 4);
  return n;
}

function aad(headerHash: Buffer, i: number, final: boolean): Buffer {
  const b = Buffer.alloc(headerHash.length + 9);
  headerHash.copy(b);
  b.writeBigUInt64BE(BigInt(i), headerHash.length);
  b[headerHash.length + 8] = final ? 1 : 0;
  return b;
}

export class ArchiveWriter {
  private i = 0;
  private readonly key: Buffer;
  private readonly headerHash: Buffer;

  constructor(
    private readonly fd: number,
    header: ArchiveHeader,
    master: Buffer,
  ) {
    const h = Buffer.from(JSON.stringify(header), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(h.length);
    const prefix = Buffer.concat([MAGIC, len, h]);
    fs.writeSync(fd, prefix);
    this.headerHash = crypto.createHash('sha256').update(prefix).digest();
    this.key = archiveKey(master, header);
  }

  write(plain: Buffer, final = false): void {
    const c = crypto.createCipheriv('aes-256-gcm', this.key, nonce(this.i));
    c.setAAD(aad(this.headerHash, this.i, final));
    const body = Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
    const head = Buffer.alloc(5);
    head.writeUInt32BE(body.length - TAG);
    head[4] = final ? 1 : 0;
    fs.writeSync(this.fd, head);
    fs.writeSync(this.fd, body);
    this.i++;
  }
}

/** Reads and authenticates an archive record by record. Nothing it returns has not been authenticated. */
export class ArchiveReader {
  readonly header: ArchiveHeader;
  private readonly headerHash: Buffer;
  private key: Buffer | null = null;
  private pos: number;
  private i = 0;
  done = false;

  constructor(private readonly fd: number) {
    const fixed = this.read(0, MAGIC.length + 4);
    if (!fixed || !fixed.subarray(0, MAGIC.length).equals(MAGIC)) throw notArchive();
    const len = fixed.readUInt32BE(MAGIC.length);
    if (len > MAX_HEADER) throw notArchive();
    const h = this.read(MAGIC.length + 4, len);
    if (!h) throw damaged();
    try {
      this.header = JSON.parse(h.toString('utf8')) as ArchiveHeader;
    } catch {
      throw notArchive();
    }
    if (this.header.format !== 'diwan-backup' || this.header.version !== 1 || !this.header.protection) throw notArchive();
    this.headerHash = crypto.createHash('sha256').update(Buffer.concat([fixed, h])).digest();
    this.pos = MAGIC.length + 4 + len;
  }

  unlock(master: Buffer): void {
    this.key = archiveKey(master, this.header);
  }

  /** The next record's plaintext, or null after the final one. */
  next(): Buffer | null {
    if (this.done) return null;
    const head = this.read(this.pos, 5);
    if (!head) throw damaged();
    const len = head.readUInt32BE(0);
    const final = head[4] === 1;
    if (len > MAX_RECORD || head[4]! > 1) throw damaged();
    const body = this.read(this.pos + 5, len + TAG);
    if (!body) throw damaged();
    let plain: Buffer;
    try {
      const d = crypto.createDecipheriv('aes-256-gcm', this.key!, nonce(this.i));
      d.setAAD(aad(this.headerHash, this.i, final));
      d.setAuthTag(body.subarray(len));
      plain = Buffer.concat([d.update(body.subarray(0, len)), d.final()]);
    } catch {
      throw this.i === 0 ? wrongSecret(this.header.protection.kind) : damaged();
    }
    this.pos += 5 + len + TAG;
    this.i++;
    if (final) {
      if (this.read(this.pos, 1)) throw damaged();
      this.done = true;
    }
    return plain;
  }

  private read(at: number, n: number): Buffer | null {
    const b = Buffer.alloc(n);
    const got = fs.readSync(this.fd, b, 0, n, at);
    return got === n ? b : null;
  }
}

function notArchive(): DiwanError {
  return new DiwanError('backup_not_archive', 'This file is not a Diwan backup archive (or its beginning is damaged). Nothing was changed.');
}

function damaged(): DiwanError {
  return new DiwanError(
    'backup_damaged',
    'The backup archive is damaged or incomplete (a part failed its integrity check). Nothing was changed; use another backup.',
  );
}

function wrongSecret(kind: Protection['kind']): DiwanError {
  return kind === 'passphrase'
    ? new DiwanError('backup_wrong_passphrase', 'The passphrase does not open this backup archive. Nothing was changed; check the passphrase and try again.')
    : new DiwanError(
        'backup_wrong_key',
        "The backup key in this machine's keychain does not open this archive. Nothing was changed; restore it on the machine that made it, or use a passphrase archive.",
      );
}
