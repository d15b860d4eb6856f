/**
 * A connector stand-in for crash tests: ingests numbered batches forever, each with its cursor, resuming from the
 * stored cursor, until it is killed. Batch k holds messages k·B … k·B+B−1 plus the previous batch's last message
 * again (a re-delivery), and its cursor is `k+1`.
 *   DIR=<data dir> SVC=<keychain service> [BATCH=200] [WAIT_FOR_GO=1] node --import tsx test/helpers/ingest-child.ts
 * With WAIT_FOR_GO it loads its modules, then waits for a line on stdin before it opens the store: the test starts
 * the next child while the current one runs, so loading (most of a child's start) overlaps the kills.
 */
import { openCore } from '../../main/core/app';
import type { InboundMessage } from '../../main/core/shared/messages';

export function crashMessage(n: number): InboundMessage {
  return {
    platformMessageId: `p${n}`,
    platformConversationId: `c${n % 50}`,
    contact: { platformUserId: `u${n % 50}`, displayName: `Customer ${n % 50}` },
    direction: 'in',
    text: `message ${n}: my number is 05${String(n).padStart(8, '0')}`,
    sentAt: 1_700_000_000_000 + n,
  };
}

export function crashBatch(k: number, size: number): InboundMessage[] {
  const batch = Array.from({ length: size }, (_, i) => crashMessage(k * size + i));
  return k > 0 ? [crashMessage(k * size - 1), ...batch] : batch;
}

async function main() {
  const size = Number(process.env.BATCH ?? 200);
  if (process.env.WAIT_FOR_GO) {
    await new Promise((go) => process.stdin.once('data', go));
    process.stdin.destroy();
  }
  const core = await openCore({ embedded: 'store', dataDir: process.env.DIR!, keychainService: process.env.SVC });
  if (!core.store.channels.list().length) core.store.channels.create({ id: 'tg', kind: 'telegram', name: 'bot' });
  // Killed by the test; if the test itself died first (a timeout), stop on our own: an orphan writing batches
  // forever would fill the disk and stall the leak scan. The loop is synchronous, so the parent is checked in it.
  const parent = process.ppid;
  const start = Number(core.store.sink.cursor('tg') ?? 0);
  for (let k = start; k < start + 2_000 && process.ppid === parent; k++) {
    core.store.sink.ingest('tg', crashBatch(k, size), String(k + 1));
    // "ready" once one batch is in: a fresh process's first batch also warms up the scam check's rules (a few
    // hundred ms), so the kills land in later batches and every child makes progress however slow the machine.
    if (k === start) process.stdout.write('ready\n');
  }
  core.close();
}

if (process.argv[1]?.endsWith('ingest-child.ts')) await main();
