/**
 * (round 22) Tajik in Cyrillic, read in the Latin letters Tajiks abroad type it in ("пардохт кунед" → "pardokht
 * kuned", "сомонӣ" → "somoni", "баста шуд" → "basta shud"), so each Tajik word is written once, in Latin, and meets
 * both scripts: the scam lexicons (`phishing/scam-patterns.ts`) and the outbound guard's Tajik grammar
 * (`outbound/tajik.ts`). Lower case in, lower case out; a text with no Cyrillic letter is returned as is.
 */
const LETTERS: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ғ: 'gh', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', ӣ: 'i', й: 'y', к: 'k', қ: 'q', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ӯ: 'u', ф: 'f', х: 'kh', ҳ: 'h', ц: 'ts', ч: 'ch', ҷ: 'j', ш: 'sh', щ: 'sh', ъ: '', ы: 'i', ь: '',
  э: 'e', ю: 'yu', я: 'ya',
};
const CYRILLIC = /[\u0400-\u04ff]/u;

export function tajikInLatin(lower: string): string {
  if (!CYRILLIC.test(lower)) return lower;
  return lower.replace(/[\u0400-\u04ff]/gu, (c) => LETTERS[c] ?? c);
}

/**
 * The spellings typists vary on, made one after the transliteration, so a word is written once for both scripts:
 * "ū"/"ŭ" (ӯ) as "u", "ħ" as "h", "x" as "kh" ("xon", "oxir"), "w" as "v" ("nawis"), the apostrophe of "eʼlom"
 * dropped, and the glide "y" after "u" before a vowel ("guyed", where Cyrillic "гӯед" reads "gued"). Used by readers
 * matching whole Tajik words; the scam lexicons read `tajikInLatin`'s text and keep their own variants.
 */
const VARIANT = /[\u0400-\u04ffūŭħxwʼ]|uy[aeiou]/u;
export function tajikSpelling(lower: string): string {
  if (!VARIANT.test(lower)) return lower;
  return tajikInLatin(lower)
    .replace(/[ūŭ]/gu, 'u')
    .replace(/ħ/gu, 'h')
    .replace(/x/gu, 'kh')
    .replace(/w/gu, 'v')
    .replace(/ʼ/gu, '')
    .replace(/uy(?=[aeiou])/gu, 'u');
}
