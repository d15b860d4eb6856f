import crypto from 'node:crypto';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerMatches, queryTerms } from '../../main/core/store';
import { TeamCache } from '../../main/core/team';
import { highlight } from '../../main/ipc/handlers/segments';
import { tmpDir } from '../helpers/tmp';

const found = (query: string, name: string | null, handle: string | null = null) => customerMatches(queryTerms(query), name, handle);

describe('finding a customer by name or handle (the one rule both modes use)', () => {
  it.each([
    ['a first name', 'mohammad', 'Mohammad Karimi'],
    ['the starts of two words, in any order', 'kar moh', 'Mohammad Karimi'],
    ['hamza forms and harakat', 'احمد', 'أَحْمَد العلي'],
    ['Persian yeh and kaf for Arabic ones', 'علي', 'علی کریمی'],
    ['a name without its article', 'زهراء', 'الزهراء'],
    ['a handle, with or without @', '@sara_42', null, 'sara_42'],
    ['a handle in Persian digits', '۴۲', null, 'sara_42'],
    ['tatweel and a zero-width non-joiner', 'میخواهم', 'مـی‌خواهم'],
  ] as Array<[string, string, string | null, string?]>)('%s', (_what, query, name, handle) => {
    expect(found(query, name, handle ?? null)).toBe(true);
  });

  it('does not find a word in the middle of a name, a field type of a masked token, or a name missing one term', () => {
    expect(found('hammad', 'Mohammad')).toBe(false);
    expect(found('phone', 'Sara ⟦PHONE·••67⟧')).toBe(false);
    expect(found('sara ali', 'Sara Karimi')).toBe(false);
    expect(found('', 'Sara')).toBe(false);
    expect(found('sara', null, null)).toBe(false);
  });

  it('marks in the name what it found it by', () => {
    const marked = highlight([{ kind: 'text', text: 'أَحْمَد العلي' }], 'احمد')
      .filter((s) => s.kind === 'text' && s.match)
      .map((s) => (s.kind === 'text' ? s.text : ''));
    expect(marked).toEqual(['أَحْمَد']);
  });

  // Generated names in Arabic, Persian and Latin letters, written in the variant forms people type: whatever word
  // start a query takes from the name, written in any form, finds it; a word the name lacks does not.
  const VARIANTS: Record<string, string[]> = { ا: ['ا', 'أ', 'إ', 'آ'], ي: ['ي', 'ی', 'ى'], ك: ['ك', 'ک'], ه: ['ه', 'ة'], a: ['a', 'A', 'á'], e: ['e', 'E', 'é'] };
  const LETTERS = [...'ابتثجحخدرزسشصطعغفقلمنوهيك', ...'abcdefghijklmnoprstuvwyz'];
  const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 2, maxLength: 8 }).map((a) => a.join(''));
  const dress = (w: string, picks: number[]) => [...w].map((ch, i) => (VARIANTS[ch] ? VARIANTS[ch]![picks[i % picks.length]! % VARIANTS[ch]!.length]! : ch)).join('');
  const picks = fc.array(fc.nat(3), { minLength: 1, maxLength: 8 });

  it('finds a generated name by the start of any of its words, whichever letter forms the name and the query use', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 3 }), fc.nat(), fc.integer({ min: 1, max: 8 }), picks, picks, (words, which, len, p1, p2) => {
        const name = words.map((w) => dress(w, p1)).join(' ');
        const target = words[which % words.length]!;
        const query = dress(target.slice(0, Math.max(1, Math.min(len, target.length))), p2);
        expect(found(query, name)).toBe(true);
        // The query's words are marked in the name by the same folding.
        expect(highlight([{ kind: 'text', text: name }], query).some((s) => s.kind === 'text' && s.match)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('does not find a generated name by a word none of its words begins with', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 3 }), word, picks, (words, other, p) => {
        fc.pre(!words.some((w) => w.startsWith(other)));
        expect(found(other, words.map((w) => dress(w, p)).join(' '))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('team cache: each customer once, by their most recent conversation', () => {
  it('skips older conversations of a customer already listed, applies the filter, and counts customers', () => {
    const cache = new TeamCache(path.join(tmpDir('team-cache-'), 'cache.sqlite'), crypto.randomBytes(32));
    const conversation = (id: number, contact: number, name: string, status: string, at: number) => ({
      seq: id,
      kind: 'conversation.updated',
      payload: { id, channelId: 'tg', contact: { id: contact, displayName: name, handle: null }, status, assigneeId: null, lastMessageAt: at, version: 1 },
    });
    cache.applyFrame(10, [conversation(1, 100, 'Sara', 'resolved', 10), conversation(2, 100, 'Sara', 'open', 20), conversation(3, 200, 'Samir', 'resolved', 30), conversation(4, 300, 'Omar', 'open', 40)]);
    const terms = queryTerms('sa');
    const all = () => true;
    expect(cache.latestPerCustomer(terms, all, 10, 1000)).toMatchObject({ conversations: [{ id: 3 }, { id: 2 }], total: 2 });
    expect(cache.latestPerCustomer(terms, (c) => c.status === 'resolved', 10, 1000)).toMatchObject({ conversations: [{ id: 3 }, { id: 1 }], total: 2 });
    expect(cache.latestPerCustomer(terms, all, 1, 1000)).toMatchObject({ conversations: [{ id: 3 }], total: 2 });
    expect(cache.latestPerCustomer([], all, 10, 1000)).toMatchObject({ conversations: [], total: 0 });
    cache.close();
  });
});
