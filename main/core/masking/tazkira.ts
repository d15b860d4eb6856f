/**
 * An Afghan paper tazkira's number: the registry writes it with its volume and its page ("۴۸۲۹۱۳۷ جلد ۱۲ صفحه ۴۵",
 * "4829137 jild 12 safha 45"), and the customer names it "تذکره … نمبرش ۴۸۲۹۱۳۷". Six to eight digits followed by a
 * volume's and a page's word, or after the tazkira's word with no phone's word between, are the NATIONAL_ID — a bare
 * "number" word ("نمبرش") had them read as a phone.
 */
import { DIGIT_CLASS } from '../text/fold';
import { Cue } from './lexicon';
import type { DetectedSpan } from './types';
import { namesAny, RECORD_WORDS } from './words-in';

const CHEAP = /تذکر|تذكر|tazk|tazc|tezk|جلد|jild|jeld/i;
const NUMBER = new RegExp(`(?<![\\p{L}\\p{N}])[${DIGIT_CLASS}]{6,8}(?![\\p{L}\\p{N}])`, 'gu');
/** After the number: its volume and page, "جلد ۱۲ صفحه ۴۵", "jild 12, safha 45", "ج ۱۲ ص ۴۵". */
const VOLUME_PAGE_AFTER = new RegExp(`^[\\s,،:\\-–]{0,3}(?:جلد|jild|jeld|ج\\.?)[\\s:]*[${DIGIT_CLASS}]{1,4}[\\s,،\\-–]{0,3}(?:صفحه|صفحة|safha|safhe|safa|ص\\.?)[\\s:]*[${DIGIT_CLASS}]{1,4}`, 'iu');
/** The tazkira's word before the number, a few words between at most, no digit, no end of a sentence. */
const TAZKIRA_BEFORE = new RegExp(`(?:تذکره|تذكره|تذكرة|تذکرہ|tazkira|tazkera|tazkerah|tazcira|tezkire)[^${DIGIT_CLASS}.!?؟\\n]{0,40}$`, 'iu');

/** The spans with each tazkira's number typed NATIONAL_ID: a phone or a code read there is retyped, a leak added. */
export function withTazkiras(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!CHEAP.test(text)) return spans;
  let out: DetectedSpan[] | undefined;
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const a = m.index;
    const b = a + m[0].length;
    const volume = VOLUME_PAGE_AFTER.test(text.slice(b, b + 40));
    const named = TAZKIRA_BEFORE.exec(text.slice(Math.max(0, a - 64), a));
    // (a phone's or a record's own word after the tazkira's names that number: "تذکره دارم، موبایلم ۰۷۹۹…", "… سفارش ۴۸۲۹۱۳۷")
    if (!volume && (!named || namesAny(named[0], (c) => c === Cue.PHONE || RECORD_WORDS.has(c)))) continue;
    const list = (out ??= [...spans]);
    const over = list.filter((sp) => sp.start < b && a < sp.end);
    if (over.some((sp) => sp.type === 'NATIONAL_ID' || sp.start < a || sp.end > b)) continue;
    for (const sp of over) list.splice(list.indexOf(sp), 1);
    list.push({ type: 'NATIONAL_ID', start: a, end: b, confidence: over[0]?.confidence ?? 0.7 });
  }
  return out ? out.sort((x, y) => x.start - y.start || y.end - x.end) : spans;
}
