/**
 * Round 17 of issue #21: the reading normaliser the guards run first (`core/text/normalise`, through the guards'
 * `normalizeText` with their lexicons' words). Generated: a word a narrow screen wrapped is joined, and two real words
 * never are; invisible marks go; reading twice reads the same; chat-export prefixes fold away and ">" lines are
 * quoted; and the guards' verdicts follow.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../main/core/guard';
import { normalizeText, QUOTED_LINE } from '../../main/core/guard/text/clauses';
import { knowsWord } from '../../main/core/guard/text/words';
import { readText } from '../../main/core/text/normalise';
import { blocked, flags, pick, RUNS } from '../helpers/guard-rounds';

/** Lexicon words of every script (the test checks they are known, so it cannot pass on an empty lexicon). */
const LEXICON_WORDS = ['verification', 'password', 'passcode', 'received', 'credentials', 'screenshot', 'suspended', 'الرمز', 'كود', 'بفرستيد', 'پيامك', 'رسوم'];
const MARKS = ['\u200b', '\u200d', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u2060', '\u061c', '\ufeff', '\u00ad'];
const FILLER = ['please', 'the', 'now', 'من', 'لو سمحت', 'لطفا', 'here', '123', '٤٥٦', 'ok'];

/** A lexicon word cut in two where neither half is a word the lexicon knows. */
const wrapped = pick(LEXICON_WORDS).chain((w) =>
  fc
    .integer({ min: 1, max: w.length - 1 })
    .filter((k) => !(knowsWord(w.slice(0, k)) && knowsWord(w.slice(k))))
    .map((k) => ({ word: w, a: w.slice(0, k), b: w.slice(k) })),
);

describe('round 17: the reading normaliser (generated)', () => {
  it('knows the lexicon words the properties use', () => {
    for (const w of LEXICON_WORDS) expect(knowsWord(normalizeText(w)), w).toBe(true);
  });

  it('joins a word a line wrap split, with or without a hyphen, into the word', () => {
    fc.assert(
      fc.property(wrapped, fc.boolean(), pick(FILLER), ({ word, a, b }, hyphen, filler) => {
        const t = normalizeText(`${filler} ${a}${hyphen ? '-' : ''}\n${b} ${filler}`);
        expect(t.split(/\s+/), t).toContain(normalizeText(word));
      }),
      RUNS,
    );
  });

  it('never joins two real words: two lexicon words on two lines stay two words', () => {
    const known = LEXICON_WORDS.map((w) => normalizeText(w));
    fc.assert(
      fc.property(pick(known), pick(known), (a, b) => {
        expect(normalizeText(`${a}\n${b}`)).toBe(`${a}\n${b}`);
        // the same for any lexicon: a toy one where the two halves and the whole are all words
        const toy = new Set([a, b, a + b]);
        expect(readText(`${a}\n${b}`, (w) => toy.has(w)).text).toBe(`${a}\n${b}`);
      }),
      RUNS,
    );
  });

  it('removes invisible direction and zero-width marks wherever they are', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(pick([...FILLER, ...LEXICON_WORDS]), fc.array(pick(MARKS), { maxLength: 3 })), { minLength: 1, maxLength: 6 }), (parts) => {
        const plain = parts.map(([w]) => w).join(' ');
        const marked = parts.map(([w, ms]) => [...w].map((c, i) => (i === 1 ? ms.join('') + c : c)).join('') + ms.join('')).join(' ');
        expect(normalizeText(marked)).toBe(normalizeText(plain));
      }),
      RUNS,
    );
  });

  it('is idempotent: reading the text again reads it the same', () => {
    const piece = fc.oneof(
      pick([...FILLER, ...LEXICON_WORDS]),
      wrapped.map(({ a, b }) => `${a}\n${b}`),
      pick(MARKS),
      pick(['\n', '\n> ', '[10:42, 3/12/2026] Reem: ', '\n[١٠:٤٣، ٣/١٢/٢٠٢٦] سارة: ', '3/12/26, 10:44 - Omar: ', '7️⃣', '0😡5', ' # ', 'P1ease', 'c0de', 'ـــ', 'ی', 'ک', 'ة']),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 10 }), (ps) => {
        const once = normalizeText(ps.join(' '));
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 100 },
    );
  });

  it('folds chat-export prefixes away and marks quoted e-mail lines; keycap digits are digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 10, max: 59 }), pick(['Reem (Support)', 'سارة', 'Omar']), pick(LEXICON_WORDS), (h, m, name, w) => {
        const word = normalizeText(w);
        expect(normalizeText(`[${h}:${m}, 3/12/2026] ${name}: ${w}`).trim()).toBe(word);
        expect(normalizeText(`3/12/26, ${h}:${m} - ${name}: ${w}`).trim()).toBe(word);
        expect(normalizeText(`> ${w}\n${w}`, { markQuotes: true })).toBe(`${QUOTED_LINE} ${word}\n${word}`);
      }),
      RUNS,
    );
    expect(normalizeText('send the 6️⃣ digit code')).toBe('send the 6 digit code');
  });
});

describe('round 17: the guards read what the normaliser reads (generated)', () => {
  it('an ask wrapped by a narrow screen or hidden by marks blocks; the same words in a quoted e-mail line do not', () => {
    fc.assert(
      fc.property(pick(['please send me the verification code', 'what is your password', 'ابعتلي الرمز', 'لطفا کد رو بفرستید']), fc.integer({ min: 0, max: 100 }), pick(MARKS), (ask, cut, mark) => {
        const words = ask.split(' ');
        const i = words.findIndex((w) => w.length >= 4);
        const w = words[i]!;
        const k = 1 + (cut % (w.length - 1));
        const wrappedAsk = [...words.slice(0, i), `${w.slice(0, k)}\n${w.slice(k)}`, ...words.slice(i + 1)].join(' ');
        if (knowsWord(normalizeText(w)) && !(knowsWord(normalizeText(w.slice(0, k))) && knowsWord(normalizeText(w.slice(k))))) expect(blocked(wrappedAsk), wrappedAsk).toBe(true);
        const marked = words.join(` ${mark}`);
        expect(blocked(marked), marked).toBe(true);
        const quoted = `> ${ask}\n\nThat message was not from us.`;
        expect(blocked(quoted), quoted).toBe(false);
      }),
      RUNS,
    );
  });

  it('inbound: a fee to release the account split by a line wrap or by marks is still a fee', () => {
    fc.assert(
      fc.property(pick(['٢٠', '50', '١٠٠']), pick(MARKS), (n, mark) => {
        const t = `قالوا${mark} ادفع${mark} ${n} دينار رسوم${mark} لفك الحظر`;
        expect(flags(t), t).toContain('upgrade_fee');
      }),
      RUNS,
    );
  });
});
