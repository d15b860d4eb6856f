/**
 * Background work (a channel's loops, a hub's timers and sweeps) must outlive its failures: under Node 22 a promise
 * rejected with no handler ends the process, and with it every channel a hub node runs. One rule, used by every loop:
 * a failure is reported by name and waited out with a bounded back-off, then the work goes on.
 */

/** Waits `ms`, or less when `signal` aborts (resolving then); the connectors' `Sleep`. */
export type Wait = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface Backoff {
  baseMs: number;
  capMs: number;
}

/**
 * A failure as a log line may name it: a Diwan error's code, a driver's code (PostgreSQL's SQLSTATE, a socket's
 * errno) or the error's class — never its message, which may hold customer text or a token.
 */
export function failureName(e: unknown): string {
  if (e && typeof e === 'object') {
    const { code, name } = e as { code?: unknown; name?: unknown };
    if (typeof code === 'string' && /^[\w.-]{1,60}$/.test(code)) return code;
    if (typeof name === 'string' && /^\w{1,60}$/.test(name)) return name;
  }
  return 'error';
}

/** The wait after failure `n` (from 0): between half and all of min(cap, base·2^n), so retries spread out yet never hurry. */
export function boundedWait(n: number, b: Backoff, jitter: () => number): number {
  const ceiling = Math.min(b.capMs, b.baseMs * 2 ** Math.min(n, 30));
  return Math.floor(ceiling / 2 + (jitter() * ceiling) / 2);
}

/**
 * Starts work nobody awaits (from a timer, an event or a listener): its failure goes to `report` instead of becoming
 * an unhandled rejection. The returned promise never rejects.
 */
export function detached(task: () => Promise<unknown>, report: (e: unknown) => void): Promise<void> {
  let run: Promise<unknown>;
  try {
    run = task();
  } catch (e) {
    run = Promise.reject(e);
  }
  return run.then(
    () => {},
    (e: unknown) => {
      try {
        report(e);
      } catch {
        /* a report that fails has nowhere left to go */
      }
    },
  );
}

export interface KeepTryingOptions {
  /** Ends the retries early (the worker stops). */
  signal?: AbortSignal;
  wait: Wait;
  jitter: () => number;
  backoff: Backoff;
  /** Tries in all, the first included. */
  attempts: number;
  /** Each failure, with its number (from 1) and the wait before the next try (`null`: no more tries). */
  failed: (e: unknown, attempt: number, waitMs: number | null) => void;
}

/** Repeats `attempt` until it succeeds, its tries run out or `signal` aborts, waiting a bounded back-off between tries. */
export async function keepTrying<T>(attempt: () => Promise<T> | T, o: KeepTryingOptions): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  let error: unknown = null;
  for (let n = 0; n < Math.max(1, o.attempts); n++) {
    if (n > 0 && o.signal?.aborted) break;
    try {
      return { ok: true, value: await attempt() };
    } catch (e) {
      error = e;
      const last = n + 1 >= o.attempts || Boolean(o.signal?.aborted);
      const waitMs = last ? null : boundedWait(n, o.backoff, o.jitter);
      o.failed(e, n + 1, waitMs);
      if (waitMs !== null) await o.wait(waitMs, o.signal);
    }
  }
  return { ok: false, error };
}

export interface SurvivingLoopOptions {
  /** The loop runs while this says so. */
  running: () => boolean;
  wait: Wait;
  jitter: () => number;
  backoff: Backoff;
  /** Ends a back-off early (the worker pauses or stops). */
  signal?: () => AbortSignal | undefined;
  /** A pass that threw, with the wait before the next one. */
  failed: (e: unknown, waitMs: number) => void;
}

/**
 * Runs `pass` again and again while `running()`; a pass that throws is reported and followed by a bounded back-off
 * that grows with consecutive failures and starts again after a pass that worked. The returned promise never rejects.
 */
export async function survivingLoop(pass: () => Promise<void>, o: SurvivingLoopOptions): Promise<void> {
  let failures = 0;
  while (o.running()) {
    try {
      await pass();
      failures = 0;
    } catch (e) {
      const waitMs = boundedWait(failures++, o.backoff, o.jitter);
      try {
        o.failed(e, waitMs);
      } catch {
        /* the report failed too; the back-off still applies */
      }
      await o.wait(waitMs, o.signal?.());
    }
  }
}

/**
 * Runs `work` every `everyMs` (the first time after one interval), never two runs at once: the next wait starts when a
 * run ends. `work` gets `stopping`, true once `stop()` was called, to end a long run early; a failure goes to
 * `report` and the schedule goes on. `stop()` resolves when a run in progress has ended.
 */
export function repeatEvery(everyMs: number, work: (stopping: () => boolean) => Promise<void>, report: (e: unknown) => void): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const stopping = () => stopped;
  const tick = () => {
    if (stopped) return;
    running = detached(() => work(stopping), report).finally(() => {
      running = null;
      if (!stopped) timer = setTimeout(tick, everyMs);
    });
  };
  timer = setTimeout(tick, everyMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
