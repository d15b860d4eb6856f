/**
 * Normalisation for detection. Two layers:
 *
 * - `normalise(text)` removes invisible characters (bidi controls, ZWNJ/ZWJ, tatweel, harakat), turns every
 *   digit script into ASCII digits and every exotic space or dash into a plain one, and keeps an offset map so
 *   that any range found in the normalised text maps back to the exact original characters.
 * - `foldRange(norm, from, to)` is a same-length view of a word, used only to look it up in the context lexicon: Latin
 *   lower-cased, Arabic and Persian letter variants merged (`LETTER_VARIANTS` of `core/text/fold`, the one folding rule).
 */

import { digitValue, isFoldedAwayMark, LETTER_VARIANTS } from '../text/fold';

const REMOVE = 0xffff;

/** Per UTF-16 unit: REMOVE, or the unit it normalises to. Identity for everything not listed. */
const NORM = new Uint16Array(0x10000);
const FOLD = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) NORM[c] = FOLD[c] = c;

const setRange = (table: Uint16Array, from: number, to: number, value: number | ((c: number) => number)): void => {
  for (let c = from; c <= to; c++) table[c] = typeof value === 'number' ? value : value(c);
};

// the one folding rule's marks (tatweel, harakat, Quranic marks, zero-width and direction marks) and digit scripts
for (let c = 0x80; c < 0x10000; c++) {
  if (isFoldedAwayMark(c)) NORM[c] = REMOVE;
  else if (digitValue(c) >= 0) NORM[c] = 0x30 + digitValue(c);
}
// invisible besides those: bidi embeddings/overrides and isolates, word joiners, soft hyphen, Mongolian vowel separator
setRange(NORM, 0x202a, 0x202e, REMOVE);
setRange(NORM, 0x2060, 0x2064, REMOVE);
setRange(NORM, 0x2066, 0x2069, REMOVE);
NORM[0x00ad] = REMOVE;
NORM[0x180e] = REMOVE;
// spaces
// a tab stays a tab: it separates the cells of a pasted table, so digits on either side are never one value
NORM[0x0d] = 0x0a;
NORM[0x00a0] = 0x20;
NORM[0x1680] = 0x20;
setRange(NORM, 0x2000, 0x200a, 0x20);
NORM[0x2028] = 0x0a;
NORM[0x2029] = 0x0a;
NORM[0x202f] = 0x20;
NORM[0x205f] = 0x20;
NORM[0x3000] = 0x20;
// dashes and minus signs, Arabic decimal/thousands separators, full-width plus and parentheses
setRange(NORM, 0x2010, 0x2015, 0x2d);
NORM[0x2212] = 0x2d;
NORM[0xfe63] = 0x2d;
NORM[0xff0d] = 0x2d;
NORM[0x066b] = 0x2e;
NORM[0x066c] = 0x2c;
NORM[0x060c] = 0x060c;
NORM[0xff0b] = 0x2b;
NORM[0xff08] = 0x28;
NORM[0xff09] = 0x29;
// full-width Latin letters, as full-width digits already are (a passport typed on a CJK keyboard: "ＴＺ１２３４５６７")
setRange(NORM, 0xff21, 0xff3a, (c) => c - 0xff21 + 0x41);
setRange(NORM, 0xff41, 0xff5a, (c) => c - 0xff41 + 0x61);
// Turkish letters with no Latin-1 form (ğ, ş, dotless ı, dotted İ) read as their base letters, so "doğum", "kimliğim"
// and "sipariş" are whole words for the lexicon (outside Latin-1, a unit is no word unit and would split them)
NORM[0x011e] = 0x47;
NORM[0x011f] = 0x67;
NORM[0x015e] = 0x53;
NORM[0x015f] = 0x73;
NORM[0x0130] = 0x49;
NORM[0x0131] = 0x69;

setRange(FOLD, 0x41, 0x5a, (c) => c + 0x20);
setRange(FOLD, 0xc0, 0xde, (c) => (c === 0xd7 ? c : c + 0x20)); // French words and month names: É → é
for (const [from, to] of LETTER_VARIANTS) FOLD[from] = to;

export interface Normalised {
  /** The normalised text. */
  text: string;
  /** `map[i]` is the original offset of normalised unit `i`; `map[text.length]` is the original length. Null when identical. */
  map: Int32Array | null;
}

/** Ranges found in normalised text back to original offsets (end exclusive). */
export function toOriginalStart(n: Normalised, i: number): number {
  return n.map ? n.map[i]! : i;
}
export function toOriginalEnd(n: Normalised, end: number): number {
  if (!n.map) return end;
  return end > 0 ? n.map[end - 1]! + 1 : 0;
}

let buf = new Uint16Array(1024);

