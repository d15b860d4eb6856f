import { randomBytes } from 'node:crypto';
import {
  checkDrillSchedule,
  DRILL_MINUTES,
  DRILL_OUTCOME_ACTIONS,
  drillText,
  newDrillId,
  newDrillMessageId,
  type DrillKind,
  type DrillOutcome,
} from '../../core/guard';
import { AUDIT_ACTIONS } from '../../core/shared/audit-actions';
import { DiwanError } from '../../core/shared/errors';
import type { Random } from '../../core/shared/ports';
import type { SqlExecutor } from './executor';
import type { HubStore } from './hub-store';
import { ingestBatch } from './ingest';
import type { Actor, PreparedMessage } from './types';

export interface HubDrillStart {
  drillId: string;
  channelId: string;
  targetId: number | null;
  startsAt: number;
  endsAt: number;
  kinds: DrillKind[];
  conversationIds: number[];
}

export interface HubDrillReport {
  drillId: string;
  startsAt: number;
  endsAt: number;
  messagesSent: number;
  agents: Array<{ userId: number; username: string; displayName: string; flagged: number; unsafeReplies: number; safeReplies: number }>;
}

/** The drill's scam attempt as the channel would have stored it: masked, its original sealed (`OriginalsSealer.prepare`). */
export type PrepareDrillMessage = (m: { drillMessageId: string; text: string; sentAt: number }) => PreparedMessage;

/**
 * Phishing drills at the hub, with the single-seat console's rules (`core/guard` drills: who may start one, the scam
 * attempts' wording, what counts as an unsafe reply, the audit actions). An administrator starts a drill on a channel,
 * optionally for one agent: one scam attempt per kind is stored as a customer's message in its own conversation
 * (assigned to that agent), so it reaches consoles through the event stream like any customer message and nobody can
 * tell it apart. A person's first response to an attempt — reporting it as a scam, or replying (judged by the
 * outbound guard, never stored) — is scored here; the report is for leads and administrators. Replies in a drill's
 * conversation stay at the hub (`HubStore.enqueueReply`'s `stayAtHub`): there is no customer to send them to.
 * Each change writes its events (`drill.started`, `drill.scored`, to leads and administrators) and its audit entry in
 * the same transaction.
 */
export class HubDrills {
  private readonly random: Random;

  constructor(
    private readonly store: HubStore,
    random?: Random,
  ) {
    this.random = random ?? { bytes: (n) => randomBytes(n) };
  }

