/**
 * A label's inbox page and its total without reading every conversation that carries the label (issue #26): each
 * label row carries a copy of its conversation's activity time, status, channel and assignee ('' for unassigned, as in
 * `conversation_tallies`), kept by triggers in the same transaction as every change. The newest 100 with a label are
 * then the first 100 entries of `conversation_labels_recent` (its status, channel and assignee filters read from the
 * same entries), and a label's total counts index entries instead of looking each conversation up.
 */
export default {
  version: 18,
  name: 'label-activity',
  sql: `
    ALTER TABLE conversation_labels ADD COLUMN last_activity_at INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE conversation_labels ADD COLUMN status TEXT NOT NULL DEFAULT '';
    ALTER TABLE conversation_labels ADD COLUMN channel_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE conversation_labels ADD COLUMN assignee_id TEXT NOT NULL DEFAULT '';

    UPDATE conversation_labels SET (last_activity_at, status, channel_id, assignee_id) =
      (SELECT c.last_activity_at, c.status, c.channel_id, coalesce(c.assignee_id, '') FROM conversations c WHERE c.id = conversation_labels.conversation_id);

    CREATE INDEX conversation_labels_recent
      ON conversation_labels (label_id, last_activity_at DESC, conversation_id DESC, status, channel_id, assignee_id);

    CREATE TRIGGER conversation_labels_copy AFTER INSERT ON conversation_labels BEGIN
      UPDATE conversation_labels SET (last_activity_at, status, channel_id, assignee_id) =
        (SELECT c.last_activity_at, c.status, c.channel_id, coalesce(c.assignee_id, '') FROM conversations c WHERE c.id = NEW.conversation_id)
        WHERE conversation_id = NEW.conversation_id AND label_id = NEW.label_id;
    END;

    CREATE TRIGGER conversation_labels_follow AFTER UPDATE OF last_activity_at, status, channel_id, assignee_id ON conversations
      WHEN OLD.last_activity_at IS NOT NEW.last_activity_at OR OLD.status IS NOT NEW.status
        OR OLD.channel_id IS NOT NEW.channel_id OR OLD.assignee_id IS NOT NEW.assignee_id
    BEGIN
      UPDATE conversation_labels SET last_activity_at = NEW.last_activity_at, status = NEW.status, channel_id = NEW.channel_id,
          assignee_id = coalesce(NEW.assignee_id, '')
        WHERE conversation_id = NEW.id;
    END;
  `,
};
