import { channelHealthView, ConnectorRuntime, fetchThrough, realSleep, type AttachmentContent, type ChannelConfig, type ChannelKind, type ConnectorRegistry, type RuntimeOptions, type SendResult } from '../core/connectors';
import { checkChannelCredentials, type ChannelCheck } from '../core/app/channel-check';
import { DiwanError } from '../core/shared/errors';
import { detached, failureName } from '../core/shared/keep-going';
import type { OutboundItem, RuntimeOutbox, RuntimeSink } from '../core/shared/messages';
import type { Clock } from '../core/shared/ports';
import type { Vault } from '../core/vault';
import type { ChannelLeases } from './leases';
import { hubRegistry } from './registry';
import type { OriginalsSealer } from './sealing';
import type { HubChannel, HubStore, WebhookIntakeStore } from './store';
import { batchAdmission, type EdgeFloodGate } from './flood';
import type { HubChannelSetup } from './store/channel-setup';
import { applyWatermarks } from './store/watermarks';
import { HubHandover, type HandoverRequest } from './store/handover';
import { relayTargets } from './store/relay-queue';

export type HubLog = (line: { level: 'info' | 'warn' | 'error'; event: string; channelId?: string; detail?: string }) => void;

/**
 * Flood control for what the hub's pollers fetch: the webhooks' gate (`EdgeFloodGate`, the team's shared buckets) and
 * intake (`WebhookIntakeStore.acceptPolled`). `held` counts what it held, for health and metrics.
 */
export interface PolledFlood {
  intake: Pick<WebhookIntakeStore, 'acceptPolled'>;
  gate: EdgeFloodGate;
  /** `collapsed`: how many of the `n` held were near-duplicates. */
  held: (channelId: string, n: number, collapsed: number) => void;
}

/**
 * The store as the connectors' runtime sees it: messages are masked and sealed on the way in, opened on the way out.
 * With `flood`, a polled batch passes the shared buckets in its ingest transaction, except from channels in
 * `unguarded` (a desk's relay queue: the team hub that relays it held its flood already).
 */
export function hubSink(store: HubStore, sealer: OriginalsSealer, flood?: PolledFlood & { now: () => number }, unguarded: ReadonlySet<string> = new Set()): RuntimeSink {
  return {
    ingest: async (channelId, messages, cursor) => {
      if (!flood || unguarded.has(channelId)) return store.ingest(channelId, messages.map((m) => sealer.prepare(m)), cursor);
      const r = await flood.intake.acceptPolled(
        channelId,
        messages.map((m) => ({ inbound: m, prepared: sealer.prepare(m) })),
        cursor,
        batchAdmission(flood.gate, channelId, flood.now),
        (m) => sealer.sealHeld(channelId, m),
      );
      if (r.quarantined) flood.held(channelId, r.quarantined, r.collapsed ?? 0);
      return r;
    },
    cursor: (channelId) => store.channelCursor(channelId),
  };
}

export function hubOutbox(store: HubStore, sealer: OriginalsSealer): RuntimeOutbox {
  return {
    async claim(channelId, now): Promise<OutboundItem | null> {
      const c = await store.claimOutbox(channelId, now);
      if (!c) return null;
      return {
        outboxId: String(c.outboxId),
        messageId: String(c.messageId),
        channelId,
        platformConversationId: c.platformConversationId,
        text: c.sealedText ? sealer.openOutbox(c.messageId, c.sealedText) : '',
        attempts: c.attempts,
        ...(c.options ? { options: c.options } : {}),
      };
    },
    markSent: (id, platformMessageId) => store.markOutbox(Number(id), 'sent', null, { platformMessageId }),
    markFailed: (id, reason, retry) => store.markOutbox(Number(id), retry ? 'queued' : 'failed', reason, retry ? { notBefore: retry.notBefore } : {}),
    markUnknown: (id, reason) => store.markOutbox(Number(id), 'unknown', reason),
    markDelivery: (channelId, platformMessageId, state, reason) => store.markDelivery(channelId, platformMessageId, state, reason),
    markDeliveryUpTo: (channelId, platformConversationId, state, upTo) => store.q.tx((t) => applyWatermarks(store, t, channelId, [{ platformConversationId, state, upTo }])).then(() => {}),
  };
}

