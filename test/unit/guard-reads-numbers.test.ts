/**
 * The inbound guard reads numbers as masking does (issue #20, round 16): `digitsAsTyped` writes in digits every value
 * the number-token reader reads, so a caller's number written with letters an OCR'd screenshot puts for digits
 * ("O55 384 l927"), which masking already read, is the fake number the guard flags; the customer's own number so
 * written is not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitsAsTyped } from '../../main/core/masking';
import { flags, pick, RUNS } from '../helpers/guard-rounds';

const OCR: Record<string, string> = { '0': 'O', '1': 'l', '5': 'S', '8': 'B' };
const digit = fc.integer({ min: 0, max: 9 });

/** "0" and nine digits in groups of three, three and four, one digit inside a group written as its OCR letter. */
const ocrPhone = fc.tuple(fc.array(digit, { minLength: 9, maxLength: 9 }), fc.integer({ min: 0, max: 2 }), pick(['0', '1', '5', '8'])).map(([ds, g, d]) => {
  const groups = [`0${ds.slice(0, 2).join('')}`, ds.slice(2, 5).join(''), ds.slice(5).join('')];
  // a letter inside the group, never at its edge
  groups[g] = groups[g]!.slice(0, 1) + OCR[d]! + groups[g]!.slice(2);
  return { written: groups.join(' '), digits: groups.join('').replace(/[OlSB]/g, (c) => ({ O: '0', l: '1', S: '5', B: '8' })[c]!) };
});

describe('the guard reads numbers as masking does', () => {
  it("a caller's number with OCR'd letters is a fake number; the customer's own is not", () => {
    const caller = pick(['someone called me from {n} saying he is from the bank', 'اتصل علي واحد من {n} يقول من البنك']);
    fc.assert(
      fc.property(ocrPhone, caller, (n, frame) => {
        const s = frame.replace('{n}', n.written);
        expect(digitsAsTyped(s).replace(/ /g, ''), s).toContain(n.digits);
        expect(flags(s), s).toContain('fake_number');
        const mine = `my number is ${n.written}, please update my account`;
        expect(flags(mine), mine).not.toContain('fake_number');
      }),
      RUNS,
    );
  });
});
