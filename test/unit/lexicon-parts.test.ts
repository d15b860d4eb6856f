/**
 * Issue #26, round 16: a lexicon is asked part by part where the text's keys meet only a few of its parts' needs
 * (`LazyRegExp.testWhere`): the answer must be `test`'s on every text and on every piece cut out of one, and on ordinary
 * traffic the scam rules must try far fewer alternatives than when each lexicon was one alternation (counted, never timed).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GUARD_POLICY } from '../../main/core/guard';
import { findScamPatterns } from '../../main/core/guard/phishing/scam-patterns';
import { normalizeText } from '../../main/core/guard/text/clauses';
import { digitsAsTyped } from '../../main/core/masking';
import { LazyRegExp } from '../../main/core/text/lazy-regexp';
import { needsPlan, patternNeeds, TextKeys } from '../../main/core/text/literal-gate';
import { messageText, rng } from '../../bench/store/common';
import { isReportOnly } from '../../bench/masking/report-only';

const lexicons = () => LazyRegExp.all.filter((re) => (re.parts?.length ?? 0) >= 4);
const read = (t: string) => normalizeText(digitsAsTyped(t));

/** Every lexicon's `testWhere` against its `test`, on the text and on a piece of it; how many said yes. */
function agree(texts: string[]): number {
  let yes = 0;
  for (const t of texts) {
    const keys = new TextKeys(t);
    const piece = t.slice(Math.floor(t.length / 3), Math.floor((2 * t.length) / 3) + 1);
    for (const re of lexicons()) {
      const want = re.test(t);
      if (re.testWhere(keys, t) !== want) throw new Error(`${re.source.slice(0, 60)}… on ${JSON.stringify(t)}`);
      if (re.testWhere(keys, piece) !== re.test(piece)) throw new Error(`${re.source.slice(0, 60)}… on the piece ${JSON.stringify(piece)}`);
      if (want) yes++;
    }
  }
  return yes;
}

describe('a lexicon asked part by part answers as its alternation does', () => {
  it('on generated texts of the lexicons’ own words, in three scripts, cut and joined', () => {
    findScamPatterns('warm', DEFAULT_GUARD_POLICY);
    // the plain letter runs of every part (regex syntax taken out), each a word customers may write
    const fragments = [...new Set(lexicons().flatMap((re) => re.parts!.flatMap((p) => p.replace(/\\[pPu]\{[^}]*\}|\\[a-zA-Z]|\[[^\]]*\]|\(\?<?[:=!]|[(){}|?*+^$]/g, ' ').split(/\s+/))).filter((w) => w.length >= 2))].sort();
    const filler = ['the', 'my', 'account', 'today', 'حسابي', 'اليوم', 'حساب', 'امروز', '12', '٣٤', 'please', 'ok'];
    let yes = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...fragments), fc.constantFrom(...filler)), { minLength: 1, maxLength: 14 }), fc.boolean(), (ws, upper) => {
        const t = read(upper ? ws.join(' ').toUpperCase() : ws.join(' '));
        yes += agree([t]);
      }),
      { numRuns: 300 },
    );
    // (not vacuous: the generated texts match lexicons many times)
    expect(yes).toBeGreaterThan(300);
  }, 120_000);

  it('on every visible inbound voice text and the store bench’s messages', () => {
    const dir = path.resolve(__dirname, '../../bench/guard/voices');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl') && f.includes('inbound') && !isReportOnly(path.join(dir, f)));
    const voices = files.flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text));
    const r = rng(7);
    const store = Array.from({ length: 300 }, () => messageText(r));
    // (every 3rd voice text: the answer is checked for about 80 lexicons on each)
    expect(agree([...voices.filter((_, i) => i % 3 === 0), ...store].map(read))).toBeGreaterThan(1000);
  }, 120_000);
});

