import type { SqlExecutor } from './executor';
import type { HubStore } from './hub-store';
import type { EventInput } from './types';

/**
 * Copies of a campaign held as `duplicate`, counted on the conversation the campaign's first stored copy opened (hub
 * migration 23: `webhook_quarantine.copy_of` names that copy, `conversation_id` its conversation). One statement for
 * any number of conversations (a page of the list, or the ones a change touched); a conversation with none is absent.
 */
export async function heldCopiesOf(q: SqlExecutor, conversationIds: readonly number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  const ids = [...new Set(conversationIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const rows = await q.all<{ c: number | string; n: number | string }>(
      `SELECT conversation_id AS c, COUNT(*) AS n FROM webhook_quarantine WHERE conversation_id IN (${part.map(() => '?').join(', ')}) GROUP BY conversation_id`,
      part,
    );
    for (const r of rows) out.set(Number(r.c), Number(r.n));
  }
  return out;
}

/**
 * Links held copies whose campaign's first copy was itself held and has just been stored (released): from now on they
 * count on its conversation. Returns the conversations that gained copies.
 */
export async function linkCopiesTo(t: SqlExecutor, channelId: string, stored: readonly string[]): Promise<number[]> {
  const touched = new Set<number>();
  for (let i = 0; i < stored.length; i += CHUNK) {
    const part = stored.slice(i, i + CHUNK);
    const rows = await t.all<{ c: number | string }>(
      `UPDATE webhook_quarantine SET conversation_id = (SELECT m.conversation_id FROM messages m WHERE m.channel_id = webhook_quarantine.channel_id AND m.platform_message_id = webhook_quarantine.copy_of)
       WHERE channel_id = ? AND conversation_id IS NULL AND copy_of IN (${part.map(() => '?').join(', ')}) RETURNING conversation_id AS c`,
      [channelId, ...part],
    );
    for (const r of rows) if (r.c !== null) touched.add(Number(r.c));
  }
  return [...touched];
}

/**
 * After copies were held, released or discarded: `conversation.copies` with each touched conversation's count now
 * (0 when none is left), for everyone who sees the conversation — ids and a number, never a sender or text.
 */
export async function copiesChanged(store: HubStore, t: SqlExecutor, channelId: string, conversationIds: Iterable<number>): Promise<void> {
  const ids = [...new Set(conversationIds)];
  if (!ids.length) return;
  await store.emitMany(t, copiesEvents(channelId, ids, await heldCopiesOf(t, ids)));
}

/** `conversation.copies` for each of `conversationIds` with its count in `counts` (absent: 0), for a statement of the caller's. */
export function copiesEvents(channelId: string, conversationIds: Iterable<number>, counts: ReadonlyMap<number, number>): EventInput[] {
  return [...new Set(conversationIds)].map((conversationId) => ({
    kind: COPIES_EVENT,
    audience: 'conversation' as const,
    payload: { conversationId, channelId, heldCopies: counts.get(conversationId) ?? 0 },
    where: { channelId, conversationId },
  }));
}

/** The event consoles keep a conversation's held-copy count from (`core/team/cache.ts`). */
export const COPIES_EVENT = 'conversation.copies';

/** Values one statement binds at most. */
const CHUNK = 200;
