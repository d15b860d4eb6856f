import { noAudit, systemClock, type AuditPort, type Clock } from '../../shared/ports';
import type { ConnectorSink, IngestResult, InboundMessage } from '../../shared/messages';
import type { GuardPolicy } from '../policy';
import type { Notifier } from '../ports';
import { collapseReached, DuplicateDetector } from './duplicates';
import { Quarantine, type QuarantineItem, type QuarantineReason } from './quarantine';
import { SurgeDetector, type SurgeChange } from './surge';
import { TokenBuckets } from './token-bucket';
import { AUDIT_ACTIONS } from '../../shared/audit-actions';

export type Admission =
  | { action: 'store' }
  | { action: 'collapse'; clusterId: number }
  | { action: 'quarantine'; reason: QuarantineReason; clusterId: number | null };

export interface FloodGateDeps {
  policy: GuardPolicy;
  quarantine: Quarantine;
  /** Customers with history (an earlier conversation, a linked account): their messages keep priority. */
  isKnownCustomer: (channelId: string, platformUserId: string) => boolean;
  notify?: Notifier;
  audit?: AuditPort;
  clock?: Clock;
}

/**
 * Flood control in front of the store. Decides per message: store it, collapse it into an existing near-duplicate
 * cluster (kept, counted, releasable), or quarantine it (kept, releasable). Known customers never collapse and
 * are exempt from the channel limit, and so is any sender's first message; every sender has a per-sender limit.
 * Nothing is dropped.
 */
export class FloodGate {
  private readonly senders: TokenBuckets;
  private readonly channels: TokenBuckets;
  private readonly dups: DuplicateDetector;
  private readonly surge: SurgeDetector;
  private readonly clusterIds = new Map<number, number>();
  private readonly clock: Clock;
  private readonly audit: AuditPort;

  constructor(private readonly deps: FloodGateDeps) {
    const f = deps.policy.flood;
    this.senders = new TokenBuckets(f.senderPerMinute / 60_000, f.senderBurst);
    this.channels = new TokenBuckets(f.channelPerSecond / 1000, f.channelBurst, 10_000);
    this.dups = new DuplicateDetector(f.duplicateWindowMs);
    this.surge = new SurgeDetector({ factor: f.surgeFactor, exitFactor: f.surgeExitFactor, minPerMinute: f.surgeMinPerMinute });
    this.clock = deps.clock ?? systemClock;
    this.audit = deps.audit ?? noAudit;
  }

  admit(channelId: string, m: InboundMessage): Admission {
    const now = this.clock.now();
    this.onSurgeChange(this.surge.record(channelId, now));
    const sender = m.contact.platformUserId;
    const known = this.deps.isKnownCustomer(channelId, sender);
    const senderKey = `${channelId}\u0000${sender}`;
    const firstContact = !this.senders.has(senderKey);
    if (!this.senders.take(senderKey, now)) return { action: 'quarantine', reason: 'sender_rate', clusterId: null };
    if (!known && m.direction === 'in') {
      const hit = this.dups.observe(channelId, sender, m.text, now);
      if (hit) {
        if (hit.count === 1) this.clusterIds.delete(hit.key);
        if (collapseReached(hit.count, hit.senders, this.surge.inSurge(channelId))) {
          let id = this.clusterIds.get(hit.key);
          if (id === undefined) {
            id = this.deps.quarantine.openCluster(channelId, now, m.text, m.platformConversationId);
            this.clusterIds.set(hit.key, id);
            if (this.clusterIds.size > 50_000) this.clusterIds.delete(this.clusterIds.keys().next().value!);
            return { action: 'store' }; // the first collapsed copy opens the conversation the rest count into
          }
          return { action: 'collapse', clusterId: id };
        }
      }
      // A sender's first message (not a near-duplicate) always gets in: the channel limit bites repeat senders,
      // so a flood cannot lock out a new customer's first words.
      if (!this.channels.take(channelId, now) && !firstContact) return { action: 'quarantine', reason: 'channel_rate', clusterId: null };
    }
    return { action: 'store' };
  }

  inSurge(channelId: string): boolean {
    return this.surge.inSurge(channelId);
  }

  /** Lets time end a surge on a channel that went quiet (call from a timer). */
  tick(channelId: string): void {
    this.onSurgeChange(this.surge.tick(channelId, this.clock.now()));
  }

  /**
   * A `ConnectorSink` that applies the gate before `inner`: stored messages go on, the rest are kept in the
   * quarantine (collapsed ones as `duplicate` with their cluster, counted on it).
   */
  guard(inner: ConnectorSink): ConnectorSink {
    return {
      cursor: (channelId) => inner.cursor(channelId),
      ingest: (channelId, messages, cursor): IngestResult => {
        const pass: InboundMessage[] = [];
        const held: QuarantineItem[] = [];
        const bumps = new Map<number, { n: number; at: number }>();
        const now = this.clock.now();
        for (const m of messages) {
          const a = this.admit(channelId, m);
          if (a.action === 'store') pass.push(m);
          else if (a.action === 'collapse') {
            held.push({ channelId, message: m, reason: 'duplicate', clusterId: a.clusterId, receivedAt: now });
            const b = bumps.get(a.clusterId) ?? { n: 0, at: now };
            b.n++;
            bumps.set(a.clusterId, b);
          } else held.push({ channelId, message: m, reason: a.reason, clusterId: a.clusterId, receivedAt: now });
        }
        // one transaction when the quarantine and the store share a database: held and stored messages and the
        // connector's cursor are saved together or not at all
        return this.deps.quarantine.atomically(() => {
          this.deps.quarantine.addMany(held);
          this.deps.quarantine.bumpClusters(bumps);
          return inner.ingest(channelId, pass, cursor);
        });
      },
    };
  }

  private onSurgeChange(c: SurgeChange | null): void {
    if (!c) return;
    const entered = c.state === 'entered';
    this.audit({
      action: entered ? AUDIT_ACTIONS.surgeEntered : AUDIT_ACTIONS.surgeLeft,
      actor: 'system',
      target: `channel:${c.channelId}`,
      details: { perMinute: c.perMinute, baseline: Math.round(c.baseline) },
    });
    this.deps.notify?.({
      kind: entered ? 'surge_entered' : 'surge_left',
      title: entered ? `Surge on ${c.channelId}` : `Surge over on ${c.channelId}`,
      body: entered
        ? `${c.perMinute} messages in the last minute against a usual ${Math.round(c.baseline)}. Known customers keep priority; duplicates collapse; the rest waits in quarantine.`
        : `Volume is back to ${c.perMinute} a minute. Check the quarantine for messages to release.`,
      at: c.at,
    });
  }
}
