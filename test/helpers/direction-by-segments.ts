import { parseMaskedText } from '../../main/core/masking';

/**
 * A masked text's direction as the console read it from its segments before issue #26's round 25 (the first strong
 * character outside fields): the reference the one-pass `textDirection` must agree with.
 */
export function directionBySegments(masked: string): 'rtl' | 'ltr' | 'auto' {
  const text = parseMaskedText(masked)
    .map((s) => (s.kind === 'text' ? s.text : ' '))
    .join('');
  for (const ch of text) {
    if (/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/.test(ch)) return 'rtl';
    if (/[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/.test(ch)) return 'ltr';
  }
  return 'auto';
}
