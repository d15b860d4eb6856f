/** What the guards need from the rest of Diwan, passed in so each guard runs and is tested on its own. */

/** A sensitive value found in text (the masking engine's `detectSensitive` has this shape). */
export interface SensitiveSpan {
  type: string;
  start: number;
  end: number;
  confidence: number;
}

export type DetectSensitive = (text: string) => SensitiveSpan[];

/** Replaces each detected span (UTF-16 offsets) by `•`, one per code unit, so offsets stay valid. */
export function maskSpans(text: string, spans: readonly SensitiveSpan[]): string {
  const out = text.split('');
  for (const s of spans) for (let i = Math.max(0, s.start); i < Math.min(out.length, s.end); i++) out[i] = '•';
  return out.join('');
}
