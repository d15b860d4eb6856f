import { failureName, repeatEvery } from '../core/shared/keep-going';
import type { HubLog } from './channels';
import type { HubRelayQueue } from './store/relay-queue';

/**
 * Every `everyMs`, erases the relayed events that waited longer than `maxAgeMs` (`HubRelayQueue.expire`: audited with
 * counts, counted for the desk's health). Every node runs it; a row is erased and counted once whichever node does it.
 * Logs counts only; a failure is logged by its name and tried again next time.
 */
export function scheduleRelayExpiry(o: { queue: Pick<HubRelayQueue, 'expire'>; maxAgeMs: number; everyMs: number; now: () => number; log: HubLog }): { stop(): Promise<void> } {
  return repeatEvery(
    o.everyMs,
    async () => {
      for (const e of await o.queue.expire(o.now() - o.maxAgeMs)) {
        o.log({ level: 'warn', event: 'relay.expired', channelId: e.channelId, detail: `${e.events} events for device ${e.device.slice(0, 12)} erased unread after ${Math.round(o.maxAgeMs / 86_400_000)} days` });
      }
    },
    (e) => o.log({ level: 'warn', event: 'relay.expiry_failed', detail: failureName(e) }),
  );
}
