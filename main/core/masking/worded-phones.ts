/**
 * Round 37: a phone dictated in number words mixed with digits — Gulf Arabic digit words before digit groups ("صفر
 * خمسه سته ٧٣١ ٨٤٠ ٢٩"), Persian compound numbers between commas ("صفر نهصد و سیزده، ۴۴۷، بیست و دو، هشتاد و
 * یک"), Finglish ones ("0913 sisad o bist o panj 4419"). Each word or compound gives its digits (a hundred's
 * compound three, a ten's two, a digit word one). A stretch of at least one word and one typed group giving 9 to 13
 * digits, after a phone's or a number's word (at most 40 characters before it) or starting with zero, is one PHONE
 * from its first word to its last digit; the typed reader saw only the digit groups. Phones all in words are the
 * dictation reader's (`spoken-digits.ts`); a stretch over another reading (a dictated code, an ID) leaves it standing.
 *
 * A word's value is `worded-numbers.ts`'s (`phoneNumberWord`). Pre-check: such a word right beside a typed digit group (`firstWordedGroup`), which also bounds the stretches read, before any stretch is read.
 */
import { digitValue } from '../text/fold';
import { isLetterOrNumberUnit, isLetterUnit } from '../text/letters';
import { checkInternational, validLocal } from './phone-plan';
import { placeSpan } from './placed-span';
import { mayBePhoneNumberWordAt, phoneNumberWord } from './worded-numbers';
import type { DetectedSpan } from './types';

/** Letters folded one for one (offsets hold): Arabic ي/ى → ی, ك → ک, ة → ه, أ/إ/آ → ا; Latin lower-cased. */
function fold(text: string): string {
  return text.replace(/[يىكةأإآ]/g, (c) => ({ ي: 'ی', ى: 'ی', ك: 'ک', ة: 'ه', أ: 'ا', إ: 'ا', آ: 'ا' })[c] ?? c).toLowerCase();
}

/** Digit groups in the scripts these customers type (ASCII, Arabic-Indic, Persian): the regex engine finds them, no loop per character. */
const DIGIT_RUN = /[0-9\u0660-\u0669\u06f0-\u06f9]+/g;
/** A space, a comma, a dash or a line break between a digit group and a word (char codes: no regular expression per character). */
const isGap = (c: number): boolean => c === 32 || c === 44 || c === 0x60c || c === 45 || c === 0x2013 || c === 10 || c === 0xa0;

/** Whether the word after the gap that starts at `at` (or before the one that ends there) is a phone's number word. */
function numberWordAround(text: string, at: number, dir: -1 | 1): boolean {
  let k = at;
  for (let n = 0; n < 3 && isGap(text.charCodeAt(dir < 0 ? k - 1 : k)); n++) k += dir;
  if (k === at) return false;
  let a = k;
  let b = k;
  if (dir < 0) while (a > 0 && isLetterUnit(text.charCodeAt(a - 1))) a--;
  else while (b < text.length && isLetterUnit(text.charCodeAt(b))) b++;
  if (a === b || b - a > 12 || !mayBePhoneNumberWordAt(text, a, b)) return false;
  return phoneNumberWord(text.slice(a, b)) !== undefined;
}


/**
 * The pass's pre-check: some typed digit group with a phone's number word right before or after it (a few
 * spaces, commas or dashes between); a word is read only beside a digit group.
 */
function firstWordedGroup(text: string): { from: number; to: number } | null {
  DIGIT_RUN.lastIndex = 0;
  for (let m = DIGIT_RUN.exec(text); m; m = DIGIT_RUN.exec(text)) {
    if (numberWordAround(text, m.index, -1) || numberWordAround(text, m.index + m[0].length, 1)) {
      // (the stretches to read: from a little before this group to the last digit group of the text)
      let to = m.index + m[0].length;
      for (let n = DIGIT_RUN.exec(text); n; n = DIGIT_RUN.exec(text)) to = n.index + n[0].length;
      return { from: Math.max(0, m.index - WORDS_BEFORE), to };
    }
  }
  return null;
}
/** How far before its first typed group a stretch's words may start ("صفر نهصد و سیزده، ": under 40 characters). */
const WORDS_BEFORE = 96;
const NONE: ReadonlySet<string> = new Set();
const AND = new Set(['و', 'o', 'va']);
const SEPARATOR = /[\s,،\-–.]/;
const CUE = /(?:رقم|رقمی|جوال|جوالی|موبایل|موبایلم|موبایل|تلفن|تلفون|تلفونی|هاتف|هاتفی|شماره|شمارم|شمارمو|اتصل|کلمنی|دق|زنگ|واتس|shomare|shomaram|shomarm|shomareh|mobile|mobilam|mobail|tel|phone|number|call|whatsapp|nomre|nomrem)[^.!?؟\n]{0,40}$/iu;

interface Token {
  start: number;
  end: number;
  digits: string;
  word: boolean;
}

/** The next word of the folded text at `i` (letters only) and where it ends. */
function wordAt(f: string, i: number): { w: string; end: number } {
  let j = i;
  while (j < f.length && isLetterUnit(f.charCodeAt(j))) j++;
  return { w: f.slice(i, j), end: j };
}

function skipSeparators(f: string, i: number): number {
  while (i < f.length && SEPARATOR.test(f[i]!)) i++;
  return i;
}

