/**
 * A flag's pre-test as a formula of its rules' positive signs (issue #26): lexicons, each asked of the read text or of
 * the fee text, and plain conditions, joined by "all" and "any" — never "not", so a formula of necessary signs stays
 * necessary when a sign is asked less strictly.
 *
 * It is asked twice: first of the text's keys alone (`literal-gate`: a lexicon whose needs are not met cannot match),
 * which costs a few table probes a lexicon, then of the lexicons themselves. In the second reading an "all" asks every
 * member's keys before it runs any member's pattern: a big pattern whose keys pass is not tried when a sign beside it
 * cannot hold.
 */
import type { LazyRegExp } from '../../text/lazy-regexp';

/** A lexicon: one pattern, or pieces each behind its own gate (`Pieces` in `scam-patterns.ts`): it may match when a piece may. */
export type Lexicon = LazyRegExp | { readonly pieces: readonly LazyRegExp[]; test(s: string): boolean };

export type Sign = Lexicon | { on: 'fee'; re: Lexicon } | ((r: SignReader) => boolean) | { all: Sign[] } | { any: Sign[] };

export interface SignReader {
  /** The read text (`normalizeText` of the message, as the rules read it). */
  text: string;
  /** The message holds a link (the check found one). */
  hasLink: boolean;
  /** The lexicon matches the read text (or the fee text): the rules' own `has`, whose answers they keep. */
  has: (re: Lexicon, s?: string) => boolean;
  /** The read text's keys meet the lexicon's needs. */
  may: (re: Lexicon) => boolean;
  /** The fee text (made on first use). */
  fee: () => string;
}

export const all = (...signs: Sign[]): Sign => ({ all: signs });
export const any = (...signs: Sign[]): Sign => ({ any: signs });
/** A lexicon the fee rules ask of the fee text. */
export const onFee = (re: Lexicon): Sign => ({ on: 'fee', re });

/**
 * The formula with each "all" and "any" asking its cheapest members first (a lexicon costs its needs' count to ask of
 * the keys; a plain condition nothing): the answer is the same in any order, and a "no" — the common answer — comes
 * after fewer probes. Made once per formula.
 */
const ordered = new WeakMap<object, Sign>();
function cost(sign: Sign): number {
  if (typeof sign === 'function') return 0;
  if ('all' in sign) return Math.min(...sign.all.map(cost));
  if ('any' in sign) return sign.any.reduce((n, s) => n + cost(s), 0);
  return needsOf('on' in sign ? sign.re : sign);
}
const needsOf = (lex: Lexicon): number => ('pieces' in lex ? Math.min(...lex.pieces.map(needsOf)) : (lex.needs?.length ?? 0));
function inOrder(sign: Sign): Sign {
  if (typeof sign === 'function' || !('all' in sign || 'any' in sign)) return sign;
  let o = ordered.get(sign);
  if (!o) {
    const by = (xs: Sign[]) => xs.map(inOrder).sort((a, b) => cost(a) - cost(b));
    o = 'all' in sign ? { all: by(sign.all) } : { any: by(sign.any) };
    ordered.set(sign, o);
  }
  return o;
}

/** True when the keys allow the formula: false means it cannot hold (the fee text's keys are the read text's, blanked). */
function allowed(sign: Sign, r: SignReader): boolean {
  if (typeof sign === 'function') return sign(r);
  if ('all' in sign) return sign.all.every((s) => allowed(s, r));
  if ('any' in sign) return sign.any.some((s) => allowed(s, r));
  return r.may('on' in sign ? sign.re : sign);
}

function holds(sign: Sign, r: SignReader): boolean {
  if (typeof sign === 'function') return sign(r);
  if ('all' in sign) return sign.all.every((s) => allowed(s, r)) && sign.all.every((s) => holds(s, r));
  if ('any' in sign) return sign.any.some((s) => holds(s, r));
  return 'on' in sign ? r.has(sign.re, r.fee()) : r.has(sign);
}

/** Whether the formula may hold: its keys first, then its lexicons. A no is exact: the rules it was read from flag nothing. */
export function signsHold(sign: Sign, r: SignReader): boolean {
  const o = inOrder(sign);
  return allowed(o, r) && holds(o, r);
}
