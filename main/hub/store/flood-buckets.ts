import { fullAfterMs, takeFromBoth, type EdgeFloodGate, type FloodHold, type FloodRates } from '../flood';
import type { SqlExecutor } from './executor';

/** Buckets store milli-tokens as integers, so both dialects keep them exactly. */
const MILLI = 1000;
/** How often a node clears buckets that have refilled completely (they mean the same as no row). */
const SWEEP_MS = 60_000;

/**
 * The team's flood buckets, shared by every hub node: rows read and written inside the intake's transaction (a
 * webhook's, a relayed delivery's or a hub poller's batch), which holds the event lock, so two nodes never spend the same token. One row per channel and one per
 * (channel, sender); rows that have refilled completely are deleted once a minute, so the table stays as small as
 * the set of recent senders.
 */
export class SharedFloodBuckets implements EdgeFloodGate {
  private lastSweep = 0;

  constructor(private readonly rates: FloodRates) {}

  async admit(t: SqlExecutor, channelId: string, senderId: string, now: number): Promise<true | FloodHold> {
    if (now - this.lastSweep > SWEEP_MS) {
      this.lastSweep = now;
      await t.run("DELETE FROM flood_buckets WHERE (key LIKE 'sender:%' AND at < ?) OR (key LIKE 'channel:%' AND at < ?)", [
        now - fullAfterMs(this.rates.perSender),
        now - fullAfterMs(this.rates.perChannel),
      ]);
    }
    const channelKey = `channel:${channelId}`;
    const senderKey = `sender:${channelId}\n${senderId}`;
    const rows = await t.all<{ key: string; milli: number | string; at: number | string }>('SELECT key, milli, at FROM flood_buckets WHERE key IN (?, ?)', [channelKey, senderKey]);
    const state = (key: string) => {
      const r = rows.find((x) => x.key === key);
      return r ? { tokens: Number(r.milli) / MILLI, at: Number(r.at) } : null;
    };
    let r = takeFromBoth(state(channelKey), state(senderKey), this.rates, now);
    // The single seat's exemptions from the channel limit, asked only when it bites: a sender's first message (no
    // bucket: none since theirs refilled) and a known customer, so a flood cannot lock out a new customer's first
    // words or a conversation the team is having. The sender's own limit still applies.
    if (r.over === 'channel_rate' && (!state(senderKey) || (await knownCustomer(t, channelId, senderId)))) r = takeFromBoth(state(channelKey), state(senderKey), this.rates, now, true);
    for (const [key, b] of [
      [channelKey, r.channel],
      [senderKey, r.sender],
    ] as const) {
      await t.run('INSERT INTO flood_buckets (key, milli, at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET milli = excluded.milli, at = excluded.at', [
        key,
        Math.floor(b.tokens * MILLI),
        b.at,
      ]);
    }
    return r.admit || r.over!;
  }
}

/**
 * A customer with history: a contact the team has answered in one of their conversations. Stricter than the single
 * seat's "a contact with a conversation" (`core/app/guards.ts`), under which every sender whose first message got in
 * would be known from the next delivery on, and the channel limit would bite only inside one delivery.
 */
async function knownCustomer(t: SqlExecutor, channelId: string, senderId: string): Promise<boolean> {
  return Boolean(
    await t.get(
      "SELECT 1 AS one FROM contacts c JOIN conversations v ON v.contact_id = c.id WHERE c.channel_id = ? AND c.platform_user_id = ? AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = v.id AND m.direction = 'out') LIMIT 1",
      [channelId, senderId],
    ),
  );
}
