import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { HubAccounts, SignedIn } from './accounts';
import { mayReceive } from './audience';
import type { EventFeed } from './feed';
import type { Marker } from './markers';
import { STREAM_ACK_MS } from '../core/team/wire';
import type { HubStore, HubUser } from './store';

const clientFrame = z.object({ type: z.literal('ack'), seq: z.number().int().min(0) }).strict();

export interface StreamLimits {
  maxBufferedBytes: number;
  batch: number;
}

/** The node's counters a stream adds to (its /metrics). */
export interface StreamCounts {
  streamFrames: number;
  streamAcks: number;
}

/**
 * One console's event stream: it asked for everything after its cursor; it gets, in order and filtered by its role,
 * every event since (at once), then what the feed reads (at the feed's next tick when it has a fan-out window). Each
 * frame says up to which sequence number it covers, so the console's acknowledged cursor moves past events it may not
 * see. A console that does not read (its queue grows past the limit) is cut off; it reconnects from its cursor and
 * loses nothing.
 */
export class ConsoleStream {
  private sent: number;
  private busy = false;
  private again = false;
  private closed = false;
  private user: HubUser;
  private readonly unsubscribe: () => void;
  private readonly keepAlive: NodeJS.Timeout;
  private acked = 0;
  private ackSaved = 0;
  private ackTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ws: WebSocket,
    private readonly who: SignedIn,
    after: number,
    private readonly feed: EventFeed,
    private readonly store: HubStore,
    private readonly accounts: HubAccounts,
    private readonly limits: StreamLimits,
    private readonly onClose: () => void,
    private readonly counts: StreamCounts = { streamFrames: 0, streamAcks: 0 },
  ) {
    this.sent = after;
    this.user = who.user;
    this.unsubscribe = feed.onRelease(() => this.kick());
    ws.on('message', (data, isBinary) => void this.onFrame(data as Buffer, isBinary));
    ws.on('close', () => this.close());
    ws.on('error', () => this.close());
    // The open stream is activity: the session stays alive while the console follows it, and ends when it is revoked.
    this.keepAlive = setInterval(() => void this.refresh(), 30_000);
    this.kick();
  }

  get cursor(): number {
    return this.sent;
  }

  get userId(): number {
    return this.user.id;
  }

  /** The session this stream was opened with (a change that names it makes the stream check it at once). */
  get session(): { tokenHash: string; userId: number; device: string } {
    return { tokenHash: this.who.tokenHash, userId: this.user.id, device: this.who.device };
  }

  /** Checks the session in the database now (not at the next keep-alive): the stream ends if it has ended. */
  recheck(): void {
    if (!this.closed) void this.refresh();
  }

  /** A live marker (never stored, no sequence number) for a conversation this console may see, not its own user's. */
  pushMarker(m: Marker): void {
    if (this.closed || m.userId === this.user.id || !mayReceive(this.user, { audience: 'conversation', channelId: m.channelId })) return;
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) return;
    this.ws.send(JSON.stringify({ type: 'markers', markers: [m] }));
  }

  private async refresh(): Promise<void> {
    // A database outage keeps the stream open (the session is checked again when it is back).
    const alive = await this.accounts.touch(this.who.tokenHash).catch(() => true);
    if (!alive) this.end(4401, 'Your session has ended. Sign in again.');
  }

  private async onFrame(data: Buffer, isBinary: boolean): Promise<void> {
    let parsed: z.infer<typeof clientFrame> | null = null;
    if (!isBinary) {
      try {
        const r = clientFrame.safeParse(JSON.parse(data.toString('utf8')));
        if (r.success) parsed = r.data;
      } catch {
        parsed = null;
      }
    }
    if (!parsed) return this.end(1007, 'That frame is not an acknowledgement ({"type":"ack","seq":N}).');
    if (parsed.seq > this.sent) return this.end(1008, 'That acknowledgement is ahead of what the hub sent.');
    this.counts.streamAcks++;
    this.acked = Math.max(this.acked, parsed.seq);
    // The hub's copy of the console's cursor is written at most once per STREAM_ACK_MS (and when the stream closes),
    // not once per acknowledgement: the console resumes from its own cursor either way.
    this.ackTimer ??= setTimeout(() => void this.saveAck(), STREAM_ACK_MS);
  }

  private async saveAck(): Promise<void> {
    if (this.ackTimer) clearTimeout(this.ackTimer);
    this.ackTimer = null;
    if (this.acked <= this.ackSaved) return;
    const seq = this.acked;
    await this.store.ackCursor(this.user.id, this.who.device, seq).then(
      () => {
        this.ackSaved = Math.max(this.ackSaved, seq);
      },
      () => {},
    );
  }

  kick(): void {
    if (this.closed) return;
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    void this.pump().finally(() => {
      this.busy = false;
      if (this.again && !this.closed) {
        this.again = false;
        this.kick();
      }
    });
  }

  private async pump(): Promise<void> {
    while (!this.closed) {
      if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
        return this.end(1013, 'This console is not reading its stream; reconnect and resume from your cursor.');
      }
      let events;
      try {
        events = await this.feed.forConsoles(this.sent, this.limits.batch);
      } catch {
        return; // database out of reach: the next wake tries again
      }
      if (!events.length) return;
      const upTo = events[events.length - 1]!.seq;
      for (const e of events) {
        if (e.kind === 'user.updated' && (e.payload as { id?: number }).id === this.user.id) {
          const fresh = await this.store.userById(this.user.id).catch(() => null);
          if (!fresh || fresh.disabled || fresh.role !== this.user.role) return this.end(4401, 'Your account changed. Sign in again.');
          this.user = fresh;
        }
      }
      const from = this.sent;
      const personal = events.some((e) => e.audience.startsWith('user:'));
      const reader = `${this.user.role}|${this.user.channels.join(',')}${personal ? `|${this.user.id}` : ''}`;
      const frame = this.feed.frame(`${from}:${upTo}:${reader}`, () => {
        const visible = events.filter((e) => mayReceive(this.user, e)).map((e) => this.feed.wire(e));
        return `{"type":"events","upTo":${upTo},"events":[${visible.join(',')}]}`;
      });
      this.sent = upTo;
      this.ws.send(frame, { binary: false });
      this.counts.streamFrames++;
    }
  }

  end(code: number, reason: string): void {
    if (this.closed) return;
    this.ws.close(code, reason.slice(0, 120));
    this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.keepAlive);
    void this.saveAck();
    this.unsubscribe();
    this.onClose();
  }
}
