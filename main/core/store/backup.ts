import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DiwanError } from '../shared/errors';
import { FieldCipher, type KeyRing, type Vault } from '../vault';
import { serializeKeyRing, parseKeyRing } from '../vault/key-ring';
import { ArchiveReader, ArchiveWriter, CHUNK, MIN_PASSPHRASE, passphraseMaster, SCRYPT, type ArchiveHeader, type Protection } from './backup-archive';
import { identity } from './context';
import { openDatabase, schemaVersion, type Db } from './database';
import { getSetting, SETTING } from './settings';

export type BackupSecret = { passphrase: string } | { vault: Vault };

interface Manifest {
  dbId: string;
  /** The data keys the archived blobs need, so the archive can be restored where the keychain never had them. */
  keys: string;
  dbSize: number;
  dbSha256: string;
}

/**
 * Online backup: SQLite's backup API copies a consistent snapshot to a temporary file next to the database, which
 * is then written into an encrypted archive (`backup-archive.ts`) and removed. The archive appears under its final
 * name only when complete.
 */
export async function backupDatabase(opts: {
  db: Db;
  dbId: string;
  ring: KeyRing;
  out: string;
  secret: BackupSecret;
  appVersion: string;
  now: number;
}): Promise<{ file: string; bytes: number }> {
  const out = path.resolve(opts.out);
  if (fs.existsSync(out)) throw new DiwanError('backup_exists', `${out} already exists; choose a new file name for the backup.`);
  if (!fs.existsSync(path.dirname(out))) throw new DiwanError('backup_no_dir', `The folder ${path.dirname(out)} does not exist.`);
  const { protection, master } = await protectArchive(opts.secret, opts.dbId);
  const snapshot = `${opts.db.name}.backup-${crypto.randomBytes(6).toString('hex')}`;
  const partial = `${out}.partial`;
  try {
    await opts.db.backup(snapshot);
    const dbSha256 = crypto.createHash('sha256');
    let dbSize = 0;
    forEachChunk(snapshot, (c) => {
      dbSha256.update(c);
      dbSize += c.length;
    });
    const header: ArchiveHeader = {
      format: 'diwan-backup',
      version: 1,
      createdAt: new Date(opts.now).toISOString(),
      appVersion: opts.appVersion,
      dbId: opts.dbId,
      schemaVersion: schemaVersion(opts.db),
      salt: crypto.randomBytes(16).toString('base64'),
      protection,
    };
    const manifest: Manifest = { dbId: opts.dbId, keys: serializeKeyRing(opts.ring), dbSize, dbSha256: dbSha256.digest('hex') };
    const fd = fs.openSync(partial, 'wx', 0o600);
    try {
      const w = new ArchiveWriter(fd, header, master);
      w.write(Buffer.from(JSON.stringify(manifest)));
      forEachChunk(snapshot, (c) => w.write(c));
      w.write(Buffer.alloc(0), true);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, out);
    return { file: out, bytes: fs.statSync(out).size };
  } finally {
    fs.rmSync(snapshot, { force: true });
    fs.rmSync(partial, { force: true });
  }
}

/**
 * Restores an archive over the database at `databaseFile`. Every record is authenticated, the database is rebuilt in
 * a temporary file and checked (integrity, schema not newer than this Diwan, its id, its key decrypts its data)
 * before anything is replaced; then the data keys go to the keychain and the current database is kept aside as
 * `<name>.before-restore-<time>`.
 */
export async function restoreBackup(opts: {
  archive: string;
  databaseFile: string;
  vault: Vault;
  passphrase?: string;
  now: number;
}): Promise<{ dbId: string; schemaVersion: number; previous: string | null }> {
  let fd: number;
  try {
    fd = fs.openSync(opts.archive, 'r');
  } catch {
    throw new DiwanError('backup_unreadable', `Cannot read the backup archive ${opts.archive}. Nothing was changed.`);
  }
  const dir = path.dirname(path.resolve(opts.databaseFile));
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = path.join(dir, `.restore-${crypto.randomBytes(6).toString('hex')}.sqlite`);
  try {
    const reader = await openArchive(fd, opts.vault, opts.passphrase);
    if (reader.header.content) throw new DiwanError('backup_other_content', otherContent(reader.header));
    const manifest = JSON.parse(reader.next()!.toString('utf8')) as Manifest;
    const sha = crypto.createHash('sha256');
    let size = 0;
    const out = fs.openSync(tmp, 'wx', 0o600);
    try {
      for (let chunk = reader.next(); chunk; chunk = reader.next()) {
        sha.update(chunk);
        size += chunk.length;
        fs.writeSync(out, chunk);
      }
      fs.fsyncSync(out);
    } finally {
      fs.closeSync(out);
    }
    if (size !== manifest.dbSize || sha.digest('hex') !== manifest.dbSha256) {
      throw new DiwanError('backup_damaged', 'The database inside the archive does not match its checksum. Nothing was changed; use another backup.');
    }
    const ring = parseKeyRing(manifest.keys, 'in the archive');
    const version = verifyRestored(tmp, manifest.dbId, ring);

    const existing = await opts.vault.dataKeys(manifest.dbId);
    const keys = new Map([...(existing?.keys ?? []), ...ring.keys]);
    await opts.vault.setDataKeys(manifest.dbId, { current: Math.max(ring.current, existing?.current ?? 0), keys });

    const previous = moveAside(opts.databaseFile, opts.now);
    fs.renameSync(tmp, opts.databaseFile);
    return { dbId: manifest.dbId, schemaVersion: version, previous };
  } finally {
    fs.closeSync(fd);
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  }
}

