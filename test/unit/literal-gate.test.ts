/**
 * Issues #26/#21: the inbound scam check tries a lexicon pattern only on a text holding what its parts need
 * (`core/text/literal-gate`). The gate must never say "cannot match" of a text the pattern matches — generated texts
 * made of the patterns' own pieces, and every inbound voice text, whole and cut — and it must spare the work: the
 * patterns tried on ordinary messages are counted, never timed.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GUARD_POLICY } from '../../main/core/guard';
import { findScamPatterns } from '../../main/core/guard/phishing/scam-patterns';
import { normalizeText } from '../../main/core/guard/text/clauses';
import { LazyRegExp } from '../../main/core/text/lazy-regexp';
import { patternNeeds, TextKeys } from '../../main/core/text/literal-gate';
import { messageText, rng } from '../../bench/store/common';

const gated = () => LazyRegExp.all.filter((l) => l.needs !== null);

/** Pieces of a pattern's source that read as text: its words and phrases with the regular-expression syntax cut out. */
function pieces(source: string): string[] {
  return source
    .split(/\\[pPu]\{[^}]*\}|\\.|[()[\]|?*+{}^$]|\d+,\d*/u)
    .map((p) => p.replace(/[:<=!]/g, ''))
    .filter((p) => p.trim().length >= 2)
    .slice(0, 400);
}

