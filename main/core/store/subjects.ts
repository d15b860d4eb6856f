import { DiwanError } from '../shared/errors';
import { identity, type StoreContext } from './context';
import { AUDIT_ACTIONS } from '../shared/audit-actions';

export interface ContactRef {
  contactId?: number;
  channelId?: string;
  platformUserId?: string;
}

/**
 * Data-subject requests about one customer (one contact on one channel): erase everything Diwan keeps about them,
 * or export it as JSON. Both leave an audit entry that names the contact id, never its data.
 */
export class SubjectRequests {
  constructor(private readonly ctx: StoreContext) {}

  resolve(ref: ContactRef): number {
    if (ref.contactId !== undefined) {
      if (!this.ctx.db.prepare('SELECT 1 FROM contacts WHERE id = ?').get(ref.contactId)) throw unknownContact();
      return ref.contactId;
    }
    if (!ref.channelId || !ref.platformUserId) {
      throw new DiwanError('contact_ref_missing', 'Name the customer by contact id, or by channel and platform user id.');
    }
    const id = this.ctx.db
      .prepare('SELECT id FROM contacts WHERE channel_id = ? AND platform_user_id = ?')
      .pluck()
      .get(ref.channelId, ref.platformUserId) as number | undefined;
    if (id === undefined) throw unknownContact();
    return id;
  }

  /**
   * Deletes the contact, their conversations, messages (masked text and originals), field originals, search
   * entries, attachment metadata, notes, labels links and queued replies, then compacts the search index and the
   * WAL so the deleted text does not linger in free pages (the database runs with secure_delete).
   */
  erase(ref: ContactRef, actor: string): { contactId: number; conversations: number; messages: number } {
    const { db } = this.ctx;
    const contactId = this.resolve(ref);
    const result = db
      .transaction(() => {
        const channelId = db.prepare('SELECT channel_id FROM contacts WHERE id = ?').pluck().get(contactId) as string;
        const ids = db
          .prepare('SELECT m.id FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.contact_id = ?')
          .pluck()
          .all(contactId) as number[];
        const delFts = db.prepare('DELETE FROM messages_fts WHERE rowid = ?');
        for (const id of ids) delFts.run(id);
        const conversations = db.prepare('SELECT count(*) FROM conversations WHERE contact_id = ?').pluck().get(contactId) as number;
        db.prepare('DELETE FROM contacts WHERE id = ?').run(contactId);
        // Inside the transaction: no erase without its audit entry.
        this.ctx.audit({
          action: AUDIT_ACTIONS.customerErased,
          actor,
          target: `contact:${contactId}`,
          details: { channel: channelId, conversations, messages: ids.length },
        });
        return { conversations, messages: ids.length };
      })
      .immediate();
    db.prepare("INSERT INTO messages_fts (messages_fts) VALUES ('optimize')").run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { contactId, conversations: result.conversations, messages: result.messages };
  }

  /** Everything kept about one customer, originals decrypted, as a JSON-ready object. */
  export(ref: ContactRef, actor: string): CustomerExport {
    const { db, cipher } = this.ctx;
    const contactId = this.resolve(ref);
    const c = db.prepare('SELECT * FROM contacts WHERE id = ?').get(contactId) as {
      id: number;
      channel_id: string;
      platform_user_id: string;
      handle: string | null;
      display_name: string | null;
      name_enc: Buffer | null;
      created_at: number;
    };
    const conversations = db
      .prepare('SELECT id, platform_conversation_id, status, created_at, last_activity_at FROM conversations WHERE contact_id = ? ORDER BY id')
      .all(contactId) as Array<{ id: number; platform_conversation_id: string; status: string; created_at: number; last_activity_at: number }>;
    const messages = db.prepare(
      'SELECT id, platform_message_id, direction, masked_text, text_enc, sent_at, delivery FROM messages WHERE conversation_id = ? ORDER BY sent_at, id',
    );
    const attachments = db.prepare('SELECT kind, file_name, mime_type, size FROM attachments WHERE message_id = ? ORDER BY id');
    const notes = db.prepare('SELECT id, masked_text, text_enc, created_at FROM notes WHERE conversation_id = ? ORDER BY created_at, id');
    const out: CustomerExport = {
      format: 'diwan-customer-export/1',
      exportedAt: new Date(this.ctx.clock.now()).toISOString(),
      contact: {
        id: c.id,
        channelId: c.channel_id,
        platformUserId: c.platform_user_id,
        handle: c.handle,
        displayName: c.name_enc ? cipher.decrypt(identity.contactName(c.id), c.name_enc) : c.display_name,
        firstSeen: new Date(c.created_at).toISOString(),
      },
      conversations: conversations.map((v) => ({
        id: v.id,
        platformConversationId: v.platform_conversation_id,
        status: v.status,
        startedAt: new Date(v.created_at).toISOString(),
        lastActivityAt: new Date(v.last_activity_at).toISOString(),
        messages: (
          messages.all(v.id) as Array<{ id: number; platform_message_id: string | null; direction: string; masked_text: string; text_enc: Buffer | null; sent_at: number; delivery: string | null }>
        ).map((m) => ({
          direction: m.direction,
          platformMessageId: m.platform_message_id,
          sentAt: new Date(m.sent_at).toISOString(),
          text: m.text_enc ? cipher.decrypt(identity.messageText(m.id), m.text_enc) : m.masked_text,
          originalDeletedByRetention: m.text_enc === null,
          delivery: m.delivery,
          attachments: attachments.all(m.id) as Array<Record<string, unknown>>,
        })),
        notes: (notes.all(v.id) as Array<{ id: number; masked_text: string; text_enc: Buffer | null; created_at: number }>).map((n) => ({
          createdAt: new Date(n.created_at).toISOString(),
          text: n.text_enc ? cipher.decrypt(identity.noteText(n.id), n.text_enc) : n.masked_text,
        })),
      })),
    };
    this.ctx.audit({
      action: AUDIT_ACTIONS.customerExported,
      actor,
      target: `contact:${contactId}`,
      details: { conversations: conversations.length },
    });
    return out;
  }
}

export interface CustomerExport {
  format: 'diwan-customer-export/1';
  exportedAt: string;
  contact: Record<string, unknown>;
  conversations: Array<Record<string, unknown> & { messages: Array<Record<string, unknown>> }>;
}

function unknownContact(): DiwanError {
  return new DiwanError('contact_unknown', 'No such customer in this database.');
}
