import type { DeliveryReceipt } from '../../core/connectors';
import type { InboundMessage } from '../../core/shared/messages';
import { DiwanError } from '../../core/shared/errors';
import type { SqlExecutor } from './executor';
import type { HubStore } from './hub-store';

/** How often a desk's "last collected" time is written at most. */
const COLLECTED_EVERY_MS = 60_000;

/** One inbound event for a device, as protocol v1 carries it (`relay-client/protocol.ts` `relayEvent` without its seq). */
export type RelayPayload = { kind: 'message'; message: InboundMessage } | { kind: 'receipt'; receipt: DeliveryReceipt };

/** Seals and opens a queued event under the hub's outbox-key, bound to its channel, device and identity. */
export interface RelaySeal {
  seal(channelId: string, device: string, dedup: string, payload: string): Buffer;
  open(channelId: string, device: string, dedup: string, blob: Buffer): string;
}

export interface RelayReplyRow {
  outboxId: string;
  state: 'sending' | 'sent' | 'failed' | 'unknown';
  platformMessageId?: string;
  at?: number;
  reason?: string;
}

/** A channel's devices when the hub relays it (`settings.relayTo`: enrolled device fingerprints), else none. */
export function relayTargets(config: Record<string, unknown>): string[] {
  const to = (config.settings as { relayTo?: unknown } | undefined)?.relayTo;
  return Array.isArray(to) ? to.filter((f): f is string => typeof f === 'string' && /^[0-9a-f]{64}$/.test(f)) : [];
}

/**
 * IT's `relayTo` setting checked before it is saved: fingerprints as Diwan shows them (colons, spaces and capitals are
 * fine), each enrolled at this hub and not revoked; returns the setting normalised. Refuses with a sentence otherwise.
 */
export async function checkRelayTo(store: Pick<HubStore, 'device'>, value: unknown, channelId: string): Promise<string[]> {
  if (!Array.isArray(value) || value.length === 0 || value.length > 64) {
    throw new DiwanError('hub_usage', `The channel "${channelId}": relayTo is a list of 1 to 64 device fingerprints, e.g. {"relayTo":["<fingerprint>"]}.`);
  }
  const out: string[] = [];
  for (const v of value) {
    const fp = typeof v === 'string' ? v.replace(/[^0-9a-fA-F]/g, '').toLowerCase() : '';
    if (!/^[0-9a-f]{64}$/.test(fp)) throw new DiwanError('hub_usage', `The channel "${channelId}": ${JSON.stringify(v).slice(0, 80)} in relayTo is not a device fingerprint (64 hexadecimal digits).`);
    const d = await store.device(fp);
    if (!d || d.revoked) throw new DiwanError('hub_usage', `The channel "${channelId}": device ${fp} in relayTo is not enrolled at this hub. Enrol it first (diwan hub device enrol).`);
    if (!out.includes(fp)) out.push(fp);
  }
  return out;
}

/** Events waiting at the hub per relayed channel and device (counts only: `diwan hub status`). */
export async function relayBacklog(store: Pick<HubStore, 'q'>): Promise<Array<{ channelId: string; device: string; events: number }>> {
  const rows = await store.q.all<{ channel_id: string; device: string; n: number | string }>('SELECT channel_id, device, COUNT(*) AS n FROM relay_events GROUP BY channel_id, device ORDER BY channel_id, device');
  return rows.map((r) => ({ channelId: r.channel_id, device: r.device, events: Number(r.n) }));
}

/** One desk of a relayed channel as IT sees it: what waits for it, since when, and when it last asked. Times in ms. */
export interface RelayDeskState {
  device: string;
  /** IT's label of the enrolled device, or null when the fingerprint is not enrolled (or was revoked). */
  label: string | null;
  revoked: boolean;
  waiting: number;
  oldestAt: number | null;
  collectedAt: number | null;
  /** Events the age limit erased unread for this desk, and when it last did. */
  expired: number;
  expiredAt: number | null;
}

export interface RelayChannelState {
  channelId: string;
  enabled: boolean;
  lastWebhookAt: number | null;
  desks: RelayDeskState[];
}

/**
 * Every relayed channel with its desks (`relayTo`) and the queue's figures, read from the database so every node and
 * `diwan hub status` say the same. Counts and times only.
 */
