import { DiwanError } from '../shared/errors';
import type { IngestResult, MaybePromise, OutboundItem, RuntimeOutbox, RuntimeSink } from '../shared/messages';
import { noAudit, systemClock, type AuditPort, type Clock } from '../shared/ports';
import type { Vault } from '../vault';
import type { ConnectorContext } from './context';
import { fitToStore } from './bounds';
import { asConnectorError, type ConnectorError } from './errors';
import { fetchThrough } from './attachments';
import { HealthTracker, type ChannelAlert, type ChannelHealth } from './health';
import { redact } from './http/redact';
import { connectorRegistry, type ConnectorRegistry } from './registry';
import { backoffMs, mathJitter, realSleep, type Jitter, type Sleep } from './time';
import { Listeners } from '../shared/listeners';
import { noLog, type AttachmentContent, type ChannelConfig, type Connector, type ConnectorLog, type PullBatch, type ThreadControlAction } from './types';
import { AUDIT_ACTIONS } from '../shared/audit-actions';
import { failureName, keepTrying, survivingLoop, type Backoff } from '../shared/keep-going';

export interface RuntimeOptions {
  sink: RuntimeSink;
  outbox: RuntimeOutbox;
  vault: Vault;
  clock?: Clock;
  sleep?: Sleep;
  jitter?: Jitter;
  log?: ConnectorLog;
  audit?: AuditPort;
  registry?: ConnectorRegistry;
  http?: ConnectorContext['http'];
  /** After a refused token: wait this long, then reload it from the keychain and try once (default 10 min). */
  tokenRetryMs?: number;
  /** After Telegram's 409 (another poller or a webhook): wait this long (default 60 s). */
  conflictRetryMs?: number;
  /** Back-off after other failures: full jitter between 0 and min(cap, base·2^n) (default 1 s … 5 min). */
  errorBackoff?: { baseMs: number; capMs: number };
  /** How often the outbox is looked at when nothing announced a reply (default 2 s). */
  outboxIdleMs?: number;
  /** Attempts for a reply that fails for a passing reason before it ends `failed` (default 5). */
  maxSendAttempts?: number;
  /** Alert when a pulling channel had no successful pull for this long (default 5 min). */
  silentAfterMs?: number;
  /** How often the silent-stop check runs (default 30 s). */
  watchdogMs?: number;
  /** On stop, how long an in-flight send may finish before it is cut off and marked unknown (default 10 s). */
  sendGraceMs?: number;
  /**
   * Recording a send's outcome in the outbox (the database out of reach, a constraint failing): tries in all and the
   * back-off between them (default 10 tries, 1 s … 30 s, about two minutes at least) while the channel runs.
   */
  bookkeeping?: { attempts: number; backoff: Backoff };
}

export interface RuntimeEvents {
  health: ChannelHealth;
  alert: ChannelAlert;
  ingested: IngestResult & { channelId: string };
  sent: { channelId: string; outboxId: string; platformMessageId: string };
  outcome: { channelId: string; outboxId: string; state: 'sent' | 'queued' | 'failed' | 'unknown' };
}

type Settings = Required<Omit<RuntimeOptions, 'sink' | 'outbox' | 'vault' | 'registry' | 'http' | 'log' | 'audit'>> &
  Pick<RuntimeOptions, 'http'> & { log: ConnectorLog; audit: AuditPort; registry: ConnectorRegistry };

/**
 * Runs every configured channel: pulls inbound into the sink (messages and cursor in one transaction), drains each
 * channel's outbox through its rate gate, tracks health, waits as platforms ask, and pauses everything when the
 * office-network gate says so. Replies whose outcome is unknown are never retried here: the agent decides.
 */
export class ConnectorRuntime {
  private readonly workers = new Map<string, ChannelWorker>();
  private readonly listeners: { [K in keyof RuntimeEvents]: Listeners<[RuntimeEvents[K]]> };
  private readonly s: Settings;
  private running = false;
  private paused = false;
  private pauseReason = '';
  private watchdogCtl = new AbortController();
  private watchdog: Promise<void> | null = null;

