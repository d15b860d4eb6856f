import { createHash, randomBytes } from 'node:crypto';
import { DiwanError } from '../../shared/errors';
import { noAudit, systemClock, type AuditPort, type Clock, type Random } from '../../shared/ports';
import { say, kindName, sayNumber, type MessageKey } from '../messages';
import type { GuardPolicy } from '../policy';
import type { DetectSensitive } from '../ports';
import type { GuardLang } from '../text/lang';
import { domainIsWithin, extractLinks } from '../text/links';
import { inspectLinkDomain } from '../phishing/domains';
import { READ_LIMIT, readPart } from '../text/reading-window';
import { findSecretRequests, mentionsASecret, type RequestedSecret } from './classify';
import { REQUEST_MODEL, requestProbability, type RequestModel } from './request-model';
import { ERROR_CODES } from '../../shared/vocabulary';
import { AUDIT_ACTIONS } from '../../shared/audit-actions';

export type Verdict = 'allow' | 'warn' | 'block';

export interface GuardFinding {
  verdict: Exclude<Verdict, 'allow'>;
  /** `asks_secret`: the learned model, not the rules, reads the reply as asking for a secret (it cannot say which). */
  code: `asks_${RequestedSecret}` | 'asks_secret' | 'entry_unclear' | 'link_outside_allowlist' | 'pasted_sensitive_value' | 'too_long_to_check';
  /** In the agent's language. Never contains the sensitive value itself. */
  reason: string;
  /** A team lead may approve a reply with this finding: only what the policy marks approvable (never a code, password, PIN, card or CVV). */
  approvable: boolean;
}

export interface GuardDecision {
  verdict: Verdict;
  findings: GuardFinding[];
  /** SHA-256 of the exact reply text: an approval is for this text and no other. */
  textHash: string;
  /** False when a block can never be approved (it asks for a code, password, PIN, card or CVV). */
  approvable: boolean;
}

export interface ReplyContext {
  /** Who writes the reply (their username, as the audit trail names people). */
  agentUsername: string;
  conversationId: number;
  /** The agent's console language, for the reasons. */
  lang: GuardLang;
}

export interface OutboundGuardDeps {
  policy: GuardPolicy;
  detectSensitive: DetectSensitive;
  audit?: AuditPort;
  clock?: Clock;
  random?: Random;
  /** How long a lead's approval stays usable. */
  approvalTtlMs?: number;
}

interface Approval {
  textHash: string;
  conversationId: number;
  agentUsername: string;
  leadUsername: string;
  expiresAt: number;
}

export type ApproverRole = 'agent' | 'lead' | 'admin';

const MAX_JUDGED = 2000;

