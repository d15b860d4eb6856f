import fs from 'node:fs';
import type { CustodianPort } from './custodian-link';
import type { HubLog } from './channels';
import type { HubStore } from './store';
import { auditHead } from './store/custody';

/** A line per checkpoint appended to a file the SIEM's agent ships (`auditHeadFile`), flushed to disk. */
export function siemHeadFile(file: string, nodeId: string): (head: { seq: number; hash: string }) => Promise<void> {
  return async (head) => {
    const fd = fs.openSync(file, 'a', 0o640);
    try {
      fs.writeSync(fd, `${JSON.stringify({ type: 'hub.audit_head', node: nodeId, at: new Date().toISOString(), seq: head.seq, hash: head.hash })}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  };
}

/**
 * Sends the hub's audit head to the custodian (and to the SIEM's file, when configured) whenever it moved (checked
 * every `everyMs`), so a database administrator who rewrites or cuts the trail in PostgreSQL is found by
 * `diwan hub audit verify`, or by comparing with what the SIEM holds.
 */
export function startAuditCheckpoints(
  store: HubStore,
  custodian: CustodianPort,
  everyMs: number,
  log: HubLog,
  siem: ((head: { seq: number; hash: string }) => Promise<void>) | null = null,
): { stop(): Promise<void> } {
  let last = -1;
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= (async () => {
      try {
        const head = await auditHead(store);
        if (head.seq !== last) {
          await custodian.checkpoint(head);
          await siem?.(head);
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
