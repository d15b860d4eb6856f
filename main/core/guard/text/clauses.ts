import { foldArabic } from '../../text/fold';

/**
 * Text folding shared by every guard, so one lexicon entry matches all the ways a word is written: the one folding
 * rule (`core/text/fold`: letter variants, diacritics and tatweel dropped, every digit script → ASCII), case folded,
 * and the zero-width non-joiner read as a space — the guards tokenise, and a ZWNJ separates the parts of a Persian
 * word the lexicons list apart. `foldLetters` never touches ASCII, so it is also safe on regular-expression sources.
 */
export function foldLetters(s: string): string {
  return foldArabic(s.replace(/\u200c/g, ' '));
}

/** A keycap digit ("7️⃣") is its digit; an emoji inside a number ("05😡6") hides nothing the guards need, so it goes. */
const KEYCAP = /[\ufe0f\u20e3]/gu;
const EMOJI_IN_DIGITS = /(?<=\d ?)\p{Extended_Pictographic}+(?= ?\d)/gu;
/** "the 3 #s on da back", "wats the # on it": a number sign standing alone is the word "number". */
const NUMBER_SIGN = /(?<![\p{L}\p{N}#])#(s?)(?![\p{L}\p{N}#])/gu;

export function normalizeText(s: string): string {
  return foldLetters(s.replace(KEYCAP, '').replace(EMOJI_IN_DIGITS, '').replace(NUMBER_SIGN, 'number$1').normalize('NFKC')).toLowerCase().replace(/[’‘`´]/g, "'");
}

/** A clause: the tokens of one sentence part, joined by single spaces (so phrase regexes can run over them). */
export interface Clause {
  text: string;
  tokens: string[];
  /** The clause ends with a question mark (? or ؟): "Your password?" asks for it. */
  question?: boolean;
}

// (a numbered step, "2- enter the code", starts a clause of its own)
const CLAUSE_BREAK = /[.!?؟;؛,،\n:()[\]"«»…]+|(?:^|\s)\d{1,2}\s?[-–](?=\s)|\s-\s|\s—\s|\bbut\b|\bhowever\b|(?<=\s)(?:ولكن|لكن|بس لو|اما|ولي)(?=\s)/u;
const CLAUSE_BREAK_KEPT = new RegExp(`(${CLAUSE_BREAK.source})`, 'u');
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

export function clauses(normalized: string): Clause[] {
  const out: Clause[] = [];
  // a time (10:42), a decimal or a grouped number (1,500) is one token, not a clause break
  const pieces = normalized.replace(/(?<=\d)[:.,٫٬](?=\d)/g, '').split(CLAUSE_BREAK_KEPT);
  for (let i = 0; i < pieces.length; i += 2) {
    const tokens = pieces[i]?.match(TOKEN) ?? [];
    if (tokens.length) out.push({ text: tokens.join(' '), tokens, question: /[?؟]/.test(pieces[i + 1] ?? '') });
  }
  return out;
}

/** Token index of a character offset inside a clause's space-joined text. */
export function tokenIndexAt(clauseText: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset && i < clauseText.length; i++) if (clauseText.charCodeAt(i) === 32) n++;
  return n;
}
