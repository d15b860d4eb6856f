/**
 * Round 37: a relative's birth year given alone right after another person's birth date ("mother date of birth
 * 1/1/1960 father 1955", "my dob 12/09/1984 and my wife's 1987", "تاريخ ميلاد الوالدة ١٩٦٢/٠٥/٠٣ والوالد ١٩٥٨"): the
 * birth word before the first value labels the list, so a relative's word and a year of this era, with nothing but
 * "and" and commas between the birth date and them, are a DOB too. "policy started in 2015", "since 1955" have no
 * relative's word and stay visible.
 */
import { asciiDigits, DIGIT_CLASS } from '../text/fold';
import { birthRangeYear } from './birth-corrections';
import { placeSpan } from './placed-span';
import type { DetectedSpan } from './types';

const N = `[${DIGIT_CLASS}]`;
const KIN =
  "father|mother|dad|mom|mum|wife|husband|son|daughter|spouse|brother|sister|père|pere|mère|mere|والد|الوالد|والده|الوالده|والدة|الوالدة|ابوي|أبوي|امي|أمي|ابي|أبي|زوجي|زوجتي|پدر|پدرم|مادر|مادرم|همسر|همسرم|отец|мать|падар|модар|baba|mama|pedar|madar";
const NEXT = new RegExp(
  `^[\\s,،;:&\\-–]*(?:(?:and|et|و|ва|и)\\s*)?(?:(?:my|his|her|the|mon|ma|мой)\\s+)?(?:${KIN})(?:'s|’s)?(?:\\s+(?:dob|born|birth\\s*year|year|متولد|مواليد))?[\\s:：\\-–]*(${N}{4})(?![\\p{N}/.\\-])`,
  'iu',
);

/** The spans with a relative's bare birth year after a birth date placed as DOB. */
export function withKinBirthYears(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!spans.some((sp) => sp.type === 'DOB')) return spans;
  let out = spans;
  for (const dob of spans) {
    if (dob.type !== 'DOB') continue;
    const m = NEXT.exec(text.slice(dob.end, dob.end + 48));
    if (!m) continue;
    if (!birthRangeYear(asciiDigits(m[1]!))) continue;
    const a = dob.end + m[0].length - m[1]!.length;
    out = placeSpan(out, { type: 'DOB', start: a, end: a + 4, confidence: 0.6 }, new Set());
  }
  return out;
}
