import { AUDIT_ACTIONS } from '../../core/shared/audit-actions';
import type { SqlExecutor } from './executor';
import { chunks, inList } from './sql-rows';
import type { AuditInput, EventInput } from './types';

/** A stored message that edits or deletes an earlier one of its channel. */
export interface Revising {
  /** The new version's (or the deletion notice's) message id. */
  id: number;
  revises: { platformMessageId: string; kind: 'edited' | 'deleted' };
}

export interface RevisionWriter {
  emitMany(t: SqlExecutor, events: readonly EventInput[]): Promise<number[]>;
  appendAudit(t: SqlExecutor, e: AuditInput): Promise<void>;
}

export interface Revised {
  /** The original message, now marked. */
  messageId: number;
  conversationId: number;
  platformMessageId: string;
  revision: 'edited' | 'deleted';
  revisedBy: number;
}

/**
 * A customer edited or deleted a message on the platform: the single-seat store's rule (core/store/ingest.ts,
 * `markRevised`), at the hub. The new version (or the deletion notice) was stored as a message of its own by the
 * same ingest — masked, its original sealed to the team's key like any other — so the old version, its sealed
 * original and every reveal grant that names it stay as they were; the original is marked with what happened to it
 * and which message superseded it. A deletion outranks an edit; a later edit supersedes an earlier one.
 *
 * Runs in the ingest's transaction, in batch order: each mark writes a `message.revised` event (consoles update their
 * cached copy of the original) and a `message.edited` / `message.deleted` audit entry. A revision of a message the
 * hub has not stored (not yet: a webhook overtook the poll; or never: sent before the channel was connected) waits
 * in `early_revisions`, its new version visible meanwhile, and marks the original when `arrived` (the batch's
 * messages that such a wait names) brings it.
 */
export async function applyRevisions(
  store: RevisionWriter,
  t: SqlExecutor,
  channelId: string,
  revising: readonly Revising[],
  arrived: readonly string[] = [],
): Promise<Revised[]> {
  const out: Revised[] = [];
  const early: Revising[] = [];
  for (const part of chunks(arrived)) {
    const rows = await t.all<{ original: string; kind: 'edited' | 'deleted'; by_message: number }>(
      `SELECT original, kind, by_message FROM early_revisions WHERE channel_id = ? AND original IN (${inList(part.length)})`,
      [channelId, ...part],
    );
    for (const r of rows) early.push({ id: Number(r.by_message), revises: { platformMessageId: r.original, kind: r.kind } });
    if (rows.length) await t.run(`DELETE FROM early_revisions WHERE channel_id = ? AND original IN (${inList(part.length)})`, [channelId, ...part]);
  }
  early.sort((a, b) => a.id - b.id);
  for (const r of [...early, ...revising]) {
    const row = await t.get<{ id: number; conversation_id: number; revision: 'edited' | 'deleted'; revised_by: number }>(
      `UPDATE messages SET revision = CASE WHEN revision = 'deleted' THEN 'deleted' ELSE ? END,
              revised_by = CASE WHEN revision = 'deleted' THEN revised_by ELSE ? END
        WHERE channel_id = ? AND platform_message_id = ? AND id <> ?
        RETURNING id, conversation_id, revision, revised_by`,
      [r.revises.kind, r.id, channelId, r.revises.platformMessageId, r.id],
    );
    if (!row) {
      await t.run('INSERT INTO early_revisions (channel_id, original, kind, by_message) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [channelId, r.revises.platformMessageId, r.revises.kind, r.id]);
      continue;
    }
    const revised: Revised = {
      messageId: Number(row.id),
      conversationId: Number(row.conversation_id),
      platformMessageId: r.revises.platformMessageId,
      revision: row.revision,
      revisedBy: Number(row.revised_by),
    };
    out.push(revised);
    await store.emitMany(t, [
      {
        kind: 'message.revised',
        audience: 'conversation',
        payload: { messageId: revised.messageId, conversationId: revised.conversationId, revision: revised.revision, revisedBy: revised.revisedBy },
        where: { channelId, conversationId: revised.conversationId },
      },
    ]);
    await store.appendAudit(t, {
      actor: 'customer',
      action: r.revises.kind === 'edited' ? AUDIT_ACTIONS.messageEdited : AUDIT_ACTIONS.messageDeleted,
      target: `message:${revised.messageId}`,
      details: { channel: channelId, platformMessageId: r.revises.platformMessageId, by: r.id },
    });
  }
  return out;
}
