import type { Db } from '../db';
import { customerWords } from '../search-text';

const PAGE = 5000;

/**
 * Customer search by name or handle without a scan (issue #26: ≈ 1 µs of CPU per contact per query, 100–140 ms at
 * 100,000 contacts). `contact_words` holds each contact's words as `customerMatches` folds them (`customerWords`:
 * masked display name without its tokens, and handle; a word with the Arabic article also without it), one row a
 * word, so "every term begins one of the customer's words" is a range read per term (`word >= t AND word <
 * prefixEnd(t)`) instead of folding every name. Nothing new is kept: the words come from the masked name and the
 * handle, both already in clear in `contacts`. Writers keep it with `noteContactWords` (store/contact-words.ts);
 * deleting a contact deletes its words.
 */
export default {
  version: 20,
  name: 'contact-words',
  sql: `
    CREATE TABLE contact_words (
      word       TEXT NOT NULL,
      contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      PRIMARY KEY (word, contact_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX contact_words_contact ON contact_words(contact_id);
  `,
  run(db: Db): void {
    const page = db.prepare('SELECT id, display_name, handle FROM contacts WHERE id > ? ORDER BY id LIMIT ?');
    const insert = db.prepare('INSERT INTO contact_words (word, contact_id) VALUES (?, ?)');
    let after = 0;
    for (;;) {
      const rows = page.all(after, PAGE) as Array<{ id: number; display_name: string | null; handle: string | null }>;
      for (const r of rows) for (const w of customerWords(r.display_name, r.handle)) insert.run(w, r.id);
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id;
    }
  },
};
