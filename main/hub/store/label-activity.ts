import type { SqlExecutor, SqlValue } from './executor';
import { chunks, inList } from './sql-rows';

/**
 * A label's page of conversations reads the label's own activity index (`conversation_labels_recent`, schema 11):
 * each label row carries its conversation's `last_message_at`, so the newest 50 with a label are the first 50 entries
 * of the index, however many conversations carry it. Every statement that moves a conversation's activity or labels
 * a conversation calls this in the same transaction (or goes through `updateConversations`).
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

/**
 * Runs `update`, an `UPDATE conversations …` statement without RETURNING that touches (at most) `conversationIds`,
 * and carries their new activity to their label rows. On PostgreSQL both are one statement (a data-modifying CTE):
 * as a second round trip per ingest batch, inside the span every node's writers wait on, it took the hub's ingest
 * from about half of the raw limit to 38–44 % (bench/README.md, "Team hub", runs H–L). SQLite runs in-process, with no round trip to save
 * and no UPDATE inside WITH, so it runs the two statements.
 */
export async function updateConversations(t: SqlExecutor, update: string, params: readonly SqlValue[], conversationIds: readonly number[]): Promise<void> {
  if (t.dialect === 'postgres') {
    await t.run(`WITH ${conversationUpdateCtes(update)} SELECT 1`, params);
    return;
  }
  await t.run(update, params);
  await syncLabelActivity(t, conversationIds);
}

/**
 * PostgreSQL: `updateConversations`'s two writes as data-modifying CTEs (`moved`, `labelled`; a label row whose
 * activity did not move is not rewritten), for a statement that
 * carries them along with its own work (`HubStore.emitMany`: an ingest batch's update rides with its events).
 */
export function conversationUpdateCtes(update: string): string {
  return `moved AS (${update} RETURNING conversations.id, conversations.last_message_at),
    labelled AS (UPDATE conversation_labels SET last_message_at = moved.last_message_at FROM moved
                  WHERE conversation_labels.conversation_id = moved.id AND conversation_labels.last_message_at IS DISTINCT FROM moved.last_message_at)`;
}
