/**
 * A value sent alone as the whole message: the customer answers the agent's question ("your code?", "your date of
 * birth?") with nothing else. The question is in another message, so the detector cannot read it; the rule fails
 * closed on the shape alone (decided in masking round 26):
 * - four to eight digits in any one digit script, apart by single spaces or dashes at most ("٨٣٠١٩٤", "۶۶۸۲۱۰",
 *   "483 920"), are a one-time code — whatever else their digits could pass for;
 *   Unless (decided in round 27) they stand in three or more groups of unequal sizes, a phone's grouping and not a
 *   code's ("٧٦ ٨١٢ ٣٣٤", "03 456 789"), and read as a national number of a neighbouring region: then a phone;
 * - a day, a month and a year in digits with one kind of separator ("12.07.1985", "۱۳۶۸/۰۴/۲۲") are a birth date.
 * A hash sign, letters or a prefix ("#558102", "ORD-77120"), thousands or decimal marks ("1,250.00"), a time beside a
 * date, or a run longer than eight digits are no such answer: they stay with the other rules.
 */
import { digitValue } from '../text/fold';
import { numericDateValid } from './dates';
import { cuedRegionsNumber } from './phone-plan';
import type { DetectedSpan } from './types';

/** What may stand around the value: spaces, direction marks, closing punctuation, pictographs and their modifiers. */
function isPadding(c: number): boolean {
  return (
    c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x200e || c === 0x200f || c === 0x061c || c === 0xfe0f || c === 0x200d ||
    c === 0x2e || c === 0x21 || c === 0x3f || c === 0x061f || c === 0x06d4 ||
    (c >= 0xd800 && c <= 0xdfff) || (c >= 0x2600 && c <= 0x27bf)
  );
}

const MAX_LENGTH = 40;

/** The spans of a message that is one value alone, or `spans` unchanged when it is not. */
export function withBareAnswer(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (text.length > MAX_LENGTH) return spans;
  let start = 0;
  let end = text.length;
  while (start < end && isPadding(text.charCodeAt(start))) start++;
  while (end > start && isPadding(text.charCodeAt(end - 1))) end--;
  if (end - start < 4 || digitValue(text.charCodeAt(start)) < 0 || digitValue(text.charCodeAt(end - 1)) < 0) return spans;
  // (a date first: "01-01-1940" is no code in dash groups)
  const type = bareDate(text, start, end) ? 'DOB' : bareCode(text, start, end) ? (barePhone(text, start, end) ? 'PHONE' : 'OTP') : null;
  if (!type) return spans;
  return [{ type, start, end, confidence: 0.8 }];
}

/** Four to eight digits of one script, single spaces or dashes between groups. */
function bareCode(text: string, start: number, end: number): boolean {
  let digits = 0;
  let zero = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = digitValue(c);
    if (v >= 0) {
      if (zero < 0) zero = c - v;
      else if (c - v !== zero) return false;
      digits++;
    } else if ((c !== 0x20 && c !== 0x2d) || digitValue(text.charCodeAt(i + 1)) < 0) return false;
  }
  return digits >= 4 && digits <= 8;
}

/** Three or more groups, not all of one size, whose digits are a national number of a cued region. */
function barePhone(text: string, start: number, end: number): boolean {
  const sizes: number[] = [];
  let digits = '';
  let size = 0;
  for (let i = start; i <= end; i++) {
    const v = i < end ? digitValue(text.charCodeAt(i)) : -1;
    if (v >= 0) {
      digits += String(v);
      size++;
    } else if (size) {
      sizes.push(size);
      size = 0;
    }
  }
  return sizes.length >= 3 && sizes.some((n) => n !== sizes[0]) && cuedRegionsNumber(digits);
}

const DATE_SEPARATORS = new Set([0x2e, 0x2f, 0x2d, 0x5c]);

/** Three digit groups with one separator ("12.07.1985", "1368/04/22", "21 / 9 / 1990"), a valid calendar date. */
function bareDate(text: string, start: number, end: number): boolean {
  const groups: string[] = [];
  let group = '';
  let sep = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = digitValue(c);
    if (v >= 0) {
      group += String(v);
      continue;
    }
    if (c === 0x20) continue;
    if (!DATE_SEPARATORS.has(c) || (sep >= 0 && c !== sep) || !group) return false;
    sep = c;
    groups.push(group);
    group = '';
  }
  groups.push(group);
  return groups.length === 3 && numericDateValid(groups[0]!, groups[1]!, groups[2]!);
}
