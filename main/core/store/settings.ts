import type { Db } from './database';

/** The settings table: small named values about this database (its id, the data key version in use…). */
export function getSetting(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setSetting(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export const SETTING = {
  dbId: 'db.id',
  keyVersion: 'datakey.version',
} as const;
