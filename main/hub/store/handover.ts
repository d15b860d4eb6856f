import { AUDIT_ACTIONS } from '../../core/audit';
import type { ThreadControlAction } from '../../core/connectors';
import type { HubStore } from './hub-store';
import { inList } from './sql-rows';
import type { Actor } from './types';

/** Heard by every node on PostgreSQL (the payload is the channel's id); the embedded hub is one node and needs none. */
export const HANDOVER_NOTICE = 'diwan_thread_control';

/** How long a request waits for the node running its channel; later it is never called (its asker was told no). */
export const HANDOVER_PICKUP_MS = 10_000;
export const NOT_RUNNING = 'No hub node is running this channel right now (its health says why), so nothing was handed over; try again once it is connected.';

export type HandoverState = 'waiting' | 'calling' | 'done' | 'refused' | 'unanswered' | 'unknown';

export interface HandoverRequest {
  id: number;
  conversationId: number;
  channelId: string;
  platformConversationId: string;
  action: ThreadControlAction;
  state: HandoverState;
  code: string | null;
  reason: string | null;
  /** Who asked (the username), and when. */
  actor: string;
  createdAt: number;
}

interface Row {
  id: number;
  conversation_id: number;
  channel_id: string;
  platform_conversation_id: string;
  action: string;
  state: string;
  code: string | null;
  reason: string | null;
  actor: string;
  device: string;
  created_at: number | string;
}

const request = (r: Row): HandoverRequest => ({
  id: Number(r.id),
  conversationId: Number(r.conversation_id),
  channelId: r.channel_id,
  platformConversationId: r.platform_conversation_id,
  action: r.action as ThreadControlAction,
  state: r.state as HandoverState,
  code: r.code,
  reason: r.reason,
  actor: r.actor,
  createdAt: Number(r.created_at),
});

/**
 * Messenger's and Instagram's handover (take / pass / request thread control) asked for from a console. Only the
 * node holding the channel's lease calls the platform: the route writes a `waiting` row, that node moves it to
 * `calling` (compare-and-set, so one node calls once), calls its running connector and writes the outcome. Each
 * request ends in one audit entry with single-seat's action and shape (`core/app/thread-control.ts`), written in the
 * same transaction as its final state: done, refused (with the refusal's code), unanswered (no node ran the channel in
 * time) or unknown (the node calling it stopped).
 */
export class HubHandover {
  constructor(private readonly store: HubStore) {}

  async ask(r: { conversationId: number; channelId: string; platformConversationId: string; action: ThreadControlAction; actor: Actor }): Promise<number> {
    return this.store.q.tx(async (t) => {
      const row = await t.get<{ id: number }>(
        `INSERT INTO thread_control_requests (conversation_id, channel_id, platform_conversation_id, action, actor, device, state, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'waiting', ?) RETURNING id`,
        [r.conversationId, r.channelId, r.platformConversationId, r.action, r.actor.actor, r.actor.device ?? '', this.store.now()],
      );
      // Delivered at COMMIT, once the row is visible to the node that runs the channel.
      if (t.dialect === 'postgres') await t.run(`SELECT pg_notify('${HANDOVER_NOTICE}', ?)`, [r.channelId]);
      return Number(row!.id);
    });
  }

  async get(id: number): Promise<HandoverRequest | null> {
    const r = await this.store.q.get<Row>('SELECT * FROM thread_control_requests WHERE id = ?', [id]);
    return r ? request(r) : null;
  }

  /**
   * The waiting requests of these channels, each moved to `calling` by this caller alone. One that waited past
   * `HANDOVER_PICKUP_MS` is ended instead (its asker has been, or will be, told that nothing was handed over).
   */
  async claim(channelIds: string[]): Promise<HandoverRequest[]> {
    if (!channelIds.length) return [];
    const rows = await this.store.q.all<Row>(
      `SELECT * FROM thread_control_requests WHERE state = 'waiting' AND channel_id IN (${inList(channelIds.length)}) ORDER BY id`,
      channelIds,
    );
    const mine: HandoverRequest[] = [];
    for (const r of rows) {
      if (this.store.now() - Number(r.created_at) >= HANDOVER_PICKUP_MS) {
        await this.expire(Number(r.id), NOT_RUNNING);
        continue;
      }
      const moved = await this.store.q.run("UPDATE thread_control_requests SET state = 'calling' WHERE id = ? AND state = 'waiting'", [r.id]);
      if (moved.changes) mine.push({ ...request(r), state: 'calling' });
    }
    return mine;
  }

  /** The platform's answer, from the node that called it. */
  finish(id: number, outcome: { done: true } | { code: string; reason: string }, node: string): Promise<boolean> {
    return 'done' in outcome
      ? this.end(id, 'calling', 'done', null, null, { outcome: 'done', node })
      : this.end(id, 'calling', 'refused', outcome.code, outcome.reason, { outcome: 'refused', code: outcome.code, node });
  }

  /** Nobody took the request in time: refused, unless a node took it meanwhile (then false, and the caller waits on). */
  expire(id: number, reason: string): Promise<boolean> {
    return this.end(id, 'waiting', 'unanswered', 'channel_not_running', reason, { outcome: 'refused', code: 'channel_not_running' });
  }

  /** Requests a node left mid-call (it stopped): whether the platform acted is not known, and the agent is told so. */
  async recoverInterrupted(channelId: string, reason: string): Promise<number> {
    const rows = await this.store.q.all<{ id: number }>("SELECT id FROM thread_control_requests WHERE channel_id = ? AND state = 'calling'", [channelId]);
    let n = 0;
    for (const r of rows) if (await this.end(Number(r.id), 'calling', 'unknown', 'thread_control_interrupted', reason, { outcome: 'unknown' })) n++;
    return n;
  }

  private end(id: number, from: HandoverState, to: HandoverState, code: string | null, reason: string | null, details: Record<string, unknown>): Promise<boolean> {
    return this.store.q.tx(async (t) => {
      const moved = await t.run('UPDATE thread_control_requests SET state = ?, code = ?, reason = ?, done_at = ? WHERE id = ? AND state = ?', [to, code, reason, this.store.now(), id, from]);
      if (!moved.changes) return false;
      const r = (await t.get<Row>('SELECT * FROM thread_control_requests WHERE id = ?', [id]))!;
      await this.store.appendAudit(t, {
        actor: r.actor,
        ...(r.device ? { device: r.device } : {}),
        action: AUDIT_ACTIONS.threadControl,
        target: `conversation:${r.conversation_id}`,
        details: { channel: r.channel_id, action: r.action, ...details },
      });
      return true;
    });
  }
}
