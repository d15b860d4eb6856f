import crypto from 'node:crypto';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { textWithoutTokens } from '../../main/core/masking/tokens';
import { customerWords, MAX_CUSTOMER_MATCHES, normalizeForSearch, queryTerms } from '../../main/core/store';
import type { Db } from '../../main/core/store/database';
import { TeamCache, type CachedConversation } from '../../main/core/team';
import { storeCore } from '../helpers/store';
import { tmpDir } from '../helpers/tmp';

/**
 * Customer search by name or handle from an index (issue #26: `contact_words` in the store, the `names` column in a
 * team console's cache) finds exactly whom the scan found before it, with the rule as it was kept here as the
 * oracle: for random contacts in Arabic, Persian and Latin letters (variant letter forms, harakat, tatweel, the
 * article, digits of any script, masked tokens, handles), random queries, renames and erasure.
 */

// ---- The oracle: `customerMatches` and `SearchRepository.customers` as they were before the index. ----
const WORD = /[\p{L}\p{N}]+/gu;
const ARTICLE = /^(?:وبال|وال|فال|بال|كال|ولل|لل|ال)(?=[\u0621-\u064a]{2})/u;
function oldCustomerMatches(terms: string[], name: string | null, handle: string | null): boolean {
  if (!terms.length) return false;
  const folded = normalizeForSearch(`${name !== null && name.includes('⟦') ? textWithoutTokens(name) : (name ?? '')} ${handle ?? ''}`);
  if (!terms.every((t) => folded.includes(t))) return false;
  const words: string[] = [];
  for (const m of folded.matchAll(WORD)) {
    words.push(m[0]);
    const bare = m[0].replace(ARTICLE, '');
    if (bare !== m[0]) words.push(bare);
  }
  return terms.every((t) => words.some((w) => w.startsWith(t)));
}

interface Filter {
  limit: number;
  channelId?: string;
  from?: number;
  to?: number;
}
function oldCustomers(db: Db, query: string, f: Filter) {
  const terms = queryTerms(query.slice(0, 500));
  if (!terms.length) return { hits: [], total: 0 };
  const matched: Array<{ id: number; display_name: string | null; handle: string | null }> = [];
  for (const c of db.prepare('SELECT id, display_name, handle FROM contacts').iterate() as IterableIterator<{ id: number; display_name: string | null; handle: string | null }>) {
    if (!oldCustomerMatches(terms, c.display_name, c.handle)) continue;
    matched.push(c);
    if (matched.length >= MAX_CUSTOMER_MATCHES) break;
  }
  const hits = [];
  for (const c of matched) {
    const row = db
      .prepare(
        `SELECT id, channel_id, status, last_activity_at FROM conversations WHERE contact_id = ? AND (? IS NULL OR channel_id = ?)
         AND (? IS NULL OR last_activity_at >= ?) AND (? IS NULL OR last_activity_at <= ?) ORDER BY last_activity_at DESC, id DESC LIMIT 1`,
      )
      .get(c.id, f.channelId ?? null, f.channelId ?? null, f.from ?? null, f.from ?? null, f.to ?? null, f.to ?? null) as
      | { id: number; channel_id: string; status: string; last_activity_at: number }
      | undefined;
    if (row) hits.push({ conversationId: row.id, channelId: row.channel_id, displayName: c.display_name, handle: c.handle, status: row.status, lastActivityAt: row.last_activity_at });
  }
  hits.sort((a, b) => b.lastActivityAt - a.lastActivityAt || b.conversationId - a.conversationId);
  return { hits: hits.slice(0, f.limit), total: hits.length };
}

/** The team cache's search as it was: every cached conversation parsed, the rule on each. */
function oldLatestPerCustomer(cache: TeamCache, terms: string[], keep: (c: CachedConversation) => boolean, limit: number) {
  const seen = new Set<number>();
  const out: number[] = [];
  for (const b of cache.db.prepare('SELECT body FROM conversations ORDER BY last_message_at DESC, id DESC').pluck().iterate() as IterableIterator<string>) {
    const c = JSON.parse(b) as CachedConversation;
    if (seen.has(c.contact.id) || !keep(c) || !oldCustomerMatches(terms, c.contact.displayName, c.contact.handle)) continue;
    seen.add(c.contact.id);
    if (out.length < limit) out.push(c.id);
    if (seen.size >= MAX_CUSTOMER_MATCHES) break;
  }
  return { ids: out, total: seen.size };
}

