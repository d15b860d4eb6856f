import { DiwanError } from '../../core/shared/errors';
import type { HubStore } from './hub-store';
import type { Actor } from './types';

export type DoubtAction = 'resend' | 'mark_failed';

export interface DoubtfulReply {
  messageId: number;
  conversationId: number;
  channelId: string;
  state: string;
}

/**
 * Settling a reply whose delivery is in doubt (a node died mid-send: `HubStore.recoverInterrupted`). Nobody resends
 * such a reply blindly; an agent who checked the platform decides: send it again (queued, with the clear copy the
 * outbox kept for it) or mark it not delivered (the clear copy is erased). A compare-and-set on `unknown` lets one
 * decision win when two colleagues decide at once; the change, its `message.delivery` event and the audit entry
 * commit together.
 */
export class HubDeliveryDoubt {
  constructor(private readonly store: HubStore) {}

  /** The reply behind a message, with its conversation (so the caller can check the person may read it). */
  async reply(messageId: number): Promise<DoubtfulReply | null> {
    const r = await this.store.q.get<{ message_id: number; conversation_id: number; channel_id: string; state: string }>(
      'SELECT o.message_id, m.conversation_id, o.channel_id, o.state FROM outbox o JOIN messages m ON m.id = o.message_id WHERE o.message_id = ?',
      [messageId],
    );
    return r ? { messageId: r.message_id, conversationId: r.conversation_id, channelId: r.channel_id, state: r.state } : null;
  }

  async settle(messageId: number, action: DoubtAction, actor: Actor): Promise<DoubtfulReply> {
    return this.store.q.tx(async (t) => {
      const reason = action === 'resend' ? null : 'Marked as not delivered by an agent.';
      const changed =
        action === 'resend'
          ? await t.run("UPDATE outbox SET state = 'queued', reason = NULL, not_before = ? WHERE message_id = ? AND state = 'unknown' AND pending_text IS NOT NULL", [this.store.now(), messageId])
          : await t.run("UPDATE outbox SET state = 'failed', reason = ?, pending_text = NULL WHERE message_id = ? AND state = 'unknown'", [reason, messageId]);
      const row = await t.get<{ conversation_id: number; channel_id: string; state: string }>(
        'SELECT m.conversation_id, o.channel_id, o.state FROM outbox o JOIN messages m ON m.id = o.message_id WHERE o.message_id = ?',
        [messageId],
      );
      if (!row) throw new DiwanError('reply_unknown', 'That reply no longer exists.');
      if (!changed.changes) {
        if (row.state === 'unknown') throw new DiwanError('reply_not_resendable', 'This reply can no longer be sent again (its text was erased); mark it as not delivered and write it again.');
        throw new DiwanError('not_unknown', 'This reply is no longer in doubt; its state is shown beside it.');
      }
      const state = action === 'resend' ? 'queued' : 'failed';
      const where = { channelId: row.channel_id, conversationId: row.conversation_id };
      await this.store.emit(t, 'message.delivery', 'conversation', { messageId, conversationId: row.conversation_id, delivery: state, reason }, where);
      await this.store.appendAudit(t, { ...actor, action: 'reply.delivery_settled', target: `conversation:${row.conversation_id}`, details: { messageId, action } });
      return { messageId, conversationId: row.conversation_id, channelId: row.channel_id, state };
    });
  }
}
