import pg from 'pg';
import { Listeners } from '../core/shared/listeners';
import { systemTicks, type TickClock } from '../core/shared/ports';
import type { HubEvent, HubStore } from './store';
import type { HANDOVER_NOTICE } from './store/handover';

/** The clock the fan-out window ticks on (a port, so tests fire ticks themselves). */
export type { TickClock };

/**
 * The node's reading of the event table. PostgreSQL's NOTIFY (sent in the same transaction as the event row) only
 * wakes it; it then reads every row after the last one it read, in order, into a bounded ring that consoles catch up
 * from. A one-second poll covers a lost notification or a LISTEN connection that is being re-established.
 */
export class EventFeed {
  private ring: HubEvent[] = [];
  private readonly frames = new Map<string, Buffer>();
  private readonly wired = new WeakMap<HubEvent, string>();
  private last = 0;
  private reading: Promise<void> | null = null;
  private again = false;
  private readonly listeners: Listeners<[]>;
  private readonly consoles: Listeners<[]>;
  /** With a window: the last seq consoles may be sent, moved at each tick. */
  private released = 0;
  private cancelTick: (() => void) | null = null;
  private readonly notices = new Map<string, (payload: string) => void>();
  private timer: NodeJS.Timeout | null = null;
  private listenClient: pg.Client | null = null;
  /** Set once every LISTEN of `listenClient` is in place, until that connection ends. */
  private listening = false;
  private fencing: Promise<boolean> | null = null;
  private nextFence: Promise<boolean> | null = null;
  private stopped = false;
  /** Set while the event table cannot be read (the database is out of reach). */
  lastError: string | null = null;

  constructor(
    private readonly store: HubStore,
    private readonly o: {
      ringSize?: number;
      pollMs?: number;
      listenUrl?: string;
      onError?: (e: unknown) => void;
      log?: (line: string) => void;
      /** Called each time the LISTEN connection is (re)established: notifications sent meanwhile were missed. */
      onListening?: () => void;
      /** Consoles are woken at most once per this many ms, on ticks aligned to the clock; 0 wakes them on every read. */
      windowMs?: number;
      clock?: TickClock;
    } = {},
  ) {
    // A failing listener must not stop the feed reading the rest of the batch for the other consoles.
    this.listeners = new Listeners('event feed', o.log);
    this.consoles = new Listeners('event feed (consoles)', o.log);
  }

  get lastSeq(): number {
    return this.last;
  }

  /** Starts at the current end of the table: consoles ask for what came before from their own cursor. */
  async start(): Promise<void> {
    this.last = await this.store.latestEventSeq();
    this.released = this.last;
    const poll = () => {
      if (this.stopped) return;
      void this.wake();
      this.timer = setTimeout(poll, this.o.pollMs ?? 1_000);
    };
    this.timer = setTimeout(poll, this.o.pollMs ?? 1_000);
    if (this.o.listenUrl) void this.listen(this.o.listenUrl);
  }

  private async listen(url: string): Promise<void> {
    while (!this.stopped) {
      const c = new pg.Client({ connectionString: url, application_name: 'diwan-hub-listen', connectionTimeoutMillis: 5_000, keepAlive: true });
      const ended = new Promise<void>((resolve) => {
        c.on('error', () => resolve());
        c.on('end', () => resolve());
      });
      try {
        await c.connect();
        this.listenClient = c;
        c.on('notification', (n) => {
          if (n.channel === 'diwan_events') void this.wake();
          else this.notices.get(n.channel)?.(n.payload ?? '');
        });
        await c.query('LISTEN diwan_events');
        for (const channel of this.notices.keys()) await c.query(`LISTEN ${channel}`);
        this.listening = true;
        this.o.onListening?.();
        void this.wake();
        await ended;
      } catch {
        /* out of reach: the poll keeps the feed going once the database is back */
      }
      this.listening = false;
      this.listenClient = null;
      await c.end().catch(() => {});
      if (!this.stopped) await new Promise((r) => setTimeout(r, 1_000));
    }
  }

  /**
   * Other NOTIFY channels that carry what is never stored (the live markers): registered before `start`, heard on
   * the same LISTEN connection. Without PostgreSQL (the embedded hub) there is one node and nothing to hear.
   */
  onNotice(channel: 'diwan_markers' | 'diwan_sessions' | typeof HANDOVER_NOTICE, listener: (payload: string) => void): void {
    this.notices.set(channel, listener);
  }

