/**
 * A birth year told as the year someone registered the customer: "الوالد الله يرحمه كان مسجلني ١٤٠١ بالحفيظة",
 * "أبوي قيدني ١٣٩٨ بدفتر العائلة", "my father registered me 1985 in the family book". The verb with "me" as its object
 * ("مسجلني", "سجلني", "قيدني", "registered me") right before a year (Hijri or Gregorian), with a civil-status record
 * named in its clause, is a birth's registration; "سجلت السيارة ١٤٤٣" (I registered the car) names no person and stays
 * visible.
 */
import { digitValue } from '../text/fold';
import { isLetterUnit } from '../text/letters';
import type { DetectedSpan } from './types';

const REGISTERED_ME = /(?:(?<![\p{L}])(?:م|و|ف)?(?:سجل|قيد)(?:ت|و|وا)?(?:ني|نى)|\bregistered me(?: (?:in|on|as))?)[ \u00a0]*(?:(?:سنة|سنه|عام|في|in|year)[ \u00a0]+)?$/iu;
const MAY_HOLD = /سجل|قيد|[Rr]egistered/;
/**
 * The civil-status record the registration is in, in the year's clause: the old Saudi ID ("الحفيظة"), the family book,
 * the birth certificate, the civil registry — without one, "registered me in 2019" is an account's or a course's.
 */
const CIVIL_RECORD = /حفيظ|دفتر (?:ال)?عائل|شهاد[ةه] (?:ال)?ميلاد|(?:ال)?هوي[ةه]|الاحوال|الأحوال|(?:ال)?سجل (?:ال)?مدني|birth certificate|family (?:book|register|card)|civil regist/iu;

/** The spans with each year a registration of the customer names added as a birth date. */
export function withRegisteredYears(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!MAY_HOLD.test(text)) return spans;
  let added: DetectedSpan[] | undefined;
  for (let i = 0; i < text.length; ) {
    if (digitValue(text.charCodeAt(i)) < 0) {
      i++;
      continue;
    }
    const a = i;
    let year = 0;
    while (i < text.length && digitValue(text.charCodeAt(i)) >= 0) year = year * 10 + digitValue(text.charCodeAt(i++));
    if (i - a !== 4 || isLetterUnit(text.charCodeAt(i)) || (digitValue(text.charCodeAt(i + 1)) >= 0 && /[/.\-:,]/.test(text[i] ?? ''))) continue;
    if (!((year >= 1300 && year <= 1450) || (year >= 1900 && year <= 2030))) continue;
    if (!REGISTERED_ME.test(text.slice(Math.max(0, a - 28), a)) || !CIVIL_RECORD.test(text.slice(Math.max(0, a - 48), i + 32)) || spans.some((sp) => sp.start < i && a < sp.end)) continue;
    (added ??= []).push({ type: 'DOB', start: a, end: i, confidence: 0.65 });
  }
  return added ? [...spans, ...added].sort((x, y) => x.start - y.start || y.end - x.end) : spans;
}
