/**
 * `\p{L}` and `\p{N}` of one UTF-16 unit, read from a table built on first use from the patterns themselves (so each
 * answer is the pattern's): the readers test text a character at a time, where a Unicode pattern per character costs
 * a one-character string and a match each. A lone surrogate is neither, as for the patterns.
 */
const LETTER = 1;
const NUMBER = 2;
let table: Uint8Array | undefined;

function build(): Uint8Array {
  const t = new Uint8Array(0x10000);
  const letter = /\p{L}/u;
  const number = /\p{N}/u;
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    t[c] = (letter.test(ch) ? LETTER : 0) | (number.test(ch) ? NUMBER : 0);
  }
  return t;
}

/** `/\p{L}/u.test(s[i])` for the unit `c = s.charCodeAt(i)` (NaN past the end: false). */
export function isLetterUnit(c: number): boolean {
  return ((table ??= build())[c]! & LETTER) !== 0;
}

/** `/[\p{L}\p{N}]/u.test(s[i])` for the unit `c = s.charCodeAt(i)`. */
export function isLetterOrNumberUnit(c: number): boolean {
  return ((table ??= build())[c]! & (LETTER | NUMBER)) !== 0;
}