  constructor(private readonly opts: RuntimeOptions) {
    this.s = {
      clock: opts.clock ?? systemClock,
      sleep: opts.sleep ?? realSleep,
      jitter: opts.jitter ?? mathJitter,
      log: opts.log ?? noLog,
      audit: opts.audit ?? noAudit,
      registry: opts.registry ?? connectorRegistry,
      http: opts.http,
      tokenRetryMs: opts.tokenRetryMs ?? 10 * 60_000,
      conflictRetryMs: opts.conflictRetryMs ?? 60_000,
      errorBackoff: opts.errorBackoff ?? { baseMs: 1_000, capMs: 5 * 60_000 },
      outboxIdleMs: opts.outboxIdleMs ?? 2_000,
      maxSendAttempts: opts.maxSendAttempts ?? 5,
      silentAfterMs: opts.silentAfterMs ?? 5 * 60_000,
      watchdogMs: opts.watchdogMs ?? 30_000,
      sendGraceMs: opts.sendGraceMs ?? 10_000,
      bookkeeping: opts.bookkeeping ?? { attempts: 10, backoff: { baseMs: 1_000, capMs: 30_000 } },
    };
    // A listener's failure must not stop a channel; it is logged under the runtime, not under any one channel.
    const log = (line: string) => this.s.log({ level: 'warn', channelId: '-', event: 'listener_failed', detail: line });
    this.listeners = {
      health: new Listeners('health', log),
      alert: new Listeners('alert', log),
      ingested: new Listeners('ingested', log),
      sent: new Listeners('sent', log),
      outcome: new Listeners('outcome', log),
    };
  }

  on<K extends keyof RuntimeEvents>(event: K, listener: (e: RuntimeEvents[K]) => void): () => void {
    return (this.listeners[event] as Listeners<[RuntimeEvents[K]]>).add(listener);
  }

  /** Adds a channel (started at once when the runtime runs). */
  add(config: ChannelConfig): void {
    if (this.workers.has(config.id)) throw new DiwanError('channel_exists', `A channel with id "${config.id}" is already running.`);
    const factory = this.s.registry[config.kind];
    if (!factory) throw new DiwanError('channel_kind_unknown', `Diwan has no connector for channels of kind "${config.kind}".`);
    const w = new ChannelWorker(config, this.opts, this.s, factory, (k, e) => this.emit(k, e));
    this.workers.set(config.id, w);
    if (this.running) w.start(this.paused);
  }

  /** Stops and removes a channel; its queued replies stay in the outbox. */
  async remove(channelId: string): Promise<void> {
    const w = this.workers.get(channelId);
    if (!w) return;
    this.workers.delete(channelId);
    await w.stop();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.watchdogCtl = new AbortController();
    for (const w of this.workers.values()) w.start(this.paused);
    this.watchdog = this.watch(this.watchdogCtl.signal);
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.watchdogCtl.abort();
    await Promise.all([...this.workers.values()].map((w) => w.stop()));
    await this.watchdog;
  }

  /** Off an approved network: no pulls and no new sends until `resume()`. Queued replies wait in the outbox. */
  pause(reason = 'off-network'): void {
    this.paused = true;
    this.pauseReason = reason;
    for (const w of this.workers.values()) w.pause();
    this.s.log({ level: 'info', channelId: '*', event: 'runtime.paused', detail: reason });
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    for (const w of this.workers.values()) w.resume();
    this.s.log({ level: 'info', channelId: '*', event: 'runtime.resumed', detail: this.pauseReason });
  }

  get isPaused(): boolean {
    return this.paused;
  }

  health(): ChannelHealth[] {
    return [...this.workers.values()].map((w) => w.health.current);
  }

  /** A reply was queued for this channel: look at its outbox now rather than at the next idle tick. */
  notifyOutbox(channelId: string): void {
    this.workers.get(channelId)?.wakeOutbox();
  }

  /** Someone fixed the channel (a new token): reload its secrets and try at once instead of waiting out the back-off. */
  retryNow(channelId: string): void {
    this.workers.get(channelId)?.retryNow();
  }

