/**
 * A regular expression built on its first use instead of when its module loads. V8 parses a pattern when it is
 * constructed, and a Unicode-aware one full of `\p{L}` look-arounds takes a fraction of a millisecond each: a lexicon
 * of a few dozen of them costs every process that imports it (hub nodes, consoles, every CLI command) the time,
 * whether or not it ever checks a message.
 */
import { needsPlan, patternNeeds, type TextKeys } from './literal-gate';

export class LazyRegExp {
  /** Every one made, so a test can build them all: a pattern that does not parse must still fail a test, not a customer's message. */
  static readonly all: LazyRegExp[] = [];
  #re: RegExp | undefined;
  #needs: number[][][] | null | undefined;

  #plan: Int32Array | undefined;
  readonly #partRes: (RegExp | undefined)[] = [];

  /**
   * `parts`: the sources of the pattern's alternatives, when it is a lexicon of them (see `needs`); `part(i)`: the
   * pattern made of the i-th alone (its look-arounds and flags the same), when the lexicon can be asked part by part.
   */
  constructor(
    private readonly build: () => RegExp,
    readonly parts?: readonly string[],
    private readonly part?: (i: number) => RegExp,
  ) {
    LazyRegExp.all.push(this);
  }

  /** What a text must hold for the pattern to match anywhere in it (`literal-gate`); null: not known, always try it. */
  get needs(): number[][][] | null {
    if (this.#needs === undefined) this.#needs = this.parts ? patternNeeds(this.parts) : null;
    return this.#needs;
  }

  /**
   * Which parts `keys` allow (issue #26, round 16), `keys` being those of the text asked or of a text it is cut from:
   * the indices of the parts whose needs they meet; true when the lexicon is to be tried whole (half of its parts or more
   * allowed, or it cannot be asked part by part); false when none is — exactly when `keys.may(this.needs)` is false.
   * One pass over the parts' needs in a flat table (`needsPlan`), which also answers the lexicon's own gate.
   */
  partsMet(keys: TextKeys): readonly number[] | boolean {
    if (!this.parts || !this.part || this.parts.length < 4) return keys.may(this.needs);
    return keys.partsMet((this.#plan ??= needsPlan(this.parts)), this.parts.length);
  }

  /**
   * `test(s)`, trying only the parts `met` allows (`partsMet`), each alone: a part that cannot match changes no answer of
   * the alternation. A lexicon of a hundred parts whose stem-shaped few pass their keys on an ordinary message (the
   * frozen-account words: no match in 604 tests of 1,000 messages) is then asked a few small patterns instead of trying a
   * hundred alternatives at every position of the text.
   */
  testParts(met: readonly number[] | boolean, s: string): boolean {
    if (typeof met === 'boolean') return met && this.test(s);
    for (const i of met) if ((this.#partRes[i] ??= this.part!(i)).test(s)) return true;
    return false;
  }

  /** `test(s)` through the parts `keys` allow: the same answer. */
  testWhere(keys: TextKeys, s: string): boolean {
    return this.testParts(this.partsMet(keys), s);
  }

  get re(): RegExp {
    return (this.#re ??= this.build());
  }

  get built(): boolean {
    return this.#re !== undefined;
  }

  get source(): string {
    return this.re.source;
  }

  test(s: string): boolean {
    return this.re.test(s);
  }

  exec(s: string): RegExpExecArray | null {
    return this.re.exec(s);
  }

  [Symbol.replace](s: string, replacement: string): string {
    return this.re[Symbol.replace](s, replacement);
  }
}

export const lazyRegExp = (build: () => RegExp, parts?: readonly string[], part?: (i: number) => RegExp) => new LazyRegExp(build, parts, part);
