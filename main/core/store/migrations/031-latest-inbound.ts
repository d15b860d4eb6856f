/**
 * The newest customer message of a conversation (`max(id)` of its inbound messages: every opening and every reply's
 * staleness check) moves from an index onto the conversation's row (issue #26, round 16). `messages_inbound`
 * (022: `(conversation_id, id) WHERE direction = 'in'`) was keyed by conversation, so every ingested batch wrote one of
 * its pages for each conversation it brought a customer message to (≈ 67 pages a batch of 100 at 30,000
 * conversations, 8.5 % of the batch), to serve one read a conversation per opening. The ingest path sets the column in
 * the conversation's one `UPDATE` a batch, on the row's page that `UPDATE` writes anyway; the triggers below keep it
 * right when a message leaves (retention, erasure, a discarded reply) or changes conversation or direction, reading
 * it as 022's index did. The scam check's outcomes of an opening's page are read through `messages_by_conversation`.
 */
const LATEST_INBOUND = "(SELECT max(m.id) FROM messages m WHERE m.conversation_id = conversations.id AND m.direction = 'in')";

export default {
  version: 31,
  name: 'latest-inbound',
  sql: `
    ALTER TABLE conversations ADD COLUMN latest_inbound_id INTEGER;
    UPDATE conversations SET latest_inbound_id = ${LATEST_INBOUND};
    DROP INDEX messages_inbound;
    CREATE TRIGGER conversations_latest_inbound_removed AFTER DELETE ON messages
      WHEN OLD.direction = 'in' AND OLD.id = (SELECT latest_inbound_id FROM conversations WHERE id = OLD.conversation_id)
    BEGIN
      UPDATE conversations SET latest_inbound_id = ${LATEST_INBOUND} WHERE id = OLD.conversation_id;
    END;
    CREATE TRIGGER conversations_latest_inbound_moved AFTER UPDATE OF conversation_id, direction ON messages
      WHEN OLD.conversation_id IS NOT NEW.conversation_id OR OLD.direction IS NOT NEW.direction
    BEGIN
      UPDATE conversations SET latest_inbound_id = ${LATEST_INBOUND} WHERE id IN (OLD.conversation_id, NEW.conversation_id);
    END;
  `,
};
