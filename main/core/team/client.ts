import crypto from 'node:crypto';
import { request, WebSocket, type Agent } from 'undici';
import { pinnedAgent, type DeviceSigner } from '../connectors/relay-client/link';
import { reconnectWait, type ReconnectBackoff } from './backoff';
import { deviceAuthMessage } from '../connectors/relay-client/protocol';
import { DiwanError } from '../shared/errors';
import type { ThreadControlAction } from '../shared/vocabulary';
import { systemClock, systemTicks, type Clock, type TickClock } from '../shared/ports';
import type { TeamCache } from './cache';
import { decideReveal, openReveal } from './reveals';
import { STREAM_ACK_MS, type LiveMarker, type MarkerKind } from './wire';
import { Listeners } from '../shared/listeners';

/** A console renews its own marker at most this often; the hub relays a renewal at most once a second. */
const MARK_EVERY_MS = 2_000;
/** A handover is followed every quarter second for up to 45 s (the platform call has 30 s at the hub). */
const HANDOVER_LOOK_MS = 250;
const HANDOVER_LOOKS = 180;

export interface HubClientOptions {
  /** The hub (or its load balancer) as the signed policy names it, e.g. `https://diwan-hub.office.example:9443`. */
  url: string;
  /** Base64 SHA-256 of the hub certificate's public key. */
  pin: string;
  device: DeviceSigner;
  /** The signed-in user's cache; a console that signs in first and learns who it is later attaches it then. */
  cache?: TeamCache;
  clock?: Clock;
  timeoutMs?: number;
  /** Reconnect back-off after a dropped stream (default 250 ms doubling to 5 s, full jitter; backoff.ts). */
  reconnect?: ReconnectBackoff;
  /** Where a failing stream listener is reported (by name only). */
  log?: (line: string) => void;
  /** Schedules the stream's acknowledgements (one per STREAM_ACK_MS); tests fire it themselves. */
  ticks?: TickClock;
}

/** One event of the hub's stream as a console receives it (masked payloads only). */
export interface StreamEvent {
  seq: number;
  kind: string;
  payload: unknown;
}

export interface HubReply {
  status: number;
  body: Record<string, unknown>;
}

/** The hub refused a call: its stable code and its sentence for a person. */
export class HubRefusal extends DiwanError {
  constructor(
    code: string,
    message: string,
    readonly status: number,
  ) {
    super(code, message);
  }
}

/**
 * A console in team mode: signs its user in at the hub (device proof, password, then TOTP when asked), follows the
 * event stream over one WebSocket with an acknowledged cursor (the cache applies a frame and its cursor in one
 * transaction, then acknowledges), and keeps its own outbox. With the hub out of reach the cache stays readable and
 * replies queue; `flush` sends them in order, each with a client id the hub deduplicates, so each goes once.
 */
export class HubClient {
  private readonly agent: Agent;
  private readonly clock: Clock;
  private readonly base: string;
  private token: string | null = null;
  private ws: WebSocket | null = null;
  private following = false;
  private retry = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private ackTimer: (() => void) | null = null;
  private ackSeq = 0;
  private flushing: Promise<void> | null = null;
  private flushAgain = false;
  /** The hub's last refusal of each reply this process sent, for the author waiting on it. */
  private readonly refusals = new Map<string, HubRefusal>();
  private readonly listeners: Listeners<[kinds: string[], events: StreamEvent[]]>;
  private readonly markerListeners: Listeners<[markers: LiveMarker[]]>;
  private readonly lastMark = new Map<string, number>();
  /** Why the stream is down, in words (null while connected). */
  streamProblem: string | null = 'not connected yet';

  private cacheOf: TeamCache | null;

  constructor(private readonly o: HubClientOptions) {
    this.cacheOf = o.cache ?? null;
    this.listeners = new Listeners('hub events', o.log);
    this.markerListeners = new Listeners('hub markers', o.log);
    this.clock = o.clock ?? systemClock;
    this.base = o.url.replace(/\/+$/, '');
    this.agent = pinnedAgent({ pin: o.pin, timeoutMs: o.timeoutMs ?? 10_000, pinError: 'HUB_PIN_MISMATCH', resumeSessions: true });
  }

