/**
 * Speed round 6 (issue #20): pre-tests that must answer exactly as the reading they stand before. `numberWordAmongNext`
 * is `words(text)`'s first `count` words from an offset, any of them a number word (`isNumberWord`); the card pass
 * asks it before it reads the whole text's words. `mayBePhoneNumberWordAt` is false only for a word `phoneNumberWord`
 * does not answer (the phone pass's filter before it). Texts of number words (Arabic, Persian, Finglish, English, with "و"
 * written on), other words, digits, Latin accents, ZWNJ, punctuation; offsets inside words, between them, at the ends.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNumberWord, mayBePhoneNumberWordAt, numberWordAmongNext, phoneNumberWord, words } from '../../../main/core/masking/worded-numbers';

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

// phone number words as customers type them: Persian, Dari, Finglish (any case), Arabic-script digit words with either
// yeh, kaf, teh marbuta or alef, a tatweel, diacritics, ZWNJ; and words that are none, Greek and Turkish capitals among them
const PHONE_WORDS = ['صفر', 'خمسه', 'خمسة', 'سته', 'ستة', 'نهصد', 'سیزده', 'سيزده', 'بیست', 'هشتاد', 'یک', 'يك', 'دو', 'sisad', 'SISAD', 'Bist', 'panj', 'sefr', 'Sifr', 'zéro', 'ZÉRO', 'zero', 'oh', 'noh', 'chahar', 'أربعة', 'اربعه', 'ثلاثة', 'نـه', 'خَمسة', 'هفت', 'شش'];
const OTHERS = ['order', 'ORDER', 'رقم', 'الطلب', 'is', 'code', 'ΣΟΣ', 'İstanbul', 'Iİ', 'ok', 'five', 'twenty', 'ألف', 'hundred', 'sadly', 'سنة'];
const letter = fc.constantFrom(...'abcdefhiknoprsuzABDHNSZéÉσΣςİıاأإآبتثجحخدرزسشصعفقكلمنهويیکىةۀ\u0640\u064e\u200c'.split(''));

describe('mayBePhoneNumberWordAt (speed round 6)', () => {
  it('is true for every word phoneNumberWord answers, where it stands (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...PHONE_WORDS, ...OTHERS), fc.array(letter, { minLength: 1, maxLength: 8 }).map((l) => l.join(''))), fc.constantFrom('', ' ', '٠٩١٢ ', 'x'), (w, before) => {
        const text = `${before}${w} 0912`;
        if (phoneNumberWord(w) !== undefined) expect(mayBePhoneNumberWordAt(text, before.length, before.length + w.length)).toBe(true);
      }),
      { numRuns: 3000, seed: 632 },
    );
    for (const w of PHONE_WORDS) if (phoneNumberWord(w) !== undefined) expect(mayBePhoneNumberWordAt(w, 0, w.length)).toBe(true);
  });

  it('passes over most words that are none', () => {
    const passed = OTHERS.filter((w) => mayBePhoneNumberWordAt(w, 0, w.length));
    expect(OTHERS.every((w) => phoneNumberWord(w) === undefined)).toBe(true);
    expect(passed.length).toBeLessThan(OTHERS.length / 2);
  });
});
