import { AUDIT_ACTIONS } from '../../core/shared/audit-actions';
import { DiwanError } from '../../core/shared/errors';
import { attachmentViews, type AttachmentView } from './attachment-views';
import { copiesChanged } from './held-copies';
import { DATA_REMOVED, deleteConversations, deleteHeldFrom, deleteOrphanContacts } from './data-removal';
import type { SqlExecutor } from './executor';
import type { HubStore } from './hub-store';
import type { Actor } from './types';

/** One customer: the hub's contact id, or the channel and the platform's id of the person. */
export type HubContactRef = { contactId: number } | { channelId: string; platformUserId: string };

/** What the export says instead of originals: the hub cannot open them (only the custodian can, one reveal at a time). */
export const EXPORT_ORIGINALS_NOTE =
  'Masked text only. Sealed originals are not in this export: the hub cannot open them, and the key custodian opens one value per recorded reveal. Reveal a field from a console (with a reason) where the customer needs it.';

export interface HubCustomerExport {
  format: 'diwan-hub-customer-export/1';
  exportedAt: string;
  originals: typeof EXPORT_ORIGINALS_NOTE;
  contact: { id: number; channelId: string; platformUserId: string; handle: string | null; displayName: string | null };
  consent: { version: number; language: string | null; notifiedAt: string; acknowledgedAt: string | null } | null;
  conversations: Array<{
    id: number;
    platformConversationId: string;
    status: string;
    lastMessageAt: string;
    labels: string[];
    messages: Array<{
      id: number;
      direction: string;
      platformMessageId: string | null;
      sentAt: string;
      text: string;
      fields: Array<{ n: number; type: string; shown: string }>;
      /** Whether the sealed original of the text is still kept (false: retention removed it, or there never was one). */
      originalKept: boolean;
      revision: string | null;
      delivery: string | null;
      attachments: AttachmentView[];
    }>;
    notes: Array<{ createdAt: string; text: string }>;
  }>;
}

const iso = (ms: number) => new Date(Number(ms)).toISOString();

/**
 * Data-subject requests at the hub, on either adapter: erase everything the hub keeps about one customer (one contact
 * on one channel), or export it as JSON. Each writes its audit entry (the contact id and counts, never the customer's
 * data) in the transaction that does the work; the erase also writes the event that makes consoles drop the
 * conversations from their caches. The audit trail itself is never edited: earlier entries keep naming ids only.
 */
export class HubCustomerData {
  constructor(private readonly store: HubStore) {}

  async resolve(ref: HubContactRef, q: SqlExecutor = this.store.q): Promise<{ id: number; channelId: string }> {
    const row =
      'contactId' in ref
        ? await q.get<{ id: number; channel_id: string }>('SELECT id, channel_id FROM contacts WHERE id = ?', [ref.contactId])
        : await q.get<{ id: number; channel_id: string }>('SELECT id, channel_id FROM contacts WHERE channel_id = ? AND platform_user_id = ?', [ref.channelId, ref.platformUserId]);
    if (!row) {
      throw new DiwanError(
        'contact_unknown',
        'contactId' in ref
          ? `The hub has no customer with contact id ${ref.contactId} (erased already, or never seen); nothing was changed.`
          : `The hub has no customer "${ref.platformUserId}" on channel "${ref.channelId}" (erased already, or never seen); nothing was changed.`,
      );
    }
    return { id: Number(row.id), channelId: row.channel_id };
  }

  /**
   * Erases the customer, their conversations and everything hanging off them, and what flood control held back from
   * them, in one transaction with its event and audit entry. A customer known only by held messages (named by channel
   * and platform id; every message of theirs was held) has those erased, and `contactId` is null.
   */
  async erase(ref: HubContactRef, actor: Actor): Promise<{ contactId: number | null; channelId: string; conversations: number; messages: number; heldMessages: number }> {
    const out = await this.store.q.tx(async (t) => {
      await t.serializeEvents();
      if ('platformUserId' in ref && !(await t.get('SELECT 1 AS one FROM contacts WHERE channel_id = ? AND platform_user_id = ?', [ref.channelId, ref.platformUserId]))) {
        const { deleted: heldMessages, copiesOn } = await deleteHeldFrom(t, ref.channelId, ref.platformUserId);
        await copiesChanged(this.store, t, ref.channelId, copiesOn);
        if (!heldMessages) await this.resolve(ref, t); // the sentence for a customer the hub has never seen
        await this.store.appendAudit(t, { ...actor, action: AUDIT_ACTIONS.customerErased, target: `channel:${ref.channelId}`, details: { channel: ref.channelId, conversations: 0, messages: 0, heldMessages } });
        return { contactId: null, channelId: ref.channelId, conversations: 0, messages: 0, heldMessages };
      }
      const contact = await this.resolve(ref, t);
      const platformUserId = (await t.get<{ platform_user_id: string }>('SELECT platform_user_id FROM contacts WHERE id = ?', [contact.id]))!.platform_user_id;
      const conversationIds = (await t.all<{ id: number }>('SELECT id FROM conversations WHERE contact_id = ? ORDER BY id', [contact.id])).map((r) => Number(r.id));
      const messages = await deleteConversations(t, conversationIds);
      const { deleted: heldMessages, copiesOn } = await deleteHeldFrom(t, contact.channelId, platformUserId);
      await copiesChanged(this.store, t, contact.channelId, copiesOn.filter((id) => !conversationIds.includes(id)));
      await deleteOrphanContacts(t, contact.channelId, [contact.id]);
      await this.store.emit(t, DATA_REMOVED, 'conversation', { conversationIds, messageIds: [], why: 'erased' }, { channelId: contact.channelId });
      await this.store.appendAudit(t, {
        ...actor,
        action: AUDIT_ACTIONS.customerErased,
        target: `contact:${contact.id}`,
        details: { channel: contact.channelId, conversations: conversationIds.length, messages, ...(heldMessages ? { heldMessages } : {}) },
      });
      return { contactId: contact.id, channelId: contact.channelId, conversations: conversationIds.length, messages, heldMessages };
    });
    // The embedded hub's file: deleted rows leave no copy in the write-ahead log (pages are zeroed: secure_delete).
    if (this.store.dialect === 'sqlite') await this.store.q.all('PRAGMA wal_checkpoint(TRUNCATE)');
    return out;
  }

