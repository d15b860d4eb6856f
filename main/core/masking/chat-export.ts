/**
 * A chat export's lines ("[21:14] Zain: the code is 73" / "[21:14] Zain: 9 0 4 1"): the prefix of a line — its
 * timestamp and writer — is no value, and a value its writer goes on typing in the next message is one value.
 *
 * The layouts, one model: a line opens with a prefix (a timestamp, a writer's name, or both: the shared
 * `chatPrefixSource`, or a time and a name with no brackets or dash, "21:14 Ahmed: ", "[6/12 21:14] Ahmed: ", or a name
 * alone, "Ahmed: ", that names no field), or a line is a header alone — the writer and the time, with the message on
 * the lines under it ("Ahmed Ali, [06.12.2026 21:14]", "Ahmed 9:41 PM"). A header's or a prefix's digits are never a
 * value's.
 */
import { chatPrefixSource } from '../text/chat-prefix';
import { DIGIT_CLASS, digitValue } from '../text/fold';
import { forgetAfterTurn } from '../text/forget-after-turn';
import { isLetterUnit } from '../text/letters';
import { cueAt } from './lexicon';

/** The prefix with its writer's name, in any digit script (the original text or the normalised one). */
const CHAT_PREFIX = new RegExp(chatPrefixSource(DIGIT_CLASS), 'iuy');

const D = `[${DIGIT_CLASS}]`;
const TIME = String.raw`${D}{1,2}[:.]${D}{2}(?:[:.]${D}{2})?(?:\s?[ap]\.?\s?m\.?|\s?[صم])?`;
/** A date, its year perhaps left out ("6/12"). */
const DATE = String.raw`${D}{1,4}[/.-]${D}{1,2}(?:[/.-]${D}{1,4})?`;
const STAMP = String.raw`(?:\[(?:${TIME}(?:[,،]\s*${DATE})?|${DATE}[,،]?\s*${TIME})\]|(?:${DATE}[,،]?\s+)?${TIME})`;
/** A writer's name: letters, spaces, dots, apostrophes and dashes, up to forty units. */
const NAME = String.raw`\p{L}[\p{L}\p{M} .'\u2019-]{0,39}?`;

/** A time and a writer's name with its colon, the time not bracketed or dashed off ("21:14 Ahmed: ", "[6/12 21:14] Ahmed: "). */
const STAMP_NAME = new RegExp(String.raw`[ \t]*${STAMP}[ \t]+(${NAME}):(?=[ \t]|$)[ \t]*`, 'iuy');
/** A writer's name alone with its colon ("Ahmed: "): a name only where none of its words is a field's label. */
const NAME_ONLY = new RegExp(String.raw`[ \t]*(${NAME}):[ \t]+`, 'iuy');
/** A header line: the writer and the time, or the time alone, and nothing else ("Ahmed Ali, [06.12.2026 21:14]", "Ahmed 9:41 PM"). */
const HEADER = new RegExp(String.raw`[ \t]*(?:(${NAME})[,،]?[ \t]+${STAMP}|${STAMP}[ \t]+(${NAME})|${STAMP})[ \t]*:?[ \t]*(?=\n|$)`, 'iuy');

export interface ChatPrefix {
  /** Where the line's message starts: after its prefix, or, for a header line, at the line's end. */
  end: number;
  /** The writer's name ('' where the layout writes none: lines so written are taken as one writer's). */
  writer: string;
  /** The line is a header alone: its message is on the lines under it. */
  header: boolean;
}

/** A name none of whose words labels a field ("Phone: …", "Card number: …" are fields, not writers). */
function namesNoField(s: string, from: number, to: number): boolean {
  let p = from;
  while (p < to) {
    while (p < to && !isLetterUnit(s.charCodeAt(p))) p++;
    const ws = p;
    while (p < to && isLetterUnit(s.charCodeAt(p))) p++;
    if (p > ws && cueAt(s, ws, p) !== undefined) return false;
  }
  return true;
}

/** How far a header line's first colon may stand ("Ahmed Abdullah Al-Harbi, [06.12.2026 21:14"), and a name's colon. */
const HEADER_REACH = 72;
const NAME_REACH = 42;

const isDigitAt = (s: string, i: number): boolean => digitValue(s.charCodeAt(i)) >= 0;

