/** An agent's presence: online and away are kept alive by the console's stream; silence past the TTL is offline. */
export const PRESENCE_STATES = ['online', 'away', 'offline'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

export interface PresenceRow {
  state: PresenceState;
  expiresAt: number;
  changedAt: number;
}

/** What the row means now: a state whose time-to-live ran out is offline, since the moment it ran out. */
export function effectivePresence(row: PresenceRow | null, now: number): { state: PresenceState; since: number } {
  if (!row) return { state: 'offline', since: 0 };
  if (row.state !== 'offline' && row.expiresAt <= now) return { state: 'offline', since: row.expiresAt };
  return { state: row.state, since: row.changedAt };
}
