import type { DeliveryReceipt, WatermarkReceipt } from '../../core/connectors';
import { applyWatermarks } from './watermarks';
import type { InboundMessage } from '../../core/shared/messages';
import type { BatchVerdicts, FloodHold } from '../flood';
import { copiesEvents, heldCopiesOf } from './held-copies';
import type { SqlExecutor } from './executor';
import type { HubStore } from './hub-store';
import type { EventInput, HubChannel, PreparedMessage } from './types';
import type { IngestResult } from './ingest';
import { dedupOf, type HubRelayQueue, type RelayPayload } from './relay-queue';

/** One checked webhook delivery, ready to store: every message masked and sealed, plus the receipts it carried. */
export interface WebhookDelivery {
  messages: Array<{ inbound: InboundMessage; prepared: PreparedMessage }>;
  deliveries: DeliveryReceipt[];
  /** Messenger's and Instagram's "read / delivered up to" marks (`store/watermarks.ts`). */
  watermarks?: WatermarkReceipt[];
}

export interface WebhookJob {
  channelId: string;
  delivery: WebhookDelivery;
  /**
   * Flood control for a delivery's new inbound messages, all at once (`EdgeFloodGate.admitBatch`), one verdict each in
   * order: true stores the message; otherwise why it is held (`false`: a reason flood control did not name).
   */
  admit: (messages: readonly InboundMessage[], t: SqlExecutor) => Promise<ReadonlyArray<boolean | FloodHold> & Pick<BatchVerdicts, 'copyOf'>>;
  seal: (m: InboundMessage) => Buffer;
}

export interface WebhookOutcome {
  inserted: number;
  duplicates: number;
  quarantined: number;
  /** Of the quarantined, copies of a campaign's text (near-duplicate collapse); present when there were some. */
  collapsed?: number;
}

/**
 * The store side of webhook intake, shared by every hub node. A delivery is written in one transaction: new messages
 * (idempotent by channel and platform id, exactly like polled ones), the ones flood control holds back (sealed, in
 * `webhook_quarantine`, with an audit entry), and the delivery receipts. The transaction takes the event lock first,
 * so the same delivery accepted by two nodes at once is stored once: the second sees the first's rows.
 */
export class WebhookIntakeStore {
  constructor(
    private readonly store: HubStore,
    private readonly now: () => number,
  ) {}

  async channel(id: string): Promise<HubChannel | null> {
    const r = await this.store.q.get<{ id: string; kind: string; name: string; config: string; enabled: number }>('SELECT id, kind, name, config, enabled FROM channels WHERE id = ?', [id]);
    return r ? { id: r.id, kind: r.kind, name: r.name, config: JSON.parse(r.config) as Record<string, unknown>, enabled: Boolean(r.enabled) } : null;
  }

  /**
   * `admit(messages)` is flood control: asked once, for the inbound messages not stored or held before, inside the
   * transaction; false holds a message back (`seal` turns it into the quarantined blob).
   */
  async accept(channelId: string, d: WebhookDelivery, admit: WebhookJob['admit'], seal: (m: InboundMessage) => Buffer): Promise<WebhookOutcome> {
    const [r] = await this.acceptMany([{ channelId, delivery: d, admit, seal }]);
    if (!r!.ok) throw r!.error;
    return r!.value;
  }

  /**
   * Group commit: several deliveries (the ones a node received while the previous commit ran) in one transaction,
   * each in its own savepoint so a failing one is rolled back alone and reported as failed, the others stored.
   * One commit and one wait for the event lock then serve them all. If the commit itself fails, every one fails.
   */
  async acceptMany(jobs: readonly WebhookJob[]): Promise<Array<{ ok: true; value: WebhookOutcome } | { ok: false; error: unknown }>> {
    return this.store.q.tx(async (t) => {
      await t.serializeEvents();
      const results: Array<{ ok: true; value: WebhookOutcome } | { ok: false; error: unknown }> = [];
      const heldIn = new Map<string, number>();
      for (const [i, job] of jobs.entries()) {
        if (jobs.length > 1) await t.run(`SAVEPOINT webhook_${i}`);
        try {
          const { outcome: value } = await this.acceptIn(t, job);
          if (jobs.length > 1) await t.run(`RELEASE SAVEPOINT webhook_${i}`);
          results.push({ ok: true, value });
          if (value.quarantined) heldIn.set(job.channelId, (heldIn.get(job.channelId) ?? 0) + value.quarantined);
        } catch (error) {
          if (jobs.length === 1) throw error;
          await t.run(`ROLLBACK TO SAVEPOINT webhook_${i}`);
          await t.run(`RELEASE SAVEPOINT webhook_${i}`);
          results.push({ ok: false, error });
        }
      }
      // One event per channel and commit, not per delivery: a flood's group commits stay small.
      await this.store.emitMany(t, [...heldIn].flatMap(([channelId, added]) => heldEvents(channelId, added)));
      return results;
    });
  }

