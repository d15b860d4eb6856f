/**
 * Round 37: a card's details on the lines after it in Cyrillic script, as customers from Central Asia write them —
 * "Карта 4111 … срок действия 09/28 код 417", "корти ман …, мӯҳлат 11/27, код CVV 902". A bare "код" ("code") right
 * after a card names its security code; its expiry follows "срок (действия) (карты) (до)" or Tajik "мӯҳлат(и амал)".
 * Only after a card in the same message, at most 120 characters after it: a "код" with no card before it stays what
 * the other passes make of it (a one-time code or nothing), and "смс-код", "код из смс", "код подтверждения" are
 * one-time codes (their word stands between "код" and the digits, or before "код").
 */
import { asciiDigits, DIGIT_CLASS } from '../text/fold';
import { afterEachCard, placeSpan } from './placed-span';
import type { DetectedSpan } from './types';

const CHEAP = /код|срок|мӯҳлат|муҳлат/i;
const D = `[${DIGIT_CLASS}]`;
/** "код", "код CVV", "код cvv2:", "код безопасности", "код на обороте" — then three or four digits. */
const CODE = new RegExp(`(?<![\\p{L}\\p{N}])код(?:\\s*(?:cvv2?|cvc2?|безопасности|амният|на\\s+обороте|пушти\\s+корт))?\\s*[:：\\-–—=]?\\s*(${D}{3,4})(?![\\p{L}\\p{N}])`, 'giu');
/** A one-time code's word right before "код": "смс-код", "sms код", "otp код". */
const OTP_BEFORE = /(?:смс|sms|otp|тасдиқ)[\s\-–]*$/iu;
const EXPIRY = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:срок(?:\\s+действия)?(?:\\s+карты)?|[мm][ӯу]ҳлат(?:и\\s+(?:амал|эътибор))?|годна|действительна)\\s*(?:до\\s+|то\\s+)?[:：\\-–—]?\\s*((0?[1-9]|1[0-2]|${D}{2})\\s?[/.\\-]\\s?(?:${D}{4}|${D}{2})|${D}{4})(?![\\p{L}\\p{N}/])`,
  'giu',
);
const REACH = 120;
/** A code after a card read as a one-time code is its CVV; an expiry replaces no other reading. */
const CODE_READINGS: ReadonlySet<string> = new Set(['OTP']);
const NONE: ReadonlySet<string> = new Set();

function monthOk(v: string): boolean {
  const digits = v.replace(/\D/g, '');
  const m = Number(digits.slice(0, 2));
  return m >= 1 && m <= 12;
}

/** The spans with each card's Cyrillic-labelled security code (CVV) and expiry (CARD_EXPIRY) placed. */
export function withCardLineCodes(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!CHEAP.test(text) || !spans.some((sp) => sp.type === 'CARD')) return spans;
  let out = spans;
  for (const [card, after] of afterEachCard(text, spans, REACH)) {
    CODE.lastIndex = 0;
    for (let m = CODE.exec(after); m; m = CODE.exec(after)) {
      if (OTP_BEFORE.test(after.slice(Math.max(0, m.index - 8), m.index))) continue;
      const a = card.end + m.index + m[0].length - m[1]!.length;
      out = placeSpan(out, { type: 'CVV', start: a, end: a + m[1]!.length, confidence: 0.7 }, CODE_READINGS);
      break;
    }
    EXPIRY.lastIndex = 0;
    const e = EXPIRY.exec(after);
    if (e && monthOk(asciiDigits(e[1]!))) {
      const a = card.end + e.index + e[0].length - e[1]!.length;
      out = placeSpan(out, { type: 'CARD_EXPIRY', start: a, end: a + e[1]!.length, confidence: 0.6 }, NONE);
    }
  }
  return out;
}
