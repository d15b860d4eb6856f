/**
 * Dates as people give them: a day, a month and a year in any order, each typed in digits, said in number words or
 * as an ordinal, each perhaps after its own word ("سنة الف وتسعمية وخمسين، شهر ستة، يوم عشرين", "بیست و یکم اسفند
 * شصت و هفت", "1 Hamal 1369", "1995 July 31", "2052/04/15 BS"), with the month names of the one table in `dates.ts`
 * (Gregorian, Hijri, Jalali, Afghan solar, Nepali). The reader says where a date is and what its parts are; whether it
 * is a birth date is decided elsewhere (`birth-dates.ts`). It reads normalised text (ASCII digits).
 */
import { isLetterUnit } from '../text/letters';
import { MONTH_WORDS, monthNumber, numericDateValid } from './dates';
import { readerSteps } from './reader-steps';
import { isNumberWord, readCompound, words, type Word } from './worded-numbers';
import type { DetectedSpan } from './types';

export interface ReadDate {
  start: number;
  end: number;
  day?: number;
  month: number;
  year?: number;
}

type Role = 'day' | 'month' | 'year';

interface Part {
  /** Where the part starts (its own word, "شهر", included) and ends. */
  start: number;
  end: number;
  value: number;
  /** Digits typed (0: said in words, or a month name). */
  typed: number;
  /** The role its own word or its name gives it. */
  role?: Role;
  /** Its own word stands before it ("شهر ستة", "year 1990"). */
  worded?: boolean;
}

/** A part's own word (folded; Arabic with the usual "and"/"in" clitics): "سنة …", "شهر …", "يوم …", "year …". */
const ROLE_WORDS = new Map<string, Role>();
for (const [role, list] of [
  ['year', 'سنه عام سال year sal sana'],
  ['month', 'شهر ماه month mah shahr'],
  ['day', 'يوم روز day rooz yom'],
] as const) {
  for (const w of list.split(' ')) for (const p of ['', 'و', 'ب', 'في', 'ال', 'وال']) ROLE_WORDS.set(p + w, role);
}
/** English ordinal days ("first" to "third" are read by `worded-numbers.ts`; "twenty-first" is "twenty" and "first"). */
const ENGLISH_ORDINALS = new Map<string, number>(
  'fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth'
    .split(' ')
    .map((w, i) => [w, i + 4] as [string, number])
    .concat([['thirtieth', 30], ['first', 1], ['second', 2], ['third', 3]]),
);
/** Little words that may stand between two parts: "12th of March", "the fifteenth", "ماه" after a Jalali month ("دی ماه"), Spanish "de". */
const GLUE = new Set(['of', 'the', 'من', 'ماه', 'and', 'de']);
/** A calendar named after the date: "BS", "B.S.", "AD", "هـ" (its tatweel normalised away), "ه.ش", "شمسی", "هجری", "میلادی". */
// (capitals only in Latin letters: "bs" is Arabizi's "but")
const CALENDAR_AFTER = /^ {0,2}(?:B\.? ?S\.?|b\.s\.|A\.? ?D\.?|CE|ه(?: ?\. ?[شق])?|ش(?:مس[یي])?|هجر[یي](?: شمس[یي]| قمر[یي]| خورش[یي]د[یي])?|خورش[یي]د[یي]|م[یي]لاد[یي]|قمر[یي])(?![\p{L}\p{N}])/u;
/**
 * Round 32: a birth date or year the other readers found, ending in a digit, takes the calendar named right after it
 * ("متولد ۱۳۳۵ هجری شمسی", "۱۳۴۸ هجری خورشیدی"): the era words are part of the value, as the date reader's own dates have them.
 */
export function withCalendarNames(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  let out: DetectedSpan[] | null = null;
  for (let k = 0; k < spans.length; k++) {
    const sp = spans[k]!;
    const last = text.charCodeAt(sp.end - 1);
    if (sp.type !== 'DOB' || !((last >= 0x30 && last <= 0x39) || (last >= 0x660 && last <= 0x669) || (last >= 0x6f0 && last <= 0x6f9))) continue;
    const calendar = CALENDAR_AFTER.exec(text.slice(sp.end, sp.end + 20));
    if (!calendar || spans.some((o) => o !== sp && o.start >= sp.end && o.start < sp.end + calendar[0].length)) continue;
    out ??= spans.slice();
    out[k] = { ...sp, end: sp.end + calendar[0].length };
  }
  return out ?? spans;
}