// Decoding the buffer natively is 2–3× faster than String.fromCharCode over it. A lone surrogate comes out as U+FFFD
// (still one unit, so offsets hold, and neither is a digit or a letter the detectors look at); a leading U+FEFF
// is kept (ignoreBOM), though normalisation removes it anyway.
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/** The buffer's text, the buffer then zeroed (it held an original's units: nothing of one outlives its reading). */
function bufToString(len: number): string {
  const text = UTF16.decode(buf.subarray(0, len));
  buf.fill(0, 0, len);
  return text;
}

let mapBuf = new Int32Array(1024);

/** Normalises `text`; the result stays valid after later calls. */
export function normalise(text: string): Normalised {
  const n = normaliseTransient(text);
  return n.map ? { text: n.text, map: n.map.slice() } : n;
}

/** The folding table (identity where nothing changes), for callers that hash words without building them. */
export const FOLD_TABLE: Readonly<Uint16Array> = FOLD;

/** The normalisation table (identity where nothing changes), for callers that pre-scan text themselves. */
export const NORM_TABLE: Readonly<Uint16Array> = NORM;

/**
 * Like `normalise`, but the map is a view into a shared buffer, valid only until the next call (the detector's hot
 * path). `firstChange` lets a caller that already scanned the text skip to the first unit that changes (or pass
 * text.length when nothing does).
 */
export function normaliseTransient(text: string, firstChange?: number): Normalised {
  const len = text.length;
  let i = firstChange ?? 0;
  if (firstChange === undefined) {
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      if (NORM[c] !== c) break;
    }
  }
  if (i === len) return { text, map: null };
  if (buf.length < len) buf = new Uint16Array(len * 2);
  if (mapBuf.length < len + 1) mapBuf = new Int32Array(len * 2 + 1);
  const map = mapBuf;
  for (let k = 0; k < i; k++) {
    buf[k] = text.charCodeAt(k);
    map[k] = k;
  }
  let o = i;
  for (; i < len; i++) {
    const m = NORM[text.charCodeAt(i)]!;
    if (m === REMOVE) continue;
    buf[o] = m;
    map[o++] = i;
  }
  map[o] = len;
  return { text: bufToString(o), map: map.subarray(0, o + 1) };
}

/**
 * `norm.slice(from, to)` folded for lexicon look-ups (same length). Only the words next to a candidate are looked
 * up, so folding them one at a time costs less than folding the whole text once.
 */
export function foldRange(norm: string, from: number, to: number): string {
  let i = from;
  while (i < to && FOLD[norm.charCodeAt(i)] === norm.charCodeAt(i)) i++;
  if (i === to) return norm.slice(from, to);
  let out = norm.slice(from, i);
  for (; i < to; i++) out += String.fromCharCode(FOLD[norm.charCodeAt(i)]!);
  return out;
}

/** `FoldedWords`' filter bit of a word of `len` units opening with `first` and ending with `last` (under `mask`). */
function shapeBit(len: number, first: number, last: number, mask: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(last, 0x85ebca6b) ^ Math.imul(len, 0xc2b2ae35)) >>> 16 & mask;
}

/** FNV-1a over the units of s[from, to), folded or as they are. */
function hashUnits(s: string, from: number, to: number, fold: boolean): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= fold ? FOLD[s.charCodeAt(i)]! : s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Folded words (each with a value), looked up where a word of normalised text stands, folded unit by unit:
 * `getAt(s, from, to)` is `map.get(foldRange(s, from, to))` without building the word or hashing a new string, which
 * is most of what a look-up costs on the detector's hot path. Open addressing with linear probing; a slot holds
 * 1 + the key's index, 0 when empty, and its key's hash beside it. Most words looked up are no key: the table is at
 * most a quarter full, so a miss mostly ends at its first empty slot, and a slot of another hash is passed without
 * reading its key.
 */
export class FoldedWords<V = true> {
  private readonly slots: Int32Array;
  private readonly hashes: Uint32Array;
  private readonly keys: string[];
  private readonly values: V[];
  /** Bit n set when a key has n units (bit 31: 31 or more); bit c & 31 of `firsts` when a key opens with unit c. */
  private readonly lengths: number;
  private readonly firsts: number;
  /**
   * A bit per (length, first unit, last unit) of the keys (`shapeBit`), 16 per key rounded up to a power of two: a
   * word whose three no key shares is answered before its hash is computed or a slot read (the first-unit bits above
   * pass most words of a large table such as the cue lexicon's).
   */
  private readonly shapes: Uint32Array;
  private readonly shapeMask: number;

