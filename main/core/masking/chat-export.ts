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
import { DIGIT_CLASS } from '../text/fold';
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
    while (p < to && !/\p{L}/u.test(s[p]!)) p++;
    const ws = p;
    while (p < to && /[\p{L}\p{M}]/u.test(s[p]!)) p++;
    if (p > ws && cueAt(s, ws, p) !== undefined) return false;
  }
  return true;
}

/** The chat export's prefix or header of the line starting at `lineStart`, or null. */
export function chatPrefixAt(s: string, lineStart: number): ChatPrefix | null {
  CHAT_PREFIX.lastIndex = lineStart;
  let m = CHAT_PREFIX.exec(s);
  if (m && (m[1] !== undefined || !headerAt(s, lineStart))) return { end: lineStart + m[0].length, writer: m[1] ?? '', header: false };
  const h = headerAt(s, lineStart);
  if (h) return h;
  STAMP_NAME.lastIndex = lineStart;
  m = STAMP_NAME.exec(s);
  if (m) return { end: lineStart + m[0].length, writer: m[1]!, header: false };
  NAME_ONLY.lastIndex = lineStart;
  m = NAME_ONLY.exec(s);
  if (m && namesNoField(s, lineStart, lineStart + m[0].length)) return { end: lineStart + m[0].length, writer: m[1]!, header: false };
  return null;
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

/** The longest prefix a line can open with ("[12/03/2026, 21:14:59 p.m.] "), before its writer's name. */
const PREFIX_REACH = 40;
/** The longest header line ("Ahmed Abdullah Al-Harbi, [06.12.2026 21:14:59]"). */
const HEADER_REACH = 72;

/**
 * Where a digit at `i` stands in its line's chat prefix — its first digits, or the time after a date a reader has
 * already taken ("3/12/26, 21:14 - 055321": no writer's name, so the time and the value are only a dash apart) — or
 * in a header line: the prefix's end, else -1.
 */
export function inChatPrefix(s: string, i: number): number {
  // (a timestamp opens the line, perhaps after "[" and spaces, or ends a header line, within reach of the digit)
  const stop = Math.max(0, i - HEADER_REACH);
  let k = i - 1;
  while (k >= stop && s.charCodeAt(k) !== 0x0a) k--;
  if (k >= 0 && s.charCodeAt(k) !== 0x0a) return -1;
  let first = k + 1;
  while (s.charCodeAt(first) === 0x5b || s.charCodeAt(first) === 0x20 || s.charCodeAt(first) === 0x09) first++;
  if (isLetterAt(s, first)) {
    // letters first: a header line's stamp ("Ahmed Ali, [06.12.2026 21:14]"), whose digits are a time's or a date's
    let e = i;
    while (e < s.length && /[\p{Nd}]/u.test(s[e]!)) e++;
    const c = s.charCodeAt(e);
    if (c !== 0x3a && c !== 0x2e && c !== 0x2f && c !== 0x2d) return -1;
  } else if (i - first > PREFIX_REACH) return -1;
  const p = chatPrefixAt(s, k + 1);
  return p && p.end > i ? p.end : -1;
}

const isLetterAt = (s: string, i: number): boolean => /\p{L}/u.test(s[i] ?? '');
