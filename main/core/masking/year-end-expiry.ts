/**
 * Round 37: a card's expiry said as the end of a year or of a month, as French and Maghrebi customers write it after
 * the card's number — "expire fin 2026", "valable jusqu'à fin 2027", "exp. fin mars 27", "valide jusqu'à la fin de
 * juin 2028", and in Arabic "صالحة حتى نهاية ٢٠٢٧". The stretch from "fin" to the year is the CARD_EXPIRY; an expiry's
 * word must stand before it (at most 30 characters, no sentence's end between), within 80 characters after a card.
 * "Le sinistre sera clos fin mars 2027", with no card and no expiry word, stays visible.
 */
import { DIGIT_CLASS, asciiDigits } from '../text/fold';
import { afterEachCard, placeSpan } from './placed-span';
import type { DetectedSpan } from './types';

const CHEAP = /fin|end|نهاية|نهايه|آخر|اخر|akhir|lekher/i;
const D = `[${DIGIT_CLASS}]`;
const MONTH =
  'janvier|janv\\.?|f[ée]vrier|f[ée]vr?\\.?|mars|avril|avr\\.?|mai|juin|juillet|juil\\.?|ao[uû]t|septembre|sept?\\.?|octobre|oct\\.?|novembre|nov\\.?|d[ée]cembre|d[ée]c\\.?|january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|october|november|december|jan\\.?';
const YEAR_END = new RegExp(
  `(?<![\\p{L}])(?:(?:la\\s+)?fin|end(?:\\s+of)?|نهاية|نهايه|آخر|اخر|akhir|lekher)\\s+(?:(?:de|du\\s+mois\\s+de|d')\\s*)?(?:(?:${MONTH})\\s+)?(?:de\\s+)?(${D}{4}|${D}{2})(?![\\p{L}\\p{N}])`,
  'giu',
);
const EXPIRY_WORD = /(?:expire|expir|exp\b|exp\.|valable|valide|validit|jusqu|until|till|thru|valid|good|صالح|تنتهي|ينتهي|انتهاء|حتى|lghaya|tsali|kat\s*sali)[^.!?؟\n]{0,30}$/iu;

function yearOk(y: string): boolean {
  const n = Number(asciiDigits(y));
  return y.length === 2 ? n >= 20 && n <= 49 : n >= 2020 && n <= 2049;
}

/** The spans with each card's expiry said as a year's or a month's end placed as CARD_EXPIRY. */
export function withYearEndExpiry(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!CHEAP.test(text) || !spans.some((sp) => sp.type === 'CARD')) return spans;
  let out = spans;
  for (const [card, after] of afterEachCard(text, spans, 80)) {
    YEAR_END.lastIndex = 0;
    const m = YEAR_END.exec(after);
    if (!m || !yearOk(m[1]!)) continue;
    if (!EXPIRY_WORD.test(after.slice(Math.max(0, m.index - 40), m.index))) continue;
    out = placeSpan(out, { type: 'CARD_EXPIRY', start: card.end + m.index, end: card.end + m.index + m[0].length, confidence: 0.6 }, new Set());
  }
  return out;
}
