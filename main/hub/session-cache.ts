import type { HubSession, HubUser, SessionChange } from './store';

export interface CachedSession {
  session: HubSession;
  user: HubUser;
}

interface Entry extends CachedSession {
  /** The entry's own end (its short lifetime), before the session's idle deadline if that comes first. */
  until: number;
}

/** An entry lives this long at most: a lost notification (none is known to be lost: see `fence`) would be forgotten by then. */
export const SESSION_CACHE_TTL_MS = 30_000;
/** Entries a node keeps at most; the oldest go first. */
export const SESSION_CACHE_MAX = 10_000;

/**
 * A node's cache of verified bearer sessions (complete ones only), so a storm of reconnecting consoles is answered
 * without three queries each waiting for the node's pool (bench/README.md, "Team hub"). Bounded in size and
 * lifetime, never trusted blindly:
 * - every statement that ends or changes sessions (sign-out, revoked device, disabled user, role, channel, password
 *   or second-factor change) sends a `diwan_sessions` NOTIFY in its own transaction, which drops the entries it names
 *   on every node (`invalidate`);
 * - before a hit is answered, `fence` makes sure every notification committed before now has been heard (a round trip
 *   on the node's LISTEN connection, shared by every hit waiting at that moment); when that connection is down or the
 *   fence fails, the cache answers nothing and authentication reads the database;
 * - a fill that began before an invalidation is not stored (the generation moved); the LISTEN connection's (re)start
 *   clears the cache, since notifications may have been missed while it was down.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  /** Authentications answered from the cache (`/metrics`). */
  hits = 0;

  constructor(
    private readonly o: {
      now: () => number;
      /** Resolves true once every NOTIFY committed before the call has been heard; false when that cannot be known. */
      fence: () => Promise<boolean>;
      ttlMs?: number;
      max?: number;
    },
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** A verified session still inside its lifetime and its idle deadline, once the invalidations before now are heard. */
  async get(tokenHash: string): Promise<CachedSession | null> {
    if (!this.live(tokenHash)) return null;
    if (!(await this.o.fence().catch(() => false))) return null;
    const e = this.live(tokenHash);
    if (e) this.hits++;
    return e;
  }

  private live(tokenHash: string): Entry | null {
    const e = this.entries.get(tokenHash);
    if (!e) return null;
    const now = this.o.now();
    if (e.until > now && e.session.expiresAt > now) return e;
    this.entries.delete(tokenHash);
    return null;
  }

  /** Taken before the database is read for a fill: `put` with a stale stamp stores nothing. */
  stamp(): number {
    return this.generation;
  }

  put(stamp: number, session: HubSession, user: HubUser): void {
    if (stamp !== this.generation || session.stage !== 'full' || user.disabled) return;
    this.entries.delete(session.tokenHash);
    this.entries.set(session.tokenHash, { session: { ...session }, user, until: this.o.now() + (this.o.ttlMs ?? SESSION_CACHE_TTL_MS) });
    const max = this.o.max ?? SESSION_CACHE_MAX;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= max) break;
      this.entries.delete(oldest);
    }
  }

  invalidate(change: SessionChange | 'all'): void {
    this.generation++;
    if (change === 'all') return this.entries.clear();
    for (const [hash, e] of this.entries) if (changeNames(change, { tokenHash: hash, userId: e.user.id, device: e.session.device })) this.entries.delete(hash);
  }

  /** A `diwan_sessions` payload; one that cannot be read drops everything (never keep an entry it may have named). */
  heard(payload: string): SessionChange | 'all' {
    const change = parseChange(payload);
    this.invalidate(change);
    return change;
  }
}

export function parseChange(payload: string): SessionChange | 'all' {
  try {
    const c = JSON.parse(payload) as Record<string, unknown>;
    if (typeof c.tokenHash === 'string') return { tokenHash: c.tokenHash };
    if (typeof c.userId === 'number') return { userId: c.userId };
    if (typeof c.device === 'string') return { device: c.device };
  } catch {
    /* falls through */
  }
  return 'all';
}

/** Whether a change names this signed-in session (its token, its user or its device). */
export function changeNames(change: SessionChange | 'all', who: { tokenHash: string; userId: number; device: string }): boolean {
  if (change === 'all') return true;
  if ('tokenHash' in change) return change.tokenHash === who.tokenHash;
  if ('userId' in change) return change.userId === who.userId;
  return change.device === who.device;
}
