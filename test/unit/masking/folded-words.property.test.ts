/**
 * Speed round 5 (issue #20): `FoldedWords` answers a word no key can be — no key of its length, none opening with its
 * first unit's low five bits — before hashing it, and `asciiDigits` is a loop. Both must answer exactly as before: a
 * look-up is the folded word's membership in the keys (keys of every length, 31 units and more among them, first units
 * that share their low bits, Latin capitals and Arabic and Persian letter variants that fold to a key), and the digits
 * of every script `asciiDigits` reads are those of the replace it stood for.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FoldedWords, foldRange } from '../../../main/core/masking/detection-text';
import { asciiDigits } from '../../../main/core/text/fold';

// Latin (both cases), Latin-1 accents, Arabic and Persian letters with their variants, units whose low five bits
// equal a Latin letter's, a space
const UNITS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéÉàç', ...'ابتثجحخدذرزسشصضطظعغفقكلمنهويیکىةۀەأإآ', '\u0641', '\u0661', '\u06f1', ' '];
const unit = fc.constantFrom(...UNITS);
const word = (max: number) => fc.array(unit, { minLength: 0, maxLength: max }).map((u) => u.join(''));
/** Keys as the lexicon writes them: already folded. */
const key = word(40).map((w) => foldRange(w, 0, w.length));

describe('FoldedWords after its length and first-unit pre-check (speed round 5)', () => {
  it('finds a word where it stands exactly when its folded form is a key (property)', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 12 }), fc.array(word(40), { maxLength: 12 }), word(6), word(6), (keys, others, before, after) => {
        const table = FoldedWords.of(keys);
        const set = new Set(keys);
        for (const w of [...keys, ...others, ...keys.map((k) => k.toUpperCase()), ...keys.map((k) => k.replace(/ي/g, 'ی').replace(/ك/g, 'ک'))]) {
          const text = before + w + after;
          const folded = foldRange(text, before.length, before.length + w.length);
          expect(table.hasAt(text, before.length, before.length + w.length)).toBe(set.has(folded));
          expect(table.has(w)).toBe(set.has(w));
        }
      }),
      { numRuns: 400, seed: 530 },
    );
  });

  it('keeps keys of 31 units and more apart by length, and first units that share their low five bits', () => {
    const long = 'a'.repeat(31);
    const table = FoldedWords.of([long, 'a'.repeat(45), 'ف']);
    expect(table.hasAt('a'.repeat(45), 0, 45)).toBe(true);
    expect(table.hasAt(long, 0, 31)).toBe(true);
    expect(table.hasAt('a'.repeat(32), 0, 32)).toBe(false);
    // U+0641 and "a" (U+0061) share their low five bits; "F" folds to "f", which does not
    expect(table.hasAt('a', 0, 1)).toBe(false);
    expect(table.hasAt('ف', 0, 1)).toBe(true);
    expect(FoldedWords.of(['']).hasAt('x', 0, 0)).toBe(true);
    expect(FoldedWords.of([]).hasAt('x', 0, 1)).toBe(false);
  });
});

describe('FoldedWords after its shape filter (speed round 6)', () => {
  // a table large enough for a filter of more than the least bits, and words that share a key's length, first and last
  // unit (or two of them) without being it: each answered as the keys' membership of the folded word
  it('answers as the set of keys for tables of every size, words of a key\'s shape among them (property)', () => {
    fc.assert(
      fc.property(fc.array(key, { minLength: 0, maxLength: 300 }), fc.array(word(12), { maxLength: 40 }), word(3), (keys, others, before) => {
        const table = FoldedWords.of(keys);
        const set = new Set(keys);
        const shaped = keys.filter((k) => k.length >= 3).map((k) => k[0] + k.slice(1, -1).split('').reverse().join('') + 'x' + k.slice(-1));
        const inner = keys.filter((k) => k.length >= 2).map((k) => k[0] + 'ب'.repeat(k.length - 2) + k.slice(-1));
        for (const w of [...keys, ...others, ...shaped, ...inner, ...keys.map((k) => k.toUpperCase())]) {
          const text = before + w;
          expect(table.hasAt(text, before.length, text.length)).toBe(set.has(foldRange(text, before.length, text.length)));
          expect(table.has(w)).toBe(set.has(w));
        }
      }),
      { numRuns: 150, seed: 631 },
    );
  });

  it('finds every key of a table of thousands, and no word one unit off', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `k${i.toString(36)}${'ابت'[i % 3]}`);
    const table = FoldedWords.of(keys);
    for (const k of keys) {
      expect(table.hasAt(` ${k} `, 1, k.length + 1)).toBe(true);
      expect(table.has(`${k}x`)).toBe(false);
      expect(table.has(`${k.slice(0, -1)}ث`)).toBe(false);
    }
  });
});

describe('asciiDigits as a loop (speed round 5)', () => {
  const reference = (s: string) => s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (c) => String.fromCharCode(48 + ((c.charCodeAt(0) - 0x660) % 0x90)));
  // the digits it reads, their neighbours in both blocks, other scripts' digits it leaves, letters
  const chars = fc.constantFrom(...'0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٪٫ۺ\u065f\u066a\u06ef\u06fa१२߁ab /-'.split(''));
  it('writes the same text as the replace it stands for (property)', () => {
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }), (cs) => {
        const s = cs.join('');
        expect(asciiDigits(s)).toBe(reference(s));
      }),
      { numRuns: 1000, seed: 531 },
    );
  });
});
