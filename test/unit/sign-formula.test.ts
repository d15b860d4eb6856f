/**
 * Issue #26, round 18: the scam pre-tests' formulas (`phishing/sign-formula.ts`) ask each lexicon of a message once,
 * however many formulas and places name it (`urgency` holds `fee`'s whole formula; an "all" asks its members' keys
 * before their patterns), and a node's kept answer is never another message's. Counted, never timed.
 */
import { describe, expect, it } from 'vitest';
import { SCAM_PRETESTS } from '../../main/core/guard/phishing/scam-patterns';
import { signsHold, type SignReader } from '../../main/core/guard/phishing/sign-formula';
import { normalizeText } from '../../main/core/guard/text/clauses';
import { digitsAsTyped } from '../../main/core/masking';
import { TextKeys } from '../../main/core/text/literal-gate';
import type { LazyRegExp } from '../../main/core/text/lazy-regexp';
import { messageText, rng } from '../../bench/store/common';

type Asked = { may: number; has: number; lexicons: Set<unknown> };

/** A reader as `findScamPatterns` makes one, counting what the formulas ask of it. */
function reader(text: string, asked: Asked): SignReader {
  const t = normalizeText(digitsAsTyped(text));
  const keys = new TextKeys(t);
  const parts = (re: object) => ('pieces' in re ? (re as { pieces: LazyRegExp[] }).pieces : [re as LazyRegExp]);
  return {
    text: t,
    hasLink: false,
    may: (re) => (asked.may++, asked.lexicons.add(re), parts(re).some((p) => p.partsMet(keys) !== false)),
    has: (re, s = t) => (asked.has++, asked.lexicons.add(re), parts(re).some((p) => p.testWhere(keys, s))),
    fee: () => t,
  };
}
const answers = (r: SignReader) => [signsHold(SCAM_PRETESTS.number, r), signsHold(SCAM_PRETESTS.urgency, r), signsHold(SCAM_PRETESTS.fee, r)];

const r = rng(11);
const texts = Array.from({ length: 300 }, () => messageText(r).replace(/\S+@\S+/g, '⟦EMAIL⟧').replace(/\b05\d{8}\b/g, '⟦PHONE⟧'));
// (and messages that pass the pre-tests' keys, so that the formulas go on to the patterns)
texts.push('your account will be frozen today, pay the 50 usd fee now or it is closed', 'حسابك سيتم تجميده اليوم ادفع رسوم 50 دولار الان', 'a man called me from 0813 442 9921 and said he is from the bank');

describe('the pre-tests’ formulas (counted, not timed)', () => {
  it('ask each lexicon of a message about once, over the three flags’ formulas', () => {
    const asked: Asked = { may: 0, has: 0, lexicons: new Set() };
    let distinct = 0;
    for (const t of texts) {
      asked.lexicons = new Set();
      answers(reader(t, asked));
      distinct += asked.lexicons.size;
    }
    // (a formula's own condition may ask a lexicon's keys once more: `keysOf`); before round 18: 2.2× the lexicons; now 1.15×
    expect(asked.may + asked.has).toBeLessThanOrEqual(distinct * 1.25);
  });

  it('give each message its own answers, however the messages are interleaved', () => {
    const none = (): Asked => ({ may: 0, has: 0, lexicons: new Set() });
    const alone = texts.map((t) => answers(reader(t, none())));
    const readers = texts.map((t) => reader(t, none()));
    // each reader asked twice, another message's reader asked in between
    for (let i = 0; i < texts.length; i++) {
      answers(readers[i]!);
      answers(readers[(i * 7 + 3) % texts.length]!);
      expect(answers(readers[i]!)).toEqual(alone[i]);
    }
    expect(alone.some((a) => a.some(Boolean))).toBe(true);
  });
});