  /**
   * Resolves true once every NOTIFY committed before the call has been heard: a round trip on the LISTEN connection
   * (PostgreSQL sends a connection's pending notifications before it answers its next query). Calls made while one is
   * in flight share the next one; false without a LISTEN connection in place.
   */
  fence(): Promise<boolean> {
    if (this.nextFence) return this.nextFence;
    const run = (): Promise<boolean> => {
      this.nextFence = null;
      const c = this.listenClient;
      const p = this.listening && c ? c.query('SELECT 1').then(() => this.listening && this.listenClient === c, () => false) : Promise.resolve(false);
      const done: Promise<boolean> = p.finally(() => {
        if (this.fencing === done) this.fencing = null;
      });
      this.fencing = done;
      return p;
    };
    if (!this.fencing) return run();
    this.nextFence = this.fencing.then(run, run);
    return this.nextFence;
  }

  /** Called after each read of new events (the node's own work: channels, workflow, early warning). */
  onNew(listener: () => void): () => void {
    return this.listeners.add(listener);
  }

  /** Called when consoles may be sent more (`forConsoles`): after each read, or at the window's next tick. */
  onRelease(listener: () => void): () => void {
    return this.consoles.add(listener);
  }

  /** What a console is sent after `seq`: `after`, but nothing read since the last tick. */
  async forConsoles(seq: number, limit: number): Promise<HubEvent[]> {
    const events = await this.after(seq, limit);
    if (!this.o.windowMs) return events;
    let n = events.length;
    while (n > 0 && events[n - 1]!.seq > this.released) n--;
    return n === events.length ? events : events.slice(0, n);
  }

  private release(): void {
    const ms = this.o.windowMs ?? 0;
    if (ms <= 0) return this.consoles.emit();
    if (this.cancelTick || this.stopped) return;
    const clock = this.o.clock ?? systemTicks;
    // Aligned to the clock, not to this read: every console of the node at one cursor wakes in the same tick.
    this.cancelTick = clock.after(ms - (clock.now() % ms), () => {
      this.cancelTick = null;
      this.released = this.last;
      this.consoles.emit();
    });
  }

  /** Reads what is new; concurrent wakes coalesce into one more read. */
  wake(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = (async () => {
      do {
        this.again = false;
        try {
          for (;;) {
            const batch = await this.store.eventsAfter(this.last, 1_000);
            if (!batch.length) break;
            this.ring.push(...batch);
            this.last = batch[batch.length - 1]!.seq;
            const max = this.o.ringSize ?? 20_000;
            if (this.ring.length > max) this.ring = this.ring.slice(this.ring.length - max);
            this.listeners.emit();
            this.release();
            if (batch.length < 1_000) break;
          }
          this.lastError = null;
        } catch (e) {
          this.lastError = (e as Error).message;
          this.o.onError?.(e);
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  /** Events after `seq`, up to `limit`: from the ring when it reaches back that far, else from the table. */
  async after(seq: number, limit: number): Promise<HubEvent[]> {
    const first = this.ring[0];
    if (first && first.seq <= seq + 1) {
      // The ring is in seq order; every console asks on every wake, so find the start by bisection, not a scan.
      let lo = 0;
      let hi = this.ring.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.ring[mid]!.seq <= seq) lo = mid + 1;
        else hi = mid;
      }
      return this.ring.slice(lo, lo + limit);
    }
    return this.store.eventsAfter(seq, limit);
  }

  /**
   * The wire frame for events `(from, upTo]` as one class of reader sees them, built once and shared by every
   * console of that class at that cursor (most consoles are at the same cursor when a wake fans out). `key` names
   * everything the reader's filter depends on.
   */
  frame(key: string, build: () => string): Buffer {
    let f = this.frames.get(key);
    if (!f) {
      if (this.frames.size >= 256) this.frames.clear();
      f = Buffer.from(build(), 'utf8');
      this.frames.set(key, f);
    }
    return f;
  }

  /** One event as the stream sends it, serialised once per event, not once per console. */
  wire(e: HubEvent): string {
    let s = this.wired.get(e);
    if (s === undefined) {
      s = JSON.stringify({ seq: e.seq, at: e.at, kind: e.kind, payload: e.payload });
      this.wired.set(e, s);
    }
    return s;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.cancelTick?.();
    this.cancelTick = null;
    await this.listenClient?.end().catch(() => {});
  }
}
