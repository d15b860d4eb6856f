/**
 * Birth dates the detectors' patterns miss, read by `date-reader.ts` and kept when something says they are birth
 * dates: a birth word around them (as for any date), a question about the birth date on an earlier line that this
 * line answers ("> بوت: تاريخ الميلاد؟" then "١٩٨٣/٠٢/١١"), or a birth date right before them of which they are the
 * second form ("1 Hamal 1369 (March 21 1990)"). A birth date found by the detectors grows to the whole date the
 * reader reads around it ("2052/04/15" → "2052/04/15 BS").
 */
import { isLetterOrNumberUnit } from '../text/letters';
import { Cue, cueAt } from './lexicon';
import { dateCue, messageHasCue } from './context';
import { readDates } from './date-reader';
import { birthWordOnce } from './birth-gate';
import { normalise, toOriginalEnd, toOriginalStart } from './detection-text';
import type { DetectedSpan } from './types';

/** How many lines back an earlier question may stand from its answer. */
const QUESTION_LINES = 4;

const isQuestionMark = (c: number): boolean => c === 0x3f || c === 0x61f;

/** The words of s[from, to): [start, end) pairs. */
function* wordsIn(s: string, from: number, to: number): Generator<[number, number]> {
  let p = from;
  while (p < to) {
    while (p < to && !isLetterOrNumberUnit(s.charCodeAt(p))) p++;
    const ws = p;
    while (p < to && isLetterOrNumberUnit(s.charCodeAt(p))) p++;
    if (p > ws) yield [ws, p];
  }
}

/**
 * The date at `start` answers a question about the birth date asked on one of the lines before it: the nearest line
 * with a question mark has a birth word, and the date's own line has no other record's word and no other number
 * before it ("> Bot: your date of birth?" … "my order 88231 from 2 Oct 2025" is no answer).
 */
function answersBirthQuestion(s: string, start: number): boolean {
  const lineStart = s.lastIndexOf('\n', start - 1) + 1;
  if (lineStart === 0) return false;
  // ("العميل: …", "> Me: …": a speaker's name before a colon is not part of the answer)
  const colon = s.lastIndexOf(':', start - 1);
  const answer = colon >= lineStart && colon - lineStart <= 24 ? colon + 1 : lineStart;
  for (const [ws, we] of wordsIn(s, answer, start)) {
    if (/\d/.test(s.slice(ws, we))) return false;
    const c = cueAt(s, ws, we);
    if (c !== undefined && c !== Cue.BIRTH) return false;
  }
  let end = lineStart - 1;
  for (let n = 0; n < QUESTION_LINES && end >= 0; n++) {
    const from = s.lastIndexOf('\n', end - 1) + 1;
    let question = false;
    for (let i = from; i < end; i++) if (isQuestionMark(s.charCodeAt(i))) question = true;
    if (question) {
      for (const [ws, we] of wordsIn(s, from, end)) if (cueAt(s, ws, we) === Cue.BIRTH) return true;
      return false;
    }
    end = from - 1;
  }
  return false;
}

/** What stands between a birth date and its second form: a bracket, "=", "/", "or", "یعنی", "يعني", "i.e.". */
const SECOND_FORM_GAP = /^[ \t]*(?:[([=/]|-|–|i\.e\.|or|يعني|یعنی|اي|أي|ou)[ \t]*$/i;

/** Every span, with the birth dates the detectors' patterns missed added and their own birth dates made whole. */
export function withBirthDates(text: string, spans: DetectedSpan[], namesBirth = birthWordOnce(text)): DetectedSpan[] {
  const hasDob = spans.some((sp) => sp.type === 'DOB');
  if (!hasDob && !namesBirth()) return spans;
  const n = normalise(text);
  const s = n.text;
  const ctx = { norm: s };
  if (!hasDob && !messageHasCue(ctx, (c) => c === Cue.BIRTH)) return spans;
  const dates = readDates(s);
  if (!dates.length) return spans;
  let out = spans;
  let changed = false;
  // "January 16 1990 (1943 January 1)": digits read as one value across a date and its second form are the two dates'
  for (let k = 1; k < dates.length; k++) {
    const a = dates[k - 1]!;
    const b = dates[k]!;
    if (!SECOND_FORM_GAP.test(s.slice(a.end, b.start))) continue;
    const from = toOriginalStart(n, a.start);
    const to = toOriginalEnd(n, b.end);
    const across = out.filter((sp) => sp.type !== 'DOB' && sp.start >= from && sp.start < toOriginalEnd(n, a.end) && sp.end > toOriginalStart(n, b.start) && sp.end <= to);
    if (across.length) {
      out = out.filter((sp) => !across.includes(sp));
      changed = true;
    }
  }
  for (const d of dates) {
    const start = toOriginalStart(n, d.start);
    let end = toOriginalEnd(n, d.end);
    // ("١٣٦٠ هـ": the tatweel normalisation dropped after the era's letter)
    while (text.charCodeAt(end) === 0x640) end++;
    const over = out.filter((sp) => sp.start < end && start < sp.end);
    if (over.some((sp) => sp.type !== 'DOB')) continue;
    if (over.length) {
      // the detectors' birth date inside a longer date: the whole date ("2052/04/15" of "2052/04/15 BS")
      if (over.some((sp) => sp.start < start || sp.end > end)) continue;
      const from = start;
      const to = end;
      if (over.length === 1 && over[0]!.start === from && over[0]!.end === to) continue;
      out = out.filter((sp) => !over.includes(sp)).concat({ type: 'DOB', start: from, end: to, confidence: Math.max(...over.map((sp) => sp.confidence)) });
      changed = true;
      continue;
    }
    if (!isBirthDate(s, n, out, d.start, d.end, ctx)) continue;
    out = out.concat({ type: 'DOB', start, end, confidence: 0.8 });
    changed = true;
  }
  return changed ? out.sort((x, y) => x.start - y.start || y.end - x.end) : spans;
}

function isBirthDate(s: string, n: ReturnType<typeof normalise>, spans: DetectedSpan[], start: number, end: number, ctx: { norm: string }): boolean {
  const role = dateCue(ctx, start, end);
  if (role === Cue.BIRTH) return true;
  if (role) return false;
  // the second form of the birth date right before it
  const origStart = toOriginalStart(n, start);
  const before = spans.filter((sp) => sp.type === 'DOB' && sp.end <= origStart).pop();
  if (before) {
    const gap = s.slice(normalisedOffset(n, before.end), start);
    if (SECOND_FORM_GAP.test(gap)) return true;
  }
  return answersBirthQuestion(s, start);
}

/** The normalised offset of an original offset (the first normalised unit at or after it). */
function normalisedOffset(n: ReturnType<typeof normalise>, original: number): number {
  if (!n.map) return original;
  let lo = 0;
  let hi = n.map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (n.map[mid]! < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
