/** Text rules the console applies to what people type: plain functions, no DOM. */

import { DIGIT_CLASS, digitValue, foldText } from '../../main/ipc/text-fold';

const ANY_DIGIT = new RegExp(`[${DIGIT_CLASS}]`, 'g');

/** A decimal digit of any script (Arabic-Indic ٠-٩, Persian ۰-۹, Devanagari, full-width…) as 0-9. */
export function toLatinDigits(s: string): string {
  return s.replace(ANY_DIGIT, (d) => String(digitValue(d.charCodeAt(0))));
}

/**
 * The console's filters fold with the one rule search and the highlighter use (`core/text/fold`: case, letter
 * variants, diacritics, accents, digit scripts), so "كي" finds "کی", "cafe" finds "Café" and a filter agrees with search.
 */
export { foldText };

/** A canned reply matches when every word typed is in its shortcut, title or body. */
export function matchesCanned(c: { shortcut: string; title: string; body: string }, query: string): boolean {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const hay = foldText(`${c.shortcut} ${c.title} ${c.body}`);
  return words.every((w) => hay.includes(w));
}

const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
/** Order numbers, references and codes: Latin letters, digits and joiners, with at least one digit (not at the end: punctuation). */
const CODE_LIKE = new RegExp(`[#A-Za-z${DIGIT_CLASS}](?:[A-Za-z${DIGIT_CLASS}#_/.:-]*[A-Za-z${DIGIT_CLASS}])?`, 'g');
const HAS_DIGIT = new RegExp(`[${DIGIT_CLASS}]`);

/**
 * Splits a run of text so that order numbers and references inside right-to-left text can be shown isolated
 * (`<bdi>`), whole and in their own order ("#ORD-4471/B" stays one unit beside Arabic words). Text with no
 * right-to-left letter comes back as one run. Joining the runs gives the text back unchanged.
 */
export function isolatedRuns(text: string): Array<{ text: string; isolate: boolean }> {
  if (!RTL_LETTER.test(text)) return [{ text, isolate: false }];
  const runs: Array<{ text: string; isolate: boolean }> = [];
  let at = 0;
  for (const m of text.matchAll(CODE_LIKE)) {
    if (!HAS_DIGIT.test(m[0])) continue;
    if (m.index > at) runs.push({ text: text.slice(at, m.index), isolate: false });
    runs.push({ text: m[0], isolate: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at), isolate: false });
  return runs;
}