  /** A payload the relay forwarded for a push channel (WhatsApp, Meta webhooks), signature already checked there. */
  push(channelId: string, payload: unknown): MaybePromise<IngestResult> {
    const w = this.workers.get(channelId);
    if (!w) throw new DiwanError('channel_unknown', `No channel "${channelId}" is configured on this console.`);
    return w.push(payload);
  }

  /**
   * An attachment's bytes from the platform, fetched through the channel's own connector (its token, rate gate and
   * redaction). Refused with a sentence when the channel cannot fetch files or is not connected right now.
   */
  async fetchAttachment(channelId: string, ref: string, signal: AbortSignal): Promise<AttachmentContent> {
    const w = this.workers.get(channelId);
    if (!w) throw new DiwanError('channel_unknown', 'The channel this file came through is not running on this console; ask an administrator to check it.');
    return w.fetchAttachment(ref, signal);
  }

  /** Handover protocol (Messenger, Instagram) through the channel's own connector; a sentence where the channel has none. */
  async threadControl(channelId: string, action: ThreadControlAction, platformConversationId: string, signal: AbortSignal): Promise<void> {
    const w = this.workers.get(channelId);
    if (!w) throw new DiwanError('channel_unknown', 'The channel of this conversation is not running on this console; ask an administrator to check it.');
    return w.threadControl(action, platformConversationId, signal);
  }

  /** The running connector of a channel (the demo's drill hook is reached this way). */
  connector(channelId: string): Connector | undefined {
    return this.workers.get(channelId)?.connector;
  }

  private emit<K extends keyof RuntimeEvents>(event: K, payload: RuntimeEvents[K]): void {
    (this.listeners[event] as Listeners<[RuntimeEvents[K]]>).emit(payload);
  }

  private async watch(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await this.s.sleep(this.s.watchdogMs, signal);
      if (signal.aborted || this.paused) continue;
      for (const w of this.workers.values()) {
        const alert = w.checkSilence();
        if (!alert) continue;
        this.s.log({ level: 'warn', channelId: alert.channelId, event: `health.alert.${alert.kind}` });
        this.s.audit({ action: AUDIT_ACTIONS.channelAlert, actor: 'system', target: `channel:${alert.channelId}`, details: { kind: alert.kind } });
        this.emit('alert', alert);
      }
    }
  }
}

/** One channel's life: start, the pull loop, the outbox loop, health. */
class ChannelWorker {
  readonly connector: Connector;
  readonly health: HealthTracker;
  private running = false;
  private paused = false;
  private needsStart = true;
  private starting: Promise<boolean> | null = null;
  /** Aborted by pause, stop and retryNow: ends pulls and waits at once. */
  private life = new AbortController();
  /** Aborted only when stop's grace for an in-flight send runs out. */
  private sendCtl = new AbortController();
  private outboxKick = new AbortController();
  private resumeWaiters: Array<() => void> = [];
  private loops: Promise<void>[] = [];
  /** `undefined` until read from the sink (the pull loop reads it first). */
  private cursor: string | null | undefined = undefined;
  private failures = 0;
  private sendHoldUntil = 0;
  private tokenFlagged = false;
  /** Settles when the latest `connector.start` does (without the failure's back-off), for on-demand calls. */
  private startAttempt: Promise<void> = Promise.resolve();
  /** The reply being sent and marked, if any (a pulled batch may hold its echo). */
  private delivering: Promise<void> | null = null;

  constructor(
    readonly config: ChannelConfig,
    private readonly opts: RuntimeOptions,
    private readonly s: Settings,
    factory: (ctx: ConnectorContext) => Connector,
    private readonly emit: <K extends keyof RuntimeEvents>(k: K, e: RuntimeEvents[K]) => void,
  ) {
    const log: ConnectorLog = (line) => s.log({ ...line, detail: line.detail === undefined ? undefined : redact(line.detail) });
    this.connector = factory({ config, vault: opts.vault, clock: s.clock, sleep: s.sleep, jitter: s.jitter, log, http: s.http });
    this.health = new HealthTracker(config.id, config.kind, s.clock.now(), (h) => emit('health', h));
  }

