import type { SqlExecutor } from './store/executor';

/**
 * Flood control at the hub, before anything is stored — for webhook, relayed and polled deliveries alike: one token
 * bucket per sender and one per channel. The team's buckets are rows in the hub's database (`store/flood-buckets.ts`), updated inside the intake
 * transaction, so every node behind the load balancer spends from the same bucket; `TokenBucketFloodGate` keeps them
 * in memory for one process. Both apply `takeFromBoth`, the one copy of the rule.
 */
export interface EdgeFloodGate {
  /**
   * True when this inbound message may be stored now; otherwise which limit holds it in quarantine (the sender's own
   * or the channel's, the one copy of the names in `core/guard` — `QuarantineReason`). `t` is the intake transaction.
   */
  admit(t: SqlExecutor, channelId: string, senderId: string, now: number): Promise<true | FloodHold>;
}

/** Which bucket was empty when a message was held: the sender's (checked first) or the whole channel's. */
export type FloodHold = 'sender_rate' | 'channel_rate';

export interface Rate {
  perMinute: number;
  burst: number;
}

export interface FloodRates {
  perSender: Rate;
  perChannel: Rate;
}

export interface BucketState {
  tokens: number;
  at: number;
}

function refilled(b: BucketState | null, rate: Rate, now: number): BucketState {
  if (!b) return { tokens: rate.burst, at: now };
  const refill = ((now - b.at) / 60_000) * rate.perMinute;
  return refill > 0 ? { tokens: Math.min(rate.burst, b.tokens + refill), at: now } : b;
}

/**
 * Refills both buckets to `now`; a message is admitted only when each holds a whole token, and then takes one from
 * each. A held one says which bucket was empty (`over`; the sender's when both were). `channelExempt` (a known
 * customer, or a sender's first message: the single seat's exemptions) needs only the sender's token, and takes the
 * channel's when there is one.
 */
export function takeFromBoth(
  channel: BucketState | null,
  sender: BucketState | null,
  rates: FloodRates,
  now: number,
  channelExempt = false,
): { admit: boolean; over: FloodHold | null; channel: BucketState; sender: BucketState } {
  const c = refilled(channel, rates.perChannel, now);
  const s = refilled(sender, rates.perSender, now);
  if (s.tokens < 1) return { admit: false, over: 'sender_rate', channel: c, sender: s };
  if (c.tokens < 1 && !channelExempt) return { admit: false, over: 'channel_rate', channel: c, sender: s };
  return { admit: true, over: null, channel: c.tokens < 1 ? c : { ...c, tokens: c.tokens - 1 }, sender: { ...s, tokens: s.tokens - 1 } };
}

/** How long an untouched bucket takes to be full again, after which it is the same as no bucket at all. */
export function fullAfterMs(rate: Rate): number {
  return Math.ceil((rate.burst / rate.perMinute) * 60_000);
}

const MAX_SENDERS = 100_000;

/** The buckets in this process's memory (one node, or tests); bounded by forgetting the oldest sender. */
export class TokenBucketFloodGate implements EdgeFloodGate {
  private readonly senders = new Map<string, BucketState>();
  private readonly channels = new Map<string, BucketState>();

  constructor(private readonly rates: FloodRates) {}

  async admit(_t: SqlExecutor | null, channelId: string, senderId: string, now: number): Promise<true | FloodHold> {
    return this.verdict(channelId, senderId, now);
  }

  admitNow(channelId: string, senderId: string, now: number): boolean {
    return this.verdict(channelId, senderId, now) === true;
  }

  private verdict(channelId: string, senderId: string, now: number): true | FloodHold {
    const key = `${channelId}\n${senderId}`;
    const r = takeFromBoth(this.channels.get(channelId) ?? null, this.senders.get(key) ?? null, this.rates, now);
    this.channels.set(channelId, r.channel);
    if (!this.senders.has(key) && this.senders.size >= MAX_SENDERS) this.senders.delete(this.senders.keys().next().value!);
    this.senders.set(key, r.sender);
    return r.admit || r.over!;
  }
}
