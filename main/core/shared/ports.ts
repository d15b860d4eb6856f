import type { AuditAction } from './audit-actions';

/** Small ports through which the core reaches the outside world, so tests can drive them for real or deterministically. */

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that also schedules (a port, so tests fire the timers themselves and count what happened). */
export interface TickClock {
  now(): number;
  /** Calls `fn` once after `ms`; returns its cancel. */
  after(ms: number, fn: () => void): () => void;
}

export const systemTicks: TickClock = {
  now: Date.now,
  after: (ms, fn) => {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

export interface Random {
  bytes(n: number): Buffer;
}

/**
 * Where every security-relevant action is recorded (the audit trail, main/core/audit, implements it).
 * `details` must never hold a secret, a token or an unmasked customer value.
 */
export interface AuditEvent {
  /** One of `AUDIT_ACTIONS` (shared/audit-actions.ts), so the SIEM sees stable names. */
  action: AuditAction;
  /** Who did it: a user id, or `system` for the app itself. */
  actor?: string;
  /** What it was done to, e.g. `conversation:42`, `channel:telegram-1`. */
  target?: string;
  details?: Record<string, string | number | boolean | null>;
}

export type AuditPort = (event: AuditEvent) => void;

export const noAudit: AuditPort = () => {};