  /** Uses `cache` for the stream's cursor and the outbox from now on. */
  attach(cache: TeamCache): void {
    this.cacheOf = cache;
  }

  private get cache(): TeamCache {
    if (!this.cacheOf) throw new DiwanError('team_not_ready', 'This console has not finished signing in to the hub yet.');
    return this.cacheOf;
  }

  get signedIn(): boolean {
    return this.token !== null;
  }

  get connected(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  onChange(listener: (kinds: string[], events: StreamEvent[]) => void): () => void {
    return this.listeners.add(listener);
  }

  /** Colleagues' live "viewing"/"writing" markers as they arrive (not stored: the console shows them until they expire). */
  onMarkers(listener: (markers: LiveMarker[]) => void): () => void {
    return this.markerListeners.add(listener);
  }

  /** This user views, writes in, or left a conversation; renewals closer than MARK_EVERY_MS are not sent. */
  async mark(conversationId: number, kind: MarkerKind): Promise<void> {
    const now = this.clock.now();
    const key = `${conversationId}:${kind}`;
    if (kind !== 'left' && now - (this.lastMark.get(key) ?? -Infinity) < MARK_EVERY_MS) return;
    if (kind === 'left') for (const k of ['viewing', 'writing']) this.lastMark.delete(`${conversationId}:${k}`);
    else this.lastMark.set(key, now);
    await this.call('POST', `/v1/conversations/${conversationId}/marker`, { kind });
  }

  /** The agent steps away or comes back (the open stream keeps either alive; closing the console ends it). */
  async setPresence(state: 'online' | 'away'): Promise<void> {
    await this.call('POST', '/v1/presence', { state });
  }

  /**
   * Messenger's and Instagram's handover (take / pass / request thread control) through the node running the channel:
   * asks, then follows the request until the platform's outcome is in (about 45 s at most, bounded by the number of
   * looks). Resolves when done; a refusal comes back as the hub's code and sentence.
   */
  async threadControl(conversationId: number, action: ThreadControlAction): Promise<void> {
    type Asked = { id: number; state: string; code: string | null; reason: string | null };
    let r = (await this.call('POST', `/v1/conversations/${conversationId}/thread-control`, { action })).request as Asked;
    for (let look = 0; look < HANDOVER_LOOKS && (r.state === 'waiting' || r.state === 'calling'); look++) {
      await new Promise((resolve) => setTimeout(resolve, HANDOVER_LOOK_MS));
      r = (await this.call('GET', `/v1/thread-control/${r.id}`)).request as Asked;
    }
    if (r.state === 'done') return;
    if (r.state === 'waiting' || r.state === 'calling') {
      throw new DiwanError('thread_control_unanswered', 'The hub has not finished this handover yet; check who owns the thread at Meta before asking again.');
    }
    throw new HubRefusal(r.code ?? 'thread_control_refused', r.reason ?? 'The platform refused the handover.', 409);
  }

  /** The author read what was newer and sends the held reply anyway (the hub audits the choice). */
  async sendAnyway(clientId: string): Promise<void> {
    this.cache.requeueAnyway(clientId);
    await this.flush().catch(() => {});
  }

  async call(method: 'GET' | 'POST', path: string, json?: unknown): Promise<Record<string, unknown>> {
    const r = await this.raw(method, path, json, this.token ?? undefined);
    if (r.status === 200) return r.body;
    if (r.status === 401) this.token = null;
    throw new HubRefusal(String(r.body.error ?? 'hub_refused'), String(r.body.message ?? `The hub answered ${r.status}.`), r.status);
  }

  private async raw(method: 'GET' | 'POST', path: string, json: unknown, token?: string): Promise<HubReply> {
    let res;
    try {
      res = await request(this.base + path, {
        method,
        dispatcher: this.agent,
        headers: { accept: 'application/json', ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: json !== undefined ? JSON.stringify(json) : undefined,
        headersTimeout: this.o.timeoutMs ?? 10_000,
        bodyTimeout: this.o.timeoutMs ?? 10_000,
      });
    } catch (e) {
      const code = (e as { code?: string }).code ?? 'error';
      throw new DiwanError(
        'hub_unreachable',
        code === 'HUB_PIN_MISMATCH'
          ? 'The server at the hub address did not show the hub\'s pinned certificate. Nothing was sent. Tell IT.'
          : `The hub cannot be reached right now (${code}). Your replies wait in this console and go when it is back.`,
      );
    }
    const text = await res.body.text();
    let body: Record<string, unknown>;
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      body = { error: 'hub_malformed', message: 'The hub\'s answer was not JSON.' };
    }
    return { status: res.statusCode, body };
  }

  /**
   * Device proof and password; when the account has a second factor, `code` is sent next. `enrol`: the policy
   * requires a second factor the account lacks, and this sign-in may only set one up (`enrolSecondFactor`).
   */
  async signIn(username: string, password: string, code?: string): Promise<{ stage: 'full' | 'second-factor' | 'enrol'; user: Record<string, unknown> }> {
    const fingerprint = this.o.device.fingerprint;
    const c = await this.call('POST', '/v1/challenge', { fingerprint });
    const timestamp = this.clock.now();
    const nonce = String(c.nonce);
    const signature = this.o.device.sign(deviceAuthMessage(nonce, timestamp, fingerprint));
    let s = await this.call('POST', '/v1/sign-in', { username, password, fingerprint, nonce, timestamp, signature });
    this.token = String(s.token);
    if (s.stage === 'enrol') return { stage: 'enrol', user: s.user as Record<string, unknown> };
    if (s.stage === 'second-factor') {
      if (!code) return { stage: 'second-factor', user: s.user as Record<string, unknown> };
      s = await this.call('POST', '/v1/sign-in/second-factor', { code });
      this.token = String(s.token);
    }
    return { stage: 'full', user: s.user as Record<string, unknown> };
  }

  /** Opens a granted reveal through the custodian (`reveals.ts`); the value is returned, never stored. */
  openReveal(revealId: number): Promise<{ value: string; type: string; expiresAt: number }> {
    return openReveal(this, this.o.device, revealId, this.clock);
  }

  /** A lead's decision on a pending reveal, countersigned by this device when approving. */
  decideReveal(revealId: number, approve: boolean): Promise<Record<string, unknown>> {
    return decideReveal(this, this.o.device, revealId, approve, this.clock);
  }

  async secondFactor(proof: string | { code: string } | { recoveryCode: string }): Promise<void> {
    const s = await this.call('POST', '/v1/sign-in/second-factor', typeof proof === 'string' ? { code: proof } : proof);
    this.token = String(s.token);
  }

  /** Starts setting up this person's own two-step sign-in at the hub: the otpauth URI to show once. */
  async beginSecondFactor(): Promise<{ otpauthUri: string }> {
    return { otpauthUri: String((await this.call('POST', '/v1/me/second-factor/begin', {})).otpauthUri) };
  }

  /** Confirms it with a first code; the recovery codes come back this once (the hub keeps only their hashes). */
  async confirmSecondFactor(code: string): Promise<{ recoveryCodes: string[] }> {
    return { recoveryCodes: (await this.call('POST', '/v1/me/second-factor/confirm', { code })).recoveryCodes as string[] };
  }

  /** Opens the stream from the cache's cursor and keeps it open (reconnecting with back-off) until `stop`. */
  follow(): void {
    this.following = true;
    this.connect();
  }

  private connect(): void {
    if (!this.following || !this.token || this.ws) return;
    const wsUrl = `${this.base.replace(/^http/, 'ws')}/v1/stream?after=${this.cache.cursor()}`;
    const ws = new WebSocket(wsUrl, { dispatcher: this.agent, headers: { authorization: `Bearer ${this.token}` } });
    this.ws = ws;
    ws.addEventListener('open', () => {
      this.retry = 0;
      this.streamProblem = null;
      void this.flush();
    });
    ws.addEventListener('message', (ev) => this.onFrame(ev.data));
    ws.addEventListener('close', (ev) => {
      if (this.ws === ws) this.ws = null;
      this.streamProblem = ev.reason || `the stream closed (${ev.code})`;
      if (ev.code === 4401) this.token = null;
      this.scheduleReconnect();
    });
    ws.addEventListener('error', () => {
      this.streamProblem = 'the hub cannot be reached';
    });
  }

  private scheduleReconnect(): void {
    if (!this.following || this.reconnectTimer) return;
    const wait = reconnectWait(this.retry++, this.o.reconnect);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, wait);
  }

