import type { Db } from './database';
import { cachedStatement } from './statement-cache';

/**
 * Makes `m` its conversation's preview when it is the newest message there (by sent time, then id), in the caller's
 * transaction. Every path that stores a message calls this; removals are followed by migration 019's trigger.
 */
export function notePreview(db: Db, conversationId: number, m: { id: number; sentAt: number; maskedText: string }): void {
  cachedStatement(
    db,
    `UPDATE conversations SET preview = ?, preview_sent_at = ?, preview_message_id = ?
     WHERE id = ? AND (preview_message_id IS NULL OR (preview_sent_at, preview_message_id) < (?, ?))`,
  ).run(m.maskedText, m.sentAt, m.id, conversationId, m.sentAt, m.id);
}
