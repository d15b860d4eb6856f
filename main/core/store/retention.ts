import type { StoreContext } from './context';
import type { RetentionMode } from './channels';
import { AUDIT_ACTIONS } from '../shared/audit-actions';

const DAY = 24 * 60 * 60 * 1000;
const BATCH = 2000;

export interface RetentionOutcome {
  channelId: string;
  mode: RetentionMode;
  originalsCleared: number;
  messagesDeleted: number;
  conversationsDeleted: number;
}

/**
 * Applies each channel's retention policy: `originals` drops the encrypted originals of messages older than N days
 * (the masked transcript stays); `all` deletes those messages, their search entries and attachment metadata, and
 * conversations left empty. Works in small transactions so the console stays responsive. Each channel's run is
 * audited (`retention.run`, with what it removed).
 */
export function runRetention(ctx: StoreContext, now = ctx.clock.now()): RetentionOutcome[] {
  const channels = ctx.db
    .prepare("SELECT id, retention_mode, retention_days FROM channels WHERE retention_mode != 'keep' ORDER BY id")
    .all() as Array<{ id: string; retention_mode: RetentionMode; retention_days: number }>;
  return channels.map((c) => {
    const cutoff = now - c.retention_days * DAY;
    const out: RetentionOutcome = { channelId: c.id, mode: c.retention_mode, originalsCleared: 0, messagesDeleted: 0, conversationsDeleted: 0 };
    if (c.retention_mode === 'originals') out.originalsCleared = clearOriginals(ctx, c.id, cutoff);
    else {
      out.messagesDeleted = deleteMessages(ctx, c.id, cutoff);
      out.conversationsDeleted = ctx.db
        .prepare(
          `DELETE FROM conversations WHERE channel_id = ? AND last_activity_at < ?
           AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = conversations.id)`,
        )
        .run(c.id, cutoff).changes;
    }
    // `sealedValuesCleared`, not `originals…`: the trail redacts any detail whose key names an original.
    ctx.audit({
      action: AUDIT_ACTIONS.retentionRun,
      actor: 'system',
      target: `channel:${c.id}`,
      details: { mode: c.retention_mode, days: c.retention_days, sealedValuesCleared: out.originalsCleared, messagesDeleted: out.messagesDeleted, conversationsDeleted: out.conversationsDeleted },
    });
    return out;
  });
}

/** Ids of the channel's messages older than the cutoff, in (sent_at, id) order, one batch after `after`. */
function batches(ctx: StoreContext, channelId: string, cutoff: number, each: (ids: number[]) => number): number {
  const next = ctx.db.prepare(
    `SELECT id, sent_at FROM messages WHERE channel_id = ? AND sent_at < ? AND (sent_at, id) > (?, ?) ORDER BY sent_at, id LIMIT ${BATCH}`,
  );
  let after = { sentAt: -1, id: 0 };
  let total = 0;
  for (;;) {
    const rows = next.all(channelId, cutoff, after.sentAt, after.id) as Array<{ id: number; sent_at: number }>;
    if (!rows.length) return total;
    total += ctx.db.transaction(() => each(rows.map((r) => r.id))).immediate();
    const last = rows[rows.length - 1]!;
    after = { sentAt: last.sent_at, id: last.id };
  }
}

function clearOriginals(ctx: StoreContext, channelId: string, cutoff: number): number {
  const clearText = ctx.db.prepare('UPDATE messages SET text_enc = NULL, key_version = NULL WHERE id = ? AND text_enc IS NOT NULL');
  const clearFields = ctx.db.prepare('UPDATE message_fields SET value_enc = NULL, key_version = NULL WHERE message_id = ? AND value_enc IS NOT NULL');
  return batches(ctx, channelId, cutoff, (ids) => {
    let n = 0;
    for (const id of ids) {
      n += clearText.run(id).changes;
      clearFields.run(id);
    }
    return n;
  });
}

function deleteMessages(ctx: StoreContext, channelId: string, cutoff: number): number {
  const delFts = ctx.db.prepare('DELETE FROM messages_fts WHERE rowid = ?');
  const delMsg = ctx.db.prepare('DELETE FROM messages WHERE id = ?');
  const deleted = batches(ctx, channelId, cutoff, (ids) => {
    for (const id of ids) {
      delFts.run(id);
      delMsg.run(id);
    }
    return ids.length;
  });
  return deleted;
}

/** Runs retention every `everyMs` (first run after one period); the returned function stops it. */
export function scheduleRetention(run: () => void, everyMs: number, onError: (e: unknown) => void): () => void {
  const timer = setInterval(() => {
    try {
      run();
    } catch (e) {
      onError(e);
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
