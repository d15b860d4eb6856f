/**
 * Speed round 6 (issue #20): pre-tests that must answer exactly as the reading they stand before. `numberWordAmongNext`
 * is `words(text)`'s first `count` words from an offset, any of them a number word (`isNumberWord`); the card pass
 * asks it before it reads the whole text's words. Texts of number words (Arabic, Persian, Finglish, English, with "و"
 * written on), other words, digits, Latin accents, ZWNJ, punctuation; offsets inside words, between them, at the ends.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNumberWord, numberWordAmongNext, words } from '../../../main/core/masking/worded-numbers';

const NUMBER_WORDS = ['خمسة', 'وخمسة', 'تسعين', 'ثمانية', 'شیش', 'نود', 'پنجاه', 'سیصد', 'هزار', 'yek', 'panj', 'bist', 'five', 'twenty', 'sefr', 'صفر', 'پانزدهم', 'FIVE'];
const OTHER_WORDS = ['card', 'کارتم', 'البطاقة', 'شماره', 'is', 'رو', 'the', 'number', 'carte', 'é', 'né', 'می\u200cخواهم', 'x', 'بانکیم'];
const GAPS = [' ', '  ', ', ', '، ', '\n', '-', ' 12 ', '٣', '.', ' : ', '\u00a0', '/'];

const piece = fc.oneof(fc.constantFrom(...NUMBER_WORDS), fc.constantFrom(...OTHER_WORDS), fc.constantFrom(...GAPS));

/** The reference: the same question asked of the whole text's words. */
function reference(text: string, from: number, count: number): boolean {
  const ws = words(text);
  const k = ws.findIndex((w) => w.start >= from);
  return k >= 0 && ws.slice(k, k + count).some((w) => isNumberWord(w.folded));
}

describe('numberWordAmongNext (speed round 6)', () => {
  it('answers as the whole text\'s words do, from any offset (property)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), fc.nat(), fc.integer({ min: 0, max: 8 }), (pieces, at, count) => {
        const text = pieces.join('');
        const from = text.length ? at % (text.length + 1) : 0;
        expect(numberWordAmongNext(text, from, count)).toBe(reference(text, from, count));
      }),
      { numRuns: 2000, seed: 631 },
    );
  });

  it('does not count a word that runs through the offset, and stops after `count` words', () => {
    // "خمسة" starts before offset 2: the first word from there is "card"
    expect(numberWordAmongNext('خمسة card', 2, 1)).toBe(false);
    expect(numberWordAmongNext('card خمسة', 0, 1)).toBe(false);
    expect(numberWordAmongNext('card خمسة', 0, 2)).toBe(true);
    expect(numberWordAmongNext('card is the number خمسة', 4, 3)).toBe(false);
    expect(numberWordAmongNext('card is the number خمسة', 4, 4)).toBe(true);
  });
});
