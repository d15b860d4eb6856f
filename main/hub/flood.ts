import type { InboundMessage } from '../core/shared/messages';
import type { SqlExecutor } from './store/executor';

/**
 * Flood control at the hub, before anything is stored — for webhook, relayed and polled deliveries alike: one token
 * bucket per sender and one per channel. The team's buckets are rows in the hub's database (`store/flood-buckets.ts`), updated inside the intake
 * transaction, so every node behind the load balancer spends from the same bucket; `TokenBucketFloodGate` keeps them
 * in memory for one process. Both apply `takeFromBoth`, the one copy of the rule.
 */
export interface EdgeFloodGate {
  /**
   * One verdict per message of a batch, in order: true when it may be stored now; otherwise which limit holds it in
   * quarantine (the sender's own or the channel's, the one copy of the names in `core/guard` — `QuarantineReason`).
   * `t` is the intake transaction; the whole batch is decided with a fixed number of statements.
   */
  admitBatch(t: SqlExecutor, channelId: string, messages: readonly FloodMessage[], now: number): Promise<BatchVerdicts>;
}

/**
 * A batch's verdicts, in order. `copyOf`, by index, names for a copy held as `duplicate` the platform id of its
 * campaign's first stored copy, whose conversation counts the held copies (`store/held-copies.ts`).
 */
export type BatchVerdicts = Array<true | FloodHold> & { copyOf?: ReadonlyMap<number, string> };

/** What flood control reads of a message: who sent it (and its text, for near-duplicates; its id, to link a campaign's copies). */
export type FloodMessage = Pick<InboundMessage, 'contact' | 'text'> & Partial<Pick<InboundMessage, 'platformMessageId'>>;

/** A delivery's flood control (`WebhookJob.admit`): the gate asked once for the batch, on the channel, at `now()`. */
export function batchAdmission(gate: EdgeFloodGate, channelId: string, now: () => number) {
  return (messages: readonly FloodMessage[], t: SqlExecutor) => gate.admitBatch(t, channelId, messages, now());
}

/**
 * Why a message was held: which bucket was empty, the sender's (checked first) or the whole channel's, or `duplicate`:
 * a copy of a campaign's text from several new senders (near-duplicate collapse).
 */
export type FloodHold = 'sender_rate' | 'channel_rate' | 'duplicate';

/**
 * Near-duplicate collapse inside `decideBatch` (`store/flood-campaigns.ts`): `arrive` counts each message for surge
 * mode, `collapses` observes a message from a sender who is not a known customer and whose own limit let it through,
 * and says whether it is held as a copy of a campaign.
 */
export interface CampaignHooks {
  arrive(index: number): void;
  collapses(index: number, sender: string): boolean;
}

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

export function refilled(b: BucketState | null, rate: Rate, now: number): BucketState {
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

/**
 * A batch's verdicts, decided in memory from the buckets as they were before it (`channel`, and `senders` by sender
 * id: a missing one has no bucket), each message as if its buckets had been read and written alone: the state after
 * a message is the one the next sees, kept as `quantize` would store it. `known` says whether a sender is a customer
 * the team has answered (exempt from the channel limit); it is asked only when the channel limit bites a sender who
 * has a bucket, and `undefined` (not looked up) counts as not known and is reported in `unresolved`, so a caller that
 * reads customers lazily decides again with them. Returns the verdicts and every bucket as it is after the batch.
 */
export function decideBatch(
  before: { channel: BucketState | null; senders: ReadonlyMap<string, BucketState> },
  senders: readonly string[],
  rates: FloodRates,
  now: number,
  known: (sender: string) => boolean | undefined,
  quantize: (b: BucketState) => BucketState = (b) => b,
  campaigns?: CampaignHooks,
): { verdicts: Array<true | FloodHold>; channel: BucketState | null; senders: Map<string, BucketState>; unresolved: boolean } {
  let channel = before.channel;
  const after = new Map(before.senders);
  const verdicts: Array<true | FloodHold> = [];
  let unresolved = false;
  for (const [i, sender] of senders.entries()) {
    const mine = after.get(sender) ?? null;
    if (campaigns) {
      campaigns.arrive(i);
      // The single seat's order: the sender's own limit first, then near-duplicates (never a known customer's), then
      // the channel's. A collapsed copy spends the sender's token, not the channel's.
      const own = takeFromBoth(null, mine, rates, now, true);
      if (own.admit) {
        const k = known(sender);
        if (k === undefined) unresolved = true;
        if (k === false && campaigns.collapses(i, sender)) {
          channel = quantize(refilled(channel, rates.perChannel, now));
          after.set(sender, quantize(own.sender));
          verdicts.push('duplicate');
          continue;
        }
      }
    }
    let r = takeFromBoth(channel, mine, rates, now);
    if (r.over === 'channel_rate') {
      const k = mine ? known(sender) : true;
      if (k === undefined) unresolved = true;
      // The single seat's exemptions from the channel limit: a sender's first message (no bucket: none since theirs
      // refilled) and a known customer, so a flood cannot lock out a new customer's first words or a conversation the
      // team is having. The sender's own limit still applies.
      if (k) r = takeFromBoth(channel, mine, rates, now, true);
    }
    channel = quantize(r.channel);
    after.set(sender, quantize(r.sender));
    verdicts.push(r.admit || r.over!);
  }
  return { verdicts, channel, senders: after, unresolved };
}

const MAX_SENDERS = 100_000;

/** The buckets in this process's memory (one node, or tests); bounded by forgetting the oldest sender. */
export class TokenBucketFloodGate implements EdgeFloodGate {
  private readonly senders = new Map<string, BucketState>();
  private readonly channels = new Map<string, BucketState>();

  constructor(private readonly rates: FloodRates) {}

  async admitBatch(_t: SqlExecutor | null, channelId: string, messages: readonly FloodMessage[], now: number): Promise<Array<true | FloodHold>> {
    return messages.map((m) => this.verdict(channelId, m.contact.platformUserId, now));
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
