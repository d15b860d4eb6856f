import type { BusinessCalendar } from './calendar';

/** A channel's promises, in business minutes; null: no such promise. */
export interface SlaTargets {
  firstResponseMinutes: number | null;
  nextResponseMinutes: number | null;
  resolutionMinutes: number | null;
}

export type SlaTarget = 'first_response' | 'next_response' | 'resolution';

/** What the hub knows of a conversation's current episode (since the customer opened or reopened it). */
export interface SlaTimeline {
  /** The customer's first message of this episode; null when the customer has not written. */
  openedAt: number | null;
  /** The oldest customer message with no reply after it; null when nobody waits. */
  waitingSince: number | null;
  /** Whether the team has replied at least once in this episode. */
  answered: boolean;
  resolved: boolean;
}

export interface SlaClock {
  target: SlaTarget;
  startedAt: number;
  dueAt: number;
}

/** The clocks running for a conversation now, soonest due first. */
export function slaClocks(tl: SlaTimeline, targets: SlaTargets, cal: BusinessCalendar): SlaClock[] {
  const out: SlaClock[] = [];
  const clock = (target: SlaTarget, startedAt: number, minutes: number | null) => {
    if (minutes !== null) out.push({ target, startedAt, dueAt: cal.add(startedAt, minutes * 60_000) });
  };
  if (tl.resolved || tl.openedAt === null) return out;
  if (tl.waitingSince !== null) {
    if (tl.answered) clock('next_response', tl.waitingSince, targets.nextResponseMinutes);
    else clock('first_response', tl.openedAt, targets.firstResponseMinutes);
  }
  clock('resolution', tl.openedAt, targets.resolutionMinutes);
  return out.sort((a, b) => a.dueAt - b.dueAt);
}

export type SlaRisk = 'ok' | 'at_risk' | 'breached';

/** Breached once due; at risk when less than `riskShare` of the promised business time is left. */
export function slaRisk(c: SlaClock, now: number, cal: BusinessCalendar, riskShare = 0.25): SlaRisk {
  if (now >= c.dueAt) return 'breached';
  const whole = cal.between(c.startedAt, c.dueAt);
  const left = cal.between(Math.max(now, c.startedAt), c.dueAt);
  return whole > 0 && left / whole < riskShare ? 'at_risk' : 'ok';
}
