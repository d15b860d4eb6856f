import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { HubAccounts } from '../../main/hub/accounts';
import { EventFeed, type TickClock } from '../../main/hub/feed';
import { HubStore, sqliteExecutor, type HubUser } from '../../main/hub/store';
import { ConsoleStream } from '../../main/hub/stream';
import { tmpDir } from '../helpers/tmp';

/** A clock whose ticks fire only when the test says: frames are counted, never timed. */
class ManualClock implements TickClock {
  pending: Array<{ ms: number; fn: () => void }> = [];
  constructor(public at: number) {}
  now(): number {
    return this.at;
  }
  after(ms: number, fn: () => void): () => void {
    const t = { ms, fn };
    this.pending.push(t);
    return () => void (this.pending = this.pending.filter((p) => p !== t));
  }
  tick(): void {
    const due = this.pending;
    this.pending = [];
    for (const t of due) t.fn();
  }
}

interface Console {
  stream: ConsoleStream;
  frames: Buffer[];
  closed: number | null;
  ws: { bufferedAmount: number };
  payloads(): unknown[];
  /** What the node's /metrics would count for this stream. */
  counts: { streamFrames: number; streamAcks: number };
  /** The console acknowledges `seq` (as HubClient does, at most once per STREAM_ACK_MS). */
  ack(seq: number): void;
}

