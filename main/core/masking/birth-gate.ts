/**
 * The birth pass's pre-test: one pattern built from the lexicon's birth words, so that a message holding no birth
 * word costs one pattern test instead of normalisation and a look-up of every word (`messageHasCue`).
 *
 * It must pass every message whose birth-word scan finds one, so it is read from the same rules the scan applies to a
 * word of normalised text: the lexicon's exact words (Latin and transliterated ones as whole words, also behind an
 * Arabizi article or before a Finglish ending, `LATIN_ARTICLES` / `LATIN_ENDINGS`), the stems inside every clitic
 * form of an Arabic-script word, the consonant skeletons `cueOfSpelling` reads ("mawlood", "tavallod"), and the dotted
 * labels ("d.o.b", "b-day"). Every letter stands for each unit that folds to it (`FOLD_TABLE`: case, through the `i`
 * flag, and Arabic and Persian letter variants), so the pattern is tried on the text as it is; only a text that
 * normalisation shortens (a mark, a zero-width or direction character) is tried again in its normalised form.
 * `test/unit/masking/birth-gate.test.ts` checks that it never turns away a message the scan accepts.
 */
import { LATIN_ARTICLES, LATIN_ENDINGS } from './context';
import { FOLD_TABLE, NORM_TABLE, normaliseTransient } from './detection-text';
import { Cue, cueSpellings } from './lexicon';

/** The Arabic and Persian letters that fold to each letter (itself included); case is the pattern's `i` flag. */
const FOLDS_FROM = new Map<number, number[]>();
for (let c = 0x100; c < 0x10000; c++) {
  const to = FOLD_TABLE[c]!;
  if (to !== c) FOLDS_FROM.set(to, [...(FOLDS_FROM.get(to) ?? [to]), c]);
}

/** Every unit that folds to `ch`, as a pattern (its case through the `i` flag: A–Z and À–Þ, as `FOLD_TABLE` folds them). */
function folded(ch: string): string {
  const from = FOLDS_FROM.get(ch.charCodeAt(0));
  if (from) return `[${String.fromCharCode(...from)}]`;
  return /[a-z0-9\u00c0-\u00ff\u0600-\u06ff]/.test(ch) ? ch : `\\${ch}`;
}

/**
 * Words as one alternation, shared beginnings written once ("birth", "birthday", "birthdate" → birth(?:|day|date)).
 * `afterFirst` goes right after each word's first letter (a look-behind there is tried only where that letter is).
 */
function alternation(words: readonly string[], afterFirst = ''): string {
  const ends = words.includes('');
  const byFirst = new Map<string, string[]>();
  for (const w of words) if (w) byFirst.set(w[0]!, [...(byFirst.get(w[0]!) ?? []), w.slice(1)]);
  const parts = [...byFirst].map(([first, rests]) => folded(first) + afterFirst + (rests.length === 1 ? [...rests[0]!].map(folded).join('') : `(?:${alternation(rests)})`));
  if (ends) parts.push('');
  return parts.join('|');
}

/**
 * The units a word of normalised text is made of (`isWordChar` of `context.ts`): a match must not have one right
 * before or after it where the scan reads a whole word. Each of them is itself after normalisation, or removed (and
 * then the normalised text is tested as well), so the raw text's word boundaries are the scan's. ("ÿ" is left out:
 * under the `i` flag it would also stand for "Ÿ", which is no word unit; leaving a unit out only lets more through.)
 */
const WORD = 'a-z0-9\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u00fe\\u0621-\\u064a\\u066e-\\u06d3\\u06d5\\u06fa-\\u06ff';
/** After a word's first letter: no word unit before that letter. */
const STARTS_WORD = `(?<![${WORD}][\\s\\S])`;
const ENDS_WORD = `(?![${WORD}])`;

const VOWELS = 'aeiouy';
/** Word units `skeletonOf` keeps (not vowels), as `WORD` reads them. */
const NOT_VOWEL = 'b-df-hj-np-tv-xz' + WORD.slice('a-z'.length);
/** A letter of a skeleton: "k" is also read from "c" and "q" (`skeletonOf`). */
const consonant = (ch: string) => (ch === 'k' ? 'kcq' : ch);

/**
 * Whole words whose consonants, doubled letters made single and vowels dropped, are one of `skeletons`: from the
 * word's first consonant (only vowels between it and the word's start), the skeletons of one first letter together.
 */
function skeletonWords(skeletons: readonly string[]): string[] {
  const letter = (ch: string) => `[${consonant(ch)}][${VOWELS}${consonant(ch)}]*`;
  const byFirst = new Map<string, string[]>();
  for (const k of skeletons) byFirst.set(k[0]!, [...(byFirst.get(k[0]!) ?? []), k.slice(1)]);
  return [...byFirst].map(([first, rests]) => `[${consonant(first)}](?<![${NOT_VOWEL}][${VOWELS}]*[\\s\\S])[${VOWELS}${consonant(first)}]*(?:${rests.map((r) => [...r].map(letter).join('')).join('|')})${ENDS_WORD}`);
}

const DASHES = "\\-.'\\u2019\\u2010-\\u2015\\u2212\\ufe63\\uff0d";

function buildGate(): RegExp {
  const { latin, stems, skeletons } = cueSpellings(Cue.BIRTH);
  const spellings = [...latin, ...LATIN_ARTICLES.flatMap((a) => latin.map((w) => a + w))];
  const words = `(?:${alternation(spellings, STARTS_WORD)})(?:${alternation(LATIN_ENDINGS)})?${ENDS_WORD}`;
  // (a stem holding another stem adds nothing: "اتولدت" holds "تولد")
  const inner = stems.filter((s) => !stems.some((t) => t !== s && s.includes(t)));
  const parts = [words, alternation([...new Set(inner)]), ...skeletonWords(skeletons), 'd\\.o\\.b', `b[${DASHES}]day`];
  return new RegExp(parts.join('|'), 'i');
}

let gate: RegExp | null = null;

/**
 * Normalisation drops a unit of the text (`NORM_TABLE` holds 0xffff for those) or reads a letter outside Latin-1 as
 * another (Turkish "ğ" as "g": "doğum" is the lexicon's "dogum" only after it).
 */
function dropsCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (NORM_TABLE[c] === 0xffff || (c >= 0x100 && c < 0x180 && NORM_TABLE[c] !== c)) return true;
  }
  return false;
}

/**
 * The text may hold a birth word: false only when the birth-word scan of its normalised text finds none. Nothing of
 * the text is kept: the birth dates' and the birth years' steps share one answer through `birthWordOnce`.
 */
export function mayNameBirth(text: string): boolean {
  gate ??= buildGate();
  return gate.test(text) || (dropsCharacters(text) && gate.test(normaliseTransient(text).text));
}

/** `mayNameBirth` for one message, asked at most once and forgotten with the closure (no original outlives masking). */
export function birthWordOnce(text: string): () => boolean {
  let answer: boolean | undefined;
  return () => (answer ??= mayNameBirth(text));
}
