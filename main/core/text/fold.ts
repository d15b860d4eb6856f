/**
 * The one text-folding rule: the forms a reader of Arabic, Persian or Latin treats as the same letter fold to one
 * form, so masking's context words, the guards' lexicons, search and the search highlighter all agree on what
 * "the same word" is.
 *
 * - letter variants (`LETTER_VARIANTS`): alef with hamza, madda or wasla → ا; ؤ → و; ئ ى ی ې ے → ي; ک ڪ → ك;
 *   ة ۀ ە → ه;
 * - marks (`isFoldedAwayMark`): tatweel, harakat, Quranic annotation marks, superscript alef, zero-width
 *   characters and direction marks are dropped;
 * - digits (`digitValue`): every decimal digit of the Basic Multilingual Plane (Unicode `Nd`: Arabic-Indic, Persian,
 *   Devanagari, Bengali, Thai, full-width…) reads as 0–9;
 * - case and accents (`foldText` only): lower case, Latin accents and presentation forms unfolded (NFKD).
 *
 * Masking needs offsets back into the original and the guards fold regular-expression sources, so each builds its
 * view from these parts; search and the highlighter use `foldText` / `foldWithOffsets` as they are.
 */

const variants = new Map<number, number>();
const put = (from: number[], to: number) => from.forEach((cp) => variants.set(cp, to));
put([0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673], 0x0627);
put([0x0624], 0x0648);
put([0x0626, 0x0649, 0x06cc, 0x06d0, 0x06d2], 0x064a);
put([0x06a9, 0x06aa], 0x0643);
put([0x0629, 0x06c0, 0x06d5], 0x0647);

/** Arabic and Persian letter variants → the letter they fold to. All are single UTF-16 units. */
export const LETTER_VARIANTS: ReadonlyMap<number, number> = variants;

/** Characters folding drops: tatweel, harakat and Quranic marks, superscript alef, zero-width and direction marks. */
export function isFoldedAwayMark(cp: number): boolean {
  return (
    cp === 0x0640 ||
    (cp >= 0x0610 && cp <= 0x061a) ||
    (cp >= 0x064b && cp <= 0x065f) ||
    cp === 0x0670 ||
    (cp >= 0x06d6 && cp <= 0x06ed) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    cp === 0x061c ||
    cp === 0xfeff
  );
}

// Unicode's decimal digits come in runs of ten, zero to nine, so a digit's value is its distance from its run's zero.
// Built once from the engine's own `\p{Nd}`, so a script a new Unicode version adds is read without a change here:
// one scan over the plane's code units (surrogates left out, so every index is its code unit) costs a few
// milliseconds less at each process's start than a test per code unit.
const DIGIT_VALUE = new Int8Array(0x10000).fill(-1);
{
  const units: string[] = [];
  for (let from = 0; from < 0x10000; from += 0x1000) {
    const chunk: number[] = [];
    for (let c = from; c < from + 0x1000; c++) if (c < 0xd800 || c > 0xdfff) chunk.push(c);
    units.push(String.fromCharCode(...chunk));
  }
  const plane = units.join('');
  for (const run of plane.matchAll(/\p{Nd}+/gu)) {
    for (let i = 0; i < run[0].length; i++) DIGIT_VALUE[plane.charCodeAt(run.index + i)] = i % 10;
  }
}

const hex4 = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;

/** The same digits as a regular-expression character class's body ("0-9\\u0660-\\u0669…"), for `[${DIGIT_CLASS}]`. */
export const DIGIT_CLASS: string = (() => {
  let out = '';
  for (let c = 0; c < 0x10000; c++) {
    if (DIGIT_VALUE[c] !== 0) continue;
    let end = c;
    while (end + 1 < 0x10000 && DIGIT_VALUE[end + 1]! > 0) end++;
    out += c === 0x30 ? '0-9' : `${hex4(c)}-${hex4(end)}`;
    c = end;
  }
  return out;
})();

/** 0–9 for a decimal digit of any script (ASCII, Arabic-Indic, Persian, Devanagari, full-width…); -1 otherwise. */
export function digitValue(cp: number): number {
  return cp < 0x10000 ? DIGIT_VALUE[cp]! : -1;
}

/** Arabic-Indic and Persian digits as ASCII, one character for one, so offsets into the text hold ("۰۹/۲۹" → "09/29"). */
export function asciiDigits(s: string): string {
  // (a loop, not a replace with a callback per digit: a card typed in Arabic-Indic digits made sixteen calls and
  // strings; a text without such digits is returned as it is)
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9)) {
      out += s.slice(from, i) + String.fromCharCode(48 + ((c - 0x660) % 0x90));
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Letter variants, marks and digits only: no case, and ASCII untouched, so it is safe on regular-expression sources. */
export function foldArabic(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) out += s[i];
    else if (isFoldedAwayMark(c)) continue;
    else {
      const d = digitValue(c);
      out += d >= 0 ? String(d) : String.fromCharCode(variants.get(c) ?? c);
    }
  }
  return out;
}

const isCombiningAccent = (cp: number): boolean => cp >= 0x0300 && cp <= 0x036f;

function foldUnit(cp: number, ch: string): string {
  if (isFoldedAwayMark(cp) || isCombiningAccent(cp)) return '';
  const d = digitValue(cp);
  if (d >= 0) return String(d);
  const v = variants.get(cp);
  return v !== undefined ? String.fromCharCode(v) : ch;
}

/** Folds one code point (as a string) into zero or more folded characters. */
function foldChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80) return ch.toLowerCase();
  if ((cp >= 0xfb00 && cp <= 0xffef) || (cp >= 0x00c0 && cp <= 0x024f)) {
    let out = '';
    for (const c of ch.normalize('NFKD')) out += c.codePointAt(0)! < 0x80 ? c.toLowerCase() : foldUnit(c.codePointAt(0)!, c);
    return out.normalize('NFC').toLowerCase();
  }
  return foldUnit(cp, ch).toLowerCase();
}

const PLAIN = /^[\x20-\x7e\n\t\r]*$/;

/** Every character `foldChar` does more to than lower-case it (built from the tables, so it cannot drift). */
const SPECIAL = (() => {
  const units: number[] = [...variants.keys()];
  for (let c = 0x80; c < 0x10000; c++) if (isFoldedAwayMark(c) || isCombiningAccent(c) || digitValue(c) >= 0) units.push(c);
  for (let c = 0x00c0; c <= 0x024f; c++) units.push(c);
  const esc = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  return new RegExp(`[${units.map(esc).join('')}\\ufb00-\\uffef]`, 'g');
})();

/** The text folded for search and highlighting. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  return PLAIN.test(lower) ? lower : lower.replace(SPECIAL, foldChar);
}

/** Folded text plus, for each of its UTF-16 units, the span [from, to) of the original it came from. */
export function foldWithOffsets(text: string): { norm: string; from: number[]; to: number[] } {
  let norm = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    norm += f;
    i += ch.length;
  }
  return { norm, from, to };
}
