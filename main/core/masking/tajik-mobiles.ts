/**
 * Round 37: a Tajik mobile written without +992 and without a trunk digit, nine digits in a phone's groups ("90 771
 * 4402", "93 555 81 40", "918 44 27 19") after a bare "number" word ("рақамам", "рақами ман", "мой номер",
 * "номерам"): the ID readers typed some of them NATIONAL_ID. Valid in Tajikistan's plan (a mobile's operator digits:
 * 90, 91, 93, 98, 55, 50, 88, 77, 11, 20 …, libphonenumber's metadata) with no identity document's word between, the
 * value is the PHONE.
 */
import { asciiDigits } from '../text/fold';
import { validNsn } from './phone-plan';
import type { DetectedSpan } from './types';

const CHEAP = /рақам|номер/i;
/** A phone's grouping of nine digits: 2-3-4, 2-3-2-2, 3-2-2-2, 3-3-3 (spaces or dashes). */
const LAYOUT = /^(?:[0-9]{2}[ -][0-9]{3}[ -][0-9]{4}|[0-9]{2}[ -][0-9]{3}[ -][0-9]{2}[ -][0-9]{2}|[0-9]{3}[ -][0-9]{2}[ -][0-9]{2}[ -][0-9]{2}|[0-9]{3}[ -][0-9]{3}[ -][0-9]{3})$/;
/** A bare "number" word right before (a possessive or "ман"/"мой" around it), nothing else between. */
const NUMBER_BEFORE = /(?:рақам(?:ам|и\s+ман|и\s+мобилӣ|и\s+телефон\S*)?|(?:мой\s+)?номер(?:ам|и\s+ман)?(?:\s+телефона)?)\s*[:：\-–—]?\s*$/iu;

/** The spans with a Tajik mobile typed NATIONAL_ID after a bare number word retyped PHONE. */
export function withTajikMobiles(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!spans.some((sp) => sp.type === 'NATIONAL_ID') || !CHEAP.test(text)) return spans;
  return spans.map((sp) => {
    if (sp.type !== 'NATIONAL_ID') return sp;
    const value = asciiDigits(text.slice(sp.start, sp.end));
    if (!LAYOUT.test(value) || !validNsn('TJ', value.replace(/\D/g, ''))) return sp;
    if (!NUMBER_BEFORE.test(text.slice(Math.max(0, sp.start - 32), sp.start))) return sp;
    return { ...sp, type: 'PHONE' };
  });
}
