import { parseMaskedText } from '../../core/masking';
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

const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const LTR_CHAR = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/;

/** The direction of the first strong character outside masked fields, as the Unicode bidi algorithm would pick. */
export function textDirection(masked: string): 'rtl' | 'ltr' | 'auto' {
  const text = parseMaskedText(masked)
    .map((s) => (s.kind === 'text' ? s.text : ' '))
    .join('');
  for (const ch of text) {
    if (RTL_CHAR.test(ch)) return 'rtl';
    if (LTR_CHAR.test(ch)) return 'ltr';
  }
  return 'auto';
}

/**
 * Folding for search and highlighting: case, Arabic and Persian letter variants (ي ی ى, ك ک, ة ه, أ إ آ ا),
 * every digit script to ASCII, and invisible marks (harakat, tatweel, ZWNJ) dropped.
 */
const FOLD: Record<string, string> = {
  ی: 'ي', ى: 'ي', ک: 'ك', ة: 'ه', ۀ: 'ه', أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ؤ: 'و', ئ: 'ي',
};
const DROP = /[\u064b-\u065f\u0670\u0640\u200b-\u200f\u061c]/;

export function foldChar(ch: string): string {
  if (DROP.test(ch)) return '';
  const code = ch.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return FOLD[ch] ?? ch.toLowerCase();
}

export function foldText(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/** Splits text segments so every occurrence of a query term (folded) becomes its own segment with `match: true`. */
export function highlight(segments: SegmentDto[], query: string): SegmentDto[] {
  const terms = [...new Set(foldText(query).split(/\s+/).filter((t) => t.length > 0))];
  if (!terms.length) return segments;
  const out: SegmentDto[] = [];
  for (const seg of segments) {
    if (seg.kind !== 'text') {
      out.push(seg);
      continue;
    }
    // Fold character by character, remembering where each folded character came from.
    let folded = '';
    const origin: number[] = [];
    let i = 0;
    for (const ch of seg.text) {
      const f = foldChar(ch);
      for (let k = 0; k < f.length; k++) origin.push(i);
      folded += f;
      i += ch.length;
    }
    origin.push(seg.text.length);
    const marks: Array<[number, number]> = [];
    for (const term of terms) {
      for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length)) {
        const end = at + term.length;
        marks.push([origin[at]!, end < origin.length - 1 ? origin[end]! : seg.text.length]);
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
