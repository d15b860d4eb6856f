/**
 * Values dictated as words, as voice-note transcripts and customers reading a number aloud write them: "five nine
 * two ... two zero four", "واحد صفر ثلاثة تسعة", "صفر نه یک دو", "wa7ed talata", "double five", "oh" for zero,
 * "twelve twenty seven" (teens and tens read in pairs). A run of such words becomes the digits it says, in a copy
 * of the message the detectors read as if the customer had typed them (`rewriteSpoken`), with a map back.
 *
 * Only digit words make a run: a word for a hundred or a thousand next to it makes it an amount ("two thousand
 * five hundred"), and a run needs two words and three digits ("one or two days", "three items" stay words).
 */
import { readerSteps } from './reader-steps';
import { DIGIT_CLASS, digitValue, LETTER_VARIANTS } from '../text/fold';
import { foldKeyword } from './detection-text';

const DOUBLE = -2;
const TRIPLE = -3;
/** "hundred", "الف", "هزار": the run is an amount, not a value read digit by digit. */
const AMOUNT = -4;
/** "uh", "يعني": a pause between groups. */
const FILLER = -5;
/** "oh": zero, but only beside other digit words. */
const OH = -6;

/** English number words up to ninety, also read whole (with hundreds and thousands) by `worded-numbers.ts`. */
export const ENGLISH_NUMBERS: ReadonlyArray<readonly [number, string]> = [
  [0, 'zero'], [1, 'one'], [2, 'two'], [3, 'three'], [4, 'four'], [5, 'five'], [6, 'six'], [7, 'seven'], [8, 'eight'], [9, 'nine'],
  [10, 'ten'], [11, 'eleven'], [12, 'twelve'], [13, 'thirteen'], [14, 'fourteen'], [15, 'fifteen'], [16, 'sixteen'], [17, 'seventeen'],
  [18, 'eighteen'], [19, 'nineteen'], [20, 'twenty'], [30, 'thirty'], [40, 'forty fourty'], [50, 'fifty'], [60, 'sixty'], [70, 'seventy'],
  [80, 'eighty'], [90, 'ninety'],
];

const WORDS = new Map<string, number>();
const put = (value: number, words: string): void => {
  for (const w of words.split(/\s+/)) if (w) WORDS.set(foldKeyword(w), value);
};
// English, French (Maghrebi French-switched), Arabizi and Finglish; Arabic (Gulf, Egyptian, Levantine, Maghrebi,
// MSA) and Persian (Iran, Dari). Arabic-script spellings are folded (ة → ه, ی → ي, أ → ا) before the look-up.
put(0, 'zéro sifr sefr sfr siphr صفر زيرو');
put(1, 'un wa7ed wahed wahid wa7id wa7d yek yak واحد وحده یک یه');
put(2, 'deux etnen etneen etnein itnein itnen ithnein tnen tneen do dow doo اثنين اثنان اتنين تنين ثنين جوج زوج دو');
put(3, 'trois talata tlata thalatha talateh tlateh se seh ثلاثه ثلاث تلاته تلات سه');
put(4, 'quatre arba3a arba3 arbaa reb3a arb3a chahar chahar chaar char اربعه اربع ربعه چهار چار');
put(5, 'cinq khamsa khamse 5amsa khamseh panj خمسه خمس پنج');
put(6, 'setta sitta sette sitteh shesh shish سته ست شش شیش');
put(7, 'sept sab3a saba3a seb3a sab3ah haft سبعه سبع هفت');
put(8, 'huit tamanya tamanye tamania thamanya tmenya tmanya thamaniya tamaniya hasht ثمانيه ثماني ثمان تمانيه تماني تمنيه ثمنيه هشت');
put(9, 'niner neuf tes3a tis3a tes3ah tis3ah noh nuh تسعه تسع تسعود نه');
for (const [value, words] of ENGLISH_NUMBERS) put(value, words);
/**
 * Arabic ten to nineteen ("صفر عشرة", "صفر حداشر": an Egyptian mobile's 010/011 prefix) are digit words only right
 * after a zero: elsewhere they are counts ("خمسة عشرة يوم").
 */
