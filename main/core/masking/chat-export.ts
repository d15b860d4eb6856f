/**
 * A chat export's lines ("[21:14] Zain: the code is 73" / "[21:14] Zain: 9 0 4 1"): the prefix of a line — its
 * timestamp and writer — is no value, and a value its writer goes on typing in the next message is one value.
 */
import { chatPrefixSource } from '../text/chat-prefix';
import { DIGIT_CLASS } from '../text/fold';

/** The prefix with its writer's name, in any digit script (the original text or the normalised one). */
const CHAT_PREFIX = new RegExp(chatPrefixSource(DIGIT_CLASS), 'iuy');

/**
 * The end of the chat export's prefix (timestamp and "Name: ") of the line starting at `lineStart` and its writer, or
 * null. A timestamp alone ("[۲۱:۱۴] ۰۹۱۲۵۴۷", an export of one side's messages) is a prefix with no writer's name:
 * lines so written are taken as one writer's.
 */
export function chatPrefixAt(s: string, lineStart: number): { end: number; writer: string } | null {
  CHAT_PREFIX.lastIndex = lineStart;
  const m = CHAT_PREFIX.exec(s);
  return m ? { end: lineStart + m[0].length, writer: m[1] ?? '' } : null;
}

/** The end of the prefix of the line at `at` when the line of `from` has one by the same writer: its next message; else -1. */
export function nextMessageBySameWriter(s: string, from: number, at: number): number {
  const next = chatPrefixAt(s, at);
  if (!next) return -1;
  const here = chatPrefixAt(s, s.lastIndexOf('\n', from - 1) + 1);
  return here && here.writer === next.writer ? next.end : -1;
}

/** The longest prefix a line can open with ("[12/03/2026, 21:14:59 p.m.] "), before its writer's name. */
const PREFIX_REACH = 40;

/**
 * Where a digit at `i` stands in its line's chat prefix — its first digits, or the time after a date a reader has
 * already taken ("3/12/26, 21:14 - 055321": no writer's name, so the time and the value are only a dash apart): the
 * prefix's end, else -1.
 */
export function inChatPrefix(s: string, i: number): number {
  // (a timestamp opens the line, perhaps after "[" and spaces, within reach of the digit)
  const stop = Math.max(0, i - PREFIX_REACH);
  let k = i - 1;
  while (k >= stop && s.charCodeAt(k) !== 0x0a) k--;
  if (k >= 0 && s.charCodeAt(k) !== 0x0a) return -1;
  let first = k + 1;
  while (s.charCodeAt(first) === 0x5b || s.charCodeAt(first) === 0x20 || s.charCodeAt(first) === 0x09) first++;
  if (first > i) return -1;
  const p = chatPrefixAt(s, k + 1);
  return p && p.end > i ? p.end : -1;
}
