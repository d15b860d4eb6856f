import type { RetentionMode } from '../../core/store';
import { AUDIT_ACTIONS } from '../../core/shared/audit-actions';
import { DiwanError } from '../../core/shared/errors';
import { copiesChanged } from './held-copies';
import { DATA_REMOVED, deleteConversations, deleteHeldBefore, deleteMessageEvents, deleteMessages, deleteOrphanContacts } from './data-removal';
import type { SqlExecutor, SqlValue } from './executor';
import type { HubStore } from './hub-store';
import { inList } from './sql-rows';
import type { Actor } from './types';

export type { RetentionMode };

const DAY = 24 * 60 * 60 * 1000;
/** The longest period a policy may name (100 years): beyond it `keep` says the same thing. */
const MAX_DAYS = 36_500;
/** A cleared field original: the row stays (its type and masked shape still show), the sealed bytes are gone. */
const CLEARED = Buffer.alloc(0);

export interface HubRetentionPolicy {
  channelId: string;
  mode: RetentionMode;
  days: number | null;
  updatedAt: number;
  updatedBy: string;
}

export interface HubRetentionOutcome {
  channelId: string;
  mode: Exclude<RetentionMode, 'keep'>;
  days: number;
  /** Sealed originals removed: message texts, message fields and notes' texts. */
  originalsCleared: number;
  /** Attachments whose platform reference (what fetches the file) was removed; their name, type and size stay. */
  attachmentsCleared: number;
  messagesDeleted: number;
  conversationsDeleted: number;
  contactsDeleted: number;
  /** Messages flood control held back (`webhook_quarantine`, whole originals sealed) received before the cutoff: deleted in both modes. */
  heldDeleted: number;
  /** False when the run stopped at its batch budget; the next run carries on from there. */
  done: boolean;
}

/**
 * Each channel's retention policy at the hub, and its application (`keep`; `originals`: drop sealed originals and the
 * references that fetch attachments after N days, the masked transcript stays; `all`: delete messages after N days,
 * and conversations whose last activity is older, with everything hanging off them, `data-removal.ts`). Work goes in
 * bounded batches, each its own transaction with its audit entry (and, when consoles must drop something, its event),
 * so a run stopped half-way loses nothing and the next one resumes. `originals` keeps a keyset position per channel;
 * `all` needs none (what it deleted is gone). The one exception to `all`: a consent notice a customer still holds
 * stays with its conversation, so a live customer is not notified twice.
 */
export class HubRetention {
  constructor(
    private readonly store: HubStore,
    private readonly o: { batch?: number } = {},
  ) {}

  private get batch(): number {
    return this.o.batch ?? 500;
  }

  async setPolicy(channelId: string, mode: RetentionMode, days: number | null, actor: Actor): Promise<HubRetentionPolicy> {
    if (mode !== 'keep' && mode !== 'originals' && mode !== 'all') {
      throw new DiwanError('retention_bad_mode', 'A retention policy is keep, originals or all.');
    }
    if (mode === 'keep') days = null;
    else if (days === null || !Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
      throw new DiwanError('retention_bad_days', `A retention period is a whole number of days, from 1 to ${MAX_DAYS}; nothing was changed.`);
    }
    return this.store.q.tx(async (t) => {
      if (!(await t.get('SELECT 1 AS one FROM channels WHERE id = ?', [channelId]))) {
        throw new DiwanError('channel_unknown', `The hub has no channel "${channelId}"; nothing was changed.`);
      }
      const at = this.store.now();
      await t.run(
        `INSERT INTO channel_retention (channel_id, mode, days, updated_at, updated_by, position_at, position_id) VALUES (?, ?, ?, ?, ?, -1, 0)
         ON CONFLICT (channel_id) DO UPDATE SET mode = excluded.mode, days = excluded.days, updated_at = excluded.updated_at, updated_by = excluded.updated_by, position_at = -1, position_id = 0`,
        [channelId, mode, days, at, actor.actor],
      );
      const policy: HubRetentionPolicy = { channelId, mode, days, updatedAt: at, updatedBy: actor.actor };
      await this.store.emit(t, 'retention.updated', 'admins', policy, { channelId });
      await this.store.appendAudit(t, { ...actor, action: AUDIT_ACTIONS.retentionPolicySet, target: `channel:${channelId}`, details: { mode, days } });
      return policy;
    });
  }

  async policies(): Promise<HubRetentionPolicy[]> {
    const rows = await this.store.q.all<{ channel_id: string; mode: RetentionMode; days: number | null; updated_at: number; updated_by: string }>(
      'SELECT channel_id, mode, days, updated_at, updated_by FROM channel_retention ORDER BY channel_id',
    );
    return rows.map((r) => ({ channelId: r.channel_id, mode: r.mode, days: r.days, updatedAt: r.updated_at, updatedBy: r.updated_by }));
  }

