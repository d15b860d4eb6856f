/**
 * Passports by their shape after a passport's word in any language (round 30, the r24 set's widest gap, told as a
 * class): a number with letters in the middle ("AB12C3456", "X12Y45678", "C01X00T47", "12AB34567") is no shape the
 * number reader reads, and a passport's word in a language the lexicon does not know ("Reisepass", "passaporto",
 * "paszport", "пасспорт", "护照", "パスポート", "여권", "דרכון", "διαβατήριο", "पासपोर्ट") leaves its digits to the
 * fail-closed reading as an ID. Here:
 *
 * - a token of seven to ten capital letters and digits, at least five digits (three when eight long or more) and one letter, within the few words
 *   after a passport's word on its line, is the PASSPORT (a span inside it, its digits read alone, is replaced);
 * - six to nine digits found as an ID or a phone right after such a word (a number word at most between) are
 *   retyped as the PASSPORT.
 *
 * A record's, an identity's or a phone's word between the label and the value ("passport … booking AB12C3456",
 * "passport and national ID 1234567890") leaves it alone. Gated by a
 * look-up of the words, so a message without one costs one regex test.
 */
import { foldKeyword } from './detection-text';
import { Cue, cueOf, NEGATIVE_CUES } from './lexicon';
import type { DetectedSpan } from './types';

/**
 * Passport words: the lexicon's languages' spellings and the ones it does not read (stems; case-insensitive). "جواز
 * سفره" is one word with its possessive (round 31): "سفر" is no trip's word there.
 */
const PASSPORT_WORD = /(?:passport|paspor|passeport|pasaport|passaporte|pasaporte|passaporto|paspoort|paszport|reisepass|cestovn[ií] pas|útlevél|putovnic|пасспорт|паспорт|шиноснома|гузарнома|جواز (?:ال)?سفر\p{L}*|جواز|باسبور|پاسپورت|گذرنامه|护照|護照|パスポート|여권|דרכון|διαβατήριο|पासपोर्ट|পাসপোর্ট)/giu;
/** A pre-test without the case-folding and Unicode flags, which make the pattern above slow on every message. */
const MAY_NAME_PASSPORT = /[pP][aA][sS]|[rR][eE][iI][sS][eE][pP]|[uU]tlev|[úÚ]tlev|[pP]utovn|[пП]а[сc]|[шШ]иносн|[гГ]узарн|جواز|باسبور|پاسپور|گذرنامه|护照|護照|パスポート|여권|דרכון|[δΔ]ιαβατ|पासपोर्ट|পাসপোর্ট/;
/** What may stand between the word and the value: a few words (number, my, is, its name), no digit, no record word. */
const BETWEEN = /^[^\d\n]{0,40}$/u;
/** A record's, an identity's or a phone's word between: the value is that one's. */
const OTHER_BETWEEN = /\b(?:order|booking|reservation|ticket|invoice|ref|reference|flight|case|claim|tracking|policy|member|id|identity|national|iqama|civil|phone|mobile|whatsapp|tel)\b|(?:طلب|حجز|فاتورة|سفارش|رزرو|بلیط|تذكرة|هوي|مدني|وطني|ملی|جوال|موبايل|تلفن|موبایل|заказ|бронь|билет|телефон|инн)/iu;
/**
 * Capital letters and digits, seven to ten, at least five digits and a letter — or, eight to ten long, three digits
 * (round 31: a German passport's letter and eight letters and digits mixed, "C4J7RT2K9", has as few as three).
 */
const MIXED = /(?<![\p{L}\p{N}])(?=[A-Z0-9]{7,10}(?![\p{L}\p{N}]))(?:(?=(?:[A-Z]*[0-9]){5})|(?=[A-Z0-9]{8})(?=(?:[A-Z]*[0-9]){3}))(?=[0-9]*[A-Z])[A-Z0-9]+/gu;
/**
 * Round 31: the same token split by single spaces or dashes ("19AV 23841", "19 AV 23841"), eight to ten letters and
 * digits with five digits at least, or glued after a stray country code ("FR19AV23841"); a country code of two or
 * three letters before it, apart ("FR 19AV 23841"), is left out of it.
 */
const SPACED_MIXED = /(?<![\p{L}\p{N}])(?:[A-Z]{2,3}[ -](?=[0-9]))?([A-Z0-9]{2,5}(?:[ -][A-Z0-9]{2,5}){1,3})(?![\p{L}\p{N}])/gu;
const COUNTRY_GLUED = /(?<![\p{L}\p{N}])[A-Z]{2,3}([0-9][A-Z0-9]{6,9})(?![\p{L}\p{N}])/gu;
function mixedToken(v: string, spaced: boolean): boolean {
  // (a year opening the groups is a date's or a record's, "passport 2024 AB 12"; a month's letters a date's, "21 MAR 1990")
  if (spaced && (/^(?:19|20)[0-9]{2}[ -]/.test(v) || /(?:^|[ -])(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)(?:[ -]|$)/.test(v))) return false;
  const t = spaced ? v.replace(/[ -]/g, '') : v;
  const digits = t.replace(/[^0-9]/g, '').length;
  return t.length >= (spaced ? 8 : 7) && t.length <= 10 && digits >= 5 && digits < t.length;
}
/** Six to nine digits of any decimal script, joined. */
const DIGITS = /(?<![\p{L}\p{N}])\p{Nd}{6,9}(?![\p{L}\p{N}])/gu;
const CONFIDENCE = 0.7;
const WORDS = /\p{L}+/gu;

