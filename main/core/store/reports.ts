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

  /** Per conversation started in the range: ms from the first customer message to the first reply after it, sorted. */
  firstResponseTimes(from: number, to: number): number[] {
    return cachedStatement(
      this.ctx.db,
      `SELECT (SELECT MIN(o.sent_at) FROM messages o WHERE o.conversation_id = f.cid AND o.direction = 'out' AND o.sent_at >= f.first) - f.first AS v
       FROM (SELECT conversation_id AS cid, MIN(sent_at) AS first FROM messages WHERE direction = 'in' GROUP BY conversation_id) f
       WHERE f.first BETWEEN ? AND ? AND v IS NOT NULL ORDER BY v`,
      'pluck',
    ).all(from, to) as number[];
  }
}
