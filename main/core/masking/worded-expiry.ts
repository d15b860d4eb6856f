/**
 * A card's expiry said with words for its parts: "تنتهي شهر ٣ سنة ٢٠٢٨", "expires month 7 year 2027", "انقضا ماه ۵ سال
 * ۱۴۰۶" — a month's word and its number, then a year's word and its number, right after an expiry word, in a message
 * about a card. An identity document's or a passport's word before it keeps a document's expiry visible ("الإقامة
 * تنتهي شهر ٥ سنة ٢٠٢٧").
 */
import { DIGIT_CLASS, digitValue } from '../text/fold';
import { MONTH_SPELLINGS } from './dates';
import { CARD_CONTEXT, Cue, NEGATIVE_CUES } from './lexicon';
import type { DetectedSpan } from './types';
import { namesAny } from './words-in';

const D = `[${DIGIT_CLASS}]`;
/** A digit of any script: where an abbreviated expiry's month starts in its match (built once, not per match). */
const FIRST_DIGIT = new RegExp(D, 'u');
const MONTH_YEAR = new RegExp(
  `(?<![\\p{L}])(?:ال)?(?:شهر|month|ماه|mes|mois)[ \\u00a0:]*(${D}{1,2})[ \\u00a0,،]*(?:و[ \\u00a0]*)?(?:ال)?(?:سنة|سنه|عام|year|سال|ano|año|an)[ \\u00a0:]*(${D}{4}|${D}{2})(?!${D})`,
  'giu',
);
// (no case-insensitive flag: it folds every unit it reads, Arabic ones too; the few Latin words list their capitals)
const MAY_HOLD = /شهر|ماه|[Mm](?:onth|ONTH)|\b[Mm](?:es|ois)\b|\b[Vv](?:al|enc|to)\./;
/**
 * "val. 12/27", "venc. 04/2029", "vto. 09/28": the Portuguese and Spanish abbreviations of a card's validity, which as
 * bare words ("val", "vali") are too common to be the lexicon's expiry words.
 */
const ABBREVIATED = new RegExp(`(?<![\\p{L}])(?:val|venc|vto)\\.[ \\u00a0:]*(${D}{1,2})[ \\u00a0]?[/\\-][ \\u00a0]?(?:${D}{4}|${D}{2})(?!${D})`, 'giu');

/**
 * Round 30 (r24's class, told): a card's expiry with a month's name and a year — "exp. Sept 28", "expires in Sept '28",
 * "تنتهي نوفمبر ٢٩", "اعتبار تا مهر ۰۶", "date d'expiration : avril 29", "expiry October of 2027", "exp 2029 march" — of any
 * calendar's month table (dates.ts) and any digit script, right after an expiry word (two words at most between) in
 * a message about a card; the same guards as above (a document's word before keeps it visible).
 */
/** Every month name's spelling, lower case, its words apart by one space: looked up by the words before or after a year. */
const MONTH_SET: ReadonlySet<string> = new Set(MONTH_SPELLINGS.map((m) => m.replace(/_/g, ' ').toLowerCase()));
/** A year of two or four digits, standing alone (its candidates: few per message). */
const YEAR = new RegExp(`(?<![\\p{L}\\p{N}])(?:${D}{4}|${D}{2})(?![\\p{L}\\p{N}])`, 'gu');
/** The stems of the lexicon's expiry words (`Cue.EXPIRY`), for a pre-test: one is needed before any month's name is read. */
const EXPIRY_HINT = /exp|valid|til|upto|thru|through|vence|venc|yy|muhlat|etebar|engheza|tanqadi|nta[hk]i|nte[hk]i|ntihi|ntiha|sala[h7]i|تنته|ينته|انتهاء|صلاحي|خلص|لغاي|منته|انقضا|اعتبار|منقضي|ساري|صالح|تفن|يفن|ختم/i;
const LETTER = /\p{L}/u;
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\u00a0' || c === '\u200c';
/** Little words between a month's name and its year ("October of 2027", "mayo de 2029", "ديسمبر سنة ٢٠٢٨"). */
const BETWEEN_WORDS: ReadonlySet<string> = new Set(['of', 'de', 'del', 'سنة', 'سنه', 'سال']);

/**
 * Where a month's name of one to three words starts right before `at` (a year), with a space, a slash, a dash, a comma,
 * "of"/"de"/"سنة" between and an apostrophe before a two-digit year; -1 if none. Read backwards by hand: a pattern
 * anchored at the end would be tried from every position before it.
 */
function monthBefore(text: string, at: number): number {
  let p = at;
  if (text[p - 1] === "'" || text[p - 1] === '’') p--;
  const gapEnd = p;
  while (isSpace(text[p - 1])) p--;
  if (text[p - 1] === '/' || text[p - 1] === '-' || text[p - 1] === ',' || text[p - 1] === '،') {
    p--;
    while (isSpace(text[p - 1])) p--;
  } else {
    let w = p;
    while (w > 0 && LETTER.test(text[w - 1]!)) w--;
    if (w < p && BETWEEN_WORDS.has(text.slice(w, p).toLowerCase())) {
      p = w;
      while (isSpace(text[p - 1])) p--;
    } else if (p === gapEnd) return -1;
  }
  if (text[p - 1] === '.') p--;
  const end = p;
  for (let k = 1; k <= 3; k++) {
    let w = p;
    while (w > 0 && LETTER.test(text[w - 1]!)) w--;
    if (w === p) return -1;
    if (MONTH_SET.has(text.slice(w, end).replace(/[ \u00a0\u200c]+/g, ' ').toLowerCase())) return w;
    p = w;
    if (!isSpace(text[p - 1])) return -1;
    while (isSpace(text[p - 1])) p--;
  }
  return -1;
}
const WORDS_AFTER = /^[ \u00a0]*[-/,]?[ \u00a0]*(\p{L}+(?:[ \u00a0\u200c]+\p{L}+){0,2})/u;
const DAY_BEFORE = new RegExp(`${D}(?:st|nd|rd|th|er|ام|م)?[ \\u00a0]*(?:of[ \\u00a0]+|de[ \\u00a0]+|[-/.][ \\u00a0]*)?$`, 'iu');

