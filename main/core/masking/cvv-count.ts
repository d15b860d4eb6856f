/**
 * A card's security code described by its count of digits: "the 3 digits r 908", "les trois chiffres au dos 664",
 * "سه رقم پشت کارت ۷۱۲", "الثلاث أرقام اللي ورا ٤٥١". The count alone names nothing ("the 3 digits of my order"), so
 * it is read only in a message with a card or a card's expiry found, and only as many digits as it says.
 */
import { DIGIT_CLASS, digitValue } from '../text/fold';
import type { DetectedSpan } from './types';
import { namesAny, RECORD_WORDS } from './words-in';

const THREE = '3|three|trois|tres|٣|۳|سه|ثلاث[ةه]?|ثلاثة|تلات[ةه]?|tlata|tlat|se';
const FOUR = '4|four|quatre|cuatro|٤|۴|چهار|اربع[ةه]?|أربع[ةه]?|arba3a|chahar';
const UNIT = 'digits?|numbers?|nums?|chiffres?|num[ée]ros|d[ií]gitos|n[úu]meros|ارقام|أرقام|الارقام|الأرقام|رقم|عدد|خان[هة]|خانات|ra?qm|adad|arqam';
/**
 * The count, then its unit ("the 3 digits", "سه تا عدد", "الثلاث أرقام"), or the unit, then the count ("الأرقام الثلاثة")
 * — a count that is no number's first digit: "tracking number 3621 40042" counts nothing.
 */
const COUNTED = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:the |les |la |los |ال)?(?:(${THREE})|(${FOUR}))[ \\u00a0]*(?:تا[ \\u00a0]*)?(?:${UNIT})|(?:${UNIT})[ \\u00a0]+(?:ال)?(?:(${THREE})|(${FOUR}))(?!\\p{N}))(?![\\p{L}])`,
  'giu',
);
/** The last digits of a card or an account are no code: "the last 4 digits", "چهار رقم پایانی", "الأربعة الأخيرة". */
const LAST = /\b(?:last|ending|final|derniers?|[úu]ltimos?)\b|پایانی|پاياني|آخر|اخر|أخير|اخير/iu;
/** Between the description and the value: a few words of its clause, no digit and no clause break. */
const GAP = new RegExp(`^[^${DIGIT_CLASS}.!?؟\\n]{0,32}$`, 'u');

/**
 * Round 35: the code named by the card's back ("back number", "the number on the back", Arabic "رقم الظهر", Egyptian
 * "اللي على ضهرها", Finglish "shomare posht"), often on its own line after the card and its expiry: three or four
 * digits standing alone after it, in a message with a card or an expiry found.
 */
const BACK_NAMED = /(?<![\p{L}])(?:back[ -]?(?:side )?(?:number|no\.?|num|digits|code)s?|(?:number|digits|code|no\.?)s? (?:on|at|from) (?:the |its )?back|(?:رقم|الرقم|ارقام|الارقام|الأرقام) (?:ال)?ظهر|(?:على|عل) ?(?:ال)?ضهر(?:ها|ه)?|shomare(?:ye)? posht|(?:شماره|عدد|رقم)(?:ی| ی)? پشت)(?![\p{L}])/giu;

/**
 * What `COUNTED` and `BACK_NAMED` need, asked first: every unit word of `UNIT` holds one of `MAY_COUNT`'s words, every
 * back's label one of `MAY_NAME_BACK`'s (one pass of literal words each, where the patterns try their look-behind at
 * every unit).
 */
const MAY_COUNT = /d[ií]git|n[úu]m|chiffre|رقام|رقم|عدد|خان|ra?qm|adad|arqam/iu;
const MAY_NAME_BACK = /back|ظهر|ضهر|posht|پشت/iu;

/** The spans with each security code described by its count, in a message with a card or an expiry found, added as CVV. */
export function withCountedCvv(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!spans.some((sp) => sp.type === 'CARD' || sp.type === 'CARD_EXPIRY')) return spans;
  let added: DetectedSpan[] | undefined;
  COUNTED.lastIndex = MAY_COUNT.test(text) ? 0 : text.length;
  for (let m = COUNTED.exec(text); m; m = COUNTED.exec(text)) {
    const want = m[1] || m[3] ? 3 : 4;
    let a = m.index + m[0].length;
    while (a < text.length && digitValue(text.charCodeAt(a)) < 0 && a - m.index - m[0].length <= 32) a++;
    if (a >= text.length || !GAP.test(text.slice(m.index + m[0].length, a))) continue;
    let b = a;
    while (b < text.length && digitValue(text.charCodeAt(b)) >= 0) b++;
    // a group of as many digits as the count says, standing alone
    if (b - a !== want || /[\p{L}]/u.test(text[b] ?? '') || (/[/.,:\-٫٬]/.test(text[b] ?? '') && digitValue(text.charCodeAt(b + 1)) >= 0)) continue;
    if (LAST.test(text.slice(Math.max(0, m.index - 12), a))) continue;
    // ("the 3 digits of my order 552": a record's word between names another number)
    if (spans.some((sp) => sp.start < b && a < sp.end) || namesAny(text.slice(m.index + m[0].length, a), (c) => RECORD_WORDS.has(c))) continue;
    (added ??= []).push({ type: 'CVV', start: a, end: b, confidence: 0.7 });
  }
  BACK_NAMED.lastIndex = MAY_NAME_BACK.test(text) ? 0 : text.length;
  for (let m = BACK_NAMED.exec(text); m; m = BACK_NAMED.exec(text)) {
    let a = m.index + m[0].length;
    while (a < text.length && digitValue(text.charCodeAt(a)) < 0 && a - m.index - m[0].length <= 16) a++;
    if (a >= text.length || !GAP.test(text.slice(m.index + m[0].length, a).replace(/\n/g, ' '))) continue;
    let b = a;
    while (b < text.length && digitValue(text.charCodeAt(b)) >= 0) b++;
    if ((b - a !== 3 && b - a !== 4) || /[\p{L}]/u.test(text[b] ?? '') || (/[/.,:\-٫٬]/.test(text[b] ?? '') && digitValue(text.charCodeAt(b + 1)) >= 0)) continue;
    if ([...spans, ...(added ?? [])].some((sp) => sp.start < b && a < sp.end)) continue;
    (added ??= []).push({ type: 'CVV', start: a, end: b, confidence: 0.7 });
  }
  return added ? [...spans, ...added].sort((x, y) => x.start - y.start || y.end - x.end) : spans;
}
