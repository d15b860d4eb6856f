/**
 * Issue #26, round 18: the literal gate's letter mask (`needMask` in `core/text/literal-gate.ts`) answers most of a
 * lexicon's needs "no" before any key is probed: a need whose letters the text lacks cannot be met. Counted, never timed:
 * the key probes of the scam check on the store bench's messages. Its exactness is `lexicon-parts.test.ts`' (the needs
 * plan against each part's needs, every lexicon asked part by part against its alternation).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_GUARD_POLICY } from '../../main/core/guard';
import { findScamPatterns } from '../../main/core/guard/phishing/scam-patterns';
import { TextKeys } from '../../main/core/text/literal-gate';
import { messageText, rng } from '../../bench/store/common';

/** (on these messages 1,458.2 a message before the mask, 733.4 with it; `bench/README`, round 18 of the check) */
const PROBES_BOUND = 1_100;

describe('the letter mask (counted, not timed)', () => {
  it('spares most key probes on the store bench’s messages', () => {
    const r = rng(5);
    const texts = Array.from({ length: 300 }, () => messageText(r).replace(/\S+@\S+/g, '⟦EMAIL⟧').replace(/\b05\d{8}\b/g, '⟦PHONE⟧'));
    texts.forEach((t) => findScamPatterns(t, DEFAULT_GUARD_POLICY));
    const { has } = TextKeys.prototype;
    let probes = 0;
    TextKeys.prototype.has = function (this: TextKeys, key: number) {
      probes++;
      return has.call(this, key);
    };
    try {
      texts.forEach((t) => findScamPatterns(t, DEFAULT_GUARD_POLICY));
    } finally {
      TextKeys.prototype.has = has;
    }
    expect(probes / texts.length).toBeLessThan(PROBES_BOUND);
    expect(probes).toBeGreaterThan(0);
  });
});
