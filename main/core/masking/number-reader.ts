/**
 * The number-token reader: every run of number tokens in a message read as one candidate value, whatever it is
 * written in — digits of any script, digit words and whole numbers in words (`spoken-digits.ts`,
 * `worded-numbers.ts`), keycap emoji ("4️⃣8️⃣1️⃣"), and letters an OCR'd screenshot or a slip of the finger puts
 * inside a digit run (O/o for 0, l/I for 1, S for 5, B for 8) — with any separators between its tokens (spaces,
 * dashes, dots, ellipses, commas of dictation, slashes, pictographs, line breaks, direction and zero-width marks).
 *
 * Each candidate carries its digits as typed and normalised and its groups; `cuesAround` gives the cue words on
 * either side of it. The detectors read the message with every candidate they cannot read as typed written out in
 * ASCII digits (`readAsDigits`), so one classifier (`detect.ts`) decides every value's type from its digits, their
 * checksum and shape, the cues around it and its neighbours, however it was written.
 */
import { digitValue } from '../text/fold';
import { luhnValid } from './checksums';
import { inChatPrefix, nextMessageBySameWriter } from './chat-export';
import { numberCueAfter, numberCueBefore } from './context';
import { normalise } from './detection-text';
import { readerSteps } from './reader-steps';
import type { Cue } from './lexicon';
import { fillerAt, FILLER_START, FILLERS, maySpeakDigits, rewriteSpoken, spokenRuns, type Rewritten, type SpokenRun } from './spoken-digits';
import { mayHaveWordedNumbers, wordedNumberRuns } from './worded-numbers';

export interface NumberCandidate extends SpokenRun {
  /** Per group as in `SpokenRun`; `apart` when it is masked apart from the group before (it is in the next message of a chat export). */
  groups: Array<SpokenRun['groups'][number] & { apart?: boolean }>;
  /** The value's digits, ASCII, separators left out. */
  digits: string;
  /** How its tokens were written: all digits (some of them OCR'd letters or keycaps), or words among them. */
  written: 'digits' | 'words';
  /** Typed digits the typed reader of `detect.ts` reads as they stand (nothing to rewrite). */
  plain: boolean;
}

/** OCR's and typists' usual slips inside a digit run (O/o for 0, l/I for 1, S for 5, B for 8): the digit, or -1. */
function confusable(c: number): number {
  switch (c) {
    case 0x4f: case 0x6f: return 0;
    case 0x6c: case 0x49: return 1;
    case 0x53: return 5;
    case 0x42: return 8;
    default: return -1;
  }
}
const KEYCAP = 0x20e3;
const VS16 = 0xfe0f;

/** The digit a unit stands for in a run (a digit of any script or a confusable letter), or -1. */
function tokenUnit(c: number): number {
  const d = digitValue(c);
  return d >= 0 ? d : confusable(c);
}

/** Length of a keycap's tail ("\ufe0f\u20e3" or "\u20e3") at `i`, 0 if none. */
function keycapTail(s: string, i: number): number {
  if (s.charCodeAt(i) === KEYCAP) return 1;
  return s.charCodeAt(i) === VS16 && s.charCodeAt(i + 1) === KEYCAP ? 2 : 0;
}

function isPictograph(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd83c && c <= 0xd83e && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) return s.charCodeAt(i + 2) === VS16 ? 3 : 2;
  if ((c >= 0x2600 && c <= 0x27bf) || (c >= 0x2b00 && c <= 0x2bff)) return s.charCodeAt(i + 1) === VS16 ? 2 : 1;
  return 0;
}

/** Units a separator between two tokens may hold besides one pictograph: spaces, marks, dashes, dots, commas (the Arabic thousands separator too), slashes, a line break. */
function separatorUnit(c: number): boolean {
  switch (c) {
    case 0x20: case 0xa0: case 0x2009: case 0x202f: case 0x200b: case 0x200c: case 0x200d: case 0x200e: case 0x200f: case 0x061c:
    case 0x2066: case 0x2067: case 0x2068: case 0x2069: case 0x2d: case 0x2013: case 0x2e: case 0x2026: case 0x2c: case 0x060c: case 0x066c:
    case 0x2f: case 0x5f: case 0x0a:
      return true;
    default:
      return false;
  }
}

