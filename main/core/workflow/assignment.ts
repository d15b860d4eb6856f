import { ASSIGN_MODES } from '../shared/vocabulary';

/**
 * Who takes the next conversation of a channel: the pure decision, shared by the hub's sweep and its benchmark.
 * The hub loads the candidates (online agents who may read the channel) and applies the result with a
 * compare-and-set, under one lock, so two nodes never hand one conversation to two people or overfill an agent.
 */

export { ASSIGN_MODES };
export type AssignMode = (typeof ASSIGN_MODES)[number];

export interface Candidate {
  id: number;
  /** Conversations assigned to this agent that are not resolved (every channel). */
  open: number;
  /** The most this agent may hold open. */
  capacity: number;
  /** The agent's place in the rotation: lower went longer ago (0 = never assigned). */
  turn: number;
}

/**
 * Round robin: the agent under capacity whose last assignment is the oldest. Least open: the agent under capacity
 * with the fewest open conversations, the rotation breaking ties. Manual: nobody (a person assigns).
 */
export function pickAgent(mode: AssignMode, candidates: readonly Candidate[]): Candidate | null {
  if (mode === 'manual') return null;
  let best: Candidate | null = null;
  for (const c of candidates) {
    if (c.open >= c.capacity) continue;
    if (!best || better(mode, c, best)) best = c;
  }
  return best;
}

function better(mode: AssignMode, a: Candidate, b: Candidate): boolean {
  if (mode === 'least-open' && a.open !== b.open) return a.open < b.open;
  if (a.turn !== b.turn) return a.turn < b.turn;
  return a.id < b.id;
}
