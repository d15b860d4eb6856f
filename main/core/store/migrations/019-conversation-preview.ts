/**
 * Each conversation keeps its newest message's masked text (newest by sent time, then id) and that message's key on
 * its own row, so an inbox page reads no message rows (issue #26: ≈ 23 µs a row when the message page was not
 * cached). Writers set it in the same transaction as the message (`notePreview`, store/preview.ts); a removed
 * message that was the preview is replaced here by the next newest, whatever removed it (retention, erasure, a
 * reply's echo), so no deleting path needs to know about previews.
 */
const NEWEST = `SELECT m.masked_text, m.sent_at, m.id FROM messages m WHERE m.conversation_id = conversations.id ORDER BY m.sent_at DESC, m.id DESC LIMIT 1`;

export default {
  version: 19,
  name: 'conversation-preview',
  sql: `
    ALTER TABLE conversations ADD COLUMN preview TEXT;
    ALTER TABLE conversations ADD COLUMN preview_sent_at INTEGER;
    ALTER TABLE conversations ADD COLUMN preview_message_id INTEGER;

    UPDATE conversations SET (preview, preview_sent_at, preview_message_id) = (${NEWEST});

    CREATE TRIGGER conversations_preview_removed AFTER DELETE ON messages
      WHEN OLD.id = (SELECT preview_message_id FROM conversations WHERE id = OLD.conversation_id)
    BEGIN
      UPDATE conversations SET (preview, preview_sent_at, preview_message_id) = (${NEWEST}) WHERE id = OLD.conversation_id;
    END;

    CREATE TRIGGER conversations_preview_edited AFTER UPDATE OF masked_text, sent_at, conversation_id ON messages
      WHEN OLD.masked_text IS NOT NEW.masked_text OR OLD.sent_at IS NOT NEW.sent_at OR OLD.conversation_id IS NOT NEW.conversation_id
    BEGIN
      UPDATE conversations SET (preview, preview_sent_at, preview_message_id) = (${NEWEST})
        WHERE id IN (OLD.conversation_id, NEW.conversation_id);
    END;
  `,
};
