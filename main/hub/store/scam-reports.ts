import { DiwanError } from '../../core/shared/errors';
import type { HubStore } from './hub-store';
import { HubLeadReview } from './lead-review';
import type { Actor } from './types';

export interface ScamReport {
  id: number;
  messageId: number;
  conversationId: number;
  channelId: string;
  reporterId: number;
  at: number;
}

/**
 * An agent reports a customer's message as a scam (a fake-support number, a code request, a look-alike link…). The
 * report is recorded once per person and message, audited (`guard.scam_reported`, as on a single-seat console), and
 * the first report of a message raises a `scam_reported` alert for the leads and administrators, in the same
 * transaction. Ids only: the message's text never leaves the messages table.
 */
export class HubScamReports {
  private readonly review: HubLeadReview;

  constructor(private readonly store: HubStore) {
    this.review = new HubLeadReview(store);
  }

  /** The message a report would name, with its conversation (so the caller can check the reporter may read it). */
  async message(messageId: number): Promise<{ id: number; conversationId: number; channelId: string; direction: 'in' | 'out' } | null> {
    const r = await this.store.q.get<{ id: number; conversation_id: number; channel_id: string; direction: 'in' | 'out' }>(
      'SELECT id, conversation_id, channel_id, direction FROM messages WHERE id = ?',
      [messageId],
    );
    return r ? { id: r.id, conversationId: r.conversation_id, channelId: r.channel_id, direction: r.direction } : null;
  }

  async report(messageId: number, reporter: { id: number; username: string; device: string }, actor: Actor): Promise<{ report: ScamReport; duplicate: boolean; alertId: number | null }> {
    return this.store.q.tx(async (t) => {
      const m = await t.get<{ conversation_id: number; channel_id: string; direction: string }>('SELECT conversation_id, channel_id, direction FROM messages WHERE id = ?', [messageId]);
      if (!m) throw new DiwanError('message_unknown', 'That message no longer exists.');
      if (m.direction !== 'in') throw new DiwanError('scam_report_not_inbound', "Only a customer's message can be reported as a scam.");
      const at = this.store.now();
      const inserted = await t.get<{ id: number }>(
        'INSERT INTO scam_reports (message_id, conversation_id, channel_id, reporter_id, device, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (message_id, reporter_id) DO NOTHING RETURNING id',
        [messageId, m.conversation_id, m.channel_id, reporter.id, reporter.device, at],
      );
      if (!inserted) {
        const prior = (await t.get<{ id: number; created_at: number }>('SELECT id, created_at FROM scam_reports WHERE message_id = ? AND reporter_id = ?', [messageId, reporter.id]))!;
        const report = { id: prior.id, messageId, conversationId: m.conversation_id, channelId: m.channel_id, reporterId: reporter.id, at: prior.created_at };
        return { report, duplicate: true, alertId: null };
      }
      const report: ScamReport = { id: inserted.id, messageId, conversationId: m.conversation_id, channelId: m.channel_id, reporterId: reporter.id, at };
      const reports = (await t.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM scam_reports WHERE message_id = ?', [messageId]))!;
      const where = { channelId: m.channel_id, conversationId: m.conversation_id };
      await this.store.emit(t, 'scam.reported', 'leads', report, where);
      await this.store.appendAudit(t, { ...actor, action: 'guard.scam_reported', target: `message:${messageId}`, details: { conversationId: m.conversation_id } });
      // One alert per message: colleagues who report it too are recorded, not raised again.
      const alert =
        Number(reports.n) === 1
          ? await this.review.raiseIn(t, { kind: 'scam_reported', channelId: m.channel_id, conversationId: m.conversation_id, details: { messageId, agent: reporter.username } })
          : null;
      return { report, duplicate: false, alertId: alert?.id ?? null };
    });
  }
}
