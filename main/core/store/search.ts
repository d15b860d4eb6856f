import type { StoreContext } from './context';
import type { ConversationStatus } from './conversations';
import type { Db } from './database';
import { chooseExpansion, EXPANDED_PREFIX, ftsExpression, highlightRanges, MAX_CUSTOMER_MATCHES, MAX_PREFIX_WORDS_READ, prefixEnd, queryTerms, type PrefixNarrowing } from './search-text';
import { cachedStatement } from './statement-cache';

export interface SearchFilter {
  limit?: number;
  channelId?: string;
  /** The status of the hit's conversation. */
  status?: ConversationStatus;
  /** sentAt bounds, inclusive (ms). */
  from?: number;
  to?: number;
  /** False when the caller marks matches itself (the console's segments): `highlights` are then left empty. */
  highlights?: boolean;
}

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

/** A conversation found by its customer's name or handle. */
export interface CustomerHit {
  conversationId: number;
  channelId: string;
  /** The contact's masked display name and clear handle, as the inbox shows them. */
  displayName: string | null;
  handle: string | null;
  status: ConversationStatus;
  lastActivityAt: number;
}

const MAX_LIMIT = 200;

/** Full-text search over masked text (never an original), newest first. */
export class SearchRepository {
  private readonly s: ReturnType<typeof statements>;

  constructor(private readonly ctx: StoreContext) {
    this.s = statements(ctx.db);
  }

  /** Newest first; every filter is applied inside the query, so `limit` counts matching hits. */
  search(query: string, opts: SearchFilter = {}): SearchHit[] {
    return this.searchNarrowed(query, opts).hits;
  }

  /** `search`, and whether the last word named more words than were searched (what to tell the reader). */
  searchNarrowed(query: string, opts: SearchFilter = {}): { hits: SearchHit[]; narrowed: PrefixNarrowing | null } {
    const terms = queryTerms(String(query).slice(0, 500));
    if (!terms.length) return { hits: [], narrowed: null };
    const limit = Math.min(Math.max(opts.limit ?? 50, 1), MAX_LIMIT);
    const { match, narrowed } = this.expression(terms);
    const filtered = opts.channelId !== undefined || opts.status !== undefined || opts.from !== undefined || opts.to !== undefined;
    const rows = (filtered ? this.filtered(match, opts, limit) : this.s.all.all(match, limit)) as Array<{
      id: number;
      conversation_id: number;
      channel_id: string;
      direction: 'in' | 'out';
      masked_text: string;
      sent_at: number;
    }>;
    const hits = rows.map((r) => ({
      messageId: r.id,
      conversationId: r.conversation_id,
      channelId: r.channel_id,
      direction: r.direction,
      maskedText: r.masked_text,
      sentAt: r.sent_at,
      highlights: opts.highlights === false ? [] : highlightRanges(r.masked_text, terms),
    }));
    return { hits, narrowed };
  }

  /**
   * Conversations whose customer's name or handle answers the query (`customerMatches`): each matching customer's
   * most recent conversation that passes the filters (the time bounds apply to its last activity), most recent
   * first. `total` counts matching customers up to 1000.
   */
  customers(query: string, opts: Omit<SearchFilter, 'highlights'> = {}): { hits: CustomerHit[]; total: number } {
    const terms = queryTerms(String(query).slice(0, 500));
    if (!terms.length) return { hits: [], total: 0 };
    const limit = Math.min(Math.max(opts.limit ?? 50, 1), MAX_LIMIT);
    const matched = this.matchingContacts(terms);
    const filters = ([
      ['channel_id = ?', opts.channelId],
      ['status = ?', opts.status],
      ['last_activity_at >= ?', opts.from],
      ['last_activity_at <= ?', opts.to],
    ] as Array<[string, unknown]>).filter((f) => f[1] !== undefined);
    const where = ['contact_id IN (SELECT value FROM json_each(?))', ...filters.map((f) => f[0])];
    const args = filters.map((f) => f[1]);
    // Every matching customer's conversations that pass the filters in one statement; the latest of each kept here.
    const rows = cachedStatement(
      this.ctx.db,
      `SELECT contact_id, id, channel_id, status, last_activity_at FROM conversations WHERE ${where.join(' AND ')}`,
    ).all(JSON.stringify(matched.map((c) => c.id)), ...args) as Array<{ contact_id: number; id: number; channel_id: string; status: ConversationStatus; last_activity_at: number }>;
    const latest = new Map<number, (typeof rows)[number]>();
    for (const row of rows) {
      const best = latest.get(row.contact_id);
      if (!best || row.last_activity_at > best.last_activity_at || (row.last_activity_at === best.last_activity_at && row.id > best.id)) latest.set(row.contact_id, row);
    }
    const hits: CustomerHit[] = [];
    for (const c of matched) {
      const row = latest.get(c.id);
      if (!row) continue;
      hits.push({ conversationId: row.id, channelId: row.channel_id, displayName: c.display_name, handle: c.handle, status: row.status, lastActivityAt: row.last_activity_at });
    }
    hits.sort((a, b) => b.lastActivityAt - a.lastActivityAt || b.conversationId - a.conversationId);
    return { hits: hits.slice(0, limit), total: hits.length };
  }

