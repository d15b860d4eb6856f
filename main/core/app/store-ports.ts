import type { OriginalsPort } from '../auth';
import type { TranscriptPort } from '../review';
import type { Db, Store } from '../store';
import { ERROR_CODES } from '../shared/vocabulary';

/**
 * The reveal service's originals and the review's masked transcripts, over the store. An original is opened only
 * by the in-process custodian, for the grant signed here from what the reveal rules decided.
 */
export function storeOriginals(store: Store): OriginalsPort {
  return {
    describeField(messageId, fieldIndex) {
      const row = store.conversations.describeField(messageId, fieldIndex);
      return row ? { conversationId: row.conversationId, type: row.type } : null;
    },
    readOriginalField(messageId, fieldIndex, g) {
      const grant = store.custody.sign({
        kind: 'reveal',
        user: g.user,
        userId: g.userId,
        reason: g.reason,
        revealId: g.revealId,
        revealExpiresAt: g.expiresAt,
        messageId,
        field: fieldIndex,
        type: g.type,
        approval: g.approval,
        contactId: null,
      });
      return store.conversations.revealField(messageId, fieldIndex, grant).value;
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
          id: m.id,
          direction: m.direction,
          sentAt: m.sentAt,
          author: m.direction === 'out' ? ((m.authorId && (author.get(m.authorId) as string | undefined)) ?? m.authorId) : contact,
          text: m.maskedText,
        })),
      };
    },
  };
}