/** Opens the rebuilt database (integrity, schema, migrations for an older one) and decrypts a sample with its key. */
function verifyRestored(file: string, dbId: string, ring: KeyRing): number {
  const db = openDatabase(file);
  try {
    if (getSetting(db, SETTING.dbId) !== dbId) {
      throw new DiwanError('backup_damaged', 'The database inside the archive is not the one its manifest names. Nothing was changed.');
    }
    const sample = db.prepare('SELECT id, text_enc FROM messages WHERE text_enc IS NOT NULL AND key_version > 0 ORDER BY id DESC LIMIT 1').get() as
      | { id: number; text_enc: Buffer }
      | undefined;
    if (sample) new FieldCipher(ring).decrypt(identity.messageText(sample.id), sample.text_enc);
    db.pragma('wal_checkpoint(TRUNCATE)');
    return schemaVersion(db);
  } finally {
    db.close();
  }
}

export function moveAside(file: string, now: number): string | null {
  if (!fs.existsSync(file)) return null;
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const aside = `${file}.before-restore-${stamp}`;
  for (const suffix of ['-wal', '-shm', '']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix);
  }
  return aside;
}

/**
 * Opens an archive's records with its secret: the passphrase, or the backup key this machine's keychain holds for the
 * archive's own id (never another account, since the header is not authenticated yet).
 */
export async function openArchive(fd: number, vault: Vault, passphrase: string | undefined): Promise<ArchiveReader> {
  const reader = new ArchiveReader(fd);
  const p = reader.header.protection;
  if (p.kind === 'passphrase') {
    if (!passphrase) throw new DiwanError('backup_needs_passphrase', 'This archive is protected by a passphrase: give it with --passphrase-file or --passphrase-stdin.');
    reader.unlock(passphraseMaster(passphrase, p));
    return reader;
  }
  if (p.account !== `backupkey:${reader.header.dbId}`) throw new DiwanError('backup_not_archive', 'This file is not a Diwan backup archive. Nothing was changed.');
  const key = await vault.get(`backupkey:${reader.header.dbId}`);
  if (!key) {
    throw new DiwanError(
      'backup_key_missing',
      `This archive is protected by a backup key (${p.account}) that is not in this machine's keychain. Restore it on the machine that made it, or use an archive made with a passphrase. Nothing was changed.`,
    );
  }
  reader.unlock(Buffer.from(key, 'base64'));
  return reader;
}

/** The sentence for an archive of the other kind of data folder. */
export function otherContent(header: ArchiveHeader): string {
  return header.content === 'embedded-hub'
    ? "This archive holds a data folder's built-in team hub, not a single-seat database. Restore it into a data folder that runs the built-in hub (DIWAN_EMBEDDED=hub, or a new folder). Nothing was changed."
    : 'This archive holds a single-seat database, not a built-in team hub. Restore it into a single-seat data folder (DIWAN_EMBEDDED=store). Nothing was changed.';
}

/** The archive's protection: scrypt of a passphrase (12+ characters), or a key kept in this keychain as `backupkey:<id>`. */
export async function protectArchive(secret: BackupSecret, dbId: string): Promise<{ protection: Protection; master: Buffer }> {
  if ('passphrase' in secret) {
    if ([...secret.passphrase].length < MIN_PASSPHRASE) {
      throw new DiwanError('backup_weak_passphrase', `A backup passphrase has at least ${MIN_PASSPHRASE} characters.`);
    }
    const protection = { kind: 'passphrase' as const, kdf: 'scrypt' as const, salt: crypto.randomBytes(16).toString('base64'), ...SCRYPT };
    return { protection, master: passphraseMaster(secret.passphrase, protection) };
  }
  const account = `backupkey:${dbId}` as const;
  let key = await secret.vault.get(account);
  if (!key) {
    key = crypto.randomBytes(32).toString('base64');
    await secret.vault.set(account, key);
  }
  return { protection: { kind: 'keychain', account }, master: Buffer.from(key, 'base64') };
}

export function forEachChunk(file: string, each: (chunk: Buffer) => void): void {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(CHUNK);
    for (;;) {
      const n = fs.readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) return;
      each(Buffer.from(buf.subarray(0, n)));
    }
  } finally {
    fs.closeSync(fd);
  }
}
