import type { Db } from './db';
import { addIndexTerms } from './search-text';
import { cachedStatement } from './statement-cache';

/** Indexes a message's search body (`indexBody`) and notes its longer words for prefix search (migration 023). */
export function addToSearchIndex(db: Db, messageId: number, body: string): void {
  addBatchToSearchIndex(db, [{ id: messageId, body }]);
}

/**
 * Indexes a batch's messages and notes their words, one statement each (a batch's messages share most of their words:
 * the ingest path's batch of 500 notes ≈ 10 words a message in one statement instead of 500; its bodies go in through
 * one JSON list instead of a statement a message since issue #26 round 17). The list keeps the batch's order: FTS5
 * writes out what it holds when a rowid comes lower than the last. An unpaired surrogate half reaches FTS5 as other
 * bytes through JSON than bound (its own encoding, not U+FFFD), but the index keeps only tokens and the tokenizer
 * takes either as a separator: the entries are the same (store-search-batch.test.ts).
 *
 * Ingest runs this after every other statement of the batch (issue #26, round 11). FTS5 keeps a transaction's new
 * entries in memory and writes them out as one segment at commit — or earlier, whenever a later statement of the
 * transaction opens a statement journal (a new conversation's insert with its triggers, a contact-details upsert
 * checking its foreign keys): that savepoint makes FTS5 write out what it holds. Interleaved with such statements, the
 * index got a new segment, and the merges that follow, each time one came after a message's entry: a contact-details
 * upsert cost ≈ 5 times its own work at the median, up to milliseconds at the tail.
 */
export function addBatchToSearchIndex(db: Db, messages: ReadonlyArray<{ id: number; body: string }>): void {
  const terms = new Set<string>();
  for (const m of messages) addIndexTerms(m.body, terms);
  noteSearchTerms(db, terms);
  if (messages.length === 1) {
    cachedStatement(db, 'INSERT INTO messages_fts (rowid, body) VALUES (?, ?)').run(messages[0]!.id, messages[0]!.body);
  } else if (messages.length) {
    const rows = messages.map((m) => [m.id, m.body]);
    cachedStatement(db, 'INSERT INTO messages_fts (rowid, body) SELECT value ->> 0, value ->> 1 FROM json_each(?)').run(JSON.stringify(rows));
  }
}

/** Notes words in `search_terms`, one statement for all of them (a call per word costs half again as much). */
export function noteSearchTerms(db: Db, terms: Iterable<string>): void {
  const list = [...terms];
  if (list.length) cachedStatement(db, 'INSERT OR IGNORE INTO search_terms (term) SELECT value FROM json_each(?)').run(JSON.stringify(list));
}

/**
 * After a customer's messages left the index: forgets the words among `terms` that no message holds any longer, so
 * an erased customer's words do not stay in `search_terms`.
 */
export function forgetUnusedTerms(db: Db, terms: Iterable<string>): void {
  const used = cachedStatement(db, 'SELECT 1 FROM messages_fts WHERE messages_fts MATCH ? LIMIT 1', 'pluck');
  const drop = cachedStatement(db, 'DELETE FROM search_terms WHERE term = ?');
  for (const t of terms) if (!used.get(`"${t}"`)) drop.run(t);
}
