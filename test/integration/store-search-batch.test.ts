import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { openDatabase, type Db } from '../../main/core/store';
import { addBatchToSearchIndex, addToSearchIndex } from '../../main/core/store/search-index';
import { indexBody } from '../../main/core/store/search-text';
import { statementsOf } from '../helpers/statements';
import { inbound, storeCore } from '../helpers/store';
import { tmpDir } from '../helpers/tmp';

let open: Array<{ close(): void }> = [];
afterEach(() => {
  for (const x of open) x.close();
  open = [];
});

/** Every entry of the search index — term, message and position — and the noted words, as a reader of either sees them. */
function indexOf(db: Db): { entries: string[]; terms: string[] } {
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_entries USING fts5vocab(main, messages_fts, instance)');
  const entries = (db.prepare('SELECT term, doc, "offset" FROM temp.fts_entries').raw().all() as Array<[string, number, number]>).map((r) => r.join(' ')).sort();
  const terms = (db.prepare('SELECT term FROM search_terms ORDER BY term').pluck().all() as string[]);
  return { entries, terms };
}

describe('ingest: a batch\'s search entries in one statement (issue #26 round 17)', () => {
  it('inserts a batch\'s bodies into the index in one statement, written out once at its end', async () => {
    const c: Core = await storeCore();
    open.push(c);
    c.db.exec("INSERT INTO messages_fts (messages_fts, rank) VALUES ('automerge', 0)");
    const segments = () => c.db.prepare('SELECT count(DISTINCT id >> 37) FROM messages_fts_data WHERE id >> 37 > 0').pluck().get() as number;
    const batch = Array.from({ length: 30 }, (_, i) => inbound(i, { platformConversationId: `c${i % 7}`, contact: { platformUserId: `u${i % 7}` }, text: `parcel ${i} طلب ${i}` }));
    const { run } = statementsOf(c.db, () => void c.store.sink.ingest('tg', batch));
    // Before: one INSERT INTO messages_fts a message (30).
    expect(run.filter((s) => s.startsWith('INSERT INTO messages_fts'))).toHaveLength(1);
    expect(segments()).toBe(1);
    expect(c.store.search.search('parcel').length).toBe(30);
    expect(c.store.search.search('طلب 17').map((h) => h.maskedText)).toEqual(['parcel 17 طلب 17']);
  });

  // Bodies in any script, with NUL and other controls, astral letters and unpaired surrogate halves glued to letters
  // (binding writes one as U+FFFD, JSON as its own bytes; the tokenizer takes both as separators): the index one list
  // builds holds exactly what a statement a message built.
  it('builds the index a statement a message built, for generated bodies', () => {
    const piece = fc.oneof(
      fc.constantFrom('refund', 'الفاتورة', 'سفارش', '۱۲۳۴', '٤٥', 'Café', '⟦PHONE·••22⟧', '\u0000', '\u0001', '\ud800', '\udfff', '😀', '𝟘𝟙', '\u200c', ' '),
      fc.string({ unit: 'binary', maxLength: 6 }),
    );
    const body = fc.tuple(fc.array(piece, { maxLength: 8 }), fc.constantFrom(' ', '')).map(([p, glue]) => indexBody(p.join(glue)));
    const bodies = fc.array(body, { minLength: 2, maxLength: 12 });
    const dir = tmpDir();
    const [batched, single] = ['batched', 'single'].map((n) => openDatabase(path.join(dir, `${n}.sqlite`))) as [Db, Db];
    open.push(batched, single);
    let next = 1;
    let k = 0;
    fc.assert(
      fc.property(bodies, (list) => {
        k++;
        const rows = list.map((body) => ({ id: (next += 1 + (body.length % 3)), body }));
        addBatchToSearchIndex(batched, rows);
        for (const r of rows) addToSearchIndex(single, r.id, r.body);
        expect(indexOf(batched)).toEqual(indexOf(single));
      }),
      { numRuns: 100 },
    );
    expect(k).toBe(100);
    expect(indexOf(batched).entries.length).toBeGreaterThan(100);
  });
});
