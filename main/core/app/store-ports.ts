import type { OriginalsPort } from '../auth';
import type { TranscriptPort } from '../review';
import type { Db, Store } from '../store';
import { ERROR_CODES } from '../shared/vocabulary';

/**
 * The reveal service's originals and the review's masked transcripts, over the store. An original is opened only
 * by the in-process custodian, for the grant signed here from what the reveal rules decided. Identity names a message
 * by a string id, the store by a number: anything that is not a plain positive integer is no such message.
 */
export function storeOriginals(store: Store): OriginalsPort {
  return {
    describeField(messageId, fieldIndex) {
      const id = numericId(messageId);
      if (id === null || !Number.isInteger(fieldIndex) || fieldIndex < 0) return null;
      const row = store.conversations.describeField(id, fieldIndex);
      return row ? { conversationId: row.conversationId, type: row.type } : null;
    },
    readOriginalField(messageId, fieldIndex, g) {
      const id = numericId(messageId);
      if (id === null) return null;
      const grant = store.custody.sign({
        kind: 'reveal',
        user: g.user,
        userId: g.userId,
        reason: g.reason,
        revealId: g.revealId,
        revealExpiresAt: g.expiresAt,
        messageId: id,
        field: fieldIndex,
        type: g.type,
        approval: g.approval,
        contactId: null,
      });
      return store.conversations.revealField(id, fieldIndex, grant).value;
    },
  };
}

export function storeTranscripts(db: Db, store: Store): TranscriptPort {
  const author = db.prepare('SELECT username FROM users WHERE id = ?').pluck();
  return {
    maskedTranscript(id) {
      let summary;
      try {
        summary = store.conversations.get(id);
      } catch (e) {
        if ((e as { code?: string }).code === ERROR_CODES.conversationUnknown) return null;
        throw e;
      }
      const contact = summary.contact.displayName ?? summary.contact.handle ?? 'customer';
      return {
        conversationId: id,
        channel: store.channels.get(summary.channelId).kind,
        contact,
        messages: store.conversations.messages(id, { limit: 500 }).map((m) => ({
          id: String(m.id),
          direction: m.direction,
          sentAt: m.sentAt,
          author: m.direction === 'out' ? ((m.authorId && (author.get(m.authorId) as string | undefined)) ?? m.authorId) : contact,
          text: m.maskedText,
        })),
      };
    },
  };
}

export function numericId(id: string): number | null {
  if (!/^[1-9][0-9]{0,15}$/.test(id)) return null;
  const n = Number(id);
  return Number.isSafeInteger(n) ? n : null;
}
