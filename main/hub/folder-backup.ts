import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FileLock } from '../core/custody/file-lock';
import { DiwanError } from '../core/shared/errors';
import { ArchiveWriter, CHUNK, type ArchiveHeader } from '../core/store/backup-archive';
import { forEachChunk, moveAside, openArchive, otherContent, protectArchive } from '../core/store/backup';
import type { Vault } from '../core/vault';
import { EMBEDDED_HUB_DATABASE, EMBEDDED_HUB_DIR } from './embedded';
import { HubStore, sqliteExecutor } from './store';
import { hubArchiveId } from './store/folder-backup';

/** The keychain entry without which the built-in hub's sealed originals can never be opened. */
const CUSTODIAN_KEK = 'custodian-key-encryption-key';

/**
 * What an archive of a built-in hub holds after its header (the single-seat archive format, `backup-archive.ts`):
 * record 0 is this manifest, then the database snapshot, then each file of the hub folder in `files` order, every
 * one starting on a record of its own, then the empty final record.
 */
interface HubManifest {
  content: 'embedded-hub';
  archiveId: string;
  schemaVersion: number;
  files: Array<{ name: string; size: number; sha256: string }>;
  /** With a passphrase: the keychain's `hub:*` entries, sealed in the archive under the passphrase. */
  secrets: Record<string, string> | null;
  /** Without one: the names the restoring keychain must already hold. */
  keychainNames: string[];
}

export interface HubBackupResult {
  file: string;
  bytes: number;
  files: number;
  secrets: number;
  archiveId: string;
}

export const hubDatabaseOf = (dataDir: string) => path.join(dataDir, EMBEDDED_HUB_DIR, EMBEDDED_HUB_DATABASE);

/**
 * Online backup of a data folder's built-in hub while its console may run: SQLite's backup API takes a consistent
 * snapshot of `hub.sqlite`, then the folder's other files are copied (custodian key files, its log under the log's own
 * lock, the policy, the certificate). The snapshot comes first, so every epoch key a snapshotted original needs is
 * in the copy. With a passphrase the keychain's `hub:*` entries travel inside the archive; without one the archive
 * key and the hub's keys stay in this keychain. The archive appears under its final name only when complete.
 */
export async function backupEmbeddedHub(o: { dataDir: string; vault: Vault; out: string; passphrase?: string; appVersion: string; now: number }): Promise<HubBackupResult> {
  const dir = path.join(o.dataDir, EMBEDDED_HUB_DIR);
  const dbFile = hubDatabaseOf(o.dataDir);
  if (!fs.existsSync(dbFile)) throw new DiwanError('embedded_hub_missing', `This data folder is in hub mode but has no hub database yet (${dbFile}); there is nothing to back up.`);
  const out = path.resolve(o.out);
  if (fs.existsSync(out)) throw new DiwanError('backup_exists', `${out} already exists; choose a new file name for the backup.`);
  if (!fs.existsSync(path.dirname(out))) throw new DiwanError('backup_no_dir', `The folder ${path.dirname(out)} does not exist.`);

  const store = new HubStore(sqliteExecutor(dbFile), () => o.now);
  let archiveId: string;
  let schemaVersion: number;
  try {
    archiveId = await hubArchiveId(store);
    schemaVersion = await store.schemaVersion();
  } finally {
    await store.close();
  }
  const { protection, master } = await protectArchive(o.passphrase === undefined ? { vault: o.vault } : { passphrase: o.passphrase }, archiveId);

  const work = fs.mkdtempSync(path.join(dir, '.backup-'));
  const partial = `${out}.partial`;
  try {
    const snapshot = path.join(work, EMBEDDED_HUB_DATABASE);
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      // All pages in one step, inside one read transaction: the WAL lets the running hub keep writing meanwhile. In
      // small steps SQLite restarts the copy whenever another connection writes, which a busy hub does for ever.
      await db.backup(snapshot, { progress: () => 0x7fffffff });
    } finally {
      db.close();
    }
    const copies = [{ name: EMBEDDED_HUB_DATABASE, file: snapshot }, ...copyFolderFiles(dir, work)];
    const files = copies.map((c) => ({ name: c.name, ...digest(c.file) }));
    const names = (await o.vault.accounts('hub:')).map((a) => a.slice('hub:'.length));
    let secrets: Record<string, string> | null = null;
    if (o.passphrase !== undefined) {
      secrets = {};
      for (const name of names) {
        const v = await o.vault.get(`hub:${name}`);
        if (v) secrets[name] = v;
      }
    }
    const manifest: HubManifest = { content: 'embedded-hub', archiveId, schemaVersion, files, secrets, keychainNames: names };
    const header: ArchiveHeader = {
      format: 'diwan-backup',
      version: 1,
      createdAt: new Date(o.now).toISOString(),
      appVersion: o.appVersion,
      dbId: archiveId,
      schemaVersion,
      salt: crypto.randomBytes(16).toString('base64'),
      protection,
      content: 'embedded-hub',
    };
    const fd = fs.openSync(partial, 'wx', 0o600);
    try {
      const w = new ArchiveWriter(fd, header, master);
      w.write(Buffer.from(JSON.stringify(manifest)));
      for (const c of copies) forEachChunk(c.file, (chunk) => w.write(chunk));
      w.write(Buffer.alloc(0), true);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, out);
    return { file: out, bytes: fs.statSync(out).size, files: files.length, secrets: secrets ? Object.keys(secrets).length : 0, archiveId };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(partial, { force: true });
  }
}

