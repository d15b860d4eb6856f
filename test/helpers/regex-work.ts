/**
 * Counting a regular expression's work without a clock, for the tests that pin linear cost on hostile input.
 *
 * - `backtracks`: V8 counts the backtracks of one run of a pattern and, given a limit (`%NewRegExpWithBacktrackLimit`,
 *   a test-only native), gives up past it. The smallest power of two under which every match is still found is the
 *   pattern's work on that input, to a factor of two. The input must end in a match (a give-up and "no match" look
 *   alike otherwise). Patterns compiled after the first call run unoptimised (see below): isolated project only.
 * - `scanWork`: the same count for a pattern's whole scan of a text, match or not: the pattern is given a last branch
 *   that matches the text's end, so every start before it is tried and the end always matches. A branch that reads
 *   to the end of a run from each of its starts (`\S+ bu wax` on a long run without spaces) counts n² here, though
 *   it hands `charactersRead` no more than n.
 * - `patternsRun`: every distinct pattern `run` executes, to give each to `scanWork`.
 * - `charactersRead`: every `exec` (and so every `test`, `match`, `matchAll`, `replace`, `split` on a regex) made while
 *   `run` runs, summed as the stretch of text it could read: from its start (or a global pattern's `lastIndex`) to its
 *   match's end, or to the text's end when it finds none. A rule that reads a whole message again for each of its
 *   numbers reads quadratically many. It replaces `RegExp.prototype.exec` for that time, which slows every regex in the
 *   process from then on: use it in the isolated project only.
 */
import v8 from 'node:v8';

type WithLimit = (source: string, flags: string, limit: number) => RegExp;
let compiled: WithLimit | undefined;

function withLimit(source: string, flags: string, limit: number): RegExp {
  if (!compiled) {
    v8.setFlagsFromString('--allow-natives-syntax');
    // every backtrack counted: irregexp's greedy-loop shortcut otherwise gives back a `[\d.,]*` run uncounted
    v8.setFlagsFromString('--no-regexp-optimization');
    compiled = new Function('s', 'f', 'l', 'return %NewRegExpWithBacktrackLimit(s, f, l)') as WithLimit;
  }
  return compiled(source, flags, limit);
}

export function backtracks(re: RegExp, input: string): number {
  const flags = re.flags.includes('g') ? re.flags : re.flags + 'g';
  const expected = matches(new RegExp(re.source, flags), input);
  if (!expected) throw new Error(`the input must end in a match of /${re.source.slice(0, 60)}…/`);
  for (let limit = 1; limit < 2 ** 31; limit *= 2) if (matches(withLimit(re.source, flags, limit), input) === expected) return limit;
  throw new Error('no limit found');
}

/** Whether `re` scans all of `input` within `limit` backtracks (see `scanWork`). */
export function scansWithin(re: RegExp, input: string, limit: number): boolean {
  const source = `(?:${re.source})|$`;
  const flags = re.flags.replace(/[gy]/g, '') + 'g';
  return matches(withLimit(source, flags, limit), input) === matches(new RegExp(source, flags), input);
}

/** A pattern's backtracks over a whole scan of `input`, to a factor of two. */
export function scanWork(re: RegExp, input: string): number {
  for (let limit = 1; limit < 2 ** 31; limit *= 2) if (scansWithin(re, input, limit)) return limit;
  throw new Error('no limit found');
}

export function patternsRun(run: () => void): RegExp[] {
  const exec = RegExp.prototype.exec;
  const seen = new Map<string, RegExp>();
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    const key = `${this.flags}/${this.source}`;
    if (!seen.has(key)) seen.set(key, this);
    return exec.call(this, s);
  };
  try {
    run();
  } finally {
    RegExp.prototype.exec = exec;
  }
  return [...seen.values()];
}

function matches(re: RegExp, input: string): number {
  let n = 0;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    n++;
    if (!m[0]) re.lastIndex++;
  }
  return n;
}

export function charactersRead(run: () => void): number {
  const exec = RegExp.prototype.exec;
  let read = 0;
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    const text = String(s);
    // a global or sticky pattern goes on from `lastIndex`: it reads up to its match's end (or the text's end)
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const m = exec.call(this, text);
    // (a sticky one, as `split` runs it at each character, is tried at `lastIndex` alone)
    read += m ? m.index + m[0].length - from : this.sticky ? 1 : text.length - from;
    return m;
  };
  try {
    run();
  } finally {
    RegExp.prototype.exec = exec;
  }
  return read;
}
