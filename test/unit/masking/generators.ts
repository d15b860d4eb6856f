/**
 * Generators and checks shared by the masking property tests: values are built with valid check digits in any digit
 * script, so a miss is the detector's, never the data's.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { detectSensitive, type SensitiveType } from '../../../main/core/masking';
import { SCRIPTS, digits, luhnComplete, mod97 } from './check-digits';

export { SCRIPTS, digits, luhnComplete, mod97 };
export const RUNS = { numRuns: 300 };

/** Each digit in a script of its own choosing (people mix them when they copy and retype). */
export const scriptOf = fc.oneof(fc.constantFrom(0, 1, 2).map((k) => (d: string) => d.replace(/[0-9]/g, (x) => SCRIPTS[k]![+x]!)), fc.array(fc.constantFrom(0, 1, 2), { minLength: 30, maxLength: 30 }).map((ks) => (d: string) => {
  let i = 0;
  return d.replace(/[0-9]/g, (x) => SCRIPTS[ks[i++ % ks.length]!]![+x]!);
}));


export const filler = fc.constantFrom('', 'hi, ', 'السلام عليكم ', 'سلام ', 'please help. ', 'يا ريت بسرعة ', 'ok so ');
export const tail = fc.constantFrom('', ' thanks', ' شكرا', ' ممنون', ' pls', '\nbye');

/** The value is found, as `type`, with every letter and digit of it inside the span and nothing of the words around. */
export function expectFound(text: string, vs: number, ve: number, type: SensitiveType): void {
  const spans = detectSensitive(text);
  const hit = spans.find((s) => s.type === type && s.start <= firstAlnum(text, vs, ve) && s.end >= lastAlnum(text, vs, ve));
  expect(hit, `${type} not found in ${JSON.stringify(text)}: ${JSON.stringify(spans)}`).toBeDefined();
  expect(hit!.start >= vs - 1 && hit!.end <= ve + 1, `${type} span spills over the words around in ${JSON.stringify(text)}`).toBe(true);
}
const ALNUM = /[\p{L}\p{N}]/u;
function firstAlnum(t: string, s: number, e: number): number {
  while (s < e && !ALNUM.test(t[s]!)) s++;
  return s;
}
function lastAlnum(t: string, s: number, e: number): number {
  while (e > s && !ALNUM.test(t[e - 1]!)) e--;
  return e;
}

/**
 * `value` is found as `type` where it last (or first) occurs in `text`: where a value may also occur inside another
 * (a code inside a card number), the test says which occurrence it means.
 */
export function foundIn(text: string, value: string, type: SensitiveType, where: 'first' | 'last' = 'last'): void {
  const at = where === 'first' ? text.indexOf(value) : text.lastIndexOf(value);
  expect(at, `${value} not in ${text}`).toBeGreaterThanOrEqual(0);
  expectFound(text, at, at + value.length, type);
}

/** Nothing of `value` (where it last occurs) is masked in `text`: the look-alike stays visible. */
export function visibleIn(text: string, value: string): void {
  const at = text.lastIndexOf(value);
  const hit = detectSensitive(text).find((s) => s.start < at + value.length && s.end > at);
  expect(hit, `${JSON.stringify(value)} masked in ${JSON.stringify(text)}`).toBeUndefined();
}

/** Every letter and digit of `value` (where it last occurs) is inside some masked span, whatever its type. */
export function maskedIn(text: string, value: string): void {
  const at = text.lastIndexOf(value);
  const spans = detectSensitive(text);
  for (let i = at; i < at + value.length; i++) {
    if (ALNUM.test(text[i]!)) expect(spans.some((s) => s.start <= i && s.end > i), `${JSON.stringify(value)} left in clear in ${JSON.stringify(text)}`).toBe(true);
  }
}

/** Nothing at all is masked in `text`. */
export function nothingIn(text: string): void {
  const spans = detectSensitive(text);
  expect(spans, `masked in ${JSON.stringify(text)}: ${JSON.stringify(spans.map((s) => text.slice(s.start, s.end)))}`).toEqual([]);
}

/** Builds "<before><label><value><after>" (or value first) and checks the value is found. */
export function labelled(pre: string, label: string, value: string, post: string, valueFirst: boolean, type: SensitiveType): void {
  const text = valueFirst ? `${pre}${value} ${label}${post}` : `${pre}${label} ${value}${post}`;
  const vs = valueFirst ? pre.length : pre.length + label.length + 1;
  expectFound(text, vs, vs + value.length, type);
}

/** IBANs of Saudi Arabia, the UAE and Iran with valid check digits, compact ("SA03…"). */
export const ibans: fc.Arbitrary<string> = fc.constantFrom(['SA', 20], ['AE', 19], ['IR', 22] as [string, number]).chain(([cc, n]) =>
  digits(n as number).map((bban) => cc + String(98 - mod97(bban + cc + '00')).padStart(2, '0') + bban),
);

/** Iranian national codes (ten digits, mod-11 check digit, not all the same digit). */
export const iranCodes: fc.Arbitrary<string> = digits(9)
  .filter((d) => !/^(\d)\1+$/.test(d))
  .map((d) => {
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += +d[i]! * (10 - i);
    const r = sum % 11;
    return d + (r < 2 ? r : 11 - r);
  });

const FA_UNITS = ['', 'یک', 'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'نه'];
const FA_TEENS = ['ده', 'یازده', 'دوازده', 'سیزده', 'چهارده', 'پانزده', 'شانزده', 'هفده', 'هجده', 'نوزده'];
const FA_TENS = ['', '', 'بیست', 'سی', 'چهل', 'پنجاه', 'شصت', 'هفتاد', 'هشتاد', 'نود'];
const FA_HUNDREDS = ['', 'صد', 'دویست', 'سیصد', 'چهارصد', 'پانصد', 'ششصد', 'هفتصد', 'هشتصد', 'نهصد'];

/** A number under a thousand in Persian words ("سیصد و هشتاد و هشت"). */
export function persian(n: number): string {
  const parts: string[] = [];
  if (n >= 100) parts.push(FA_HUNDREDS[Math.floor(n / 100)]!);
  const r = n % 100;
  if (r >= 10 && r < 20) parts.push(FA_TEENS[r - 10]!);
  else {
    if (r >= 20) parts.push(FA_TENS[Math.floor(r / 10)]!);
    if (r % 10) parts.push(FA_UNITS[r % 10]!);
  }
  return parts.join(' و ');
}
