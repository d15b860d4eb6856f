/**
 * Flood control at the hub's webhook edge, before anything is stored: one token bucket per sender and one per
 * channel, kept by each node (with N nodes behind a load balancer a source gets up to N times the rate). A small
 * piece behind an interface; the guards' FloodGate (near-duplicate collapse, surge mode) can take its place.
 */
export interface EdgeFloodGate {
  /** True when this inbound message may be stored now; false holds it in quarantine. */
  admit(channelId: string, senderId: string, now: number): boolean;
}

export interface Rate {
  perMinute: number;
  burst: number;
}

class Bucket {
  constructor(
    public tokens: number,
    public at: number,
  ) {}
}

const MAX_SENDERS = 100_000;

export class TokenBucketFloodGate implements EdgeFloodGate {
  private readonly senders = new Map<string, Bucket>();
  private readonly channels = new Map<string, Bucket>();

  constructor(private readonly rates: { perSender: Rate; perChannel: Rate }) {}

  admit(channelId: string, senderId: string, now: number): boolean {
    const channel = this.bucket(this.channels, channelId, this.rates.perChannel, now);
    const sender = this.bucket(this.senders, `${channelId}\n${senderId}`, this.rates.perSender, now);
    if (channel.tokens < 1 || sender.tokens < 1) return false;
    channel.tokens--;
    sender.tokens--;
    return true;
  }

  private bucket(map: Map<string, Bucket>, key: string, rate: Rate, now: number): Bucket {
    let b = map.get(key);
    if (!b) {
      if (map.size >= MAX_SENDERS) map.delete(map.keys().next().value!); // the oldest sender seen: memory stays bounded
      b = new Bucket(rate.burst, now);
      map.set(key, b);
    }
    const refill = ((now - b.at) / 60_000) * rate.perMinute;
    if (refill > 0) {
      b.tokens = Math.min(rate.burst, b.tokens + refill);
      b.at = now;
    }
    return b;
  }
}
