import { DiwanError } from '../shared/errors';
import type { AuditPort, Clock } from '../shared/ports';
import type { FieldCipher } from '../vault';
import type { Db } from './database';
import type { Masker } from './masker';
import { getSetting, SETTING } from './settings';
import { cachedStatement } from './statement-cache';

/** What every repository of the store shares. The cipher can be replaced after a key rotation. */
export interface StoreContext {
  readonly db: Db;
  cipher: FieldCipher;
  readonly masker: Masker;
  readonly clock: Clock;
  readonly audit: AuditPort;
}

/**
 * Called inside every write transaction that encrypts: if another process (`diwan db rotate-key`) moved the
 * database to a newer data key, writing with ours would leave blobs the rotation has already passed.
 */
export function assertCurrentKey(ctx: StoreContext): void {
  const inDb = Number(getSetting(ctx.db, SETTING.keyVersion));
  if (inDb !== ctx.cipher.currentVersion) {
    throw new DiwanError(
      'datakey_changed',
      'The data key of this database was rotated by another Diwan process. Restart Diwan to load the new key; nothing was written.',
    );
  }
}

export const identity = {
  messageText: (id: number | bigint) => `msg:${id}:text`,
  messageField: (id: number | bigint, n: number) => `msg:${id}:field:${n}`,
  contactName: (id: number | bigint) => `contact:${id}:name`,
  noteText: (id: number | bigint) => `note:${id}:text`,
};

/**
 * The next id of an AUTOINCREMENT table (ids are never reused, and each is part of its blobs' identity, so the row's
 * originals can be encrypted before it is inserted). Call inside the write transaction that inserts with it.
 */
export function nextId(db: Db, table: 'messages' | 'notes'): number {
  const row = cachedStatement(db, 'SELECT seq FROM sqlite_sequence WHERE name = ?').get(table) as { seq: number } | undefined;
  return (row?.seq ?? 0) + 1;
}
