import type { Db } from '../db';
import { indexBody } from '../search-text';

const REBUILD_PAGE = 5000;

/** Indexes every message's masked text into `table` with the same `indexBody` ingest uses, a page at a time. */
export function fillSearchIndex(db: Db, table: 'messages_fts' | 'messages_fts_prefixed' | 'messages_fts_rebuilt'): void {
  const page = db.prepare('SELECT id, masked_text FROM messages WHERE id > ? ORDER BY id LIMIT ?');
  const insert = db.prepare(`INSERT INTO ${table} (rowid, body) VALUES (?, ?)`);
  let after = 0;
  for (;;) {
    const rows = page.all(after, REBUILD_PAGE) as Array<{ id: number; masked_text: string }>;
    for (const r of rows) insert.run(r.id, indexBody(r.masked_text));
    if (rows.length < REBUILD_PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
}
