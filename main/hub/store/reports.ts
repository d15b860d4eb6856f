import { DEFAULT_FIRST_RESPONSE_MS, reportTimes, type ReportTimes } from '../../core/reports';
import { slaClocks } from '../../core/sla';
import type { HubStore } from './hub-store';
import type { WorkflowStore } from './workflow';

const DAY_MS = 86_400_000;

/** The hub's consent notice answers nobody: it is neither a reply nor outbound traffic of the team. */
const NOT_A_NOTICE = (m: string) => `NOT EXISTS (SELECT 1 FROM contact_consent n WHERE n.notice_message_id = ${m}.id)`;

export interface HubReport extends ReportTimes {
  from: number;
  to: number;
  perChannel: Array<{ channelId: string; kind: string; name: string; inbound: number; outbound: number; conversations: number }>;
  /** Customer messages per UTC day. */
  daily: Array<{ day: string; inbound: number }>;
  /** The promise of a channel without its own (channels with one are judged by it, on the team's calendar). */
  slaTargetMs: number;
}

/**
 * The lead's report at the hub, from the team's tables: the same figures as the single-seat report (the same rule,
 * `core/reports`), with each channel's own first-response promise counted in business time on the team's calendar
 * (`core/sla`). Read-only: no event, no audit entry (the route's caller sees counts, never customer text).
 */
export class HubReports {
  constructor(
    private readonly store: HubStore,
    private readonly workflow: WorkflowStore,
  ) {}

  /** `channels`: the channels the reader may see (null: the whole team). */
  async summary(from: number, to: number, channels: readonly string[] | null): Promise<HubReport> {
    const q = this.store.q;
    if (channels && !channels.length) channels = null;
    const inChannels = (col: string) => (channels ? ` AND ${col} IN (${channels.map(() => '?').join(', ')})` : '');
    const scope = channels ? [...channels] : [];
    const traffic = await q.all<{ channel_id: string; inbound: number | string; outbound: number | string; conversations: number | string }>(
      `SELECT m.channel_id, SUM(CASE WHEN m.direction = 'in' THEN 1 ELSE 0 END) AS inbound,
              SUM(CASE WHEN m.direction = 'out' AND ${NOT_A_NOTICE('m')} THEN 1 ELSE 0 END) AS outbound, COUNT(DISTINCT m.conversation_id) AS conversations
         FROM messages m WHERE m.sent_at BETWEEN ? AND ?${inChannels('m.channel_id')} GROUP BY m.channel_id ORDER BY m.channel_id`,
      [from, to, ...scope],
    );
    const days = await q.all<{ d: number | string; inbound: number | string }>(
      `SELECT m.sent_at / ${DAY_MS} AS d, COUNT(*) AS inbound FROM messages m
        WHERE m.direction = 'in' AND m.sent_at BETWEEN ? AND ?${inChannels('m.channel_id')} GROUP BY m.sent_at / ${DAY_MS} ORDER BY d`,
      [from, to, ...scope],
    );
    const episodes = await q.all<{ channel_id: string; opened_at: number; first_out: number | null; resolved_at: number | null }>(
      `SELECT c.channel_id, c.opened_at,
              (SELECT MIN(o.sent_at) FROM messages o WHERE o.conversation_id = c.id AND o.direction = 'out' AND o.sent_at >= c.opened_at AND ${NOT_A_NOTICE('o')}) AS first_out,
              CASE WHEN c.status = 'resolved' AND c.resolved_at >= c.opened_at THEN c.resolved_at END AS resolved_at
         FROM conversations c WHERE c.opened_at BETWEEN ? AND ?${inChannels('c.channel_id')} ORDER BY c.opened_at`,
      [from, to, ...scope],
    );
    const [rules, { calendar }, known] = await Promise.all([this.workflow.rules(), this.workflow.calendar(), this.store.channels()]);
    const ruleOf = new Map(rules.map((r) => [r.channelId, r]));
    const dueOf = (channelId: string, openedAt: number) => {
      const rule = ruleOf.get(channelId);
      if (rule?.firstResponseMinutes == null) return openedAt + DEFAULT_FIRST_RESPONSE_MS;
      const timeline = { openedAt, waitingSince: openedAt, answered: false, resolved: false };
      return slaClocks(timeline, { firstResponseMinutes: rule.firstResponseMinutes, nextResponseMinutes: null, resolutionMinutes: null }, calendar)[0]!.dueAt;
    };
    const times = reportTimes(
      episodes.map((e) => ({ openedAt: e.opened_at, firstReplyAt: e.first_out, resolvedAt: e.resolved_at, firstResponseDueAt: dueOf(e.channel_id, e.opened_at) })),
      this.store.now(),
    );
    const channel = new Map(known.map((c) => [c.id, c]));
    return {
      from,
      to,
      perChannel: traffic.map((r) => ({
        channelId: r.channel_id,
        kind: channel.get(r.channel_id)?.kind ?? 'unknown',
        name: channel.get(r.channel_id)?.name ?? r.channel_id,
        inbound: Number(r.inbound),
        outbound: Number(r.outbound),
        conversations: Number(r.conversations),
      })),
      daily: days.map((r) => ({ day: new Date(Number(r.d) * DAY_MS).toISOString().slice(0, 10), inbound: Number(r.inbound) })).slice(-400),
      ...times,
      slaTargetMs: DEFAULT_FIRST_RESPONSE_MS,
    };
  }
}
