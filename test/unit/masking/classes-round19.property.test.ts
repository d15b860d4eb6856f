/**
 * Property tests for round 19 (issue #20): any decimal digit script is read as its value. A message written with
 * ASCII digits and the same message with its digits in Devanagari, Bengali, Thai, full-width or any other script of
 * Unicode's decimal digits (each digit one unit, so every offset is the same) get the same spans — every detector and
 * the fail-closed rule alike — whatever the value's shape, its separators and the words around it, decoys included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSensitive } from '../../../main/core/masking';
import { digits, luhnComplete, RUNS } from './generators';

/**
 * The zero of every decimal digit script of the Basic Multilingual Plane but ASCII, Arabic-Indic and Persian (whose
 * digits the other properties cover, and which may hint at a language): Unicode's decimal digits come in runs of ten.
 */
const ZEROS: number[] = [];
for (let c = 0x80, nd = /\p{Nd}/u; c < 0x10000; c++) {
  if (nd.test(String.fromCharCode(c)) && !nd.test(String.fromCharCode(c - 1)) && c !== 0x660 && c !== 0x6f0) ZEROS.push(c);
}

const inScript = (text: string, zero: number): string => text.replace(/[0-9]/g, (d) => String.fromCharCode(zero + d.charCodeAt(0) - 48));

const SEPARATORS = [' ', '-', '.', '/', '', '\u00a0', ' - '];
const grouped = (d: string, sep: string, size: number): string => d.match(new RegExp(`.{1,${size}}`, 'g'))!.join(sep);

/** Values of every shape the detectors read, and decoys of the same shapes, each in its words. */
const message = fc.oneof(
  fc.tuple(fc.constantFrom('my phone ', 'call me on ', 'رقم جوالي ', 'شماره موبایلم '), digits(8), fc.constantFrom(...SEPARATORS), fc.constantFrom(3, 4)).map(([w, d, sep, k]) => `${w}05${grouped(d, sep, k)}`),
  fc.tuple(fc.constantFrom('card ', 'my visa is ', 'بطاقتي ', 'کارتم '), digits(15), fc.constantFrom(...SEPARATORS)).map(([w, d, sep]) => `${w}${grouped(luhnComplete(`4${d.slice(1)}`), sep, 4)}`),
  fc.tuple(fc.constantFrom('DOB ', 'born on ', 'تاريخ الميلاد ', 'تاریخ تولد '), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1950, max: 2005 }), fc.constantFrom('/', '-', '.')).map(([w, d, m, y, sep]) => `${w}${String(d).padStart(2, '0')}${sep}${String(m).padStart(2, '0')}${sep}${y}`),
  fc.tuple(fc.constantFrom('the code is ', 'OTP ', 'رمز التحقق ', 'کد تایید '), digits(6), fc.constantFrom('', ' ')).map(([w, d, sep]) => `${w}${grouped(d, sep, 3)}`),
  fc.tuple(fc.constantFrom('QID ', 'national ID ', 'رقم الهوية ', 'کد ملی '), digits(11), fc.constantFrom('', ' ', '-')).map(([w, d, sep]) => `${w}2${grouped(d, sep, 4)}`),
  fc.tuple(fc.constantFrom('here it is ', 'تفضل ', 'sawa '), digits(9), fc.constantFrom('', ' ')).map(([w, d, sep]) => `${w}7${grouped(d, sep, 5)}`),
  // the typed reader's runs: groups apart by ellipses, a letter O typed for a zero
  fc.tuple(fc.constantFrom('call ', 'my number ', 'رقمي '), digits(8), fc.constantFrom('...', '..', '…')).map(([w, d, sep]) => `${w}05${d.slice(0, 2)}${sep}${d.slice(2, 5)}${sep}${d.slice(5)}`),
  fc.tuple(fc.constantFrom('my number ', 'phone '), digits(10)).map(([w, d]) => `${w}${d[0]}O${d.slice(1, 3)} ${d.slice(3, 7)} ${d.slice(7)}0`),
  fc.tuple(fc.constantFrom('order ', 'invoice no ', 'رقم الطلب ', 'total '), digits(5), fc.constantFrom('', ' SAR', ' रुपये', ' تومان')).map(([w, d, cur]) => `${w}${d}${cur}`),
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom('[', '')).map(([h, m, b]) => `${b}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}${b ? ']' : ''} Zain: it still does not work`),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([a, c]) => `price ${a},${String(c).padStart(2, '0')}0 for 2 items`),
);

const spansOf = (text: string): string => JSON.stringify(detectSensitive(text).map((s) => [s.type, s.start, s.end]));

describe('masking round 19: any decimal digit script reads as its value', () => {
  it('finds the same spans whichever decimal digit script the message is written in', () => {
    expect(ZEROS.length).toBeGreaterThan(30);
    fc.assert(
      fc.property(message, fc.constantFrom(...ZEROS), fc.constantFrom('', 'hi, ', 'नमस्ते ', 'السلام عليكم '), fc.constantFrom('', ' thanks', ' धन्यवाद', '\nbye'), (m, zero, pre, post) => {
        const ascii = `${pre}${m}${post}`;
        expect(spansOf(inScript(ascii, zero)), `${JSON.stringify(inScript(ascii, zero))} (U+${zero.toString(16)})`).toBe(spansOf(ascii));
      }),
      RUNS,
    );
  });

  it('masks a value in digits of two scripts mixed (copied, then retyped)', () => {
    fc.assert(
      fc.property(digits(6), fc.constantFrom(...ZEROS), fc.integer({ min: 1, max: 5 }), (d, zero, cut) => {
        const mixed = `the code is ${d.slice(0, cut)}${inScript(d.slice(cut), zero)}`;
        expect(spansOf(mixed)).toBe(spansOf(`the code is ${d}`));
      }),
      RUNS,
    );
  });
});