/** Between two parts: spaces, one separator of a date, a comma. */
const GAP = /^[ \t]*[/\-.,\u060c:]?[ \t]*(?:(?:of|the|من|ماه|and|de)[ \t]+)*$/i;

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** An ordinal's suffix glued to a day's digits ("12th", "1er", "۲م"), read where the digits end. */
const ORDINAL_SUFFIX = /(?:st|nd|rd|th|er|e|ème|eme|م|ام|om|am)(?![\p{L}])/iuy;

/**
 * The parts of `s` in order: typed numbers, numbers in words, month names, each with its own word when it has one,
 * and the little words between them. Any other word or digit run gets no part: it ends a date just as well, since
 * neither `GAP` nor a part's own word's `[ :]*` lets letters or digits stand between two parts (the little words are
 * parts of their own, and fold to themselves), and no date starts on it.
 */
function readParts(s: string): Part[] {
  const parts: Part[] = [];
  const ws = words(s);
  let k = 0;
  let i = 0;
  // digits and words interleaved by position
  while (i < s.length || k < ws.length) {
    readerSteps.count++;
    const nextWord = k < ws.length ? ws[k]!.start : s.length;
    let d = i;
    while (d < nextWord && !isDigit(s.charCodeAt(d))) d++;
    if (d < nextWord) {
      let e = d;
      while (e < s.length && isDigit(s.charCodeAt(e))) e++;
      // a digit run glued to letters ("A123", "12th" is read with its suffix below) is no date part unless it is an ordinal
      const suffix = ordinalSuffix(s, e);
      const glued = (d > 0 && isLetterUnit(s.charCodeAt(d - 1))) || (!suffix && isLetterUnit(s.charCodeAt(e)));
      if (e - d <= 4 && !glued) parts.push({ start: d, end: e + suffix, value: +s.slice(d, e), typed: e - d });
      i = e + suffix;
      while (k < ws.length && ws[k]!.start < i) k++;
      continue;
    }
    if (k >= ws.length) break;
    const w = ws[k]!;
    const role = ROLE_WORDS.get(w.folded);
    if (role) {
      parts.push({ start: w.start, end: w.end, value: -2, typed: 0, role });
      k++;
      i = w.end;
      continue;
    }
    const month = MONTH_WORDS.has(w.folded) || (w.folded.length > 3 && MONTH_WORDS.has(w.folded.slice(1))) ? monthAt(ws, k, s) : null;
    if (month) {
      parts.push({ start: w.start, end: month.end, value: month.n, typed: 0, role: 'month' });
      while (k < ws.length && ws[k]!.start < month.end) k++;
      i = month.end;
      continue;
    }
    const ordinal = ENGLISH_ORDINALS.get(w.folded);
    if (ordinal) {
      parts.push({ start: w.start, end: w.end, value: ordinal, typed: 0 });
      k++;
      i = w.end;
      continue;
    }
    const c = isNumberWord(w.folded) ? readCompound(ws, k, s) : null;
    if (c && c.value > 0) {
      let value = c.value;
      let to = c.to;
      while (k < ws.length && ws[k]!.start < c.to) k++;
      const next = ws[k];
      const latin = w.folded.charCodeAt(0) < 0x100;
      if (latin && next && /^[ \t-]{1,2}$/.test(s.slice(to, next.start))) {
        // "twenty-fourth"; "nineteen forty nine", a year said in pairs
        const unit = ENGLISH_ORDINALS.get(next.folded);
        const pair = value >= 11 && value <= 20 ? readCompound(ws, k, s) : null;
        if (unit && unit < 10 && (value === 20 || value === 30)) {
          value += unit;
          to = next.end;
        } else if (pair && pair.value < 100 && pair.value >= 10) {
          value = value * 100 + pair.value;
          to = pair.to;
        }
        while (k < ws.length && ws[k]!.start < to) k++;
      }
      parts.push({ start: c.from, end: to, value, typed: 0 });
      i = to;
      continue;
    }
    if (GLUE.has(w.folded)) parts.push({ start: w.start, end: w.end, value: -3, typed: 0 });
    k++;
    i = w.end;
  }
  return parts;
}

