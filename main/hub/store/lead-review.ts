import { DiwanError } from '../../core/shared/errors';
import type { SqlExecutor } from './executor';
import type { HubStore } from './hub-store';
import type { Actor, ConversationView } from './types';

export interface HubQualityReview {
  conversationId: number;
  reviewerId: number;
  score: number;
  /** Masked like customer text: a lead may quote the customer's number in it. */
  comment: string;
  updatedAt: number;
}

export interface ReviewQueueItem {
  conversation: ConversationView;
  /** The latest review of this conversation, by any lead; null while nobody has scored it. */
  review: HubQualityReview | null;
}

export interface HubAlert {
  id: number;
  /** What raised it: `reply_secret_request` (a reply asked for a code, password, PIN, card or CVV), `flood`, … */
  kind: string;
  raisedAt: number;
  channelId: string | null;
  conversationId: number | null;
  /** Counts, codes and who: never customer text. */
  details: Record<string, unknown>;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
}

type ReviewRow = { conversation_id: number; reviewer_id: number; score: number; comment: string; updated_at: number };
const toReview = (r: ReviewRow): HubQualityReview => ({ conversationId: r.conversation_id, reviewerId: r.reviewer_id, score: r.score, comment: r.comment, updatedAt: r.updated_at });

type AlertRow = { id: number; kind: string; raised_at: number; channel_id: string | null; conversation_id: number | null; payload: string; acknowledged_at: number | null; acknowledged_by: string | null };
const toAlert = (r: AlertRow): HubAlert => ({
  id: r.id,
  kind: r.kind,
  raisedAt: r.raised_at,
  channelId: r.channel_id,
  conversationId: r.conversation_id,
  details: JSON.parse(r.payload) as Record<string, unknown>,
  acknowledgedAt: r.acknowledged_at,
  acknowledgedBy: r.acknowledged_by,
});

/**
 * The lead's side of the team's data: the review queue (resolved conversations with their quality score and masked
 * comment) and the alerts the guards raise. Leads and administrators see alerts live (`alert.raised`,
 * `alert.acknowledged`); scores go to leads (`review.scored`).
 */
export class HubLeadReview {
  constructor(private readonly store: HubStore) {}

  /** Resolved conversations on these channels (all for null), newest first, each with its latest review. */
  async queue(channels: readonly string[] | null, limit = 200): Promise<ReviewQueueItem[]> {
    const conversations = await this.store.conversations({ channels, status: 'resolved', limit });
    if (!conversations.length) return [];
    const rows = await this.store.q.all<ReviewRow>(
      `SELECT conversation_id, reviewer_id, score, comment, updated_at FROM quality_reviews WHERE conversation_id IN (${conversations.map(() => '?').join(', ')}) ORDER BY updated_at, reviewer_id`,
      conversations.map((c) => c.id),
    );
    const latest = new Map(rows.map((r) => [r.conversation_id, toReview(r)]));
    return conversations.map((c) => ({ conversation: c, review: latest.get(c.id) ?? null }));
  }

  async reviewsOf(conversationId: number): Promise<HubQualityReview[]> {
    return (await this.store.q.all<ReviewRow>('SELECT * FROM quality_reviews WHERE conversation_id = ? ORDER BY updated_at, reviewer_id', [conversationId])).map(toReview);
  }

  /** One review per lead and conversation: scoring again replaces the lead's earlier score. The comment stays out of the audit trail. */
  async score(r: { conversationId: number; reviewerId: number; score: number; maskedComment: string }, actor: Actor): Promise<HubQualityReview> {
    return this.store.q.tx(async (t) => {
      const view = await this.store.conversationIn(t, r.conversationId);
      if (!view) throw new DiwanError('conversation_unknown', 'That conversation does not exist.');
      const at = this.store.now();
      await t.run(
        `INSERT INTO quality_reviews (conversation_id, reviewer_id, score, comment, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (conversation_id, reviewer_id) DO UPDATE SET score = excluded.score, comment = excluded.comment, updated_at = excluded.updated_at`,
        [r.conversationId, r.reviewerId, r.score, r.maskedComment, at],
      );
      const review: HubQualityReview = { conversationId: r.conversationId, reviewerId: r.reviewerId, score: r.score, comment: r.maskedComment, updatedAt: at };
      await this.store.emit(t, 'review.scored', 'leads', review, { channelId: view.channelId, conversationId: r.conversationId });
      await this.store.appendAudit(t, { ...actor, action: 'review.scored', target: `conversation:${r.conversationId}`, details: { score: r.score } });
      return review;
    });
  }

  /** Raises an alert inside the caller's transaction (with the change or refusal that caused it). */
  async raiseIn(t: SqlExecutor, a: { kind: string; channelId?: string | null; conversationId?: number | null; details: Record<string, unknown> }): Promise<HubAlert> {
    const at = this.store.now();
    const row = await t.get<{ id: number }>('INSERT INTO alerts (kind, raised_at, channel_id, conversation_id, payload) VALUES (?, ?, ?, ?, ?) RETURNING id', [
      a.kind,
      at,
      a.channelId ?? null,
      a.conversationId ?? null,
      JSON.stringify(a.details),
    ]);
    const alert: HubAlert = { id: row!.id, kind: a.kind, raisedAt: at, channelId: a.channelId ?? null, conversationId: a.conversationId ?? null, details: a.details, acknowledgedAt: null, acknowledgedBy: null };
    await this.emitAlert(t, 'alert.raised', alert);
    await this.store.appendAudit(t, { actor: 'hub:guard', action: 'guard.alert.raised', target: `alert:${alert.id}`, details: { kind: a.kind } });
    return alert;
  }

  raise(a: Parameters<HubLeadReview['raiseIn']>[1]): Promise<HubAlert> {
    return this.store.q.tx((t) => this.raiseIn(t, a));
  }

  async alerts(o: { unacknowledgedOnly?: boolean; limit?: number } = {}): Promise<HubAlert[]> {
    const rows = await this.store.q.all<AlertRow>(
      `SELECT * FROM alerts${o.unacknowledgedOnly ? ' WHERE acknowledged_at IS NULL' : ''} ORDER BY raised_at DESC, id DESC LIMIT ?`,
      [Math.min(o.limit ?? 200, 500)],
    );
    return rows.map(toAlert);
  }

  /** Acknowledged once: a second acknowledgement (another lead, a second node) changes nothing and says so. */
  async acknowledge(id: number, by: string, actor: Actor): Promise<HubAlert> {
    return this.store.q.tx(async (t) => {
      const changed = await t.run('UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND acknowledged_at IS NULL', [this.store.now(), by, id]);
      const row = await t.get<AlertRow>('SELECT * FROM alerts WHERE id = ?', [id]);
      if (!row) throw new DiwanError('alert_unknown', 'There is no such alert.');
      if (!changed.changes) throw new DiwanError('alert_acknowledged', `${row.acknowledged_by ?? 'Someone'} acknowledged this alert already.`);
      const alert = toAlert(row);
      await this.emitAlert(t, 'alert.acknowledged', alert);
      await this.store.appendAudit(t, { ...actor, action: 'guard.alert.acknowledged', target: `alert:${id}` });
      return alert;
    });
  }

  /** Leads and administrators both follow alerts (the administrator reads no conversation, only the alert). */
  private async emitAlert(t: SqlExecutor, kind: string, alert: HubAlert): Promise<void> {
    const where = { channelId: alert.channelId, conversationId: alert.conversationId };
    await this.store.emit(t, kind, 'leads', alert, where);
    await this.store.emit(t, kind, 'admins', alert, where);
  }
}
