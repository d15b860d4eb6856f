import type { WatermarkReceipt } from '../../core/connectors';
import type { SqlExecutor } from './executor';
import type { EventInput } from './types';
import { inList } from './sql-rows';

/** The one thing watermarks need from the hub store: writing their events in the same transaction. */
interface EventWriter {
  emitMany(t: SqlExecutor, events: readonly EventInput[]): Promise<number[]>;
}

/** What a watermark may move a reply on from: only forward, and only replies known to have left. */
const FROM: Record<WatermarkReceipt['state'], readonly string[]> = { delivered: ['sent'], read: ['sent', 'delivered'] };

/**
 * Watermark receipts (Messenger, Instagram: "everything up to this time was delivered / read") applied inside the
 * caller's transaction `t`: every reply of that conversation that left at or before `upTo` (its outbox row's
 * `sent_at`; the time it was written for rows sent before hub migration 11) moves forward to the state, never back,
 * and a failed or unknown one is not made read. Each change is a `message.delivery` event, as a per-message receipt
 * is. The same rule as a single-seat console's `markDeliveryUpTo` (`core/store/outbox.ts`). Returns how many moved.
 */
export async function applyWatermarks(store: EventWriter, t: SqlExecutor, channelId: string, watermarks: readonly WatermarkReceipt[]): Promise<number> {
  let moved = 0;
  for (const w of watermarks) {
    const from = FROM[w.state];
    const rows = await t.all<{ id: number; message_id: number; conversation_id: number }>(
      `SELECT o.id, o.message_id, m.conversation_id FROM outbox o JOIN messages m ON m.id = o.message_id JOIN conversations c ON c.id = m.conversation_id
        WHERE c.channel_id = ? AND c.platform_conversation_id = ? AND o.state IN (${inList(from.length)}) AND COALESCE(o.sent_at, m.sent_at) <= ?
        ORDER BY o.id`,
      [channelId, w.platformConversationId, ...from, Math.floor(w.upTo)],
    );
    if (!rows.length) continue;
    await t.run(`UPDATE outbox SET state = ? WHERE id IN (${inList(rows.length)})`, [w.state, ...rows.map((r) => r.id)]);
    await store.emitMany(
      t,
      rows.map((r) => ({
        kind: 'message.delivery',
        audience: 'conversation' as const,
        payload: { messageId: r.message_id, conversationId: r.conversation_id, delivery: w.state, reason: null },
        where: { channelId, conversationId: r.conversation_id },
      })),
    );
    moved += rows.length;
  }
  return moved;
}
