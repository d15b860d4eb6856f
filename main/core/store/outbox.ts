import { cachedStatement } from './statement-cache';
import { DiwanError } from '../shared/errors';
import type { DeliveryState, OutboundItem, OutboxPort } from '../shared/messages';
import { replyProblem } from '../shared/reply-limits';
import { assertCurrentKey, identity, nextId, SEALED, sealedIdentity, sealOriginal, type StoreContext } from './context';
import { sealSentReply } from './reseal';
import type { Db } from './database';
import { notePreview } from './preview';
import { indexBody } from './search-text';
import { addToSearchIndex } from './search-index';
import { ERROR_CODES } from '../shared/vocabulary';

const MAX_REPLY = 16 * 1024;
const MAX_REASON = 500;

export interface EnqueueReply {
  conversationId: number;
  /** The agent's reply as written; stored masked, with its original encrypted like any message. */
  text: string;
  authorId: string;
  options?: Record<string, string>;
}

/**
 * Replies are stored before they are sent: a message row (direction `out`, delivery `queued`) and an outbox row,
 * in one transaction. A connector claims an item, sends it, and reports what happened.
 */
export class Outbox implements OutboxPort {
  private readonly s: ReturnType<typeof statements>;

  constructor(private readonly ctx: StoreContext) {
    this.s = statements(ctx.db);
  }

  /** The outbox entry of a reply message, if it has one. */
  ofMessage(messageId: number): { id: number; state: string } | null {
    return (cachedStatement(this.ctx.db, 'SELECT id, state FROM outbox WHERE message_id = ?').get(messageId) as { id: number; state: string } | undefined) ?? null;
  }

  conversationOf(outboxId: number): number | null {
    return (cachedStatement(this.ctx.db, 'SELECT m.conversation_id FROM outbox o JOIN messages m ON m.id = o.message_id WHERE o.id = ?', 'pluck').get(outboxId) as number | undefined) ?? null;
  }

  enqueue(reply: EnqueueReply): { messageId: number; outboxId: number } {
    if (typeof reply.text !== 'string' || !reply.text.trim() || reply.text.length > MAX_REPLY) {
      throw new DiwanError('reply_bad_text', `A reply is between 1 and ${MAX_REPLY} characters.`);
    }
    const { ctx, s } = this;
    return ctx.db
      .transaction(() => {
        const conv = s.conversation.get(reply.conversationId) as { channel_id: string; kind: string } | undefined;
        if (!conv) throw new DiwanError(ERROR_CODES.conversationUnknown, `There is no conversation ${reply.conversationId}.`);
        const problem = replyProblem(conv.kind, reply.text);
        if (problem) throw new DiwanError('reply_bad_text', problem);
        assertCurrentKey(ctx);
        const now = ctx.clock.now();
        const id = nextId(ctx.db, 'messages');
        const { masked, fields } = ctx.masker(reply.text);
        // The text stays under the data key until the platform has it (this process must send it); then it is sealed.
        const v = ctx.cipher.currentVersion;
        s.insertMessage.run(id, reply.conversationId, conv.channel_id, reply.authorId, masked, ctx.cipher.encrypt(identity.messageText(id), reply.text), v, now, now, fields.length > 0 ? 1 : 0);
        fields.forEach((f, n) =>
          s.insertField.run(id, n, f.type, f.start, f.end, sealOriginal(ctx, sealedIdentity.messageField(ctx.custody.seat, id, n, f.type), f.value), SEALED),
        );
        addToSearchIndex(ctx.db, id, indexBody(masked));
        const outboxId = Number(
          s.insertOutbox.run(id, conv.channel_id, now, reply.options ? JSON.stringify(reply.options) : null, now, now).lastInsertRowid,
        );
        s.touchConversation.run(now, reply.conversationId);
        notePreview(ctx.db, reply.conversationId, { id, sentAt: now, maskedText: masked });
        return { messageId: id, outboxId };
      })
      .immediate();
  }

