/**
 * Phishing drills. An administrator schedules one; while it runs, the demo channel asks `nextDrillMessage(kind)`
 * for a scam attempt and delivers it to agents like any customer message, using `drillMessageId` as the
 * platform message id. When an agent reports a message as a scam, or replies to it, the console calls
 * `recordFlag` / `recordReply` with that id (`isDrillMessage` tells whether to). The report shows who flagged the
 * attempts and who replied unsafely.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../shared/db';
import { DiwanError } from '../../shared/errors';
import { noAudit, systemClock, type AuditPort, type Clock, type Random } from '../../shared/ports';
import type { Verdict } from '../outbound/guard';
import { DRILL_KINDS, type DrillKind } from '../../shared/vocabulary';
import { AUDIT_ACTIONS } from '../../shared/audit-actions';

export { DRILL_KINDS, type DrillKind } from '../../shared/vocabulary';

export type DrillOutcome = 'flagged' | 'unsafe_reply' | 'safe_reply';

/** The audit action of each outcome (the same in a single-seat console and at the hub). */
export const DRILL_OUTCOME_ACTIONS = {
  flagged: AUDIT_ACTIONS.drillFlagged,
  unsafe_reply: AUDIT_ACTIONS.drillUnsafeReply,
  safe_reply: AUDIT_ACTIONS.drillSafeReply,
} as const satisfies Record<DrillOutcome, string>;

/** How long a drill runs once started. */
export const DRILL_MINUTES = 60;

/**
 * The rules for scheduling a drill, shared by the single-seat `Drills` and the hub (`main/hub/store/drills.ts`):
 * only an administrator, a window that ends after it starts, known kinds. Returns the kinds (all when none are given).
 */
export function checkDrillSchedule(args: { role: string; startsAt: number; endsAt: number; kinds?: readonly string[] }): DrillKind[] {
  if (args.role !== 'admin') throw new DiwanError('drill_forbidden', 'Only an administrator can schedule a phishing drill.');
  if (!(args.endsAt > args.startsAt)) throw new DiwanError('drill_bad_window', 'A drill must end after it starts.');
  const kinds = args.kinds?.length ? args.kinds : DRILL_KINDS;
  if (kinds.some((k) => !(DRILL_KINDS as readonly string[]).includes(k))) throw new DiwanError('drill_bad_kind', `Drill kinds are: ${DRILL_KINDS.join(', ')}.`);
  return [...kinds] as DrillKind[];
}

/** A reply to a drill's message is unsafe when the outbound guard would block or warn it, whether or not it left. */
export function drillReplyOutcome(verdict: Verdict): 'safe_reply' | 'unsafe_reply' {
  return verdict === 'allow' ? 'safe_reply' : 'unsafe_reply';
}

export const newDrillId = (random: Random): string => 'drill-' + random.bytes(8).toString('hex');
export const newDrillMessageId = (random: Random): string => 'drillmsg-' + random.bytes(8).toString('hex');

/** One scam attempt of this kind, imitating the company's domain; `pick` (a random byte) chooses among the wordings. */
export function drillText(kind: DrillKind, companyDomain: string, pick: number): string {
  const options = drillTexts(kind, companyDomain);
  return options[pick % options.length]!;
}

/** What the demo channel calls. Returns null when no drill is running on that channel. */
export interface DrillSource {
  nextDrillMessage(kind: DrillKind, channelId: string): { text: string; drillId: string; drillMessageId: string } | null;
}

export interface DrillAgentResult {
  agentUsername: string;
  flagged: number;
  unsafeReplies: number;
  safeReplies: number;
}

export interface DrillReport {
  drillId: string;
  startsAt: number;
  endsAt: number;
  messagesSent: number;
  agents: DrillAgentResult[];
}

export interface DrillDeps {
  db: Db;
  /** How a reply is judged: the outbound guard's verdict (block or warn counts as unsafe). */
  judgeReply: (text: string) => Verdict;
  /** The company domain the look-alike links imitate, e.g. `acme.com`. */
  companyDomain: string;
  audit?: AuditPort;
  clock?: Clock;
  random?: Random;
}

export class Drills implements DrillSource {
  private readonly audit: AuditPort;
  private readonly clock: Clock;
  private readonly random: Random;

  constructor(private readonly deps: DrillDeps) {
    this.audit = deps.audit ?? noAudit;
    this.clock = deps.clock ?? systemClock;
    this.random = deps.random ?? { bytes: (n) => randomBytes(n) };
  }