const MAX_SEPARATOR = 6;

interface Token {
  start: number;
  end: number;
  /** How many digits it stands for (its OCR'd letters among them); `tokenDigits` spells them when a run is kept. */
  units: number;
  /** OCR'd letters in it, and whether one stands at its edge. */
  letters: number;
  edge: boolean;
  keycaps: boolean;
  /** Masked apart from the token before it (in the next message of a chat export). */
  apart?: boolean;
}

function digitRunLength(s: string, i: number): number {
  let k = i;
  while (digitValue(s.charCodeAt(k)) >= 0) k++;
  return k - i;
}

function isLowerLatin(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

function isLatinLetter(c: number): boolean {
  return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
}

/** The token of digits, confusable letters and keycaps at `i` (which holds a digit), or null when it is part of a word. */
function tokenAt(s: string, i: number): Token | null {
  let start = i;
  // confusable letters right before the first digit ("O55", "l055…"), unless they end a word ("KFHO93…") or a capital
  // opens a long number (the letter of a passport, "B56473256")
  while (start > 0 && confusable(s.charCodeAt(start - 1)) >= 0) start--;
  if (start < i && ((start > 0 && isLatinLetter(s.charCodeAt(start - 1))) || (s.charCodeAt(start) < 0x61 && digitRunLength(s, i) >= 7))) start = i;
  let end = start;
  let units = 0;
  let letters = 0;
  let keycaps = false;
  let edge = false;
  for (;;) {
    const c = s.charCodeAt(end);
    const d = tokenUnit(c);
    if (d < 0) break;
    if (digitValue(c) < 0) {
      letters++;
      if (end === start) edge = true;
    }
    units++;
    end++;
    const tail = keycapTail(s, end);
    if (tail) {
      keycaps = true;
      end += tail;
    }
  }
  while (end > start && digitValue(s.charCodeAt(end - 1)) < 0 && s.charCodeAt(end - 1) !== KEYCAP) {
    // a letter that ends the token and starts a word ("123 Oak") is the word's
    if (!isLatinLetter(s.charCodeAt(end))) break;
    end--;
    letters--;
    units--;
  }
  if (letters && digitValue(s.charCodeAt(end - 1)) < 0 && s.charCodeAt(end - 1) !== KEYCAP) edge = true;
  // digits inside a word written in Latin letters ("tes3a", "wa7ed", "09134422504e") are the word's; a capital or two
  // before them open a value ("N048271S3", "IR39 …")
  if (isLowerLatin(s.charCodeAt(end)) || isLowerLatin(s.charCodeAt(start - 1))) return null;
  return { start, end, units, letters, edge, keycaps };
}

/** A token's digits in ASCII: the text itself when it is ASCII digits alone, else read unit by unit. */
function tokenDigits(s: string, t: Token): string {
  let ascii = !t.letters && !t.keycaps;
  for (let k = t.start; ascii && k < t.end; k++) ascii = s.charCodeAt(k) <= 0x39;
  if (ascii) return s.slice(t.start, t.end);
  let digits = '';
  for (let k = t.start; k < t.end && digits.length < t.units; k++) {
    const d = tokenUnit(s.charCodeAt(k));
    if (d >= 0) digits += String(d);
  }
  return digits;
}

/**
 * Runs of typed tokens. `plain` ones are what the typed reader of `detect.ts` reads as it stands; the others hold an
 * OCR'd letter ("4O54 4855 …", "l055O85698"), keycaps, ellipses ("0553...841...927") or a pictograph ("4462 4528 🙏
 * 0951 1765", "+93 70 📞 552 9013") between groups. A letter is read as a digit only inside a run that is otherwise
 * digits: at most one letter for two digits in its token, and one at a token's edge only in a run of six digits or
 * more ("B747", "S10" stay what they are).
 */
/**
 * Where a digit may stand: ASCII, Arabic-Indic and Persian digits, every unit from U+07C0 (NKo, the first of the
 * other scripts' decimal digits) up to the surrogates, and full-width digits. Five ranges keep the engine's fast scan
 * over Latin, Arabic and Persian text, which a class of all 37 scripts' ranges (`DIGIT_CLASS`) loses (the typed reader
 * took about a third longer, the cheap test below a fifth); whoever needs a digit checks the unit with `digitValue`.
 */
const MAY_BE_DIGIT_CLASS = '[0-9\\u0660-\\u0669\\u06f0-\\u06f9\\u07c0-\\ud7ff\\uff10-\\uff19]';
const MAY_BE_DIGIT = new RegExp(MAY_BE_DIGIT_CLASS, 'g');

/**
 * Tokens of a date apart by single slashes, each two digits or a year's four, whose letters are only O or o (an OCR's
 * or a typist's zero, one in a two-digit token too) or l or I (an OCR's one): "1407/O8", "O8/29", "1985/O3/2l". A
 * letter there is no word's.
 */
const DATE_OCR_LETTERS: ReadonlySet<number> = new Set([0x4f, 0x6f, 0x6c, 0x49]);
function slashDate(s: string, toks: readonly Token[]): boolean {
  if (toks.length < 2 || toks.length > 3) return false;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.units !== 2 && t.units !== 4) return false;
    if (k && (t.start !== toks[k - 1]!.end + 1 || s.charCodeAt(t.start - 1) !== 0x2f)) return false;
    for (let i = t.start; i < t.end; i++) if (digitValue(s.charCodeAt(i)) < 0 && !DATE_OCR_LETTERS.has(s.charCodeAt(i))) return false;
  }
  return true;
}

