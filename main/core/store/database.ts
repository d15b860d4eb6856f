import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DiwanError } from '../shared/errors';
import { migrations as defaultMigrations, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  migrations?: readonly Migration[];
  readonly?: boolean;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Opens (or creates) the Diwan database at `file`, applies pending migrations in one transaction and returns it.
 * Refuses — without touching the file — a database written by a newer Diwan, and a file that is not a healthy
 * SQLite database.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const migrations = opts.migrations ?? defaultMigrations;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const exists = fs.existsSync(file);
  if (exists) assertLooksLikeSqlite(file);
  else if (opts.readonly) throw new DiwanError('db_missing', `No Diwan database at ${file}.`);
  else fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });

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
    if (exists) checkIntegrity(db, file);
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
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
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
