import type { Db } from './db';
import { customerWords } from './search-text';
import { cachedStatement } from './statement-cache';

/**
 * Keeps `contact_words` (migration 020) current for one contact: the words of its masked display name and clear
 * handle as `customerMatches` folds them (`customerWords`), read back from the contact's row so the index holds what
 * the row holds, in the caller's transaction. Every path that changes a contact's name or handle calls this (the
 * ingestor, the bulk generator; a contact the ingestor inserts goes through `addNewContactWords`); a deleted contact's
 * words go with it (`ON DELETE CASCADE`: erasure, a removed channel).
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

/**
 * The words of contacts just inserted, each with the name and handle its insert wrote, in one statement (issue #26
 * round 17: a new contact's words were read back and deleted before they were written, four statements and one a
 * word). A new contact has no words to delete, and its caller knows what its row holds. Words are runs of letters and
 * digits (`customerWords`), never an unpaired surrogate half, so they read through JSON as they would bound.
 */
export function addNewContactWords(db: Db, contacts: Iterable<{ id: number; name: string | null; handle: string | null }>): void {
  const rows: Array<[string, number]> = [];
  for (const c of contacts) for (const w of customerWords(c.name, c.handle)) rows.push([w, c.id]);
  if (rows.length) cachedStatement(db, 'INSERT INTO contact_words (word, contact_id) SELECT value ->> 0, value ->> 1 FROM json_each(?)').run(JSON.stringify(rows));
}
