/**
 * `\p{L}` and `[\p{L}\p{N}]` of one UTF-16 unit, as the patterns answer for it (a lone surrogate is neither), kept in a
 * table filled the first time each unit is asked about: the readers test text a unit at a time, where a Unicode
 * pattern per unit costs a one-character string and a match each.
 */
const KNOWN = 1;
const LETTER = 2;
const NUMBER = 4;
const UNITS = new Uint8Array(0x10000);
const LETTER_RE = /\p{L}/u;
const NUMBER_RE = /\p{N}/u;

function classOf(c: number): number {
  let k = UNITS[c]!;
  // (NaN, past the end: no entry, so `k === 0` is false and the answer is undefined, no class)
  if (k === 0) {
    const ch = String.fromCharCode(c);
    UNITS[c] = k = KNOWN | (LETTER_RE.test(ch) ? LETTER : 0) | (NUMBER_RE.test(ch) ? NUMBER : 0);
  }
  return k;
}

/** `/\p{L}/u.test(s[i])` for `c = s.charCodeAt(i)`. */
export function isLetterUnit(c: number): boolean {
  return (classOf(c) & LETTER) !== 0;
}

/** `/[\p{L}\p{N}]/u.test(s[i])` for `c = s.charCodeAt(i)`. */
export function isLetterOrNumberUnit(c: number): boolean {
  return (classOf(c) & (LETTER | NUMBER)) !== 0;
}
