import type { SqlExecutor, SqlValue } from './executor';
import { chunks, inList } from './sql-rows';

/**
 * The one list of what the hub keeps about a message or a conversation, so that erasing a customer and retention
 * remove the same things. Runs inside the caller's transaction; ids are deleted in chunks that keep each statement
 * far below either database's limit on bound parameters.
 */

/** The event kind that tells consoles to drop conversations or messages from their caches (`core/team/cache.ts`). */
export const DATA_REMOVED = 'customer_data.removed';

async function each(t: SqlExecutor, ids: readonly number[], statements: readonly string[]): Promise<void> {
  for (const part of chunks(ids)) {
    const list = inList(part.length);
    for (const s of statements) await t.run(s.replaceAll('{IDS}', list), part as SqlValue[]);
  }
}

/**
 * Deletes messages with their sealed originals (text and fields), replies waiting in the outbox (and their clear copy),
 * reveal requests, scam reports, drill attempts and their outcomes, edits waiting for them, and a consent record whose
 * notice they were. A message another one revised keeps its mark but loses the link.
 */
export async function deleteMessages(t: SqlExecutor, ids: readonly number[]): Promise<void> {
  await each(t, ids, [
    'UPDATE messages SET revised_by = NULL WHERE revised_by IN ({IDS})',
    'DELETE FROM message_fields WHERE message_id IN ({IDS})',
    'DELETE FROM outbox WHERE message_id IN ({IDS})',
    'DELETE FROM reveals WHERE message_id IN ({IDS})',
    'DELETE FROM scam_reports WHERE message_id IN ({IDS})',
    'DELETE FROM early_revisions WHERE by_message IN ({IDS})',
    'DELETE FROM drill_outcomes WHERE drill_message_id IN (SELECT id FROM drill_messages WHERE message_id IN ({IDS}))',
    'DELETE FROM drill_messages WHERE message_id IN ({IDS})',
    'DELETE FROM contact_consent WHERE notice_message_id IN ({IDS})',
    'UPDATE reply_approvals SET message_id = NULL WHERE message_id IN ({IDS})',
    'DELETE FROM messages WHERE id IN ({IDS})',
  ]);
}

/** The event kinds that carry one message (its masked text, or what happened to it): `id` or `messageId` names it. */
const MESSAGE_EVENTS = ['message.added', 'message.delivery', 'message.revised'];

/**
 * Deletes the event rows about these messages (in these conversations), so a console that replays the stream never
 * gets their masked text back; the conversations' other events stay. For messages deleted from conversations that go on.
 */
export async function deleteMessageEvents(t: SqlExecutor, conversationIds: readonly number[], messageIds: readonly number[]): Promise<void> {
  const gone = new Set(messageIds);
  for (const part of chunks([...new Set(conversationIds)])) {
    const rows = await t.all<{ seq: number; payload: string }>(
      `SELECT seq, payload FROM events WHERE conversation_id IN (${inList(part.length)}) AND kind IN (${inList(MESSAGE_EVENTS.length)})`,
      [...part, ...MESSAGE_EVENTS],
    );
    const seqs = rows
      .filter((r) => {
        const p = JSON.parse(r.payload) as { id?: unknown; messageId?: unknown };
        return gone.has(Number(p.messageId ?? p.id));
      })
      .map((r) => Number(r.seq));
    for (const seqPart of chunks(seqs)) await t.run(`DELETE FROM events WHERE seq IN (${inList(seqPart.length)})`, seqPart);
  }
}

/**
 * Deletes whole conversations: their messages (above), notes, label links, quality reviews, reply approvals, SLA
 * alerts, guard alerts about them, aliases, handover requests, the record of their move onto the hub, and their rows in
 * the event table (which carry masked text and the contact's name), so a console that replays the stream never sees
 * them again. Returns how many messages went.
 */
export async function deleteConversations(t: SqlExecutor, ids: readonly number[]): Promise<number> {
  let messages = 0;
  for (const part of chunks(ids)) {
    const list = inList(part.length);
    const messageIds = (await t.all<{ id: number }>(`SELECT id FROM messages WHERE conversation_id IN (${list})`, part)).map((r) => Number(r.id));
    messages += messageIds.length;
    await deleteMessages(t, messageIds);
  }
  await each(t, ids, [
    'DELETE FROM notes WHERE conversation_id IN ({IDS})',
    'DELETE FROM conversation_labels WHERE conversation_id IN ({IDS})',
    'DELETE FROM quality_reviews WHERE conversation_id IN ({IDS})',
    'DELETE FROM reply_approvals WHERE conversation_id IN ({IDS})',
    'DELETE FROM sla_alerts WHERE conversation_id IN ({IDS})',
    'DELETE FROM alerts WHERE conversation_id IN ({IDS})',
    'DELETE FROM conversation_aliases WHERE conversation_id IN ({IDS})',
    'DELETE FROM thread_control_requests WHERE conversation_id IN ({IDS})',
    'DELETE FROM moved_conversations WHERE conversation_id IN ({IDS})',
    'DELETE FROM events WHERE conversation_id IN ({IDS})',
    'DELETE FROM conversations WHERE id IN ({IDS})',
  ]);
  return messages;
}

/** Deletes the contacts of a channel that no conversation refers to any more (with their consent records). */
export async function deleteOrphanContacts(t: SqlExecutor, channelId: string, contactIds?: readonly number[]): Promise<number> {
  const candidates =
    contactIds ??
    (await t.all<{ id: number }>('SELECT k.id FROM contacts k WHERE k.channel_id = ? AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.contact_id = k.id)', [channelId])).map((r) =>
      Number(r.id),
    );
  let n = 0;
  for (const part of chunks(candidates)) {
    const list = inList(part.length);
    const orphan = `id IN (${list}) AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.contact_id = contacts.id)`;
    await t.run(`DELETE FROM contact_consent WHERE contact_id IN (SELECT id FROM contacts WHERE ${orphan})`, part);
    n += (await t.run(`DELETE FROM contacts WHERE ${orphan}`, part)).changes;
  }
  return n;
}

/**
 * Deletes what the hub's flood control held back from one customer of a channel (`webhook_quarantine`, sealed whole).
 * Rows held before the hub kept their sender (hub migration 21) cannot be told apart: retention's age limit removes them.
 */
export async function deleteHeldFrom(t: SqlExecutor, channelId: string, platformUserId: string): Promise<HeldDeleted> {
  return heldDeleted(await t.all<{ c: number | string | null }>('DELETE FROM webhook_quarantine WHERE channel_id = ? AND sender = ? RETURNING conversation_id AS c', [channelId, platformUserId]));
}

/** Deletes up to `limit` of a channel's held messages received before `cutoff`, oldest first. */
export async function deleteHeldBefore(t: SqlExecutor, channelId: string, cutoff: number, limit: number): Promise<HeldDeleted> {
  return heldDeleted(
    await t.all<{ c: number | string | null }>(
      'DELETE FROM webhook_quarantine WHERE id IN (SELECT id FROM webhook_quarantine WHERE channel_id = ? AND received_at < ? ORDER BY id LIMIT ?) RETURNING conversation_id AS c',
      [channelId, cutoff, limit],
    ),
  );
}

/** How many held messages went, and the conversations that counted some of them as a campaign's copies (`held-copies.ts`). */
export interface HeldDeleted {
  deleted: number;
  copiesOn: number[];
}

function heldDeleted(rows: ReadonlyArray<{ c: number | string | null }>): HeldDeleted {
  return { deleted: rows.length, copiesOn: [...new Set(rows.flatMap((r) => (r.c === null ? [] : [Number(r.c)])))] };
}
