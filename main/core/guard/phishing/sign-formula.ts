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
 * A formula made once into nodes (round 18 of #26): each "all" and "any" asks its cheapest members first (a lexicon
 * costs its needs' count to ask of the keys; a plain condition nothing) — the answer is the same in any order, and a
 * "no", the common answer, comes after fewer probes —, and every lexicon is one node, shared by every formula and every
 * place that names it. A node keeps its two answers for the message it last read: the three flags' formulas share signs
 * (`urgency` holds `fee`'s whole formula), an "all" asks its members' keys again before their lexicons, and each answer
 * is a pure function of the message, so each node is worked out once a message however often it is asked.
 */
interface Node {
  readonly kind: 'all' | 'any' | 'if' | 'lex' | 'fee';
  readonly members: readonly Node[];
  readonly test?: (r: SignReader) => boolean;
  readonly lex?: Lexicon;
  /** The message (`readerId`) each answer was worked out for, and the answer. */
  allowedFor: number;
  allowed: boolean;
  holdsFor: number;
  holds: boolean;
}

const nodes = new WeakMap<object, Node>();
const feeNodes = new WeakMap<object, Node>();
const node = (kind: Node['kind'], members: readonly Node[], rest: { test?: (r: SignReader) => boolean; lex?: Lexicon } = {}): Node => ({ kind, members, ...rest, allowedFor: 0, allowed: false, holdsFor: 0, holds: false });
function cost(n: Node): number {
  if (n.kind === 'if') return 0;
  if (n.kind === 'all') return Math.min(...n.members.map(cost));
  if (n.kind === 'any') return n.members.reduce((x, m) => x + cost(m), 0);
  return needsOf(n.lex!);
}
const needsOf = (lex: Lexicon): number => ('pieces' in lex ? Math.min(...lex.pieces.map(needsOf)) : (lex.needs?.length ?? 0));
function made(sign: Sign): Node {
  if (typeof sign !== 'function' && 'on' in sign) {
    let n = feeNodes.get(sign.re);
    // (its keys are the read text's lexicon's: one node answers both)
    if (!n) feeNodes.set(sign.re, (n = node('fee', [made(sign.re)], { lex: sign.re })));
    return n;
  }
  let n = nodes.get(sign);
  if (!n) {
    const by = (xs: Sign[]) => xs.map(made).sort((a, b) => cost(a) - cost(b));
    if (typeof sign === 'function') n = node('if', [], { test: sign });
    else if ('all' in sign) n = node('all', by(sign.all));
    else if ('any' in sign) n = node('any', by(sign.any));
    else n = node('lex', [], { lex: sign });
    nodes.set(sign, n);
  }
  return n;
}

/** True when the keys allow the formula: false means it cannot hold (the fee text's keys are the read text's, blanked). */
function allowed(n: Node, r: SignReader, id: number): boolean {
  if (n.allowedFor === id) return n.allowed;
  let v: boolean;
  if (n.kind === 'if') v = n.test!(r);
  else if (n.kind === 'all') v = n.members.every((m) => allowed(m, r, id));
  else if (n.kind === 'any') v = n.members.some((m) => allowed(m, r, id));
  else if (n.kind === 'fee') v = allowed(n.members[0]!, r, id);
  else v = r.may(n.lex!);
  n.allowedFor = id;
  return (n.allowed = v);
}

function holds(n: Node, r: SignReader, id: number): boolean {
  if (n.holdsFor === id) return n.holds;
  let v: boolean;
  if (n.kind === 'if') v = allowed(n, r, id);
  else if (n.kind === 'all') v = allowed(n, r, id) && n.members.every((m) => holds(m, r, id));
  else if (n.kind === 'any') v = n.members.some((m) => holds(m, r, id));
  else v = n.kind === 'fee' ? r.has(n.lex!, r.fee()) : r.has(n.lex!);
  n.holdsFor = id;
  return (n.holds = v);
}

/** Each message read (each `SignReader`) a number of its own, so that a node's answers are known to be this message's. */
const readerIds = new WeakMap<SignReader, number>();
let lastId = 0;

/** Whether the formula may hold: its keys first, then its lexicons. A no is exact: the rules it was read from flag nothing. */
export function signsHold(sign: Sign, r: SignReader): boolean {
  let id = readerIds.get(r);
  if (id === undefined) readerIds.set(r, (id = ++lastId));
  const n = made(sign);
  return allowed(n, r, id) && holds(n, r, id);
}