function typedRuns(s: string, plainToo: boolean): NumberCandidate[] {
  const out: NumberCandidate[] = [];
  let i = 0;
  while (i < s.length) {
    if (digitValue(s.charCodeAt(i)) < 0) {
      // (the engine finds the next digit faster than a loop over the units)
      MAY_BE_DIGIT.lastIndex = i;
      if (!MAY_BE_DIGIT.test(s)) break;
      i = MAY_BE_DIGIT.lastIndex - 1;
      if (digitValue(s.charCodeAt(i)) < 0) {
        i++;
        continue;
      }
    }
    // a chat export's timestamp is no value, nor the start of one ("3/12/26, 21:14 - 055321": only a dash between)
    const prefixEnd = inChatPrefix(s, i);
    if (prefixEnd >= 0) {
      i = prefixEnd;
      continue;
    }
    const toks: Token[] = [];
    let odd = false;
    let pauses = 0;
    let t: Token | null = tokenAt(s, i);
    if (!t) {
      while (digitValue(s.charCodeAt(i)) >= 0) i++;
      continue;
    }
    while (t) {
      readerSteps.count++;
      toks.push(t);
      let k: number = t.end;
      let dots = 0;
      let ellipsis = false;
      let lines = 0;
      let pictographs = 0;
      let commas = 0;
      while (k < s.length && k - t.end < MAX_SEPARATOR) {
        const c = s.charCodeAt(k);
        if (c === 0x2c || c === 0x060c || c === 0x066c) commas++;
        if (c === 0x2e) dots++;
        else if (c === 0x2026) ellipsis = true;
        else if (c === 0x0a) lines++;
        const p = separatorUnit(c) ? 1 : isPictograph(s, k);
        if (!p) break;
        if (p > 1 || !separatorUnit(c)) pictographs++;
        k += p;
      }
      // the next message of a chat export by the same writer ("0553\n[09:15, 4/12/2026] Chidi: 841 927")
      const message = lines === 1 && s.charCodeAt(k - 1) === 0x0a ? Math.max(0, nextMessageBySameWriter(s, t.start, k) - k) : 0;
      k += message;
      // a hesitation between groups, with separators around it ("05, um, 52", "٠٥٠، يعني، ٣٣٤", "055 uh 233")
      const filler = !message && k > t.end && lines === 0 ? fillerAt(s, k) : 0;
      let hesitation = false;
      if (filler) {
        let m = k + filler;
        while (m < s.length && m - k - filler < MAX_SEPARATOR && s.charCodeAt(m) !== 0x0a && separatorUnit(s.charCodeAt(m))) m++;
        if (m > k + filler) {
          k = m;
          hesitation = true;
        }
      }
      if (k === t.end || lines > 1 || pictographs > 1 || (dots === 1 && k - t.end > 1 && !ellipsis)) break;
      const next: Token | null = tokenUnit(s.charCodeAt(k)) >= 0 ? tokenAt(s, k) : null;
      if (!next || next.start !== k || next.units === next.letters) break;
      if (ellipsis || dots > 1 || pictographs || message || hesitation) odd = true;
      // a comma between groups of digits is a pause in dictation ("4338, 5377, 1847, 1887"), read as one
      if (message > 0) next.apart = true;
      if (message > 0 || hesitation || (commas > 0 && t.units >= 2 && next.units >= 2)) pauses++;
      t = next;
    }
    i = Math.max(i + 1, toks[toks.length - 1]!.end);
    const digits = toks.reduce((n, x) => n + x.units - x.letters, 0);
    // letters read as digits: each token otherwise digits, an edge letter only in a long run — or more of them in a
    // card's groups of four that pass Luhn as read ("6O37 99O3 l7l6\n7l26" from a photo of the card), or as the zero
    // of a month or day in a date apart by slashes ("1407/O8", "14O5/1O", "O8/29")
    if (toks.some((x) => x.letters && (x.letters * 2 > x.units - x.letters || (x.edge && digits < 6))) && !ocrCard(s, toks) && !slashDate(s, toks)) continue;
    // three groups or more said with pauses are one value for the classifier to decide on (a list of two is a list)
    const plain = !odd && pauses < 2 && !toks.some((x) => x.letters || x.keycaps);
    if (plainToo || !plain) {
      // a value its writer went on typing in the next message ("the code is 73" / "9 0 4 1") is read as its digits joined:
      // how each message spaced its part says nothing about the value's layout
      const across = toks.some((x) => x.apart);
      const groups: NumberCandidate['groups'] = toks.map((x, n) => ({ start: x.start, end: x.end, digits: tokenDigits(s, x), ...(x.apart ? { apart: true } : {}), ...(across && n ? { joined: true } : {}) }));
      // (an OCR'd date keeps its slashes when written back: "1985/O3/2l")
      if (!plain && toks.some((x) => x.letters) && slashDate(s, toks)) for (let n = 1; n < groups.length; n++) groups[n]!.slash = true;
      out.push({ start: toks[0]!.start, end: toks[toks.length - 1]!.end, digits: groups.map((g) => g.digits).join(''), written: 'digits', plain, groups });
    }
  }
  return out;
}