export function channelConfigOf(c: HubChannel): ChannelConfig {
  const cfg = c.config as Partial<ChannelConfig>;
  return {
    id: c.id,
    kind: c.kind as ChannelKind,
    ...(cfg.baseUrl ? { baseUrl: cfg.baseUrl } : {}),
    ...(cfg.pollIntervalMs !== undefined ? { pollIntervalMs: cfg.pollIntervalMs } : {}),
    ...(cfg.rateLimit ? { rateLimit: cfg.rateLimit } : {}),
    ...(cfg.settings ? { settings: cfg.settings } : {}),
  };
}

/**
 * Runs the team's channels on this node: every `retryMs` it tries to take the lease of each enabled channel it does
 * not run, and runs the ones it holds. Replies a dead node left mid-send become `unknown` before the new holder starts.
 * When the lease connection breaks, every channel stops at once (another node may already hold them). With `setup`,
 * a channel it runs restarts when an administrator changed it (its revision moved on), stops (and its lease is let
 * go) when disabled or removed, and its health is reported for the consoles whenever its state changes.
 */
export class HubChannels {
  private runtime: ConnectorRuntime;
  private readonly running = new Set<string>();
  /** Running channels that read a desk's relay queue (`settings.via: "relay"`), not the platform. */
  private readonly relayed = new Set<string>();
  /** The revision each running channel was started with. */
  private readonly revisionOf = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private ticking: Promise<void> | null = null;
  private readonly handover: HubHandover;
  private serving: Promise<void> | null = null;
  private serveAgain = false;
  /** Set while the channels stop after the lease connection broke: nothing is taken again until they have. */
  private dropping: Promise<void> | null = null;

  constructor(
    private readonly o: {
      store: HubStore;
      leases: ChannelLeases;
      sealer: OriginalsSealer;
      /** The channels' credentials: the hub's secret store, looked up by the channel's id. */
      vault: Vault;
      clock: Clock;
      log: HubLog;
      retryMs: number;
      runtime?: Partial<RuntimeOptions>;
      setup?: Pick<HubChannelSetup, 'revisions' | 'reportHealth'>;
      nodeId?: string;
      /** The connectors this node may run (the embedded hub adds the demo channel); the hub's own by default. */
      registry?: ConnectorRegistry;
      /** How long one handover call to the platform may take (30 s by default). */
      handoverTimeoutMs?: number;
      /** Flood control for polled channels (the node's); without it, polled messages are ingested as fetched. */
      flood?: PolledFlood;
    },
  ) {
    this.handover = new HubHandover(o.store);
    this.runtime = this.newRuntime();
    o.leases.onLost(() => void (this.dropping ??= detached(() => this.dropAll(), (e) => this.failed('channel.drop_failed', e)).finally(() => (this.dropping = null))));
  }

  private newRuntime(): ConnectorRuntime {
    const rt = new ConnectorRuntime({
      ...this.o.runtime,
      sink: hubSink(this.o.store, this.o.sealer, this.o.flood && { ...this.o.flood, now: () => this.o.clock.now() }, this.relayed),
      outbox: hubOutbox(this.o.store, this.o.sealer),
      vault: this.o.vault,
      registry: this.o.registry ?? hubRegistry,
      clock: this.o.clock,
      log: (l) => this.o.log({ level: l.level, event: `channel.${l.event}`, channelId: l.channelId, detail: l.detail }),
    });
    rt.start();
    return rt;
  }

  held(): string[] {
    return [...this.running];
  }

  start(): void {
    const loop = () => {
      if (this.stopped) return;
      this.ticking = detached(() => this.tick(), (e) => this.failed('channel.tick_failed', e)).finally(() => {
        this.ticking = null;
        if (!this.stopped) this.timer = setTimeout(loop, this.o.retryMs);
      });
    };
    loop();
  }

  /**
   * One reply a relayed device sent (`routes/relay.ts`), through a short-lived connector with the channel's credentials
   * held at the hub: sending is one platform call, so any node can make it; the relay queue makes it happen once.
   */
  async sendThrough(channelId: string, item: OutboundItem, signal: AbortSignal): Promise<SendResult> {
    const c = (await this.o.store.channels()).find((x) => x.id === channelId && x.enabled);
    if (!c) throw new DiwanError('channel_unknown', 'This channel is switched off at the hub; ask an administrator.');
    const connector = this.transient(c, channelId);
    try {
      await connector.start(signal);
      return await connector.send(item, signal);
    } finally {
      await connector.stop().catch(() => {});
    }
  }

