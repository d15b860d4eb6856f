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

/** An attempt `attempt` counted: its number, the lock it set, and the name's row before it. */
export interface Attempt {
  failures: number;
  lockedForMs: number;
  previous: { failures: number; last_failure_at: number; locked_until: number } | undefined;
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
  private fail(username: string): { failures: number; lockedForMs: number } {
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

  /**
   * Counts an attempt BEFORE its password or code is checked (call it right after `waitFor` said 0, with nothing
   * awaited between): calls made at once, from one window or several, each take their own number, and the one that
   * reaches the limit locks the name for the rest. Counting after the check let every call in flight pass one unlocked
   * moment. A right answer then clears the count (`succeed`) or, when the sign-in is not over yet, `giveBack`s it.
   */
  attempt(username: string): Attempt {
    const previous = this.row(username);
    return { ...this.fail(username), previous };
  }

  /** Takes back one `attempt` that proved right (a password still to be followed by a code, a password change). */
  giveBack(username: string, attempt: Attempt): void {
    const row = this.row(username);
    if (!row) return;
    if (row.failures !== attempt.failures) {
      this.db.prepare('UPDATE login_throttle SET failures = failures - 1 WHERE username = ? AND failures > 0').run(username);
    } else if (!attempt.previous) {
      this.succeed(username);
    } else {
      const p = attempt.previous;
      this.db.prepare('UPDATE login_throttle SET failures = ?, last_failure_at = ?, locked_until = ? WHERE username = ?').run(p.failures, p.last_failure_at, p.locked_until, username);
    }
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
