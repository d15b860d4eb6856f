/**
 * Worker thread entry: masks, normalises and seals chunks of ingest batches for `ParallelPreparer`, so the
 * thread that owns the database spends its time in SQLite. Holds only the custodian's PUBLIC key; writes nothing
 * anywhere.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { GuardPolicy } from '../guard';
import type { MaskingHints } from '../masking';
import { prepareTexts, type PreparedText, type SealingTarget } from '../store/prepare';
import { GuardScreen } from './inbound-screen';
import { detectorMasker } from './masker';
import { warmPreparation } from './prepare-warmup';

export type PrepareRequest =
  | { type: 'key'; sealing: SealingTarget }
  | { type: 'screen'; policy: GuardPolicy }
  | { type: 'chunk'; job: number; chunk: number; firstId: number; texts: string[]; inbound: boolean[] | null; hints: MaskingHints | undefined };

/**
 * A failed chunk carries no message: errors of the masking step could quote the text. Before `ready` the worker
 * prepares a fixed sample (`prepare-warmup.ts`) and says how far it is (`warming`: messages done), so a caller waiting
 * for it can tell a slow start on a loaded machine from a stuck one; `warmed`: the sample messages prepared in all.
 */
export type PrepareReply = { warming: number } | { ready: true; warmed: number } | { job: number; chunk: number; prepared: PreparedText[] | null };

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
let sealing: SealingTarget | null = null;
let screen: GuardScreen | null = null;

function reply(r: PrepareReply): void {
  port.postMessage(r);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

port.on('message', (req: PrepareRequest) => {
  if (req.type === 'key') {
    sealing = req.sealing;
    return;
  }
  if (req.type === 'screen') {
    screen = new GuardScreen(req.policy);
    return;
  }
  let prepared: PreparedText[] | null = null;
  try {
    // A chunk to be screened without the screen (never sent) is failed, and prepared on the main thread.
    if (sealing && (!req.inbound || screen)) {
      prepared = prepareTexts(req.texts, req.firstId, detectorMasker(() => req.hints), sealing, req.inbound && screen ? { check: screen, inbound: req.inbound } : undefined);
    }
  } catch {
    // Answered as a failed chunk: the main thread prepares it itself.
  }
  reply({ job: req.job, chunk: req.chunk, prepared });
});
// Warm before ready: until then the console prepares inline, so no chunk waits on this thread's first compilations.
let warmed = 0;
try {
  warmed = warmPreparation(undefined, undefined, (done) => port.postMessage({ warming: done } satisfies PrepareReply));
} catch {
  // Not warmed: the chunks still come, only slower; one that fails falls back to the main thread.
}
reply({ ready: true, warmed });
