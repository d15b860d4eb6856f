/**
 * Text folding shared by every guard, so one lexicon entry matches all the ways a word is written:
 * Arabic/Persian letter variants (أ إ آ ٱ → ا, ى ی ئ → ي, ک → ك, ة ۀ → ه, ؤ → و), diacritics and tatweel dropped,
 * Arabic-Indic and Persian digits → ASCII, case folded, the zero-width non-joiner read as a space.
 * `foldLetters` touches letters only (never ASCII punctuation), so it is also safe on regular-expression sources.
 */
const LETTER_MAP: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ی': 'ي', 'ئ': 'ي', 'ې': 'ي', 'ک': 'ك', 'ڪ': 'ك',
  'ة': 'ه', 'ۀ': 'ه', 'ە': 'ه', 'ؤ': 'و', '\u200c': ' ', '\u200d': '', '\u200f': '', '\u200e': '', '\u061c': '',
};
const DROP = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;

export function foldLetters(s: string): string {
  let out = '';
  for (const ch of s.replace(DROP, '')) {
    const code = ch.charCodeAt(0);
    if (code >= 0x0660 && code <= 0x0669) out += String(code - 0x0660);
    else if (code >= 0x06f0 && code <= 0x06f9) out += String(code - 0x06f0);
    else out += LETTER_MAP[ch] ?? ch;
  }
  return out;
}

export function normalizeText(s: string): string {
  return foldLetters(s.normalize('NFKC')).toLowerCase().replace(/[’‘`´]/g, "'");
}

/** A clause: the tokens of one sentence part, joined by single spaces (so phrase regexes can run over them). */
export interface Clause {
  text: string;
  tokens: string[];
  /** The clause ends with a question mark (? or ؟): "Your password?" asks for it. */
  question?: boolean;
}

const CLAUSE_BREAK = /[.!?؟;؛,،\n:()[\]"«»…]+|\s-\s|\s—\s|\bbut\b|\bhowever\b|(?<=\s)(?:ولكن|لكن|بس لو|اما|ولي)(?=\s)/u;
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
