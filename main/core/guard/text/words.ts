/**
 * The words the guards' lexicons know, for the reading normaliser (`core/text/normalise`): a line-wrapped word is
 * joined, and an OCR'd word read with letters for digits, only into one of these. Each lexicon registers its entries
 * as it loads (`registerLexicon`): the letter runs of their regular-expression sources, folded like message text, and
 * the stems an entry lets go on (`ابعت\S*`, `(?:ارسل|ابعت)\S*`, or every word where endings are free), so "ابعتلي"
 * and "suspended" are words. Only set look-ups: the guards ask at every line break. The guard's index loads every
 * lexicon before any text is read.
 */
import { foldArabic } from '../../text/fold';

const known = new Set<string>();
const stems = new Set<string>();
let registrations = 0;

/** Changes whenever a lexicon registers words: a reading kept from before it may differ from one made after. */
export function lexiconVersion(): number {
  return registrations;
}

/** Regex syntax that is not a word: escapes (`\S`, `\p{L}`), character classes, group openers. */
const SYNTAX = /\\[pPu]\{[^}]*\}|\\[a-zA-Z]|\[[^\]]*\]|\(\?<?[:=!]|\{\d+(?:,\d*)?\}/g;
/** A word or a group of plain alternatives, then an open ending: `suspend\S*`, `(?:ارسل|ابعت)\S{0,3}`. */
const OPEN_ENDED = /(?:(\p{L}{2,})|\(\?:([\p{L}|]+)\))\\S(?:\*|\{0,\d\})/gu;

export function registerLexicon(entries: readonly string[], opts: { freeEndings?: boolean } = {}): void {
  registrations++;
  for (const e of entries) {
    const folded = foldArabic(e.toLowerCase());
    for (const m of folded.matchAll(OPEN_ENDED)) for (const s of (m[1] ?? m[2]!).split('|')) if (s.length >= 3) stems.add(s);
    for (const w of folded.replace(SYNTAX, ' ').match(/\p{L}{2,}/gu) ?? []) {
      known.add(w);
      if (opts.freeEndings && w.length >= 3) stems.add(w);
    }
  }
}

const LATIN_ENDINGS = ['s', 'es', 'ed', 'd', 'ing', 'ion', 'ation', 'er', 'ers', 'ly'];
const AR_PREFIXES = ['وال', 'بال', 'فال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل'];
const AR_SUFFIXES = ['هم', 'ها', 'ه', 'كم', 'ك', 'ي', 'ت', 'ش', 'تون', 'شون', 'ات', 'ين', 'ون', 'و', 'ا'];
/**
 * What may follow a stem: a Latin inflection of up to three letters; in Arabic script one or two letters or a pronoun
 * clitic ("ابعتهولي", "بفرستینش") — never any letters, or two words a line break parts ("جوالك" / "عطني") would read as one.
 */
const CLITICS = new Set(['تها', 'تهم', 'تلي', 'تله', 'تلو', 'ليا', 'لنا', 'لكم', 'لها', 'لهم', 'هولي', 'هالي', 'هولنا', 'هالنا', 'يها', 'يهم', 'وها', 'وهم', 'تون', 'شون', 'تان', 'مان', 'شان', 'يتو', 'يدش', 'ينش', 'يلي']);
const endingFits = (stem: string, ending: string) => (/^[a-z]/.test(stem) ? ending.length <= 3 : ending.length <= 2 || CLITICS.has(ending));

/** Is this lower-case, folded word a lexicon word: as written, with an ending or a clitic, or a stem and its ending? */
export function knowsWord(word: string): boolean {
  if (known.has(word) || hasStem(word)) return true;
  if (/^[a-z]+$/.test(word)) return LATIN_ENDINGS.some((e) => word.length - e.length >= 3 && word.endsWith(e) && known.has(word.slice(0, -e.length)));
  for (const p of AR_PREFIXES) {
    const stem = word.startsWith(p) ? word.slice(p.length) : '';
    if (stem.length >= 2 && (known.has(stem) || hasStem(stem))) return true;
  }
  return AR_SUFFIXES.some((s) => word.length - s.length >= 2 && word.endsWith(s) && known.has(word.slice(0, -s.length)));
}

function hasStem(word: string): boolean {
  for (let k = Math.max(3, word.length - 5); k <= word.length; k++) if (stems.has(word.slice(0, k)) && endingFits(word, word.slice(k))) return true;
  return false;
}

/*
 * Words more than one rule reads, each written once here; a rule spreads the list into its own and adds its words.
 * (Only a lexicon's `registerLexicon` makes a word one the normaliser may join into: these are registered where a
 * registered lexicon spreads them.)
 */
/** A bare refusal ("No, please don't.", "لا", "نه"): negation words of the outbound lexicon, and the quote gate's refusals. */
export const REFUSAL_WORDS = ['no', "don't", 'dont', 'لا', 'نه'];
/** Verbs of writing or saying that may stand right before a quotation: the quote gate's reported speech and reported quotes. */
export const QUOTING_VERBS = ['wrote', 'writes', 'said', 'says', 'كتب', 'قال', 'قالت', 'گفت'];