  async start(
    a: { by: { id: number; role: string }; channelId: string; targetId: number | null; kinds?: readonly DrillKind[]; companyDomain: string; prepare: PrepareDrillMessage },
    actor: Actor,
  ): Promise<HubDrillStart> {
    const startsAt = this.store.now();
    const endsAt = startsAt + DRILL_MINUTES * 60_000;
    const kinds = checkDrillSchedule({ role: a.by.role, startsAt, endsAt, ...(a.kinds ? { kinds: a.kinds } : {}) });
    return this.store.q.tx(async (t) => {
      if (!(await t.get('SELECT 1 AS one FROM channels WHERE id = ?', [a.channelId]))) throw new DiwanError('channel_unknown', `There is no channel ${a.channelId} at the hub.`);
      const drillId = newDrillId(this.random);
      await t.run('INSERT INTO drills (id, created_by, created_at, starts_at, ends_at, kinds, channel_id, target_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        drillId,
        a.by.id,
        startsAt,
        startsAt,
        endsAt,
        kinds.join(','),
        a.channelId,
        a.targetId,
      ]);
      const conversationIds: number[] = [];
      for (const kind of kinds) {
        const drillMessageId = newDrillMessageId(this.random);
        const text = drillText(kind, a.companyDomain, this.random.bytes(1)[0]!);
        await ingestBatch(this.store, t, a.channelId, [a.prepare({ drillMessageId, text, sentAt: startsAt })]);
        const m = (await t.get<{ id: number; conversation_id: number }>('SELECT id, conversation_id FROM messages WHERE channel_id = ? AND platform_message_id = ?', [a.channelId, drillMessageId]))!;
        await t.run('INSERT INTO drill_messages (id, drill_id, kind, sent_at, message_id, conversation_id) VALUES (?, ?, ?, ?, ?, ?)', [drillMessageId, drillId, kind, startsAt, m.id, m.conversation_id]);
        if (a.targetId !== null) await this.assignIn(t, m.conversation_id, a.targetId, actor);
        conversationIds.push(m.conversation_id);
      }
      const started: HubDrillStart = { drillId, channelId: a.channelId, targetId: a.targetId, startsAt, endsAt, kinds, conversationIds };
      await this.store.emitMany(t, [
        { kind: 'drill.started', audience: 'leads', payload: started },
        { kind: 'drill.started', audience: 'admins', payload: started },
      ]);
      await this.store.appendAudit(t, {
        ...actor,
        action: AUDIT_ACTIONS.drillScheduled,
        target: `drill:${drillId}`,
        details: { channel: a.channelId, startsAt, endsAt, targetId: a.targetId, kinds },
      });
      return started;
    });
  }

  /** The drill message stored as this message, if it is one. */
  async drillMessageOf(messageId: number): Promise<string | null> {
    return (await this.store.q.get<{ id: string }>('SELECT id FROM drill_messages WHERE message_id = ?', [messageId]))?.id ?? null;
  }

  /** Whether the conversation is a drill's (a reply in it has no customer to go to). */
  async isDrillConversation(conversationId: number): Promise<boolean> {
    return (await this.store.q.get('SELECT 1 AS one FROM drill_messages WHERE conversation_id = ?', [conversationId])) !== undefined;
  }

  /** The person reported a drill's message as a scam: the response the drill hopes for. */
  async recordFlag(drillMessageId: string, user: { id: number; username: string }, actor: Actor): Promise<{ recorded: boolean }> {
    return this.store.q.tx(async (t) => {
      const m = await t.get<{ drill_id: string }>('SELECT drill_id FROM drill_messages WHERE id = ?', [drillMessageId]);
      if (!m) throw new DiwanError('drill_message_unknown', 'That message is not part of a phishing drill.');
      return { recorded: await this.scoreIn(t, m.drill_id, drillMessageId, user, 'flagged', actor) };
    });
  }

  /**
   * A reply in a drill's conversation, judged by the outbound guard's verdict on it (`drillReplyOutcome`), recorded
   * against every drill message in the conversation. Runs before the guard holds the reply, so a stopped reply counts.
   */
  async recordReply(conversationId: number, user: { id: number; username: string }, outcome: 'safe_reply' | 'unsafe_reply', actor: Actor): Promise<number> {
    return this.store.q.tx(async (t) => {
      const rows = await t.all<{ id: string; drill_id: string }>('SELECT id, drill_id FROM drill_messages WHERE conversation_id = ? ORDER BY id', [conversationId]);
      let recorded = 0;
      for (const r of rows) if (await this.scoreIn(t, r.drill_id, r.id, user, outcome, actor)) recorded++;
      return recorded;
    });
  }

  async report(drillId: string): Promise<HubDrillReport> {
    const d = await this.store.q.get<{ starts_at: number | string; ends_at: number | string }>('SELECT starts_at, ends_at FROM drills WHERE id = ?', [drillId]);
    if (!d) throw new DiwanError('drill_not_found', `There is no drill ${drillId}.`);
    const sent = (await this.store.q.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM drill_messages WHERE drill_id = ?', [drillId]))!;
    const rows = await this.store.q.all<{ user_id: number; username: string; display_name: string; flagged: number | string; unsafe: number | string; safe: number | string }>(
      `SELECT o.user_id, u.username, u.display_name,
              SUM(CASE WHEN o.outcome = 'flagged' THEN 1 ELSE 0 END) AS flagged,
              SUM(CASE WHEN o.outcome = 'unsafe_reply' THEN 1 ELSE 0 END) AS unsafe,
              SUM(CASE WHEN o.outcome = 'safe_reply' THEN 1 ELSE 0 END) AS safe
         FROM drill_outcomes o JOIN drill_messages m ON m.id = o.drill_message_id JOIN users u ON u.id = o.user_id
        WHERE m.drill_id = ? GROUP BY o.user_id, u.username, u.display_name ORDER BY u.username`,
      [drillId],
    );
    return {
      drillId,
      startsAt: Number(d.starts_at),
      endsAt: Number(d.ends_at),
      messagesSent: Number(sent.n),
      agents: rows.map((r) => ({
        userId: Number(r.user_id),
        username: r.username,
        displayName: r.display_name,
        flagged: Number(r.flagged),
        unsafeReplies: Number(r.unsafe),
        safeReplies: Number(r.safe),
      })),
    };
  }

  /** A person's first response to a drill message counts; later ones change nothing (as on a single-seat console). */
  private async scoreIn(t: SqlExecutor, drillId: string, drillMessageId: string, user: { id: number; username: string }, outcome: DrillOutcome, actor: Actor): Promise<boolean> {
    const at = this.store.now();
    const inserted = await t.run('INSERT INTO drill_outcomes (drill_message_id, user_id, outcome, at) VALUES (?, ?, ?, ?) ON CONFLICT (drill_message_id, user_id) DO NOTHING', [
      drillMessageId,
      user.id,
      outcome,
      at,
    ]);
    if (!inserted.changes) return false;
    const scored = { drillId, drillMessageId, userId: user.id, outcome, at };
    await this.store.emitMany(t, [
      { kind: 'drill.scored', audience: 'leads', payload: scored },
      { kind: 'drill.scored', audience: 'admins', payload: scored },
    ]);
    await this.store.appendAudit(t, { ...actor, action: DRILL_OUTCOME_ACTIONS[outcome], target: `drillmsg:${drillMessageId}`, details: { drillId } });
    return true;
  }

  private async assignIn(t: SqlExecutor, conversationId: number, assigneeId: number, actor: Actor): Promise<void> {
    await t.run('UPDATE conversations SET assignee_id = ?, version = version + 1 WHERE id = ?', [assigneeId, conversationId]);
    const view = (await this.store.conversationIn(t, conversationId))!;
    await this.store.emit(t, 'conversation.updated', 'conversation', view, { channelId: view.channelId, conversationId });
    await this.store.appendAudit(t, { ...actor, action: 'conversation.assigned', target: `conversation:${conversationId}`, details: { assigneeId } });
  }
}