const AFTER_ZERO_ONLY = new Set<string>();
for (const [value, words] of [[10, 'عشره عشرة'], [11, 'حداشر احداشر'], [12, 'اتناشر اطناشر'], [15, 'خمستاشر خمسطاشر']] as const) {
  put(value, words);
  for (const w of words.split(' ')) AFTER_ZERO_ONLY.add(foldKeyword(w));
}
/**
 * Arabic tens ("سبعين", "تمانين"): a Levantine or Gulf reader says a phone's first pair as one number ("سبعين تلاتة
 * تسعة…" is 70 3 9…); a unit after them is the next digit, never the same number (that is "تلاتة وسبعين").
 */
const ARABIC_TENS = new Set<string>();
for (const [value, words] of [[20, 'عشرين'], [30, 'ثلاثين تلاتين'], [40, 'اربعين ربعين'], [50, 'خمسين'], [60, 'ستين'], [70, 'سبعين'], [80, 'ثمانين تمانين'], [90, 'تسعين']] as const) {
  put(value, words);
  for (const w of words.split(' ')) ARABIC_TENS.add(foldKeyword(w));
}
// digits typed one by one between spaces ("its 8 1 7", "٢ ٦ ٢ ٤") read as the value they spell, like the words
for (let d = 0; d <= 9; d++) put(d, String(d));
// (Gulf, Levantine and Persian voice notes borrow the English words: "دبل سبعة", "دوبل یک")
put(DOUBLE, 'double dabal dabel dubel دبل دابل دوبل');
put(TRIPLE, 'triple tripl تريبل تربل تريپل تریپل');
put(OH, 'oh');
put(FILLER, 'uh uhh um umm uhm er erm ah eh hmm ee eee euh يعني اه ااه ام امم اممم ممم ايه یعنی اوم خب');
put(AMOUNT, 'hundred hundreds thousand thousands million cent cents mille meya miya alf sad hezar مية مئه ميه مائه ميت ميتين مئتين الف الاف مليون صد هزار میلیون');

/** Where each run's words start and end in the original text, its groups and their digits. */
export interface SpokenRun {
  start: number;
  end: number;
  /**
   * Per group: [start, end) in the original text and the digits it says; `joined` when only a hesitation stands
   * between it and the group before ("واحد صفر امم اثنين"): masked apart as said, read on as one value; `slash`
   * when a slash stands before it in a date whose OCR'd letters were read ("1985/O3/2l"): written back with it.
   */
  groups: Array<{ start: number; end: number; digits: string; joined?: boolean; slash?: boolean }>;
}

/** Each folded letter as the class of the letters that fold to it ("ه" → "[هةۀە]"), for a pattern over unfolded text. */
const VARIANTS = new Map<string, string>();
for (const [from, to] of LETTER_VARIANTS) VARIANTS.set(String.fromCharCode(to), (VARIANTS.get(String.fromCharCode(to)) ?? String.fromCharCode(to)) + String.fromCharCode(from));
/** A folded word as a pattern over unfolded text. */
const wordPattern = (w: string): string => [...w].map((ch) => (VARIANTS.has(ch) ? `[${VARIANTS.get(ch)!}]` : ch)).join('');
const isLatinWord = (w: string): boolean => /^[a-z0-9\u00e0-\u00ff]+$/.test(w);
const alternation = (latin: boolean): string =>
  [...WORDS]
    .filter(([w, v]) => v !== AMOUNT && v !== FILLER && !(w.length === 1 && v >= 0) && isLatinWord(w) === latin)
    .map(([w]) => wordPattern(w))
    .sort((x, y) => y.length - x.length)
    .join('|');
