import { foldArabic } from '../../text/fold';
import { TextKeys } from '../../text/literal-gate';
import { readText, type Reading } from '../../text/normalise';
import { knowsWord, lexiconVersion } from './words';
import { forgetAfterTurn } from '../../text/forget-after-turn';

/**
 * Text folding shared by every guard, so one lexicon entry matches all the ways a word is written: the one folding
 * rule (`core/text/fold`: letter variants, diacritics and tatweel dropped, every digit script → ASCII), case folded,
 * and the zero-width non-joiner read as a space — the guards tokenise, and a ZWNJ separates the parts of a Persian
 * word the lexicons list apart. `foldLetters` never touches ASCII, so it is also safe on regular-expression sources.
 */
export function foldLetters(s: string): string {
  return foldArabic(s.replace(/\u200c/g, ' '));
}

/** "the 3 #s on da back", "wats the # on it": a number sign standing alone is the word "number". */
const NUMBER_SIGN = /(?<![\p{L}\p{N}#])#(s?)(?![\p{L}\p{N}#])/gu;
/** Starts a line (or a quoted utterance) that is someone else's words: `clauses` marks its clauses `quoted`. */
export const QUOTED_LINE = '\ue000';

/**
 * The guards' reading of a text: the reading normaliser (`core/text/normalise`, with the lexicons' words), a lone "#"
 * as "number", lower case, one apostrophe. `markQuotes` starts each quoted line with `QUOTED_LINE` (when the
 * writer has words of their own beside them). A check that reads one message several ways holds a `GuardReading`.
 */
export function normalizeText(s: string, opts: { markQuotes?: boolean } = {}): string {
  // (the outbound guard reads one reply twice, for its rules and for its model: the last reading is kept for it until it
  // holds a reading of its own, as the inbound check does; a lexicon registered since makes it stale)
  const version = lexiconVersion();
  if (last?.reading.source !== s || last.version !== version) {
    last = { reading: new GuardReading(s), version };
    forgetReading();
  }
  return last.reading.form(opts.markQuotes === true);
}
let last: { reading: GuardReading; version: number } | undefined;
const forgetReading = forgetAfterTurn(() => {
  last = undefined;
});

/** One text read once (the reading normaliser's work), in either form on demand: what the inbound check's steps share. */
export class GuardReading {
  #reading: Reading | undefined;
  readonly #forms: Array<string | undefined> = [undefined, undefined];
  #keys: TextKeys | undefined;

  constructor(readonly source: string) {}

  form(markQuotes: boolean): string {
    return (this.#forms[+markQuotes] ??= normalize((this.#reading ??= readText(this.source.replace(NUMBER_SIGN, 'number$1'), knowsWord)), markQuotes));
  }

  /** The literal gate's keys of the unmarked form, made once: the scam rules' gate and the hand-over's pre-test ask them. */
  get keys(): TextKeys {
    return (this.#keys ??= new TextKeys(this.form(false)));
  }
}

function normalize(reading: Reading, markQuotes: boolean): string {
  // a reply that is nothing but quoted lines is the writer's own words: "> send me the code" alone evades nothing
  const mark = markQuotes && reading.lines.some((l) => !l.quoted && /\p{L}/u.test(l.text));
  const text = mark ? reading.lines.map((l) => (l.quoted ? QUOTED_LINE + l.text : l.text)).join('\n') : reading.text;
  return text.toLowerCase().replace(/[’‘`´]/g, "'");
}

/** A clause: the tokens of one sentence part, joined by single spaces (so phrase regexes can run over them). */
export interface Clause {
  text: string;
  tokens: string[];
  /** The clause ends with a question mark (? or ؟): "Your password?" asks for it. */
  question?: boolean;
  /** Someone else's words the writer quotes (a ">" line, a quoted utterance): it asks nobody, but names what "it" is. */
  quoted?: boolean;
}

// (a numbered step, "2- enter the code", starts a clause of its own)
/** Words that start the next step of a sequence ("and then", "وبعدين", "سپس"): what the clause before says (opening the app) is not this one's. */
const THEN = ['and then', 'then', 'after that', 'afterwards', 'و ?بعدين', 'و ?بعدها', 'و ?بعدش', 'بعدين', 'بعدها', 'بعدش', 'سپس', 'و ?بعد(?! (?:ما|از|من|كده|كدا|اون|ان|اين))', 'بعد از (?:اون|ان|اين)', 'w ba3d(?:ein|en|een|ha)?', 'ba3d(?:ein|en|een|ha)', 'b3d(?:ein|en|ha)', 'ba3desh', 'baadesh', 'ba[ae]?d az oon', 'sepas'];
const CLAUSE_BREAK = new RegExp(`[.!?؟;؛,،\\n:()[\\]"«»…]+|(?:^|\\s)\\d{1,2}\\s?[-–](?=\\s)|\\s-\\s|\\s—\\s|\\bbut\\b|\\bhowever\\b|(?<=\\s)(?:ولكن|لكن|بس لو|اما|ولي|${THEN.map(foldLetters).join('|')})(?=\\s)`, 'u');
const CLAUSE_BREAK_KEPT = new RegExp(`(${CLAUSE_BREAK.source})`, 'u');
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

export function clauses(normalized: string): Clause[] {
  const out: Clause[] = [];
  for (const line of normalized.split('\n')) {
    const quoted = line.startsWith(QUOTED_LINE);
    // a time (10:42), a decimal or a grouped number (1,500) is one token, not a clause break
    const pieces = line.replace(/(?<=\d)[:.,٫٬](?=\d)/g, '').split(CLAUSE_BREAK_KEPT);
    for (let i = 0; i < pieces.length; i += 2) {
      const tokens = pieces[i]?.match(TOKEN) ?? [];
      if (tokens.length) out.push({ text: tokens.join(' '), tokens, question: /[?؟]/.test(pieces[i + 1] ?? ''), ...(quoted ? { quoted } : {}) });
    }
  }
  return out;
}

/** Token index of a character offset inside a clause's space-joined text. */
export function tokenIndexAt(clauseText: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset && i < clauseText.length; i++) if (clauseText.charCodeAt(i) === 32) n++;
  return n;
}
