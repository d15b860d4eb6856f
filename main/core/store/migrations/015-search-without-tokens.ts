import type { Db } from '../db';
import { fillSearchIndex } from './fill-search-index';

/**
 * The search index without masked tokens: before, "⟦PHONE·••67⟧" was indexed as the word "phone", so searching for
 * "phone" or "card" found every message with a masked phone or card. A contentless index cannot rebuild itself, so
 * (as in 009) a new index with the same options is filled with today's `indexBody` and takes the old one's place.
 */
export default {
  version: 15,
  name: 'search-without-tokens',
  sql: `
    CREATE VIRTUAL TABLE messages_fts_rebuilt USING fts5 (
      body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    );
  `,
  run(db: Db): void {
    fillSearchIndex(db, 'messages_fts_rebuilt');
    db.exec('DROP TABLE messages_fts; ALTER TABLE messages_fts_rebuilt RENAME TO messages_fts;');
  },
};