// ---- Generated names, handles and queries. ----
const ARABIC = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوية'];
const PERSIAN = [...'پچژگکی'];
const LATIN = [...'abcdefghijklmnoprstuvwyzAEIOUéüçñ'];
const DIGITS = [...'0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹'];
const MARKS = ['\u064e', '\u064f', '\u0650', '\u0651', '\u0652', '\u0640', '\u200c'];
const VARIANTS: Record<string, string[]> = { ا: ['ا', 'أ', 'إ', 'آ'], ي: ['ي', 'ی', 'ى'], ك: ['ك', 'ک'], ه: ['ه', 'ة'], a: ['a', 'A', 'á'], e: ['e', 'E', 'é'], '4': ['4', '٤', '۴'], '2': ['2', '٢', '۲'] };
const letters = (pool: string[]) => fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 7 }).map((a) => a.join(''));
const word = fc.oneof(
  letters(ARABIC),
  letters(ARABIC).map((w) => 'ال' + w),
  letters([...ARABIC, ...PERSIAN]),
  letters(LATIN),
  letters(DIGITS),
  fc.tuple(letters(ARABIC), fc.constantFrom(...MARKS)).map(([w, m]) => w.slice(0, 1) + m + w.slice(1)),
);
const name = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 6, arbitrary: fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' ')) },
  // A run of digits the masker takes as a field: its token is no word of the name.
  { weight: 1, arbitrary: fc.tuple(word, fc.constantFrom('09121234567', 'a@b.io')).map(([w, x]) => `${w} ${x}`) },
);
const handle = fc.oneof(
  fc.constant(null),
  fc.tuple(letters(LATIN), fc.constantFrom('_', '.', ''), letters(DIGITS)).map(([a, s, d]) => `${a}${s}${d}`),
  letters([...ARABIC, ...DIGITS]),
);
/** A query taken from a name (a word's start, written in a variant form), or any letters. */
function queriesFor(names: string[]): fc.Arbitrary<string> {
  const fromName = fc.tuple(fc.constantFrom(...(names.length ? names : ['x'])), fc.nat(), fc.integer({ min: 1, max: 6 }), fc.nat()).map(([n, which, len, pick]) => {
    const ws = n.split(/\s+/).filter(Boolean);
    const w = ws.length ? ws[which % ws.length]! : n;
    return [...w.slice(0, len)].map((ch, i) => (VARIANTS[ch] ? VARIANTS[ch]![(pick + i) % VARIANTS[ch]!.length]! : ch)).join('');
  });
  return fc.oneof(
    fromName,
    fc.tuple(fromName, fromName).map(([a, b]) => `${a} ${b}`),
    fc.tuple(fromName, fromName).map(([a, b]) => `@${a}_${b}`),
    letters([...ARABIC, ...LATIN, ...DIGITS]),
    fc.constantFrom('ال', 'a', 'ا', '4', '۴', '', '  ', 'phone', 'email'),
  );
}

type Op =
  | { kind: 'message'; user: number; channel: 'tg' | 'wa'; name: string | null; handle: string | null; at: number }
  | { kind: 'erase'; user: number; channel: 'tg' | 'wa' };
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('message' as const), user: fc.nat(12), channel: fc.constantFrom('tg' as const, 'wa' as const), name, handle, at: fc.nat(1000) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('erase' as const), user: fc.nat(12), channel: fc.constantFrom('tg' as const, 'wa' as const) }) },
);

const cores: Core[] = [];
afterAll(() => {
  for (const c of cores.splice(0)) c.close();
});

/** What the index holds is what `customerWords` gives for every contact as it is now: no writer left it behind. */
function expectIndexCurrent(db: Db): void {
  const want = (db.prepare('SELECT id, display_name, handle FROM contacts ORDER BY id').all() as Array<{ id: number; display_name: string | null; handle: string | null }>)
    .flatMap((c) => customerWords(c.display_name, c.handle).map((w) => `${c.id} ${w}`))
    .sort();
  const have = (db.prepare('SELECT contact_id, word FROM contact_words').raw().all() as Array<[number, string]>).map(([id, w]) => `${id} ${w}`).sort();
  expect(have).toEqual(want);
}

describe('customer search from the index finds whom the scan found', () => {
  it('in the single-seat store, through new contacts, renames and erasure', async () => {
    const core = await storeCore();
    cores.push(core);
    const { store, db } = core;
    store.channels.create({ id: 'wa', kind: 'whatsapp', name: 'wa' });
    let n = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), async (ops, seeds) => {
        runs++;
        for (const o of ops) {
          const platformUserId = `u${o.user}`;
          if (o.kind === 'erase') {
            if (db.prepare('SELECT 1 FROM contacts WHERE channel_id = ? AND platform_user_id = ?').get(o.channel, platformUserId)) {
              store.subjects.erase({ channelId: o.channel, platformUserId }, 'admin');
            }
            continue;
          }
          n++;
          store.sink.ingest(o.channel, [
            {
              platformMessageId: `m${n}`,
              platformConversationId: `c${o.user}-${o.at % 3}`,
              contact: { platformUserId, ...(o.name !== null ? { displayName: o.name } : {}), ...(o.handle !== null ? { handle: o.handle } : {}) },
              direction: 'in',
              text: `hello ${n}`,
              sentAt: 1_700_000_000_000 + o.at * 1000,
            },
          ]);
        }
        expectIndexCurrent(db);
        const names = (db.prepare('SELECT display_name, handle FROM contacts').raw().all() as Array<[string | null, string | null]>).flat().filter((x): x is string => !!x);
        const queries = fc.sample(queriesFor(names), { numRuns: 25, seed: seeds[0]! });
        const filters: Filter[] = [{ limit: 200 }, { limit: 3 }, { limit: 200, channelId: 'wa' }, { limit: 200, from: 1_700_000_300_000 }, { limit: 200, to: 1_700_000_600_000 }];
        for (const q of queries) {
          for (const f of filters) expect([q, f, store.search.customers(q, f)]).toEqual([q, f, oldCustomers(db, q, f)]);
        }
      }),
      { numRuns: 40 },
    );
    expect(runs).toBe(40);
    // The property found something: not every query came back empty.
    expect(store.search.customers('a', { limit: 200 }).total + store.search.customers('ا', { limit: 200 }).total).toBeGreaterThan(0);
  });

  it('finds names in an existing database once migration 020 has filled the index', async () => {
    const core = await storeCore();
    cores.push(core);
    const { store, db } = core;
    const people = ['أَحْمَد الكريمي', 'Sára Haddad', 'مریم رضایی', 'علی ۴۲'];
    store.sink.ingest('tg', people.map((p, i) => ({ platformMessageId: `m${i}`, platformConversationId: `c${i}`, contact: { platformUserId: `u${i}`, displayName: p, handle: `h_${i}۴` }, direction: 'in' as const, text: 'hi', sentAt: 1_700_000_000_000 + i })));
    // As a database written before 020: no words yet; the migration's own fill puts them back.
    db.exec('DELETE FROM contact_words');
    const m020 = (await import('../../main/core/store/migrations/020-contact-words')).default;
    m020.run(db);
    expectIndexCurrent(db);
    for (const q of ['احمد', 'كريمي', 'sara', 'مريم رضا', 'علي 42', 'h_', 'zz']) expect(store.search.customers(q, { limit: 50 })).toEqual(oldCustomers(db, q, { limit: 50 }));
  });
});

