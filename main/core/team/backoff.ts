/** How long a console waits before reconnect attempt `attempt` to its hub (HubClient; the hub bench mirrors it). */
export interface ReconnectBackoff {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_RECONNECT: ReconnectBackoff = { baseMs: 250, capMs: 5_000 };

/**
 * Full jitter over `baseMs · 2^attempt`, capped at `capMs`; `attempt` 0 is the first after a drop. The first waits
 * only 0–`baseMs`: when one node dies the load balancer sends that attempt to a living node, and the jitter spreads
 * the dead node's consoles over the interval instead of all knocking at once. Later attempts wait longer and longer,
 * so a hub that is really down is not hammered.
 */
export function reconnectWait(attempt: number, b: ReconnectBackoff = DEFAULT_RECONNECT, random: () => number = Math.random): number {
  return random() * Math.min(b.capMs, b.baseMs * 2 ** Math.min(attempt, 30));
}