/** A number word's value and how many digits it gives (a hundred's three, a ten's or a teen's two, a digit's one). */
function part(w: string): [number, number] | null {
  const v = phoneNumberWord(w);
  return v === undefined ? null : [v, v >= 100 ? 3 : v >= 10 ? 2 : 1];
}
const isTen = (v: number): boolean => v >= 20 && v < 100 && v % 10 === 0;

/** A number word or compound at `i` ("نهصد و سیزده", "bist o panj", "خمسه"): its digits and end, or null. */
function compoundAt(f: string, i: number): Token | null {
  const first = wordAt(f, i);
  if (!first.w) return null;
  const p = part(first.w);
  if (!p) return null;
  const width = p[1];
  let value = p[0];
  let end = first.end;
  // "و"/"o"/"va" joins a smaller part: hundreds + tens/teens/units, tens + units
  let room = width === 3 ? 2 : isTen(value) ? 1 : 0;
  while (room > 0) {
    let k = end;
    while (k < f.length && /\s/.test(f[k]!)) k++;
    let and = wordAt(f, k);
    let after: number;
    if (AND.has(and.w)) after = and.end;
    else if (f[k] === 'و' && and.w.length > 1) after = k + 1; // "وسیزده"
    else break;
    while (after < f.length && /\s/.test(f[after]!)) after++;
    and = wordAt(f, after);
    const q = part(and.w);
    if (!q || q[1] > room || (q[1] === 2 && room === 1)) break;
    value += q[0];
    end = and.end;
    room = isTen(q[0]) ? 1 : 0;
  }
  const digits = width === 1 ? String(value) : String(value).padStart(width, '0');
  return { start: i, end, digits, word: true };
}

function digitsAt(f: string, i: number): Token | null {
  let j = i;
  let d = '';
  while (j < f.length && digitValue(f.charCodeAt(j)) >= 0) d += String(digitValue(f.charCodeAt(j++)));
  return d ? { start: i, end: j, digits: d, word: false } : null;
}

/** Where the customers of these languages live: a national number of theirs is whole with its trunk zero. */
const REGIONS = ['IR', 'AF', 'PK', 'SA', 'AE', 'IQ', 'JO', 'EG'];

/** The tokens' digits are a whole number: national (trunk zero, ten digits or more, valid in one of the regions) or international. */
function wholeNumber(tokens: readonly Token[]): boolean {
  const d = tokens.map((t) => t.digits).join('');
  if (d.length >= 10 && d.startsWith('0') && REGIONS.some((r) => validLocal(r, d))) return true;
  return d.length >= 11 && !d.startsWith('0') && checkInternational(d) === 'valid';
}

/** The spans with each phone dictated in words and digits placed as one PHONE. */
export function withWordedPhones(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  const near = firstWordedGroup(text);
  if (!near) return spans;
  const f = fold(text);
  let out = spans;
  let i = near.from;
  // (a stretch holds a typed group: none starts after the last one)
  while (i < near.to) {
    // a stretch starts at a word's or a digit run's start
    const boundary = i === 0 || !isLetterOrNumberUnit(f.charCodeAt(i - 1));
    const t0 = boundary ? (compoundAt(f, i) ?? digitsAt(f, i)) : null;
    if (!t0) {
      i++;
      continue;
    }
    const tokens: Token[] = [t0];
    let k = t0.end;
    for (;;) {
      // groups stand apart: a space, a comma, a dash between them
      const n = skipSeparators(f, k);
      // (a dot with a space or another dot is a sentence's end: "+۹۸۹۱۹… .. سه روزه")
      if (n === k || /\.(?:\s|\.)/.test(f.slice(k, n))) break;
      const t = compoundAt(f, n) ?? digitsAt(f, n);
      if (!t) break;
      tokens.push(t);
      k = t.end;
    }
    // a number word beside a number that is whole without it is the sentence's ("شماره همسایه ۰۹۹۱۱۲۰۲۶۱۶ سه روزه…":
    // "three days"), not a digit of it
    while (tokens.length > 1 && tokens[tokens.length - 1]!.word && wholeNumber(tokens.slice(0, -1))) tokens.pop();
    while (tokens.length > 1 && tokens[0]!.word && wholeNumber(tokens.slice(1))) tokens.shift();
    // nor after a phone the typed readers found ("… ٢٢٣ ٥٤١٩ ده مش رقمي": Egyptian "this", "0300-1234567 se call":
    // Urdu "from"); words before a found part of one stay its digits ("صفر خمسه سته ٧٣١ ٨٤٠ ٢٩")
    let lastTyped = tokens.length - 1;
    while (lastTyped >= 0 && tokens[lastTyped]!.word) lastTyped--;
    const firstTyped = tokens.findIndex((t) => !t.word);
    if (lastTyped >= 0 && lastTyped < tokens.length - 1 && spans.some((sp) => sp.type === 'PHONE' && sp.start <= tokens[firstTyped]!.start && sp.end >= tokens[lastTyped]!.end)) {
      tokens.length = lastTyped + 1;
    }
    const words = tokens.filter((t) => t.word).length;
    const typed = tokens.length - words;
    const digits = tokens.map((t) => t.digits).join('');
    const start = tokens[0]!.start;
    const end = tokens[tokens.length - 1]!.end;
    if (words >= 1 && typed >= 1 && digits.length >= 9 && digits.length <= 13) {
      const cued = CUE.test(f.slice(Math.max(0, start - 48), start));
      if (cued || digits.startsWith('0')) out = placeSpan(out, { type: 'PHONE', start, end, confidence: 0.7 }, NONE);
    }
    i = Math.max(end, i + 1);
  }
  return out;
}
