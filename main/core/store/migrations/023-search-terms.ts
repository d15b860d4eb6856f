import type { Db } from '../db';
import { EXPANDED_PREFIX } from '../search-text';

/**
 * Every distinct word of four letters or more in the search index (issue #26). FTS5 answers a prefix with no prefix
 * index of its length ("refund*", the last word while a person types) by reading and merging the whole postings of
 * every word that starts with it before the first hit comes out: ≈ 20 ms of CPU for a common word at 3M messages,
 * against ≈ 0.2 ms for the same word matched exactly, newest first. With this list a prefix becomes the few words it
 * names, matched exactly (`ftsExpression`). Shorter prefixes have the index's own prefix entries (migration 009).
 * Filled from the index itself (`fts5vocab`), about two seconds at 3M messages; writers keep it with
 * `addToSearchIndex`. A word stays when its messages go (a word no message holds costs one empty branch of a query);
 * erasing a customer removes the words no other message holds.
 */
export default {
  version: 23,
  name: 'search-terms',
  sql: `CREATE TABLE search_terms (term TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;`,
  run(db: Db): void {
    db.exec('CREATE VIRTUAL TABLE temp.search_vocabulary USING fts5vocab(main, messages_fts, row)');
    db.prepare('INSERT INTO search_terms (term) SELECT term FROM temp.search_vocabulary WHERE length(term) >= ?').run(EXPANDED_PREFIX);
    db.exec('DROP TABLE temp.search_vocabulary');
  },
};
