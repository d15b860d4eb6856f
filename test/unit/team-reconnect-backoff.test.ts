import { describe, expect, it } from 'vitest';
import { DEFAULT_RECONNECT, reconnectWait } from '../../main/core/team';

/** Attempts a console makes while its hub stays unreachable for `outageMs`, each draw of the jitter being `draw`. */
function attemptsDuring(outageMs: number, draw: number): number {
  let waited = 0;
  let attempts = 0;
  for (;;) {
    waited += reconnectWait(attempts, DEFAULT_RECONNECT, () => draw);
    if (waited > outageMs) return attempts;
    attempts++;
  }
}

describe('reconnect back-off after a dropped stream', () => {
  it('the first attempt after a drop waits only the small jitter (0–250 ms), not a grown back-off', () => {
    expect(reconnectWait(0, DEFAULT_RECONNECT, () => 0)).toBe(0);
    expect(reconnectWait(0, DEFAULT_RECONNECT, () => 0.999_999)).toBeLessThan(250);
  });

  it('later attempts wait longer and longer, up to the cap', () => {
    const longest = Array.from({ length: 8 }, (_, i) => reconnectWait(i, DEFAULT_RECONNECT, () => 1));
    expect(longest).toEqual([250, 500, 1_000, 2_000, 4_000, 5_000, 5_000, 5_000]);
    expect(reconnectWait(10_000, DEFAULT_RECONNECT, () => 1)).toBe(5_000);
  });

  it('a hub that stays down is not hammered: attempts in a minute, counted at the median and the longest draw', () => {
    // Median draw: 125, 250, 500, 1,000, 2,000, then 2,500 ms apart.
    expect(attemptsDuring(60_000, 0.5)).toBe(27);
    // Longest draw: 250 … 4,000, then 5,000 ms apart.
    expect(attemptsDuring(60_000, 1)).toBe(15);
    // A hub that comes back within the first jitter is reached by the first attempt.
    expect(attemptsDuring(249, 1)).toBe(0);
    expect(attemptsDuring(250, 1)).toBe(1);
  });
});