  private transient(c: HubChannel, channelId: string) {
    return (this.o.registry ?? hubRegistry)[c.kind as ChannelKind]({
      config: channelConfigOf(c),
      vault: this.o.vault,
      clock: this.o.clock,
      sleep: realSleep,
      jitter: Math.random,
      log: (l) => this.o.log({ level: l.level, event: `channel.${l.event}`, channelId, detail: l.detail }),
    });
  }

  /**
   * A customer's file, through the node's running connector when this node holds the channel; otherwise through a
   * short-lived connector with the same credentials that only fetches (it never polls or sends, which the lease
   * guards), so any node can answer the console.
   */
  async fetchAttachment(channelId: string, ref: string, signal: AbortSignal): Promise<AttachmentContent> {
    if (this.running.has(channelId)) return this.runtime.fetchAttachment(channelId, ref, signal);
    const c = (await this.o.store.channels()).find((x) => x.id === channelId && x.enabled);
    if (!c) throw new DiwanError('channel_unknown', 'The channel this file came through is switched off at the hub; ask an administrator.');
    const connector = this.transient(c, channelId);
    try {
      await connector.start(signal);
      return await fetchThrough(connector, ref, signal);
    } finally {
      await connector.stop().catch(() => {});
    }
  }

  /**
   * Handover requests (take / pass / request thread control, `store/handover.ts`) for the channels this node runs:
   * claimed, then each called through the running connector, one at a time, and its outcome written. Asked for when a
   * request is written (through any node: a NOTIFY) and on every tick, in case a notice was lost. Concurrent asks
   * coalesce into one more pass.
   */
  serveHandover(): Promise<void> {
    if (this.serving) {
      this.serveAgain = true;
      return this.serving;
    }
    this.serving = (async () => {
      do {
        this.serveAgain = false;
        let mine: HandoverRequest[];
        try {
          mine = await this.handover.claim([...this.running]);
        } catch {
          return; // the database is out of reach; the next tick asks again
        }
        for (const r of mine) await this.callHandover(r);
      } while (this.serveAgain && !this.stopped);
    })().finally(() => {
      this.serving = null;
    });
    return this.serving;
  }

  private async callHandover(r: HandoverRequest): Promise<void> {
    let outcome: { done: true } | { code: string; reason: string };
    try {
      await this.runtime.threadControl(r.channelId, r.action, r.platformConversationId, AbortSignal.timeout(this.o.handoverTimeoutMs ?? 30_000));
      outcome = { done: true };
    } catch (e) {
      // Connector and runtime refusals are sentences written for the agent (never a token); anything else is not shown.
      outcome = e instanceof DiwanError ? { code: e.code, reason: e.message } : { code: 'error', reason: 'The platform call failed; try again in a moment.' };
    }
    try {
      await this.handover.finish(r.id, outcome, this.o.nodeId ?? 'hub');
    } catch (e) {
      this.o.log({ level: 'warn', event: 'channel.handover_unrecorded', channelId: r.channelId, detail: (e as Error).message });
    }
  }

  /**
   * An administrator's Test: the channel's one read-only call with the credentials in the hub's secret store, through a
   * connector apart from the running one (`checkChannelCredentials`), so any node can answer.
   */
  async checkCredentials(c: HubChannel): Promise<ChannelCheck> {
    return checkChannelCredentials({ vault: this.o.vault, clock: this.o.clock, registry: this.o.registry ?? hubRegistry }, channelConfigOf(c));
  }

  /** Wakes the outbox of a channel this node runs (a reply was just queued). */
  wake(channelId: string): void {
    if (this.running.has(channelId)) this.runtime.notifyOutbox(channelId);
  }

