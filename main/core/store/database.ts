import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DiwanError } from '../shared/errors';
import type { Db } from './db';
import { migrations as defaultMigrations, type Migration } from './migrations';

export type { Db } from './db';

export interface OpenOptions {
  migrations?: readonly Migration[];
  readonly?: boolean;
  /**
   * 'auto' (default): the full page check runs only when the file may have changed since Diwan last closed it
   * cleanly (see `closedCleanly`); 'full': always.
   */
  integrity?: 'auto' | 'full';
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type OpenCheck = 'created' | 'header-and-schema' | 'full';
const checkAtOpen = new WeakMap<Db, OpenCheck>();

/** What `openDatabase` checked before handing out `db` (status, the CLI and tests). */
export function integrityCheckAtOpen(db: Db): OpenCheck | null {
  return checkAtOpen.get(db) ?? null;
}

/**
 * Opens (or creates) the Diwan database at `file`, applies pending migrations in one transaction and returns it.
 * Refuses — without touching the file — a database written by a newer Diwan, and a file that is not a healthy
 * SQLite database. Every open checks the header and reads the schema; the full page check (`quick_check`, seconds
 * per million messages) runs before anything is written when the file may have changed since Diwan last closed it
 * cleanly: after a crash or power loss, or when anything else wrote, replaced or restored it.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const migrations = opts.migrations ?? defaultMigrations;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const exists = fs.existsSync(file);
  if (exists) assertLooksLikeSqlite(file);
  else if (opts.readonly) throw new DiwanError('db_missing', `No Diwan database at ${file}.`);
  else fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Decided before SQLite opens the file (opening creates the -wal file that marks an open database).
  const fullCheck = exists && (opts.integrity === 'full' || !closedCleanly(file));

  let db: Db;
  try {
    db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: exists });
  } catch (e) {
    throw corrupt(file, e);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latest) {
      throw new DiwanError(
        'db_newer',
        `The database at ${file} was written by a newer version of Diwan (schema ${version}; this version knows up to ${latest}). ` +
          'Install the newer Diwan again, or restore a backup made by this version. The file was not changed.',
        { schemaVersion: version, supportedVersion: latest },
      );
    }
    if (exists) readSchema(db);
    if (fullCheck) checkIntegrity(db, file);
    if (!opts.readonly) forgetCleanClose(file);
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    // Deleted and overwritten content is zeroed, not left in free pages (erase, retention).
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    // A 64 MiB page cache, and checkpoints every ~40 MiB of WAL rather than 4 MiB: ingest rewrites the same
    // conversation and index pages batch after batch, and each checkpoint copies them back once, not every time.
    db.pragma('cache_size = -65536');
    if (!opts.readonly) db.pragma('wal_autocheckpoint = 10000');
    if (!opts.readonly) migrate(db, migrations, version);
    // Statement journals in memory. A statement that may fail after writing (one that fires a trigger: every
    // conversation insert and update) keeps its pages' old contents in one; once a statement's exceeds 64 KiB it
    // spills to a temporary file that stays for the rest of the transaction, and every later statement of the batch
    // writes its pages there with a system call each (≈ 15 µs a conversation insert; bench/README, round 9 of #26).
    // Set after migrating, so a migration's index builds still sort through temporary files rather than memory.
    db.pragma('temp_store = MEMORY');
    if (!opts.readonly) recordCleanCloseOn(db, file);
    checkAtOpen.set(db, !exists ? 'created' : fullCheck ? 'full' : 'header-and-schema');
    return db;
  } catch (e) {
    db.close();
    if (e instanceof DiwanError) throw e;
    throw corrupt(file, e);
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, migrations: readonly Migration[], from: number): void {
  const pending = migrations.filter((m) => m.version > from);
  if (!pending.length) return;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      m.run?.(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
}

/** The sidecar that says "Diwan closed this file cleanly, and this is how the file looked then". */
export function cleanCloseMarker(file: string): string {
  return `${file}-closed-cleanly`;
}

interface FileIdentity {
  size: string;
  mtimeNs: string;
  ino: string;
}

function identityOf(file: string): FileIdentity {
  const st = fs.statSync(file, { bigint: true });
  return { size: String(st.size), mtimeNs: String(st.mtimeNs), ino: String(st.ino) };
}

/**
 * True when the last connection to close the file was a Diwan connection that closed cleanly (no -wal file left,
 * so every transaction was checkpointed into the file) and the file has not been written, replaced or restored
 * since (same inode, size and modification time as recorded at that close).
 */
function closedCleanly(file: string): boolean {
  try {
    if (fs.existsSync(`${file}-wal`)) return false;
    const recorded = JSON.parse(fs.readFileSync(cleanCloseMarker(file), 'utf8')) as FileIdentity;
    const now = identityOf(file);
    return recorded.size === now.size && recorded.mtimeNs === now.mtimeNs && recorded.ino === now.ino;
  } catch {
    return false;
  }
}

/** A writer's open consumes the marker: until this connection closes cleanly, a crash means "check in full". */
function forgetCleanClose(file: string): void {
  fs.rmSync(cleanCloseMarker(file), { force: true });
}

/** After `db.close()` has checkpointed and removed the WAL, records the file's identity for the next open. */
function recordCleanCloseOn(db: Db, file: string): void {
  const close = db.close.bind(db);
  db.close = () => {
    close();
    try {
      // Another connection still open keeps the WAL: then the next open checks in full.
      if (!fs.existsSync(`${file}-wal`)) fs.writeFileSync(cleanCloseMarker(file), JSON.stringify(identityOf(file)), { mode: 0o600 });
    } catch {
      // No marker only costs the next open a full check.
    }
    return db;
  };
}

/** Reads the whole schema (every table, index and trigger definition is parsed), so a damaged schema is refused. */
function readSchema(db: Db): void {
  db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
}

function assertLooksLikeSqlite(file: string): void {
  let header: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      header = Buffer.alloc(SQLITE_HEADER.length);
      const n = fs.readSync(fd, header, 0, header.length, 0);
      if (n === 0) return; // an empty file is a database SQLite has not written yet
      if (n < header.length) throw corrupt(file, new Error('file is shorter than a SQLite header'));
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    if (e instanceof DiwanError) throw e;
    throw new DiwanError(
      'db_unreadable',
      `Diwan cannot read its database at ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}). ` +
        'Check the file permissions; the file was not changed.',
    );
  }
  if (!header.equals(SQLITE_HEADER)) throw corrupt(file, new Error('not a SQLite file'));
  assertWholePages(file);
}

/** A SQLite file is a whole number of pages of a valid size; a truncated or padded file is not. */
function assertWholePages(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    const field = Buffer.alloc(2);
    fs.readSync(fd, field, 0, 2, 16);
    const raw = field.readUInt16BE(0);
    const pageSize = raw === 1 ? 65536 : raw;
    const valid = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
    if (!valid) throw corrupt(file, new Error(`invalid page size ${raw} in the header`));
    const size = fs.fstatSync(fd).size;
    if (size % pageSize !== 0) throw corrupt(file, new Error(`the file is not a whole number of ${pageSize}-byte pages`));
  } finally {
    fs.closeSync(fd);
  }
}

function checkIntegrity(db: Db, file: string): void {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  if (rows.length !== 1 || rows[0]!.quick_check !== 'ok') throw corrupt(file, new Error('integrity check failed'));
}

function corrupt(file: string, cause: unknown): DiwanError {
  const why = cause instanceof Error ? cause.message : String(cause);
  return new DiwanError(
    'db_corrupt',
    `The database at ${file} is damaged or is not a Diwan database (${why}). It was left untouched. ` +
      'Restore the latest backup with `diwan db restore <archive>`, or move the file aside to start empty.',
  );
}
