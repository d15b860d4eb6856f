import type { Db } from './database';
import { FIELD_MARKS_BELOW } from './migrations/032-field-marks';
import { cachedStatement } from './statement-cache';

/** The settings table: small named values about this database (its id, the data key version in use…). */
export function getSetting(db: Db, key: string): string | null {
  const row = cachedStatement(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setSetting(db: Db, key: string, value: string): void {
  cachedStatement(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export const SETTING = {
  dbId: 'db.id',
  keyVersion: 'datakey.version',
  /** When the last full page check of the file (run in the background) found it healthy, ms since the epoch. */
  integrityCheckedAt: 'integrity.checked_at',
  /** Set once every original is sealed to the custodian (the re-seal of an older database has finished). */
  custodySealed: 'custody.sealed',
  /** Every message from this id up says whether it has field rows (migration 032); `markFieldRows` lowers it to 1. */
  fieldMarksBelow: FIELD_MARKS_BELOW,
} as const;
