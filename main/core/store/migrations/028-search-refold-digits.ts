import type { Db } from '../db';
import { noteContactWords } from '../contact-words';
import { addBatchToSearchIndex } from '../search-index';
import { indexBody } from '../search-text';
import { DIGIT_CLASS } from '../../text/fold';

const PAGE = 5000;

/** The digit scripts the folding rule read before it read every Unicode decimal digit (ASCII, Arabic-Indic, Persian, full-width). */
const FOLDED_BEFORE = new Set([0x30, 0x660, 0x6f0, 0xff10]);

/**
 * A GLOB that finds text holding a digit of any other script: `[०-९০-৯…]`, one range per script, compared by code point
 * in SQLite's own scan.
 */
export function newlyFoldedDigitsGlob(): string {
  let ranges = '';
  for (const m of DIGIT_CLASS.matchAll(/\\u([0-9a-f]{4})-\\u([0-9a-f]{4})/g)) {
    const from = parseInt(m[1]!, 16);
    if (!FOLDED_BEFORE.has(from)) ranges += `${String.fromCharCode(from)}-${String.fromCharCode(parseInt(m[2]!, 16))}`;
  }
  return `*[${ranges}]*`;
}

/**
 * Search now reads a decimal digit of any script as its value (masking round 19: `core/text/fold` reads every Unicode
 * decimal digit, where it read four scripts), so a message indexed before with Devanagari, Bengali, Thai… digits kept
 * them as written and a query, folded to 0–9, no longer found it. Only those messages are indexed again (their entry
 * deleted by rowid — the index is contentless with `contentless_delete` — and written with today's `indexBody`, their
 * words noted in `search_terms`), and only those contacts' words are noted again: a scan in SQLite, not a refill of
 * every row as 012 did.
 */
export default {
  version: 28,
  name: 'search-refold-digits',
  sql: '',
  run(db: Db): void {
    const glob = newlyFoldedDigitsGlob();
    const page = db.prepare('SELECT id, masked_text FROM messages WHERE id > ? AND masked_text GLOB ? ORDER BY id LIMIT ?');
    const drop = db.prepare('DELETE FROM messages_fts WHERE rowid = ?');
    let after = 0;
    for (;;) {
      const rows = page.all(after, glob, PAGE) as Array<{ id: number; masked_text: string }>;
      for (const r of rows) drop.run(r.id);
      addBatchToSearchIndex(db, rows.map((r) => ({ id: r.id, body: indexBody(r.masked_text) })));
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id;
    }
    const contacts = db.prepare('SELECT id FROM contacts WHERE display_name GLOB ? OR handle GLOB ?').pluck().all(glob, glob) as number[];
    for (const id of contacts) noteContactWords(db, id);
  },
};
