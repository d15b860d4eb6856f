import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReason } from '../../main/core/auth';

const invisible = fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u200f', '\u202e', '\u00ad', '\u0640');
const noise = fc.constantFrom('.', ',', '-', '_', '!', '?', '؟', '،', '…', '*', ' ', '\u00a0', '\t', '0', '9', '٣', '۷', '/');
const latinWord = fc.stringMatching(/^[a-z]{2,10}$/);
const arabicWord = fc.array(fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'), { minLength: 2, maxLength: 8 }).map((a) => a.join(''));
const persianWord = fc.array(fc.constantFrom(...'پچژگکیابتسشمن'), { minLength: 2, maxLength: 8 }).map((a) => a.join(''));

describe('a reveal reason must say something in words', () => {
  it('refuses what the hostile test used, and every mix of punctuation, digits, invisible characters and tatweel', () => {
    for (const bad of ['\u200b'.repeat(5), '.....', 'ok', '          ', '12345', 'ـــــ ـــــ', '\u202e\u202e\u202e\u202e\u202e']) {
      expect(() => checkReason(bad), JSON.stringify(bad)).toThrow(/Say in a few words why/);
    }
    fc.assert(
      fc.property(fc.array(fc.oneof(invisible, noise), { minLength: 1, maxLength: 200 }), (parts) => {
        expect(() => checkReason(parts.join(''))).toThrow(expect.objectContaining({ code: 'reason_required' }));
      }),
    );
  });

  it('refuses one word, however often it is repeated or padded', () => {
    fc.assert(
      fc.property(fc.oneof(latinWord, arabicWord), fc.integer({ min: 1, max: 20 }), fc.array(fc.oneof(invisible, noise), { maxLength: 5 }), (w, n, pad) => {
        expect(() => checkReason(Array.from({ length: n }, () => w + pad.join('')).join(' '))).toThrow(/Say in a few words/);
      }),
    );
  });

  it('accepts two or more words in Latin, Arabic or Persian script (ZWNJ kept), dropping invisible characters from what is recorded', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(latinWord, arabicWord, persianWord), { minLength: 2, maxLength: 8 }), invisible, (words, inv) => {
        const reason = checkReason(words.join(` ${inv === '\u0640' ? '' : inv}`));
        expect(reason).not.toMatch(/\u200b|\u200d|\u2060|\ufeff|\u200e|\u200f|\u202e/);
      }),
    );
    expect(checkReason('customer asked for a call back')).toBe('customer asked for a call back');
    expect(checkReason('مشتری\u200cها تماس گرفتند')).toBe('مشتری\u200cها تماس گرفتند');
    expect(checkReason('العميل طلب التحقق')).toBe('العميل طلب التحقق');
    expect(checkReason('客户来电核实')).toBe('客户来电核实');
  });

  it('still refuses a reason too long to read', () => {
    expect(() => checkReason('word '.repeat(200))).toThrow(/under 500 characters/);
  });
});
