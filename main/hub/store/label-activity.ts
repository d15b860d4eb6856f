import type { SqlExecutor } from './executor';
import { chunks, inList } from './sql-rows';

/**
 * A label's page of conversations reads the label's own activity index (`conversation_labels_recent`, schema 11):
 * each label row carries its conversation's `last_message_at`, so the newest 50 with a label are the first 50 entries
 * of the index, however many conversations carry it. Every statement that moves a conversation's activity or labels
 * a conversation calls this in the same transaction.
 */
export async function syncLabelActivity(t: SqlExecutor, conversationIds: readonly number[]): Promise<void> {
  for (const part of chunks([...conversationIds])) {
    await t.run(
      `UPDATE conversation_labels SET last_message_at = (SELECT c.last_message_at FROM conversations c WHERE c.id = conversation_labels.conversation_id)
        WHERE conversation_id IN (${inList(part.length)})`,
      part,
    );
  }
}
