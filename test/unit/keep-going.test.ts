import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedWait, detached, failureName, keepTrying, repeatEvery, survivingLoop } from '../../main/core/shared/keep-going';
import { ESCAPED_FAILURE_EXIT, untilStopped } from '../../main/cli/until-stopped';

const noWait = async () => {};

describe('keep-going: background work outlives its failures', () => {
  it('bounded waits stay between half and all of the capped ceiling, for any failure count and jitter', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 600_000 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (n, base, cap, j) => {
        const w = boundedWait(n, { baseMs: base, capMs: cap }, () => j);
        const ceiling = Math.min(cap, base * 2 ** Math.min(n, 30));
        expect(w).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
        expect(w).toBeLessThanOrEqual(ceiling);
      }),
    );
  });

  it('names a failure by code or class, never by its message', () => {
    expect(failureName(Object.assign(new Error('card 4111 1111 1111 1111'), { code: '23514' }))).toBe('23514');
    expect(failureName(new TypeError('token abc'))).toBe('TypeError');
    expect(failureName('a string with a secret')).toBe('error');
    expect(failureName({ code: 'has spaces and text' , name: 'X' })).toBe('X');
  });

  it('keepTrying retries until the write lands, reporting each failure with the wait before the next', async () => {
    let calls = 0;
    const seen: Array<[number, number | null]> = [];
    const waits: number[] = [];
    const r = await keepTrying(
      async () => {
        if (++calls < 3) throw Object.assign(new Error('down'), { code: 'ECONNREFUSED' });
        return 'ok';
      },
      { wait: async (ms) => void waits.push(ms), jitter: () => 0, backoff: { baseMs: 100, capMs: 1_000 }, attempts: 5, failed: (_e, n, w) => seen.push([n, w]) },
    );
    expect(r).toEqual({ ok: true, value: 'ok' });
    expect(seen).toEqual([
      [1, 50],
      [2, 100],
    ]);
    expect(waits).toEqual([50, 100]);
  });

  it('keepTrying gives up after its tries, or when its signal aborts, without throwing', async () => {
    const failing = async () => {
      throw new Error('x');
    };
    const seen: Array<number | null> = [];
    const r = await keepTrying(failing, { wait: noWait, jitter: () => 0.5, backoff: { baseMs: 1, capMs: 1 }, attempts: 3, failed: (_e, _n, w) => seen.push(w) });
    expect(r.ok).toBe(false);
    expect(seen).toHaveLength(3);
    expect(seen.at(-1)).toBeNull();

    const ctl = new AbortController();
    let tries = 0;
    const r2 = await keepTrying(
      async () => {
        tries++;
        ctl.abort();
        throw new Error('x');
      },
      { signal: ctl.signal, wait: noWait, jitter: () => 0, backoff: { baseMs: 1, capMs: 1 }, attempts: 100, failed: () => {} },
    );
    expect(r2.ok).toBe(false);
    expect(tries).toBe(1);
  });

  it('a surviving loop goes on after a pass throws, backs off more with each failure in a row, and resets after a success', async () => {
    const outcomes = ['fail', 'fail', 'ok', 'fail', 'ok'];
    const waits: number[] = [];
    const reports: string[] = [];
    let i = 0;
    await survivingLoop(
      async () => {
        if (outcomes[i++] === 'fail') throw new RangeError('boom');
      },
      { running: () => i < outcomes.length, wait: async (ms) => void waits.push(ms), jitter: () => 0, backoff: { baseMs: 100, capMs: 10_000 }, failed: (e) => reports.push(failureName(e)) },
    );
    expect(i).toBe(5);
    expect(waits).toEqual([50, 100, 50]);
    expect(reports).toEqual(['RangeError', 'RangeError', 'RangeError']);
  });

  it('detached work reports its rejection (or a synchronous throw) instead of leaving it unhandled', async () => {
    const reported: string[] = [];
    await detached(async () => Promise.reject(new SyntaxError('x')), (e) => reported.push(failureName(e)));
    await detached(
      () => {
        throw new TypeError('y');
      },
      (e) => reported.push(failureName(e)),
    );
    await detached(async () => 1, () => reported.push('never'));
    expect(reported).toEqual(['SyntaxError', 'TypeError']);
  });
});

describe('untilStopped: how `diwan hub run` waits for its end', () => {
  const fakeProcess = () => Object.assign(new EventEmitter(), { exits: [] as number[], exit(code: number) { this.exits.push(code); } });
  const io = () => {
    let text = '';
    return { stderr: { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream, env: {}, text: () => text };
  };

  it('SIGTERM ends it with 0', async () => {
    const p = fakeProcess();
    const life = untilStopped(p, io(), 'hub');
    p.emit('SIGTERM');
    await expect(life.ended).resolves.toBe(0);
    life.dispose();
    expect(p.listenerCount('unhandledRejection')).toBe(0);
  });

  it('an escaped rejection is said in a sentence naming the error class, not its message, and ends it with 70', async () => {
    const p = fakeProcess();
    const out = io();
    const life = untilStopped(p, out, 'hub', 10);
    p.emit('unhandledRejection', new TypeError('customer said 4111 1111 1111 1111'));
    await expect(life.ended).resolves.toBe(ESCAPED_FAILURE_EXIT);
    expect(out.text()).toMatch(/^diwan hub: an internal error escaped its handler \(TypeError\); this node stops and hands its channels to the other nodes\./);
    expect(out.text()).not.toContain('4111 1111');
    // A close that leaves the process held still ends it.
    const held = setInterval(() => {}, 1_000);
    await new Promise((r) => setTimeout(r, 50));
    clearInterval(held);
    expect(p.exits).toEqual([ESCAPED_FAILURE_EXIT]);
    life.dispose();
  });
});

describe('repeatEvery: one schedule for the hub\'s sweeps', () => {
  it('runs again after a failure, never two runs at once, and stop() waits for the run in progress', async () => {
    let runs = 0;
    let inFlight = 0;
    let most = 0;
    const failures: unknown[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let thirdStarted!: () => void;
    const third = new Promise<void>((r) => (thirdStarted = r));
    let sawStopping = false;
    const schedule = repeatEvery(
      1,
      async (stopping) => {
        runs++;
        inFlight++;
        most = Math.max(most, inFlight);
        try {
          if (runs === 1) throw new Error('first run fails');
          if (runs === 3) {
            thirdStarted();
            await gate;
            sawStopping = stopping();
          }
        } finally {
          inFlight--;
        }
      },
      (e) => failures.push(e),
    );
    await third;
    let stopped = false;
    const stopping = schedule.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(stopped).toBe(false);
    release();
    await stopping;
    await new Promise((r) => setTimeout(r, 5));
    expect({ failures: failures.length, runs, most, sawStopping }).toEqual({ failures: 1, runs: 3, most: 1, sawStopping: true });
  });
});
