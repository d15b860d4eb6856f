import { DiwanError } from '../shared/errors';

const MAX_REASON = 500;
/** Scripts written without spaces between words: there, four letters say something ("客户来电"). */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Format characters (zero-width space, direction marks, …) except the zero-width non-joiner Persian spells with. */
const INVISIBLE = /(?!\u200c)[\p{Cf}\p{Cc}]/gu;
/** A word: two or more letters; the Arabic tatweel (a stretching stroke, not a letter) does not count. */
const WORD = /(?:(?!\u0640)[\p{L}\p{M}]){2,}/gu;
const LETTER = /(?!\u0640)\p{L}/gu;

const REVEAL_REASON_MISSING = 'Say in a few words why you need to see this field (for example "customer asked for a call back"); it is recorded for the auditor.';

/**
 * The reason a person gives for seeing an original value: it must say something in words, in any language, since
 * it is what an auditor reads. Returns it as recorded (invisible characters dropped, spaces collapsed), or throws a
 * sentence saying what is missing. "....." or five zero-width spaces are not a reason; "call back" and
 * "مشتری تماس گرفت" are. `missing` is the sentence a person reads when it says nothing (the reveal's by default).
 */
export function checkReason(text: string, missing = REVEAL_REASON_MISSING): string {
  const reason = text.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
  if (reason.length > MAX_REASON) throw new DiwanError('reason_too_long', `Keep the reason under ${MAX_REASON} characters.`);
  const words = new Set((reason.match(WORD) ?? []).map((w) => w.toLocaleLowerCase()));
  const unspacedLetters = [...reason.matchAll(LETTER)].filter((m) => UNSPACED.test(m[0])).length;
  if (words.size < 2 && unspacedLetters < 4) {
    throw new DiwanError('reason_required', missing);
  }
  return reason;
}