export async function relayStates(store: Pick<HubStore, 'q' | 'channels'>): Promise<RelayChannelState[]> {
  const relayed = (await store.channels()).map((c) => ({ c, to: relayTargets(c.config) })).filter((x) => x.to.length);
  if (!relayed.length) return [];
  const [waiting, desks, hooks, devices] = await Promise.all([
    store.q.all<{ channel_id: string; device: string; n: number | string; oldest: number | string }>('SELECT channel_id, device, COUNT(*) AS n, MIN(created_at) AS oldest FROM relay_events GROUP BY channel_id, device'),
    store.q.all<{ channel_id: string; device: string; collected_at: number | string | null; expired: number | string; expired_at: number | string | null }>('SELECT channel_id, device, collected_at, expired, expired_at FROM relay_desks'),
    store.q.all<{ channel_id: string; last_webhook_at: number | string }>('SELECT channel_id, last_webhook_at FROM relay_channels'),
    store.q.all<{ fingerprint: string; label: string; revoked: number }>('SELECT fingerprint, label, revoked FROM devices'),
  ]);
  const key = (c: string, d: string) => `${c}\n${d}`;
  const w = new Map(waiting.map((r) => [key(r.channel_id, r.device), r]));
  const k = new Map(desks.map((r) => [key(r.channel_id, r.device), r]));
  const h = new Map(hooks.map((r) => [r.channel_id, Number(r.last_webhook_at)]));
  const dv = new Map(devices.map((r) => [r.fingerprint, r]));
  const num = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return relayed.map(({ c, to }) => ({
    channelId: c.id,
    enabled: c.enabled,
    lastWebhookAt: h.get(c.id) ?? null,
    desks: to.map((device) => {
      const q = w.get(key(c.id, device));
      const d = k.get(key(c.id, device));
      const enrolled = dv.get(device);
      return {
        device,
        label: enrolled && !enrolled.revoked ? enrolled.label : null,
        revoked: Boolean(enrolled?.revoked),
        waiting: Number(q?.n ?? 0),
        oldestAt: num(q?.oldest),
        collectedAt: num(d?.collected_at),
        expired: Number(d?.expired ?? 0),
        expiredAt: num(d?.expired_at),
      };
    }),
  }));
}

/** What makes two deliveries of the same event the same (a webhook redelivered, a receipt repeated). */
export function dedupOf(p: RelayPayload): string {
  return p.kind === 'message' ? `m:${p.message.platformMessageId}` : `r:${p.receipt.platformMessageId}:${p.receipt.state}`;
}

/**
 * The hub's queue for the console ⇄ relay protocol v1: inbound events of a relayed channel wait here, sealed, per
 * device, until that device acknowledges them (its `after` cursor), then they are erased; the hub never ingests them.
 * Sessions of the protocol and the devices' replies (idempotent by outbox id) live here too. Works on both adapters.
 */
export class HubRelayQueue {
  constructor(
    private readonly store: HubStore,
    private readonly sealer: RelaySeal,
  ) {}

  /**
   * Queues events for each device inside `t` (the webhook's transaction); a redelivered event is queued once per
   * device while it waits. Returns how many were new. The audit entry counts them, without their content.
   */
  async enqueueIn(t: SqlExecutor, channelId: string, devices: readonly string[], events: readonly RelayPayload[]): Promise<number> {
    let queued = 0;
    const now = this.store.now();
    for (const device of devices) {
      for (const e of events) {
        const dedup = dedupOf(e);
        const rows = await t.all<{ seq: number }>(
          'INSERT INTO relay_events (channel_id, device, dedup, sealed, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel_id, device, dedup) DO NOTHING RETURNING seq',
          [channelId, device, dedup, this.sealer.seal(channelId, device, dedup, JSON.stringify(e)), now],
        );
        queued += rows.length;
      }
    }
    if (queued) {
      await this.store.appendAudit(t, { actor: 'system', device: null, action: 'relay.queued', target: `channel:${channelId}`, details: { events: queued, devices: devices.length } });
    }
    return queued;
  }

