/**
 * Readers remember the last message they read (a normalised text, a line's prefix, a reply's reading) so that the
 * several steps over one message share the work. Such a memo holds an original: SECURITY.md promises an original is
 * in memory only while it is masked and sealed. `forgetAfterTurn(clear)` returns a function a reader calls whenever it
 * remembers something; `clear` then runs once the current synchronous turn ends (a microtask), so a memo lives as long
 * as the masking or guard call that filled it and no longer. V8 keeps one more: the subject of the last regular
 * expression that matched (`RegExp.input`), so each clear also matches an empty string.
 */
const EMPTY = /(?:)/;

export function forgetAfterTurn(clear: () => void): () => void {
  let queued = false;
  const run = (): void => {
    queued = false;
    clear();
    EMPTY.exec('');
  };
  return () => {
    if (queued) return;
    queued = true;
    queueMicrotask(run);
  };
}

/** For a reader that keeps no memo of its own: V8's `RegExp.input` is cleared once the turn ends. */
export const forgetLastSubject = forgetAfterTurn(() => {});