/** The chat export's prefix or header of the line starting at `lineStart`, or null. */
export function chatPrefixAt(s: string, lineStart: number): ChatPrefix | null {
  // (each pattern only where it can match — most lines open with a word and hold no colon near their start, and the
  // name's patterns would otherwise be tried at every line that holds a digit)
  let p = lineStart;
  while (s.charCodeAt(p) === 0x20 || s.charCodeAt(p) === 0x09) p++;
  const c = s.charCodeAt(p);
  let m: RegExpExecArray | null;
  if (c === 0x5b || isDigitAt(s, p)) {
    // a stamp first: "[21:14] Zain: ", "3/12/26, 21:14 - ", "21:14 Ahmed: ", a header "[21:14] Ahmed" or a stamp alone
    CHAT_PREFIX.lastIndex = lineStart;
    m = CHAT_PREFIX.exec(s);
    if (m && (m[1] !== undefined || !headerAt(s, lineStart))) return { end: lineStart + m[0].length, writer: m[1] ?? '', header: false };
    const h = headerAt(s, lineStart);
    if (h) return h;
    STAMP_NAME.lastIndex = lineStart;
    m = STAMP_NAME.exec(s);
    return m ? { end: lineStart + m[0].length, writer: m[1]!, header: false } : null;
  }
  // a name first: a header "Ahmed Ali, [06.12.2026 21:14]" (its time's colon) or "Ahmed: "
  const colon = s.indexOf(':', p);
  if (colon < 0 || colon - p > HEADER_REACH) return null;
  // (a header's first colon is its time's, a name's the one right after it)
  if (isDigitAt(s, colon - 1) && isDigitAt(s, colon + 1)) return headerAt(s, lineStart);
  if (colon - p > NAME_REACH) return null;
  NAME_ONLY.lastIndex = lineStart;
  m = NAME_ONLY.exec(s);
  return m && namesNoField(s, lineStart, lineStart + m[0].length) ? { end: lineStart + m[0].length, writer: m[1]!, header: false } : null;
}

function headerAt(s: string, lineStart: number): ChatPrefix | null {
  HEADER.lastIndex = lineStart;
  const m = HEADER.exec(s);
  if (!m) return null;
  const writer = (m[1] ?? m[2] ?? '').trim();
  // ("Call me 9:30" is a message, not a header: a writer's name is no field's or request's word)
  if (writer && !namesNoField(s, lineStart, lineStart + m[0].length)) return null;
  return { end: lineStart + m[0].length, writer, header: true };
}

/** The prefix or header of the line holding `i`. */
function prefixOfLine(s: string, i: number): ChatPrefix | null {
  const lineStart = s.lastIndexOf('\n', i - 1) + 1;
  return chatPrefixAt(s, lineStart);
}

/** The writer of the message the line holding `i` belongs to: its own prefix's, or a header's on the line above. */
function writerOf(s: string, i: number): string | null {
  const own = prefixOfLine(s, i);
  if (own && !own.header) return own.writer;
  const lineStart = s.lastIndexOf('\n', i - 1) + 1;
  if (lineStart === 0) return null;
  const above = prefixOfLine(s, lineStart - 1);
  return above && above.header ? above.writer : null;
}

/**
 * Where the next message starts when the line at `at` (after the line of `from`) opens the same writer's next message —
 * after its prefix, or on the line under its header —; else -1.
 */
export function nextMessageBySameWriter(s: string, from: number, at: number): number {
  const next = chatPrefixAt(s, at);
  if (!next) return -1;
  const writer = writerOf(s, from);
  if (writer === null || writer !== next.writer) return -1;
  if (!next.header) return next.end;
  return s.charCodeAt(next.end) === 0x0a ? next.end + 1 : -1;
}

/**
 * The line last asked about, remembered: a message's digit runs are read left to right, so each line's prefix is
 * read once however many runs it holds (the readers call this at every run's first digit).
 */
let memoText = '';
let memoStart = -1;
let memoEnd = -1;
let memoPrefix: ChatPrefix | null = null;
const forgetLine = forgetAfterTurn(() => {
  memoText = '';
  memoPrefix = null;
});

/**
 * Where a digit at `i` stands in its line's chat prefix — its first digits, the time after a date a reader has
 * already taken ("3/12/26, 21:14 - 055321": no writer's name, so the time and the value are only a dash apart), or a
 * header line's stamp: the prefix's end, else -1.
 */
export function inChatPrefix(s: string, i: number): number {
  if (s !== memoText || i < memoStart || i >= memoEnd) {
    memoText = s;
    forgetLine();
    memoStart = s.lastIndexOf('\n', i - 1) + 1;
    const nl = s.indexOf('\n', i);
    memoEnd = nl < 0 ? s.length : nl;
    memoPrefix = chatPrefixAt(s, memoStart);
  }
  return memoPrefix && memoPrefix.end > i ? memoPrefix.end : -1;
}
