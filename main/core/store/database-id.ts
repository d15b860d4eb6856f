import crypto from 'node:crypto';
import type { Db } from './database';

const KEY = 'database.id';

/**
 * A random id for this database, made on first use and kept in `settings`. Keychain accounts that belong to one
 * database (its audit key, its TOTP secrets…) are namespaced by it, so two data directories never share them.
 */
export function databaseId(db: Db): string {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (row) return row.value;
  const id = crypto.randomBytes(12).toString('hex');
  db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(KEY, id);
  return (db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string }).value;
}
