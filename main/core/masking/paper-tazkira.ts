/**
 * Round 37: an Afghan paper tazkira named by its registry's three numbers alone — volume, page and registration
 * ("جلد ۱۲ صفحه ۴۵ ثبت ۳۴۵۶", "جلد 7، صفحه 62، نمبر ثبت 1142", "jild 3 safha 118 sabt 20931"), with no seven-digit
 * number for `tazkira.ts` to find. In a message that names a tazkira, the stretch from the volume's word to the
 * registration's last digit is the NATIONAL_ID (the three numbers together identify the person's record).
 */
import { DIGIT_CLASS } from '../text/fold';
import { placeSpan } from './placed-span';
import type { DetectedSpan } from './types';

/** A phone, a code or an ID read in the stretch's numbers (a page's or a volume's digits) is the tazkira. */
const READ_THERE: ReadonlySet<string> = new Set(['PHONE', 'OTP', 'NATIONAL_ID', 'PASSPORT']);
const CHEAP = /تذکر|تذكر|tazk|tazc|tezk/i;
const N = `[${DIGIT_CLASS}]`;
const GAP = '[\\s,،:؛\\-–]{0,4}';
const VOLUME = `(?:جلد|jild|jeld)${GAP}${N}{1,5}`;
const PAGE = `(?:صفحه|صفحة|safha|safhe)${GAP}${N}{1,5}`;
const REGISTRATION = `(?:(?:نمبر|نمره|شماره|رقم|number|no\\.?)\\s*)?(?:ثبت|sabt)(?:\\s*(?:نمبر|نمره|شماره))?${GAP}${N}{1,8}`;
const STRETCH = new RegExp(`(?<![\\p{L}\\p{N}])(?:${VOLUME}${GAP}${PAGE}${GAP}${REGISTRATION}|${REGISTRATION}${GAP}${VOLUME}${GAP}${PAGE})(?![\\p{L}\\p{N}])`, 'giu');

/** The spans with each paper tazkira's volume, page and registration placed as one NATIONAL_ID. */
export function withPaperTazkiras(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!CHEAP.test(text) || !/جلد|jild|jeld/i.test(text)) return spans;
  let out = spans;
  STRETCH.lastIndex = 0;
  for (let m = STRETCH.exec(text); m; m = STRETCH.exec(text)) {
    out = placeSpan(out, { type: 'NATIONAL_ID', start: m.index, end: m.index + m[0].length, confidence: 0.7 }, READ_THERE);
  }
  return out;
}
