/** Folds case, Arabic/Persian letter variants and diacritics, so "كي" finds "کی" and "Hello" finds "hello". */
export function foldForMatch(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u064b-\u065f\u0670\u0640\u0300-\u036f]/g, '')
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
