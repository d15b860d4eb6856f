import { failureName } from '../core/shared/keep-going';
import type { HubLog } from './channels';
import type { ConsentStore, PrepareText, WorkflowStore } from './store';

export interface WorkflowRunnerOptions {
  workflow: WorkflowStore;
  /** Consent notices on first contact, prepared (masked and sealed) like any reply. */
  consent: { store: ConsentStore; prepare: PrepareText };
  nodeId: string;
  presenceTtlMs: number;
  sweepMs: number;
  /** The users whose consoles follow this node's stream now. */
  connectedUsers: () => number[];
  log: HubLog;
  /** The least time between two sweeps that events trigger (the timer sweeps anyway). */
  minGapMs?: number;
  /** Opens snoozed conversations whose time has come (`store/snoozes.ts`); exactly once across nodes. */
  wakeSnoozed?: (actor: { actor: string }) => Promise<unknown>;
}

/**
 * One node's share of the team workflow. Its open streams keep their users' presence alive (a renewal at a third of
 * the time-to-live, so a killed console goes offline within it); it sweeps on a timer and whenever the event table
 * moves: expired presence, conversations whose assignee is gone too long, the backlog, consent notices to first
 * contacts, snoozed conversations whose time has come, and (on the timer) SLA breaches. Every node sweeps; the store's lock and compare-and-set make concurrent sweeps safe.
 */
export class WorkflowRunner {
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private kickTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private pending = false;
  private lastSweep = 0;
  private stopped = false;
  private readonly actor: { actor: string };

  constructor(private readonly o: WorkflowRunnerOptions) {
    this.actor = { actor: `hub:${o.nodeId}` };
  }

  start(): void {
    const beat = () => {
      if (this.stopped) return;
      void this.heartbeat();
      this.heartbeatTimer = setTimeout(beat, Math.max(500, Math.floor(this.o.presenceTtlMs / 3)));
    };
    beat();
    const tick = () => {
      if (this.stopped) return;
      void this.sweep(true);
      this.sweepTimer = setTimeout(tick, this.o.sweepMs);
    };
    this.sweepTimer = setTimeout(tick, this.o.sweepMs);
  }

  /** A console of this user opened its stream here: online at once, and the backlog may have someone to go to. */
  async connected(userId: number): Promise<void> {
    await this.guard('workflow.presence', () => this.o.workflow.heartbeat([userId], this.o.presenceTtlMs));
    this.kick();
  }

  private async heartbeat(): Promise<void> {
    const came = await this.guard('workflow.presence', () => this.o.workflow.heartbeat(this.o.connectedUsers(), this.o.presenceTtlMs));
    if (came?.length) this.kick();
  }

  /** Something changed (a message, a resolution, presence): sweep soon, coalescing bursts. */
  kick(): void {
    if (this.stopped || this.kickTimer) return;
    const wait = Math.max(0, this.lastSweep + (this.o.minGapMs ?? 200) - Date.now());
    this.kickTimer = setTimeout(() => {
      this.kickTimer = null;
      void this.sweep(false);
    }, wait);
  }

  /** One sweep at a time per node; a request during a sweep runs one more after it. */
  sweep(withSla: boolean): Promise<void> {
    if (this.running) {
      this.pending = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.pending = false;
        this.lastSweep = Date.now();
        const w = this.o.workflow;
        await this.guard('workflow.presence', () => w.expirePresence());
        if (this.o.wakeSnoozed) await this.guard('workflow.snooze', () => this.o.wakeSnoozed!(this.actor));
        await this.guard('workflow.return', () => w.returnToQueue(this.actor));
        await this.guard('workflow.assign', () => w.assignQueue(this.actor));
        await this.guard('workflow.consent', () => this.o.consent.store.sendNotices(this.o.consent.prepare, this.actor));
        await this.guard('workflow.consent', () => this.o.consent.store.acknowledge(this.actor));
        if (withSla) await this.guard('workflow.sla', () => w.alertBreaches(this.actor));
        withSla = false;
      } while (this.pending && !this.stopped);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** A sweep step that fails (the database out of reach) is logged by its code and tried again next time. */
  private async guard<T>(event: string, fn: () => Promise<T>): Promise<T | null> {
    try {
      return await fn();
    } catch (e) {
      this.o.log({ level: 'warn', event, detail: failureName(e) });
      return null;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of [this.heartbeatTimer, this.sweepTimer, this.kickTimer]) if (t) clearTimeout(t);
    await this.running?.catch(() => {});
  }
}
