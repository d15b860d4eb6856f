/**
 * A small confusables skeleton (after Unicode TR39): characters that look alike map to one representative, so
 * `аcme` (Cyrillic а), `acrne`, `ac1me` and `acme` compare equal or close. Only letters that appear in domain
 * names and fool people in practice; the full TR39 table is not needed for that.
 */
const SINGLE: Record<string, string> = {
  // Cyrillic
  'а': 'a', 'в': 'b', 'е': 'e', 'ё': 'e', 'һ': 'h', 'н': 'h', 'і': 'l', 'ї': 'l', 'ј': 'j', 'к': 'k', 'ӏ': 'l', 'м': 'm', 'о': 'o',
  'р': 'p', 'с': 'c', 'ѕ': 's', 'т': 't', 'у': 'y', 'х': 'x', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'ɡ': 'g', 'ь': 'b', 'п': 'n',
  // Greek
  'α': 'a', 'β': 'b', 'ε': 'e', 'η': 'n', 'ι': 'l', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x', 'ω': 'w', 'μ': 'u',
  // Latin look-alikes and digits (ASCII, Arabic-Indic and Persian)
  'i': 'l', '1': 'l', '|': 'l', 'ı': 'l', 'ł': 'l', '0': 'o', '5': 's', '$': 's', '3': 'e', '@': 'a', '٠': 'o', '۰': 'o', '١': 'l', '۱': 'l', '٥': 'o', '۵': 'o',
  'ß': 'b', 'ð': 'd', 'ø': 'o', 'đ': 'd', 'ħ': 'h',
};
const MULTI: Array<[RegExp, string]> = [[/rn/g, 'm'], [/vv/g, 'w'], [/cl/g, 'd'], [/-/g, '']];

export function skeleton(s: string): string {
  const base = s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  let out = '';
  for (const ch of base) out += SINGLE[ch] ?? ch;
  for (const [re, to] of MULTI) out = out.replace(re, to);
  return out;
}

/** Scripts of the letters in a label: more than one (Latin + Cyrillic…) is a spoofing sign. */
export function scriptsOf(s: string): Set<string> {
  const scripts = new Set<string>();
  for (const ch of s) {
    if (/\p{Script=Latin}/u.test(ch)) scripts.add('Latin');
    else if (/\p{Script=Cyrillic}/u.test(ch)) scripts.add('Cyrillic');
    else if (/\p{Script=Greek}/u.test(ch)) scripts.add('Greek');
    else if (/\p{Script=Arabic}/u.test(ch) && /\p{L}/u.test(ch)) scripts.add('Arabic');
    else if (/\p{L}/u.test(ch)) scripts.add('Other');
  }
  return scripts;
}

/** Damerau–Levenshtein (optimal string alignment) distance, stopping early past `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length]![b.length]!;
}