/**
 * An OCR'd card: three to five tokens of four (the last may be shorter), 13 to 19 units, at most two letters in each
 * token and a digit in each, whose digits as read pass Luhn — so words and codes with letters are never read as a card.
 */
function ocrCard(s: string, toks: Token[]): boolean {
  if (toks.length < 3 || toks.length > 5) return false;
  let units = 0;
  for (let k = 0; k < toks.length; k++) {
    const x = toks[k]!;
    if ((k < toks.length - 1 ? x.units !== 4 : x.units > 4) || x.letters > 2 || x.letters === x.units || x.keycaps) return false;
    units += x.units;
  }
  return units >= 13 && units <= 19 && luhnValid(toks.map((x) => tokenDigits(s, x)).join(''));
}

/**
 * The cheap test for `typedRuns`: a digit beside a confusable letter (or two: "53Ol") that stands in no Latin word, a keycap, an
 * ellipsis or a pictograph after a digit, three groups apart by commas, a chat export's next line after a digit, a
 * hesitation word between a digit and the next (or a writer's name or a header opening the next line). Every
 * branch opens with a digit (the letter before one is looked behind for), so the engine tries it only where a digit
 * stands, never at every "o" or "l" of the message (`D` is `MAY_BE_DIGIT_CLASS`: a unit of another script that is
 * no digit only makes the test say yes where the reader then finds nothing).
 */
