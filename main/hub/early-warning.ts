import { EarlyWarningDetector, type GuardPolicy } from '../core/guard';
import { detectSensitive } from '../core/masking';
import type { EventFeed } from './feed';
import type { ChannelLeases } from './leases';
import type { HubLeadReview } from './store/lead-review';

/** The lease name: one node of the team watches for spikes at a time, so an alert is raised once, not once per node. */
export const EARLY_WARNING_LEASE = 'guard:early-warning';

/**
 * Security early warning at the hub: the single-seat detector (`core/guard` early warning: spikes of "I was hacked",
 * a login or code the customer did not ask for, impersonation) over every customer message the team receives, read
 * from the event table on the node holding the lease. A spike becomes a hub alert (`security_spike`) that leads and
 * administrators see live. The node that takes the lease over starts learning its baseline afresh.
 */
export class HubEarlyWarning {
  private readonly detector: EarlyWarningDetector;
  private cursor = 0;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly o: { feed: EventFeed; leases: ChannelLeases; review: HubLeadReview; policy: GuardPolicy; onError?: (e: unknown) => void },
  ) {
    this.detector = new EarlyWarningDetector(o.policy.earlyWarning, detectSensitive);
  }

  /** Watches from the feed's current end; each new batch of events is looked at once. */
  start(): () => void {
    this.cursor = this.o.feed.lastSeq;
    return this.o.feed.onNew(() => void this.run());
  }

  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.step();
        } catch (e) {
          this.o.onError?.(e);
        }
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async step(): Promise<void> {
    if (!(await this.o.leases.tryAcquire(EARLY_WARNING_LEASE))) {
      this.cursor = this.o.feed.lastSeq; // another node watches; if it dies, this one starts from now
      return;
    }
    for (;;) {
      const events = await this.o.feed.after(this.cursor, 1_000);
      if (!events.length) return;
      for (const e of events) {
        const m = e.payload as { direction?: string; conversationId?: number; maskedText?: string };
        if (e.kind !== 'message.added' || m.direction !== 'in' || typeof m.maskedText !== 'string') continue;
        for (const a of this.detector.observe({ conversationRef: String(m.conversationId), text: m.maskedText, at: e.at })) {
          // Counts and conversations, not excerpts: administrators see alerts and read no customer text.
          await this.o.review.raise({
            kind: 'security_spike',
            details: { signal: a.signal, windowCount: a.windowCount, expected: a.expected, conversationIds: a.conversationIds.map(Number) },
          });
        }
      }
      this.cursor = events[events.length - 1]!.seq;
    }
  }
}
