/**
 * A code sent again after the first one expired or failed: "it expired" … "new one 228 517", "الكود خلص … الجديد
 * ٧٣٩ ٢٠٤", "کد منقضی شد … جدیدش ۴۴۱۸۲۰". The customer names the code only as "the new one": what expired or failed in
 * the message, with no document, card or phone named, is a one-time code, so four to eight digits right after "new
 * one" are one.
 */
import { DIGIT_CLASS } from '../text/fold';
import { FAIL_CLOSED_CONFIDENCE } from './fail-closed';
import { Cue } from './lexicon';
import type { DetectedSpan } from './types';
import { namesAny } from './words-in';

/** What a code does when it can no longer be used: expired, failed, never came, "خلص", "منقضی شد". */
const SPENT = /\b(?:expired?|expiring|timed? ?out|didn'?t work|doesn'?t work|not working|invalid|never came|didn'?t come|wrong code|périmé|expiré|n'?marche pas)\b|انتهى|انتهت|خلص|خلصت|ما اشتغل|مش شغال|ماشتغل|غير صالح|منقضی|منقضي|باطل|کار نکرد|کار نمیکنه|نیومد|nayoomad|monghazi|khlas|khlset/iu;
/** "new one", "another one", "the new", "الجديد", "جدید" and its possessives, right before the value. */
const NEW_ONE = new RegExp(
  `(?<![\\p{L}])(?:(?:the |a )?new one|another one|the new|new|nouveau|le nouveau|(?:ال)?جديد[ةه]?|(?:ال)?جديد|جدیده?|جدیدش|جدیدو|یکی دیگه|wa7ed jdid|jdid|jadid)(?: is| c'?est| هو| هي| اهو)?[ :\\u00a0]*([${DIGIT_CLASS}](?:[ \\u00a0-]?[${DIGIT_CLASS}]){3,7})(?![${DIGIT_CLASS}\\p{L}])`,
  'giu',
);
/** The cheap test: a word of NEW_ONE's (a few literals the engine scans for fast). */
const NEW_WORD = /new|another|nouveau|جديد|جدید|دیگه|jdid|jadid/i;
/** Anything else that expires or is renewed: a document, a card, a line, a subscription. */
const OTHER_THING = (c: Cue): boolean => c === Cue.CARD || c === Cue.ID_CARD || c === Cue.NID || c === Cue.PASSPORT || c === Cue.PHONE || c === Cue.ACCOUNT || c === Cue.IBAN || c === Cue.ORDER || c === Cue.TICKET || c === Cue.TRACK || c === Cue.REF || c === Cue.PROMO;

/** The spans with a code named only as "the new one", after the first one expired or failed, added as OTP. */
export function withRenewedCode(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!NEW_WORD.test(text) || !SPENT.test(text)) return spans;
  let added: DetectedSpan[] | undefined;
  let yielded: DetectedSpan[] | undefined;
  NEW_ONE.lastIndex = 0;
  for (let m = NEW_ONE.exec(text); m; m = NEW_ONE.exec(text)) {
    const end = m.index + m[0].length;
    const start = end - m[1]!.length;
    // (a value masked only because nothing explained it yields to this reading)
    const over = spans.filter((sp) => sp.start < end && start < sp.end);
    if (over.some((sp) => sp.confidence !== FAIL_CLOSED_CONFIDENCE)) continue;
    if (!SPENT.test(text.slice(0, m.index)) || namesAny(text, OTHER_THING)) continue;
    (added ??= []).push({ type: 'OTP', start, end, confidence: 0.7 });
    (yielded ??= []).push(...over);
  }
  return added ? [...spans.filter((sp) => !yielded?.includes(sp)), ...added].sort((x, y) => x.start - y.start || y.end - x.end) : spans;
}
