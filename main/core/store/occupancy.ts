import fs from 'node:fs';
import Database from 'better-sqlite3';

/** The tables a person's work lives in: someone signed up, a channel was set up, or a customer wrote. */
const WORK_TABLES = ['users', 'channels', 'conversations'];

/**
 * Whether the single-seat database at `file` holds anything a person or a channel made. A file that is missing, or
 * holds only Diwan's empty schema (what `diwan status` leaves behind), holds nothing. A file that cannot be read is
 * counted as holding data: a decision about a file nobody could read must keep it, never set it aside.
 */
export function singleSeatHoldsData(file: string): boolean {
  // A write-ahead log beside it holds transactions not yet in the file (an unclean close, or a console running an
  // older Diwan): only a writer may replay it, so the file counts as holding data.
  if (fs.existsSync(`${file}-wal`)) return true;
  if (!fs.existsSync(file)) return false;
  const hadShm = fs.existsSync(`${file}-shm`);
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const present = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (${WORK_TABLES.map(() => '?').join(', ')})`)
      .pluck()
      .all(...WORK_TABLES) as string[];
    return present.some((table) => db!.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get() !== undefined);
  } catch {
    return true;
  } finally {
    db?.close();
    leaveAsFound(file, hadShm);
  }
}

/**
 * A read-only connection to a WAL database leaves an empty -wal (and a -shm) it cannot remove itself; left there,
 * the next open would take the file for uncleanly closed and run the full page check. Only what this look made goes.
 */
function leaveAsFound(file: string, hadShm: boolean): void {
  try {
    const wal = `${file}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size === 0) fs.rmSync(wal);
    if (!hadShm && !fs.existsSync(wal)) fs.rmSync(`${file}-shm`, { force: true });
  } catch {
    // At worst the next open checks the whole file.
  }
}