  /**
   * A batch one of the hub's own pollers fetched (Telegram, e-mail, polled Messenger/Instagram/X): the webhook's
   * gate, quarantine and audit (`polled: true`), and the poller's `cursor` saved in the same transaction, so the
   * cursor moves on only with its messages stored or held; a batch fetched again after a crash is all duplicates.
   */
  async acceptPolled(
    channelId: string,
    messages: WebhookDelivery['messages'],
    cursor: string | null | undefined,
    admit: WebhookJob['admit'],
    seal: WebhookJob['seal'],
  ): Promise<IngestResult & { quarantined: number; collapsed?: number }> {
    return this.store.q.tx(async (t) => {
      await t.serializeEvents();
      const { outcome, stored } = await this.acceptIn(t, { channelId, delivery: { messages, deliveries: [] }, admit, seal }, { cursor });
      return { ...stored, duplicates: outcome.duplicates, quarantined: outcome.quarantined, ...collapsedOf(outcome.collapsed ?? 0) };
    });
  }

  private async acceptIn(
    t: SqlExecutor,
    { channelId, delivery: d, admit, seal }: WebhookJob,
    polled?: { cursor: string | null | undefined },
  ): Promise<{ outcome: WebhookOutcome; stored: IngestResult }> {
    const admitted: PreparedMessage[] = [];
    let duplicates = 0;
    // One statement: which of the delivery's ids were stored or held before.
    const before = await knownIds(t, channelId, d.messages.map((m) => m.inbound.platformMessageId), 'messages');
    const fresh: WebhookDelivery['messages'] = [];
    for (const m of d.messages) {
      const id = m.inbound.platformMessageId;
      if (before.has(id)) duplicates++;
      else fresh.push(m);
      before.add(id);
    }
    const inbound = fresh.filter((m) => m.inbound.direction === 'in').map((m) => m.inbound);
    const { verdicts, copyOf } = await decide(admit, inbound, t);
    const held: InboundMessage[] = [];
    for (const m of fresh) {
      const verdict = verdicts.get(m.inbound) ?? true;
      if (verdict !== true) held.push(m.inbound);
      else admitted.push(m.prepared);
    }
    const cursor = polled?.cursor;
    // Stored before the held copies, so a copy finds the conversation its campaign's first copy opened in this batch.
    const stored = admitted.length || cursor !== undefined ? await this.store.ingest(channelId, admitted, cursor, t) : { inserted: 0, duplicates: 0, conversationIds: [] };
    const { rows: heldRows, copies } = await this.hold(t, channelId, held, verdicts, seal, copyOf);
    const quarantined = heldRows.length;
    const collapsed = held.filter((m) => verdicts.get(m) === 'duplicate').length;
    const copiedTo = heldRows.flatMap((r) => (r.conversationId === null ? [] : [r.conversationId]));
    for (const r of d.deliveries) await this.store.markDelivery(channelId, r.platformMessageId, r.state, r.reason, t);
    if (d.watermarks?.length) await applyWatermarks(this.store, t, channelId, d.watermarks);
    // What holding wrote besides its rows — the copies' counts on their conversations, a polled batch's
    // `quarantine.held` (a webhook commit's is per channel, `acceptMany`) and the audit entry — in one statement.
    await this.store.emitWithAudit(
      t,
      [...copiesEvents(channelId, copiedTo, copies ?? (await heldCopiesOf(t, copiedTo))), ...(polled && quarantined ? heldEvents(channelId, quarantined) : [])],
      quarantined
        ? {
            actor: 'system',
            device: null,
            // What a poller fetched was never a webhook: its own name (entries before 2026-12-05 say `webhook.quarantined`
            // with `polled: true`, and stay so in the hash-chained trail).
            action: polled ? 'guard.quarantine.held' : 'webhook.quarantined',
            target: `channel:${channelId}`,
            details: { messages: quarantined, reason: 'flood', ...collapsedOf(collapsed), ...(polled ? { polled: true } : {}) },
          }
        : null,
    );
    return { outcome: { inserted: stored.inserted, duplicates: duplicates + stored.duplicates, quarantined, ...collapsedOf(collapsed) }, stored };
  }

