/**
 * Birth years the date reader does not see:
 * - a year or a decade said in words right after a "born in" phrase: "مواليده ألف وثلاثمية وسبعين" (Hijri), "متولد سال
 *   هزار و سیصد و شصت و هفت" (Jalali), "مولود سنة تمانين", "من مواليد التسعينات", "born in the eighties";
 * - a second calendar's year in brackets right after a birth date or year: "born 1961 (in our calendar 1953)",
 *   "14/03/1985 (E.C. 1977)".
 * A decade or a year in words with no birth phrase before it ("موبايل من أيام التسعينات", "the eighties collection")
 * stays visible.
 */
import { DIGIT_CLASS } from '../text/fold';
import { birthWordOnce } from './birth-gate';
import { FAIL_CLOSED_CONFIDENCE } from './fail-closed';
import type { DetectedSpan } from './types';
import { readCompound, words } from './worded-numbers';

const SP = '[ \\u00a0\\u200c]+';
/** A birth word, then the little words of "in the year": the year or decade said in words follows. */
const BORN_IN = new RegExp(
  `(?<![\\p{L}])(?:(?:و|من${SP})?(?:ال)?مواليد(?:ه|ها|ي|هم|كم)?|مولود(?:ة|ه)?|مواليدي|متولد(?:م|ه|ِ)?|born|mawalid|mawaleed|motevaled)` +
    `(?:${SP}(?:سنة|سنه|عام|سال|in|of|the|year|في|فی|عامَ))*${SP}`,
  'giu',
);
/** A decade: "the eighties", "late 80s", "'87", "التسعينات", "تمانين", "السبعينيات". */
const DECADE = /^(?:(?:early|late|mid)[- ]?)?(?:fifties|sixties|seventies|eighties|nineties|[5-9]0'?s|['\u2018\u2019][0-9]{2}(?![0-9]))(?![\p{L}])|^(?:ال)?(?:خمس|ست|سبع|ثمان|تمان|تسع)ين(?:ات|يات|ينات)?(?![\p{L}])/iu;

const D = `[${DIGIT_CLASS}]`;
/** A second calendar's year in brackets: "(in our calendar 1953)", "(E.C. 1977)", "(۱۳۶۹ شمسی)". */
/** From a bracket to a second calendar's year: "(in our calendar ", "(E.C. ", "[". */
const OPENS_SECOND = `[ \\u00a0]*[(\\[][^()\\[\\]\\n${DIGIT_CLASS}]{0,32}`;
const CLOSES_SECOND = `[^()\\[\\]\\n${DIGIT_CLASS}]{0,16}[)\\]]`;
const BRACKETED_YEAR = new RegExp(`^(${OPENS_SECOND})${D}{4}${CLOSES_SECOND}`, 'u');

const YEAR_THEN_BRACKETED = new RegExp(`^(${D}{4}${OPENS_SECOND})${D}{4}${CLOSES_SECOND}`, 'u');

/** The spans with the birth years above added as DOB. */
export function withBirthYears(text: string, spans: DetectedSpan[], namesBirth = birthWordOnce(text)): DetectedSpan[] {
  const hasDob = spans.some((sp) => sp.type === 'DOB');
  if (!hasDob && !namesBirth()) return spans;
  let added: DetectedSpan[] | undefined;
  const free = (start: number, end: number): boolean => !spans.some((sp) => sp.start < end && start < sp.end && sp.confidence > FAIL_CLOSED_CONFIDENCE) && !added?.some((sp) => sp.start < end && start < sp.end);
  BORN_IN.lastIndex = 0;
  let ws: ReturnType<typeof words> | undefined;
  for (let m = BORN_IN.exec(text); m; m = BORN_IN.exec(text)) {
    const at = m.index + m[0].length;
    // "born 1961 (in our calendar 1953)": the reader joined the two years into one run nothing typed
    const twoYears = YEAR_THEN_BRACKETED.exec(text.slice(at, at + 72));
    if (twoYears) {
      const second = at + twoYears[1]!.length;
      for (const from of [at, second]) if (free(from, from + 4)) (added ??= []).push({ type: 'DOB', start: from, end: from + 4, confidence: 0.75 });
      continue;
    }
    const decade = DECADE.exec(text.slice(at, at + 24));
    let end = -1;
    if (decade) end = at + decade[0].length;
    else {
      ws ??= words(text);
      const k = ws.findIndex((w) => w.start === at);
      const c = k >= 0 ? readCompound(ws, k, text) : null;
      // a year (Hijri and Jalali from 1300, Gregorian to 2099) or two digits of one ("سنة سبعة وثمانين")
      if (c && c.from === at && ((c.value >= 1300 && c.value <= 2099) || (c.value >= 10 && c.value <= 99 && c.compound))) end = c.to;
    }
    if (end > at && free(at, end)) (added ??= []).push({ type: 'DOB', start: at, end, confidence: 0.75 });
  }
  for (const sp of [...spans, ...(added ?? [])]) {
    if (sp.type !== 'DOB') continue;
    const m = BRACKETED_YEAR.exec(text.slice(sp.end, sp.end + 64));
    if (!m) continue;
    const start = sp.end + m[1]!.length;
    if (free(start, start + 4)) (added ??= []).push({ type: 'DOB', start, end: start + 4, confidence: 0.75 });
  }
  if (!added) return spans;
  // (a reading of fail-closed confidence or weaker gives way: "1961 (1953)" read whole as one unexplained number)
  const kept = spans.filter((sp) => sp.confidence > FAIL_CLOSED_CONFIDENCE || !added!.some((a) => sp.start < a.end && a.start < sp.end));
  return [...kept, ...added].sort((x, y) => x.start - y.start || y.end - x.end);
}
