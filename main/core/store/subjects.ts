import crypto from 'node:crypto';
import { DiwanError } from '../shared/errors';
import type { SignedSeatGrant } from '../custody';
import { identity, SEALED, sealedIdentity, type StoreContext } from './context';
import { AUDIT_ACTIONS } from '../shared/audit-actions';
import { WHOLE_ORIGINAL } from '../shared/vocabulary';
import { forgetUnusedTerms } from './search-index';
import { indexBody, indexTerms } from './search-text';

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

  /** Every contact, oldest first (moving an install onto a hub walks them). */
  contactIds(): number[] {
    return this.ctx.db.prepare('SELECT id FROM contacts ORDER BY id').pluck().all() as number[];
  }

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
        const rows = db
          .prepare('SELECT m.id, m.masked_text FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.contact_id = ?')
          .all(contactId) as Array<{ id: number; masked_text: string }>;
        const ids = rows.map((r) => r.id);
        const delFts = db.prepare('DELETE FROM messages_fts WHERE rowid = ?');
        for (const id of ids) delFts.run(id);
        forgetUnusedTerms(db, new Set(rows.flatMap((r) => indexTerms(indexBody(r.masked_text)))));
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

  /**
   * Everything kept about one customer, originals opened by the in-process custodian for the export grant `grant`
   * signs (the administrator's, after sign-in), as a JSON-ready object. An original whose epoch was destroyed by
   * retention is exported as its masked text, and says so.
   */
  export(ref: ContactRef, actor: string, grant: (contactId: number) => SignedSeatGrant): CustomerExport {
    const { db } = this.ctx;
    const contactId = this.resolve(ref);
    const opener = this.opener();
    const c = db.prepare('SELECT * FROM contacts WHERE id = ?').get(contactId) as {
      id: number;
      channel_id: string;
      platform_user_id: string;
      handle: string | null;
      display_name: string | null;
      name_enc: Buffer | null;
      key_version: number | null;
      created_at: number;
    };
    const conversations = db
      .prepare('SELECT id, platform_conversation_id, status, created_at, last_activity_at FROM conversations WHERE contact_id = ? ORDER BY id')
      .all(contactId) as Array<{ id: number; platform_conversation_id: string; status: string; created_at: number; last_activity_at: number }>;
    const messages = db.prepare(
      'SELECT id, platform_message_id, direction, masked_text, text_enc, key_version, sent_at, delivery FROM messages WHERE conversation_id = ? ORDER BY sent_at, id',
    );
    const attachments = db.prepare('SELECT kind, file_name, mime_type, size FROM attachments WHERE message_id = ? ORDER BY id');
    const wholeOriginal = db.prepare('SELECT n, value_enc, key_version FROM message_fields WHERE message_id = ? AND type = ?');
    const notes = db.prepare('SELECT id, masked_text, text_enc, key_version, created_at FROM notes WHERE conversation_id = ? ORDER BY created_at, id');
    // An e-mail's HTML as sent: absent when there was none or retention removed it; empty when its key epoch is gone.
    const htmlOf = (row: { n: number; value_enc: Buffer | null; key_version: number | null } | undefined, id: number) =>
      row?.value_enc ? { html: opener.add(row.value_enc, row.key_version, 'original', id, '', row.n) } : {};
    const out: CustomerExport = {
      format: 'diwan-customer-export/1',
      exportedAt: new Date(this.ctx.clock.now()).toISOString(),
      contact: {
        id: c.id,
        channelId: c.channel_id,
        platformUserId: c.platform_user_id,
        handle: c.handle,
        displayName: opener.add(c.name_enc, c.key_version, 'contact', c.id, c.display_name),
        firstSeen: new Date(c.created_at).toISOString(),
      },
      conversations: conversations.map((v) => ({
        id: v.id,
        platformConversationId: v.platform_conversation_id,
        status: v.status,
        startedAt: new Date(v.created_at).toISOString(),
        lastActivityAt: new Date(v.last_activity_at).toISOString(),
        messages: (
          messages.all(v.id) as Array<{ id: number; platform_message_id: string | null; direction: string; masked_text: string; text_enc: Buffer | null; key_version: number | null; sent_at: number; delivery: string | null }>
        ).map((m) => ({
          direction: m.direction,
          platformMessageId: m.platform_message_id,
          sentAt: new Date(m.sent_at).toISOString(),
          text: opener.add(m.text_enc, m.key_version, 'message', m.id, m.masked_text),
          originalDeletedByRetention: m.text_enc === null,
          ...htmlOf(wholeOriginal.get(m.id, WHOLE_ORIGINAL) as { n: number; value_enc: Buffer | null; key_version: number | null } | undefined, m.id),
          delivery: m.delivery,
          attachments: attachments.all(m.id) as Array<Record<string, unknown>>,
        })),
        notes: (notes.all(v.id) as Array<{ id: number; masked_text: string; text_enc: Buffer | null; key_version: number | null; created_at: number }>).map((n) => ({
          createdAt: new Date(n.created_at).toISOString(),
          text: opener.add(n.text_enc, n.key_version, 'note', n.id, n.masked_text),
        })),
      })),
    };
    this.ctx.audit({
      action: AUDIT_ACTIONS.customerExported,
      actor,
      target: `contact:${contactId}`,
      details: { conversations: conversations.length },
    });
    opener.open(grant(contactId));
    return opener.fill(out);
  }

  /**
   * Collects the originals an export shows, then opens the sealed ones in one custodian call (one grant, one log
   * line): `add` returns a placeholder unique to this export that `fill` replaces once `open` has the values.
   */
  private opener() {
    const { ctx } = this;
    const seat = ctx.custody.seat;
    const tag = `\u0000${crypto.randomBytes(9).toString('base64url')}:`;
    const sealed: Array<{ context: string; sealed: Buffer; masked: string }> = [];
    const values: string[] = [];
    const names = {
      contact: (id: number) => ({ legacy: identity.contactName(id), sealed: sealedIdentity.contactName(seat, id) }),
      message: (id: number) => ({ legacy: identity.messageText(id), sealed: sealedIdentity.messageText(seat, id) }),
      note: (id: number) => ({ legacy: identity.noteText(id), sealed: sealedIdentity.noteText(seat, id) }),
      original: (id: number, field: number) => ({ legacy: identity.messageField(id, field), sealed: sealedIdentity.messageField(seat, id, field, WHOLE_ORIGINAL) }),
    };
    return {
      add(blob: Buffer | null, keyVersion: number | null, kind: keyof typeof names, id: number, masked: string | null, field = 0): string {
        if (!blob) return masked as string;
        const n = names[kind](id, field);
        if (keyVersion !== SEALED) return ctx.cipher.decrypt(n.legacy, blob);
        sealed.push({ context: n.sealed, sealed: blob, masked: masked ?? '' });
        return `${tag}${sealed.length - 1}`;
      },
      open(grant: SignedSeatGrant): void {
        const opened = sealed.length ? ctx.custody.custodian.openExport(grant, sealed) : [];
        opened.forEach((v, i) => (values[i] = v ?? sealed[i]!.masked));
      },
      fill<T>(x: T): T {
        return JSON.parse(JSON.stringify(x), (_k, v: unknown) => (typeof v === 'string' && v.startsWith(tag) ? values[Number(v.slice(tag.length))] : v)) as T;
      },
    };
  }
}

export interface CustomerExport {
  format: 'diwan-customer-export/1';
  exportedAt: string;
  contact: { id: number; channelId: string; platformUserId: string; handle: string | null; displayName: string | null; firstSeen: string };
  conversations: Array<{
    id: number;
    platformConversationId: string;
    status: string;
    startedAt: string;
    lastActivityAt: string;
    messages: Array<{
      direction: string;
      platformMessageId: string | null;
      sentAt: string;
      /** The original text; the masked text where retention removed the original. */
      text: string;
      originalDeletedByRetention: boolean;
      /** An e-mail's HTML as sent (its whole original); absent without one, empty when its key epoch was destroyed. */
      html?: string;
      delivery: string | null;
      attachments: Array<Record<string, unknown>>;
    }>;
    notes: Array<{ createdAt: string; text: string }>;
  }>;
}

function unknownContact(): DiwanError {
  return new DiwanError('contact_unknown', 'No such customer in this database.');
}
