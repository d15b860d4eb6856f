/**
 * Round 38 of issue #21. Part A: a lexicon too long for one optimised regular expression (V8 stops optimising a source
 * over 20 KiB) is scanned in parts that find exactly what the one alternation would — round 37 took the card's
 * alternation over that size and every decision slowed by about half.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DESCRIBED_SECRETS } from '../../main/core/guard/outbound/described';
import { alternationParts, findAll, MAX_ALTERNATION_SOURCE, SECRET_OBJECTS } from '../../main/core/guard/outbound/lexicon';
import { foldLetters } from '../../main/core/guard/text/clauses';
import { RUNS } from '../helpers/guard-rounds';

/** The scan as it was before round 38: the whole lexicon as one alternation. */
function oneAlternation(text: string, entries: string[]): Array<[number, number]> {
  const sorted = [...entries].sort((a, b) => b.length - a.length).map((e) => foldLetters(e));
  const re = new RegExp(`(?<=^| )(?:${sorted.join('|')})(?= |$)`, 'gu');
  const out: Array<[number, number]> = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}
const spans = (text: string, entries: string[]) => findAll(text, entries).map((h): [number, number] => [h.start, h.end]);

const KINDS = Object.keys(SECRET_OBJECTS) as Array<keyof typeof SECRET_OBJECTS>;
const byKind = KINDS.map((k) => [...SECRET_OBJECTS[k], ...(DESCRIBED_SECRETS[k] ?? [])]);
const everything = byKind.flat();
const voices = path.join(__dirname, '../../bench/guard/voices');
// tune sets only: report-only rows are never read
const texts = fs.readdirSync(voices).filter((f) => /^(?:tune|round\d+-tune)/.test(f)).sort()
  .flatMap((f) => fs.readFileSync(path.join(voices, f), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text))
  .map((t) => foldLetters(t.toLowerCase().replace(/[.,!?؟،:;()"]+/gu, ' ').replace(/\s+/gu, ' ').trim()));

describe('a lexicon scanned in parts', () => {
  it('keeps every part under the size V8 optimises, and the card kind and all secrets together need more than one', () => {
    for (const entries of [...byKind, everything]) for (const re of alternationParts(entries)) expect(re.source.length).toBeLessThanOrEqual(MAX_ALTERNATION_SOURCE);
    expect(MAX_ALTERNATION_SOURCE).toBeLessThan(20 * 1024);
    expect(alternationParts(byKind[KINDS.indexOf('card')]!).length).toBeGreaterThan(1);
    expect(alternationParts(everything).length).toBeGreaterThan(2);
  });
  it('finds what one alternation finds, over the tune rows', () => {
    expect(texts.length).toBeGreaterThan(500);
    // every row against the card's lexicon, every fourth against all the secrets' (the one 66 KB alternation is slow)
    for (const t of texts) expect(spans(t, byKind[KINDS.indexOf('card')]!)).toEqual(oneAlternation(t, byKind[KINDS.indexOf('card')]!));
    for (const t of texts.filter((_, i) => i % 4 === 0)) expect(spans(t, everything)).toEqual(oneAlternation(t, everything));
  });
  it('takes the earlier part at one position and the leftmost hit across parts, on made-up words', () => {
    // long entries land in the first part, short ones (that also match inside them) in the later ones
    const long = Array.from({ length: 400 }, (_, i) => `w${i} (?:\\S+ ){0,2}?zz${'x'.repeat(30)}`);
    const short = ['w1', 'zz\\S*', 'a b', 'b', 'a', 'w\\d+', '(?:)'];
    const entries = [...long, ...short];
    expect(alternationParts(entries).length).toBeGreaterThan(1);
    const word = fc.constantFrom('w1', 'w12', 'a', 'b', 'zz', `zz${'x'.repeat(30)}`, 'q', 'w399');
    fc.assert(fc.property(fc.array(word, { minLength: 0, maxLength: 12 }), (ws) => {
      const t = ws.join(' ');
      expect(spans(t, entries)).toEqual(oneAlternation(t, entries));
    }), RUNS);
  });
});
