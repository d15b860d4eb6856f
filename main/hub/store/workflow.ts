import type { Role } from '../../core/auth';
import { DiwanError } from '../../core/shared/errors';
import { BusinessCalendar, DEFAULT_CALENDAR, slaClocks, slaRisk, type CalendarSpec, type SlaClock, type SlaRisk, type SlaTargets } from '../../core/sla';
import { DEFAULT_RULE, effectivePresence, pickAgent, resolveMentions, type AssignMode, type Candidate, type PresenceState } from '../../core/workflow';
import { mayReadChannel } from '../audience';
import type { SqlExecutor } from './executor';
import type { HubStore } from './hub-store';
import type { PresenceView } from '../../core/team/wire';
import type { Actor, ConversationView } from './types';

/** A channel's workflow: how conversations are handed out, when they go back to the queue, and its SLA promises. */
export interface ChannelRule extends SlaTargets {
  channelId: string;
  mode: AssignMode;
  /** The most open conversations an agent holds before the sweep passes them over (an agent's own setting wins). */
  capacity: number;
  /** An assignee away or offline this long while a customer waits loses the conversation to the queue; null: never. */
  returnAfterMinutes: number | null;
  /** Only the assignee may reply (the hub refuses a reply by anyone else). */
  assigneeOnlyReply: boolean;
}

export { DEFAULT_RULE };

export type { PresenceView };

export interface RiskRow {
  conversationId: number;
  channelId: string;
  assigneeId: number | null;
  target: SlaClock['target'];
  dueAt: number;
  risk: SlaRisk;
}

interface RuleRow {
  channel_id: string;
  mode: AssignMode;
  capacity: number;
  return_after_minutes: number | null;
  assignee_only_reply: number;
  first_response_minutes: number | null;
  next_response_minutes: number | null;
  resolution_minutes: number | null;
}

const toRule = (r: RuleRow): ChannelRule => ({
  channelId: r.channel_id,
  mode: r.mode,
  capacity: r.capacity,
  returnAfterMinutes: r.return_after_minutes,
  assigneeOnlyReply: Boolean(r.assignee_only_reply),
  firstResponseMinutes: r.first_response_minutes,
  nextResponseMinutes: r.next_response_minutes,
  resolutionMinutes: r.resolution_minutes,
});

/** Key of the transaction-scoped advisory lock under which every node hands out and takes back conversations. */
const ASSIGN_LOCK = 7_241_018;

/** A message `m` that is not the hub's consent notice: the notice answers nobody and stops no SLA clock. */
const NOT_A_NOTICE = (m: string) => `NOT EXISTS (SELECT 1 FROM contact_consent n WHERE n.notice_message_id = ${m}.id)`;

/** How many queued conversations one sweep transaction looks at (the sweep repeats while there are more). */
const SWEEP_BATCH = 200;

/**
 * The team workflow's data (issue 18): presence, assignment rules and the sweep that applies them, mentions,
 * SLA alerts and the lead's board. Every change writes its event and audit entry in its own transaction.
 */
export class WorkflowStore {
  private calendarCache: { spec: string; cal: BusinessCalendar } | null = null;

  constructor(
    private readonly store: HubStore,
    private readonly now: () => number,
  ) {}

  private get q(): SqlExecutor {
    return this.store.q;
  }

  private async lock(t: SqlExecutor): Promise<void> {
    if (t.dialect === 'postgres') await t.run('SELECT pg_advisory_xact_lock(?)', [ASSIGN_LOCK]);
  }

  // ── rules and calendar ────────────────────────────────────────────────────────────────────────────────────

  async rules(): Promise<ChannelRule[]> {
    const rows = await this.q.all<RuleRow>('SELECT * FROM channel_workflow ORDER BY channel_id');
    return rows.map(toRule);
  }

  async rule(channelId: string, q: SqlExecutor = this.q): Promise<ChannelRule> {
    const r = await q.get<RuleRow>('SELECT * FROM channel_workflow WHERE channel_id = ?', [channelId]);
    return r ? toRule(r) : { channelId, ...DEFAULT_RULE };
  }