describe('a gated pattern is never ruled out on a text it matches', () => {
  it('reads what a source needs: optional letters and groups are not needed, alternatives are each enough', () => {
    const keys = (t: string, src: string) => new TextKeys(t).may(patternNeeds([src]));
    expect(keys('my password', 'pass ?word')).toBe(true);
    expect(keys('my passport', 'pass ?word')).toBe(false);
    expect(keys('xac', 'ab?c')).toBe(true); // an optional letter is not part of a run
    expect(keys('will be cancelled', '(?:will|would|to) be cancel\\S*')).toBe(true);
    expect(keys('it was cancelled', '(?:will|would|to) be cancel\\S*')).toBe(false);
    expect(keys('pay 5', '\\$\\s?\\d+')).toBe(false);
    expect(keys('pay $5', '\\$\\s?\\d+')).toBe(true);
    expect(keys('hello', 'a|b(?:c|d)')).toBe(false);
    expect(keys('bd', 'a|b(?:c|d)')).toBe(true);
    expect(keys('KARMOZD', 'ka+rmozd')).toBe(true);
    expect(keys('ſuspend', 'suspend')).toBe(true); // the i flag folds ſ to s
    expect(patternNeeds(['[a-z]+'])).toBeNull();
    // (issue #26) a small class, or a group of single letters, is a place of the run with its alternatives
    expect(keys('a sticker', 's[ae]kk?[ae]r')).toBe(false); // an "s", a "k" and an "r" are not enough
    expect(keys('it was SEKKER', 's[ae]kk?[ae]r')).toBe(true);
    expect(keys('sakar', 's[ae]kk?[ae]r')).toBe(true);
    expect(keys('the tab', '(?:y|t|n)ab')).toBe(true);
    expect(keys('a cab', '(?:y|t|n)ab')).toBe(false);
    expect(keys('a-b', '[a-c]-b')).toBe(true); // a range is not read as a place
  });

  it('strings generated from each part of every gated pattern meet that part\'s needs, alone and inside a text', () => {
    findScamPatterns('warm up: pay the fee', DEFAULT_GUARD_POLICY); // builds the lazy patterns
    // (fast-check cannot generate look-arounds, nor under the i flag: the few parts with a look-around are left to the
    // tests beside this one; upper case, which the i flag lets match, is tried on each string)
    const parts = gated().flatMap((l) => ((l as unknown as { parts?: readonly string[] }).parts ?? []).filter((p) => !/\(\?<?[=!]/.test(p)).map((p) => ({ p, re: new RegExp(`^(?:${p})$`, l.re.flags.replace(/[giy]/g, '')) })));
    expect(parts.length).toBeGreaterThan(1000);
    // (the places this round reads: some parts hold a class or a group of single letters in a run)
    expect(parts.filter(({ p }) => /[\p{L}\d]\[[^\]^\\-]{1,4}\][\p{L}\d]/u.test(p)).length).toBeGreaterThan(20);
    const needs = new Map(parts.map(({ p }) => [p, patternNeeds([p])]));
    for (const { p, re } of parts) {
      fc.assert(
        fc.property(fc.stringMatching(re), fc.constantFrom('', 'x ', 'ال', '5 '), (m, around) => {
          for (const t of [m, `${around}${m} ${around}`, m.toUpperCase()]) expect(new TextKeys(t).may(needs.get(p)!), `${p.slice(0, 80)} on ${JSON.stringify(t)}`).toBe(true);
        }),
        { numRuns: 12 },
      );
    }
  }, 120_000);

  it('generated texts of the patterns own pieces, whole and cut', () => {
    findScamPatterns('warm up: pay the fee', DEFAULT_GUARD_POLICY); // builds the lazy patterns
    const patterns = gated();
    expect(patterns.length).toBeGreaterThan(40);
    const vocabulary = [...new Set(patterns.flatMap((l) => pieces(l.source)))];
    const text = fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom(' ', '  ', '.', ',', ': ', '\n', '5', '12 ', '$', 'x', 'ال', 'و', 'ي', '؟', 'Z')), { minLength: 1, maxLength: 14 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (raw, a, b) => {
        for (const t of [raw, normalizeText(raw)]) {
          const gate = new TextKeys(t);
          const cut = t.slice(Math.min(a, b) % (t.length + 1), Math.max(a, b) % (t.length + 1));
          for (const l of patterns) {
            if (l.re.test(t)) expect(gate.may(l.needs), `${l.source.slice(0, 80)} on ${JSON.stringify(t)}`).toBe(true);
            if (l.re.test(cut)) expect(gate.may(l.needs), `${l.source.slice(0, 80)} on a cut ${JSON.stringify(cut)}`).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('every inbound voice text, as the scam check reads it', () => {
    const dir = path.resolve(__dirname, '../../bench/guard/voices');
    // (tuning and check sets only: the report-only ones are not read here)
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl') && f.includes('inbound') && !f.startsWith('heldout'));
    const texts = files.flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text));
    expect(texts.length).toBeGreaterThan(500);
    const patterns = gated();
    let matched = 0;
    for (const raw of texts) {
      const t = normalizeText(raw);
      const gate = new TextKeys(t);
      for (const l of patterns) {
        if (!l.re.test(t)) continue;
        matched++;
        expect(gate.may(l.needs), `${l.source.slice(0, 80)}`).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(1000);
  }, 120_000);
});

describe('the work spared on ordinary messages (patterns tried, counted)', () => {
  /** Lexicon patterns tried while `f` runs. */
  function tried(f: () => void): number {
    const test = LazyRegExp.prototype.test;
    const exec = LazyRegExp.prototype.exec;
    let n = 0;
    LazyRegExp.prototype.test = function (this: LazyRegExp, s: string) {
      n++;
      return test.call(this, s);
    };
    LazyRegExp.prototype.exec = function (this: LazyRegExp, s: string) {
      n++;
      return exec.call(this, s);
    };
    try {
      f();
    } finally {
      LazyRegExp.prototype.test = test;
      LazyRegExp.prototype.exec = exec;
    }
    return n;
  }

  it('an Arabizi verb shape (a one-letter group, then stems with small classes) is ruled out on ordinary English', () => {
    findScamPatterns('warm up: pay the fee', DEFAULT_GUARD_POLICY);
    // (the frozen-account lexicons' "(?:y|t|n)[ei]?[tn]?(?:s[ae]kk?[ae]r|…)": its needs were single letters before round 15)
    const parts = LazyRegExp.all.flatMap((l) => (l as unknown as { parts?: readonly string[] }).parts ?? []).filter((p) => p.includes('s[ae]kk?[ae]r'));
    expect(parts.length).toBeGreaterThan(0);
    for (const p of parts) {
      for (const t of ['yes thanks for the sticker, kind regards', 'hi, can you send the statement of my account for november please']) expect(new TextKeys(t).may(patternNeeds([p])), p.slice(0, 60)).toBe(false);
      expect(new TextKeys('ra7 ysakker l 7esab').may(patternNeeds([p]))).toBe(true);
    }
  });

  it('the scam patterns try a fraction of their lexicons on the store bench traffic', () => {
    const r = rng(7);
    const texts = Array.from({ length: 500 }, () => (r(), messageText(r)));
    const n = tried(() => texts.forEach((t) => findScamPatterns(t, DEFAULT_GUARD_POLICY)));
    // 24.7 a message before the gate (0aff539), 4.9 with it
    expect(n / texts.length).toBeLessThan(10);
  }, 120_000);

});
