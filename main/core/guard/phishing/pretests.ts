/**
 * Cheap pre-tests that let the inbound check skip a step which cannot find anything in a message (issues #26/#21: the
 * check runs on every inbound message at ingest). Each is a necessary condition read from what the step's patterns
 * require, never a guess: when it says no, the full step finds nothing. `test/unit/inbound-pretests.test.ts` checks that
 * on generated messages carrying each sign in many shapes and scripts; `inbound-golden.ts` pins the check's output.
 */
import type { Clause } from '../text/clauses';
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
 * A hand-over (`findHandedOverSecret`) needs a fact with a secret: a clause that names one (`SECRETS`, as the clause
 * reader tries them), or digits told, which need at least four ASCII digits in one clause (`DIGITS_TOLD`; clauses are
 * read from the folded text, so every digit is ASCII there).
 */
export function mayHandOver(cs: readonly Clause[]): boolean {
  return cs.some((c) => SECRETS.some(([, re]) => re.test(c.text)) || /\d(?:\D*\d){3}/.test(c.text));
}
