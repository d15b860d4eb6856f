/**
 * Read paths that stay constant-time as the data grows (issue #26):
 * - the snooze wake sweep reads only snoozed conversations, through a partial index;
 * - the inbox totals and unread counts are read from `conversation_tallies`, one row per (status, channel, assignee)
 *   kept by triggers in the same transaction as every change, instead of counting up to 100,000 rows per page.
 *   `assignee_id` is '' for unassigned (a primary key column cannot usefully hold NULL).
 */
export default {
  version: 8,
  name: 'read-paths',
  sql: `
    CREATE INDEX conversations_snoozed_due ON conversations (snoozed_until) WHERE status = 'snoozed';

    CREATE TABLE conversation_tallies (
      status        TEXT NOT NULL,
      channel_id    TEXT NOT NULL,
      assignee_id   TEXT NOT NULL,
      conversations INTEGER NOT NULL,
      unread        INTEGER NOT NULL,
      PRIMARY KEY (status, channel_id, assignee_id)
    ) STRICT, WITHOUT ROWID;

    INSERT INTO conversation_tallies (status, channel_id, assignee_id, conversations, unread)
      SELECT status, channel_id, coalesce(assignee_id, ''), count(*), sum(unread) FROM conversations GROUP BY 1, 2, 3;

    CREATE TRIGGER conversation_tallies_insert AFTER INSERT ON conversations BEGIN
      INSERT INTO conversation_tallies (status, channel_id, assignee_id, conversations, unread)
        VALUES (NEW.status, NEW.channel_id, coalesce(NEW.assignee_id, ''), 1, NEW.unread)
        ON CONFLICT DO UPDATE SET conversations = conversations + 1, unread = unread + excluded.unread;
    END;

    CREATE TRIGGER conversation_tallies_delete AFTER DELETE ON conversations BEGIN
      UPDATE conversation_tallies SET conversations = conversations - 1, unread = unread - OLD.unread
        WHERE status = OLD.status AND channel_id = OLD.channel_id AND assignee_id = coalesce(OLD.assignee_id, '');
    END;

    CREATE TRIGGER conversation_tallies_update AFTER UPDATE OF status, channel_id, assignee_id, unread ON conversations
      WHEN OLD.status IS NOT NEW.status OR OLD.channel_id IS NOT NEW.channel_id
        OR OLD.assignee_id IS NOT NEW.assignee_id OR OLD.unread IS NOT NEW.unread
    BEGIN
      UPDATE conversation_tallies SET conversations = conversations - 1, unread = unread - OLD.unread
        WHERE status = OLD.status AND channel_id = OLD.channel_id AND assignee_id = coalesce(OLD.assignee_id, '');
      INSERT INTO conversation_tallies (status, channel_id, assignee_id, conversations, unread)
        VALUES (NEW.status, NEW.channel_id, coalesce(NEW.assignee_id, ''), 1, NEW.unread)
        ON CONFLICT DO UPDATE SET conversations = conversations + 1, unread = unread + excluded.unread;
    END;
  `,
};