const LATIN_WORDS = alternation(true);
const ARABIC_WORDS = alternation(false);
/** Between two digit words: a space, a comma, "..", a line break, and a hesitation ("واحد امم صفر"). */
export const FILLERS = [...WORDS].filter(([, v]) => v === FILLER).map(([w]) => wordPattern(w)).join('|');
/** The letters a filler may start with, as a class (a pattern tests it before trying the words) and as a set. */
const FILLER_FIRST_LETTERS = [...new Set([...WORDS].filter(([, v]) => v === FILLER).flatMap(([w]) => [...(VARIANTS.get(w[0]!) ?? w[0]!)]))];
export const FILLER_START = `[${FILLER_FIRST_LETTERS.join('')}]`;
const FILLER_FIRST: ReadonlySet<number> = new Set([...FILLER_FIRST_LETTERS, ...FILLER_FIRST_LETTERS.map((c) => c.toUpperCase())].map((c) => c.charCodeAt(0)));
const GAP = String.raw`(?:[ \u00a0,،\n-]|\.\.)[ \u00a0,،.\n…]*(?:(?:${FILLERS})[ \u00a0,،.\n…]+)?`;
// one branch per script: the engine tries the Latin words only where a Latin letter follows the space
// ("واثنين وثلاثة": the Arabic "and" written onto the words)
const PAIR_SOURCE = String.raw`(?:${LATIN_WORDS})${GAP}(?:${LATIN_WORDS})(?![A-Za-z])|و?(?:${ARABIC_WORDS})${GAP}و?(?:${ARABIC_WORDS})(?![\u0621-\u06d3])`;
// (up to three spaces between them, as SAME_GROUP reads them: "6  1  9  4")
const DIGIT = `[${DIGIT_CLASS}]`;
const TYPED_SINGLES = `${DIGIT} {1,3}${DIGIT} {1,3}${DIGIT}(?!${DIGIT})`;
/**
 * The cheap first test every message takes: two digit words in a row, or three digits typed one by one. It starts
 * with a space, which the regular-expression engine finds with a fast scan before trying any word (about 4 % of the
 * detector's time on the PII kit's messages; a loop over the units costs about twice that).
 */
const PAIR_AFTER_SPACE = new RegExp(`[ \\u00a0\\n](?:${PAIR_SOURCE}|${TYPED_SINGLES})`, 'i');
const PAIR_AT_START = new RegExp(`(?:${PAIR_SOURCE}|${TYPED_SINGLES})`, 'iy');

export function maySpeakDigits(text: string): boolean {
  PAIR_AT_START.lastIndex = 0;
  return PAIR_AFTER_SPACE.test(text) || PAIR_AT_START.test(text);
}

/** Letters of a word: Latin, Latin-1 accents, the Arabic block's letters and marks, ZWNJ; digits (Arabizi "wa7ed", and digits typed one by one). */
const WORD_UNIT = new Uint8Array(0x10000);
for (let c = 0x30; c <= 0x39; c++) WORD_UNIT[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) WORD_UNIT[c] = WORD_UNIT[c + 0x20] = 1;
for (let c = 0xc0; c <= 0xff; c++) if (c !== 0xd7 && c !== 0xf7) WORD_UNIT[c] = 1;
for (let c = 0x621; c <= 0x6d3; c++) if (!(c >= 0x66a && c <= 0x66d)) WORD_UNIT[c] = 1;
for (let c = 0x6f0; c <= 0x6f9; c++) WORD_UNIT[c] = 1;
for (const c of [0x640, 0x670, 0x6a9, 0x6af, 0x6cc, 0x200c]) WORD_UNIT[c] = 1;

interface Token {
  start: number;
  end: number;
  value: number;
  /** An Arabic tens word: read whole, the unit after it a digit of its own. */
  tens?: boolean;
}

/** Length of a hesitation word ("um", "يعني", "ee") standing alone at `i`, 0 if none. */
export function fillerAt(text: string, i: number): number {
  if (!FILLER_FIRST.has(text.charCodeAt(i)) || WORD_UNIT[text.charCodeAt(i - 1)]) return 0;
  let e = i;
  while (e < text.length && e - i < 8 && WORD_UNIT[text.charCodeAt(e)]) e++;
  if (e === i || WORD_UNIT[text.charCodeAt(e)]) return 0;
  return WORDS.get(foldKeyword(text.slice(i, e))) === FILLER ? e - i : 0;
}

/** Between two digit words of one group: spaces and a hyphen ("twenty-seven", "five-nine-two"). */
const SAME_GROUP = /^(?:[ \u00a0]{1,3}|-)$/;
/** Between two groups of one value: a comma, "..", "…", a dash or slash between spaces, a line break. */
const NEXT_GROUP = /^[ \u00a0]*(?:[,،;؛/|]|\.{2,}|…|\n+| - | – )[ \u00a0\n]*$/;