  private get pollIntervalMs(): number {
    return this.config.pollIntervalMs ?? this.connector.pollIntervalMs ?? 5_000;
  }

  private get id(): string {
    return this.config.id;
  }

  start(paused: boolean): void {
    this.running = true;
    this.paused = paused;
    this.life = new AbortController();
    this.sendCtl = new AbortController();
    this.cursor = undefined;
    if (paused) this.health.paused();
    else this.health.starting(this.s.clock.now());
    this.loops = [this.outboxLoop()];
    if (this.connector.pull) this.loops.push(this.pullLoop());
    else this.loops.push(this.pushReady());
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.life.abort();
    this.outboxKick.abort();
    this.wakeResumers();
    const grace = new AbortController();
    const cut = this.s.sleep(this.s.sendGraceMs, grace.signal).then(() => this.sendCtl.abort());
    await Promise.all(this.loops);
    grace.abort();
    await cut;
    await this.connector.stop().catch(() => {});
    this.needsStart = true;
    this.health.stopped();
  }

  pause(): void {
    this.paused = true;
    this.life.abort();
    this.outboxKick.abort();
    this.health.paused();
  }

  resume(): void {
    this.paused = false;
    this.life = new AbortController();
    this.health.starting(this.s.clock.now());
    this.wakeResumers();
  }

  retryNow(): void {
    this.needsStart = true;
    this.sendHoldUntil = 0;
    this.failures = 0;
    if (!this.paused && this.running) {
      const old = this.life;
      this.life = new AbortController();
      old.abort();
    }
    this.wakeOutbox();
  }

  wakeOutbox(): void {
    this.outboxKick.abort();
  }

  checkSilence() {
    const polling = Boolean(this.connector.pull);
    const interval = this.pollIntervalMs;
    const silent = polling ? Math.max(this.s.silentAfterMs, 3 * interval) : null;
    return this.health.check(this.s.clock.now(), silent, this.config.quietAlertMs ?? null);
  }

  async fetchAttachment(ref: string, signal: AbortSignal): Promise<AttachmentContent> {
    if (!this.running || this.paused) throw new DiwanError('channel_paused', 'The channel is paused (not on an approved office network, or stopped); open the file once it is connected again.');
    if (this.needsStart) await this.startAttempt;
    if (this.needsStart) throw new DiwanError('channel_not_ready', 'The channel has not connected yet (its health says why); open the file once it is connected.');
    return fetchThrough(this.connector, ref, signal);
  }

  async threadControl(action: ThreadControlAction, platformConversationId: string, signal: AbortSignal): Promise<void> {
    if (!this.connector.threadControl) throw new DiwanError('thread_control_unsupported', 'Only Messenger and Instagram channels hand conversations over between apps.');
    if (!this.running || this.paused) throw new DiwanError('channel_paused', 'The channel is paused (not on an approved office network, or stopped); try again once it is connected.');
    if (this.needsStart) await this.startAttempt;
    if (this.needsStart) throw new DiwanError('channel_not_ready', 'The channel has not connected yet (its health says why); try again once it is connected.');
    return this.connector.threadControl(action, platformConversationId, signal);
  }

  push(payload: unknown): MaybePromise<IngestResult> {
    if (!this.connector.acceptPush) {
      throw new DiwanError('channel_not_push', `Channel "${this.id}" pulls its messages; it does not take relayed ones.`);
    }
    if (this.paused) throw new DiwanError('channel_paused', 'Channels are paused (not on an approved office network); the relay should keep this delivery.');
    return this.apply(this.connector.acceptPush(payload));
  }

  /** A push channel needs its secrets for sending only; it counts as connected once they load. */
  private pushReady(): Promise<void> {
    let ready = false;
    return this.surviving(
      'push',
      async () => {
        if (this.paused) return this.untilResumed();
        if (!(await this.ensureStarted())) return;
        this.health.ok(this.s.clock.now(), 0);
        ready = true;
      },
      () => !ready,
    );
  }