  /**
   * Applies every channel's policy as of now, at most `maxBatches` transactions in all (the scheduler's bound per
   * tick; unbounded on demand), stopping between two batches when `stopping()` says so (a node shutting down). One
   * outcome per channel with a policy other than `keep`.
   */
  async apply(actor: Actor, o: { maxBatches?: number; stopping?: () => boolean } = {}): Promise<HubRetentionOutcome[]> {
    const now = this.store.now();
    // Batches that did work count; the look that finds a step finished does not, so a run of any budget can finish.
    let budget = o.maxBatches ?? Number.POSITIVE_INFINITY;
    const out: HubRetentionOutcome[] = [];
    for (const p of await this.policies()) {
      if (p.mode === 'keep' || p.days === null) continue;
      const r: HubRetentionOutcome = {
        channelId: p.channelId,
        mode: p.mode,
        days: p.days,
        originalsCleared: 0,
        attachmentsCleared: 0,
        messagesDeleted: 0,
        conversationsDeleted: 0,
        contactsDeleted: 0,
        heldDeleted: 0,
        done: true,
      };
      const cutoff = now - p.days * DAY;
      const audit = (t: SqlExecutor, details: Record<string, number>) =>
        // `sealedValuesCleared`, as the single-seat trail names it (a detail whose key names an original is redacted there).
        this.store.appendAudit(t, { ...actor, action: AUDIT_ACTIONS.retentionRun, target: `channel:${p.channelId}`, details: { mode: p.mode, days: p.days, ...details } });
      const steps = p.mode === 'all' ? [this.oldConversations, this.oldMessages, this.oldNoteOriginals, this.oldHeld] : [this.oldOriginals, this.oldNoteOriginals, this.oldHeld];
      for (const step of steps) {
        for (;;) {
          if (budget <= 0 || o.stopping?.()) {
            r.done = false;
            break;
          }
          if (!(await step.call(this, p.channelId, cutoff, r, audit))) break;
          budget--;
        }
        if (!r.done) break;
      }
      out.push(r);
    }
    return out;
  }

  /** One batch of whole conversations whose last activity is older than the cutoff; false when none is left. */
  private async oldConversations(channelId: string, cutoff: number, r: HubRetentionOutcome, audit: AuditStep): Promise<boolean> {
    return this.store.q.tx(async (t) => {
      await t.serializeEvents();
      const rows = await t.all<{ id: number; contact_id: number }>(
        'SELECT id, contact_id FROM conversations WHERE channel_id = ? AND last_message_at < ? ORDER BY last_message_at, id LIMIT ?',
        [channelId, cutoff, Math.max(1, Math.floor(this.batch / 20))],
      );
      if (!rows.length) return false;
      const conversationIds = rows.map((c) => Number(c.id));
      const messages = await deleteConversations(t, conversationIds);
      const contacts = await deleteOrphanContacts(t, channelId, [...new Set(rows.map((c) => Number(c.contact_id)))]);
      await this.store.emit(t, DATA_REMOVED, 'conversation', { conversationIds, messageIds: [], why: 'retention' }, { channelId });
      await audit(t, { conversationsDeleted: conversationIds.length, messagesDeleted: messages, contactsDeleted: contacts });
      r.conversationsDeleted += conversationIds.length;
      r.messagesDeleted += messages;
      r.contactsDeleted += contacts;
      return true;
    });
  }

  /** One batch of old messages in conversations that are still active (a held consent notice stays). */
  private async oldMessages(channelId: string, cutoff: number, r: HubRetentionOutcome, audit: AuditStep): Promise<boolean> {
    return this.store.q.tx(async (t) => {
      await t.serializeEvents();
      const rows = await t.all<{ id: number; conversation_id: number }>(
        `SELECT m.id, m.conversation_id FROM messages m WHERE m.channel_id = ? AND m.sent_at < ?
            AND NOT EXISTS (SELECT 1 FROM contact_consent k WHERE k.notice_message_id = m.id) ORDER BY m.sent_at, m.id LIMIT ?`,
        [channelId, cutoff, this.batch],
      );
      if (!rows.length) return false;
      const messageIds = rows.map((m) => Number(m.id));
      await deleteMessageEvents(t, rows.map((m) => Number(m.conversation_id)), messageIds);
      await deleteMessages(t, messageIds);
      await this.store.emit(t, DATA_REMOVED, 'conversation', { conversationIds: [], messageIds, why: 'retention' }, { channelId });
      await audit(t, { messagesDeleted: messageIds.length });
      r.messagesDeleted += messageIds.length;
      return true;
    });
  }

