import { parseMaskedText, TOKEN_PATTERN } from '../../core/masking';
import { queryTerms } from '../../core/store';
import { foldWithOffsets } from '../../core/text/fold';
import type { SegmentDto } from '../console-contract';

/**
 * Turns masked text (`Call me on ⟦PHONE·••42⟧`) into segments the renderer draws without parsing anything:
 * text runs and field chips with their type, hint and index (the n-th masked field of that text, which is the
 * field's number in the store).
 */
export function toSegments(masked: string): SegmentDto[] {
  let n = 0;
  return parseMaskedText(masked).map((s) =>
    s.kind === 'text' ? { kind: 'text', text: s.text } : { kind: 'field', fieldIndex: n++, type: s.type, hint: s.shown.slice(0, 64) },
  );
}

const RTL_CHAR = '[\\u0590-\\u08ff\\ufb1d-\\ufdff\\ufe70-\\ufefc]';
const LTR_CHAR = '[A-Za-z\\u00c0-\\u024f\\u0370-\\u03ff\\u0400-\\u04ff]';
/**
 * A masked field (stepped over: its two groups unused), else the first strong character — an RTL one in group 3,
 * an LTR one in group 4. Tried at each position in turn, the field first, as `parseMaskedText` finds fields.
 */
const FIRST_STRONG = new RegExp(`${TOKEN_PATTERN}|(${RTL_CHAR})|(${LTR_CHAR})`, 'g');

/**
 * The direction of the first strong character outside masked fields, as the Unicode bidi algorithm would pick.
 * One pass of one expression over the text (issue #26 round 25: an inbox page asks it of 100 previews; it had split
 * each into segments, joined their text and tested two expressions a character).
 */
export function textDirection(masked: string): 'rtl' | 'ltr' | 'auto' {
  FIRST_STRONG.lastIndex = 0;
  for (let m = FIRST_STRONG.exec(masked); m; m = FIRST_STRONG.exec(masked)) {
    if (m[3] !== undefined) return 'rtl';
    if (m[4] !== undefined) return 'ltr';
  }
  return 'auto';
}

/**
 * Splits text segments so every occurrence of a query term becomes its own segment with `match: true`. Terms and
 * text are folded by the same rule search uses (`core/text/fold`, `queryTerms`), and any occurrence is marked, not
 * only whole words, so whatever search finds is marked.
 */
export function highlight(segments: SegmentDto[], query: string): SegmentDto[] {
  const terms = [...new Set(queryTerms(query))];
  if (!terms.length) return segments;
  const out: SegmentDto[] = [];
  for (const seg of segments) {
    if (seg.kind !== 'text') {
      out.push(seg);
      continue;
    }
    const { norm, from, to } = foldWithOffsets(seg.text);
    const marks: Array<[number, number]> = [];
    for (const term of terms) {
      for (let at = norm.indexOf(term); at >= 0; at = norm.indexOf(term, at + term.length)) {
        marks.push([from[at]!, to[at + term.length - 1]!]);
      }
    }
    marks.sort((a, b) => a[0] - b[0]);
    let pos = 0;
    for (const [s, e] of marks) {
      if (s < pos) continue;
      if (s > pos) out.push({ kind: 'text', text: seg.text.slice(pos, s) });
      out.push({ kind: 'text', text: seg.text.slice(s, e), match: true });
      pos = e;
    }
    if (pos < seg.text.length) out.push({ kind: 'text', text: seg.text.slice(pos) });
  }
  return out;
}

/** Fills `{{name}}` placeholders from the given (masked) variables; names without a usable value are reported. */
export function fillTemplate(body: string, variables: Record<string, string>): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const text = body.replace(/\{\{\s*([a-zA-Z][\w.]{0,59})\s*\}\}/g, (whole, name: string) => {
    const v = variables[name];
    // A masked value never goes into a reply: the agent fills it in (or reveals it) knowingly.
    if (v === undefined || v === '' || v.includes('⟦')) {
      missing.add(name);
      return whole;
    }
    return v;
  });
  return { text, missing: [...missing] };
}