  private pullLoop(): Promise<void> {
    let passes = 0;
    return this.surviving('pull', async () => {
      await this.pullPass();
      // Long polls never spin, but a platform answering instantly with nothing must not become a busy loop.
      if (++passes % 1000 === 0) await new Promise((r) => setImmediate(r));
    });
  }

  private async pullPass(): Promise<void> {
    if (this.paused) return this.untilResumed();
    if (!(await this.ensureStarted())) return;
    const life = this.life.signal;
    try {
      if (this.cursor === undefined) this.cursor = await this.opts.sink.cursor(this.id);
      const batch = await this.connector.pull!(this.cursor, life);
      // A platform that lists the account's own messages (X) may list a reply before its send has returned: once
      // the reply is marked sent with its platform id, that echo is a duplicate rather than a second message.
      if (this.delivering && batch.messages.some((m) => m.direction === 'out')) await this.delivering;
      await this.apply(batch);
      this.failures = 0;
      if (!batch.more) await this.s.sleep(this.pollIntervalMs, life);
    } catch (e) {
      await this.onFailure(e, life);
    }
  }

  /** Stores a batch (messages with the cursor, in one transaction), applies receipts and records health. */
  /** A synchronous sink (the console's SQLite store) is applied synchronously, so a relay push stays in its transaction. */
  private apply(batch: PullBatch): MaybePromise<IngestResult> {
    const cursorChanged = batch.cursor !== undefined && batch.cursor !== this.cursor;
    const fitted = fitToStore(batch.messages);
    const stored = fitted.messages.length || cursorChanged ? this.opts.sink.ingest(this.id, fitted.messages, batch.cursor) : { inserted: 0, duplicates: 0, conversationIds: [] };
    const finish = (result: IngestResult): MaybePromise<IngestResult> => {
      if (batch.cursor !== undefined && (fitted.messages.length || cursorChanged)) this.cursor = batch.cursor;
      for (const conversationId of result.moved ?? []) {
        this.s.audit({ action: AUDIT_ACTIONS.conversationMoved, actor: 'system', target: `conversation:${conversationId}`, details: { channel: this.id } });
      }
      for (const r of result.revised ?? []) {
        this.s.audit({ action: r.kind === 'edited' ? AUDIT_ACTIONS.messageEdited : AUDIT_ACTIONS.messageDeleted, actor: 'customer', target: `channel:${this.id}`, details: { platformMessageId: r.platformMessageId } });
      }
      const receipts = [
        ...(batch.deliveries ?? []).map((d) => this.opts.outbox.markDelivery(this.id, d.platformMessageId, d.state, d.reason)),
        ...(batch.watermarks ?? []).map((w) => this.opts.outbox.markDeliveryUpTo?.(this.id, w.platformConversationId, w.state, w.upTo)),
      ];
      const done = (): IngestResult => {
        this.succeeded(result.inserted, [batch.note, fitted.note].filter(Boolean).join(' ') || undefined);
        if (result.inserted || result.duplicates) this.emit('ingested', { channelId: this.id, ...result });
        return result;
      };
      return receipts.some((r) => r instanceof Promise) ? Promise.all(receipts).then(done) : done();
    };
    return stored instanceof Promise ? stored.then(finish) : finish(stored);
  }

  /** The outbox's loop survives whatever a pass throws: logged by name, then a bounded back-off, then on. */
  private outboxLoop(): Promise<void> {
    return this.surviving('outbox', () => this.outboxPass());
  }

  private surviving(loop: 'outbox' | 'pull' | 'push', pass: () => Promise<void>, until: () => boolean = () => true): Promise<void> {
    return survivingLoop(pass, {
      running: () => this.running && until(),
      wait: this.s.sleep,
      jitter: this.s.jitter,
      backoff: this.s.errorBackoff,
      signal: () => this.life.signal,
      failed: (e, waitMs) =>
        this.s.log({ level: 'error', channelId: this.id, event: `${loop}.loop_failed`, detail: `The channel's ${loop} loop failed (${failureName(e)}); it goes on in ${waitMs} ms.` }),
    });
  }