export function hashReply(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The outbound guard: every reply goes through `check` before it is queued, and `authorizeSend` is the only way
 * a reply leaves. A block cannot be overridden by the agent; a lead (another person) may approve that exact text
 * once (four eyes). Blocks, approvals and approved sends are audited, without the reply text.
 */
export class OutboundGuard {
  private readonly audit: AuditPort;
  private readonly clock: Clock;
  private readonly random: Random;
  private readonly ttl: number;
  private readonly approvals = new Map<string, Approval>();
  /** textHash → approvable, for the replies this guard has judged (bounded): `approveHash` sees only the hash. */
  private readonly judged = new Map<string, boolean>();

  constructor(private readonly deps: OutboundGuardDeps) {
    this.audit = deps.audit ?? noAudit;
    this.clock = deps.clock ?? systemClock;
    this.random = deps.random ?? { bytes: (n) => randomBytes(n) };
    this.ttl = deps.approvalTtlMs ?? 15 * 60_000;
  }

  /**
   * The verdict on a draft while the agent types, recorded nowhere: the console asks at every pause, and an audit
   * entry per pause would bury the one that matters (the block at send time, from `check`/`authorizeSend`).
   */
  preview(text: string, ctx: ReplyContext): GuardDecision {
    return this.judge(text, ctx.lang);
  }

  check(text: string, ctx: ReplyContext): GuardDecision {
    const decision = this.judge(text, ctx.lang);
    const findings = decision.findings;
    if (decision.verdict === 'block') {
      this.audit({
        action: AUDIT_ACTIONS.replyBlocked,
        actor: ctx.agentUsername,
        target: `conversation:${ctx.conversationId}`,
        details: { codes: findings.map((f) => f.code).join(','), textHash: decision.textHash },
      });
    }
    return decision;
  }

  private judge(text: string, lang: GuardLang): GuardDecision {
    const decision = judgeReply(text, lang, this.deps.policy, this.deps.detectSensitive);
    this.judged.delete(decision.textHash);
    this.judged.set(decision.textHash, decision.approvable);
    if (this.judged.size > MAX_JUDGED) this.judged.delete(this.judged.keys().next().value!);
    return decision;
  }

  /** A lead approves one blocked reply. Returns the one-time token the agent's send must carry. */
  approve(args: { text: string; conversationId: number; agentUsername: string; leadUsername: string; leadRole: ApproverRole; lang: GuardLang }): string {
    const { text, ...rest } = args;
    this.judge(text, args.lang);
    return this.approveHash({ ...rest, textHash: hashReply(text) });
  }

  /** The same approval from the text's hash: a lead's queue keeps only the hash and the masked text, never the reply. */
  approveHash(args: { textHash: string; conversationId: number; agentUsername: string; leadUsername: string; leadRole: ApproverRole; lang: GuardLang }): string {
    assertMayDecideReply({ author: args.agentUsername, decider: args.leadUsername, deciderRole: args.leadRole });
    const textHash = args.textHash;
    const approvable = this.judged.get(textHash);
    if (approvable === undefined) throw new DiwanError('guard_approval_unknown', say('approval.unknown', args.lang));
    assertApprovable(approvable, args.lang);
    const token = this.random.bytes(18).toString('base64url');
    this.approvals.set(token, {
      textHash,
      conversationId: args.conversationId,
      agentUsername: args.agentUsername,
      leadUsername: args.leadUsername,
      expiresAt: this.clock.now() + this.ttl,
    });
    this.audit({
      action: AUDIT_ACTIONS.replyApproved,
      actor: args.leadUsername,
      target: `conversation:${args.conversationId}`,
      details: { agent: args.agentUsername, textHash },
    });
    return token;
  }

  /**
   * Call right before queuing a reply. Returns the decision when the reply may go (allow or warn); throws
   * `guard_blocked` for a block without a valid approval. An approval is consumed by the send it allows.
   */
  authorizeSend(text: string, ctx: ReplyContext, approvalToken?: string): GuardDecision {
    const decision = this.check(text, ctx);
    if (decision.verdict !== 'block') return decision;
    if (approvalToken === undefined) {
      throw new DiwanError('guard_blocked', blockReasons(decision).join(' '));
    }
    assertApprovable(decision.approvable, ctx.lang);
    const a = this.approvals.get(approvalToken);
    const valid =
      a !== undefined &&
      a.textHash === decision.textHash &&
      a.conversationId === ctx.conversationId &&
      a.agentUsername === ctx.agentUsername &&
      a.expiresAt > this.clock.now();
    if (!valid) {
      throw new DiwanError('guard_approval_invalid', say('approval.invalid', ctx.lang));
    }
    this.approvals.delete(approvalToken);
    this.audit({
      action: AUDIT_ACTIONS.replySentWithApproval,
      actor: ctx.agentUsername,
      target: `conversation:${ctx.conversationId}`,
      details: { lead: a.leadUsername, textHash: decision.textHash },
    });
    return decision;
  }
}

/** "…and enter the code there": the place is the one just pointed at (a link), not the official app. Folded text. */
const THERE = /(?:^| )(?:there|over there|in there|on there|اونجا|همونجا|انجا|همانجا|هناك|لهناك|هنيك|غادي|تما|temma|ghadi|unja|oonja|onja|hamunja)(?: |$)/u;

/** `model`: the learned component beside the rules (`null` for the rules alone, as its training and bench compare). */
export function evaluateReply(whole: string, lang: GuardLang, policy: GuardPolicy, detectSensitive: DetectSensitive, model: RequestModel | null = REQUEST_MODEL): GuardFinding[] {
  const findings: GuardFinding[] = [];
  // a reply longer than the guard reads is judged on its read part, and blocked: what was not read was not checked
  const { read: text, unread } = readPart(whole);
  if (unread) findings.push({ verdict: 'block', code: 'too_long_to_check', reason: say('outbound.too_long', lang, { limit: sayNumber(READ_LIMIT, lang) }), approvable: false });
  const allowed = [...policy.companyDomains, ...policy.allowedLinkDomains];
  const outsideLinks = extractLinks(text).filter((l) => !domainIsWithin(l.domain, allowed));
  const outside = new Set(outsideLinks.map((l) => l.hostUnicode));
  const ours = [...policy.companyDomains, ...policy.brandNames];
  let imitates: boolean | undefined;
  const imitation = () => (imitates ??= outsideLinks.some((l) => inspectLinkDomain(l, policy).some((f) => f.code !== 'lookalike' || (f.company !== undefined && ours.includes(f.company)))));
  for (const r of findSecretRequests(text, { phoneAndActivationOnly: policy.serviceNeedsOnlyPhoneAndActivationCode })) {
    // "open this link and enter the code there": with no place named but a site we do not own in the reply, the
    // secret would be typed into a third party's page — handing it over as surely as sending it to us
    // (round 29) …"there" or not, when a link beside the entry imitates the company (its name with other words, a
    // shortener, mixed scripts): "complete verification at acme-verify.net by entering the code you received"
    // (round 35) …and credentials entered at a link the reply gives, when the link is a third party's: "log in with your bank details" there
    if (r.strength === 'block' || (outside.size && (THERE.test(r.clause) || r.atLink)) || (r.nearLink && imitation())) {
      if (!findings.some((f) => f.code === `asks_${r.kind}`)) {
        const approvable = (policy.approvableRequests as readonly string[]).includes(r.kind);
        // a national ID or full name: blocked outright where the service needs only phone and activation code, otherwise
        // asked about; either way held for a lead when the policy marks it approvable, never allowed silently
        const personal = r.kind === 'national_id' || r.kind === 'full_name';
        const key = (personal && !policy.serviceNeedsOnlyPhoneAndActivationCode ? `outbound.${r.kind}_asked` : `outbound.${r.kind}`) as MessageKey;
        const reason = say(key, lang) + ' ' + say(approvable ? 'outbound.needs_lead' : 'outbound.never_approvable', lang);
        findings.push({ verdict: 'block', code: `asks_${r.kind}`, reason, approvable });
      }
    } else if (!findings.some((f) => f.code === 'entry_unclear')) {
      findings.push({ verdict: 'warn', code: 'entry_unclear', reason: say('outbound.entry_unclear', lang), approvable: true });
    }
  }
  // the rules decide; the learned model only adds a block they missed, never lifts one, and a lead cannot approve it
  // (it may be a code it found: rephrase instead)
  if (model?.enabled && !findings.some((f) => f.verdict === 'block') && modelBlocks(text, model, policy)) {
    findings.push({ verdict: 'block', code: 'asks_secret', reason: say('outbound.model', lang) + ' ' + say('outbound.never_approvable', lang), approvable: false });
  }
  for (const domain of outside) findings.push({ verdict: 'warn', code: 'link_outside_allowlist', reason: say('outbound.link', lang, { domain }), approvable: true });
  const pasted = new Set(detectSensitive(text).map((s) => s.type));
  for (const type of pasted) findings.push({ verdict: 'warn', code: 'pasted_sensitive_value', reason: say('outbound.pasted', lang, { type: kindName(type, lang) }), approvable: true });
  return findings;
}

/** The learned model's own verdict: a reply that mentions a secret (or a message, or "it"), at or above its threshold. */
export function modelBlocks(text: string, model: RequestModel, policy: Pick<GuardPolicy, 'serviceNeedsOnlyPhoneAndActivationCode'>): boolean {
  return mentionsASecret(text, { phoneAndActivationOnly: policy.serviceNeedsOnlyPhoneAndActivationCode }) && requestProbability(text, model) >= model.threshold;
}

/**
 * Four eyes on a blocked reply: only a team lead (or an administrator, single-seat) decides, and never on a reply
 * they wrote themselves. The single-seat guard and the hub's reply approvals both ask this, each naming the author and
 * the decider the same way (usernames on a single seat, user ids at the hub).
 */
export function assertMayDecideReply(a: { author: string; decider: string; deciderRole: ApproverRole }): void {
  if (a.deciderRole === 'agent') throw new DiwanError('guard_approval_forbidden', 'Only a team lead or an administrator can approve a blocked reply.');
  if (a.decider === a.author) throw new DiwanError(ERROR_CODES.selfApproval, say('approval.self', 'en'));
}

/** A reply that asks for a one-time code, password, PIN, card number or CVV is never approved, by anyone. */
export function assertApprovable(approvable: boolean, lang: GuardLang): void {
  if (!approvable) throw new DiwanError('guard_not_approvable', say('approval.never', lang));
}

/** The guard's verdict on one reply (no audit, no memory): findings, the text's hash, and whether a lead may approve it. */
export function judgeReply(text: string, lang: GuardLang, policy: GuardPolicy, detectSensitive: DetectSensitive): GuardDecision {
  return decide(text, evaluateReply(text, lang, policy, detectSensitive));
}

function decide(text: string, findings: GuardFinding[]): GuardDecision {
  const verdict: Verdict = findings.some((f) => f.verdict === 'block') ? 'block' : findings.length ? 'warn' : 'allow';
  return { verdict, findings, textHash: hashReply(text), approvable: findings.every((f) => f.verdict !== 'block' || f.approvable) };
}

function blockReasons(decision: GuardDecision): string[] {
  return decision.findings.filter((f) => f.verdict === 'block').map((f) => f.reason);
}
