import { detectLang } from './lang';
import { knowsWord } from './words';

/**
 * The Arabic article written "am-" (Tihama, Jazan, parts of Yemen and Hadramawt: "امرمز", "امبطاقه", "امتطبيق" for
 * الرمز, البطاقه, التطبيق): read as "al-" where the rest is a word the lexicons know, so every rule that reads a
 * secret, a place or a verb reads these too. (The lexicons' stems make "امرقم" look known as written — امر + two
 * letters —, so the word as written is not asked about.) Only in Arabic text (`raw`, before folding, decides): Persian
 * writes "امکان", "امروز" with no article in them. Works on folded text.
 */
const AM_WORD = /(?<![\p{L}\p{N}])ام(\p{L}{3,})/gu;

export function readAmArticle(folded: string, raw: string): string {
  return folded.includes('ام') && detectLang(raw) === 'ar' ? folded.replace(AM_WORD, (word, rest: string) => (knowsWord(rest) && knowsWord('ال' + rest) ? 'ال' + rest : word)) : folded;
}