  claim(channelId: string, now: number): OutboundItem | null {
    const { ctx, s } = this;
    return ctx.db
      .transaction(() => {
        const row = s.nextDue.get(channelId, now) as
          | { id: number; message_id: number; attempts: number; options: string | null; text_enc: Buffer | null; platform_conversation_id: string }
          | undefined;
        if (!row) return null;
        s.setState.run('sending', null, ctx.clock.now(), row.id);
        s.bumpAttempts.run(row.id);
        s.setDelivery.run('sending', null, row.message_id);
        if (!row.text_enc) throw new DiwanError('reply_original_gone', `The text of reply ${row.message_id} is no longer stored.`);
        return {
          outboxId: String(row.id),
          messageId: String(row.message_id),
          channelId,
          platformConversationId: row.platform_conversation_id,
          text: ctx.cipher.decrypt(identity.messageText(row.message_id), row.text_enc),
          attempts: row.attempts + 1,
          ...(row.options ? { options: JSON.parse(row.options) as Record<string, string> } : {}),
        };
      })
      .immediate();
  }

  markSent(outboxId: string, platformMessageId: string, at: number): void {
    const { ctx, s } = this;
    ctx.db
      .transaction(() => {
        const row = this.outboxRow(outboxId);
        // The platform's echo of this reply may have been ingested first: the reply row is the one to keep.
        const echo = s.findByPlatformId.get(row.channel_id, platformMessageId) as number | undefined;
        if (echo !== undefined && echo !== row.message_id) {
          s.deleteFts.run(echo);
          s.deleteMessage.run(echo);
        }
        s.setState.run('sent', null, at, row.id);
        s.setSent.run(platformMessageId, row.message_id);
        sealSentReply(ctx, row.message_id);
      })
      .immediate();
  }

  markFailed(outboxId: string, reason: string, retry: { notBefore: number } | null): void {
    const { ctx, s } = this;
    const why = bounded(reason);
    ctx.db
      .transaction(() => {
        const row = this.outboxRow(outboxId);
        if (retry) {
          s.requeue.run(why, retry.notBefore, ctx.clock.now(), row.id);
          s.setDelivery.run('queued', why, row.message_id);
        } else {
          s.setState.run('failed', why, ctx.clock.now(), row.id);
          s.setDelivery.run('failed', why, row.message_id);
        }
      })
      .immediate();
  }

  markUnknown(outboxId: string, reason: string): void {
    const { ctx, s } = this;
    ctx.db
      .transaction(() => {
        const row = this.outboxRow(outboxId);
        s.setState.run('unknown', bounded(reason), ctx.clock.now(), row.id);
        s.setDelivery.run('unknown', bounded(reason), row.message_id);
      })
      .immediate();
  }

  markDelivery(channelId: string, platformMessageId: string, state: 'delivered' | 'read' | 'failed', reason?: string): void {
    this.s.receipt.run(state, reason ? bounded(reason) : null, channelId, platformMessageId, state, RANK[state]);
  }

  markDeliveryUpTo(channelId: string, platformConversationId: string, state: 'delivered' | 'read', upTo: number): void {
    this.s.watermark.run(state, channelId, upTo, channelId, platformConversationId, RANK[state]);
  }

  /** At start: replies caught mid-send by a crash or quit become `unknown`, for the agent to decide; never resent blindly. */
  recoverInterrupted(): number {
    const { ctx, s } = this;
    return ctx.db
      .transaction(() => {
        const ids = s.sending.all() as Array<{ id: number; message_id: number }>;
        for (const r of ids) {
          s.setState.run('unknown', 'interrupted while sending', ctx.clock.now(), r.id);
          s.setDelivery.run('unknown', 'interrupted while sending', r.message_id);
        }
        return ids.length;
      })
      .immediate();
  }

  /** The agent's decision about an `unknown` or `failed` reply: send it again. */
  retry(outboxId: string): void {
    const { ctx, s } = this;
    ctx.db
      .transaction(() => {
        const row = this.outboxRow(outboxId);
        if (row.state !== 'unknown' && row.state !== 'failed') {
          throw new DiwanError('reply_not_retryable', 'Only a failed reply, or one whose outcome is unknown, can be sent again.');
        }
        s.requeue.run(null, ctx.clock.now(), ctx.clock.now(), row.id);
        s.setDelivery.run('queued', null, row.message_id);
      })
      .immediate();
  }

  private outboxRow(outboxId: string): { id: number; message_id: number; channel_id: string; state: string } {
    const row = this.s.outboxById.get(Number(outboxId)) as { id: number; message_id: number; channel_id: string; state: string } | undefined;
    if (!row) throw new DiwanError('outbox_unknown', `There is no outbox item ${outboxId}.`);
    return row;
  }
}

