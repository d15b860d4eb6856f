/**
 * Round 40: a phone named only as "the new one" in a message about changing one's number — Tunisian "nheb nbadel el
 * numero … el jdid 24 518 073", "بدلت رقمي، الجديد ٩٢١٤ ٠٧٣٦", "my new one is 7912 0583", "شماره جدیدم …", "le nouveau
 * c'est …". A number of seven to twelve digits right after the word for "new" (a copula at most between), valid in one
 * of the national plans a phone word is read with (`cuedRegionsNumber`: without a trunk zero where the country has
 * none), in a message that names a phone's number and no code, card, account number or record: a phone. What another
 * reading found there stands, but a value masked only because nothing explained it yields to this reading.
 */
import { digitValue, DIGIT_CLASS } from '../text/fold';
import { FAIL_CLOSED_CONFIDENCE } from './fail-closed';
import { Cue } from './lexicon';
import { cuedRegionsNumber } from './phone-plan';
import type { DetectedSpan } from './types';
import { namesAny } from './words-in';

const D = `[${DIGIT_CLASS}]`;
/** The word for "new" (its article, "one" or "number" with it), a copula, then the number in groups of digits. */
const NEW_NUMBER = new RegExp(
  `(?<![\\p{L}])(?:(?:el |al |l|the |my |le |mon |ma )?(?:jdid|jdida|jadid|jdide|new(?: one| number| no\\.?)?|nouveau(?: num[ée]ro)?|nouvelle ligne)|[وف]?(?:ال)?جديد[ةه]?|جدید(?:م|ش|ه)?|jadidam|jadidesh)(?: (?:is|c'?est|howa|houwa|huwa|هو|هي|هست|ine|اینه))?[ :\\u00a0]*(${D}(?:[ \\u00a0-]?${D}){6,11})(?![\\p{L}\\p{N}])`,
  'giu',
);
/** The cheap test: a literal of NEW_NUMBER's "new" words. */
const NEW_WORD = /jdid|jadid|new|nouve|جديد|جدید/i;
/** A phone's number named in the message ("numero", "number", "رقم", "شماره", "phone"). */
const PHONE_NAMED = (c: Cue): boolean => c === Cue.PHONE || c === Cue.PHONE_WEAK;
/** What else may be "new": a code, a card, an ID, an account's number, an order, a ticket, a parcel. */
const OTHER_THING = (c: Cue): boolean => c === Cue.OTP || c === Cue.OTP_WEAK || c === Cue.CARD || c === Cue.ID_CARD || c === Cue.NID || c === Cue.PASSPORT || c === Cue.IBAN || c === Cue.ORDER || c === Cue.TICKET || c === Cue.TRACK || c === Cue.REF || c === Cue.PROMO;

export function withRenewedPhone(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!NEW_WORD.test(text)) return spans;
  let added: DetectedSpan[] | undefined;
  let yielded: DetectedSpan[] | undefined;
  let allowed: boolean | undefined;
  NEW_NUMBER.lastIndex = 0;
  for (let m = NEW_NUMBER.exec(text); m; m = NEW_NUMBER.exec(text)) {
    const end = m.index + m[0].length;
    const start = end - m[1]!.length;
    const over = spans.filter((sp) => sp.start < end && start < sp.end);
    if (over.some((sp) => sp.confidence !== FAIL_CLOSED_CONFIDENCE)) continue;
    let d = '';
    for (let i = start; i < end; i++) if (digitValue(text.charCodeAt(i)) >= 0) d += String(digitValue(text.charCodeAt(i)));
    if (!cuedRegionsNumber(d)) continue;
    allowed ??= namesAny(text, PHONE_NAMED) && !namesAny(text, OTHER_THING);
    if (!allowed) return spans;
    (added ??= []).push({ type: 'PHONE', start, end, confidence: 0.7 });
    (yielded ??= []).push(...over);
  }
  if (!added) return spans;
  return [...spans.filter((sp) => !yielded!.includes(sp)), ...added].sort((x, y) => x.start - y.start || y.end - x.end);
}
