/**
 * A bench worker process hosting many simulated consoles (forked by bench/hub/run.ts, driven over IPC).
 *
 * Each console is what a real one is on the wire, without its SQLite cache: it signs in at the hub with its own
 * enrolled Ed25519 device key (`POST /v1/challenge`, `POST /v1/sign-in`), follows `/v1/stream?after=<cursor>` over
 * one WebSocket with its bearer token, acknowledges its newest frame once a second (HubClient's rule), and reconnects from its cursor with HubClient's
 * back-off (250 ms doubling to 5 s). Like HubClient, each console has its own pinned agent (its own connections and
 * its own remembered TLS session), so a failover's reconnects open in parallel as real consoles' do; `sharedAgent`
 * (runs A–Z) gives a worker's consoles one agent of that many connections instead. It records, per console, every `message.added` sequence number it receives
 * and the delay from the event's commit time (`at`) and from the injection time (`sentAt`) to its arrival here.
 */
import crypto from 'node:crypto';
import { request, WebSocket } from 'undici';
import { pinnedAgent } from '../../main/core/connectors/relay-client/link';
import { reconnectWait } from '../../main/core/team/backoff';
import { deviceAuthMessage } from '../../main/core/connectors/relay-client/protocol';
import { STREAM_ACK_MS } from '../../main/core/team/wire';

export interface ConsoleSpec {
  username: string;
  password: string;
  fingerprint: string;
  privateKeyPem: string;
  /** A session the bench created in the database; without one the console signs in over the protocol. */
  token?: string;
}

export type ToWorker =
  | { type: 'start'; url: string; pin: string; consoles: ConsoleSpec[]; concurrency: number; sharedAgent: number | null }
  | { type: 'steady' }
  | { type: 'phase'; steadyBefore: number }
  | { type: 'mark-kill'; at: number }
  | { type: 'report'; expected: number[] }
  | { type: 'stop' };

export interface Reconnect {
  closedAt: number;
  openedAt: number | null;
  firstFrameAt: number | null;
  /** Connection attempts until one streamed (1: the first reconnect worked). */
  attempts: number;
  /** When the attempt that opened began (its WebSocket created): before it, back-off and failed attempts. */
  lastAttemptAt: number | null;
}

export interface WorkerReport {
  /** Histograms in 1 ms buckets (last bucket: ≥ HIST_MS) of steady-phase deliveries. */
  fromCommit: number[];
  fromInject: number[];
  /** Per console: expected message events it never got, and events it got more than once. */
  missing: number[];
  duplicated: number[];
  /** Per console closed after the kill: when it went down and when it streamed again. */
  reconnects: Reconnect[];
  frames: number;
  /** Frames received from the start of the steady phase to its end (`phase`). */
  steadyFrames: number;
  /** Wall time of each protocol sign-in (challenge, device proof, password). */
  signInMs: number[];
}

export const HIST_MS = 60_000;

const send = (m: unknown) => process.send!(m);

class SimConsole {
  token = '';
  cursor = 0;
  ws: WebSocket | null = null;
  ackTimer: NodeJS.Timeout | null = null;
  retry = 0;
  stopped = false;
  readonly seen = new Map<number, number>();
  reconnect: Reconnect | null = null;
  readonly reconnects: Reconnect[] = [];
  opened!: Promise<void>;

  constructor(
    readonly spec: ConsoleSpec,
    readonly w: Worker,
    readonly agent: ReturnType<typeof pinnedAgent>,
  ) {}

  async signIn(): Promise<void> {
    const { fingerprint } = this.spec;
    const c = await this.w.post(this.agent, '/v1/challenge', { fingerprint });
    const timestamp = Date.now();
    const nonce = String(c.nonce);
    const signature = crypto.sign(null, Buffer.from(deviceAuthMessage(nonce, timestamp, fingerprint)), this.spec.privateKeyPem).toString('base64');
    const s = await this.w.post(this.agent, '/v1/sign-in', { username: this.spec.username, password: this.spec.password, fingerprint, nonce, timestamp, signature });
    if (s.stage !== 'full') throw new Error(`sign-in for ${this.spec.username} stopped at ${String(s.stage)}`);
    this.token = String(s.token);
  }

  connect(): Promise<void> {
    return new Promise((resolve) => {
      if (this.reconnect && this.reconnect.openedAt === null) this.reconnect.lastAttemptAt = Date.now();
      const ws = new WebSocket(`${this.w.base.replace(/^http/, 'ws')}/v1/stream?after=${this.cursor}`, { dispatcher: this.agent, headers: { authorization: `Bearer ${this.token}` } });
      this.ws = ws;
      ws.addEventListener('open', () => {
        this.retry = 0;
        if (this.reconnect) this.reconnect.openedAt = Date.now();
        resolve();
      });
      ws.addEventListener('message', (ev) => this.onFrame(String(ev.data)));
      ws.addEventListener('close', () => {
        if (this.ws === ws) this.ws = null;
        if (this.stopped) return;
        const now = Date.now();
        if (this.w.killAt !== null && now >= this.w.killAt && (!this.reconnect || this.reconnect.firstFrameAt !== null)) {
          this.reconnect = { closedAt: now, openedAt: null, firstFrameAt: null, attempts: 0, lastAttemptAt: null };
          this.reconnects.push(this.reconnect);
        }
        // HubClient's back-off: full jitter over 250 ms doubling to 5 s.
        const wait = reconnectWait(this.retry++);
        if (this.reconnect && this.reconnect.openedAt === null) this.reconnect.attempts++;
        setTimeout(() => void this.connect().then(resolve), wait);
      });
    });
  }

