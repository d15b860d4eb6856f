/**
 * The wrong value of a birth date is the customer's birth date too: "my DOB is 17 March 1985 but your system shows
 * 1958", "تاريخ ميلادي ١٢/٠٥/١٩٩٠ مش ١٩٩١ زي ما عندكم", "… ولی تو سیستم زده ۱۳۹۶". A year standing alone in the
 * message, one slip from a found birth date's year (a digit changed, two side by side swapped; of a birth date said in words with
 * no digit, any year of a birth's range: "تاریخ تولدم یکم فروردین شصت و هفت … ولی پروفایل ۱۳۷۶ نشون میده"), with a word that sets
 * one against the other between them (or right after the year, "… در تذکره ۱۳۶۹ نوشته شده"), is masked as a birth date;
 * after a record's word ("الطلب رقم ١٩٥٨") it is not, after the tazkira's it is.
 */
import { digitValue } from '../text/fold';
import { isLetterUnit } from '../text/letters';
import { oneSlip } from './detect';
import { Cue } from './lexicon';
import { namesAny, RECORD_WORDS } from './words-in';
import type { DetectedSpan } from './types';

/** Words that set a value against another: "but", "not", "instead", "shows", "مش", "بس", "عندكم", "ولی", "زده"… */
const AGAINST = /\b(?:but|not|instead|shows?|showing|says|said|wrong|mistake|typo|mais|pas|au lieu|bas|mesh|mish|na|vali|amma)\b|مش|مو(?![\p{L}])|بس(?![\p{L}])|لكن|لاكن|بدل|عندكم|عندكو|مكتوب|غلط|خطأ|ليس|وليس|ولی|اما(?![\p{L}])|نه(?![\p{L}])|زده|نوشته|اشتباه|غلطه/iu;

/**
 * Right after a later year that an identity document's word stands before: it is written so there ("… در تذکره ۱۳۶۹
 * نوشته شده", "في الهوية ١٩٩١ مسجل", "on my passport 1991 is written").
 */
const DOCUMENT_BEFORE = /تذک[رڕ]|تذكر|tazk[aeiy]+r|شناسنامه|پاسپورت|گذرنامه|کارت ?مل[یي]|هوي[ةه]|جواز|بطاق[ةه]|passport|id card|\bid\b/iu;
const WRITTEN_AFTER = /^[ \u00a0]*(?:نوشته|ثبت|درج|زده|مكتوب|مسجل|is written|written|printed|recorded)/iu;

/** Cues that make a number a record's or a code's, never a birth year ("order 1958", "رقم الطلب ١٩٥٨", "code 1958"). */
const NOT_A_YEAR = (c: Cue): boolean => RECORD_WORDS.has(c) || c === Cue.PHONE || c === Cue.PHONE_WEAK || c === Cue.OTP || c === Cue.OTP_WEAK || c === Cue.CARD || c === Cue.EXPIRY || c === Cue.EVENT;

/**
 * The Afghan ID card, the tazkira, written with the Persian keheh ("تذکره"): the document the wrong year is written in
 * ("… و در تذکره ۱۳۶۹ نوشته شده"), not the Arabic ticket ("تذكرة") the lexicon's folded word also names.
 */
const TAZKIRA = /تذک[رڕ]|tazk[aeiy]+r/iu;

/** What joins digit groups into a date or an amount: "/", ".", "-", ":", ",", "٫", "٬" (NaN, past either end: none). */
const isJoiner = (c: number): boolean => c === 0x2f || c === 0x2e || c === 0x2d || c === 0x3a || c === 0x2c || c === 0x66b || c === 0x66c;

function digitsOf(text: string, start: number, end: number): string {
  let d = '';
  for (let i = start; i < end; i++) {
    const v = digitValue(text.charCodeAt(i));
    if (v >= 0) d += v;
  }
  return d;
}

/** The year of a birth date span: its four-digit group (or the last of them). */
function yearOf(text: string, sp: DetectedSpan): string | null {
  let year: string | null = null;
  for (let i = sp.start; i < sp.end; ) {
    if (digitValue(text.charCodeAt(i)) < 0) {
      i++;
      continue;
    }
    const a = i;
    while (i < sp.end && digitValue(text.charCodeAt(i)) >= 0) i++;
    if (i - a === 4) year = digitsOf(text, a, i);
  }
  return year;
}

function hasNoDigit(text: string, sp: DetectedSpan): boolean {
  for (let i = sp.start; i < sp.end; i++) if (digitValue(text.charCodeAt(i)) >= 0) return false;
  return true;
}

/** A Jalali (1300–1419) or Gregorian (1900–2029) year: the years a living customer's birth falls in. */
export const birthRangeYear = (y: string): boolean => (y >= '1300' && y <= '1419') || (y >= '1900' && y <= '2029');

/** The spans with each bare year that is a birth date's wrong value added as a birth date. */
export function withWrongBirthYears(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!spans.some((sp) => sp.type === 'DOB')) return spans;
  const births = spans.filter((sp) => sp.type === 'DOB');
  let added: DetectedSpan[] | undefined;
  // (the message-wide test for a contrasting word is asked only once a lone year stands outside every span: most
  // birth dates are the message's only four digits; -1 not asked yet)
  let against = -1;
  for (let i = 0; i < text.length; ) {
    if (digitValue(text.charCodeAt(i)) < 0) {
      i++;
      continue;
    }
    const a = i;
    while (i < text.length && digitValue(text.charCodeAt(i)) >= 0) i++;
    // a year alone: four digits, no digit group, date or amount joined to it
    if (i - a !== 4 || (isJoiner(text.charCodeAt(a - 1)) && digitValue(text.charCodeAt(a - 2)) >= 0)) continue;
    if (isJoiner(text.charCodeAt(i)) && digitValue(text.charCodeAt(i + 1)) >= 0) continue;
    if (isLetterUnit(text.charCodeAt(a - 1)) || isLetterUnit(text.charCodeAt(i))) continue;
    if (spans.some((sp) => sp.start < i && a < sp.end)) continue;
    if (against < 0) against = AGAINST.test(text) ? 1 : 0;
    if (!against) return spans;
    const year = digitsOf(text, a, i);
    const birth = births.find((b) => {
      const y = yearOf(text, b);
      // a birth date said in words ("یکم فروردین شصت و هفت") has no digits to compare: a year of a birth's range stands for it
      if (y ? !oneSlip(y, year) : !(hasNoDigit(text, b) && birthRangeYear(year))) return false;
      const between = b.end <= a ? text.slice(b.end, a) : text.slice(i, b.start);
      // (or right after a later year: "… و در تذکره ۱۳۶۹ نوشته شده", written so in the document)
      return AGAINST.test(between) || (b.end <= a && WRITTEN_AFTER.test(text.slice(i, i + 16)) && DOCUMENT_BEFORE.test(text.slice(Math.max(b.end, a - 30), a)));
    });
    if (!birth) continue;
    const before = text.slice(Math.max(0, a - 30), a);
    if (namesAny(before, NOT_A_YEAR, 2) && !TAZKIRA.test(before)) continue;
    (added ??= []).push({ type: 'DOB', start: a, end: i, confidence: 0.6 });
  }
  return added ? [...spans, ...added].sort((x, y) => x.start - y.start || y.end - x.end) : spans;
}