describe('ordinary traffic tries few alternatives (counted, not timed)', () => {
  it('the scam rules on 500 of the store bench’s messages', () => {
    findScamPatterns('warm', DEFAULT_GUARD_POLICY);
    const r = rng(7);
    const texts = Array.from({ length: 500 }, () => messageText(r).replace(/\S+@\S+/g, '⟦EMAIL⟧').replace(/\b05\d{8}\b/g, '⟦PHONE⟧'));
    // each test or exec of a lexicon's pattern counts its alternatives: a whole lexicon its parts, one part alone 1
    const whole = new Map<RegExp, number>();
    for (const re of lexicons()) whole.set(re.re, re.parts!.length);
    const lexiconLike = (re: RegExp) => re.source.startsWith('(?<![\\p{L}\\p{N}])(?:');
    let alternatives = 0;
    const { test, exec } = RegExp.prototype;
    const count = (re: RegExp) => (alternatives += whole.get(re) ?? (lexiconLike(re) ? 1 : 0));
    RegExp.prototype.test = function (this: RegExp, s: string) {
      count(this);
      return test.call(this, s);
    };
    RegExp.prototype.exec = function (this: RegExp, s: string) {
      count(this);
      return exec.call(this, s);
    };
    try {
      for (const t of texts) findScamPatterns(t, DEFAULT_GUARD_POLICY);
    } finally {
      Object.assign(RegExp.prototype, { test, exec });
    }
    console.log(`alternatives tried a message: ${(alternatives / texts.length).toFixed(1)}`);
    expect(alternatives / texts.length).toBeLessThan(20);
  }, 120_000);

  it('the gate reads each lexicon’s needs once a message: on 500 of the store bench’s messages', () => {
    findScamPatterns('warm', DEFAULT_GUARD_POLICY);
    const r = rng(7);
    const texts = Array.from({ length: 500 }, () => messageText(r).replace(/\S+@\S+/g, '⟦EMAIL⟧').replace(/\b05\d{8}\b/g, '⟦PHONE⟧'));
    // a reading of needs: `may` (one lexicon's, or one part's) or `partsMet` (every part of one lexicon at once)
    const { may, partsMet } = TextKeys.prototype;
    let reads = 0;
    TextKeys.prototype.may = function (this: TextKeys, needs: Parameters<typeof may>[0]) {
      reads++;
      return may.call(this, needs);
    };
    TextKeys.prototype.partsMet = function (this: TextKeys, plan: Int32Array, parts: number) {
      reads++;
      return partsMet.call(this, plan, parts);
    };
    try {
      for (const t of texts) findScamPatterns(t, DEFAULT_GUARD_POLICY);
    } finally {
      Object.assign(TextKeys.prototype, { may, partsMet });
    }
    console.log(`readings of needs a message: ${(reads / texts.length).toFixed(1)}`);
    expect(reads / texts.length).toBeLessThan(READS_BOUND);
  }, 120_000);
});

/** (174.2 a message when a lexicon's gate and then each of its parts' needs were read apart; 32.8 read once) */
const READS_BOUND = 100;

describe('the needs plan', () => {
  it('answers as the needs do: a lexicon may match exactly when some part is met, and which parts', () => {
    const r = rng(11);
    const texts = Array.from({ length: 60 }, () => normalizeText(messageText(r)));
    const plans = lexicons().map((re) => ({ re, plan: needsPlan(re.parts!), each: re.parts!.map((p) => patternNeeds([p])) }));
    let some = 0;
    for (const t of texts) {
      const keys = new TextKeys(t);
      for (const { re, plan, each } of plans) {
        const met = keys.partsMet(plan, re.parts!.length);
        expect(met !== false).toBe(keys.may(re.needs));
        if (Array.isArray(met)) {
          some++;
          expect(met).toEqual(each.flatMap((n, i) => (keys.may(n) ? [i] : [])));
        }
      }
    }
    expect(some).toBeGreaterThan(50);
  });
});