const D = MAY_BE_DIGIT_CLASS;
const MAY_HAVE_TYPED = new RegExp(
  `${D}(?:[OolISB]{1,2}(?![A-Za-z])|\\ufe0f?\\u20e3|[ \\u00a0]?\\.\\.|…|[ \\u00a0\\u200e\\u200f]{0,3}(?:[\\u2600-\\u27bf\\u2b00-\\u2bff]|[\\ud83c-\\ud83e][\\udc00-\\udfff])|\\n(?:\\[|${D}{1,4}[/.-]${D}{1,2}[/.-]${D}{1,4}[,،]?[ \\u00a0]|${D}{1,2}[:.]${D}{2}[ \\u00a0]|[^\\n:\\[\\]]{1,40}(?::[ \\t]|[,،]?[ \\t]+\\[?${D}{1,4}[:./-]))|(?<=(?<![A-Za-z])[OolISB]{1,2}${D})|${D}[,،٬] ?${D}{2,}[,،٬] ?${D}{2}|[ ,،.]{1,3}(?=${FILLER_START})(?:${FILLERS})[ ,،.]+${D})`,
);

const digitsOf = (r: SpokenRun): string => r.groups.map((g) => g.digits.replace(/[^0-9]/g, '')).join('');

/** Later lists give way to earlier ones where they overlap: numbers read whole, then typed runs, then digit words. */
function merge(...lists: NumberCandidate[][]): NumberCandidate[] {
  const kept: NumberCandidate[] = [];
  for (const list of lists) for (const r of list) if (!kept.some((w) => r.start < w.end && w.start < r.end)) kept.push(r);
  return kept.sort((x, y) => x.start - y.start);
}

function candidates(text: string, plainToo: boolean): NumberCandidate[] {
  const digitWords = maySpeakDigits(text);
  const worded = mayHaveWordedNumbers(text, digitWords);
  const typed = plainToo || MAY_HAVE_TYPED.test(text);
  if (!digitWords && !worded && !typed) return [];
  const asWords = (r: SpokenRun): NumberCandidate => ({ ...r, digits: digitsOf(r), written: 'words', plain: false });
  return merge(worded ? wordedNumberRuns(text).map(asWords) : [], typed ? typedRuns(text, plainToo) : [], digitWords ? spokenRuns(text).map(asWords) : []);
}

/** Every run of typed number tokens in `text` (digits of any script, OCR'd letters, keycaps) with its separators. */
export function readTypedNumbers(text: string): NumberCandidate[] {
  return typedRuns(text, true);
}

/** Every candidate value in `text`, however it is written. */
export function readNumbers(text: string): NumberCandidate[] {
  return candidates(text, true);
}

/**
 * The message with each candidate the typed reader cannot read as it stands written in ASCII digits (groups apart by
 * a space), and the map back; null when there is none.
 */
export function readAsDigits(text: string): { runs: NumberCandidate[]; rewritten: Rewritten } | null {
  const runs = candidates(text, false);
  return runs.length ? { runs, rewritten: rewriteSpoken(text, runs) } : null;
}

/** The cue words right around a candidate in its clause: before it and after it (0: none). */
export function cuesAround(text: string, c: { start: number; end: number }): { before: Cue | 0; after: Cue | 0 } {
  const n = normalise(text);
  /** The first normalised unit at or after an original offset. */
  const at = (o: number): number => {
    if (!n.map) return o;
    let i = 0;
    while (i < n.text.length && n.map[i]! < o) i++;
    return i;
  };
  const a = at(c.start);
  const b = at(c.end);
  const ctx = { norm: n.text };
  return { before: numberCueBefore(ctx, a), after: numberCueAfter(ctx, b) };
}
