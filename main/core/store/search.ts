import type { StoreContext } from './context';
import type { Db } from './database';
import { ftsExpression, highlightRanges, queryTerms } from './search-text';

export interface SearchHit {
  messageId: number;
  conversationId: number;
  channelId: string;
  direction: 'in' | 'out';
  maskedText: string;
  sentAt: number;
  /** [start, end) offsets of the matched words in `maskedText`. */
  highlights: Array<[number, number]>;
}

const MAX_LIMIT = 200;

/** Full-text search over masked text (never an original), newest first. */
export class SearchRepository {
  private readonly s: ReturnType<typeof statements>;

  constructor(ctx: StoreContext) {
    this.s = statements(ctx.db);
  }

  search(query: string, opts: { limit?: number; channelId?: string } = {}): SearchHit[] {
    const terms = queryTerms(String(query).slice(0, 500));
    if (!terms.length) return [];
    const limit = Math.min(Math.max(opts.limit ?? 50, 1), MAX_LIMIT);
    const match = ftsExpression(terms);
    const rows = (opts.channelId ? this.s.inChannel.all(match, opts.channelId, limit) : this.s.all.all(match, limit)) as Array<{
      id: number;
      conversation_id: number;
      channel_id: string;
      direction: 'in' | 'out';
      masked_text: string;
      sent_at: number;
    }>;
    return rows.map((r) => ({
      messageId: r.id,
      conversationId: r.conversation_id,
      channelId: r.channel_id,
      direction: r.direction,
      maskedText: r.masked_text,
      sentAt: r.sent_at,
      highlights: highlightRanges(r.masked_text, terms),
    }));
  }
}

function statements(db: Db) {
  const cols = 'm.id, m.conversation_id, m.channel_id, m.direction, m.masked_text, m.sent_at';
  return {
    all: db.prepare(
      `SELECT ${cols} FROM (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f
       JOIN messages m ON m.id = f.rowid ORDER BY m.id DESC`,
    ),
    inChannel: db.prepare(
      `SELECT ${cols} FROM messages_fts f JOIN messages m ON m.id = f.rowid
       WHERE messages_fts MATCH ? AND m.channel_id = ? ORDER BY f.rowid DESC LIMIT ?`,
    ),
  };
}
