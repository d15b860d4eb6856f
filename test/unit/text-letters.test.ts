import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLetterOrNumberUnit, isLetterUnit } from '../../main/core/text/letters';

// The masking readers test one unit at a time through these tables instead of `/\p{L}/u` and `/[\p{L}\p{N}]/u`; they
// must answer as the patterns do for every unit, whatever order the units are first asked in.
describe('text/letters: the unit tables answer as the Unicode patterns', () => {
  it('every UTF-16 unit, surrogates (alone: neither) included, asked in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 400 }), (units) => {
        for (const c of units) {
          const ch = String.fromCharCode(c);
          expect(isLetterUnit(c)).toBe(/\p{L}/u.test(ch));
          expect(isLetterOrNumberUnit(c)).toBe(/[\p{L}\p{N}]/u.test(ch));
        }
      }),
      { numRuns: 200 },
    );
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (isLetterUnit(c) !== /\p{L}/u.test(ch) || isLetterOrNumberUnit(c) !== /[\p{L}\p{N}]/u.test(ch)) expect.fail(`unit ${c.toString(16)}`);
    }
    // past the end of a string (charCodeAt gives NaN), as `s[i] ?? ''`: none
    expect(isLetterUnit('ab'.charCodeAt(2)) || isLetterOrNumberUnit(''.charCodeAt(0))).toBe(false);
  });
});
