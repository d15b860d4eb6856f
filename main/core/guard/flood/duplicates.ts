import { bands, fingerprintText, hamming, type Fingerprint } from './simhash';

export interface ClusterHit {
  /** Stable within this detector; the quarantine maps it to a database id. */
  key: number;
  /** Messages seen in the cluster so far, this one included. */
  count: number;
  senders: number;
}

interface Cluster {
  key: number;
  channelId: string;
  fp: Fingerprint;
  count: number;
  senders: Set<string>;
  lastSeen: number;
}

const MAX_DISTANCE = 6;
const MIN_LENGTH = 12;
/** Senders a cluster remembers at most (enough to tell one sender from a campaign). */
export const MAX_SENDERS_TRACKED = 64;
/** Near-duplicates start collapsing at this many copies from at least two senders (`inSurge` copies in surge mode). */
export const COLLAPSE_AT = { copies: 3, inSurge: 2 } as const;

/** A text's fingerprint for near-duplicate clusters, or null when it is too short to judge. */
export function campaignPrint(text: string): Fingerprint | null {
  const { fp, length } = fingerprintText(text);
  return length < MIN_LENGTH ? null : fp;
}

/** Whether two fingerprints are copies of one text (a name, an emoji or a word changed). */
export function sameCampaign(a: Fingerprint, b: Fingerprint): boolean {
  return hamming(a, b) <= MAX_DISTANCE;
}

/**
 * Whether a cluster of `count` copies from `senders` senders collapses: its first such copy opens it, the rest count
 * into it. `at` is the threshold (the hub's IT setting; the single seat's `COLLAPSE_AT`).
 */
export function collapseReached(count: number, senders: number, inSurge: boolean, at: { copies: number; inSurge: number } = COLLAPSE_AT): boolean {
  return count >= (inSurge ? at.inSurge : at.copies) && senders >= 2;
}

/**
 * Near-duplicate clusters per channel within a time window. Memory is bounded by `maxClusters` (least recently
 * seen first out) and each cluster remembers at most 64 senders.
 */
export class DuplicateDetector {
  private readonly clusters = new Map<number, Cluster>();
  private readonly index = new Map<string, Set<number>>();
  private nextKey = 1;

  constructor(
    private readonly windowMs: number,
    private readonly maxClusters = 20_000,
  ) {}

  /** Adds the message to its cluster (creating one), or returns null when it is too short to judge. */
  observe(channelId: string, sender: string, text: string, now: number): ClusterHit | null {
    const fp = campaignPrint(text);
    if (!fp) return null;
    const keys = bands(fp).map((b) => `${channelId}\u0000${b}`);
    let found: Cluster | undefined;
    for (const k of keys) {
      for (const id of this.index.get(k) ?? []) {
        const c = this.clusters.get(id);
        if (!c || now - c.lastSeen > this.windowMs) continue;
        if (sameCampaign(c.fp, fp)) {
          found = c;
          break;
        }
      }
      if (found) break;
    }
    if (!found) {
      found = { key: this.nextKey++, channelId, fp, count: 0, senders: new Set(), lastSeen: now };
      for (const k of keys) {
        let set = this.index.get(k);
        if (!set) this.index.set(k, (set = new Set()));
        set.add(found.key);
      }
    }
    this.clusters.delete(found.key);
    this.clusters.set(found.key, found);
    found.count++;
    found.lastSeen = now;
    if (found.senders.size < MAX_SENDERS_TRACKED) found.senders.add(sender);
    if (this.clusters.size > this.maxClusters) this.evictOldest();
    return { key: found.key, count: found.count, senders: found.senders.size };
  }

  private evictOldest(): void {
    const oldest = this.clusters.values().next().value!;
    this.clusters.delete(oldest.key);
    for (const b of bands(oldest.fp)) {
      const k = `${oldest.channelId}\u0000${b}`;
      const set = this.index.get(k);
      set?.delete(oldest.key);
      if (set && !set.size) this.index.delete(k);
    }
  }

  get size(): number {
    return this.clusters.size;
  }
}