  private async tick(): Promise<void> {
    // A reply whose outcome the stopping runtime is still writing must not be made `unknown` under it.
    await this.dropping;
    let channels: HubChannel[];
    let revisions: Map<string, number>;
    try {
      // A channel relayed to desks (`settings.relayTo`) is not run here: its messages go to the desks, never into the
      // hub's conversations (a polling connector would ingest them); its replies leave through `sendThrough`.
      channels = (await this.o.store.channels()).filter((c) => c.enabled && !relayTargets(c.config).length);
      revisions = (await this.o.setup?.revisions()) ?? new Map();
    } catch {
      return; // the database is out of reach; health says so, and the next tick tries again
    }
    await this.follow(channels, revisions);
    void this.serveHandover();
    for (const c of channels) {
      if (this.running.has(c.id) || this.stopped) continue;
      let got: boolean;
      try {
        got = await this.o.leases.tryAcquire(c.id);
      } catch (e) {
        this.o.log({ level: 'warn', event: 'lease.unavailable', channelId: c.id, detail: (e as Error).message });
        return;
      }
      if (!got) continue;
      try {
        const interrupted = await this.o.store.recoverInterrupted(c.id);
        if (interrupted) this.o.log({ level: 'warn', event: 'channel.interrupted_replies', channelId: c.id, detail: `${interrupted} reply(ies) now unknown` });
        const handovers = await this.handover.recoverInterrupted(c.id, 'The hub node handing this conversation over stopped; check who owns the thread at Meta before asking again.');
        if (handovers) this.o.log({ level: 'warn', event: 'channel.interrupted_handovers', channelId: c.id, detail: `${handovers} handover(s) now unknown` });
        this.running.add(c.id);
        this.revisionOf.set(c.id, revisions.get(c.id) ?? 0);
        this.add(c);
        this.o.log({ level: 'info', event: 'lease.acquired', channelId: c.id });
      } catch (e) {
        this.running.delete(c.id);
        await this.o.leases.release(c.id);
        this.o.log({ level: 'error', event: 'channel.start_failed', channelId: c.id, detail: (e as Error).message });
        // A refusal with a sentence (a relay channel while the policy names no relay) is the channel's health, for
        // the administrator; the next tick tries again.
        if (e instanceof DiwanError) {
          await this.o.setup?.reportHealth(c.id, { state: 'down', detail: e.message, checkedAt: this.o.clock.now() }, this.o.nodeId ?? 'hub').catch(() => {});
        }
      }
    }
  }

  private add(c: HubChannel): void {
    if (c.config.settings && (c.config.settings as { via?: unknown }).via === 'relay') this.relayed.add(c.id);
    else this.relayed.delete(c.id);
    this.runtime.add(channelConfigOf(c));
  }

  /** Restarts the channels an administrator changed, stops the ones disabled, and reports health changes. */
  private async follow(enabled: HubChannel[], revisions: Map<string, number>): Promise<void> {
    if (!this.o.setup) return;
    const byId = new Map(enabled.map((c) => [c.id, c]));
    for (const id of [...this.running]) {
      const c = byId.get(id);
      if (c && (revisions.get(id) ?? 0) === this.revisionOf.get(id)) continue;
      await this.runtime.remove(id);
      if (!c) {
        this.running.delete(id);
        this.revisionOf.delete(id);
        await this.o.leases.release(id);
        this.o.log({ level: 'info', event: 'channel.stopped', channelId: id, detail: 'disabled' });
        continue;
      }
      // Stopped, and this node still holds the lease: a reply left mid-send (its outcome never written) is settled now.
      await this.o.store.recoverInterrupted(id);
      this.revisionOf.set(id, revisions.get(id) ?? 0);
      this.add(c);
      this.o.log({ level: 'info', event: 'channel.restarted', channelId: id, detail: 'changed by an administrator' });
    }
    for (const h of this.runtime.health()) {
      if (!this.running.has(h.channelId)) continue;
      const { channelId: _id, ...view } = channelHealthView(h);
      await this.o.setup.reportHealth(h.channelId, view, this.o.nodeId ?? 'hub').catch((e: unknown) => {
        this.o.log({ level: 'warn', event: 'channel.health_unreported', channelId: h.channelId, detail: (e as Error).message });
      });
    }
  }

  /** A step of the node's own loop that threw: logged by name, and the next tick tries again. */
  private failed(event: string, e: unknown): void {
    this.o.log({ level: 'error', event, detail: `The node's channel upkeep failed (${failureName(e)}); it tries again at the next tick.` });
  }

  private async dropAll(): Promise<void> {
    this.revisionOf.clear();
    this.running.clear();
    try {
      await this.runtime.stop();
    } finally {
      this.runtime = this.newRuntime();
    }
  }

  /** Stops the channels, then lets go of their leases so another node takes them at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
    await this.runtime.stop();
    await this.serving;
    for (const id of this.running) await this.o.leases.release(id);
    this.running.clear();
  }
}
