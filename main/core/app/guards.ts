import { detectSensitive, maskMessage } from '../masking';
import { Drills, EarlyWarning, evaluateReply, FloodGate, OutboundGuard, Quarantine, resolveGuardPolicy, type GuardNotice, type GuardPolicy } from '../guard';
import type { Policy } from '../policy';
import type { Db, Store } from '../store';
import type { ConnectorSink } from '../shared/messages';
import type { AuditPort, Clock } from '../shared/ports';
import { Listeners } from '../shared/listeners';
import { ReplyApprovals } from './reply-approvals';

/** The guards as the console uses them: before every reply, in front of the store, on every inbound message. */
export interface Guards {
  readonly outbound: OutboundGuard;
  readonly flood: FloodGate;
  readonly quarantine: Quarantine;
  readonly earlyWarning: EarlyWarning;
  readonly policy: GuardPolicy;
  /** Blocked replies waiting for a team lead's four eyes. */
  readonly approvals: ReplyApprovals;
  /** Phishing drills: scheduled by an administrator, agents' reports and replies judged by the outbound guard's rules. */
  readonly drills: Drills;
  /** Follows IT's signed policy: the outbound guard reads the company's link domains from it at every check. */
  setPolicy(policy: GuardPolicy): void;
  /** Where guard notices go (the lead's panel, OS notifications); the shell and the console subscribe. */
  onNotice(listener: (notice: GuardNotice) => void): () => void;
}

export function createGuards(deps: { db: Db; store: Store; audit: AuditPort; clock: Clock; policy?: GuardPolicy; log?: (line: string) => void }): Guards {
  let policy = deps.policy ?? resolveGuardPolicy();
  // The flood gate and early warning notify from inside an ingest batch: a failing listener must not fail the batch.
  const notices = new Listeners<[notice: GuardNotice]>('guard notice', deps.log);
  const notify = (n: GuardNotice) => notices.emit(n);
  const quarantine = new Quarantine(deps.db, { sealer: deps.store.sealer('quarantine'), detectSensitive, audit: deps.audit, maskForScreen: (text) => maskMessage(text).masked });
  const known = deps.db.prepare(
    'SELECT 1 FROM contacts c JOIN conversations v ON v.contact_id = c.id WHERE c.channel_id = ? AND c.platform_user_id = ? LIMIT 1',
  );
  const outboundDeps = {
    get policy() {
      return policy;
    },
    detectSensitive,
    audit: deps.audit,
    clock: deps.clock,
  };
  const outbound = new OutboundGuard(outboundDeps);
  return {
    get policy() {
      return policy;
    },
    approvals: new ReplyApprovals({ outbound, audit: deps.audit, clock: deps.clock }),
    drills: new Drills({
      db: deps.db,
      // A reply is unsafe when the outbound guard would block or warn it (judged without auditing a second block).
      judgeReply: (text) => {
        const findings = evaluateReply(text, 'en', policy, detectSensitive);
        return findings.some((f) => f.verdict === 'block') ? 'block' : findings.length ? 'warn' : 'allow';
      },
      get companyDomain() {
        return policy.companyDomains[0] ?? 'example.com';
      },
      audit: deps.audit,
      clock: deps.clock,
    }),
    setPolicy(next) {
      policy = next;
    },
    quarantine,
    outbound,
    flood: new FloodGate({
      policy,
      quarantine,
      isKnownCustomer: (channelId, platformUserId) => known.get(channelId, platformUserId) !== undefined,
      notify,
      audit: deps.audit,
      clock: deps.clock,
    }),
    earlyWarning: new EarlyWarning({ db: deps.db, policy, detectSensitive, notify, audit: deps.audit, clock: deps.clock }),
    onNotice(listener) {
      return notices.add(listener);
    },
  };
}

/**
 * The store's sink with the guards in front: flood control decides what is stored, collapsed or quarantined, and
 * every customer message feeds the early-warning counts.
 */
export function guardedSink(guards: Guards, inner: ConnectorSink): ConnectorSink {
  const flood = guards.flood.guard(inner);
  return {
    cursor: (channelId) => flood.cursor(channelId),
    ingest(channelId, messages, cursor) {
      const result = flood.ingest(channelId, messages, cursor);
      for (const m of messages) {
        if (m.direction === 'in') guards.earlyWarning.observe({ conversationRef: `${channelId}/${m.platformConversationId}`, text: m.text, at: m.sentAt });
      }
      return result;
    },
  };
}

/**
 * The guard settings a signed IT policy carries: its `guard` object (already checked by the policy's schema, so this
 * cannot refuse a policy the loader accepted), with the policy's own link domains counted as the company's.
 */
export function guardPolicyFrom(policy: Policy): GuardPolicy {
  const guard = policy.guard ?? {};
  return resolveGuardPolicy({ ...guard, companyDomains: [...new Set([...policy.allowedLinkDomains, ...(guard.companyDomains ?? [])])] });
}
