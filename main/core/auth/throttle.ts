import type { Db } from '../store';
import type { Clock } from '../shared/ports';

export interface ThrottleRules {
  /** Failures allowed before the first lock-out. */
  freeAttempts: number;
  /** The first lock-out; each further failure doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A name with no failure for this long starts again from zero. */
  forgetAfterMs: number;
}

export const DEFAULT_THROTTLE: ThrottleRules = {
  freeAttempts: 4,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 24 * 60 * 60_000,
};

/** How long a name is locked after its n-th failure in a row: base × 2^(n − free − 1), capped; 0 while free. */
export function lockoutMs(failures: number, rules: ThrottleRules = DEFAULT_THROTTLE): number {
  const over = failures - rules.freeAttempts;
  return over > 0 ? Math.min(rules.baseDelayMs * 2 ** (over - 1), rules.maxDelayMs) : 0;
}

/**
 * Sign-in lock-out per username (known or not, so it reveals nothing about which accounts exist), kept in the
 * database so a restart does not reset it. Failure n beyond the free ones locks the name for
 * base × 2^(n − free − 1), capped.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly rules: ThrottleRules = DEFAULT_THROTTLE,
  ) {}

  /** Milliseconds until the name may try again, or 0. */
  waitFor(username: string): number {
    const row = this.row(username);
    return row ? Math.max(0, row.locked_until - this.clock.now()) : 0;
  }

  /** Records a failure; returns the failure count and how long the name is now locked (0 if not). */
  fail(username: string): { failures: number; lockedForMs: number } {
    const now = this.clock.now();
    const row = this.row(username);
    const failures = row ? row.failures + 1 : 1;
    const lockedForMs = lockoutMs(failures, this.rules);
    this.db
      .prepare(
        `INSERT INTO login_throttle (username, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)
         ON CONFLICT(username) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until`,
      )
      .run(username, failures, now, now + lockedForMs);
    return { failures, lockedForMs };
  }

  succeed(username: string): void {
    this.db.prepare('DELETE FROM login_throttle WHERE username = ?').run(username);
  }

  private row(username: string): { failures: number; last_failure_at: number; locked_until: number } | undefined {
    const row = this.db.prepare('SELECT failures, last_failure_at, locked_until FROM login_throttle WHERE username = ?').get(username) as
      | { failures: number; last_failure_at: number; locked_until: number }
      | undefined;
    if (row && this.clock.now() - row.last_failure_at > this.rules.forgetAfterMs) {
      this.succeed(username);
      return undefined;
    }
    return row;
  }
}
