/**
 * The lexicon's cues of the words in a piece of text, for the readers that look at a few words by themselves (a
 * table's header cell, the words before a year or between a description and its value) rather than through
 * `context.ts`'s scans of the whole message.
 */
import { isLetterUnit } from '../text/letters';
import { normalise } from './detection-text';
import { Cue, cueAt, NEGATIVE_CUES } from './lexicon';

/** A record's, a price's or an account's cue: what explains a number as no value of the customer's (a currency's too). */
export const RECORD_WORDS: ReadonlySet<Cue> = new Set<Cue>([...NEGATIVE_CUES, Cue.CURRENCY]);

/** Does one of the last `words` words of `piece` (all of them when omitted) have a cue `wanted` accepts? */
export function namesAny(piece: string, wanted: (c: Cue) => boolean, words = Infinity): boolean {
  if (!piece) return false;
  const n = normalise(piece).text;
  let p = n.length;
  for (let k = 0; k < words && p > 0; k++) {
    while (p > 0 && !isLetterUnit(n.charCodeAt(p - 1))) p--;
    const we = p;
    while (p > 0 && isLetterUnit(n.charCodeAt(p - 1))) p--;
    const cue = we > p ? cueAt(n, p, we) : undefined;
    if (cue !== undefined && wanted(cue)) return true;
  }
  return false;
}