/** How many characters of the words' end (before) or start (after) make a month's name, trying three words, two, one. */
function monthWords(words: string, fromEnd: boolean): number {
  const at: number[] = [];
  const ends: number[] = [];
  for (const w of words.matchAll(/\p{L}+/gu)) {
    at.push(w.index);
    ends.push(w.index + w[0].length);
  }
  const n = at.length;
  for (let k = Math.min(3, n); k >= 1; k--) {
    const from = fromEnd ? at[n - k]! : 0;
    const to = fromEnd ? words.length : ends[k - 1]!;
    if (MONTH_SET.has(words.slice(from, to).replace(/[ \u00a0\u200c]+/g, ' ').toLowerCase())) return to - from;
  }
  return 0;
}

/** A year a card may expire in: 2015–2049, its two digits, or a Jalali 1394–1428. */
function cardYear(y: string): boolean {
  const v = number(y);
  return y.length === 2 ? v >= 15 && v <= 49 : (v >= 2015 && v <= 2049) || (v >= 1394 && v <= 1428);
}

const number = (s: string): number => {
  let v = 0;
  for (let i = 0; i < s.length; i++) v = v * 10 + digitValue(s.charCodeAt(i));
  return v;
};

/** The spans with each worded card expiry added as CARD_EXPIRY. */
export function withWordedExpiry(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  const cardWord = CARD_CONTEXT.test(text);
  // (a card's number found is a card's message too, for the month names' reading below: "4111… exp: JAN/29")
  if (!cardWord && !spans.some((sp) => sp.type === 'CARD')) return spans;
  const mayHold = cardWord && MAY_HOLD.test(text);
  let added: DetectedSpan[] | undefined;
  MONTH_YEAR.lastIndex = mayHold ? 0 : text.length;
  for (let m = MONTH_YEAR.exec(text); m; m = MONTH_YEAR.exec(text)) {
    const month = number(m[1]!);
    if (month < 1 || month > 12) continue;
    const start = m.index;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 48), start);
    if (!namesAny(before, (c) => c === Cue.EXPIRY, 2) || namesAny(before, (c) => c === Cue.NID || c === Cue.PASSPORT || c === Cue.ID_WEAK, 6)) continue;
    if (spans.some((sp) => sp.start < end && start < sp.end)) continue;
    (added ??= []).push({ type: 'CARD_EXPIRY', start, end, confidence: 0.7 });
  }
  ABBREVIATED.lastIndex = mayHold ? 0 : text.length;
  for (let m = ABBREVIATED.exec(text); m; m = ABBREVIATED.exec(text)) {
    const month = number(m[1]!);
    const end = m.index + m[0].length;
    const start = end - (m[0].length - m[0].search(FIRST_DIGIT));
    if (month < 1 || month > 12 || spans.some((sp) => sp.start < end && start < sp.end)) continue;
    (added ??= []).push({ type: 'CARD_EXPIRY', start, end, confidence: 0.7 });
  }
  // (only where some expiry word's stem stands: the lexicon's check below reads the two words before each month)
  YEAR.lastIndex = EXPIRY_HINT.test(text) ? 0 : text.length;
  for (let m = YEAR.exec(text); m; m = YEAR.exec(text)) {
    if (!cardYear(m[0])) continue;
    let end = m.index + m[0].length;
    let start = monthBefore(text, m.index);
    if (start < 0) {
      if (m[0].length !== 4) continue;
      // "exp 2029 march": the year first, the month's name after it
      const after = WORDS_AFTER.exec(text.slice(end, end + 40));
      const forward = after ? monthWords(after[1]!, false) : 0;
      if (!forward) continue;
      start = m.index;
      end = end + after![0].length - after![1]!.length + forward;
    }
    const before = text.slice(Math.max(0, start - 48), start);
    // ("بتخلص ١٤ فبراير ٢٠٢٧", "expires on the 31st of march 2028": a day before the month makes a full date — a card's
    // expiry has none; an identity card's or a document's does)
    if (DAY_BEFORE.test(before)) continue;
    if (!namesAny(before, (c) => c === Cue.EXPIRY, 2) || namesAny(before, (c) => c === Cue.NID || c === Cue.PASSPORT || c === Cue.ID_WEAK, 6)) continue;
    // ("the warranty expires Dec 2027", "the subscription ends in May 2026": a record's or a product's own expiry)
    if (namesAny(before, (c) => NEGATIVE_CUES.has(c), 3)) continue;
    if (spans.some((sp) => sp.start < end && start < sp.end) || added?.some((sp) => sp.start < end && start < sp.end)) continue;
    (added ??= []).push({ type: 'CARD_EXPIRY', start, end, confidence: 0.7 });
  }
  return added ? [...spans, ...added].sort((x, y) => x.start - y.start || y.end - x.end) : spans;
}