function tokens(text: string): Token[] {
  const out: Token[] = [];
  const len = text.length;
  let i = 0;
  while (i < len) {
    if (!WORD_UNIT[text.charCodeAt(i)]) {
      i++;
      continue;
    }
    readerSteps.count++;
    const ws = i;
    while (i < len && WORD_UNIT[text.charCodeAt(i)]) i++;
    const w = foldKeyword(text.slice(ws, i));
    let v = WORDS.get(w);
    // "واثنين وثلاثة": the Arabic "and" written onto a digit word ("واحد" is itself a word)
    if (v === undefined && w.length > 2 && w.charCodeAt(0) === 0x648) {
      const rest = WORDS.get(w.slice(1));
      if (rest !== undefined && rest >= 0 && rest <= 9) v = rest;
    }
    if (v !== undefined && AFTER_ZERO_ONLY.has(w) && out[out.length - 1]?.value !== 0) v = undefined;
    if (v === undefined || ARABIC_TENS.has(w)) {
      const unitAndTens = unitAndTensBefore(text, out, w, ws);
      if (unitAndTens) {
        out.push({ ...unitAndTens, end: i });
        continue;
      }
    }
    out.push({ start: ws, end: i, value: v ?? NaN, ...(v !== undefined && ARABIC_TENS.has(w) ? { tens: true } : {}) });
  }
  return out;
}

/**
 * "اثنين و عشرين", "تلاتة وتلاتين": a unit, "and" (a word of its own or written onto the tens) and a tens word are one
 * number, as Maghrebi and Levantine readers say a phone's pairs ("زيرو ستة سبعين اثنين و عشرين …" is 06 70 22 …). The
 * tokens it replaces are taken off `out`; null when the words before `w` are no unit and "and".
 */
function unitAndTensBefore(text: string, out: Token[], w: string, ws: number): Token | null {
  const attached = !ARABIC_TENS.has(w);
  if (attached && !(w.length > 2 && w.charCodeAt(0) === 0x648 && ARABIC_TENS.has(w.slice(1)))) return null;
  const tens = WORDS.get(attached ? w.slice(1) : w)!;
  const and = attached ? undefined : out[out.length - 1];
  if (and && !(and.end - and.start === 1 && text.charCodeAt(and.start) === 0x648 && /^[ \u00a0]{1,2}$/.test(text.slice(and.end, ws)))) return null;
  const unit = out[out.length - (attached ? 1 : 2)];
  if (!unit || unit.tens || !(unit.value >= 1 && unit.value <= 9) || !/^[ \u00a0]{1,2}$/.test(text.slice(unit.end, and ? and.start : ws))) return null;
  out.length -= attached ? 1 : 2;
  return { start: unit.start, end: ws, value: unit.value + tens, tens: true };
}

const isDigitWord = (v: number): boolean => v >= 0 || v === DOUBLE || v === TRIPLE || v === OH;

/** The digits of one group's words, or null when they do not read as digits ("double" at the end). */
function groupDigits(words: Token[], clock: boolean): string | null {
  let out = '';
  /** Where the pairs read ("twelve", "twenty seven") start in `out`. */
  const pairs: number[] = [];
  let repeat = 1;
  for (let k = 0; k < words.length; k++) {
    const v = words[k]!.value;
    if (v === DOUBLE || v === TRIPLE) {
      repeat = -v;
      continue;
    }
    if (v >= 10) {
      pairs.push(out.length);
      const unit = words[k + 1]?.value ?? 0;
      out += String(v % 10 === 0 && v >= 20 && unit >= 1 && unit <= 9 && !words[k]!.tens ? v + words[++k]!.value : v);
    } else out += (v === OH ? '0' : String(v)).repeat(repeat);
    repeat = 1;
  }
  if (repeat !== 1) return null;
  // "twelve twenty seven", "oh nine twenty eight": a month and a year read as pairs, typed 12/27 (not a time: "at ten thirty")
  const last = pairs[pairs.length - 1];
  if (!clock && out.length === 4 && last === 2 && +out.slice(0, 2) >= 1 && +out.slice(0, 2) <= 12 && +out.slice(2) >= 20 && +out.slice(2) <= 49) return `${out.slice(0, 2)}/${out.slice(2)}`;
  return out;
}

/** Words before a time read in pairs ("at ten thirty", "الساعة عشرة"). */
const CLOCK_WORDS: ReadonlySet<string> = new Set(['at', 'around', 'about', 'by', 'till', 'until', 'الساعه', 'ساعه', 'ساعت'].map(foldKeyword));