  schedule(args: { adminId: string; role: 'admin' | 'lead' | 'agent'; channelId: string; startsAt: number; endsAt: number; kinds?: readonly DrillKind[] }): string {
    const kinds = checkDrillSchedule(args);
    const id = newDrillId(this.random);
    this.deps.db
      .prepare('INSERT INTO guard_drills (id, created_by, created_at, starts_at, ends_at, kinds, channel_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, args.adminId, this.clock.now(), args.startsAt, args.endsAt, kinds.join(','), args.channelId);
    this.audit({ action: AUDIT_ACTIONS.drillScheduled, actor: args.adminId, target: `drill:${id}`, details: { channel: args.channelId, startsAt: args.startsAt, endsAt: args.endsAt } });
    return id;
  }

  nextDrillMessage(kind: DrillKind, channelId: string): { text: string; drillId: string; drillMessageId: string } | null {
    const now = this.clock.now();
    const drill = this.deps.db
      .prepare('SELECT id, kinds FROM guard_drills WHERE channel_id = ? AND starts_at <= ? AND ends_at > ? ORDER BY starts_at LIMIT 1')
      .get(channelId, now, now) as { id: string; kinds: string } | undefined;
    if (!drill || !drill.kinds.split(',').includes(kind)) return null;
    const drillMessageId = newDrillMessageId(this.random);
    this.deps.db.prepare('INSERT INTO guard_drill_messages (id, drill_id, kind, sent_at) VALUES (?, ?, ?, ?)').run(drillMessageId, drill.id, kind, now);
    return { text: drillText(kind, this.deps.companyDomain, this.random.bytes(1)[0]!), drillId: drill.id, drillMessageId };
  }

  isDrillMessage(platformMessageId: string): boolean {
    return this.deps.db.prepare('SELECT 1 FROM guard_drill_messages WHERE id = ?').get(platformMessageId) !== undefined;
  }

  recordFlag(drillMessageId: string, agentUsername: string): void {
    this.outcome(drillMessageId, agentUsername, 'flagged');
  }

  /** Judges the reply (never stores its text) and records it as safe or unsafe. */
  recordReply(drillMessageId: string, agentUsername: string, replyText: string): 'safe_reply' | 'unsafe_reply' {
    const outcome = drillReplyOutcome(this.deps.judgeReply(replyText));
    this.outcome(drillMessageId, agentUsername, outcome);
    return outcome;
  }

  report(drillId: string): DrillReport {
    const d = this.deps.db.prepare('SELECT id, starts_at, ends_at FROM guard_drills WHERE id = ?').get(drillId) as { id: string; starts_at: number; ends_at: number } | undefined;
    if (!d) throw new DiwanError('drill_not_found', `There is no drill ${drillId}.`);
    const sent = (this.deps.db.prepare('SELECT count(*) n FROM guard_drill_messages WHERE drill_id = ?').get(drillId) as { n: number }).n;
    const rows = this.deps.db
      .prepare(
        `SELECT o.agent_id agent, sum(o.outcome = 'flagged') flagged, sum(o.outcome = 'unsafe_reply') unsafe, sum(o.outcome = 'safe_reply') safe
         FROM guard_drill_outcomes o JOIN guard_drill_messages m ON m.id = o.drill_message_id
         WHERE m.drill_id = ? GROUP BY o.agent_id ORDER BY o.agent_id`,
      )
      .all(drillId) as Array<{ agent: string; flagged: number; unsafe: number; safe: number }>;
    return {
      drillId,
      startsAt: d.starts_at,
      endsAt: d.ends_at,
      messagesSent: sent,
      agents: rows.map((r) => ({ agentUsername: r.agent, flagged: r.flagged, unsafeReplies: r.unsafe, safeReplies: r.safe })),
    };
  }

  private outcome(drillMessageId: string, agentUsername: string, outcome: DrillOutcome): void {
    if (!this.isDrillMessage(drillMessageId)) throw new DiwanError('drill_message_unknown', 'That message is not part of a phishing drill.');
    this.deps.db.prepare('INSERT OR IGNORE INTO guard_drill_outcomes (drill_message_id, agent_id, outcome, at) VALUES (?, ?, ?, ?)').run(drillMessageId, agentUsername, outcome, this.clock.now());
    this.audit({ action: DRILL_OUTCOME_ACTIONS[outcome], actor: agentUsername, target: `drillmsg:${drillMessageId}` });
  }
}

function drillTexts(kind: DrillKind, company: string): string[] {
  const brand = company.split('.')[0]!;
  const tld = company.slice(brand.length);
  switch (kind) {
    case 'lookalike_link':
      return [
        `Hi, I work with ${brand} IT. Please log in at ${brand}-staff-verify${tld} to confirm your agent account today.`,
        `مرحبا، هذا رابط تحديث نظام الموظفين: ${brand.replace(/m/, 'rn')}${tld}/agents سجّل دخولك الآن`,
        `سلام، لطفاً برای تمدید دسترسی از این لینک وارد شوید: ${brand}-support-login.net`,
      ];
    case 'fake_support_number':
      return [`This is ${brand} head office support. Call us back urgently on +44 7700 900461 about a customer complaint.`, `أنا من الدعم الفني للشركة، كلمني على 0501234987 ضروري بخصوص حسابك كموظف`];
    case 'upgrade_fee':
      return [`Tell the customer to pay a 25 USD upgrade fee to keep their account active, it is the new policy.`, `قول للعميل يدفع رسوم ترقية 50 ريال عشان ما يتقفل حسابه`];
    case 'account_frozen':
      return [`URGENT: your agent account is suspended. Verify now at ${brand}-hr-portal.com within 1 hour or it will be closed.`, `حساب شما مسدود شده است، همین الان از طریق لینک ${brand}-panel.ir تایید کنید`];
    case 'code_forward':
      return [
        `Hi, I am the customer's husband, he is at work. Please send me the verification code you sent to his phone, I need it now.`,
        `أنا صاحب الحساب بس غيرت رقمي، ابعتلي الكود اللي راح على الرقم القديم`,
        `سلام من از بخش فنی هستم، کد تایید مشتری رو برام بفرست تا مشکل رو حل کنم`,
      ];
  }
}