/** The fan-out window: events read within one window reach a console as one frame, shared by its reader class. */
describe('fan-out window', () => {
  let store: HubStore;
  let feed: EventFeed;
  let clock: ManualClock;
  let agent: HubUser;
  const streams: ConsoleStream[] = [];

  const start = async (windowMs: number) => {
    store = new HubStore(sqliteExecutor(path.join(tmpDir('hub-window-'), 'hub.sqlite')), () => 1_000);
    await store.migrate();
    const u = await store.createUser({ username: 'agent1', displayName: 'agent1', role: 'agent', passwordHash: 'h' }, { actor: 'test' });
    agent = (await store.userById(u.id))!;
    clock = new ManualClock(1_234_567);
    feed = new EventFeed(store, { pollMs: 3_600_000, windowMs, clock });
    await feed.start();
  };
  afterEach(async () => {
    for (const s of streams.splice(0)) s.end(1000, 'test over');
    await feed?.stop();
    await store?.close();
  });

  const open = (after: number): Console => {
    const handlers = new Map<string, (data: Buffer, isBinary: boolean) => void>();
    const c: Console = {
      frames: [],
      closed: null,
      stream: null as unknown as ConsoleStream,
      ws: { bufferedAmount: 0 },
      counts: { streamFrames: 0, streamAcks: 0 },
      ack: (seq) => handlers.get('message')!(Buffer.from(JSON.stringify({ type: 'ack', seq })), false),
      payloads: () => c.frames.flatMap((f) => (JSON.parse(f.toString()) as { events: Array<{ payload: unknown }> }).events.map((e) => e.payload)),
    };
    const ws = {
      get bufferedAmount() {
        return c.ws.bufferedAmount;
      },
      on: (event: string, fn: (data: Buffer, isBinary: boolean) => void) => (handlers.set(event, fn), ws),
      send: (data: Buffer) => void c.frames.push(data),
      close: (code: number) => void (c.closed = code),
    } as unknown as WebSocket;
    const accounts = { touch: async () => true } as unknown as HubAccounts;
    c.stream = new ConsoleStream(ws, { user: agent, device: 'd', tokenHash: 'x' }, after, feed, store, accounts, { maxBufferedBytes: 1 << 20, batch: 500 }, () => {}, c.counts);
    streams.push(c.stream);
    return c;
  };
  /** One event in its own transaction (as one ingest batch), read by the feed before the next. */
  const commit = async (i: number) => {
    await store.q.tx(async (t) => void (await store.emit(t, 'note.added', 'conversation', { i }, { channelId: 'tg', conversationId: 1 })));
    await feed.wake();
  };
  const settled = async (c: Console, seq: number) => expect.poll(() => c.stream.cursor).toBe(seq);

  describe('with a window of 50 ms', () => {
    beforeEach(() => start(50));

    it('sends five events read in one window as one frame, at the tick aligned to the clock', async () => {
      const from = await store.latestEventSeq();
      const c = open(from);
      for (let i = 0; i < 5; i++) await commit(i);
      // Nothing before the tick; one tick pending, due at the next multiple of 50 ms (1,234,567 → 1,234,600).
      expect(c.frames).toHaveLength(0);
      expect(c.stream.cursor).toBe(from);
      expect(clock.pending.map((p) => p.ms)).toEqual([33]);
      clock.tick();
      await settled(c, from + 5);
      expect(c.frames).toHaveLength(1);
      expect(c.payloads()).toEqual([0, 1, 2, 3, 4].map((i) => ({ i })));
      // The next window: two more events, one more frame.
      await commit(5);
      await commit(6);
      clock.tick();
      await settled(c, from + 7);
      expect(c.frames).toHaveLength(2);
      expect(c.payloads()).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => ({ i })));
    });

    it('gives consoles at one cursor the same frame buffer in the same tick', async () => {
      const from = await store.latestEventSeq();
      const a = open(from);
      const b = open(from);
      for (let i = 0; i < 3; i++) await commit(i);
      clock.tick();
      await settled(a, from + 3);
      await settled(b, from + 3);
      expect(a.frames).toHaveLength(1);
      expect(b.frames[0]).toBe(a.frames[0]);
    });

    it('replays what was released on connect without waiting for a tick; the rest comes at the tick', async () => {
      const from = await store.latestEventSeq();
      for (let i = 0; i < 3; i++) await commit(i);
      clock.tick();
      await commit(3);
      await commit(4);
      const late = open(from);
      await settled(late, from + 3);
      expect(late.frames).toHaveLength(1);
      expect(clock.pending).toHaveLength(1);
      clock.tick();
      await settled(late, from + 5);
      expect(late.frames).toHaveLength(2);
      expect(late.payloads()).toEqual([0, 1, 2, 3, 4].map((i) => ({ i })));
    });

    it('still cuts off a console that does not read, at the tick', async () => {
      const c = open(await store.latestEventSeq());
      await commit(0);
      c.ws.bufferedAmount = 2 << 20;
      expect(c.closed).toBeNull();
      clock.tick();
      await expect.poll(() => c.closed).toBe(1013);
      expect(c.frames).toHaveLength(0);
    });

    it('loses and reorders nothing, whatever the interleaving of commits, ticks, connects and acknowledgements', async () => {
      const base = await store.latestEventSeq();
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(fc.constantFrom('commit', 'commit', 'tick', 'open', 'ack'), { minLength: 1, maxLength: 25 }), async (steps) => {
          const first = n;
          const consoles = [open(base + first)];
          const acks = new Map<Console, number>();
          for (const step of steps) {
            if (step === 'commit') await commit(n++);
            else if (step === 'tick') clock.tick();
            else if (step === 'open') consoles.push(open(base + first));
            else {
              // Acknowledgements come when the console's timer says, of whatever it has: they never hold up or end the stream.
              for (const c of consoles) {
                c.ack(c.stream.cursor);
                acks.set(c, (acks.get(c) ?? 0) + 1);
              }
            }
          }
          clock.tick();
          const ticks = steps.filter((s) => s === 'tick').length + 1;
          for (const c of consoles) {
            await settled(c, base + n);
            expect(c.payloads()).toEqual(Array.from({ length: n - first }, (_, k) => ({ i: first + k })));
            // At most one frame per tick, plus the replay when it opened.
            expect(c.frames.length).toBeLessThanOrEqual(ticks + 1);
            expect(c.closed).toBeNull();
            expect(c.counts).toEqual({ streamFrames: c.frames.length, streamAcks: acks.get(c) ?? 0 });
          }
          for (const c of consoles) c.stream.end(1000, 'case over');
        }),
        { numRuns: 30 },
      );
    });
  });

  describe('with window 0 (each read at once)', () => {
    beforeEach(() => start(0));

    it('sends five events read one at a time as five frames, with no tick', async () => {
      const from = await store.latestEventSeq();
      const c = open(from);
      for (let i = 0; i < 5; i++) {
        await commit(i);
        await settled(c, from + i + 1);
      }
      expect(clock.pending).toHaveLength(0);
      expect(c.frames).toHaveLength(5);
      expect(c.payloads()).toEqual([0, 1, 2, 3, 4].map((i) => ({ i })));
    });
  });
});
