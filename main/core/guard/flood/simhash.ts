import { normalizeText } from '../text/clauses';

/**
 * 64-bit SimHash over character 4-grams of folded text, digits unified (as two 32-bit halves): near-identical messages —
 * the same campaign text with a name, an emoji or a word changed — land within a few bits of each other.
 */
export interface Fingerprint {
  hi: number;
  lo: number;
}

export function fingerprintText(text: string): { fp: Fingerprint; length: number } {
  // digits count as one symbol: campaigns vary a number or a tag, people vary their words
  const t = normalizeText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').replace(/\p{N}/gu, '0').trim();
  const v = new Int32Array(64);
  const n = Math.max(1, t.length - 3);
  for (let i = 0; i < n; i++) {
    const g = t.slice(i, i + 4);
    const h1 = fnv1a(g, 0x811c9dc5);
    const h2 = fnv1a(g, 0x01000193 ^ 0x9e3779b9);
    for (let b = 0; b < 32; b++) {
      v[b]! += (h1 >>> b) & 1 ? 1 : -1;
      v[32 + b]! += (h2 >>> b) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (v[b]! > 0) lo |= 1 << b;
    if (v[32 + b]! > 0) hi |= 1 << b;
  }
  return { fp: { hi: hi >>> 0, lo: lo >>> 0 }, length: t.length };
}

export function hamming(a: Fingerprint, b: Fingerprint): number {
  return popcount(a.hi ^ b.hi) + popcount(a.lo ^ b.lo);
}

/** The eight 8-bit bands: two fingerprints within 7 bits share at least one band exactly (pigeonhole). */
export function bands(fp: Fingerprint): number[] {
  const out: number[] = [];
  for (let i = 0; i < 4; i++) out.push(((fp.hi >>> (i * 8)) & 0xff) | (i << 8), ((fp.lo >>> (i * 8)) & 0xff) | ((i + 4) << 8));
  return out;
}

function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // final avalanche so nearby grams spread across all bits
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
