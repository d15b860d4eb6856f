/**
 * One span placed among the others by the passes that read a value the typed detector missed or typed wrongly
 * (round 37's `card-line-codes.ts`, `year-end-expiry.ts`, `worded-phones.ts`, `tajik-mobiles.ts`,
 * `paper-tazkira.ts`, `kin-birth-years.ts`): what it covers is replaced, a checksummed value it only touches stands.
 */
import { FAIL_CLOSED_CONFIDENCE } from './fail-closed';
import type { DetectedSpan } from './types';

/** Values no reading of the words around them may overrule. */
const STRONG = new Set(['CARD', 'IBAN', 'EMAIL']);

/**
 * `spans` with `add` placed: the spans it overlaps dropped and their extent joined to it — unless one already has its
 * type and extent, or is of a type not in `replaces` (another reading stands: a dictated OTP is no phone), or is a
 * checksummed value. A span masked only because nothing explained it (fail-closed) yields to any reading.
 */
export function placeSpan(spans: DetectedSpan[], add: DetectedSpan, replaces: ReadonlySet<string>): DetectedSpan[] {
  let start = add.start;
  let end = add.end;
  for (const sp of spans) {
    if (sp.start >= add.end || add.start >= sp.end) continue;
    if (STRONG.has(sp.type)) return spans;
    if (sp.type !== add.type && !replaces.has(sp.type) && sp.confidence !== FAIL_CLOSED_CONFIDENCE) return spans;
    if (sp.type === add.type && sp.start <= add.start && sp.end >= add.end) return spans;
    start = Math.min(start, sp.start);
    end = Math.max(end, sp.end);
  }
  const kept = spans.filter((sp) => sp.start >= add.end || add.start >= sp.end);
  kept.push({ ...add, start, end });
  return kept.sort((x, y) => x.start - y.start || y.end - x.end);
}

/** Each card among `spans` with the text after it: up to `reach` characters, and never past the next card. */
export function* afterEachCard(text: string, spans: readonly DetectedSpan[], reach: number): Generator<[DetectedSpan, string]> {
  for (const card of spans) {
    if (card.type !== 'CARD') continue;
    const next = spans.find((sp) => sp.type === 'CARD' && sp.start >= card.end);
    yield [card, text.slice(card.end, Math.min(text.length, card.end + reach, next ? next.start : Infinity))];
  }
}