const RANK: Record<DeliveryState, number> = { queued: 0, sending: 1, unknown: 2, failed: 2, sent: 3, delivered: 4, read: 5 };

function bounded(reason: string): string {
  return String(reason).slice(0, MAX_REASON);
}

function statements(db: Db) {
  const rankOf = `CASE delivery ${Object.entries(RANK).map(([k, v]) => `WHEN '${k}' THEN ${v}`).join(' ')} ELSE 0 END`;
  return {
    conversation: db.prepare('SELECT c.channel_id, ch.kind FROM conversations c JOIN channels ch ON ch.id = c.channel_id WHERE c.id = ?'),
    insertMessage: db.prepare(
      `INSERT INTO messages (id, conversation_id, channel_id, direction, author_id, masked_text, text_enc, key_version, sent_at, stored_at, delivery, has_fields)
       VALUES (?, ?, ?, 'out', ?, ?, ?, ?, ?, ?, 'queued', ?)`,
    ),
    insertField: db.prepare('INSERT INTO message_fields (message_id, n, type, start, end, value_enc, key_version) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    insertOutbox: db.prepare(
      `INSERT INTO outbox (message_id, channel_id, state, attempts, not_before, options, created_at, updated_at)
       VALUES (?, ?, 'queued', 0, ?, ?, ?, ?)`,
    ),
    touchConversation: db.prepare('UPDATE conversations SET last_activity_at = max(last_activity_at, ?) WHERE id = ?'),
    nextDue: db.prepare(
      `SELECT o.id, o.message_id, o.attempts, o.options, m.text_enc, c.platform_conversation_id
       FROM outbox o JOIN messages m ON m.id = o.message_id JOIN conversations c ON c.id = m.conversation_id
       WHERE o.channel_id = ? AND o.state = 'queued' AND o.not_before <= ? ORDER BY o.not_before, o.id LIMIT 1`,
    ),
    outboxById: db.prepare('SELECT id, message_id, channel_id, state FROM outbox WHERE id = ?'),
    setState: db.prepare('UPDATE outbox SET state = ?, last_error = ?, updated_at = ? WHERE id = ?'),
    bumpAttempts: db.prepare('UPDATE outbox SET attempts = attempts + 1 WHERE id = ?'),
    requeue: db.prepare("UPDATE outbox SET state = 'queued', last_error = ?, not_before = ?, updated_at = ? WHERE id = ?"),
    setDelivery: db.prepare('UPDATE messages SET delivery = ?, delivery_reason = ? WHERE id = ?'),
    setSent: db.prepare("UPDATE messages SET platform_message_id = ?, delivery = 'sent', delivery_reason = NULL WHERE id = ?"),
    findByPlatformId: db.prepare('SELECT id FROM messages WHERE channel_id = ? AND platform_message_id = ?').pluck(),
    deleteFts: db.prepare('DELETE FROM messages_fts WHERE rowid = ?'),
    deleteMessage: db.prepare('DELETE FROM messages WHERE id = ?'),
    sending: db.prepare("SELECT id, message_id FROM outbox WHERE state = 'sending'"),
    // A receipt only moves delivery forward (read after delivered, never back); `failed` always lands.
    // Only replies known to have left move forward: a failed or unknown one is not made "read" by a later watermark.
    // A console reply counts from when it was sent (its outbox row's last update), not from when it was queued.
    watermark: db.prepare(
      `UPDATE messages SET delivery = ?
       WHERE channel_id = ? AND direction = 'out' AND delivery IN ('sent', 'delivered')
         AND coalesce((SELECT o.updated_at FROM outbox o WHERE o.message_id = messages.id), sent_at) <= ?
         AND conversation_id = (SELECT id FROM conversations WHERE channel_id = ? AND platform_conversation_id = ?)
         AND ${rankOf} < ?`,
    ),
    receipt: db.prepare(
      `UPDATE messages SET delivery = ?, delivery_reason = ?
       WHERE channel_id = ? AND platform_message_id = ? AND direction = 'out' AND (? = 'failed' OR ${rankOf} < ?)`,
    ),
  };
}
