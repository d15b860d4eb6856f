import type { Clock } from '../../shared/ports';
import type { Sleep } from '../time';

/**
 * A channel's token bucket plus a "closed until" time set from the platform's own hints (429 retry_after,
 * x-rate-limit-reset, Meta usage headers). Every request of the channel passes through `take`.
 */
export class RateGate {
  private tokens: number;
  private last: number;
  private closedUntil = 0;
  private slowFactor = 1;

  constructor(
    private readonly clock: Clock,
    private readonly sleep: Sleep,
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
    this.last = clock.now();
  }

  /** Waits for a token and for any platform-imposed pause; resolves early (without a token) when `signal` aborts. */
  async take(signal?: AbortSignal): Promise<void> {
    for (let guard = 0; guard < 10_000 && !signal?.aborted; guard++) {
      const now = this.clock.now();
      if (now < this.closedUntil) {
        await this.sleep(this.closedUntil - now, signal);
        continue;
      }
      this.refill(now);
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const rate = this.perSecond / this.slowFactor;
      await this.sleep(Math.max(1, Math.ceil(((1 - this.tokens) / rate) * 1000)), signal);
    }
  }

  /** The platform said to wait until `until` (epoch ms). Never shortens an existing pause. */
  closeUntil(until: number): void {
    this.closedUntil = Math.max(this.closedUntil, until);
  }

  /** Slows the bucket (Meta usage near its limit): factor 1 is normal speed, 4 is a quarter. */
  slowDown(factor: number): void {
    this.slowFactor = Math.max(1, factor);
  }

  /** Epoch ms until which the platform asked for quiet, or 0. */
  get pausedUntil(): number {
    return this.closedUntil > this.clock.now() ? this.closedUntil : 0;
  }

  private refill(now: number): void {
    const rate = this.perSecond / this.slowFactor;
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * rate);
    this.last = now;
  }
}
