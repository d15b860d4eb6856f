import { DiwanError } from '../shared/errors';
import type { AuditPort, Clock } from '../shared/ports';
import { originalContext, SealingSession, type SeatCustody } from '../custody';
import type { FieldCipher } from '../vault';
import type { Db } from './database';
import type { Masker } from './masker';
import { getSetting, SETTING } from './settings';
import { cachedStatement } from './statement-cache';

/**
 * What every repository of the store shares. Originals are sealed to the in-process custodian (`custody`); the data
 * key (`cipher`, replaced after a key rotation) keeps only what this process itself must read back: a reply until
 * the platform has it, quarantined messages, and originals written before sealing until `resealOriginals` runs.
 */
export interface StoreContext {
  readonly db: Db;
  cipher: FieldCipher;
  readonly custody: SeatCustody;
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

/** `key_version` of a blob sealed to the custodian (its epoch is in the blob); a positive version is a data key's. */
export const SEALED = 0;

/** What each sealed original is bound to (the custodian opens it only under this context). */
export const sealedIdentity = {
  messageText: (seat: string, id: number) => originalContext(seat, id, 'text'),
  messageField: (seat: string, id: number, n: number, type: string) => originalContext(seat, id, { field: n, type }),
  contactName: (seat: string, id: number) => `hub:${seat}:contact:${id}:name`,
  noteText: (seat: string, id: number) => `hub:${seat}:note:${id}:text`,
};

/**
 * Seals one original to the custodian's current key. Values sealed in a burst (a batch's new contact names, an
 * upgrade's re-seal) share one key agreement: a `SealingSession` kept at most 1,024 values or 1 s per store.
 */
export function sealOriginal(ctx: StoreContext, context: string, plain: string): Buffer {
  const { epoch, publicKey } = ctx.custody.sealingKey();
  const now = Date.now();
  let cur = sessions.get(ctx);
  if (!cur || cur.publicKey !== publicKey || cur.s.epoch !== epoch || cur.until <= now || cur.left <= 0) {
    cur = { s: new SealingSession(publicKey, epoch), publicKey, until: now + 1000, left: 1024 };
    sessions.set(ctx, cur);
  }
  cur.left--;
  return cur.s.seal(context, plain);
}
const sessions = new WeakMap<StoreContext, { s: SealingSession; publicKey: string; until: number; left: number }>();

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
