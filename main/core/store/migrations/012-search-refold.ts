import type { Db } from '../db';
import { fillSearchIndex } from './fill-search-index';

/**
 * Search text now folds by the one folding rule (`core/text/fold`), which also drops Quranic annotation marks and
 * the Arabic letter mark and folds ے to ي; rows indexed before would not match queries folded the new way, so the
 * contentless index is emptied and refilled from the masked text (about a minute per million messages, once).
 */
export default {
  version: 12,
  name: 'search-refold',
  sql: `INSERT INTO messages_fts (messages_fts) VALUES ('delete-all');`,
  run(db: Db): void {
    fillSearchIndex(db, 'messages_fts');
  },
};