  private onFrame(data: unknown): void {
    let frame: { type?: string; upTo?: number; events?: StreamEvent[]; markers?: LiveMarker[] };
    try {
      frame = JSON.parse(String(data));
    } catch {
      return;
    }
    if (frame.type === 'markers' && Array.isArray(frame.markers)) {
      this.markerListeners.emit(frame.markers);
      return;
    }
    if (frame.type !== 'events' || typeof frame.upTo !== 'number' || !Array.isArray(frame.events)) return;
    this.cache.applyFrame(frame.upTo, frame.events);
    // One acknowledgement (of the newest frame on this stream) per STREAM_ACK_MS, not one per frame.
    const ws = this.ws;
    this.ackSeq = frame.upTo;
    this.ackTimer ??= (this.o.ticks ?? systemTicks).after(STREAM_ACK_MS, () => {
      this.ackTimer = null;
      if (ws && this.ws === ws) ws.send(JSON.stringify({ type: 'ack', seq: this.ackSeq }));
    });
    const kinds = frame.events.map((e) => e.kind);
    this.listeners.emit(kinds, frame.events);
  }

  /**
   * Queues a reply locally (it survives a restart) and sends the queue if the hub is reachable. `seenSeq` is the
   * last event its author saw (the stream's position when the draft began); by default, everything this console has.
   * `humanAgentTag`: the author ticked "human agent" (kept with the queued reply until the hub takes it).
   */
  async reply(conversationId: number, text: string, seenSeq: number = this.cache.cursor(), o: { humanAgentTag?: boolean } = {}): Promise<string> {
    const clientId = crypto.randomBytes(12).toString('base64url');
    this.cache.queueReply({ clientId, conversationId, text, seenSeq, now: this.clock.now(), humanAgentTag: o.humanAgentTag ?? false });
    await this.flush().catch(() => {});
    return clientId;
  }