describe('team cache: the names column finds whom parsing every cached conversation found', () => {
  it('through conversations added, renamed and removed', () => {
    const cache = new TeamCache(path.join(tmpDir('team-cache-index-'), 'cache.sqlite'), crypto.randomBytes(32));
    let seq = 0;
    const ev = fc.oneof(
      { weight: 5, arbitrary: fc.record({ kind: fc.constant('put' as const), id: fc.nat(30), contact: fc.nat(10), name, handle, at: fc.nat(1000), status: fc.constantFrom('open', 'resolved') }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), ids: fc.array(fc.nat(30), { maxLength: 4 }) }) },
    );
    fc.assert(
      fc.property(fc.array(ev, { minLength: 1, maxLength: 15 }), fc.nat(), (events, seed) => {
        cache.applyFrame(
          seq + events.length,
          events.map((e) => ({
            seq: ++seq,
            kind: e.kind === 'put' ? 'conversation.updated' : 'customer_data.removed',
            payload:
              e.kind === 'put'
                ? { id: e.id, channelId: 'tg', contact: { id: e.contact, displayName: e.name, handle: e.handle }, status: e.status, assigneeId: null, lastMessageAt: e.at, version: 1 }
                : { conversationIds: e.ids },
          })),
        );
        const names = (cache.db.prepare('SELECT body FROM conversations').pluck().all() as string[])
          .map((b) => JSON.parse(b) as CachedConversation)
          .flatMap((c) => [c.contact.displayName, c.contact.handle])
          .filter((x): x is string => !!x);
        for (const q of fc.sample(queriesFor(names), { numRuns: 20, seed })) {
          const terms = queryTerms(q);
          for (const [keep, limit] of [[() => true, 200], [(c: CachedConversation) => c.status === 'resolved', 200], [() => true, 2]] as Array<[(c: CachedConversation) => boolean, number]>) {
            const now = cache.latestPerCustomer(terms, keep, limit, MAX_CUSTOMER_MATCHES);
            expect([q, { ids: now.conversations.map((c) => c.id), total: now.total }]).toEqual([q, oldLatestPerCustomer(cache, terms, keep, limit)]);
          }
        }
      }),
      { numRuns: 100 },
    );
    cache.close();
  });

  it('fills the column for a cache written before it existed', () => {
    const file = path.join(tmpDir('team-cache-old-'), 'cache.sqlite');
    const cache = new TeamCache(file, crypto.randomBytes(32));
    cache.applyFrame(2, [
      { seq: 1, kind: 'conversation.updated', payload: { id: 1, channelId: 'tg', contact: { id: 7, displayName: 'أَحْمَد العلي', handle: null }, status: 'open', assigneeId: null, lastMessageAt: 1, version: 1 } },
      { seq: 2, kind: 'conversation.updated', payload: { id: 2, channelId: 'tg', contact: { id: 8, displayName: 'Sara', handle: 'sara_42' }, status: 'open', assigneeId: null, lastMessageAt: 2, version: 1 } },
    ]);
    cache.db.exec('ALTER TABLE conversations DROP COLUMN names');
    cache.close();
    const again = new TeamCache(file, crypto.randomBytes(32));
    expect(again.latestPerCustomer(queryTerms('احمد علي'), () => true, 10, 1000)).toMatchObject({ conversations: [{ id: 1 }], total: 1 });
    expect(again.latestPerCustomer(queryTerms('۴۲'), () => true, 10, 1000)).toMatchObject({ conversations: [{ id: 2 }], total: 1 });
    again.close();
  });
});