  private async outboxPass(): Promise<void> {
    if (this.paused) return this.untilResumed();
    const life = this.life.signal;
    const now = this.s.clock.now();
    if (now < this.sendHoldUntil) return this.idle(this.sendHoldUntil - now, life);
    if (!(await this.ensureStarted())) return;
    let item: OutboundItem | null;
    try {
      item = await this.opts.outbox.claim(this.id, now);
    } catch (e) {
      this.s.log({ level: 'error', channelId: this.id, event: 'outbox.claim_failed', detail: (e as Error).message });
      return this.idle(this.s.outboxIdleMs, life);
    }
    if (!item) return this.idle(this.s.outboxIdleMs, life);
    this.delivering = this.deliver(item);
    try {
      await this.delivering;
    } finally {
      this.delivering = null;
    }
  }

  private async deliver(item: OutboundItem): Promise<void> {
    const ob = this.opts.outbox;
    let result;
    try {
      result = await this.connector.send(item, this.sendCtl.signal);
    } catch (e) {
      return this.sendFailed(item, asConnectorError(e, redact));
    }
    this.succeeded(0);
    if (!(await this.record(item, 'sent', () => ob.markSent(item.outboxId, result.platformMessageId, result.at)))) return;
    this.emit('sent', { channelId: this.id, outboxId: item.outboxId, platformMessageId: result.platformMessageId });
    this.emit('outcome', { channelId: this.id, outboxId: item.outboxId, state: 'sent' });
  }

  /**
   * Writes a send's outcome, retried with a bounded back-off while the channel runs. The claim already marked the
   * reply `sending`, which no claim picks again: a reply whose outcome cannot be written is never sent twice; it stays
   * `sending` until the channel next starts, which makes it `unknown` for the agent to decide.
   */
  private async record(item: OutboundItem, state: RuntimeEvents['outcome']['state'], write: () => unknown): Promise<boolean> {
    const r = await keepTrying(write, {
      signal: this.sendCtl.signal,
      wait: this.s.sleep,
      jitter: this.s.jitter,
      attempts: this.s.bookkeeping.attempts,
      backoff: this.s.bookkeeping.backoff,
      failed: (e, attempt, waitMs) =>
        this.s.log({
          level: waitMs === null ? 'error' : 'warn',
          channelId: this.id,
          event: 'outbox.record_failed',
          detail:
            `Recording reply ${item.outboxId} as ${state} failed (${failureName(e)}, try ${attempt}); ` +
            (waitMs === null ? 'it stays "sending" and becomes "unknown" when the channel next starts, never sent again.' : `trying again in ${waitMs} ms.`),
        }),
    });
    return r.ok;
  }

  private async sendFailed(item: OutboundItem, err: ConnectorError): Promise<void> {
    const ob = this.opts.outbox;
    const now = this.s.clock.now();
    const done = (state: RuntimeEvents['outcome']['state']) => this.emit('outcome', { channelId: this.id, outboxId: item.outboxId, state });
    this.s.log({ level: 'warn', channelId: this.id, event: 'outbox.send_failed', detail: `${err.code} (attempt ${item.attempts})` });
    if (err.sent === 'maybe') {
      const reason = `${err.message} The reply may or may not have reached the customer; check the conversation on the platform before sending it again.`;
      const recorded = await this.record(item, 'unknown', () => ob.markUnknown(item.outboxId, reason));
      this.health.noted('A reply may not have been delivered; it is waiting for the agent to decide.');
      return recorded ? done('unknown') : undefined;
    }
    if (err.kind === 'rate-limited' || err.kind === 'token-rejected') {
      const wait = err.kind === 'rate-limited' ? (err.retryAfterMs ?? 60_000) : this.s.tokenRetryMs;
      this.sendHoldUntil = now + wait;
      const recorded = await this.record(item, 'queued', () => ob.markFailed(item.outboxId, err.message, { notBefore: now + wait }));
      this.health.failed(err, now, now + wait);
      if (err.kind === 'token-rejected') this.tokenRejected();
      return recorded ? done('queued') : undefined;
    }
    if (err.retryable && item.attempts < this.s.maxSendAttempts) {
      const wait = err.retryAfterMs ?? Math.max(1_000, backoffMs(item.attempts, this.s.errorBackoff.baseMs, this.s.errorBackoff.capMs, this.s.jitter));
      const recorded = await this.record(item, 'queued', () => ob.markFailed(item.outboxId, err.message, { notBefore: now + wait }));
      if (err.kind !== 'rejected') this.health.failed(err, now, now + wait);
      return recorded ? done('queued') : undefined;
    }
    const recorded = await this.record(item, 'failed', () => ob.markFailed(item.outboxId, err.message, null));
    if (err.kind === 'rejected') this.health.noted(`A reply was refused: ${err.message}`);
    else this.health.failed(err, now, null);
    return recorded ? done('failed') : undefined;
  }