  /**
   * Sends queued replies, oldest first, stopping at the first that cannot go now (the hub out of reach), so the
   * order holds. A reply the hub refuses for good is held for its author with the hub's sentence.
   */
  flush(): Promise<void> {
    // A reply queued while a flush runs is sent by that flush's next pass, not left until the next reconnect.
    if (this.flushing) {
      this.flushAgain = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      do {
        this.flushAgain = false;
        if (!(await this.flushOnce())) return;
      } while (this.flushAgain);
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /** One pass over the queue; false when the hub is out of reach (the rest waits, in order). */
  private async flushOnce(): Promise<boolean> {
    for (const q of this.cache.queued()) {
      try {
        const r = await this.call('POST', `/v1/conversations/${q.conversationId}/replies`, {
          clientId: q.clientId,
          text: q.text,
          seenSeq: q.seenSeq,
          ...(q.sendAnyway ? { sendAnyway: true } : {}),
          ...(q.humanAgentTag ? { humanAgentTag: true } : {}),
        });
        this.cache.markAccepted(q.clientId, typeof r.messageId === 'number' ? r.messageId : undefined);
      } catch (e) {
        if (e instanceof HubRefusal && e.status !== 401 && e.status < 500) {
          this.cache.markHeld(q.clientId, e.message);
          this.refusals.set(q.clientId, e);
          continue;
        }
        return false; // out of reach or signed out: keep the order, try again later
      }
    }
    return true;
  }

  /** Why the hub refused this reply, if it did while this process ran. */
  refusalOf(clientId: string): HubRefusal | null {
    return this.refusals.get(clientId) ?? null;
  }

  async stop(): Promise<void> {
    this.following = false;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.ackTimer?.();
    this.ackTimer = null;
    this.ws?.close(1000, 'console closing');
    this.ws = null;
    await this.agent.close().catch(() => {});
  }
}
