import { decideBatch, fullAfterMs, type BatchVerdicts, type BucketState, type EdgeFloodGate, type FloodHold, type FloodMessage, type FloodRates } from '../flood';
import { AUDIT_ACTIONS } from '../../core/shared/audit-actions';
import type { SqlExecutor, SqlValue } from './executor';
import { CampaignRound, type CampaignSettings } from './flood-campaigns';

/** What the gate writes to the audit trail inside the intake transaction (surge mode entered or left). */
export type FloodAudit = (t: SqlExecutor, e: { actor: 'system'; device: null; action: string; target: string; details: Record<string, number> }) => Promise<void>;

export interface SharedFloodOptions {
  /** Near-duplicate collapse and surge mode (`store/flood-campaigns.ts`); without it, the buckets alone. */
  campaigns?: CampaignSettings;
  audit?: FloodAudit;
}

/** Buckets store milli-tokens as integers, so both dialects keep them exactly. */
const MILLI = 1000;
/** How often a node clears buckets that have refilled completely (they mean the same as no row). */
const SWEEP_MS = 60_000;
/** Values one statement binds at most (well under both adapters' limits); a larger batch takes a few statements. */
const CHUNK = 500;

/** A bucket as a row keeps it: whole milli-tokens. */
const quantize = (b: BucketState): BucketState => ({ tokens: Math.floor(b.tokens * MILLI) / MILLI, at: b.at });

/**
 * The team's flood buckets, shared by every hub node: rows read and written inside the intake's transaction (a
 * webhook's, a relayed delivery's or a hub poller's batch), which holds the event lock, so two nodes never spend the
 * same token. A batch costs a fixed number of statements whatever its size: its channel's and senders' rows read in
 * one, decided in memory (`decideBatch`, the one rule), written back in one; the customers the team has answered are
 * read only when the channel limit bites one of the batch's known senders. One row per channel and one per
 * (channel, sender); rows that have refilled completely are deleted once a minute, so the table stays as small as the
 * set of recent senders.
 */
export class SharedFloodBuckets implements EdgeFloodGate {
  private lastSweep = 0;

  constructor(
    private readonly rates: FloodRates,
    private readonly options: SharedFloodOptions = {},
  ) {}

  /** One message alone (its own read and write): the batch rule for a batch of one. */
  async admit(t: SqlExecutor, channelId: string, senderId: string, now: number): Promise<true | FloodHold> {
    return (await this.admitBatch(t, channelId, [{ contact: { platformUserId: senderId }, text: '' }], now))[0]!;
  }

  async admitBatch(t: SqlExecutor, channelId: string, messages: readonly FloodMessage[], now: number): Promise<BatchVerdicts> {
    if (!messages.length) return [];
    const senders = messages.map((m) => m.contact.platformUserId);
    if (now - this.lastSweep > SWEEP_MS) {
      this.lastSweep = now;
      await t.run("DELETE FROM flood_buckets WHERE (key LIKE 'sender:%' AND at < ?) OR (key LIKE 'channel:%' AND at < ?)", [
        now - fullAfterMs(this.rates.perSender),
        now - fullAfterMs(this.rates.perChannel),
      ]);
      if (this.options.campaigns) await t.run('DELETE FROM flood_clusters WHERE last_seen < ?', [now - this.options.campaigns.windowMs]);
    }
    const channelKey = `channel:${channelId}`;
    const senderKey = (s: string) => `sender:${channelId}\n${s}`;
    const distinct = [...new Set(senders)];
    const rows = await chunked(distinct, (part) =>
      t.all<{ key: string; milli: number | string; at: number | string }>(`SELECT key, milli, at FROM flood_buckets WHERE key IN (${marks(part.length + 1)})`, [channelKey, ...part.map(senderKey)]),
    );
    const byKey = new Map(rows.map((r) => [r.key, { tokens: Number(r.milli) / MILLI, at: Number(r.at) }]));
    const before = { channel: byKey.get(channelKey) ?? null, senders: new Map(distinct.flatMap((s) => (byKey.has(senderKey(s)) ? [[s, byKey.get(senderKey(s))!] as const] : []))) };
    let d;
    let copyOf: ReadonlyMap<number, string> | undefined;
    const campaigns = this.options.campaigns;
    if (campaigns) {
      // Known customers never collapse, so with near-duplicates on they are read for every batch (one statement).
      const round = await CampaignRound.load(t, channelId, messages, now, campaigns);
      const known = await knownCustomers(t, channelId, distinct);
      d = decideBatch(before, senders, this.rates, now, (s) => known.has(s), quantize, round);
      await round.save(t);
      copyOf = round.copyOf;
      for (const c of round.changes) {
        await this.options.audit?.(t, {
          actor: 'system',
          device: null,
          action: c.state === 'entered' ? AUDIT_ACTIONS.surgeEntered : AUDIT_ACTIONS.surgeLeft,
          target: `channel:${channelId}`,
          details: { perMinute: c.perMinute, baseline: Math.round(c.baseline) },
        });
      }
    } else {
      d = decideBatch(before, senders, this.rates, now, () => undefined, quantize);
      if (d.unresolved) {
        const known = await knownCustomers(t, channelId, distinct);
        d = decideBatch(before, senders, this.rates, now, (s) => known.has(s), quantize);
      }
    }
    const out: Array<[string, BucketState]> = [[channelKey, d.channel!], ...distinct.map((s) => [senderKey(s), d.senders.get(s)!] as [string, BucketState])];
    await chunked(out, async (part) => {
      await t.run(
        `INSERT INTO flood_buckets (key, milli, at) VALUES ${part.map(() => '(?, ?, ?)').join(', ')} ON CONFLICT (key) DO UPDATE SET milli = excluded.milli, at = excluded.at`,
        part.flatMap(([key, b]) => [key, Math.round(b.tokens * MILLI), b.at]),
      );
      return [];
    });
    return copyOf?.size ? Object.assign(d.verdicts, { copyOf }) : d.verdicts;
  }
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

async function chunked<T, R>(items: readonly T[], run: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...(await run(items.slice(i, i + CHUNK))));
  return out;
}

/**
 * Of `senders`, the customers with history: contacts the team has answered in one of their conversations. Stricter
 * than the single seat's "a contact with a conversation" (`core/app/guards.ts`), under which every sender whose first
 * message got in would be known from the next delivery on, and the channel limit would bite only inside one delivery.
 */
export async function knownCustomers(t: SqlExecutor, channelId: string, senders: readonly string[]): Promise<Set<string>> {
  const rows = await chunked(senders, (part) =>
    t.all<{ p: string }>(
      `SELECT DISTINCT c.platform_user_id AS p FROM contacts c JOIN conversations v ON v.contact_id = c.id WHERE c.channel_id = ? AND c.platform_user_id IN (${marks(part.length)}) AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = v.id AND m.direction = 'out')`,
      [channelId, ...part] as SqlValue[],
    ),
  );
  return new Set(rows.map((r) => r.p));
}
