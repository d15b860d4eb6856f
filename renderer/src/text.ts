/** Text rules the console applies to what people type: plain functions, no DOM. */

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits as 0-9. */
export function toLatinDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/** Folds case, Arabic/Persian letter variants and diacritics, so "كي" finds "کی" and "Hello" finds "hello". */
export function foldForMatch(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    // Every combining mark (Arabic harakat, Latin accents after NFKD) and the tatweel.
    .replace(/\p{M}|\u0640/gu, '')
    .replace(/[\u064a\u0649]/g, '\u06cc')
    .replace(/\u0643/g, '\u06a9')
    .replace(/[\u0622\u0623\u0625]/g, '\u0627')
    .replace(/\u0629/g, '\u0647');
}

/** A canned reply matches when every word typed is in its shortcut, title or body. */
export function matchesCanned(c: { shortcut: string; title: string; body: string }, query: string): boolean {
  const words = foldForMatch(query).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const hay = foldForMatch(`${c.shortcut} ${c.title} ${c.body}`);
  return words.every((w) => hay.includes(w));
}

const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
/** Order numbers, references and codes: Latin letters, digits and joiners, with at least one digit (not at the end: punctuation). */
const CODE_LIKE = /[#A-Za-z0-9\u0660-\u0669\u06f0-\u06f9](?:[A-Za-z0-9\u0660-\u0669\u06f0-\u06f9#_/.:-]*[A-Za-z0-9\u0660-\u0669\u06f0-\u06f9])?/g;
const HAS_DIGIT = /[0-9\u0660-\u0669\u06f0-\u06f9]/;

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
