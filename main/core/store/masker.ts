/**
 * The masking step of the ingest path, as a port. `main/core/masking` supplies the real detectors; until it is wired
 * in, `placeholderMasker` masks e-mail addresses and runs of four or more digits so that the path already stores
 * spans and encrypted originals.
 */
import type { DetectedSpan } from '../masking';
export interface MaskedField {
  type: string;
  /** Where the value's token sits in the masked text (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
  /** The original value. Only ever stored encrypted. */
  value: string;
}

export interface MaskResult {
  masked: string;
  fields: MaskedField[];
  /**
   * The masking engine's detections over the text as given (`detectSensitive`), when the masker is the engine: the
   * inbound scam check asks the engine of the masked text, and a text nothing was masked in is its own masked text.
   */
  detected?: readonly DetectedSpan[];
}

/**
 * Masks one text. `rules`, when present, returns what the output depends on besides the text (IT's masking hints):
 * a different value means a text may now mask differently. A masker without it masks a text the same way every time.
 */
export type Masker = ((text: string) => MaskResult) & { readonly rules?: () => unknown };

const DETECTORS: Array<{ type: string; re: RegExp }> = [
  { type: 'EMAIL', re: /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu },
  { type: 'NUMBER', re: /\p{Nd}(?:[ -]?\p{Nd}){3,}/gu },
];

const MAYBE = /[@\p{Nd}]/u;

export const placeholderMasker: Masker = (text) => {
  if (!MAYBE.test(text)) return { masked: text, fields: [] };
  const hits: Array<{ type: string; from: number; to: number }> = [];
  for (const { type, re } of DETECTORS) {
    for (const m of text.matchAll(re)) {
      const from = m.index;
      const to = from + m[0].length;
      if (!hits.some((h) => from < h.to && to > h.from)) hits.push({ type, from, to });
    }
  }
  if (!hits.length) return { masked: text, fields: [] };
  hits.sort((a, b) => a.from - b.from);
  let masked = '';
  let at = 0;
  const fields: MaskedField[] = [];
  for (const h of hits) {
    masked += text.slice(at, h.from);
    const value = text.slice(h.from, h.to);
    const token = h.type === 'NUMBER' ? `⟦${h.type}·••${lastDigits(value)}⟧` : `⟦${h.type}⟧`;
    fields.push({ type: h.type, start: masked.length, end: masked.length + token.length, value });
    masked += token;
    at = h.to;
  }
  return { masked: masked + text.slice(at), fields };
};

function lastDigits(value: string): string {
  const digits = [...value].filter((c) => /\p{Nd}/u.test(c));
  return digits.slice(-2).join('');
}
