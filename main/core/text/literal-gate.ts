/**
 * An exact pre-test for a lexicon pattern (an alternation of parts): a part can match only where its mandatory
 * letters are, so a text that lacks one mandatory pair of letters of every part cannot match the pattern, and the
 * pattern need not be tried from each of its positions. Built by reading each part's source, not by sampling texts.
 *
 * What a part must contain is read conservatively: runs of plain characters (Latin letters and digits, Arabic-script
 * letters, space, `$ £ € #`) outside any group or quantified atom — a small class of plain characters (`[ae]`), or a
 * group of single ones (`(?:y|t|n)`), is one place of a run with its alternatives, so `s[ae]k` needs "sak" or "sek",
 * not an "s" (issue #26: such parts passed their keys on most messages); a `\d` outside any group means a digit. A
 * part with nothing so read (it starts with a class, say) needs nothing, and so neither does its pattern. The text's
 * keys are taken from its lower case (with `ſ` as `s`), which covers the `i` flag's folding for every character a
 * run may hold (A–Z, and the Kelvin sign and long s that fold into them).
 * (`$ #` and `:`; `£ €` are not run characters.)
 */

/**
 * A key: a character, two or three neighbouring characters, or any ASCII digit (`\d` under the `u` flag). Characters
 * are numbered compactly (ASCII, then the Arabic block), so that every key is a small integer.
 */
const N = 0x180;
const code = (c: number) => (c < 0x80 ? c : c >= 0x600 && c < 0x700 ? c - 0x580 : -1);
const DIGIT = N;
const PAIR = 2 * N;
const TRIPLE = 2 ** 18;
const pairKey = (a: number, b: number) => PAIR + a * N + b;
const tripleKey = (a: number, b: number, c: number) => TRIPLE + (a * N + b) * N + c;
const keyOf = (s: string) => {
  const [a, b, c] = [...s].map((ch) => code(ch.charCodeAt(0)));
  return s.length === 1 ? a! : s.length === 2 ? pairKey(a!, b!) : tripleKey(a!, b!, c!);
};

