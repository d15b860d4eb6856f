import { DiwanError } from '../../core/shared/errors';
import type { SqlExecutor } from './executor';
import type { HubStore } from './hub-store';
import type { Actor } from './types';

export type ReplyApprovalState = 'pending' | 'approved' | 'denied' | 'used';

/** What a lead and the asking agent see: the reply masked and the guard's reasons; never the text or its binding. */
export interface ReplyApproval {
  id: number;
  conversationId: number;
  requesterId: number;
  maskedText: string;
  reasons: string[];
  state: ReplyApprovalState;
  deciderId: number | null;
  createdAt: number;
  expiresAt: number;
}

interface Row {
  id: number;
  conversation_id: number;
  requester_id: number;
  device: string;
  text_hash: string;
  masked_text: string;
  reasons: string;
  state: ReplyApprovalState;
  decider_id: number | null;
  created_at: number;
  expires_at: number;
}

const toApproval = (r: Row): ReplyApproval => ({
  id: r.id,
  conversationId: r.conversation_id,
  requesterId: r.requester_id,
  maskedText: r.masked_text,
  reasons: JSON.parse(r.reasons) as string[],
  state: r.state,
  deciderId: r.decider_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

/**
 * Four eyes on a reply the outbound guard holds, kept in the hub's database so any node can take each step: the
 * agent asks, a lead on another desk approves or denies, and the approved reply goes out once — the approval is used
 * up in the same transaction that queues it, bound to the requester, the conversation and the exact text.
 */
export class HubReplyApprovals {
  constructor(private readonly store: HubStore) {}

  /** Asking twice for the same text returns the request already open (pending, or approved and not yet used). */
  async request(
    r: { conversationId: number; channelId: string; requesterId: number; device: string; binding: string; maskedText: string; reasons: string[]; expiresAt: number },
    actor: Actor,
  ): Promise<ReplyApproval> {
    return this.store.q.tx(async (t) => {
      await t.serializeEvents();
      const open = await t.get<Row>(
        "SELECT * FROM reply_approvals WHERE requester_id = ? AND conversation_id = ? AND text_hash = ? AND state IN ('pending', 'approved') AND expires_at > ? ORDER BY id DESC LIMIT 1",
        [r.requesterId, r.conversationId, r.binding, this.store.now()],
      );
      if (open) return toApproval(open);
      const row = await t.get<{ id: number }>(
        "INSERT INTO reply_approvals (conversation_id, requester_id, device, text_hash, masked_text, reasons, state, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?) RETURNING id",
        [r.conversationId, r.requesterId, r.device, r.binding, r.maskedText, JSON.stringify(r.reasons), this.store.now(), r.expiresAt],
      );
      const approval = toApproval((await t.get<Row>('SELECT * FROM reply_approvals WHERE id = ?', [row!.id]))!);
      await this.store.emit(t, 'reply_approval.requested', 'leads', approval, { channelId: r.channelId, conversationId: r.conversationId });
      await this.store.appendAudit(t, { ...actor, action: 'guard.reply.approval_requested', target: `conversation:${r.conversationId}`, details: { approvalId: approval.id } });
      return approval;
    });
  }

  async get(id: number): Promise<ReplyApproval | null> {
    const r = await this.store.q.get<Row>('SELECT * FROM reply_approvals WHERE id = ?', [id]);
    return r ? toApproval(r) : null;
  }

  /** Requests still waiting for a lead (expired ones are not shown). */
  async pending(limit = 500): Promise<ReplyApproval[]> {
    const rows = await this.store.q.all<Row>("SELECT * FROM reply_approvals WHERE state = 'pending' AND expires_at > ? ORDER BY id LIMIT ?", [this.store.now(), limit]);
    return rows.map(toApproval);
  }

  /** A lead's decision; only a pending, unexpired request changes (compare-and-set), so two leads cannot both decide. */
  async decide(id: number, deciderId: number, approve: boolean, usableUntil: number, actor: Actor): Promise<ReplyApproval> {
    return this.store.q.tx(async (t) => {
      const changed = await t.run(
        "UPDATE reply_approvals SET state = ?, decider_id = ?, expires_at = ? WHERE id = ? AND state = 'pending' AND expires_at > ?",
        [approve ? 'approved' : 'denied', deciderId, usableUntil, id, this.store.now()],
      );
      if (!changed.changes) throw new DiwanError('approval_not_pending', 'This approval request was already decided or has expired.');
      const approval = toApproval((await t.get<Row>('SELECT * FROM reply_approvals WHERE id = ?', [id]))!);
      await this.store.emit(t, 'reply_approval.decided', `user:${approval.requesterId}`, approval);
      await this.store.emit(t, 'reply_approval.decided', 'leads', approval);
      await this.store.appendAudit(t, {
        ...actor,
        action: approve ? 'guard.reply.approved' : 'guard.reply.approval_declined',
        target: `conversation:${approval.conversationId}`,
        details: { approvalId: id, requesterId: approval.requesterId },
      });
      return approval;
    });
  }

  /**
   * Inside the transaction that queues the reply: uses the approval up, or refuses when it is not this requester's
   * approved request for this conversation and this exact text, or was used already, or has expired.
   */
  async consume(t: SqlExecutor, a: { id: number; requesterId: number; conversationId: number; binding: string; messageId: number }, actor: Actor): Promise<void> {
    const used = await t.run(
      "UPDATE reply_approvals SET state = 'used', message_id = ? WHERE id = ? AND state = 'approved' AND requester_id = ? AND conversation_id = ? AND text_hash = ? AND expires_at > ?",
      [a.messageId, a.id, a.requesterId, a.conversationId, a.binding, this.store.now()],
    );
    if (!used.changes) {
      throw new DiwanError('guard_approval_invalid', 'This approval does not match this reply, was already used or has expired. Ask your team lead to approve the reply again.');
    }
    const row = (await t.get<{ decider_id: number }>('SELECT decider_id FROM reply_approvals WHERE id = ?', [a.id]))!;
    await this.store.appendAudit(t, { ...actor, action: 'guard.reply.sent_with_approval', target: `conversation:${a.conversationId}`, details: { approvalId: a.id, messageId: a.messageId, leadId: row.decider_id } });
  }
}