  /**
   * A delivery for a channel the hub relays to devices (`settings.relayTo`): flood control as for any webhook, then the
   * messages and receipts queued for each enrolled device, never ingested here. One transaction. What flood control
   * holds back waits in `webhook_quarantine` like a hub channel's (sealed whole, audited `webhook.quarantined`) until a
   * lead or administrator releases it into the desks' queue or discards it (`store/held-messages.ts`). A revoked
   * device in `relayTo` gets nothing. The channel's last webhook time is kept for its health.
   */
  async relay(
    channelId: string,
    queue: Pick<HubRelayQueue, 'enqueueIn'>,
    devices: readonly string[],
    messages: readonly InboundMessage[],
    receipts: readonly DeliveryReceipt[],
    admit: WebhookJob['admit'],
    seal: WebhookJob['seal'],
  ): Promise<{ queued: number; held: number; duplicates: number; collapsed?: number }> {
    return this.store.q.tx(async (t) => {
      // The event lock, as for a hub channel's delivery: the shared flood buckets are spent under it (two nodes never
      // spend one token), and a release of held messages (which takes it too) is wholly before or after this delivery.
      await t.serializeEvents();
      const events: RelayPayload[] = [];
      let duplicates = 0;
      // One statement each: which messages wait already for the desks, and which are held.
      const waiting = await knownIds(t, channelId, messages.map((m) => dedupOf({ kind: 'message', message: m })), 'relay_events');
      const heldBefore = await knownIds(t, channelId, messages.map((m) => m.platformMessageId), null);
      const fresh = messages.filter((m) => {
        // Waiting already (its queued row is skipped per device below) or held: a redelivery adds nothing.
        const known = waiting.has(dedupOf({ kind: 'message', message: m })) || heldBefore.has(m.platformMessageId);
        if (known) duplicates++;
        return !known;
      });
      const inbound = fresh.filter((m) => m.direction === 'in');
      const { verdicts, copyOf } = await decide(admit, inbound, t);
      const holding = fresh.filter((m) => (verdicts.get(m) ?? true) !== true);
      // A relayed channel's conversations are at the desks: its copies name their campaign's first copy, counted nowhere here.
      const held = (await this.hold(t, channelId, holding, verdicts, seal, copyOf)).rows.length;
      const collapsed = holding.filter((m) => verdicts.get(m) === 'duplicate').length;
      for (const m of fresh) if ((verdicts.get(m) ?? true) === true) events.push({ kind: 'message', message: m });
      for (const receipt of receipts) events.push({ kind: 'receipt', receipt });
      if (held) {
        await this.store.emitWithAudit(t, heldEvents(channelId, held), {
          actor: 'system',
          device: null,
          action: 'webhook.quarantined',
          target: `channel:${channelId}`,
          details: { messages: held, reason: 'flood', ...collapsedOf(collapsed), relayed: true },
        });
      }
      await t.run('INSERT INTO relay_channels (channel_id, last_webhook_at) VALUES (?, ?) ON CONFLICT (channel_id) DO UPDATE SET last_webhook_at = excluded.last_webhook_at', [channelId, this.now()]);
      const enrolled = await enrolledDevices(t, devices);
      return { queued: events.length && enrolled.length ? await queue.enqueueIn(t, channelId, enrolled, events) : 0, held, duplicates, ...collapsedOf(collapsed) };
    });
  }

  /**
   * Keeps `messages` sealed in `webhook_quarantine`, each with the reason its verdict gave and, for a campaign's copy,
   * the copy it repeats and that copy's conversation (if stored), in one statement a few hundred; returns the new rows
   * and, on PostgreSQL, each touched conversation's held copies now, counted by the same statement (its own rows are
   * not in its snapshot, so they are counted from its RETURNING; a later chunk's count includes the earlier ones').
   * SQLite has no INSERT inside WITH: `copies` is null there and the caller counts (`heldCopiesOf`).
   */
  private async hold(
    t: SqlExecutor,
    channelId: string,
    messages: readonly InboundMessage[],
    verdicts: ReadonlyMap<InboundMessage, boolean | FloodHold>,
    seal: WebhookJob['seal'],
    copyOf: ReadonlyMap<InboundMessage, string>,
  ): Promise<{ rows: Array<{ id: number; conversationId: number | null }>; copies: Map<number, number> | null }> {
    const out: Array<{ id: number; conversationId: number | null }> = [];
    const pg = t.dialect === 'postgres';
    const copies = pg ? new Map<number, number>() : null;
    for (let i = 0; i < messages.length; i += CHUNK) {
      const part = messages.slice(i, i + CHUNK);
      const insert = `INSERT INTO webhook_quarantine (channel_id, platform_message_id, reason, sealed, received_at, sender, copy_of, conversation_id) VALUES ${part
        .map(() => '(?, ?, ?, ?, ?, ?, ?, (SELECT conversation_id FROM messages WHERE channel_id = ? AND platform_message_id = ?))')
        .join(', ')} ON CONFLICT (channel_id, platform_message_id) DO NOTHING RETURNING id, conversation_id`;
      const rows = await t.all<{ id: number | string; conversation_id: number | string | null; copies?: number | string | null }>(
        pg
          ? `WITH held AS (${insert})
             SELECT h.id, h.conversation_id,
                    CASE WHEN h.conversation_id IS NULL THEN NULL
                         ELSE (SELECT COUNT(*) FROM webhook_quarantine q WHERE q.conversation_id = h.conversation_id) + (SELECT COUNT(*) FROM held o WHERE o.conversation_id = h.conversation_id) END AS copies
               FROM held h`
          : insert,
        part.flatMap((m) => {
          const of = copyOf.get(m) ?? null;
          return [channelId, m.platformMessageId, heldReason(verdicts.get(m) as false | FloodHold), seal(m), this.now(), m.contact.platformUserId, of, channelId, of];
        }),
      );
      out.push(...rows.map((r) => ({ id: Number(r.id), conversationId: r.conversation_id === null ? null : Number(r.conversation_id) })));
      for (const r of rows) if (copies && r.conversation_id !== null) copies.set(Number(r.conversation_id), Number(r.copies));
    }
    return { rows: out, copies };
  }