/** The hub folder's files besides the database, copied into `work` (sub-folders flattened to `a/b` names). */
function copyFolderFiles(dir: string, work: string): Array<{ name: string; file: string }> {
  const out: Array<{ name: string; file: string }> = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const name = rel ? `${rel}/${e.name}` : e.name;
      if (!kept(name)) continue;
      if (e.isDirectory()) walk(name);
      else if (e.isFile()) {
        const to = path.join(work, `${out.length}.copy`);
        const from = path.join(dir, name);
        // The custodian log is appended under its lock by the running hub: copy whole lines only.
        if (from.endsWith('.log')) new FileLock(`${from}.lock`).with(() => fs.copyFileSync(from, to));
        else fs.copyFileSync(from, to);
        out.push({ name, file: to });
      }
    }
  };
  walk('');
  return out;
}

/** The database travels as its snapshot; locks, temporary files and earlier restores' leftovers do not travel. */
function kept(name: string): boolean {
  const base = name.split('/').pop()!;
  return (
    !name.startsWith(`${EMBEDDED_HUB_DATABASE}`) &&
    !base.startsWith('.') &&
    !base.endsWith('.lock') &&
    !base.endsWith('.tmp') &&
    !base.includes('.before-restore-')
  );
}

function digest(file: string): { size: number; sha256: string } {
  const h = crypto.createHash('sha256');
  let size = 0;
  forEachChunk(file, (c) => {
    h.update(c);
    size += c.length;
  });
  return { size, sha256: h.digest('hex') };
}

export interface HubRestoreResult {
  folder: string;
  previous: string | null;
  schemaVersion: number;
  auditEntries: number;
  secretsRestored: number;
}

/**
 * Restores a built-in hub archive into a data folder: every record authenticated, the folder rebuilt beside the
 * current one and checked (checksums, SQLite integrity, a schema this Diwan knows, an intact audit chain, the keys the
 * custodian's files need) before anything is replaced. The hub's keychain entries the archive carries are added; one
 * that differs from what this keychain holds (another folder's built-in hub on this account) stops the restore, since
 * replacing it would orphan that hub's sealed originals. `beforeSwap` runs on the checked copy (the command's sign-in
 * and audit entry). The current hub folder is kept aside as `hub.before-restore-<time>`.
 */
