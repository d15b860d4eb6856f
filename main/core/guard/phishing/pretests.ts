/**
 * Cheap pre-tests that let the inbound check skip a step which cannot find anything in a message (issues #26/#21: the
 * check runs on every inbound message at ingest). Each is a necessary condition read from what the step's patterns
 * require, never a guess: when it says no, the full step finds nothing. `test/unit/inbound-pretests.test.ts` checks that
 * on generated messages carrying each sign in many shapes and scripts (`handover-pretest.test.ts` the hand-over's);
 * `inbound-golden.ts` pins the check's output.
 */
import { patternNeeds, type TextKeys } from '../../text/literal-gate';
import { SECRETS } from './acts';

/**
 * A link or an e-mail sender's domain needs a dot: every host `extractLinks` and `extractEmailDomains` accept has one
 * (their patterns require `\.` before the suffix), and `normalize('NFC')` makes no dot out of another character.
 */
export function mayHoldLink(text: string): boolean {
  return text.includes('.');
}

/**
 * A handle `findImitatingHandles` judges needs "@" or a dot, underscore or hyphen inside it (both of its alternatives
 * require one); `read` is the text as it reads it (`normalizeText`).
 */
export function mayHoldHandle(read: string): boolean {
  return /[@._-]/.test(read);
}

/**
 * The parts `acts.ts` joined into each secret's pattern (`alt`: each behind a word boundary, in a group of its own), read
 * apart so that each part's needs are its own (the gate keeps only a group's first need); a pattern not of that shape
 * is read whole. Each space is a break (see `mayHandOver`).
 */
function secretParts(): string[] {
  const opening = '(?<![\\p{L}\\p{N}])(?:';
  return SECRETS.flatMap(([, re]) => {
    const pieces = re.source.split(`|${opening}`).map((p, i) => (i === 0 ? p.slice(opening.length) : p));
    return re.source.startsWith(opening) && pieces.every((p) => p.endsWith(')') && balanced(p.slice(0, -1))) ? pieces.map((p) => p.slice(0, -1)) : [re.source];
  }).map((p) => p.replaceAll(' ', '\\s'));
}
/** Every group opened in `source` is closed in it, and none closed that it did not open (escapes and classes skipped). */
function balanced(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0 && !inClass;
}
/** (Exported for its test: no need is a pair of digits, which a clause's joining could make.) */
export const SECRET_NAME_NEEDS = patternNeeds(secretParts());
/**
 * A hand-over (`handed-over.ts`) is read only from a clause fact that carries a secret: one a clause names (`SECRETS`,
 * tried on the clause's tokens joined by single spaces) or four digits or more told after the verb (`DIGITS_TOLD`). So
 * the text needs the letters of some secret's name or four ASCII digits. The names' needs are read from `SECRETS` with
 * each space taken as a break: a clause joins its tokens with one space where the text may have any separator, so only
 * what lies inside one token is needed of the text (its keys hold every piece of a token; the clauses' joining of
 * "10:42" into "1042" makes digit pairs only, and no name needs one). `read`: the reading's unmarked form, `keys` its
 * keys — every token of the marked form the clauses read lies inside it.
 * (Round 13 tried the secrets' patterns on every clause as this pre-test, and dropped it: it cost more than the
 * reading it spared. Asked of the keys the scam rules have already made, it costs a few probes; round 17.)
 */
export function mayHandOver(keys: TextKeys, read: string): boolean {
  if (keys.may(SECRET_NAME_NEEDS)) return true;
  let digits = 0;
  for (let i = 0; i < read.length; i++) {
    const c = read.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++digits === 4) return true;
  }
  return false;
}