/**
 * The length of the ordinal suffix at `e` (0: none), as read in the four units after the digits: past them the letter
 * test after a three-unit suffix sees no letter, so a surrogate pair opening at the fourth does not stop it.
 */
function ordinalSuffix(s: string, e: number): number {
  ORDINAL_SUFFIX.lastIndex = e;
  const m = ORDINAL_SUFFIX.exec(s);
  if (m) return m[0].length;
  const c = s.charCodeAt(e + 3);
  if (c < 0xd800 || c > 0xdbff) return 0;
  ORDINAL_SUFFIX.lastIndex = 0;
  return ORDINAL_SUFFIX.exec(s.slice(e, e + 4))?.[0].length ?? 0;
}

/** A month name of one or two words at ws[k] (with Arabic "و"/"في" before it, or Persian "ماه" after it), or null. */
function monthAt(ws: Word[], k: number, s: string): { n: number; end: number } | null {
  const w = ws[k]!;
  const next = ws[k + 1];
  if (next && /^ {1,2}$/.test(s.slice(w.end, next.start))) {
    const two = monthNumber(`${w.folded} ${next.folded}`);
    if (two) return { n: two, end: next.end };
  }
  const one = monthNumber(w.folded) ?? (w.folded.length > 3 && (w.folded[0] === 'و' || w.folded[0] === 'ب') ? monthNumber(w.folded.slice(1)) : undefined);
  return one ? { n: one, end: w.end } : null;
}

const validDay = (v: number, typed: number): boolean => v >= 1 && v <= 31 && typed <= 2;
const validMonthNumber = (v: number, typed: number): boolean => v >= 1 && v <= 12 && typed <= 2;
/** Four typed digits 1300–2100 (Hijri, Jalali, Afghan, Nepali, Gregorian), two typed digits, or the same in words. */
const validYear = (v: number, typed: number): boolean => (typed === 4 || typed === 0 ? v >= 1300 && v <= 2100 : false) || ((typed === 2 || typed === 0) && v >= 0 && v <= 99);

/** The orders people give a date in, as the roles of its unnamed parts (the named ones are fixed). */
const ORDERS: ReadonlyArray<readonly Role[]> = [
  ['day', 'month', 'year'],
  ['year', 'month', 'day'],
  ['month', 'day', 'year'],
  ['day', 'month'],
  ['month', 'year'],
  ['year', 'month'],
  ['month', 'day'],
];

/** Every order of two or three roles with a month among them: when at most one part has no role of its own. */
const ANY_ORDER: ReadonlyArray<readonly Role[]> = [
  ...(['day', 'month', 'year'] as const).flatMap((a) => (['day', 'month', 'year'] as const).flatMap((b) => (['day', 'month', 'year'] as const).map((c) => [a, b, c]))).filter(([a, b, c]) => a !== b && b !== c && a !== c),
  ...ORDERS.filter((o) => o.length === 2),
];

/** Assign roles to parts (each `{value, typed, role?}`), in the first order that fits, or null. */
function assign(group: Part[]): Record<Role, number | undefined> | null {
  // parts named by their own word may come in any order ("سنة …، يوم …، شهر …"); digits alone only in the usual ones
  const free = group.filter((p) => !p.role).length;
  for (const order of free <= 1 ? ANY_ORDER : ORDERS) {
    if (order.length !== group.length) continue;
    let ok = true;
    const got: Record<Role, number | undefined> = { day: undefined, month: undefined, year: undefined };
    for (let j = 0; j < group.length && ok; j++) {
      const p = group[j]!;
      const role = order[j]!;
      if (p.role && p.role !== role) ok = false;
      else if (role === 'day') ok = validDay(p.value, p.typed);
      else if (role === 'month') ok = p.role === 'month' ? p.value >= 1 && p.value <= 12 : validMonthNumber(p.value, p.typed);
      else ok = validYear(p.value, p.typed);
      got[role] = p.value;
    }
    if (ok) return got;
  }
  return null;
}

