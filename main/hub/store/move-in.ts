import type { HubStore } from './hub-store';
import { ingestBatch } from './ingest';
import { syncLabelActivity } from './label-activity';
import type { Actor, PreparedMessage } from './types';

/** One single-seat conversation as it arrives at the hub: its messages (masked and ready to seal) and its state. */
export interface MovedConversation {
  /** The single-seat database's id and the conversation's id there: the key that makes a move resumable. */
  source: { database: string; conversationId: number };
  channelId: string;
  messages: PreparedMessage[];
  status: 'open' | 'pending' | 'resolved' | 'snoozed';
  /** When a snoozed conversation wakes (the hub's sweep wakes it, as any snoozed one). */
  snoozedUntil: number | null;
  assigneeId: number | null;
  labelIds: number[];
  notes: Array<{ authorId: number; maskedText: string; createdAt: number }>;
}

/**
 * Moving a single-seat install's history onto the hub (`diwan hub import`). Each conversation arrives in ONE
 * transaction — messages through the hub's own ingest, then status, assignee, labels and notes, a marker and the
 * audit entry — so an interrupted move leaves every conversation either fully there or not at all, and running it
 * again skips what is there.
 */
export class HubMoveIn {
  constructor(private readonly store: HubStore) {}

  async alreadyMoved(database: string, conversationId: number): Promise<boolean> {
    return !!(await this.store.q.get('SELECT 1 AS one FROM moved_conversations WHERE source_db = ? AND source_id = ?', [database, conversationId]));
  }

  /** Returns the hub's conversation id, or null when the conversation had been moved before (nothing changes). */
  async moveConversation(c: MovedConversation, actor: Actor): Promise<{ conversationId: number; messages: number } | null> {
    if (!c.messages.length) return null;
    return this.store.q.tx(async (t) => {
      await t.serializeEvents();
      if (await t.get('SELECT 1 AS one FROM moved_conversations WHERE source_db = ? AND source_id = ?', [c.source.database, c.source.conversationId])) return null;
      const ingested = await ingestBatch(this.store, t, c.channelId, c.messages);
      const row = await t.get<{ id: number }>('SELECT id FROM conversations WHERE channel_id = ? AND platform_conversation_id = ?', [
        c.channelId,
        c.messages[0]!.platformConversationId,
      ]);
      const conversationId = row!.id;
      await t.run(
        `UPDATE conversations SET status = ?, assignee_id = ?, snoozed_until = ?, resolved_at = CASE WHEN ? = 'resolved' THEN last_message_at ELSE resolved_at END, version = version + 1 WHERE id = ?`,
        [c.status, c.assigneeId, c.status === 'snoozed' ? c.snoozedUntil : null, c.status, conversationId],
      );
      for (const labelId of c.labelIds) {
        await t.run('INSERT INTO conversation_labels (conversation_id, label_id) VALUES (?, ?) ON CONFLICT DO NOTHING', [conversationId, labelId]);
      }
      await syncLabelActivity(t, [conversationId]);
      for (const n of c.notes) {
        await t.run('INSERT INTO notes (conversation_id, author_id, masked_text, sealed_text, created_at) VALUES (?, ?, ?, NULL, ?)', [conversationId, n.authorId, n.maskedText, n.createdAt]);
      }
      await t.run('INSERT INTO moved_conversations (source_db, source_id, conversation_id, moved_at) VALUES (?, ?, ?, ?)', [
        c.source.database,
        c.source.conversationId,
        conversationId,
        this.store.now(),
      ]);
      const view = await this.store.conversationIn(t, conversationId);
      await this.store.emit(t, 'conversation.updated', 'conversation', view, { channelId: c.channelId, conversationId });
      await this.store.appendAudit(t, {
        ...actor,
        action: 'conversation.moved_in',
        target: `conversation:${conversationId}`,
        details: { sourceDatabase: c.source.database, sourceConversation: c.source.conversationId, messages: ingested.inserted, duplicates: ingested.duplicates, notes: c.notes.length },
      });
      return { conversationId, messages: ingested.inserted };
    });
  }
}
