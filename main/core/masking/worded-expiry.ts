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
const MONTH_ALT = MONTH_SPELLINGS.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/_/g, '[ \\u00a0\\u200c]*')).join('|');
const NAMED_MONTH_YEAR = new RegExp(
  `(?<![\\p{L}])(?:(${MONTH_ALT})\\.?(?:[ \\u00a0]*(?:of|de|del|سنة|سنه|سال|[-/,،])[ \\u00a0]*|[ \\u00a0]+)['’]?(${D}{4}|${D}{2})|(${D}{4})[ \\u00a0]*[-/,]?[ \\u00a0]*(${MONTH_ALT}))(?![\\p{L}\\p{N}])`,
  'giu',
);
const DAY_BEFORE = new RegExp(`${D}(?:st|nd|rd|th|er|ام|م)?[ \\u00a0]*(?:of[ \\u00a0]+|de[ \\u00a0]+|[-/.][ \\u00a0]*)?$`, 'iu');
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
    const start = end - (m[0].length - m[0].search(new RegExp(`${D}`, 'u')));
    if (month < 1 || month > 12 || spans.some((sp) => sp.start < end && start < sp.end)) continue;
    (added ??= []).push({ type: 'CARD_EXPIRY', start, end, confidence: 0.7 });
  }
  NAMED_MONTH_YEAR.lastIndex = 0;
  for (let m = NAMED_MONTH_YEAR.exec(text); m; m = NAMED_MONTH_YEAR.exec(text)) {
    if (!cardYear(m[2] ?? m[3]!)) continue;
    const start = m.index;
    const end = start + m[0].length;
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
