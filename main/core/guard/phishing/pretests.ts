/**
 * Cheap pre-tests that let the inbound check skip a step which cannot find anything in a message (issues #26/#21: the
 * check runs on every inbound message at ingest). Each is a necessary condition read from what the step's patterns
 * require, never a guess: when it says no, the full step finds nothing. `test/unit/inbound-pretests.test.ts` checks that
 * on generated messages carrying each sign in many shapes and scripts; `inbound-golden.ts` pins the check's output.
 *
 * (A hand-over pre-test — a clause naming a secret, or four digits — was measured and dropped in round 13: trying the
 * secrets' patterns on every clause cost more than the clause reading it would skip.)
 */

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