  /**
   * The first `MAX_CUSTOMER_MATCHES` contacts (by id, as a scan of `contacts` met them) every one of whose terms
   * begins one of their words (`customerMatches`), read from `contact_words` (migration 020): one range of the index
   * per distinct term, intersected. No name is folded here.
   */
  private matchingContacts(terms: string[]): Array<{ id: number; display_name: string | null; handle: string | null }> {
    const distinct = [...new Set(terms)];
    const range = 'SELECT DISTINCT contact_id FROM contact_words WHERE word >= ? AND word < ?';
    const sql = `SELECT k.id, k.display_name, k.handle
      FROM (${distinct.map(() => range).join(' INTERSECT ')} ORDER BY 1 LIMIT ${MAX_CUSTOMER_MATCHES}) m
      JOIN contacts k ON k.id = m.contact_id ORDER BY k.id`;
    return cachedStatement(this.ctx.db, sql).all(...distinct.flatMap((t) => [t, prefixEnd(t)])) as Array<{
      id: number;
      display_name: string | null;
      handle: string | null;
    }>;
  }

  /**
   * The MATCH expression, the last term's prefix spelled out as the words it begins when it is long enough
   * (`search_terms`): all of them, or the shortest `MAX_EXPANSION` with `narrowed` saying so (`chooseExpansion`).
   * A short prefix, or one the list has no word for (nothing to find), is FTS5's own prefix.
   */
  private expression(terms: string[]): { match: string; narrowed: PrefixNarrowing | null } {
    const last = terms[terms.length - 1]!;
    if ([...last].length < EXPANDED_PREFIX) return { match: ftsExpression(terms), narrowed: null };
    const { words, narrowed } = chooseExpansion(last, this.s.words.all(last, prefixEnd(last), MAX_PREFIX_WORDS_READ + 1) as string[]);
    return { match: ftsExpression(terms, words), narrowed };
  }

  /** Hits newest first in the WHERE clause (one cached statement per combination of filters). */
  private filtered(match: string, f: SearchFilter, limit: number): unknown[] {
    const where = ['messages_fts MATCH ?'];
    const args: unknown[] = [match];
    if (f.channelId !== undefined) {
      where.push('m.channel_id = ?');
      args.push(f.channelId);
    }
    if (f.from !== undefined) {
      where.push('m.sent_at >= ?');
      args.push(f.from);
    }
    if (f.to !== undefined) {
      where.push('m.sent_at <= ?');
      args.push(f.to);
    }
    if (f.status !== undefined) {
      where.push('c.status = ?');
      args.push(f.status);
    }
    const sql = `SELECT ${COLS} FROM messages_fts f JOIN messages m ON m.id = f.rowid
      ${f.status !== undefined ? 'JOIN conversations c ON c.id = m.conversation_id' : ''}
      WHERE ${where.join(' AND ')} ORDER BY f.rowid DESC LIMIT ?`;
    return cachedStatement(this.ctx.db, sql).all(...args, limit);
  }
}

const COLS = 'm.id, m.conversation_id, m.channel_id, m.direction, m.masked_text, m.sent_at';

function statements(db: Db) {
  return {
    words: db.prepare('SELECT term FROM search_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?').pluck(),
    all: db.prepare(
      `SELECT ${COLS} FROM (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f
       JOIN messages m ON m.id = f.rowid ORDER BY m.id DESC`,
    ),
  };
}
