import type { CustodianPort } from './custodian-link';
import type { HubLog } from './channels';
import type { HubStore } from './store';
import { auditHead } from './store/custody';

/**
 * Sends the hub's audit head to the custodian whenever it moved (checked every `everyMs`), so a database
 * administrator who rewrites or cuts the trail in PostgreSQL is found by `diwan hub audit verify`.
 */
export function startAuditCheckpoints(store: HubStore, custodian: CustodianPort, everyMs: number, log: HubLog): { stop(): Promise<void> } {
  let last = -1;
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= (async () => {
      try {
        const head = await auditHead(store);
        if (head.seq !== last) {
          await custodian.checkpoint(head);
          last = head.seq;
        }
      } catch (e) {
        log({ level: 'warn', event: 'audit.checkpoint_failed', detail: (e as Error).message });
      }
    })().finally(() => (running = null));
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      tick();
      await running;
    },
  };
}
