import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { temporaryPassword } from '../../renderer/src/passwords';
import { digitValue } from '../../main/core/text/fold';
import { foldText, isolatedRuns, matchesCanned, toLatinDigits } from '../../renderer/src/text';

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
        expect(foldText(foldText(c.body))).toBe(foldText(c.body));
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

  it('reads a decimal digit of any script as its value, with the one digit rule masking and search use', () => {
    const zeros = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0xff10, 0x1040];
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,8}$/), fc.constantFrom(...zeros), (code, zero) => {
        const written = code.replace(/\d/g, (d) => String.fromCharCode(zero + Number(d)));
        expect(toLatinDigits(`رقم ${written}.`)).toBe(`رقم ${code}.`);
      }),
    );
    expect(toLatinDigits('QID २८५५२४०११४७')).toBe('QID 28552401147');
  });

  it('the digit table is the engine\'s own: every decimal digit is its distance from its run\'s zero', () => {
    const nd = /\p{Nd}/u;
    let run = 0;
    for (let c = 0; c < 0x10000; c++) {
      const isDigit = c < 0xd800 || c > 0xdfff ? nd.test(String.fromCharCode(c)) : false;
      run = isDigit ? run + 1 : 0;
      if (digitValue(c) !== (isDigit ? (run - 1) % 10 : -1)) expect.fail(`U+${c.toString(16)}: ${digitValue(c)}`);
    }
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

describe('order numbers and references inside right-to-left text are isolated whole', () => {
  const join = (runs: Array<{ text: string }>) => runs.map((r) => r.text).join('');
  const isolated = (text: string) => isolatedRuns(text).filter((r) => r.isolate).map((r) => r.text);

  it('finds the reference whole, without the sentence punctuation around it', () => {
    expect(isolated('سلام، سفارش #ORD-4471/B من هنوز نرسیده.')).toEqual(['#ORD-4471/B']);
    expect(isolated('طلبي رقم 4471 لم يصل، والرمز A-77.')).toEqual(['4471', 'A-77']);
    expect(isolated('کد پیگیری ۶۰۶۵۵: لطفاً بررسی کنید')).toEqual(['۶۰۶۵۵']);
    expect(isolated('رقم الطلب २८५५-१४ لم يصل')).toEqual(['२८५५-१४']);
    expect(isolated('مرحبا Sara, شكراً')).toEqual([]);
    expect(isolatedRuns('Order #4471 is late.')).toEqual([{ text: 'Order #4471 is late.', isolate: false }]);
  });

  it('gives the text back unchanged; every isolated run holds a digit and no right-to-left letter', () => {
    const rtlWord = fc.stringMatching(/^[\u0621-\u064a\u06a9\u06cc]{1,8}$/);
    const code = fc.tuple(fc.constantFrom('', '#', 'ORD-', 'A', 'INV/'), fc.stringMatching(/^[0-9\u0660-\u0669\u06f0-\u06f9]{1,8}$/), fc.constantFrom('', '/B', '-2', 'x')).map((p) => p.join(''));
    const piece = fc.oneof(rtlWord, code, fc.constantFrom(' ', '، ', '. ', ': ', ' (', ') ', 'ok'));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        const runs = isolatedRuns(text);
        expect(join(runs)).toBe(text);
        for (const r of runs.filter((x) => x.isolate)) {
          expect(r.text).toMatch(/[0-9\u0660-\u0669\u06f0-\u06f9]/);
          expect(r.text).not.toMatch(/[\u0621-\u064a\u06a9\u06cc\s]/);
          expect(r.text).not.toMatch(/[.:/_-]$/);
        }
      }),
    );
  });
});
