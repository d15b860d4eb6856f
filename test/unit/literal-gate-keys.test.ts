/**
 * Issues #26/#21 (inbound round 13): a text's keys for the literal gate live in an open-addressing table instead of a
 * `Set`. The table must answer exactly as a set of the text's runs would: every run of one to three plain characters
 * the text holds is found, and none it does not hold — over short and long texts (the table's size and its probing),
 * Latin, Arabic and Persian letters, digits and the long s.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patternNeeds, TextKeys } from '../../main/core/text/literal-gate';

const CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789 ابتثجحخدرزسشصضطظعغفقكلمنهويپچژگکی$#:ſ.';
const text = fc.array(fc.constantFrom(...CHARS), { minLength: 0, maxLength: 3000 }).map((a) => a.join(''));
const run = fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ابتثجحخدرزسشصضطظعغفقكلمنهوي'), { minLength: 1, maxLength: 3 }).map((a) => a.join(''));

describe('the literal gate holds exactly the text’s keys', () => {
  it('finds each run of one to three characters the text holds, and none it does not', () => {
    fc.assert(
      fc.property(text, fc.array(run, { minLength: 1, maxLength: 40 }), (t, runs) => {
        const keys = new TextKeys(t);
        const lower = t.toLowerCase().replace(/ſ/g, 's');
        for (const r of runs) if (keys.may(patternNeeds([r])) !== lower.includes(r)) return false;
        // every run the text holds, at a few places
        for (let i = 0; i + 3 <= lower.length; i += 97) {
          const r = lower.slice(i, i + 3);
          if (/^[a-z \u0621-\u064a]{3}$/u.test(r) && !keys.may(patternNeeds([r]))) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('knows a digit, and the long s as s', () => {
    expect(new TextKeys('code 4').may(patternNeeds(['\\d']))).toBe(true);
    expect(new TextKeys('code four').may(patternNeeds(['\\d']))).toBe(false);
    expect(new TextKeys('paſſword').may(patternNeeds(['pass ?word']))).toBe(true);
  });
});
