import type { StoreContext } from './context';
import { cachedStatement } from './statement-cache';

export interface ChannelTraffic {
  channelId: string;
  inbound: number;
  outbound: number;
  conversations: number;
}

/** The figures of the lead's report, over messages sent between `from` and `to` (ms). */
export class ReportRepository {
  constructor(private readonly ctx: StoreContext) {}

  perChannel(from: number, to: number): ChannelTraffic[] {
    return cachedStatement(
      this.ctx.db,
      `SELECT channel_id AS channelId, SUM(direction = 'in') AS inbound, SUM(direction = 'out') AS outbound, COUNT(DISTINCT conversation_id) AS conversations
       FROM messages WHERE sent_at BETWEEN ? AND ? GROUP BY channel_id ORDER BY channel_id`,
    ).all(from, to) as ChannelTraffic[];
  }

  /** Customer messages per UTC day. */
  dailyInbound(from: number, to: number): Array<{ day: string; inbound: number }> {
    return cachedStatement(
      this.ctx.db,
      "SELECT strftime('%Y-%m-%d', sent_at / 1000, 'unixepoch') AS day, COUNT(*) AS inbound FROM messages WHERE direction = 'in' AND sent_at BETWEEN ? AND ? GROUP BY day ORDER BY day",
    ).all(from, to) as Array<{ day: string; inbound: number }>;
  }

  /**
   * Each conversation episode that began in the range: its customer's first message, the team's first reply after
   * it, and when it was resolved (while it still is). The report's times come from these (`core/reports`).
   */
  episodes(from: number, to: number): Array<{ channelId: string; openedAt: number; firstReplyAt: number | null; resolvedAt: number | null }> {
    return cachedStatement(
      this.ctx.db,
      `SELECT c.channel_id AS channelId, c.opened_at AS openedAt,
              (SELECT MIN(o.sent_at) FROM messages o WHERE o.conversation_id = c.id AND o.direction = 'out' AND o.sent_at >= c.opened_at) AS firstReplyAt,
              CASE WHEN c.status = 'resolved' AND c.resolved_at >= c.opened_at THEN c.resolved_at END AS resolvedAt
         FROM conversations c WHERE c.opened_at BETWEEN ? AND ? ORDER BY c.opened_at`,
    ).all(from, to) as Array<{ channelId: string; openedAt: number; firstReplyAt: number | null; resolvedAt: number | null }>;
  }
}
