import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { temporaryPassword } from '../../renderer/src/passwords';
import { foldForMatch, matchesCanned, toLatinDigits } from '../../renderer/src/text';

describe('the console finds canned replies the way people type', () => {
  it('matches Arabic typed with Persian letters and the reverse, without harakat, and any case', () => {
    const c = { shortcut: 'refund', title: 'استرداد المبلغ', body: 'سنُعيد المبلغ إلى بطاقتك خلال ٥ أيام. Thank You' };
    for (const q of ['استرداد', 'سنعيد', 'بطاقتک', 'thank you', 'REFUND', 'المبلغ   بطاقتك']) expect(matchesCanned(c, q), q).toBe(true);
    expect(matchesCanned(c, 'shipping')).toBe(false);
  });

  it('every word of a reply, folded, finds it; an empty query finds everything', () => {
    const word = fc.stringMatching(/^[a-zA-Z\u0621-\u064a\u06a9\u06cc]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.nat(), (words, pick) => {
        const c = { shortcut: 'x', title: words.slice(0, 2).join(' '), body: words.join(' ') };
        expect(matchesCanned(c, words[pick % words.length]!)).toBe(true);
        expect(matchesCanned(c, '')).toBe(true);
        expect(foldForMatch(foldForMatch(c.body))).toBe(foldForMatch(c.body));
      }),
    );
  });

  it('reads Arabic-Indic and Persian digits as the same code', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6}$/), (code) => {
        const arabic = code.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
        const persian = code.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
        expect(toLatinDigits(arabic)).toBe(code);
        expect(toLatinDigits(persian)).toBe(code);
      }),
    );
  });

  it('makes temporary passwords of 16 unambiguous characters, uniformly (no modulo bias)', () => {
    expect(temporaryPassword()).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
    // Bytes at or past the last whole multiple of the alphabet are drawn again, not folded onto the first letters.
    let calls = 0;
    const biased = (n: number) => new Uint8Array(n).fill(calls++ === 0 ? 255 : 0);
    expect(temporaryPassword(biased)).toBe('a'.repeat(16));
    expect(calls).toBe(2);
  });
});