/** Where a passport's word ends, if one stands before `at` on its line with only words between. */
function labelledAt(text: string, at: number): boolean {
  const from = Math.max(0, at - 64);
  const nl = text.lastIndexOf('\n', at - 1);
  const head = text.slice(Math.max(from, nl + 1), at);
  PASSPORT_WORD.lastIndex = 0;
  let last = -1;
  for (let m = PASSPORT_WORD.exec(head); m; m = PASSPORT_WORD.exec(head)) last = m.index + m[0].length;
  if (last < 0) return false;
  // the rest of the word ("passport's", "پاسپورتم", "паспорта") and a few words, none a record's
  const between = head.slice(last);
  if (!BETWEEN.test(between) || OTHER_BETWEEN.test(between)) return false;
  // (the lexicon's words too: "SKU", "voucher", "الطلب" — a record's, an identity's or a phone's)
  for (const w of between.match(WORDS) ?? []) {
    const c = cueOf(foldKeyword(w.toLowerCase()));
    if (c !== undefined && (NEGATIVE_CUES.has(c) || c === Cue.NID || c === Cue.PHONE || c === Cue.PROMO || c === Cue.TRIP)) return false;
  }
  return true;
}

/** The spans found elsewhere, with passports read by their shape after a passport's word (see above). */
export function withPassportShapes(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!MAY_NAME_PASSPORT.test(text)) return spans;
  let out = spans;
  // only the line after each passport's word, up to 64 characters, is read (not the whole message)
  PASSPORT_WORD.lastIndex = 0;
  let readTo = 0;
  for (let w = PASSPORT_WORD.exec(text); w; w = PASSPORT_WORD.exec(text)) {
    const from = Math.max(readTo, w.index + w[0].length);
    const nl = text.indexOf('\n', from);
    const to = Math.min(from + 64, nl < 0 ? text.length : nl);
    readTo = to;
    // (the window alone, with its offset: a pattern run on the whole text would look past it for a match)
    const window = text.slice(from, to);
    MIXED.lastIndex = 0;
    for (let m = MIXED.exec(window); m; m = MIXED.exec(window)) {
      const start = from + m.index;
      const end = start + m[0].length;
      if (!labelledAt(text, start)) continue;
      // a span reaching outside the token is another value's; one inside it is the token's digits read alone
      if (out.some((s) => s.start < end && start < s.end && (s.start < start || s.end > end))) continue;
      if (out.some((s) => s.type === 'PASSPORT' && s.start === start && s.end === end)) continue;
      out = [...out.filter((s) => !(s.start >= start && s.end <= end)), { type: 'PASSPORT', start, end, confidence: CONFIDENCE }];
    }
    for (const [re, spaced] of [[SPACED_MIXED, true], [COUNTRY_GLUED, false]] as const) {
      re.lastIndex = 0;
      for (let m = re.exec(window); m; m = re.exec(window)) {
        if (!mixedToken(m[1]!, spaced)) continue;
        const end = from + m.index + m[0].length;
        const start = end - m[1]!.length;
        if (!labelledAt(text, from + m.index)) continue;
        // (a span of another kind inside it, a date's or a card's, is that value's)
        if (out.some((s) => s.start < end && start < s.end && (s.start < start || s.end > end || (s.type !== 'NATIONAL_ID' && s.type !== 'PHONE' && s.type !== 'PASSPORT')))) continue;
        if (out.some((s) => s.type === 'PASSPORT' && s.start === start && s.end === end)) continue;
        out = [...out.filter((s) => !(s.start >= start && s.end <= end)), { type: 'PASSPORT', start, end, confidence: CONFIDENCE }];
      }
    }
    DIGITS.lastIndex = 0;
    for (let m = DIGITS.exec(window); m; m = DIGITS.exec(window)) {
      const start = from + m.index;
      const end = start + m[0].length;
      const k = out.findIndex((s) => s.start === start && s.end === end && (s.type === 'NATIONAL_ID' || s.type === 'PHONE'));
      if (k < 0 || !labelledAt(text, start)) continue;
      out = out.map((s, j) => (j === k ? { ...s, type: 'PASSPORT' } : s));
    }
    PASSPORT_WORD.lastIndex = Math.max(PASSPORT_WORD.lastIndex, w.index + w[0].length);
  }
  return out === spans ? spans : [...out].sort((x, y) => x.start - y.start || y.end - x.end);
}