export async function restoreEmbeddedHub(o: {
  dataDir: string;
  archive: string;
  vault: Vault;
  passphrase?: string;
  now: number;
  beforeSwap?: (store: HubStore, secrets: (name: string) => Promise<string | null>) => Promise<void>;
}): Promise<HubRestoreResult> {
  let fd: number;
  try {
    fd = fs.openSync(o.archive, 'r');
  } catch {
    throw new DiwanError('backup_unreadable', `Cannot read the backup archive ${o.archive}. Nothing was changed.`);
  }
  fs.mkdirSync(o.dataDir, { recursive: true, mode: 0o700 });
  const target = path.join(o.dataDir, EMBEDDED_HUB_DIR);
  const work = fs.mkdtempSync(path.join(o.dataDir, '.hub-restore-'));
  try {
    const reader = await openArchive(fd, o.vault, o.passphrase);
    if (reader.header.content !== 'embedded-hub') throw new DiwanError('backup_other_content', otherContent(reader.header));
    const manifest = JSON.parse(reader.next()!.toString('utf8')) as HubManifest;
    if (manifest.content !== 'embedded-hub' || !Array.isArray(manifest.files) || manifest.files[0]?.name !== EMBEDDED_HUB_DATABASE) {
      throw new DiwanError('backup_damaged', 'The archive does not list a built-in hub database. Nothing was changed; use another backup.');
    }
    for (const f of manifest.files) extractFile(reader, f, path.join(work, ...safeName(f.name).split('/')));
    const end = reader.next();
    if (!end || end.length !== 0 || !reader.done) throw new DiwanError('backup_damaged', 'The backup archive holds more than its manifest lists. Nothing was changed; use another backup.');

    const secretOf = await checkSecrets(manifest, o.vault);
    const restored = new HubStore(sqliteExecutor(path.join(work, EMBEDDED_HUB_DATABASE)), () => o.now);
    let schemaVersion: number;
    let auditEntries: number;
    try {
      const integrity = await restored.q.all<{ integrity_check: string }>('PRAGMA integrity_check');
      if (integrity[0]?.integrity_check !== 'ok') throw new DiwanError('backup_damaged', 'The hub database inside the archive fails SQLite\'s integrity check. Nothing was changed; use another backup.');
      await restored.checkSchema();
      schemaVersion = await restored.schemaVersion();
      const chain = await restored.verifyAudit();
      if (chain.broken) {
        throw new DiwanError('backup_trail_broken', `The audit trail inside the archive does not verify (entry ${chain.broken.seq}: ${chain.broken.why}). Nothing was changed; keep this archive as evidence and restore another.`);
      }
      refuseWhileRunning(o.dataDir);
      await o.beforeSwap?.(restored, secretOf);
      auditEntries = (await restored.verifyAudit()).entries;
    } finally {
      await restored.close();
    }

    let added = 0;
    for (const [name, value] of Object.entries(manifest.secrets ?? {})) {
      if ((await o.vault.get(`hub:${name}`)) === null) {
        await o.vault.set(`hub:${name}`, value);
        added++;
      }
    }
    refuseWhileRunning(o.dataDir);
    const previous = moveAside(target, o.now);
    fs.renameSync(work, target);
    return { folder: target, previous, schemaVersion, auditEntries, secretsRestored: added };
  } finally {
    fs.closeSync(fd);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function extractFile(reader: Awaited<ReturnType<typeof openArchive>>, f: { name: string; size: number; sha256: string }, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
  const h = crypto.createHash('sha256');
  let size = 0;
  const out = fs.openSync(to, 'wx', 0o600);
  try {
    while (size < f.size) {
      const chunk = reader.next();
      if (!chunk || chunk.length === 0 || chunk.length > CHUNK || size + chunk.length > f.size) {
        throw new DiwanError('backup_damaged', `The file ${f.name} inside the archive is cut short or too long. Nothing was changed; use another backup.`);
      }
      h.update(chunk);
      size += chunk.length;
      fs.writeSync(out, chunk);
    }
    fs.fsyncSync(out);
  } finally {
    fs.closeSync(out);
  }
  if (h.digest('hex') !== f.sha256) throw new DiwanError('backup_damaged', `The file ${f.name} inside the archive does not match its checksum. Nothing was changed; use another backup.`);
}

/** A name from the manifest stays inside the folder it is restored into. */
function safeName(name: string): string {
  if (typeof name !== 'string' || !name || name.split('/').some((p) => !p || p === '.' || p === '..') || path.isAbsolute(name) || name.includes('\\')) {
    throw new DiwanError('backup_damaged', 'The archive names a file outside the hub folder. Nothing was changed; use another backup.');
  }
  return name;
}

/**
 * The keys the restored hub needs, from the archive (passphrase) or already in this keychain (no passphrase). A
 * conflict or a missing custodian key stops the restore in words before anything changes.
 */
async function checkSecrets(manifest: HubManifest, vault: Vault): Promise<(name: string) => Promise<string | null>> {
  if (manifest.secrets) {
    const clash: string[] = [];
    for (const [name, value] of Object.entries(manifest.secrets)) {
      const have = await vault.get(`hub:${name}`);
      if (have !== null && have !== value) clash.push(name);
    }
    if (clash.length) {
      throw new DiwanError(
        'backup_keychain_conflict',
        `This keychain (service "${vault.service}") already holds different built-in hub keys (${clash.join(', ')}), most likely another data folder's hub on this account. ` +
          'Replacing them would leave that hub\'s sealed originals unreadable, so nothing was changed. Restore under another keychain service (DIWAN_KEYCHAIN_SERVICE) or on another account.',
      );
    }
    const secrets = manifest.secrets;
    return async (name) => secrets[name] ?? vault.get(`hub:${name}`);
  }
  const missing: string[] = [];
  for (const name of manifest.keychainNames ?? []) if ((await vault.get(`hub:${name}`)) === null) missing.push(name);
  if (missing.length) {
    const originals = missing.includes(CUSTODIAN_KEK) ? ' Without the custodian key the restored hub\'s sealed originals could never be revealed.' : '';
    throw new DiwanError(
      'backup_keys_missing',
      `This archive was made without a passphrase, so the built-in hub's keys stayed in the keychain of the machine that made it, and this keychain lacks ${missing.join(', ')}.${originals} ` +
        'Nothing was changed. Restore it with the keychain that made it, or make the backup again with --passphrase-file so the keys travel inside it.',
    );
  }
  return (name) => vault.get(`hub:${name}`);
}

/**
 * The single-seat rule for restore ("quit the console first"), checked: a console running this folder's built-in hub
 * holds `hub.sqlite` open, so an exclusive lock on it is refused.
 */
export function refuseWhileRunning(dataDir: string): void {
  const file = hubDatabaseOf(dataDir);
  if (!fs.existsSync(file)) return;
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { timeout: 0, fileMustExist: true });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new DiwanError('console_running', `A console is running on this data folder (its built-in hub has ${file} open). Quit it, then restore. Nothing was changed.`);
    }
    // A damaged file (the usual reason to restore) holds no lock for anyone: it is replaced and kept aside.
  } finally {
    db?.close();
  }
}