  /**
   * The device's events after its cursor (at most `limit`), having erased the ones up to it: the cursor is the
   * acknowledgement, so an event stays until the device has stored it, across reconnects and hub restarts.
   */
  async take(channelId: string, device: string, after: number, limit: number, o: { noteCollected?: boolean } = {}): Promise<{ events: Array<RelayPayload & { seq: number }>; more: boolean }> {
    // A long poll looks again every second; its first look is the desk's visit.
    if (o.noteCollected ?? true) await this.noteCollected(channelId, device);
    if (after > 0) {
      await this.store.q.tx(async (t) => {
        const gone = await t.all<{ seq: number }>('DELETE FROM relay_events WHERE channel_id = ? AND device = ? AND seq <= ? RETURNING seq', [channelId, device, after]);
        if (gone.length) {
          await this.store.appendAudit(t, { actor: `device:${device}`, device, action: 'relay.acknowledged', target: `channel:${channelId}`, details: { events: gone.length, upTo: after } });
        }
      });
    }
    const rows = await this.store.q.all<{ seq: number | string; dedup: string; sealed: Buffer }>(
      'SELECT seq, dedup, sealed FROM relay_events WHERE channel_id = ? AND device = ? AND seq > ? ORDER BY seq LIMIT ?',
      [channelId, device, after, limit + 1],
    );
    const events = rows.slice(0, limit).map((r) => ({ seq: Number(r.seq), ...(JSON.parse(this.sealer.open(channelId, device, r.dedup, Buffer.from(r.sealed))) as RelayPayload) }));
    return { events, more: rows.length > limit };
  }

  /**
   * When the desk last asked for its events, for health. Written at most once a minute per desk (the conditional
   * update), so a long poll every few seconds costs one write a minute.
   */
  private async noteCollected(channelId: string, device: string): Promise<void> {
    const now = this.store.now();
    await this.store.q.run(
      'INSERT INTO relay_desks (channel_id, device, collected_at) VALUES (?, ?, ?) ON CONFLICT (channel_id, device) DO UPDATE SET collected_at = excluded.collected_at WHERE relay_desks.collected_at IS NULL OR relay_desks.collected_at < ?',
      [channelId, device, now, now - COLLECTED_EVERY_MS],
    );
  }

  /**
   * Erases events that waited past the age limit (`createdBefore`), in transactions of at most `batch` rows, each with
   * one `relay.expired` audit entry per channel and desk counting them (never their content), and the count kept for
   * the desk's health. Safe on every node at once: a row is erased, and counted, by one DELETE only.
   */
  async expire(createdBefore: number, batch = 2_000): Promise<Array<{ channelId: string; device: string; events: number }>> {
    const total = new Map<string, { channelId: string; device: string; events: number }>();
    for (;;) {
      const gone = await this.store.q.tx(async (t) => {
        const rows = await t.all<{ channel_id: string; device: string }>(
          'DELETE FROM relay_events WHERE seq IN (SELECT seq FROM relay_events WHERE created_at < ? ORDER BY seq LIMIT ?) RETURNING channel_id, device',
          [createdBefore, batch],
        );
        const per = new Map<string, { channelId: string; device: string; events: number }>();
        for (const r of rows) {
          const k = `${r.channel_id}\n${r.device}`;
          const e = per.get(k) ?? { channelId: r.channel_id, device: r.device, events: 0 };
          e.events++;
          per.set(k, e);
        }
        const now = this.store.now();
        for (const e of per.values()) {
          await t.run(
            'INSERT INTO relay_desks (channel_id, device, expired, expired_at) VALUES (?, ?, ?, ?) ON CONFLICT (channel_id, device) DO UPDATE SET expired = relay_desks.expired + excluded.expired, expired_at = excluded.expired_at',
            [e.channelId, e.device, e.events, now],
          );
          await this.store.appendAudit(t, { actor: 'system', device: null, action: 'relay.expired', target: `channel:${e.channelId}`, details: { device: e.device, events: e.events, createdBefore } });
        }
        return { rows: rows.length, per: [...per.values()] };
      });
      for (const e of gone.per) {
        const k = `${e.channelId}\n${e.device}`;
        const sum = total.get(k) ?? { ...e, events: 0 };
        sum.events += e.events;
        total.set(k, sum);
      }
      if (gone.rows < batch) return [...total.values()];
    }
  }

