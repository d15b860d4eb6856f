/**
 * A regular expression built on its first use instead of when its module loads. V8 parses a pattern when it is
 * constructed, and a Unicode-aware one full of `\p{L}` look-arounds takes a fraction of a millisecond each: a lexicon
 * of a few dozen of them costs every process that imports it (hub nodes, consoles, every CLI command) the time,
 * whether or not it ever checks a message.
 */
import { patternNeeds } from './literal-gate';

export class LazyRegExp {
  /** Every one made, so a test can build them all: a pattern that does not parse must still fail a test, not a customer's message. */
  static readonly all: LazyRegExp[] = [];
  #re: RegExp | undefined;
  #needs: number[][][] | null | undefined;

  /** `parts`: the sources of the pattern's alternatives, when it is a lexicon of them (see `keys`). */
  constructor(
    private readonly build: () => RegExp,
    private readonly parts?: readonly string[],
  ) {
    LazyRegExp.all.push(this);
  }

  /** What a text must hold for the pattern to match anywhere in it (`literal-gate`); null: not known, always try it. */
  get needs(): number[][][] | null {
    if (this.#needs === undefined) this.#needs = this.parts ? patternNeeds(this.parts) : null;
    return this.#needs;
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

export const lazyRegExp = (build: () => RegExp, parts?: readonly string[]) => new LazyRegExp(build, parts);
