import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LazyRegExp, lazyRegExp } from '../../main/core/text/lazy-regexp';
import { findScamPatterns } from '../../main/core/guard/phishing/scam-patterns';

describe('patterns built on first use', () => {
  it('loading the guards builds none of the scam patterns; the first check builds what it reaches', () => {
    const script = `
      const { LazyRegExp } = await import('./main/core/text/lazy-regexp.ts');
      const { DEFAULT_GUARD_POLICY } = await import('./main/core/guard/index.ts');
      const { findScamPatterns } = await import('./main/core/guard/phishing/scam-patterns.ts');
      const built = () => LazyRegExp.all.filter((r) => r.built).length;
      const before = built();
      findScamPatterns('Your account is frozen, call our support on 0912 345 6789 now', DEFAULT_GUARD_POLICY);
      console.log(JSON.stringify({ made: LazyRegExp.all.length, before, after: built() }));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    const counts = JSON.parse(run.stdout) as { made: number; before: number; after: number };
    expect(counts.made).toBeGreaterThan(50);
    expect(counts.before).toBe(0);
    expect(counts.after).toBeGreaterThan(0);
  });

  it('every pattern the guards declare parses (a broken one fails here, not on a customer message)', () => {
    expect(findScamPatterns).toBeTypeOf('function');
    expect(LazyRegExp.all.length).toBeGreaterThan(50);
    for (const r of LazyRegExp.all) expect(r.re).toBeInstanceOf(RegExp);
    const unclosed = ['(?<![\\p{L}])(?:', 'unclosed'].join('');
    const broken = lazyRegExp(() => new RegExp(unclosed, 'iu'));
    expect(() => broken.test('x')).toThrow(SyntaxError);
  });

  it('answers as the regular expression it builds', () => {
    const r = lazyRegExp(() => /(?<![\p{L}])ab(c)/giu);
    expect(r.built).toBe(false);
    expect(r.source).toBe('(?<![\\p{L}])ab(c)');
    expect(r.built).toBe(true);
    expect('x abc abc'.replace(r, '-')).toBe('x - -');
    expect(r.test('ABC')).toBe(true);
    r.re.lastIndex = 0;
    expect(r.exec('zabc abc')?.index).toBe(5);
  });

  // scam-patterns' `rx` writes its word-start look-behind once before the parts instead of once before each part
  it('one look-behind before the alternatives finds what one before each alternative finds', () => {
    const BEFORE = '(?<![\\p{L}\\p{N}])';
    const CLITIC = '(?:و|ال)?';
    const letters = fc.constantFrom('a', 'b', 'c', ' ', 'و', 'ا', 'ل', 'ب', '1', '.');
    const part = fc.string({ unit: letters, minLength: 1, maxLength: 3 }).map((w) => w.replace(/[.]/g, '\\.'));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), fc.string({ unit: letters, maxLength: 24 }), (parts, text) => {
        const each = new RegExp(parts.map((p) => `${BEFORE}${CLITIC}(?:${p})`).join('|'), 'giu');
        const once = new RegExp(`${BEFORE}(?:${parts.map((p) => `${CLITIC}(?:${p})`).join('|')})`, 'giu');
        const found = (r: RegExp) => [...text.matchAll(r)].map((m) => `${m.index}:${m[0]}`);
        expect(found(once)).toEqual(found(each));
      }),
      { numRuns: 300 },
    );
  });
});
