/**
 * The reading normaliser: what a reader sees, before any rule reads it. The guards (outbound and inbound) run it first;
 * anything else that reads messages for meaning may too. Offsets are not kept (masking keeps its own, in
 * `masking/detection-text.ts`, and owns OCR letters inside number runs).
 *
 * - keycap and emoji digits: "8️⃣" is 8, and a pictograph between digits ("05😡6") goes;
 * - presentation forms and full-width letters (NFKC), then the one folding rule of `fold.ts` (letter variants,
 *   tatweel and harakat, digit scripts); every invisible direction, zero-width and soft-hyphen mark is removed; a
 *   Persian zero-width non-joiner reads as a space (the lexicons list a word's parts apart);
 * - chat-export prefixes ("[10:42, 3/12/2026] Name:", "3/12/26, 10:42 - Name:") are folded away, keeping the words;
 * - e-mail quotation: a line starting with ">" (and the "On …, X wrote:" line above one) is quoted — someone
 *   else's words, marked as such in `lines`;
 * - a word a narrow screen wrapped ("comp\nlete", "verifica-\ntion") is joined, and digits an OCR put among a word's
 *   letters ("0TP", "rece1ved") are read as letters, each only when the result is a word the caller's lexicon knows
 *   and the pieces are not both words (nor the word as written one): two real words are never joined.
 */
import { chatPrefixSource } from './chat-prefix';
import { foldArabic } from './fold';

/** Is this lower-case, folded word one the reader's lexicon knows (inflections included, as the lexicon decides)? */
export type KnowsWord = (word: string) => boolean;

export interface ReadLine {
  text: string;
  /** Someone else's words the writer quotes (an e-mail's ">" lines and their attribution). */
  quoted: boolean;
}

export interface Reading {
  /** The lines joined with "\n". */
  text: string;
  lines: ReadLine[];
}

const KEYCAP = /[\ufe0f\u20e3]/gu;
const EMOJI_IN_DIGITS = /(?<=\d ?)\p{Extended_Pictographic}+(?= ?\d)/gu;
/** Direction marks, embeddings and isolates, zero-width space/joiner, word joiner and invisible operators, BOM, soft hyphen. */
const INVISIBLE = /\u200d|[\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff\u180e]/gu;
const ZWNJ = /\u200c/gu;

/** WhatsApp (both exports), Telegram and most desktop chat exports: a bracketed or dashed timestamp, then "Name:". */
const CHAT_PREFIX = new RegExp(`^${chatPrefixSource('\\d')}`, 'iu');
const QUOTE_MARK = /^\s*(?:>\s?)+/u;
const ATTRIBUTION = /(?:^on .{1,120}|^.{1,80}) (?:wrote|a écrit|كتب|كتبت|نوشت|نوشته):\s*$/iu;

const LETTER = /\p{L}/u;
/**
 * A line ends in part of a word and the next begins with the rest: "verifica-" / "tion", "comp" / "lete". The match
 * starts only where a word starts: otherwise every letter of a long unbroken run is tried as a start (quadratic).
 * Exported for the step-counting test.
 */
export const WRAPPED = /(?<!\p{L})(\p{L}+)-?\n(\p{L}+)/gu;
/**
 * Digits an OCR reads into words: 0 o, 1 l or i, 3 e, 4 a, 5 s, 8 b, and the $ of "pa$$word". Arabizi writes letters
 * with 2, 3, 5, 7 and 9 too ("3ndna", "7ot"), so a word may begin only with an OCR's usual 0, 1 or 5 — and is read
 * so only when that makes a lexicon word.
 */
const OCR_DIGIT: Record<string, string[]> = { '0': ['o'], '1': ['l', 'i'], '3': ['e'], '4': ['a'], '5': ['s'], '8': ['b'], $: ['s'] };
const MIXED_LATIN = /(?<![\p{L}\p{N}$])(?=[a-z0-9$]*[a-z])(?=[a-z0-9$]*[0-9$])[a-z015$][a-z0-9$]{2,}(?![\p{L}\p{N}$])/giu;

/** The text as its reader sees it (see the module's comment). `knows` decides which joins and repairs are words. */
export function readText(raw: string, knows: KnowsWord): Reading {
  const folded = foldArabic(raw.replace(KEYCAP, '').replace(EMOJI_IN_DIGITS, '').normalize('NFKC').replace(INVISIBLE, '').replace(ZWNJ, ' ')).replace(/\r\n?/g, '\n');
  let joined = folded;
  // until nothing more joins, so that reading the text again reads it the same
  for (let before = ''; joined !== before && joined.includes('\n'); ) [before, joined] = [joined, joined.replace(WRAPPED, (m, a: string, b: string) => (joins(a, b, knows) ? a + b : m))];
  const lines: ReadLine[] = [];
  const raws = joined.split('\n');
  for (let i = 0; i < raws.length; i++) {
    let line = raws[i]!;
    let quoted = ATTRIBUTION.test(line) && QUOTE_MARK.test(raws[i + 1] ?? '');
    let folded = false;
    for (;;) {
      const mark = QUOTE_MARK.exec(line);
      const cut = mark ? mark[0].length : (CHAT_PREFIX.exec(line)?.[0].length ?? 0);
      if (!cut) break;
      if (mark) quoted = true;
      line = line.slice(cut);
      folded = true;
    }
    // a line that began with a prefix or ">" was never a wrapped word's rest: the space keeps it from joining when read again
    if (folded && line) line = ' ' + line;
    lines.push({ text: /\d[a-z$]|[a-z$]\d/i.test(line) ? line.replace(MIXED_LATIN, (w) => ocrWord(w, knows)) : line, quoted });
  }
  return { text: lines.map((l) => l.text).join('\n'), lines };
}

const LATIN = /^[a-z]+$/i;

function joins(a: string, b: string, knows: KnowsWord): boolean {
  if (LATIN.test(a) !== LATIN.test(b)) return false;
  return knows((a + b).toLowerCase()) && !(knows(a.toLowerCase()) && knows(b.toLowerCase()));
}

/** (round 30) A time of day ("11pm", "10am", "11h"): its digits are the hour, not an OCR's letters ("11pm" read "lipm"). */
const TIME_OF_DAY = /^\d{1,2}(?:am|pm|h|hrs?)$/i;

function ocrWord(word: string, knows: KnowsWord): string {
  const lower = word.toLowerCase();
  if (knows(lower) || TIME_OF_DAY.test(lower)) return word;
  let options = [''];
  for (const ch of lower) options = options.flatMap((o) => (OCR_DIGIT[ch] ?? [ch]).map((c) => o + c)).slice(0, 16);
  return options.find((o) => !/[0-9$]/.test(o) && LETTER.test(o) && knows(o)) ?? word;
}