  /** One batch of the `originals` pass over messages, from the channel's saved position up to the cutoff. */
  private async oldOriginals(channelId: string, cutoff: number, r: HubRetentionOutcome, audit: AuditStep): Promise<boolean> {
    return this.store.q.tx(async (t) => {
      const pos = (await t.get<{ position_at: number; position_id: number }>('SELECT position_at, position_id FROM channel_retention WHERE channel_id = ?', [channelId]))!;
      const rows = await t.all<{ id: number; sent_at: number; sealed: number; attachments: string | null }>(
        `SELECT id, sent_at, CASE WHEN sealed_text IS NULL THEN 0 ELSE 1 END AS sealed, attachments FROM messages
          WHERE channel_id = ? AND sent_at < ? AND (sent_at > ? OR (sent_at = ? AND id > ?)) ORDER BY sent_at, id LIMIT ?`,
        [channelId, cutoff, pos.position_at, pos.position_at, pos.position_id, this.batch],
      );
      if (!rows.length) return false;
      const ids = rows.map((m) => Number(m.id)) as SqlValue[];
      const list = inList(ids.length);
      const texts = (await t.run(`UPDATE messages SET sealed_text = NULL WHERE id IN (${list}) AND sealed_text IS NOT NULL`, ids)).changes;
      const fields = (await t.run(`UPDATE message_fields SET sealed = ? WHERE message_id IN (${list}) AND length(sealed) > 0`, [CLEARED, ...ids])).changes;
      let attachments = 0;
      for (const m of rows) {
        const stripped = withoutReferences(m.attachments);
        if (!stripped) continue;
        await t.run('UPDATE messages SET attachments = ? WHERE id = ?', [stripped.json, m.id]);
        attachments += stripped.cleared;
      }
      const last = rows[rows.length - 1]!;
      await t.run('UPDATE channel_retention SET position_at = ?, position_id = ? WHERE channel_id = ?', [last.sent_at, last.id, channelId]);
      if (texts + fields + attachments) await audit(t, { sealedValuesCleared: texts + fields, attachmentLinksCleared: attachments });
      r.originalsCleared += texts + fields;
      r.attachmentsCleared += attachments;
      return true;
    });
  }

  /** One batch of held messages older than the cutoff (a held message is a whole original, so `originals` removes it too). */
  private async oldHeld(channelId: string, cutoff: number, r: HubRetentionOutcome, audit: AuditStep): Promise<boolean> {
    return this.store.q.tx(async (t) => {
      await t.serializeEvents();
      const { deleted: n, copiesOn } = await deleteHeldBefore(t, channelId, cutoff, this.batch);
      if (!n) return false;
      await copiesChanged(this.store, t, channelId, copiesOn);
      await audit(t, { heldMessagesDeleted: n });
      r.heldDeleted += n;
      return true;
    });
  }

  /** One batch of notes older than the cutoff whose sealed original is still kept (both modes: a note's masked text stays). */
  private async oldNoteOriginals(channelId: string, cutoff: number, r: HubRetentionOutcome, audit: AuditStep): Promise<boolean> {
    return this.store.q.tx(async (t) => {
      const ids = (
        await t.all<{ id: number }>(
          'SELECT n.id FROM notes n JOIN conversations c ON c.id = n.conversation_id WHERE c.channel_id = ? AND n.created_at < ? AND n.sealed_text IS NOT NULL ORDER BY n.id LIMIT ?',
          [channelId, cutoff, this.batch],
        )
      ).map((n) => Number(n.id));
      if (!ids.length) return false;
      await t.run(`UPDATE notes SET sealed_text = NULL WHERE id IN (${inList(ids.length)})`, ids);
      await audit(t, { sealedValuesCleared: ids.length });
      r.originalsCleared += ids.length;
      return true;
    });
  }
}

type AuditStep = (t: SqlExecutor, details: Record<string, number>) => Promise<void>;

/** The attachments JSON without the platform references that fetch the files; null when there was none to remove. */
function withoutReferences(json: string | null): { json: string; cleared: number } | null {
  if (!json) return null;
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(list)) return null;
  let cleared = 0;
  const kept = list.map((a: unknown) => {
    if (!a || typeof a !== 'object' || !('platformFileId' in a)) return a;
    cleared++;
    const { platformFileId: _dropped, ...rest } = a as Record<string, unknown>;
    return rest;
  });
  return cleared ? { json: JSON.stringify(kept), cleared } : null;
}