/** Runs of digit words in `text` (none that read as an amount, a count or two words alone). */
export function spokenRuns(text: string): SpokenRun[] {
  const toks = tokens(text);
  const runs: SpokenRun[] = [];
  let k = 0;
  while (k < toks.length) {
    if (!isDigitWord(toks[k]!.value)) {
      k++;
      continue;
    }
    // groups of digit words; a filler or a group separator starts the next group
    const groups: Token[][] = [[toks[k]!]];
    /** Groups opened by a hesitation between words, not after a comma or a pause. */
    const hesitated = new Set<number>();
    let amount = k > 0 && toks[k - 1]!.value === AMOUNT && SAME_GROUP.test(text.slice(toks[k - 1]!.end, toks[k]!.start));
    let j = k + 1;
    for (; j < toks.length; j++) {
      readerSteps.count++;
      const t = toks[j]!;
      const prev = toks[j - 1]!;
      const gap = text.slice(prev.end, t.start);
      if (t.value === AMOUNT && SAME_GROUP.test(gap)) amount = true;
      if (t.value === FILLER && (SAME_GROUP.test(gap) || NEXT_GROUP.test(gap)) && j + 1 < toks.length && isDigitWord(toks[j + 1]!.value)) {
        groups.push([]);
        if (SAME_GROUP.test(gap)) hesitated.add(groups.length - 1);
        continue;
      }
      if (!isDigitWord(t.value)) break;
      if (prev.value === FILLER || SAME_GROUP.test(gap)) groups[groups.length - 1]!.push(t);
      else if (NEXT_GROUP.test(gap) && gap.length <= 6) groups.push([t]);
      else break;
    }
    const start = k;
    k = j;
    if (amount) continue;
    const out: SpokenRun['groups'] = [];
    let words = 0;
    let digits = 0;
    const clock = start > 0 && CLOCK_WORDS.has(foldKeyword(text.slice(toks[start - 1]!.start, toks[start - 1]!.end)));
    for (const [gi, g] of groups.entries()) {
      if (!g.length) continue;
      const d = groupDigits(g, clock);
      if (d === null) {
        out.length = 0;
        break;
      }
      words += g.length;
      digits += d.replace(/[^0-9]/g, '').length;
      out.push({ start: g[0]!.start, end: g[g.length - 1]!.end, digits: d, ...(hesitated.has(gi) && out.length ? { joined: true } : {}) });
    }
    // (round 35: two digit words between typed groups, "٠٥٠ سبعة سبعة ٤١٢ ٣٣٨", are that number's digits: the typed
    // groups beside them make the value, read with them once the words are written in digits)
    if (out.length && words >= 2 && (digits >= 3 || typedBeside(text, out[0]!.start, out[out.length - 1]!.end))) runs.push({ start: out[0]!.start, end: out[out.length - 1]!.end, groups: out });
  }
  return runs;
}

/** A group of typed digits right before and right after a run, one space apart: the run is part of a typed number. */
function typedBeside(text: string, start: number, end: number): boolean {
  const digitAt = (i: number): boolean => i >= 0 && i < text.length && digitValue(text.charCodeAt(i)) >= 0;
  const space = (i: number): boolean => text[i] === ' ' || text[i] === '\u00a0';
  return space(start - 1) && digitAt(start - 2) && space(end) && digitAt(end + 1);
}

/** The message with each run written in digits (groups apart by a space), and per unit of it the original range. */
export interface Rewritten {
  text: string;
  /** Original start and end (exclusive) of each unit of `text`. */
  from: Int32Array;
  to: Int32Array;
}

export function rewriteSpoken(text: string, runs: readonly SpokenRun[]): Rewritten {
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  let last = 0;
  const keep = (a: number, b: number): void => {
    out += text.slice(a, b);
    for (let i = a; i < b; i++) {
      from.push(i);
      to.push(i + 1);
    }
  };
  for (const run of runs) {
    keep(last, run.start);
    run.groups.forEach((g, n) => {
      if (n && !g.joined) {
        const prev = run.groups[n - 1]!;
        out += g.slash ? '/' : ' ';
        from.push(prev.end);
        to.push(g.start);
      }
      out += g.digits;
      for (let i = 0; i < g.digits.length; i++) {
        from.push(g.start);
        to.push(g.end);
      }
    });
    last = run.end;
  }
  keep(last, text.length);
  return { text: out, from: Int32Array.from(from), to: Int32Array.from(to) };
}
