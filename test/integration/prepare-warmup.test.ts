import { afterEach, describe, expect, it } from 'vitest';
import { GuardScreen } from '../../main/core/app';
import { detectorMasker } from '../../main/core/app/masker';
import { ParallelPreparer } from '../../main/core/app/parallel-preparer';
import { WARM_UP_MESSAGES, warmUpText } from '../../main/core/app/prepare-warmup';
import { generateSealingKey } from '../../main/core/custody';
import { DEFAULT_GUARD_POLICY } from '../../main/core/guard';

const open: ParallelPreparer[] = [];
afterEach(() => open.splice(0).forEach((p) => p.close()));

// Issue #26, round 19: a cold worker compiled its patterns inside the first chunk it was sent, missed that chunk's
// deadline on a loaded machine and retired. Counted here, never timed.
describe('the preparation worker warms up before it says it is ready', () => {
  it('prepares its whole sample before the ready message, then prepares the first batch itself', async () => {
    const log: string[] = [];
    const p = new ParallelPreparer(() => undefined, (line) => log.push(line), 120_000);
    open.push(p);
    expect(p.warmed).toBe(0);
    expect(await p.warmUp()).toBe(true); // the default wait, 10 s
    expect(p.warmed).toBe(WARM_UP_MESSAGES);
    const key = generateSealingKey(1);
    const texts = Array.from({ length: 200 }, (_, i) => `order ${i} card 4111 1111 1111 ${String(1000 + i)} please`);
    const masker = detectorMasker(() => undefined);
    const get = p.start(texts, 1, { masker, sealing: { seat: 'seat-0123456789abcdef', epoch: key.epoch, publicKey: key.publicKey } });
    const got = Array.from({ length: Math.ceil(texts.length / p.chunkSize) }, (_, k) => get(k)).flat();
    expect(got.map((m) => m.masked)).toEqual(texts.map((t) => masker(t).masked));
    expect(log).toEqual([]); // no chunk fell back to this thread
  });

  it('its sample goes through what a store batch goes through: three digit scripts, masked values of several kinds, flagged and plain outcomes', () => {
    const texts = Array.from({ length: WARM_UP_MESSAGES }, (_, i) => warmUpText(i));
    expect(new Set(texts).size).toBeGreaterThan(WARM_UP_MESSAGES * 0.9);
    expect(Array.from(texts.join('').matchAll(/[0-9]|[٠-٩]|[۰-۹]/g), (m) => (m[0] <= '9' ? 'latin' : m[0] <= '٩' ? 'arabic' : 'persian')).filter((v, i, a) => a.indexOf(v) === i).sort()).toEqual([
      'arabic',
      'latin',
      'persian',
    ]);
    const masker = detectorMasker(() => undefined);
    const types = new Set(texts.flatMap((t) => masker(t).fields.map((f) => f.type)));
    expect(types.size).toBeGreaterThanOrEqual(4);
    const check = new GuardScreen(DEFAULT_GUARD_POLICY);
    const flagged = texts.filter((t) => check.flagged(masker(t).masked)).length;
    expect(flagged).toBeGreaterThan(0);
    expect(flagged).toBeLessThan(texts.length);
    // The same sample every time: the warm-up is the same work on any machine.
    expect(Array.from({ length: WARM_UP_MESSAGES }, (_, i) => warmUpText(i))).toEqual(texts);
  });
});
