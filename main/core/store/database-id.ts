import crypto from 'node:crypto';
import type { Db } from './database';
import { getSetting, SETTING } from './settings';

/**
 * A random id for this database, made on first use and kept in `settings`. Keychain accounts that belong to one
 * database (its data key, its audit key, its TOTP secrets…) are namespaced by it, so two data directories never
 * share them.
 */
export function databaseId(db: Db): string {
  const existing = getSetting(db, SETTING.dbId);
  if (existing) return existing;
  db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(SETTING.dbId, crypto.randomBytes(12).toString('hex'));
  return getSetting(db, SETTING.dbId)!;
}
