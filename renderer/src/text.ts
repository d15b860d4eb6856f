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