  /** Messages held back per channel (counts only, for health). */
  async quarantineCounts(): Promise<Map<string, number>> {
    const rows = await this.store.q.all<{ channel_id: string; n: number | string }>('SELECT channel_id, COUNT(*) AS n FROM webhook_quarantine GROUP BY channel_id');
    return new Map(rows.map((r) => [r.channel_id, Number(r.n)]));
  }
}

/**
 * The reason a held row keeps (`webhook_quarantine.reason`): the limit that held it (`sender_rate`, `channel_rate`),
 * or `flood` when flood control did not say (rows held before it did say so are `flood` too).
 */
/** How many held messages were near-duplicates, said only when some were (older answers and audit entries lack it). */
function collapsedOf(n: number): { collapsed?: number } {
  return n ? { collapsed: n } : {};
}

/** Flood control's verdicts for a delivery's inbound messages, by message, and the campaign copy each collapsed one repeats. */
async function decide(admit: WebhookJob['admit'], inbound: readonly InboundMessage[], t: SqlExecutor) {
  const verdicts = new Map<InboundMessage, boolean | FloodHold>();
  const copyOf = new Map<InboundMessage, string>();
  if (inbound.length) {
    const v = await admit(inbound, t);
    v.forEach((x, i) => verdicts.set(inbound[i]!, x));
    for (const [i, of] of v.copyOf ?? []) copyOf.set(inbound[i]!, of);
  }
  return { verdicts, copyOf };
}

/** Values one statement binds at most, in rows (well under both adapters' limits). */
const CHUNK = 200;

/**
 * Of `keys`, the ones this channel has already: platform ids stored (`messages`) or dedup keys waiting for desks
 * (`relay_events`), and in both cases platform ids held in `webhook_quarantine` (`null`: held ones only).
 */
async function knownIds(t: SqlExecutor, channelId: string, keys: readonly string[], table: 'messages' | 'relay_events' | null): Promise<Set<string>> {
  const found = new Set<string>();
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const part = unique.slice(i, i + CHUNK);
    const list = part.map(() => '?').join(', ');
    const held = `SELECT platform_message_id AS k FROM webhook_quarantine WHERE channel_id = ? AND platform_message_id IN (${list})`;
    const sql =
      table === 'messages'
        ? `SELECT platform_message_id AS k FROM messages WHERE channel_id = ? AND platform_message_id IN (${list}) UNION ALL ${held}`
        : table === 'relay_events'
          ? `SELECT dedup AS k FROM relay_events WHERE channel_id = ? AND dedup IN (${list})`
          : held;
    const rows = await t.all<{ k: string }>(sql, table === 'messages' ? [channelId, ...part, channelId, ...part] : [channelId, ...part]);
    for (const r of rows) found.add(r.k);
  }
  return found;
}

function heldReason(verdict: false | FloodHold): string {
  return verdict === false ? 'flood' : verdict;
}

/** The devices of `devices` that are enrolled and not revoked, in their order. */
export async function enrolledDevices(t: SqlExecutor, devices: readonly string[]): Promise<string[]> {
  if (!devices.length) return [];
  const rows = await t.all<{ fingerprint: string }>(`SELECT fingerprint FROM devices WHERE revoked = 0 AND fingerprint IN (${devices.map(() => '?').join(', ')})`, [...devices]);
  const ok = new Set(rows.map((r) => r.fingerprint));
  return devices.filter((d) => ok.has(d));
}

/**
 * Flood control held `added` messages of a channel: `quarantine.held` for leads and administrators, whose held-message
 * screens list again. The channel and the number only, never a sender or text.
 */
function heldEvents(channelId: string, added: number): EventInput[] {
  return [
    { kind: 'quarantine.held', audience: 'leads', payload: { channelId, added }, where: { channelId } },
    { kind: 'quarantine.held', audience: 'admins', payload: { channelId, added }, where: { channelId } },
  ];
}
