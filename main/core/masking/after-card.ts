/**
 * What a card number's own words say of the values after it, in the forms the other steps cannot read (round 29):
 *
 * - An American Express card prints its four-digit security code (CID) on its front, so after a fifteen-digit Amex
 *   number (34 or 37) a four-digit value found as a one-time code is the card's CVV ("the code in front 0917", "والرمز
 *   اللي قدام 5521", "código de seguridad de 4 dígitos 3305") — unless a one-time code's own words stand between the
 *   card and it ("then the bank texted OTP 4821": a code sent by message is one) or a sentence ends between them.
 * - A card's month/year after a card number, with only words of a script the lexicon does not read between (Greek
 *   "λήξη", Hebrew "תוקף", Georgian, Armenian…; the lexicon reads Latin and Arabic script, `cyrillic-labels.ts`
 *   Cyrillic), is its expiry: there the words cannot say what the date is, and a card's number right before can.
 */
import type { DetectedSpan } from './types';

/** A one-time code's words, any of the languages the lexicon reads: a code "sent", "texted", an "OTP", a "رسالة". */
const SENT_CODE = /\b(?:otp|one[- ]?time|sms|text(?:ed)?|sent|verification|passcode)\b|رسال|مسج|تحقق|پیامک|پيامك|يكبار|یکبار|لمر[ةه] واحد/i;
const GAP_MAX = 64;

/** The Amex number's digits, if the span is one (fifteen digits from 34 or 37, spaces and dashes aside). */
function amexNumber(text: string, s: DetectedSpan): boolean {
  if (s.type !== 'CARD') return false;
  const d = text.slice(s.start, s.end).replace(/[\s-]/g, '');
  return d.length === 15 && /^3[47][0-9]{13}$/.test(d);
}

/** Words of letters outside Latin, Arabic and Cyrillic, with nothing but spaces and a colon around them. */
const OTHER_SCRIPT_WORDS = /^[\s:：,–—-]{0,3}(?:[\p{L}\p{M}]{1,20}[\s:：–—-]{1,3}){1,3}$/u;
const READ_ELSEWHERE = /[A-Za-z\u00c0-\u024f\u0400-\u04ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]/;
const MONTH_YEAR = /^((?:0?[1-9]|1[0-2]) ?[/.-] ?(?:20)?[2-9][0-9])(?![0-9./-])/;

export function withAfterCard(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!spans.some((s) => s.type === 'CARD')) return spans;
  let out: DetectedSpan[] | undefined;
  let card: DetectedSpan | undefined;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    if (s.type === 'CARD') {
      card = s;
      const after = expiryAfter(text, s, spans[k + 1]);
      if (after) (out ??= [...spans]).push(after);
      continue;
    }
    if (s.type !== 'OTP' || !card || !amexNumber(text, card) || s.start - card.end > GAP_MAX) continue;
    const d = text.slice(s.start, s.end);
    // (in the card's own sentence: "… my card 3400 …. I accidentally gave the code 4264 to someone who called" is a
    // scam's one-time code, round 22)
    const gap = text.slice(card.end, s.start);
    if (!/^[\p{Nd}]{4}$/u.test(d) || SENT_CODE.test(gap) || /[.!?؟\n]/.test(gap)) continue;
    out ??= [...spans];
    out[out.indexOf(s)] = { ...s, type: 'CVV' };
  }
  return out ? out.sort((x, y) => x.start - y.start || y.end - x.end) : spans;
}

/** The month/year after a card with only other scripts' words between, when no span holds it yet. */
function expiryAfter(text: string, card: DetectedSpan, next: DetectedSpan | undefined): DetectedSpan | null {
  const tail = text.slice(card.end, card.end + 48);
  for (let i = 1; i < tail.length; i++) {
    const m = MONTH_YEAR.exec(tail.slice(i));
    if (!m || !/[\s:：]/.test(tail[i - 1]!)) continue;
    const gap = tail.slice(0, i);
    if (!OTHER_SCRIPT_WORDS.test(gap) || READ_ELSEWHERE.test(gap)) return null;
    const start = card.end + i;
    const end = start + m[1]!.length;
    if (next && next.start < end && start < next.end) return null;
    return { type: 'CARD_EXPIRY', start, end, confidence: 0.6 };
  }
  return null;
}
