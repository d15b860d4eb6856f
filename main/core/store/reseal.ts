import { cachedStatement } from './statement-cache';
import { identity, SEALED, sealedIdentity, sealOriginal, type StoreContext } from './context';
import { getSetting, setSetting, SETTING } from './settings';

export interface ResealProgress {
  table: string;
  /** Originals sealed so far in this table, by this run. */
  sealed: number;
}

interface Target {
  table: string;
  blob: string;
  key: string[];
  /** Rows to leave under the data key for now (a reply the platform does not have yet: the outbox must read it). */
  skip?: string;
  names(ctx: StoreContext, row: Record<string, number | string>): { legacy: string; sealed: string };
}

const TARGETS: Target[] = [
  {
    table: 'messages',
    blob: 'text_enc',
    key: ['id'],
    skip: "EXISTS (SELECT 1 FROM outbox o WHERE o.message_id = messages.id AND o.state != 'sent')",
    names: (ctx, r) => ({ legacy: identity.messageText(r.id as number), sealed: sealedIdentity.messageText(ctx.custody.seat, r.id as number) }),
  },
  {
    table: 'message_fields',
    blob: 'value_enc',
    key: ['message_id', 'n'],
    names: (ctx, r) => ({
      legacy: identity.messageField(r.message_id as number, r.n as number),
      sealed: sealedIdentity.messageField(ctx.custody.seat, r.message_id as number, r.n as number, r.type as string),
    }),
  },
  {
    table: 'contacts',
    blob: 'name_enc',
    key: ['id'],
    names: (ctx, r) => ({ legacy: identity.contactName(r.id as number), sealed: sealedIdentity.contactName(ctx.custody.seat, r.id as number) }),
  },
  {
    table: 'notes',
    blob: 'text_enc',
    key: ['id'],
    names: (ctx, r) => ({ legacy: identity.noteText(r.id as number), sealed: sealedIdentity.noteText(ctx.custody.seat, r.id as number) }),
  },
];

/**
 * Upgrading a single-seat database: re-seals every original still under the data key to the custodian, in small
 * transactions, so that the data key no longer opens any of them. Idempotent and resumable by construction: a row
 * is either still under the data key (`key_version > 0`) or sealed (`key_version = 0`), each batch commits whole,
 * and a run stopped anywhere leaves only whole rows of either kind for the next run to finish. A reply not yet
 * sent stays under the data key until the platform has it (`Outbox.markSent` seals it then).
 */
export function resealOriginals(ctx: StoreContext, opts: { batchSize?: number; onProgress?: (p: ResealProgress) => void } = {}): { sealed: number } {
  const batch = opts.batchSize ?? 500;
  let total = 0;
  for (const t of TARGETS) {
    let done = 0;
    const select = ctx.db.prepare(
      `SELECT ${t.key.join(', ')}${t.table === 'message_fields' ? ', type' : ''}, ${t.blob} AS blob FROM ${t.table}
       WHERE key_version > 0 AND ${t.blob} IS NOT NULL ${t.skip ? `AND NOT ${t.skip}` : ''} ORDER BY ${t.key.join(', ')} LIMIT ?`,
    );
    const update = ctx.db.prepare(`UPDATE ${t.table} SET ${t.blob} = ?, key_version = ${SEALED} WHERE ${t.key.map((k) => `${k} = ?`).join(' AND ')} AND key_version > 0`);
    for (;;) {
      const rows = select.all(batch) as Array<Record<string, number | string> & { blob: Buffer }>;
      if (!rows.length) break;
      ctx.db
        .transaction(() => {
          for (const r of rows) {
            const { legacy, sealed } = t.names(ctx, r);
            update.run(sealOriginal(ctx, sealed, ctx.cipher.decrypt(legacy, r.blob)), ...t.key.map((k) => r[k]));
          }
        })
        .immediate();
      done += rows.length;
      opts.onProgress?.({ table: t.table, sealed: done });
    }
    total += done;
  }
  // Replies still waiting for the platform are sealed by `Outbox.markSent`; nothing else will be under the data key.
  setSetting(ctx.db, SETTING.custodySealed, '1');
  return { sealed: total };
}

/** Whether an older database still has originals to re-seal (a full pass has not finished yet). */
export function resealPending(ctx: StoreContext): boolean {
  return getSetting(ctx.db, SETTING.custodySealed) !== '1';
}

/** How many originals the data key still holds (replies waiting for the platform included). */
export function unsealedCount(ctx: StoreContext): number {
  return TARGETS.reduce(
    (n, t) => n + (ctx.db.prepare(`SELECT count(*) FROM ${t.table} WHERE key_version > 0 AND ${t.blob} IS NOT NULL`).pluck().get() as number),
    0,
  );
}

/** A sent reply's text leaves the data key for the custodian (inside the caller's transaction). */
export function sealSentReply(ctx: StoreContext, messageId: number): void {
  const row = cachedStatement(ctx.db, 'SELECT text_enc, key_version FROM messages WHERE id = ?').get(messageId) as { text_enc: Buffer | null; key_version: number | null } | undefined;
  if (!row?.text_enc || !row.key_version) return;
  const plain = ctx.cipher.decrypt(identity.messageText(messageId), row.text_enc);
  cachedStatement(ctx.db, `UPDATE messages SET text_enc = ?, key_version = ${SEALED} WHERE id = ?`).run(
    sealOriginal(ctx, sealedIdentity.messageText(ctx.custody.seat, messageId), plain),
    messageId,
  );
}
