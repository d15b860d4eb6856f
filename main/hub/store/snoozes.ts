import { DiwanError } from '../../core/shared/errors';
import type { HubStore } from './hub-store';
import type { Actor, ConversationView } from './types';

/** How many due conversations one wake pass looks at (the next sweep takes the rest). */
const WAKE_BATCH = 200;

/**
 * Snoozing at the hub: a conversation leaves the queue until its wake-up time, then opens again. Every node's sweep
 * calls `wakeDue`; the compare-and-set on (status, time) lets exactly one of them wake each conversation, with one
 * `conversation.updated` event and one audit entry. Any other status ends a snooze (`HubStore.setStatus`).
 */
export class HubSnoozes {
  constructor(private readonly store: HubStore) {}

  async snooze(conversationId: number, until: number, actor: Actor): Promise<{ conversation: ConversationView; until: number }> {
    if (!Number.isSafeInteger(until) || until <= this.store.now()) throw new DiwanError('snooze_in_past', 'Choose a snooze time in the future.');
    return this.store.q.tx(async (t) => {
      const r = await t.run("UPDATE conversations SET status = 'snoozed', snoozed_until = ?, version = version + 1 WHERE id = ?", [until, conversationId]);
      const view = await this.store.conversationIn(t, conversationId);
      if (!r.changes || !view) throw new DiwanError('conversation_unknown', 'That conversation does not exist.');
      const where = { channelId: view.channelId, conversationId };
      await this.store.emit(t, 'conversation.updated', 'conversation', view, where);
      await this.store.emit(t, 'conversation.snoozed', 'conversation', { conversationId, until }, where);
      await this.store.appendAudit(t, { ...actor, action: 'conversation.snoozed', target: `conversation:${conversationId}`, details: { until } });
      return { conversation: view, until };
    });
  }

  async snoozedUntil(conversationId: number): Promise<number | null> {
    return (await this.store.q.get<{ snoozed_until: number | null }>("SELECT snoozed_until FROM conversations WHERE id = ? AND status = 'snoozed'", [conversationId]))?.snoozed_until ?? null;
  }

  /** Opens every snoozed conversation whose time has come; returns the ids this call woke (another node's are not). */
  async wakeDue(actor: Actor): Promise<number[]> {
    const now = this.store.now();
    const due = await this.store.q.all<{ id: number }>("SELECT id FROM conversations WHERE status = 'snoozed' AND snoozed_until <= ? ORDER BY snoozed_until, id LIMIT ?", [now, WAKE_BATCH]);
    const woken: number[] = [];
    for (const { id } of due) {
      await this.store.q.tx(async (t) => {
        const r = await t.run("UPDATE conversations SET status = 'open', snoozed_until = NULL, version = version + 1 WHERE id = ? AND status = 'snoozed' AND snoozed_until <= ?", [id, now]);
        if (!r.changes) return;
        const view = (await this.store.conversationIn(t, id))!;
        await this.store.emit(t, 'conversation.updated', 'conversation', view, { channelId: view.channelId, conversationId: id });
        await this.store.appendAudit(t, { ...actor, action: 'conversation.woken', target: `conversation:${id}` });
        woken.push(id);
      });
    }
    return woken;
  }
}
