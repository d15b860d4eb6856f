/**
 * One write to `conversation_tallies` when a conversation's unread count moves and its status, channel and assignee
 * stay (issue #26, round 11): every ingested message does that, and migration 008's trigger subtracted the row from
 * its tally and added it back to the same tally, two row updates where one suffices. A change of status, channel or
 * assignee still moves the conversation between two tallies, as before.
 */
export default {
  version: 27,
  name: 'tally-unread',
  sql: `
    DROP TRIGGER conversation_tallies_update;

    CREATE TRIGGER conversation_tallies_unread AFTER UPDATE OF status, channel_id, assignee_id, unread ON conversations
      WHEN OLD.status IS NEW.status AND OLD.channel_id IS NEW.channel_id AND OLD.assignee_id IS NEW.assignee_id
        AND OLD.unread IS NOT NEW.unread
    BEGIN
      UPDATE conversation_tallies SET unread = unread + NEW.unread - OLD.unread
        WHERE status = OLD.status AND channel_id = OLD.channel_id AND assignee_id = coalesce(OLD.assignee_id, '');
    END;

    CREATE TRIGGER conversation_tallies_move AFTER UPDATE OF status, channel_id, assignee_id ON conversations
      WHEN OLD.status IS NOT NEW.status OR OLD.channel_id IS NOT NEW.channel_id OR OLD.assignee_id IS NOT NEW.assignee_id
    BEGIN
      UPDATE conversation_tallies SET conversations = conversations - 1, unread = unread - OLD.unread
        WHERE status = OLD.status AND channel_id = OLD.channel_id AND assignee_id = coalesce(OLD.assignee_id, '');
      INSERT INTO conversation_tallies (status, channel_id, assignee_id, conversations, unread)
        VALUES (NEW.status, NEW.channel_id, coalesce(NEW.assignee_id, ''), 1, NEW.unread)
        ON CONFLICT DO UPDATE SET conversations = conversations + 1, unread = unread + excluded.unread;
    END;
  `,
};
