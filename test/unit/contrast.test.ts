import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Text contrast of the console's colour tokens (WCAG 2.x, level AA: 4.5:1 for normal text), computed from the values
 * in renderer/src/styles.css for the light theme and for the dark one (`prefers-color-scheme: dark`), so a token
 * changed in either fails here before anyone sees grey on grey.
 */
const css = fs.readFileSync(path.resolve('renderer/src/styles.css'), 'utf8');

function tokensIn(block: string): Map<string, string> {
  return new Map([...block.matchAll(/(--[\w-]+)\s*:\s*(#[0-9a-fA-F]{3,8})\s*;/g)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}
/** The body of the first `{ … }` after `from` (no nested braces inside a :root block). */
function blockAfter(from: number): string {
  const open = css.indexOf('{', from);
  return css.slice(open + 1, css.indexOf('}', open));
}
const light = tokensIn(blockAfter(css.indexOf(':root')));
const darkAt = css.indexOf('@media (prefers-color-scheme: dark)');
const dark = new Map([...light, ...tokensIn(blockAfter(css.indexOf(':root', darkAt)))]);

function luminance(hex: string): number {
  const h = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join('') : hex.slice(1, 7);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Text token on background token, as the stylesheet pairs them. */
const PAIRS: Array<[string, string]> = [
  ...['open', 'pending', 'snoozed', 'resolved'].map((s) => [`--status-${s}-fg`, `--status-${s}-bg`] as [string, string]),
  ['--fg', '--bg'],
  ['--fg', '--card'],
  ['--fg', '--chip'],
  ['--fg', '--note-bg'],
  ['--muted', '--card'],
  ['--muted', '--bg'],
  ['--muted', '--chip'],
  ['--accent', '--card'],
  ['--accent', '--accent-soft'],
  ['--on-accent', '--accent'],
  ['--ok', '--ok-bg'],
  ['--ok', '--card'],
  ['--warn', '--warn-bg'],
  ['--warn', '--card'],
  ['--bad', '--bad-bg'],
  ['--bad', '--card'],
  ['--on-bad', '--bad'],
  ['--mark-fg', '--mark-bg'],
  ['--label-fg', '--label-bg'],
];

describe('colour contrast of the console\'s tokens (WCAG AA, 4.5:1)', () => {
  it('reads every token of both themes from the stylesheet', () => {
    expect(light.size).toBeGreaterThanOrEqual(20);
    expect(darkAt).toBeGreaterThan(0);
    for (const [fg, bg] of PAIRS) for (const theme of [light, dark]) expect(theme.has(fg) && theme.has(bg), `${fg} / ${bg}`).toBe(true);
    // The dark theme changes the colours, not only their names.
    expect(dark.get('--bg')).not.toBe(light.get('--bg'));
  });

  it.each([
    ['light', light],
    ['dark', dark],
  ] as const)('%s theme: status pills and every text/background pair reach 4.5:1', (_theme, tokens) => {
    const low = PAIRS.map(([fg, bg]) => ({ pair: `${fg} on ${bg}`, ratio: Math.round(contrast(tokens.get(fg)!, tokens.get(bg)!) * 100) / 100 })).filter((p) => p.ratio < 4.5);
    expect(low).toEqual([]);
  });

  it('computes the ratios WCAG gives for known colours', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
  });
});
