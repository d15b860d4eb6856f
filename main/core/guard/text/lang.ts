import type { InterfaceLanguage } from '../../shared/vocabulary';

/** The guard words its explanations in the console's languages. */
export type GuardLang = InterfaceLanguage;

const PERSIAN_LETTERS = /[پچژگکی]/g;
const ARABIC_LETTERS = /[ىةيكؤإأ]/g;
const ARABIC_SCRIPT = /[\u0600-\u06ff]/g;
const LATIN = /[a-z]/gi;
const ARABIZI = /\b[a-z]*[2357][a-z]+\b/gi;

/** The language to answer a customer in: Persian letters outweigh Arabic ones → fa, Arabic script or Arabizi → ar, else en. */
export function detectLang(text: string): GuardLang {
  const arabic = text.match(ARABIC_SCRIPT)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (arabic > 0 && arabic >= latin / 2) {
    const fa = text.match(PERSIAN_LETTERS)?.length ?? 0;
    const ar = text.match(ARABIC_LETTERS)?.length ?? 0;
    return fa > ar ? 'fa' : 'ar';
  }
  return (text.match(ARABIZI)?.length ?? 0) >= 1 ? 'ar' : 'en';
}