  private onFrame(data: string): void {
    const now = Date.now();
    const frame = JSON.parse(data) as { type: string; upTo: number; events: Array<{ seq: number; at: number; kind: string; payload: { sentAt?: number } }> };
    if (frame.type !== 'events') return;
    this.w.frames++;
    if (this.reconnect && this.reconnect.firstFrameAt === null) this.reconnect.firstFrameAt = now;
    for (const e of frame.events) {
      if (e.kind !== 'message.added') continue;
      this.seen.set(e.seq, (this.seen.get(e.seq) ?? 0) + 1);
      const sentAt = e.payload.sentAt ?? 0;
      if (sentAt < this.w.steadyBefore) {
        this.w.fromCommit[Math.min(HIST_MS, Math.max(0, now - e.at))]!++;
        this.w.fromInject[Math.min(HIST_MS, Math.max(0, now - sentAt))]!++;
      }
    }
    this.cursor = frame.upTo;
    // As HubClient: one acknowledgement per STREAM_ACK_MS (runs A–AC: one per frame).
    const ws = this.ws;
    this.ackTimer ??= setTimeout(() => {
      this.ackTimer = null;
      if (ws && this.ws === ws && !this.stopped) ws.send(JSON.stringify({ type: 'ack', seq: this.cursor }));
    }, STREAM_ACK_MS);
  }

  close(): void {
    this.stopped = true;
    this.ws?.close(1000, 'bench over');
  }
}

class Worker {
  readonly agents = new Set<ReturnType<typeof pinnedAgent>>();
  base = '';
  consoles: SimConsole[] = [];
  killAt: number | null = null;
  steadyBefore = Number.POSITIVE_INFINITY;
  frames = 0;
  framesAtSteady = 0;
  steadyFrames = 0;
  readonly signInMs: number[] = [];
  readonly fromCommit = new Array<number>(HIST_MS + 1).fill(0);
  readonly fromInject = new Array<number>(HIST_MS + 1).fill(0);

  async post(agent: ReturnType<typeof pinnedAgent>, path: string, json: unknown): Promise<Record<string, unknown>> {
    const r = await request(this.base + path, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });
    const body = (await r.body.json()) as Record<string, unknown>;
    if (r.statusCode !== 200) throw new Error(`${path} answered ${r.statusCode}: ${String(body.message)}`);
    return body;
  }

  async start(m: Extract<ToWorker, { type: 'start' }>): Promise<void> {
    this.base = m.url;
    // HubClient's agent (its default of connections), with the bench's longer timeout for a saturated machine.
    const agent = () => {
      const a = pinnedAgent({ pin: m.pin, timeoutMs: 30_000, resumeSessions: true, ...(m.sharedAgent ? { connections: m.sharedAgent } : {}) });
      this.agents.add(a);
      return a;
    };
    const shared = m.sharedAgent ? agent() : null;
    this.consoles = m.consoles.map((s) => new SimConsole(s, this, shared ?? agent()));
    let next = 0;
    const lane = async () => {
      while (next < this.consoles.length) {
        const c = this.consoles[next++]!;
        if (c.spec.token) c.token = c.spec.token;
        else {
          const t0 = performance.now();
          await c.signIn();
          this.signInMs.push(performance.now() - t0);
        }
        await c.connect();
      }
    };
    await Promise.all(Array.from({ length: m.concurrency }, lane));
  }

  report(expected: number[]): WorkerReport {
    const missing: number[] = [];
    const duplicated: number[] = [];
    for (const c of this.consoles) {
      missing.push(expected.filter((s) => !c.seen.has(s)).length);
      duplicated.push([...c.seen.values()].filter((n) => n > 1).length);
    }
    return { fromCommit: this.fromCommit, fromInject: this.fromInject, missing, duplicated, reconnects: this.consoles.flatMap((c) => c.reconnects), frames: this.frames, steadyFrames: this.steadyFrames, signInMs: this.signInMs };
  }
}

const worker = new Worker();
process.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'start':
      worker.start(m).then(
        () => send({ type: 'ready' }),
        (e: Error) => send({ type: 'failed', message: e.message }),
      );
      break;
    case 'steady':
      worker.framesAtSteady = worker.frames;
      send({ type: 'ok' });
      break;
    case 'phase':
      worker.steadyBefore = m.steadyBefore;
      worker.steadyFrames = worker.frames - worker.framesAtSteady;
      send({ type: 'ok' });
      break;
    case 'mark-kill':
      worker.killAt = m.at;
      send({ type: 'ok' });
      break;
    case 'report':
      send({ type: 'report', report: worker.report(m.expected) });
      break;
    case 'stop':
      for (const c of worker.consoles) c.close();
      for (const a of worker.agents) void a.close().catch(() => {});
      setTimeout(() => process.exit(0), 200);
      break;
  }
});
// The bench's coordinator gone means the bench is over.
process.on('disconnect', () => process.exit(0));