/** Characters a run may hold: caseless ones, or ASCII letters, whose case folding the text's lower case covers. */
const PLAIN = /^[a-z0-9 $#:\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]$/u;
const ESCAPED_PLAIN = /^[$#. ]$/;

/** A place of a run: the characters it may be (one, or a small class's). */
type Place = string;
/** At most this many characters in a class read as a place (more would make too many keys to ask). */
const CLASS_LIMIT = 4;
/** …and at most this many spellings of a piece (each is a key the text is asked for). */
const SPELLINGS_LIMIT = 8;

/**
 * The characters an unquantified class or group at `i` (ending before `next`) stands for when it is one of a few plain
 * characters — `[ae]`, `(?:y|t|n)` — else undefined. Negated classes, ranges and escapes are not read.
 */
function alternatives(source: string, i: number, next: number): Place | undefined {
  const inside = source[i] === '[' ? source.slice(i + 1, next - 1) : source.startsWith('(?:', i) ? source.slice(i + 3, next - 1).replaceAll('|', '') : undefined;
  if (inside === undefined || (source[i] === '(' && source.slice(i + 3, next - 1).split('|').some((b) => [...b].length !== 1))) return undefined;
  const chars = [...new Set([...inside].map((c) => c.toLowerCase()))];
  if (!chars.length || chars.length > CLASS_LIMIT || chars.some((c) => c === '$' || c === '.' || !PLAIN.test(c))) return undefined;
  return chars.join('');
}

/** The runs of characters every match of `source` (one part, no top-level `|`) contains, and whether it needs a digit. */
function mandatory(source: string): { runs: Place[][]; groups: string[]; digit: boolean } {
  const runs: Place[][] = [];
  /** The insides of groups every match goes through (not look-arounds, not optional). */
  const groups: string[] = [];
  let run: Place[] = [];
  let digit = false;
  const end = () => {
    if (run.length) runs.push(run);
    run = [];
  };
  /** Index just past the group or class opening at `i` (escapes, and classes inside a group, respected). */
  const skip = (i: number): number => {
    if (source[i] === '[') {
      for (let j = i + 1; j < source.length; j++) {
        if (source[j] === '\\') j++;
        else if (source[j] === ']') return j + 1;
      }
      return source.length;
    }
    let depth = 0;
    let inClass = false;
    for (let j = i; j < source.length; j++) {
      const c = source[j]!;
      if (c === '\\') j++;
      else if (inClass) inClass = c !== ']';
      else if (c === '[') inClass = true;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return j + 1;
    }
    return source.length;
  };
  /** Index just past a quantifier at `i`, or `i` when there is none; `optional` when it allows zero. */
  const quantifier = (i: number): { next: number; optional: boolean } => {
    const c = source[i];
    let next = i;
    let optional = false;
    if (c === '?' || c === '*' || c === '+') [next, optional] = [i + 1, c !== '+'];
    else if (c === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(source.slice(i));
      if (m) [next, optional] = [i + m[0].length, m[1] === '0'];
    }
    if (next > i && source[next] === '?') next++; // lazy
    return { next, optional };
  };
  for (let i = 0; i < source.length; ) {
    const c = source[i]!;
    let atom: Place | undefined;
    let isDigit = false;
    let next: number;
    if (c === '(' || c === '[') {
      next = skip(i);
      atom = alternatives(source, i, next);
    } else if (c === '\\') {
      const e = source[i + 1] ?? '';
      if (e === 'd') isDigit = true;
      else if (ESCAPED_PLAIN.test(e)) atom = e;
      next = i + 2;
      if ((e === 'p' || e === 'P' || e === 'u') && source[next] === '{') next = source.indexOf('}', next) + 1 || source.length;
      else if (e === 'u') next += 4;
      else if (e === 'x') next += 2;
      else if (e === 'c') next += 1;
    } else {
      // (an unescaped `$` is the end anchor, an unescaped `.` any character)
      if (c !== '$' && c !== '.' && PLAIN.test(c.toLowerCase())) atom = c.toLowerCase();
      next = i + 1;
    }
    const q = quantifier(next);
    if (c === '(' && !q.optional && !/^\(\?(?:[=!]|<[=!])/.test(source.slice(i, i + 4))) {
      groups.push(source.slice(source.startsWith('(?:', i) ? i + 3 : source[i + 1] === '?' ? source.indexOf('>', i) + 1 : i + 1, next - 1));
    }
    if (q.next > next) {
      // a quantified atom is not a run's letter; a required digit stays required ("\d+")
      end();
      if (isDigit && !q.optional) digit = true;
      i = q.next;
      continue;
    }
    if (atom !== undefined) run.push(atom);
    else {
      end();
      if (isDigit) digit = true;
    }
    i = next;
  }
  end();
  return { runs, groups, digit };
}

/** The top-level alternatives of a source (`a|b(?:c|d)` → `a`, `b(?:c|d)`). */
function branches(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let j = 0; j < source.length; j++) {
    const c = source[j]!;
    if (c === '\\') j++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(start, j));
      start = j + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

/** Pairs that begin many words (the article, a space): a part's key is another of its pairs where it has one. */
const COMMON = new Set(['ال', 'ا ', ' ا', 'al', 'e ', ' a', 'a ']);

/** Keys a match must contain one of (a part's alternatives, a group's branches), and how telling they are. */
interface Component {
  keys: number[];
  score: number;
}
/** What a match of one branch must contain: every component (at most three, the most telling), or null: nothing named. */
type Need = Component[] | null;

/**
 * A pattern's needs: a text must meet every component of at least one of them. Read from a branch's runs (its most
 * telling three, two or one characters), from the groups every match goes through (one key per alternative of the
 * group, from that alternative's own best component), else a digit.
 */
function branchNeed(source: string): Need {
  const { runs, groups, digit } = mandatory(source);
  const found: Component[] = [];
  for (const run of runs) {
    // the most telling pieces of the run: three characters, no space, not the article; a long run gives two apart
    // (a piece through a place of alternatives is any of its spellings: each is a key of the component, and it tells
    // less than a piece of one spelling as long)
    const n = Math.min(3, run.length);
    const pieces: Component[] = [];
    for (let k = 0; k + n <= run.length; k++) {
      const spellings = run.slice(k, k + n).reduce<string[]>((xs, place) => xs.flatMap((x) => [...place].map((ch) => x + ch)), ['']);
      if (spellings.length > SPELLINGS_LIMIT) continue;
      const worst = (f: (p: string) => boolean) => spellings.some(f);
      pieces.push({ keys: spellings.map(keyOf), score: n * 2 + (worst((p) => p.includes(' ')) ? 0 : 1) + (worst((p) => COMMON.has(p.slice(0, 2))) ? 0 : 1) - (worst((p) => p === ' ') ? 2 : 0) - (spellings.length > 1 ? 1 : 0) });
    }
    const best = pieces.reduce<Component | null>((x, y) => (!x || y.score > x.score ? y : x), null);
    if (best) found.push(best);
    const at = best ? pieces.indexOf(best) : -1;
    const apart = pieces.filter((_, k) => Math.abs(k - at) >= n).reduce<Component | null>((x, y) => (!x || y.score > x.score ? y : x), null);
    if (apart) found.push(apart);
  }
  for (const g of groups) {
    const keys: number[] = [];
    let score = Infinity;
    for (const b of branches(g)) {
      const need = branchNeed(b);
      if (!need?.length) {
        score = -1;
        break;
      }
      keys.push(...need[0]!.keys);
      score = Math.min(score, need[0]!.score);
    }
    if (score > 0) found.push({ keys: [...new Set(keys)], score });
  }
  found.sort((x, y) => y.score - x.score);
  if (found.length) return found.slice(0, 3);
  return digit ? [{ keys: [DIGIT], score: 1 }] : null;
}

/**
 * The needs of a pattern made of `parts` (each a regular-expression source): a text meeting none of them cannot match
 * it. Null when some part needs nothing (the pattern must always be tried).
 */
export function patternNeeds(parts: readonly string[]): number[][][] | null {
  const out: number[][][] = [];
  for (const part of parts) {
    for (const b of branches(part)) {
      const need = branchNeed(b);
      if (need === null) return null;
      out.push(need.map((c) => c.keys));
    }
  }
  return out;
}

/**
 * The needs of each part in one flat table for `TextKeys.partsMet` (issue #26, round 16): for each need its part, its
 * components' count, the two words of its letter mask (`needMask`, round 18), then each component's key count and
 * keys. A part that needs nothing has one need of no components (and an empty mask).
 */
export function needsPlan(parts: readonly string[]): Int32Array {
  const out: number[] = [];
  parts.forEach((part, i) => {
    for (const need of patternNeeds([part]) ?? [[]]) {
      const [lo, hi] = needMask(need);
      out.push(i, need.length, lo, hi);
      for (const c of need) out.push(c.length, ...c);
    }
  });
  return Int32Array.from(out);
}

/**
 * Round 18 of #26: the letters a text holds, in 63 buckets (a character's compact number modulo 62, and one for "a digit"),
 * two 32-bit words. A key's letters are its characters'; a component is met only when one of its keys is, so only when
 * the letters every one of its keys has are in the text; a need only when each component's are. So a need whose mask has
 * a bucket the text's has not cannot be met, and `partsMet` skips its probes — the common answer on ordinary text, found
 * in two word operations instead of a hash probe a key. Exact: the mask only says no where the probes would.
 */
const BUCKETS = 62;
const bucketBit = (bucket: number): [number, number] => (bucket < 32 ? [1 << bucket, 0] : [0, 1 << (bucket - 32)]);
function keyMask(key: number): [number, number] {
  const codes = key === DIGIT ? [] : key < N ? [key] : key < TRIPLE ? [Math.floor((key - PAIR) / N), (key - PAIR) % N] : [Math.floor((key - TRIPLE) / (N * N)), Math.floor((key - TRIPLE) / N) % N, (key - TRIPLE) % N];
  let lo = 0;
  let hi = 0;
  for (const [l, h] of key === DIGIT ? [bucketBit(BUCKETS)] : codes.map((c) => bucketBit(c % BUCKETS))) [lo, hi] = [lo | l, hi | h];
  return [lo, hi];
}
function needMask(need: number[][]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const component of need) {
    // (the letters every key of the component has)
    let [cl, ch] = [-1, -1];
    for (const k of component) {
      const [l, h] = keyMask(k);
      [cl, ch] = [cl & l, ch & h];
    }
    if (component.length) [lo, hi] = [lo | cl, hi | ch];
  }
  return [lo, hi];
}

/**
 * Every key of a text: its characters, its pairs of neighbouring characters, and whether it has an ASCII digit.
 * Held in an open-addressing table of its own (key + 1, 0 for empty; at most half full) rather than a `Set`: the
 * inbound check asks about twenty patterns' needs of every message, and a typed-array probe is a few times cheaper
 * than `Set.has` (bench/README, inbound round 13). Exact: it holds the same keys a set would.
 */
export class TextKeys {
  readonly #table: Int32Array;
  readonly #shift: number;
  /** The text's letter mask (`needMask`): buckets 0–31 and 32–62. */
  #lo = 0;
  #hi = 0;

  constructor(text: string) {
    const s = text.toLowerCase();
    // a character adds at most four keys (digit, character, pair, triple); most are repeats
    let bits = 6;
    while (1 << bits < s.length * 8 + 8) bits++;
    this.#table = new Int32Array(1 << bits);
    this.#shift = 32 - bits;
    let a = -1;
    let b = -1;
    for (let i = 0; i < s.length; i++) {
      let ch = s.charCodeAt(i);
      if (ch === 0x17f) ch = 0x73; // ſ folds to s
      if (ch >= 48 && ch <= 57) {
        this.#add(DIGIT);
        this.#hi |= 1 << (BUCKETS - 32);
      }
      const c = code(ch);
      if (c >= 0) {
        this.#add(c);
        const bucket = c % BUCKETS;
        if (bucket < 32) this.#lo |= 1 << bucket;
        else this.#hi |= 1 << (bucket - 32);
        if (b >= 0) {
          this.#add(pairKey(b, c));
          if (a >= 0) this.#add(tripleKey(a, b, c));
        }
      }
      [a, b] = [b, c];
    }
  }

  #add(key: number): void {
    const t = this.#table;
    for (let i = Math.imul(key + 1, 0x9e3779b1) >>> this.#shift; ; i = (i + 1) & (t.length - 1)) {
      if (t[i] === 0) {
        t[i] = key + 1;
        return;
      }
      if (t[i] === key + 1) return;
    }
  }

  /** Whether the text has this key. */
  has(key: number): boolean {
    const t = this.#table;
    for (let i = Math.imul(key + 1, 0x9e3779b1) >>> this.#shift; ; i = (i + 1) & (t.length - 1)) {
      const v = t[i];
      if (v === 0) return false;
      if (v === key + 1) return true;
    }
  }

  /**
   * The parts of a lexicon (`needsPlan`, `parts` of them) whose needs this text meets: their indices; true once half of
   * them or more do (the lexicon is then tried whole); false when none does (as `may` of all their needs).
   */
  partsMet(plan: Int32Array, parts: number): number[] | boolean {
    const met: number[] = [];
    let last = -1;
    const [lo, hi] = [this.#lo, this.#hi];
    for (let i = 0; i < plan.length; ) {
      const part = plan[i]!;
      const components = plan[i + 1]!;
      // (a letter the need must have and the text has not: no probe can meet it)
      let ok = part !== last && (plan[i + 2]! & ~lo) === 0 && (plan[i + 3]! & ~hi) === 0;
      i += 4;
      for (let c = 0; c < components; c++) {
        const n = plan[i]!;
        if (ok) {
          ok = false;
          for (let k = i + 1; k <= i + n; k++) {
            if (this.has(plan[k]!)) {
              ok = true;
              break;
            }
          }
        }
        i += n + 1;
      }
      if (ok) {
        met.push(part);
        last = part;
        if (met.length * 2 >= parts) return true;
      }
    }
    return met.length ? met : false;
  }

  /** Whether a pattern with these needs may match this text, or any piece cut out of it. */
  may(needs: readonly number[][][] | null): boolean {
    if (needs === null) return true;
    for (const need of needs) {
      let met = true;
      for (const component of need) {
        let any = false;
        for (const k of component) {
          if (this.has(k)) {
            any = true;
            break;
          }
        }
        if (!any) {
          met = false;
          break;
        }
      }
      if (met) return true;
    }
    return false;
  }
}
