/**
 * The lead's report figures that both modes compute the same way: first-response and resolution times of each
 * conversation episode (from the customer's first message since it was opened or reopened), and first-response
 * promises broken. The single-seat store and the hub each read their episodes; this is the one copy of the rule.
 */

/** The promise a channel without its own makes: a first reply within an hour (wall-clock time). */
export const DEFAULT_FIRST_RESPONSE_MS = 3_600_000;

export interface ReportEpisode {
  /** The customer's first message of the episode. */
  openedAt: number;
  /** The team's first reply at or after `openedAt`; null: not answered yet. */
  firstReplyAt: number | null;
  /** When the episode was resolved; null while it is open (or snoozed, or pending). */
  resolvedAt: number | null;
  /** When the first reply was due (the channel's promise on the team's calendar, or the default hour). */
  firstResponseDueAt: number;
}

export interface ReportTimes {
  firstResponseMs: { p50: number | null; p90: number | null };
  resolutionMs: { p50: number | null; p90: number | null };
  /** Episodes resolved (with a known resolution time). */
  resolved: number;
  /** Episodes answered (or closed unanswered) after their due time, and episodes still waiting once it has passed. */
  slaBreaches: number;
}

/** The value at rank p (0..1) of a sorted list (nearest rank, the lower one); null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export function reportTimes(episodes: readonly ReportEpisode[], now: number): ReportTimes {
  const first = episodes.filter((e) => e.firstReplyAt !== null && e.firstReplyAt >= e.openedAt).map((e) => e.firstReplyAt! - e.openedAt);
  const resolution = episodes.filter((e) => e.resolvedAt !== null && e.resolvedAt >= e.openedAt).map((e) => e.resolvedAt! - e.openedAt);
  first.sort((a, b) => a - b);
  resolution.sort((a, b) => a - b);
  return {
    firstResponseMs: { p50: percentile(first, 0.5), p90: percentile(first, 0.9) },
    resolutionMs: { p50: percentile(resolution, 0.5), p90: percentile(resolution, 0.9) },
    resolved: resolution.length,
    slaBreaches: episodes.filter((e) => (e.firstReplyAt ?? e.resolvedAt ?? now) > e.firstResponseDueAt).length,
  };
}
