/**
 * The birth pass's pre-test: one pattern built from the lexicon's birth words, so that a message holding no birth
 * word costs one pattern test instead of normalisation and a look-up of every word (`messageHasCue`).
 *
 * It must pass every message whose birth-word scan finds one, so it is read from the same rules the scan applies to a
 * word of normalised text: the lexicon's exact words (Latin and transliterated ones as whole words, also behind an
 * Arabizi article or before a Finglish ending, `LATIN_ARTICLES` / `LATIN_ENDINGS`), the stems inside every clitic
 * form of an Arabic-script word, the consonant skeletons `cueOfSpelling` reads ("mawlood", "tavallod"), and the dotted
 * labels ("d.o.b", "b-day"). Every letter stands for each character that folds to it (`FOLD_TABLE`: case, Arabic and
 * Persian letter variants), so the pattern is tried on the text as it is; only a text that normalisation shortens
 * (a mark, a zero-width or direction character) is tried again in its normalised form.
 */
import { LATIN_ARTICLES, LATIN_ENDINGS } from './context';
import { FOLD_TABLE, NORM_TABLE, normaliseTransient } from './detection-text';
import { Cue, cueSpellings } from './lexicon';

/** The units that fold to each unit (itself included). */
const FOLDS_FROM = new Map<number, number[]>();
for (let c = 0; c < 0x10000; c++) {
  const to = FOLD_TABLE[c]!;
  if (to !== c) FOLDS_FROM.set(to, [...(FOLDS_FROM.get(to) ?? [to]), c]);
}

const unit = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;

/** A character class of every unit that folds to `ch`. */
function folded(ch: string): string {
  const from = FOLDS_FROM.get(ch.charCodeAt(0)) ?? [ch.charCodeAt(0)];
  return from.length === 1 ? unit(from[0]!) : `[${from.map(unit).join('')}]`;
}

/** Words as one alternation, shared beginnings written once ("birth", "birthday", "birthdate" → birth(?:|day|date)). */
function alternation(words: readonly string[]): string {
  const ends = words.includes('');
  const byFirst = new Map<string, string[]>();
  for (const w of words) if (w) byFirst.set(w[0]!, [...(byFirst.get(w[0]!) ?? []), w.slice(1)]);
  const parts = [...byFirst].map(([first, rests]) => folded(first) + (rests.length === 1 && rests[0] === '' ? '' : `(?:${alternation(rests)})`));
  if (ends) parts.push('');
  return parts.join('|');
}

/**
 * The units a word of normalised text is made of (`isWordChar` of `context.ts`): a match must not have one right
 * before or after it where the scan reads a whole word. Each of them is itself after normalisation, or removed (and
 * then the normalised text is tested as well), so the raw text's word boundaries are the scan's.
 */
const WORD = 'A-Za-z0-9\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u00ff\\u0621-\\u064a\\u066e-\\u06d3\\u06d5\\u06fa-\\u06ff';
const whole = (inner: string) => `(?<![${WORD}])(?:${inner})(?![${WORD}])`;

const VOWELS = [...'aeiouy'].map(folded).join('').replace(/[[\]]/g, '');
/** A letter of a skeleton: "k" is also read from "c" and "q" (`skeletonOf`). */
const consonant = (ch: string) => (ch === 'k' ? [...'kcq'].map(folded).join('').replace(/[[\]]/g, '') : folded(ch).replace(/[[\]]/g, ''));

/** A whole word whose consonants, doubled letters made single and vowels dropped, are `skeleton`. */
function skeletonWord(skeleton: string): string {
  return `[${VOWELS}]*` + [...skeleton].map((ch) => `[${consonant(ch)}][${VOWELS}${consonant(ch)}]*`).join('');
}

const DASHES = "\\-.'\\u2019\\u2010-\\u2015\\u2212\\ufe63\\uff0d";

function buildGate(): RegExp {
  const { latin, stems, skeletons } = cueSpellings(Cue.BIRTH);
  const words = `(?:${alternation(LATIN_ARTICLES)})?(?:${alternation(latin)})(?:${alternation(LATIN_ENDINGS)})?`;
  // (a stem holding another stem adds nothing: "اتولدت" holds "تولد")
  const inner = stems.filter((s) => !stems.some((t) => t !== s && s.includes(t)));
  const parts = [whole(words), alternation([...new Set(inner)]), ...skeletons.map((k) => whole(skeletonWord(k))), [...'d.o.b'].map((c) => (c === '.' ? '\\.' : folded(c))).join(''), `${folded('b')}[${DASHES}]${[...'day'].map(folded).join('')}`];
  return new RegExp(parts.join('|'));
}

let gate: RegExp | null = null;

/** Normalisation drops a unit of the text (`NORM_TABLE` holds 0xffff for those). */
function dropsCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (NORM_TABLE[text.charCodeAt(i)] === 0xffff) return true;
  return false;
}

/** The text may hold a birth word: false only when the birth-word scan of its normalised text finds none. */
export function mayNameBirth(text: string): boolean {
  gate ??= buildGate();
  return gate.test(text) || (dropsCharacters(text) && gate.test(normaliseTransient(text).text));
}