  /** Loads secrets (and whatever the connector checks) once, then again after a refused token or `retryNow`. */
  private ensureStarted(): Promise<boolean> {
    if (!this.needsStart) return Promise.resolve(true);
    const life = this.life.signal;
    this.starting ??= (async () => {
      try {
        const attempt = this.connector.start(life);
        this.startAttempt = attempt.then(
          () => {},
          () => {},
        );
        await attempt;
        this.needsStart = false;
        return true;
      } catch (e) {
        await this.onFailure(e, life);
        return false;
      } finally {
        this.starting = null;
      }
    })();
    return this.starting;
  }

  /** Records a failure and waits as long as it deserves: as told, long for tokens and conflicts, back-off otherwise. */
  private async onFailure(e: unknown, life: AbortSignal): Promise<void> {
    const err = asConnectorError(e, redact);
    if (err.kind === 'aborted' || life.aborted || !this.running || this.paused) return;
    const now = this.s.clock.now();
    let wait: number;
    if (err.kind === 'rate-limited') wait = err.retryAfterMs ?? 60_000;
    else if (err.kind === 'token-rejected') wait = this.s.tokenRetryMs;
    else if (err.kind === 'conflict') wait = this.s.conflictRetryMs;
    else wait = Math.max(250, backoffMs(this.failures++, this.s.errorBackoff.baseMs, this.s.errorBackoff.capMs, this.s.jitter));
    this.health.failed(err, now, now + wait);
    this.s.log({ level: 'warn', channelId: this.id, event: `pull.${err.kind}`, detail: `${err.message} (waiting ${wait} ms)` });
    if (err.kind === 'token-rejected') this.tokenRejected();
    await this.s.sleep(wait, life);
  }

  /** Health after a pull or a send that worked; a pause in the meantime wins. */
  private succeeded(inbound: number, note?: string): void {
    this.tokenFlagged = false;
    if (!this.paused && this.running) this.health.ok(this.s.clock.now(), inbound, note);
  }

  private tokenRejected(): void {
    this.needsStart = true;
    if (this.tokenFlagged) return;
    this.tokenFlagged = true;
    this.s.audit({ action: AUDIT_ACTIONS.channelTokenRejected, actor: 'system', target: `channel:${this.id}` });
  }

  /** Waits for `ms`, a kick (`wakeOutbox`) or the end of this life; a kick that came earlier returns at once. */
  private async idle(ms: number, life: AbortSignal): Promise<void> {
    if (this.outboxKick.signal.aborted) {
      this.outboxKick = new AbortController();
      return;
    }
    await this.s.sleep(ms, AbortSignal.any([life, this.outboxKick.signal]));
  }

  private untilResumed(): Promise<void> {
    if (!this.paused || !this.running) return Promise.resolve();
    return new Promise((resolve) => this.resumeWaiters.push(resolve));
  }

  private wakeResumers(): void {
    for (const r of this.resumeWaiters.splice(0)) r();
  }
}
