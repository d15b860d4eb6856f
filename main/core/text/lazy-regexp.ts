/**
 * A regular expression built on its first use instead of when its module loads. V8 parses a pattern when it is
 * constructed, and a Unicode-aware one full of `\p{L}` look-arounds takes a fraction of a millisecond each: a lexicon
 * of a few dozen of them costs every process that imports it (hub nodes, consoles, every CLI command) the time,
 * whether or not it ever checks a message.
 */
export class LazyRegExp {
  /** Every one made, so a test can build them all: a pattern that does not parse must still fail a test, not a customer's message. */
  static readonly all: LazyRegExp[] = [];
  #re: RegExp | undefined;

  constructor(private readonly build: () => RegExp) {
    LazyRegExp.all.push(this);
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

export const lazyRegExp = (build: () => RegExp) => new LazyRegExp(build);
