import type { Db } from '../db';
import { fillSearchIndex } from './fill-search-index';

/**
 * Prefix indexes for the search index: the last word of a query is searched as a prefix while a person types,
 * and a 2- or 3-letter prefix ("ال", "pa") otherwise merges the postings of every word that starts with it.
 * FTS5 options are fixed at creation, and a contentless index cannot rebuild itself, so this creates the new index
 * and fills it from the masked text with the same `indexBody` ingest uses (about a minute per million messages,
 * once, inside the migration's transaction).
 */
export default {
  version: 9,
  name: 'search-prefix',
  sql: `
    CREATE VIRTUAL TABLE messages_fts_prefixed USING fts5 (
      body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    );
  `,
  run(db: Db): void {
    fillSearchIndex(db, 'messages_fts_prefixed');
    db.exec('DROP TABLE messages_fts; ALTER TABLE messages_fts_prefixed RENAME TO messages_fts;');
  },
};