/**
 * Every date in normalised text `s`: two or three parts next to each other (one separator, a comma or a little word
 * between them), one of them a month — named, after its own word ("شهر ستة"), or in an all-digit date whose
 * separators agree ("١٩٨٣/٠٢/١١") — with its calendar's name after it ("BS") in the span.
 */
export function readDates(s: string): ReadDate[] {
  const parts = readParts(s);
  const out: ReadDate[] = [];
  let p = 0;
  while (p < parts.length) {
    const got = dateAt(s, parts, p);
    if (!got) {
      p++;
      continue;
    }
    out.push(got.date);
    p = got.next;
  }
  return out;
}

function dateAt(s: string, parts: Part[], p: number): { date: ReadDate; next: number } | null {
  // the parts, each with the role its own word gives it
  const group: Part[] = [];
  let q = p;
  let last = -1;
  while (q < parts.length && group.length < 3) {
    readerSteps.count++;
    let part = parts[q]!;
    if (part.value === -3 && group.length > 0 && q + 1 < parts.length) {
      // a little word between two parts
      q++;
      continue;
    }
    const start = part.start;
    const role: Role | undefined = part.role;
    const worded = part.value === -2;
    if (worded) {
      // a part's own word, then its value right after it (the span starts at the value: "born on day 1 month 1 …")
      const v = parts[q + 1];
      if (!v || v.value < 0 || v.role || !/^[ :]*$/.test(s.slice(part.end, v.start))) break;
      part = v;
      q++;
    } else if (part.value < 0) break;
    if (last >= 0 && !GAP.test(s.slice(last, start))) break;
    // one month to a date ("تاریخ تولد مه ١ حمل …": "مه" is the writer's word, not May)
    if (role === 'month' && group.some((x) => x.role === 'month')) break;
    group.push({ ...part, role: role ?? part.role, worded });
    last = part.end;
    q++;
  }
  // the longest run that reads as a date
  for (let n = group.length; n >= 2; n--) {
    const g = group.slice(0, n);
    const roles = assign(g);
    if (!roles || roles.month === undefined) continue;
    const named = g.some((x) => x.role === 'month' && x.typed === 0);
    const labelled = g.some((x) => x.worded);
    const allTyped = g.every((x) => x.typed > 0);
    const end0 = g[n - 1]!.end;
    const calendar = CALENDAR_AFTER.exec(s.slice(end0, end0 + 12));
    if (!named && !labelled && !calendar) {
      // digits alone: three groups with one separator, as a numeric date is written
      if (!(allTyped && n === 3 && numericTriple(s, g))) continue;
    }
    if (!named && !labelled && n === 2) continue;
    const end = calendar ? end0 + calendar[0].length : end0;
    const next = partIndex(parts, end, p) + 1;
    return { date: { start: g[0]!.start, end, day: roles.day, month: roles.month, year: roles.year }, next: Math.max(next, p + 1) };
  }
  return null;
}

/** The index of the part that ends at or covers `end`, searching from `from`. */
function partIndex(parts: Part[], end: number, from: number): number {
  let i = from;
  while (i + 1 < parts.length && parts[i + 1]!.start < end) i++;
  return i;
}

/** Three typed groups joined by the same separator ("/", "-", ".") that make a valid date. */
function numericTriple(s: string, g: Part[]): boolean {
  const sep1 = s.slice(g[0]!.end, g[1]!.start);
  const sep2 = s.slice(g[1]!.end, g[2]!.start);
  if (sep1 !== sep2 || !/^[/\-.]$/.test(sep1)) return false;
  return numericDateValid(s.slice(g[0]!.start, g[0]!.end), s.slice(g[1]!.start, g[1]!.end), s.slice(g[2]!.start, g[2]!.end));
}
