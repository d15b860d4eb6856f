import type { Db } from './database';
import { indexTerms } from './search-text';
import { cachedStatement } from './statement-cache';

/**
 * Indexes a message's search body (`indexBody`) and notes its longer words for prefix search (migration 023). With
 * `pending`, the words are added to it instead, for one `noteSearchTerms` per batch (a batch's messages share most of
 * their words: the ingest path's batch of 500 notes ≈ 10 words a message in one statement instead of 500).
 */
export function addToSearchIndex(db: Db, messageId: number, body: string, pending?: Set<string>): void {
  cachedStatement(db, 'INSERT INTO messages_fts (rowid, body) VALUES (?, ?)').run(messageId, body);
  const terms = indexTerms(body);
  if (pending) for (const t of terms) pending.add(t);
  else noteSearchTerms(db, terms);
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
