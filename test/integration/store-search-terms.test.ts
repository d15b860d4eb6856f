import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { migrations, openDatabase } from '../../main/core/store';
import { chooseExpansion, ftsExpression, MAX_EXPANSION, MAX_PREFIX_WORDS_READ, queryTerms } from '../../main/core/store/search-text';
import { inbound, storeCore } from '../helpers/store';
import { tmpDir } from '../helpers/tmp';

let core: Core | undefined;
afterEach(() => core?.close());

/** Words sharing long prefixes, in three scripts and with the Arabic article, so prefixes name one word or several. */
const WORDS = ['refund', 'refunds', 'refunded', 'refusal', 'package', 'packages', 'payment', 'الفاتورة', 'فاتورة', 'فاتورتي', 'البطاقة', 'سفارش', 'سفارشی', 'می‌خواهم', 'Café', 'cafeteria'];
const PREFIXES = ['refu', 'refun', 'refund', 'refunde', 'pack', 'package', 'paym', 'فاتو', 'فاتور', 'الفات', 'البطا', 'بطاق', 'سفار', 'سفارشی', 'میخوا', 'cafe', 'café', 'zzzz', 'payment refu', 'فاتوره سفا'];

/** The hits FTS5's own prefix search gives (no term list): what the expansion must give too. */
const ftsOwn = (c: Core, q: string) =>
  c.db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT 200').pluck().all(ftsExpression(queryTerms(q)));

describe('prefix search through the indexed words (migration 023)', () => {
  it('finds exactly what FTS5 prefix search finds, after ingest, replies and erasure', async () => {
    core = await storeCore();
    const c = core;
    let n = 0;
    const op = fc.oneof(
      fc.record({ kind: fc.constant('in' as const), who: fc.nat(3), words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }) }),
      fc.record({ kind: fc.constant('reply' as const), words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('erase' as const), who: fc.nat(3) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        for (const o of ops) {
          n++;
          if (o.kind === 'in') {
            c.store.sink.ingest('tg', [inbound(n, { platformMessageId: `p${n}`, platformConversationId: `c${o.who}`, contact: { platformUserId: `u${o.who}` }, text: o.words.join(' ') })]);
          } else if (o.kind === 'reply') {
            const id = c.db.prepare('SELECT id FROM conversations ORDER BY id DESC LIMIT 1').pluck().get() as number | undefined;
            if (id !== undefined) c.store.outbox.enqueue({ conversationId: id, text: o.words.join(' '), authorId: 'a' });
          } else if (c.db.prepare("SELECT 1 FROM contacts WHERE platform_user_id = ?").get(`u${o.who}`)) {
            c.store.subjects.erase({ channelId: 'tg', platformUserId: `u${o.who}` }, 'admin');
          }
        }
        for (const q of PREFIXES) expect(c.store.search.search(q, { limit: 200 }).map((h) => h.messageId), q).toEqual(ftsOwn(c, q));
        // Every listed word is held by some message: an erased customer's words do not stay behind.
        const held = (t: string) => c.db.prepare('SELECT 1 FROM messages_fts WHERE messages_fts MATCH ?').get(`"${t}"`) !== undefined;
        for (const t of c.db.prepare('SELECT term FROM search_terms').pluck().all() as string[]) expect(held(t), t).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('searches a prefix that names more words than it spells out as its shortest words, and says so (bounded work)', async () => {
    core = await storeCore();
    // MAX_EXPANSION + 5 words beginning "zebr", of growing length: the 5 longest are not searched.
    const words = Array.from({ length: MAX_EXPANSION + 5 }, (_, i) => `zebr${'a'.repeat(1 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`);
    core.store.sink.ingest('tg', words.map((w, i) => inbound(i, { text: `the ${w}` })));
    const { hits, narrowed } = core.store.search.searchNarrowed('zebr', { limit: 200 });
    expect(narrowed).toEqual({ prefix: 'zebr', searched: MAX_EXPANSION, named: words.length, more: false });
    const shortest = [...words].sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, MAX_EXPANSION);
    expect(hits.map((h) => h.maskedText.split(' ')[1]).sort()).toEqual([...shortest].sort());
    // A prefix naming few enough words is still spelled out whole: FTS5's own hits, nothing said.
    const one = core.store.search.searchNarrowed('zebraa', { limit: 200 });
    expect(one.narrowed).toBeNull();
    expect(one.hits.map((h) => h.messageId)).toEqual(ftsOwn(core, 'zebraa'));
    expect(chooseExpansion('x', Array.from({ length: MAX_PREFIX_WORDS_READ + 1 }, (_, i) => `x${i}`)).narrowed).toEqual({
      prefix: 'x',
      searched: MAX_EXPANSION,
      named: MAX_PREFIX_WORDS_READ,
      more: true,
    });
  });

  it('an upgraded database gets the words of the messages it already holds', () => {
    const file = path.join(tmpDir(), 'diwan.sqlite');
    const old = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 22) });
    old.exec(`INSERT INTO channels (id, kind, name, created_at) VALUES ('tg', 'telegram', 'tg', 1);
      INSERT INTO contacts (id, channel_id, platform_user_id, created_at) VALUES (1, 'tg', 'u', 1);
      INSERT INTO conversations (id, channel_id, platform_conversation_id, contact_id, last_activity_at, created_at) VALUES (1, 'tg', 'c', 1, 1, 1);
      INSERT INTO messages_fts (rowid, body) VALUES (1, 'اين الفاتوره فاتوره'), (2, 'refunded today'), (3, 'ok no');`);
    old.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT term FROM search_terms ORDER BY term').pluck().all()).toEqual(['refunded', 'today', 'الفاتوره', 'فاتوره']);
    db.close();
  });
});