  async saveRule(rule: ChannelRule, actor: Actor): Promise<ChannelRule> {
    return this.q.tx(async (t) => {
      if (!(await t.get('SELECT id FROM channels WHERE id = ?', [rule.channelId]))) throw new DiwanError('channel_unknown', `There is no channel "${rule.channelId}".`);
      await t.run(
        `INSERT INTO channel_workflow (channel_id, mode, capacity, return_after_minutes, assignee_only_reply, first_response_minutes, next_response_minutes, resolution_minutes, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (channel_id) DO UPDATE SET mode = excluded.mode, capacity = excluded.capacity,
         return_after_minutes = excluded.return_after_minutes, assignee_only_reply = excluded.assignee_only_reply,
         first_response_minutes = excluded.first_response_minutes, next_response_minutes = excluded.next_response_minutes,
         resolution_minutes = excluded.resolution_minutes, updated_at = excluded.updated_at`,
        [
          rule.channelId,
          rule.mode,
          rule.capacity,
          rule.returnAfterMinutes,
          rule.assigneeOnlyReply ? 1 : 0,
          rule.firstResponseMinutes,
          rule.nextResponseMinutes,
          rule.resolutionMinutes,
          this.now(),
        ],
      );
      await this.store.emit(t, 'workflow.rule', 'team', rule);
      await this.store.appendAudit(t, { ...actor, action: 'workflow.rule_saved', target: `channel:${rule.channelId}`, details: { ...rule } });
      return rule;
    });
  }

  /** The team's business-hours calendar (the default until one is saved). */
  async calendar(): Promise<{ spec: CalendarSpec; calendar: BusinessCalendar }> {
    const row = await this.q.get<{ spec: string }>('SELECT spec FROM business_calendar WHERE id = 1');
    const text = row?.spec ?? JSON.stringify(DEFAULT_CALENDAR);
    if (this.calendarCache?.spec !== text) this.calendarCache = { spec: text, cal: new BusinessCalendar(JSON.parse(text) as CalendarSpec) };
    return { spec: JSON.parse(text) as CalendarSpec, calendar: this.calendarCache.cal };
  }

  async saveCalendar(spec: CalendarSpec, actor: Actor): Promise<CalendarSpec> {
    new BusinessCalendar(spec); // refuses a calendar that is not valid, with a sentence
    await this.q.tx(async (t) => {
      await t.run('INSERT INTO business_calendar (id, spec, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET spec = excluded.spec, updated_at = excluded.updated_at', [
        JSON.stringify(spec),
        this.now(),
      ]);
      // Consoles keep the calendar a while for their countdowns: this tells them to ask again.
      await this.store.emit(t, 'workflow.calendar', 'team', { timeZone: spec.timeZone });
      await this.store.appendAudit(t, { ...actor, action: 'workflow.calendar_saved', details: { timeZone: spec.timeZone, weekend: spec.weekend, holidays: spec.holidays?.length ?? 0 } });
    });
    return spec;
  }

  /** An agent's own capacity (null: the channel's). */
  async setCapacity(userId: number, capacity: number | null, actor: Actor): Promise<void> {
    await this.q.tx(async (t) => {
      if (!(await t.get('SELECT id FROM users WHERE id = ?', [userId]))) throw new DiwanError('user_unknown', `There is no user with id ${userId}.`);
      await t.run('INSERT INTO agent_workload (user_id, capacity) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET capacity = excluded.capacity', [userId, capacity]);
      await this.store.emit(t, 'workflow.capacity', 'team', { userId, capacity });
      await this.store.appendAudit(t, { ...actor, action: 'workflow.capacity_set', target: `user:${userId}`, details: { capacity } });
    });
  }

  /** The agents' own capacities (those who have one; everyone else takes their channels'). */
  async capacities(): Promise<Array<{ userId: number; capacity: number }>> {
    const rows = await this.q.all<{ user_id: number; capacity: number }>('SELECT user_id, capacity FROM agent_workload WHERE capacity IS NOT NULL ORDER BY user_id');
    return rows.map((r) => ({ userId: r.user_id, capacity: r.capacity }));
  }