  /** Everything the hub keeps about the customer, masked, as a JSON-ready object; the export is audited in the same transaction that reads it. */
  async export(ref: HubContactRef, actor: Actor): Promise<HubCustomerExport> {
    return this.store.q.tx(async (t) => {
      const { id } = await this.resolve(ref, t);
      const c = (await t.get<{ id: number; channel_id: string; platform_user_id: string; handle: string | null; display_name: string | null }>('SELECT * FROM contacts WHERE id = ?', [id]))!;
      const consent = await t.get<{ version: number; language: string | null; notified_at: number; acknowledged_at: number | null }>(
        'SELECT version, language, notified_at, acknowledged_at FROM contact_consent WHERE contact_id = ?',
        [id],
      );
      const conversations = await t.all<{ id: number; platform_conversation_id: string; status: string; last_message_at: number }>(
        'SELECT id, platform_conversation_id, status, last_message_at FROM conversations WHERE contact_id = ? ORDER BY id',
        [id],
      );
      const out: HubCustomerExport = {
        format: 'diwan-hub-customer-export/1',
        exportedAt: iso(this.store.now()),
        originals: EXPORT_ORIGINALS_NOTE,
        contact: { id: Number(c.id), channelId: c.channel_id, platformUserId: c.platform_user_id, handle: c.handle, displayName: c.display_name },
        consent: consent
          ? {
              version: consent.version,
              language: consent.language,
              notifiedAt: iso(consent.notified_at),
              acknowledgedAt: consent.acknowledged_at === null ? null : iso(consent.acknowledged_at),
            }
          : null,
        conversations: [],
      };
      let messageCount = 0;
      for (const v of conversations) {
        const messages = await t.all<{
          id: number;
          direction: string;
          platform_message_id: string | null;
          masked_text: string;
          sent_at: number;
          attachments: string | null;
          revision: string | null;
          delivery: string | null;
          kept: number;
        }>(
          `SELECT m.id, m.direction, m.platform_message_id, m.masked_text, m.sent_at, m.attachments, m.revision, o.state AS delivery,
                  CASE WHEN m.sealed_text IS NULL THEN 0 ELSE 1 END AS kept
             FROM messages m LEFT JOIN outbox o ON o.message_id = m.id WHERE m.conversation_id = ? ORDER BY m.sent_at, m.id`,
          [v.id],
        );
        const fields = await t.all<{ message_id: number; n: number; type: string; shown: string }>(
          'SELECT f.message_id, f.n, f.type, f.shown FROM message_fields f JOIN messages m ON m.id = f.message_id WHERE m.conversation_id = ? ORDER BY f.message_id, f.n',
          [v.id],
        );
        const notes = await t.all<{ masked_text: string; created_at: number }>('SELECT masked_text, created_at FROM notes WHERE conversation_id = ? ORDER BY created_at, id', [v.id]);
        const labels = await t.all<{ name: string }>('SELECT l.name FROM conversation_labels cl JOIN labels l ON l.id = cl.label_id WHERE cl.conversation_id = ? ORDER BY l.name', [v.id]);
        messageCount += messages.length;
        out.conversations.push({
          id: Number(v.id),
          platformConversationId: v.platform_conversation_id,
          status: v.status,
          lastMessageAt: iso(v.last_message_at),
          labels: labels.map((l) => l.name),
          messages: messages.map((m) => ({
            id: Number(m.id),
            direction: m.direction,
            platformMessageId: m.platform_message_id,
            sentAt: iso(m.sent_at),
            text: m.masked_text,
            fields: fields.filter((f) => Number(f.message_id) === Number(m.id)).map((f) => ({ n: f.n, type: f.type, shown: f.shown })),
            originalKept: Number(m.kept) === 1,
            revision: m.revision,
            delivery: m.delivery,
            attachments: m.attachments ? attachmentViews(JSON.parse(m.attachments) as unknown[]) : [],
          })),
          notes: notes.map((n) => ({ createdAt: iso(n.created_at), text: n.masked_text })),
        });
      }
      await this.store.appendAudit(t, {
        ...actor,
        action: AUDIT_ACTIONS.customerExported,
        target: `contact:${id}`,
        details: { channel: c.channel_id, conversations: conversations.length, messages: messageCount, originals: false },
      });
      return out;
    });
  }
}
