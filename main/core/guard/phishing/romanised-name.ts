/**
 * A name written in Arabic or Persian script against a Latin host piece (round 21): "نخلة باي" against `nakhlapay`,
 * "شقایق" against `shaghayegh`, `chaghayegh` or `shaqayeq`. Both sides become a consonant skeleton: the Latin piece
 * loses its vowels and doubled letters and has its digraphs read as one sound (kh → x, dj → j, sh/ch → s, gh → g, th → t, dh →
 * d, ph → f, a leading al/el → the article; Arabizi 7 → h, 5 → x, 9 → q); each Arabic letter becomes the set of Latin sounds people write for it (ق →
 * k/q/g, ج → j/g, ث → t/s, ض/ظ/ذ → d/z, و → w/v or a vowel, ي/ی → y or a vowel, ة and a final ه → h or nothing, ع and
 * alef → nothing, the article ال → al/el or nothing). The two are compared by an edit distance in which a letter may stand
 * for any of its sounds and a letter that may be a vowel costs nothing to leave out.
 */

/** One Arabic letter's Latin sounds (one class letter each), and whether writers may leave it out. */
interface Sound { sounds: string; optional: boolean }

const LETTERS: Record<string, string> = {
  'ب': 'bp', 'پ': 'pb', 'ت': 't', 'ط': 't', 'ث': 'ts', 'ج': 'jg', 'چ': 's', 'ح': 'h', 'خ': 'xk', 'د': 'd', 'ذ': 'zd',
  'ر': 'r', 'ز': 'z', 'ژ': 'zj', 'س': 's', 'ص': 's', 'ش': 's', 'ض': 'dz', 'ظ': 'zd', 'غ': 'g', 'ف': 'f', 'ق': 'kg', 'ك': 'k',
  'ک': 'k', 'گ': 'g', 'ل': 'l', 'م': 'm', 'ن': 'n', 'و': 'wv', 'ي': 'y', 'ی': 'y', 'ى': 'y', 'ه': 'h', 'ة': 'h',
};
/** Letters that only carry a vowel or a glottal stop in Latin spellings: alef, hamza, ain. */
const SILENT = new Set([...'اأإآٱءئؤع']);

/** The skeleton of one Arabic-script name (its words run together), or undefined when it has a letter outside the table. */
export function arabicSounds(name: string): Sound[] | undefined {
  const out: Sound[] = [];
  for (const word of name.normalize('NFC').replace(/[\u064B-\u065F\u0670\u0640]/g, '').split(/[\s\u200c]+/).filter(Boolean)) {
    const article = word.length > 3 && word.startsWith('ال');
    const letters = [...(article ? word.slice(2) : word)];
    if (article) out.push({ sounds: 'L', optional: true });
    for (const [i, ch] of letters.entries()) {
      if (SILENT.has(ch)) continue;
      const sounds = LETTERS[ch];
      if (sounds === undefined) return undefined;
      // و and ي are consonants at a word's start, vowels (often written, often not) inside it; ه/ة at a word's end is a vowel
      const optional = (i > 0 && 'ويیى'.includes(ch)) || ch === 'ة' || (ch === 'ه' && i > 0 && i === letters.length - 1);
      const prev = out[out.length - 1];
      if (prev && prev.sounds === sounds && !optional && !prev.optional) continue; // a letter written twice
      out.push({ sounds, optional });
    }
  }
  return out;
}

const DIGRAPHS: Array<[RegExp, string]> = [[/kh/g, 'x'], [/dj/g, 'j'], [/[sc]h/g, 's'], [/gh/g, 'g'], [/th/g, 't'], [/dh/g, 'd'], [/ph/g, 'f']];
const LATIN: Record<string, string> = { q: 'k', c: 'k', '7': 'h', '5': 'x', '9': 'k', '6': 't' };

/** A Latin host piece's consonant skeleton ("shaghayegh" → "sgyg", "zaytounah" → "zytnh"); dashes may part pieces. */
export function latinSounds(piece: string): string {
  // (the article as hosts write it, "al"/"el" in front: "learn" does not begin with one)
  let s = piece.toLowerCase().replace(/^[ae]l(?=[^aeiou])/, 'L');
  for (const [re, to] of DIGRAPHS) s = s.replace(re, to);
  let out = '';
  let joined = false; // (across a dash two letters are two sounds: "bazash-sa" is not "bazasha")
  for (const ch of s) {
    if (ch === '-') joined = true;
    if ('aeiou23480-'.includes(ch)) continue;
    const c = LATIN[ch] ?? ch;
    if (!out.endsWith(c) || joined) out += c;
    joined = false;
  }
  return out;
}

/**
 * Whether a Latin piece spells the Arabic-script name: within one edit when the name has five letters no writer leaves
 * out (unless `exact`), exactly otherwise (a shorter name with an edit to spare is spelled by too many short words).
 */
export function spells(sounds: readonly Sound[], latin: string, exact = false): boolean {
  if (sounds.length < 3 || latin.length < 3) return false;
  const need = sounds.filter((s) => !s.optional).length;
  const max = need >= 5 && !exact ? 1 : 0;
  if (latin.length < need - max || latin.length > sounds.length + max) return false;
  // d[j]: the cheapest alignment of the name's first i sounds with the piece's first j letters
  let d = Array.from({ length: latin.length + 1 }, (_, j) => j);
  for (let i = 1; i <= sounds.length; i++) {
    const { sounds: set, optional } = sounds[i - 1]!;
    const next = [d[0]! + (optional ? 0 : 1)];
    for (let j = 1; j <= latin.length; j++) {
      next[j] = Math.min(d[j]! + (optional ? 0 : 1), next[j - 1]! + 1, d[j - 1]! + (set.includes(latin[j - 1]!) ? 0 : 1));
    }
    d = next;
  }
  return d[latin.length]! <= max;
}
