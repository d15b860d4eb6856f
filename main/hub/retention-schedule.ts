import { failureName, repeatEvery } from '../core/shared/keep-going';
import type { HubLog } from './channels';
import type { ChannelLeases } from './leases';
import type { HubRetention, HubRetentionOutcome } from './store/retention';
import type { Actor } from './store/types';

/** The lease name: one node of the team (or IT's on-demand run) applies retention at a time. */
export const RETENTION_LEASE = 'data:retention';

export interface RetentionRunOptions {
  retention: HubRetention;
  leases: ChannelLeases;
  actor: Actor;
  /** The most batches (transactions) one run makes; the next run carries on. Unbounded when absent. */
  maxBatches?: number;
  /** Checked between batches: true ends the run there (the next one resumes). */
  stopping?: () => boolean;
}

/**
 * Applies retention under the team-wide lease; null when another node (or another run) holds it. The lease is let go
 * after the run, so whichever node ticks next takes the next turn.
 */
export async function applyRetentionUnderLease(o: RetentionRunOptions): Promise<HubRetentionOutcome[] | null> {
  if (!(await o.leases.tryAcquire(RETENTION_LEASE))) return null;
  try {
    return await o.retention.apply(o.actor, { ...(o.maxBatches === undefined ? {} : { maxBatches: o.maxBatches }), ...(o.stopping ? { stopping: o.stopping } : {}) });
  } finally {
    await o.leases.release(RETENTION_LEASE);
  }
}

/**
 * Every node ticks every `everyMs`; the node that wins the lease applies every channel's policy, at most `maxBatches`
 * transactions per tick so a large first run does not hold the database for long (the next tick resumes); `stop()`
 * ends a run between two batches, so a node shutting down is not held up. Logs what
 * it removed, in counts; a failure is logged by its name and tried again next tick.
 */
export function scheduleRetention(o: RetentionRunOptions & { everyMs: number; log: HubLog }): { stop(): Promise<void> } {
  return repeatEvery(
    o.everyMs,
    async (stopping) => {
      const outcomes = await applyRetentionUnderLease({ ...o, stopping });
      for (const r of outcomes ?? []) {
        if (!(r.originalsCleared || r.attachmentsCleared || r.messagesDeleted || r.conversationsDeleted || r.heldDeleted) && r.done) continue;
        o.log({
          level: 'info',
          event: 'retention.applied',
          channelId: r.channelId,
          detail: `${r.mode} after ${r.days} days: ${r.originalsCleared} originals, ${r.attachmentsCleared} attachment links, ${r.messagesDeleted} messages, ${r.conversationsDeleted} conversations, ${r.heldDeleted} held messages removed${r.done ? '' : '; more next time'}`,
        });
      }
    },
    (e) => o.log({ level: 'warn', event: 'retention.failed', detail: failureName(e) }),
  );
}
