/**
 * Digits with valid check digits, for the masking property tests and the benches' generated sweeps (no test runner
 * imported here, so a bench script can use them).
 */
import fc from 'fast-check';

export const SCRIPTS = ['0123456789', '٠١٢٣٤٥٦٧٨٩', '۰۱۲۳۴۵۶۷۸۹'];

export const digits = (n: number): fc.Arbitrary<string> => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));

/** The body with its Luhn check digit appended. */
export function luhnComplete(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let x = +body[body.length - 1 - i]!;
    if (i % 2 === 0) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
    sum += x;
  }
  return body + ((10 - (sum % 10)) % 10);
}

/** The remainder mod 97 of a string of digits and capitals (A = 10 … Z = 35), as IBANs and RIBs reckon it. */
export function mod97(s: string): number {
  let m = 0;
  for (const ch of s) for (const c of /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch) m = (m * 10 + +c) % 97;
  return m;
}