  // ── presence ──────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * The consoles of these users are connected: their presence lives `ttlMs` longer. One that had gone offline (or
   * never was online) comes online, which is an event; a refresh of a live one is not.
   */
  async heartbeat(userIds: readonly number[], ttlMs: number): Promise<number[]> {
    const ids = [...new Set(userIds)];
    if (!ids.length) return [];
    const now = this.now();
    const marks = ids.map(() => '?').join(', ');
    const alive = await this.q.all<{ user_id: number }>(`UPDATE presence SET expires_at = ? WHERE user_id IN (${marks}) AND state <> 'offline' AND expires_at > ? RETURNING user_id`, [
      now + ttlMs,
      ...ids,
      now,
    ]);
    const refreshed = new Set(alive.map((r) => r.user_id));
    const arriving = ids.filter((id) => !refreshed.has(id));
    if (!arriving.length) return [];
    return this.q.tx(async (t) => {
      const came: number[] = [];
      for (const id of arriving) {
        const r = await t.get<{ state: PresenceState; expires_at: number }>('SELECT state, expires_at FROM presence WHERE user_id = ?', [id]);
        if (r && r.state !== 'offline' && r.expires_at > now) {
          await t.run('UPDATE presence SET expires_at = ? WHERE user_id = ?', [now + ttlMs, id]);
          continue;
        }
        await t.run(
          "INSERT INTO presence (user_id, state, expires_at, changed_at) VALUES (?, 'online', ?, ?) ON CONFLICT (user_id) DO UPDATE SET state = 'online', expires_at = excluded.expires_at, changed_at = excluded.changed_at",
          [id, now + ttlMs, now],
        );
        await this.store.emit(t, 'presence.updated', 'team', { userId: id, state: 'online', since: now } satisfies PresenceView);
        came.push(id);
      }
      return came;
    });
  }

  /** An agent says they are away (or back); the time-to-live still ends it when their console goes silent. */
  async setPresence(userId: number, state: 'online' | 'away', ttlMs: number): Promise<PresenceView> {
    const now = this.now();
    return this.q.tx(async (t) => {
      const r = await t.get<{ state: PresenceState; expires_at: number; changed_at: number }>('SELECT state, expires_at, changed_at FROM presence WHERE user_id = ?', [userId]);
      const before = effectivePresence(r ? { state: r.state, expiresAt: r.expires_at, changedAt: r.changed_at } : null, now);
      if (before.state === state) {
        await t.run('UPDATE presence SET expires_at = ? WHERE user_id = ?', [now + ttlMs, userId]);
        return { userId, state, since: before.since };
      }
      await t.run(
        'INSERT INTO presence (user_id, state, expires_at, changed_at) VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at, changed_at = excluded.changed_at',
        [userId, state, now + ttlMs, now],
      );
      const view: PresenceView = { userId, state, since: now };
      await this.store.emit(t, 'presence.updated', 'team', view);
      return view;
    });
  }

  /** Presence whose time-to-live ran out becomes offline, once, whichever node notices first. */
  async expirePresence(): Promise<PresenceView[]> {
    const now = this.now();
    const due = await this.q.get<{ n: number }>("SELECT COUNT(*) AS n FROM presence WHERE state <> 'offline' AND expires_at <= ?", [now]);
    if (!due?.n) return [];
    return this.q.tx(async (t) => {
      const gone = await t.all<{ user_id: number; changed_at: number }>(
        "UPDATE presence SET state = 'offline', changed_at = expires_at WHERE state <> 'offline' AND expires_at <= ? RETURNING user_id, changed_at",
        [now],
      );
      const out: PresenceView[] = [];
      for (const g of gone) {
        const view: PresenceView = { userId: g.user_id, state: 'offline', since: g.changed_at };
        await this.store.emit(t, 'presence.updated', 'team', view);
        out.push(view);
      }
      return out;
    });
  }

  async presence(): Promise<PresenceView[]> {
    const now = this.now();
    const rows = await this.q.all<{ id: number; state: PresenceState | null; expires_at: number | null; changed_at: number | null }>(
      'SELECT u.id, p.state, p.expires_at, p.changed_at FROM users u LEFT JOIN presence p ON p.user_id = u.id WHERE u.disabled = 0 ORDER BY u.id',
    );
    return rows.map((r) => ({ userId: r.id, ...effectivePresence(r.state ? { state: r.state, expiresAt: r.expires_at!, changedAt: r.changed_at! } : null, now) }));
  }

  // ── assignment ────────────────────────────────────────────────────────────────────────────────────────────

  /** Online agents with their open load and place in the rotation, read inside the assignment lock. */
  private async candidates(t: SqlExecutor, now: number): Promise<Array<Candidate & { role: Role; channels: string[]; ownCapacity: number | null }>> {
    const rows = await t.all<{ id: number; role: Role; capacity: number | null; turn: number | null; open: number }>(
      `SELECT u.id, u.role, w.capacity, w.turn,
         (SELECT COUNT(*) FROM conversations c WHERE c.assignee_id = u.id AND c.status <> 'resolved') AS open
       FROM users u JOIN presence p ON p.user_id = u.id LEFT JOIN agent_workload w ON w.user_id = u.id
       WHERE u.role = 'agent' AND u.disabled = 0 AND p.state = 'online' AND p.expires_at > ?`,
      [now],
    );
    if (!rows.length) return [];
    const channels = new Map<number, string[]>();
    for (const r of await t.all<{ user_id: number; channel_id: string }>(`SELECT user_id, channel_id FROM user_channels WHERE user_id IN (${rows.map(() => '?').join(', ')})`, rows.map((r) => r.id))) {
      channels.set(r.user_id, [...(channels.get(r.user_id) ?? []), r.channel_id]);
    }
    return rows.map((r) => ({ id: r.id, role: r.role, open: r.open, capacity: 0, ownCapacity: r.capacity, turn: r.turn ?? 0, channels: channels.get(r.id) ?? [] }));
  }

  /**
   * The backlog sweep: hands waiting conversations of rule-driven channels to online agents under capacity, oldest
   * first, until the queue or the capacity runs out. Under the assignment lock, with a compare-and-set on each
   * conversation's version, so concurrent sweeps on several nodes never give one conversation to two people.
   */
  async assignQueue(actor: Actor): Promise<Array<{ conversationId: number; assigneeId: number }>> {
    const done: Array<{ conversationId: number; assigneeId: number }> = [];
    for (;;) {
      const batch = await this.assignBatch(actor);
      done.push(...batch.assigned);
      if (!batch.more) return done;
    }
  }

  private async assignBatch(actor: Actor): Promise<{ assigned: Array<{ conversationId: number; assigneeId: number }>; more: boolean }> {
    const auto = await this.q.get<{ n: number }>("SELECT COUNT(*) AS n FROM channel_workflow WHERE mode <> 'manual'");
    if (!auto?.n) return { assigned: [], more: false };
    return this.q.tx(async (t) => {
      await this.lock(t);
      const queue = await t.all<{ id: number; channel_id: string; version: number; mode: AssignMode; capacity: number }>(
        `SELECT c.id, c.channel_id, c.version, w.mode, w.capacity FROM conversations c JOIN channel_workflow w ON w.channel_id = c.channel_id
          WHERE w.mode <> 'manual' AND c.assignee_id IS NULL AND c.status <> 'resolved'
          ORDER BY COALESCE(c.opened_at, c.last_message_at), c.id LIMIT ?`,
        [SWEEP_BATCH],
      );
      if (!queue.length) return { assigned: [], more: false };
      const now = this.now();
      const agents = await this.candidates(t, now);
      if (!agents.length) return { assigned: [], more: false };
      let turn = (await t.get<{ m: number | null }>('SELECT MAX(turn) AS m FROM agent_workload'))?.m ?? 0;
      const assigned: Array<{ conversationId: number; assigneeId: number }> = [];
      for (const c of queue) {
        const eligible = agents.filter((a) => mayReadChannel(a, c.channel_id)).map((a) => Object.assign(a, { capacity: a.ownCapacity ?? c.capacity }));
        const chosen = pickAgent(c.mode, eligible);
        if (!chosen) continue;
        const r = await t.run('UPDATE conversations SET assignee_id = ?, version = version + 1 WHERE id = ? AND version = ? AND assignee_id IS NULL', [chosen.id, c.id, c.version]);
        if (!r.changes) continue;
        chosen.open++;
        chosen.turn = ++turn;
        await t.run('INSERT INTO agent_workload (user_id, turn) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET turn = excluded.turn', [chosen.id, turn]);
        const view = (await this.store.conversationIn(t, c.id))!;
        await this.store.emit(t, 'conversation.updated', 'conversation', view, { channelId: view.channelId, conversationId: c.id });
        await this.store.appendAudit(t, { ...actor, action: 'conversation.assigned', target: `conversation:${c.id}`, details: { assigneeId: chosen.id, rule: c.mode } });
        assigned.push({ conversationId: c.id, assigneeId: chosen.id });
      }
      return { assigned, more: queue.length === SWEEP_BATCH && assigned.length > 0 };
    });
  }

  /**
   * Conversations whose assignee has been away or offline longer than the channel allows while the customer waits
   * (their last message is the customer's) go back to the queue.
   */
  async returnToQueue(actor: Actor): Promise<Array<{ conversationId: number; from: number }>> {
    const now = this.now();
    const rows = await this.q.all<{ id: number; version: number; assignee_id: number; minutes: number; state: PresenceState | null; expires_at: number | null; changed_at: number | null }>(
      `SELECT c.id, c.version, c.assignee_id, w.return_after_minutes AS minutes, p.state, p.expires_at, p.changed_at
         FROM conversations c JOIN channel_workflow w ON w.channel_id = c.channel_id LEFT JOIN presence p ON p.user_id = c.assignee_id
        WHERE c.assignee_id IS NOT NULL AND c.status <> 'resolved' AND w.return_after_minutes IS NOT NULL
          AND (p.user_id IS NULL OR p.state <> 'online' OR p.expires_at <= ?)
          AND (SELECT m.direction FROM messages m WHERE m.conversation_id = c.id AND ${NOT_A_NOTICE('m')} ORDER BY m.id DESC LIMIT 1) = 'in'`,
      [now],
    );
    const due = rows.filter((r) => {
      const p = effectivePresence(r.state ? { state: r.state, expiresAt: r.expires_at!, changedAt: r.changed_at! } : null, now);
      return p.state !== 'online' && now - p.since >= r.minutes * 60_000;
    });
    if (!due.length) return [];
    return this.q.tx(async (t) => {
      await this.lock(t);
      const out: Array<{ conversationId: number; from: number }> = [];
      for (const r of due) {
        const u = await t.run('UPDATE conversations SET assignee_id = NULL, version = version + 1 WHERE id = ? AND version = ? AND assignee_id = ?', [r.id, r.version, r.assignee_id]);
        if (!u.changes) continue;
        const view = (await this.store.conversationIn(t, r.id))!;
        await this.store.emit(t, 'conversation.updated', 'conversation', view, { channelId: view.channelId, conversationId: r.id });
        await this.store.emit(t, 'conversation.returned', `user:${r.assignee_id}`, { conversationId: r.id, minutes: r.minutes }, { channelId: view.channelId, conversationId: r.id });
        await this.store.appendAudit(t, { ...actor, action: 'conversation.returned', target: `conversation:${r.id}`, details: { from: r.assignee_id, afterMinutes: r.minutes } });
        out.push({ conversationId: r.id, from: r.assignee_id });
      }
      return out;
    });
  }

  /** Refuses a reply when the channel lets only the assignee reply and the author is not the assignee. */
  async assertMayReply(c: ConversationView, userId: number): Promise<void> {
    const rule = await this.rule(c.channelId);
    if (rule.assigneeOnlyReply && c.assigneeId !== userId) {
      throw new DiwanError(
        'not_assignee',
        c.assigneeId === null ? 'On this channel only the assignee replies: take the conversation first.' : 'On this channel only the assignee replies; ask them, or ask a lead to reassign it.',
      );
    }
  }

  // ── mentions ──────────────────────────────────────────────────────────────────────────────────────────────

  /** Inside the note's transaction: each colleague the note names (and who may read it) gets a notification. */
  async notifyMentions(t: SqlExecutor, note: { id: number; conversation: ConversationView }, author: { id: number; username: string }, maskedText: string): Promise<number[]> {
    const team = await t.all<{ id: number; username: string; role: Role; disabled: number }>('SELECT id, username, role, disabled FROM users');
    const mentioned = resolveMentions(maskedText, team).filter((u) => !u.disabled && u.id !== author.id);
    const out: number[] = [];
    for (const u of mentioned) {
      const channels = (await t.all<{ channel_id: string }>('SELECT channel_id FROM user_channels WHERE user_id = ?', [u.id])).map((r) => r.channel_id);
      if (!mayReadChannel({ role: u.role, channels }, note.conversation.channelId)) continue;
      await this.store.emit(
        t,
        'note.mention',
        `user:${u.id}`,
        { noteId: note.id, conversationId: note.conversation.id, by: author.username, maskedText: maskedText.slice(0, 280) },
        { channelId: note.conversation.channelId, conversationId: note.conversation.id },
      );
      out.push(u.id);
    }
    if (out.length) await this.store.appendAudit(t, { actor: author.username, action: 'note.mentioned', target: `conversation:${note.conversation.id}`, details: { noteId: note.id, userIds: out } });
    return out;
  }

  // ── SLAs ──────────────────────────────────────────────────────────────────────────────────────────────────

  /** The running SLA clocks of every unresolved conversation on a channel with promises, soonest due first. */
  async clocks(): Promise<Array<SlaClock & { conversationId: number; channelId: string; assigneeId: number | null }>> {
    const rules = (await this.rules()).filter((r) => r.firstResponseMinutes !== null || r.nextResponseMinutes !== null || r.resolutionMinutes !== null);
    if (!rules.length) return [];
    const { calendar } = await this.calendar();
    const byChannel = new Map(rules.map((r) => [r.channelId, r]));
    const rows = await this.q.all<{ id: number; channel_id: string; assignee_id: number | null; opened_at: number; last_out: number | null; waiting_since: number | null }>(
      `SELECT x.*, (SELECT MIN(m.sent_at) FROM messages m WHERE m.conversation_id = x.id AND m.direction = 'in' AND m.sent_at >= x.opened_at
                     AND m.sent_at > COALESCE(x.last_out, -1)) AS waiting_since
         FROM (SELECT c.id, c.channel_id, c.assignee_id, c.opened_at,
                      (SELECT MAX(o.sent_at) FROM messages o WHERE o.conversation_id = c.id AND o.direction = 'out' AND ${NOT_A_NOTICE('o')}) AS last_out
                 FROM conversations c
                WHERE c.status <> 'resolved' AND c.opened_at IS NOT NULL AND c.channel_id IN (${rules.map(() => '?').join(', ')})) x`,
      rules.map((r) => r.channelId),
    );
    const out: Array<SlaClock & { conversationId: number; channelId: string; assigneeId: number | null }> = [];
    for (const r of rows) {
      const timeline = { openedAt: r.opened_at, waitingSince: r.waiting_since, answered: r.last_out !== null && r.last_out >= r.opened_at, resolved: false };
      for (const c of slaClocks(timeline, byChannel.get(r.channel_id)!, calendar)) out.push({ ...c, conversationId: r.id, channelId: r.channel_id, assigneeId: r.assignee_id });
    }
    return out.sort((a, b) => a.dueAt - b.dueAt);
  }

  /** Conversations at risk or past a promise, for the board. */
  async atRisk(riskShare = 0.25): Promise<RiskRow[]> {
    const now = this.now();
    const { calendar } = await this.calendar();
    const out: RiskRow[] = [];
    for (const c of await this.clocks()) {
      const risk = slaRisk(c, now, calendar, riskShare);
      if (risk !== 'ok') out.push({ conversationId: c.conversationId, channelId: c.channelId, assigneeId: c.assigneeId, target: c.target, dueAt: c.dueAt, risk });
    }
    return out;
  }

  /** Each newly breached promise alerts the leads (and the assignee) once, whichever node sees it first. */
  async alertBreaches(actor: Actor): Promise<RiskRow[]> {
    const now = this.now();
    const breached = (await this.clocks()).filter((c) => c.dueAt <= now);
    if (!breached.length) return [];
    const sent = new Set(
      (await this.q.all<{ conversation_id: number; target: string; due_at: number }>('SELECT conversation_id, target, due_at FROM sla_alerts WHERE due_at >= ?', [
        Math.min(...breached.map((c) => c.dueAt)),
      ])).map((a) => `${a.conversation_id}:${a.target}:${a.due_at}`),
    );
    const out: RiskRow[] = [];
    for (const c of breached.filter((b) => !sent.has(`${b.conversationId}:${b.target}:${b.dueAt}`))) {
      await this.q.tx(async (t) => {
        const r = await t.run('INSERT INTO sla_alerts (conversation_id, target, due_at, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [c.conversationId, c.target, c.dueAt, now]);
        if (!r.changes) return;
        const row: RiskRow = { conversationId: c.conversationId, channelId: c.channelId, assigneeId: c.assigneeId, target: c.target, dueAt: c.dueAt, risk: 'breached' };
        const where = { channelId: c.channelId, conversationId: c.conversationId };
        await this.store.emit(t, 'sla.breached', 'leads', row, where);
        if (c.assigneeId !== null) await this.store.emit(t, 'sla.breached', `user:${c.assigneeId}`, row, where);
        await this.store.appendAudit(t, { ...actor, action: 'sla.breached', target: `conversation:${c.conversationId}`, details: { target: c.target, dueAt: c.dueAt } });
        out.push(row);
      });
    }
    return out;
  }

  // ── the lead's board ──────────────────────────────────────────────────────────────────────────────────────

  /** Who is on what, queue depth per channel, SLA risk and per-agent figures since `since`. */
  async board(since: number) {
    const [presence, rules, risk] = await Promise.all([this.presence(), this.rules(), this.atRisk()]);
    const people = await this.q.all<{ id: number; username: string; display_name: string; role: Role }>(
      "SELECT id, username, display_name, role FROM users WHERE disabled = 0 AND role IN ('agent', 'lead') ORDER BY username",
    );
    const open = await this.q.all<{ assignee_id: number; id: number; channel_id: string }>(
      "SELECT assignee_id, id, channel_id FROM conversations WHERE assignee_id IS NOT NULL AND status <> 'resolved' ORDER BY id",
    );
    const queue = await this.q.all<{ channel_id: string; n: number }>(
      "SELECT channel_id, COUNT(*) AS n FROM conversations WHERE assignee_id IS NULL AND status <> 'resolved' GROUP BY channel_id ORDER BY channel_id",
    );
    const episodes = await this.q.all<{ assignee_id: number; opened_at: number; resolved_at: number | null; status: string; first_out: number | null }>(
      `SELECT c.assignee_id, c.opened_at, c.resolved_at, c.status,
              (SELECT MIN(m.sent_at) FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'out' AND m.sent_at >= c.opened_at AND ${NOT_A_NOTICE('m')}) AS first_out
         FROM conversations c WHERE c.assignee_id IS NOT NULL AND c.opened_at IS NOT NULL AND c.opened_at >= ?`,
      [since],
    );
    const presenceOf = new Map(presence.map((p) => [p.userId, p]));
    const openOf = groupBy(open, (o) => o.assignee_id);
    const episodesOf = groupBy(episodes, (e) => e.assignee_id);
    const agents = people.map((u) => {
      const mine = episodesOf.get(u.id) ?? [];
      const handled = mine.filter((e) => e.status === 'resolved' && e.resolved_at !== null);
      const firsts = mine.filter((e) => e.first_out !== null).map((e) => e.first_out! - e.opened_at);
      return {
        userId: u.id,
        username: u.username,
        displayName: u.display_name,
        role: u.role,
        presence: presenceOf.get(u.id) ?? { userId: u.id, state: 'offline' as const, since: 0 },
        open: (openOf.get(u.id) ?? []).map((o) => o.id),
        handled: handled.length,
        medianFirstResponseMs: median(firsts),
        medianResolutionMs: median(handled.map((e) => e.resolved_at! - e.opened_at)),
      };
    });
    const rulesBy = new Map(rules.map((r) => [r.channelId, r]));
    const channels = (await this.store.channels()).map((c) => ({
      channelId: c.id,
      name: c.name,
      mode: rulesBy.get(c.id)?.mode ?? DEFAULT_RULE.mode,
      queued: queue.find((q) => q.channel_id === c.id)?.n ?? 0,
    }));
    return { at: this.now(), since, agents, channels, atRisk: risk };
  }
}

function groupBy<T, K>(xs: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}
