/**
 * A card's expiry said with words for its parts: "تنتهي شهر ٣ سنة ٢٠٢٨", "expires month 7 year 2027", "انقضا ماه ۵ سال
 * ۱۴۰۶" — a month's word and its number, then a year's word and its number, right after an expiry word, in a message
 * about a card. An identity document's or a passport's word before it keeps a document's expiry visible ("الإقامة
 * تنتهي شهر ٥ سنة ٢٠٢٧").
 */
import { DIGIT_CLASS, digitValue } from '../text/fold';
import { CARD_CONTEXT, Cue } from './lexicon';
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

const number = (s: string): number => {
  let v = 0;
  for (let i = 0; i < s.length; i++) v = v * 10 + digitValue(s.charCodeAt(i));
  return v;
};

/** The spans with each worded card expiry added as CARD_EXPIRY. */
export function withWordedExpiry(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!MAY_HOLD.test(text) || !CARD_CONTEXT.test(text)) return spans;
  let added: DetectedSpan[] | undefined;
  MONTH_YEAR.lastIndex = 0;
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
  ABBREVIATED.lastIndex = 0;
  for (let m = ABBREVIATED.exec(text); m; m = ABBREVIATED.exec(text)) {
    const month = number(m[1]!);
    const end = m.index + m[0].length;
    const start = end - (m[0].length - m[0].search(new RegExp(`${D}`, 'u')));
    if (month < 1 || month > 12 || spans.some((sp) => sp.start < end && start < sp.end)) continue;
    (added ??= []).push({ type: 'CARD_EXPIRY', start, end, confidence: 0.7 });
  }
  return added ? [...spans, ...added].sort((x, y) => x.start - y.start || y.end - x.end) : spans;
}
