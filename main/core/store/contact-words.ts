import type { Db } from './db';
import { customerWords } from './search-text';
import { cachedStatement } from './statement-cache';

/**
 * Keeps `contact_words` (migration 020) current for one contact: the words of its masked display name and clear
 * handle as `customerMatches` folds them (`customerWords`), read back from the contact's row so the index holds what
 * the row holds, in the caller's transaction. Every path that inserts a contact or changes its name or handle calls
 * this (the ingestor, the bulk generator); a deleted contact's words go with it (`ON DELETE CASCADE`: erasure, a
 * removed channel).
 */
export function noteContactWords(db: Db, contactId: number): void {
  const row = cachedStatement(db, 'SELECT display_name, handle FROM contacts WHERE id = ?').get(contactId) as
    | { display_name: string | null; handle: string | null }
    | undefined;
  cachedStatement(db, 'DELETE FROM contact_words WHERE contact_id = ?').run(contactId);
  if (!row) return;
  const insert = cachedStatement(db, 'INSERT INTO contact_words (word, contact_id) VALUES (?, ?)');
  for (const w of customerWords(row.display_name, row.handle)) insert.run(w, contactId);
}