  constructor(entries: Iterable<readonly [string, V]>) {
    const m = new Map<string, V>(entries);
    let size = 4;
    while (size < m.size * 4) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes = new Uint32Array(size);
    this.keys = [...m.keys()];
    this.values = [...m.values()];
    this.keys.forEach((k, n) => {
      const h = hashUnits(k, 0, k.length, false);
      let i = h & (size - 1);
      while (this.slots[i]) i = (i + 1) & (size - 1);
      this.slots[i] = n + 1;
      this.hashes[i] = h;
    });
    this.lengths = this.keys.reduce((bits, k) => bits | (1 << Math.min(k.length, 31)), 0);
    this.firsts = this.keys.reduce((bits, k) => (k.length ? bits | (1 << (k.charCodeAt(0) & 31)) : bits), 0);
    let bits = 256;
    while (bits < m.size * 16 && bits < 0x10000) bits *= 2;
    this.shapes = new Uint32Array(bits >>> 5);
    this.shapeMask = bits - 1;
    for (const k of this.keys) {
      if (!k.length) continue;
      const bit = shapeBit(k.length, k.charCodeAt(0), k.charCodeAt(k.length - 1), this.shapeMask);
      this.shapes[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  static of(words: Iterable<string>): FoldedWords {
    return new FoldedWords<true>([...words].map((w) => [w, true] as const));
  }

  private find(s: string, from: number, to: number, fold: boolean): number {
    const len = to - from;
    // (no key of this length, or none opening with this unit: most words looked up, answered before hashing them)
    if (!((this.lengths >>> Math.min(len, 31)) & 1)) return -1;
    if (len > 0) {
      const first = fold ? FOLD[s.charCodeAt(from)]! : s.charCodeAt(from);
      if (!((this.firsts >>> (first & 31)) & 1)) return -1;
      const bit = shapeBit(len, first, fold ? FOLD[s.charCodeAt(to - 1)]! : s.charCodeAt(to - 1), this.shapeMask);
      if (!((this.shapes[bit >>> 5]! >>> (bit & 31)) & 1)) return -1;
    }
    return this.probe(s, from, to, fold);
  }

  /** The table's slots for the word s[from, to): its key's index or -1 (apart from `find`'s tests, which stay small enough to inline). */
  private probe(s: string, from: number, to: number, fold: boolean): number {
    const mask = this.slots.length - 1;
    const len = to - from;
    const h = hashUnits(s, from, to, fold);
    for (let i = h & mask; this.slots[i]; i = (i + 1) & mask) {
      if (this.hashes[i] !== h) continue;
      const k = this.slots[i]! - 1;
      const key = this.keys[k]!;
      if (key.length !== len) continue;
      let j = 0;
      if (fold) while (j < len && key.charCodeAt(j) === FOLD[s.charCodeAt(from + j)]) j++;
      else while (j < len && key.charCodeAt(j) === s.charCodeAt(from + j)) j++;
      if (j === len) return k;
    }
    return -1;
  }

  /** The value of the word s[from, to) of normalised text, folded. */
  getAt(s: string, from: number, to: number): V | undefined {
    const k = this.find(s, from, to, true);
    return k < 0 ? undefined : this.values[k];
  }

  hasAt(s: string, from: number, to: number): boolean {
    return this.find(s, from, to, true) >= 0;
  }

  [Symbol.iterator](): Iterator<string> {
    return this.keys[Symbol.iterator]();
  }

  /** A word already folded, as it is. */
  has(word: string): boolean {
    return this.find(word, 0, word.length, false) >= 0;
  }

  get(word: string): V | undefined {
    const k = this.find(word, 0, word.length, false);
    return k < 0 ? undefined : this.values[k];
  }
}

/** Folds a keyword the same way message text is normalised and folded (used to build the lexicon). */
export function foldKeyword(word: string): string {
  // (most words of normalised text fold to themselves: then no string is built)
  let i = 0;
  while (i < word.length) {
    const c = word.charCodeAt(i);
    const m = NORM[c]!;
    if (m === REMOVE || FOLD[m] !== c) break;
    i++;
  }
  if (i === word.length) return word;
  let s = word.slice(0, i);
  for (; i < word.length; i++) {
    const m = NORM[word.charCodeAt(i)]!;
    if (m !== REMOVE) s += String.fromCharCode(FOLD[m]!);
  }
  return s;
}

/** The value of an ASCII digit unit, or -1. Works on normalised text. */
export function asciiDigit(c: number): number {
  return c >= 0x30 && c <= 0x39 ? c - 0x30 : -1;
}

export function isLatinLetter(c: number): boolean {
  return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
}

/** Letters of the Arabic block (incl. Persian additions), excluding digits and punctuation. */
export function isArabicLetter(c: number): boolean {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || c === 0x06d5 || (c >= 0x06fa && c <= 0x06ff);
}