  /** Events waiting per channel and device (counts only, for IT). */
  waiting(): Promise<Array<{ channelId: string; device: string; events: number }>> {
    return relayBacklog(this.store);
  }

  async openSession(tokenHash: string, fingerprint: string, expiresAt: number): Promise<void> {
    await this.store.q.tx(async (t) => {
      await t.run('DELETE FROM relay_sessions WHERE expires_at <= ?', [this.store.now()]);
      await t.run('INSERT INTO relay_sessions (token_hash, fingerprint, expires_at) VALUES (?, ?, ?)', [tokenHash, fingerprint, expiresAt]);
      await this.store.appendAudit(t, { actor: `device:${fingerprint}`, device: fingerprint, action: 'relay.signed_in' });
    });
  }

  /** The device behind a live session, if it is still enrolled. */
  async sessionDevice(tokenHash: string): Promise<string | null> {
    const r = await this.store.q.get<{ fingerprint: string; expires_at: number | string }>('SELECT fingerprint, expires_at FROM relay_sessions WHERE token_hash = ?', [tokenHash]);
    if (!r || Number(r.expires_at) <= this.store.now()) return null;
    const d = await this.store.device(r.fingerprint);
    return d && !d.revoked ? r.fingerprint : null;
  }

  /**
   * Claims a reply for sending: true when this call recorded it (the caller sends it, once); false when it was known
   * already (the caller answers with `reply`). The claim is audited, without the text.
   */
  async claimReply(channelId: string, outboxId: string, device: string): Promise<boolean> {
    return this.store.q.tx(async (t) => {
      const rows = await t.all<{ outbox_id: string }>(
        "INSERT INTO relay_replies (channel_id, outbox_id, device, state, created_at) VALUES (?, ?, ?, 'sending', ?) ON CONFLICT (channel_id, outbox_id) DO NOTHING RETURNING outbox_id",
        [channelId, outboxId, device, this.store.now()],
      );
      if (rows.length) await this.store.appendAudit(t, { actor: `device:${device}`, device, action: 'relay.reply.sending', target: `channel:${channelId}`, details: { outboxId } });
      return rows.length > 0;
    });
  }

  /** Gives a claim back when the reply certainly did not leave (the platform was unreachable), so a later try sends it. */
  async releaseReply(channelId: string, outboxId: string, device: string): Promise<void> {
    await this.store.q.tx(async (t) => {
      await t.run("DELETE FROM relay_replies WHERE channel_id = ? AND outbox_id = ? AND device = ? AND state = 'sending'", [channelId, outboxId, device]);
      await this.store.appendAudit(t, { actor: `device:${device}`, device, action: 'relay.reply.not_sent', target: `channel:${channelId}`, details: { outboxId } });
    });
  }

  async settleReply(channelId: string, r: RelayReplyRow, device: string): Promise<void> {
    await this.store.q.tx(async (t) => {
      await t.run('UPDATE relay_replies SET state = ?, platform_message_id = ?, at = ?, reason = ? WHERE channel_id = ? AND outbox_id = ?', [
        r.state,
        r.platformMessageId ?? null,
        r.at ?? null,
        r.reason ?? null,
        channelId,
        r.outboxId,
      ]);
      await this.store.appendAudit(t, { actor: `device:${device}`, device, action: `relay.reply.${r.state}`, target: `channel:${channelId}`, details: { outboxId: r.outboxId } });
    });
  }

  /** A reply as the device may see it: only the device that sent it. */
  async reply(channelId: string, outboxId: string, device: string): Promise<(RelayReplyRow & { createdAt: number }) | null> {
    const r = await this.store.q.get<{ device: string; state: RelayReplyRow['state']; platform_message_id: string | null; at: number | string | null; reason: string | null; created_at: number | string }>(
      'SELECT device, state, platform_message_id, at, reason, created_at FROM relay_replies WHERE channel_id = ? AND outbox_id = ?',
      [channelId, outboxId],
    );
    if (!r || r.device !== device) return null;
    return {
      outboxId,
      state: r.state,
      createdAt: Number(r.created_at),
      ...(r.platform_message_id ? { platformMessageId: r.platform_message_id } : {}),
      ...(r.at !== null ? { at: Number(r.at) } : {}),
      ...(r.reason ? { reason: r.reason } : {}),
    };
  }
}
