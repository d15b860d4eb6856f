import { receiveMessageOnPort, MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { MaskingHints } from '../masking';
import { inlinePreparer, type PreparedText, type PrepareTools, type TextPreparer } from '../store/prepare';
import { GuardScreen } from './inbound-screen';
import type { PrepareReply, PrepareRequest } from './prepare-worker';

/** Below this many messages a batch is prepared inline: handing it over would cost more than it saves. */
const MIN_PARALLEL = 64;
/**
 * A chunk takes tens of milliseconds (the scam check is most of it); one the worker has not returned by then is
 * prepared inline, and the worker is retired.
 */
const CHUNK_TIMEOUT_MS = 3_000;

/**
 * Prepares ingest batches (masking with the real detectors, search normalisation, sealing) on a worker thread,
 * while the database thread looks up conversations and writes earlier chunks; `ingest` stays synchronous, waiting
 * on a shared counter for chunks that are not ready yet. Whenever the worker cannot help — small batches, a worker
 * that did not start, failed a chunk or went quiet — the same preparation runs inline, so the result never depends
 * on the worker.
 */
export class ParallelPreparer implements TextPreparer {
  // The same chunks as inline, so any chunk can fall back to it.
  readonly chunkSize = inlinePreparer.chunkSize;
  private worker: { thread: Worker; port: MessagePort; signal: Int32Array; ready: boolean } | null = null;
  private retired = false;
  private keyOf: string | null = null;
  private rulesOf: string | null = null;
  private job = 0;
  /** The sample messages the worker has prepared so far to warm up (`prepare-warmup.ts`), all of them once it is ready. */
  warmed = 0;
  /** Words from the worker while it warms up (each step of it, from the moment it has loaded). */
  private heard = 0;

  /** `chunkTimeoutMs`: tests that must see the worker's own output on a busy machine wait longer. */
  constructor(
    private readonly hints: () => MaskingHints | undefined,
    private readonly log: (line: string) => void = () => {},
    private readonly chunkTimeoutMs = CHUNK_TIMEOUT_MS,
  ) {}

  start(texts: readonly string[], firstId: number, tools: PrepareTools): (chunk: number) => PreparedText[] {
    const size = this.chunkSize;
    const prepareInline = inlinePreparer.start(texts, firstId, tools);
    // The worker runs the guard's own scam check from the policy it is sent; any other screen runs inline.
    const screen = tools.screen;
    const w = texts.length >= MIN_PARALLEL && (!screen || screen.check instanceof GuardScreen) ? this.readyWorker() : null;
    if (!w) return prepareInline;

    const send = (req: PrepareRequest) => w.port.postMessage(req);
    const key = `${tools.sealing.seat}:${tools.sealing.epoch}:${tools.sealing.publicKey}`;
    if (this.keyOf !== key) {
      send({ type: 'key', sealing: tools.sealing });
      this.keyOf = key;
    }
    if (screen?.check instanceof GuardScreen && this.rulesOf !== screen.check.rules) {
      send({ type: 'screen', policy: screen.check.policy });
      this.rulesOf = screen.check.rules;
    }
    const job = ++this.job;
    const hints = this.hints();
    for (let k = 0; k * size < texts.length; k++) {
      const inbound = screen ? screen.inbound.slice(k * size, (k + 1) * size) : null;
      send({ type: 'chunk', job, chunk: k, firstId: firstId + k * size, texts: texts.slice(k * size, (k + 1) * size), inbound, hints });
    }
    const ready = new Map<number, PreparedText[] | null>();
    return (k) => {
      const deadline = Date.now() + this.chunkTimeoutMs;
      while (!ready.has(k) && this.worker === w) {
        const seen = Atomics.load(w.signal, 0);
        const got = receiveMessageOnPort(w.port)?.message as PrepareReply | undefined;
        if (got) {
          if ('job' in got && got.job === job) ready.set(got.chunk, got.prepared);
          continue;
        }
        const left = deadline - Date.now();
        if (left <= 0) this.retire('did not answer in time');
        else Atomics.wait(w.signal, 0, seen, left);
      }
      const out = ready.get(k);
      ready.delete(k);
      if (out) return out;
      if (out === null) this.log('ingest: the preparation worker failed a chunk; it was prepared on the main thread');
      return prepareInline(k);
    };
  }

  /**
   * Starts the worker if need be; true once it is ready, false if it cannot be used or has said nothing for
   * `timeoutMs` — its first word comes once it has loaded (when it used to say it was ready), then one each step of
   * its warm-up, so a start slowed by a loaded machine is waited for while a stuck one is given up.
   */
  async warmUp(timeoutMs = 10_000): Promise<boolean> {
    let heard = this.heard;
    let end = Date.now() + timeoutMs;
    for (;;) {
      if (this.readyWorker()) return true;
      if (this.heard > heard) {
        heard = this.heard;
        end = Date.now() + timeoutMs;
      }
      if (this.retired || Date.now() > end) return false;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  close(): void {
    this.retired = true;
    void this.worker?.thread.terminate();
    this.worker = null;
  }

  /**
   * The worker once it has said it is ready; until then (it is started by the first large batch or at open, and takes
   * a moment to load and to warm up) batches are prepared inline rather than wait for it.
   */
  private readyWorker(): ParallelPreparer['worker'] {
    const w = this.ensureWorker();
    while (w && !w.ready) {
      const got = receiveMessageOnPort(w.port)?.message as PrepareReply | undefined;
      if (!got) break;
      this.heard++;
      if ('warming' in got) this.warmed = got.warming;
      else if ('ready' in got) {
        w.ready = true;
        this.warmed = got.warmed;
      }
    }
    return w?.ready ? w : null;
  }

  private ensureWorker(): ParallelPreparer['worker'] {
    if (this.worker || this.retired) return this.worker;
    try {
      const { port1, port2 } = new MessageChannel();
      const signal = new Int32Array(new SharedArrayBuffer(4));
      const source = import.meta.url.endsWith('.ts');
      const thread = new Worker(new URL(`./prepare-worker.${source ? 'ts' : 'js'}`, import.meta.url), {
        workerData: { port: port2, signal },
        transferList: [port2],
        // Run from source (tests, benchmarks, the CLI) the worker needs the same TypeScript loader.
        execArgv: source ? ['--import', 'tsx'] : [],
      });
      thread.unref();
      thread.on('error', () => this.retire('stopped with an error'));
      thread.on('exit', () => this.worker?.thread === thread && this.retire('exited'));
      this.worker = { thread, port: port1, signal, ready: false };
    } catch {
      this.retire('could not start');
    }
    return this.worker;
  }

  private retire(why: string): void {
    if (this.retired) return;
    this.log(`ingest: the preparation worker ${why}; batches are prepared on the main thread from now on`);
    this.close();
  }
}
