/**
 * The inbox's rows in activity order, each carrying what a list row shows (issue #26: a cold first page read one leaf
 * page per row from each of `conversations`, `contacts` and `conversation_labels`, 344–736 pages at 3M messages).
 * `inbox_rows` is keyed by (last_activity_at, conversation_id), so a page is one range of one b-tree; a filtered page
 * finds its keys in the filter's own index (`conversations_by_*`, `conversation_labels_recent`: both carry the key)
 * and reads the rows here. Triggers keep it in the same transaction as every change to a conversation, its
 * contact's shown name and handle, and its labels, so no writer needs to know about it.
 */
const LABELS_OF = (id: string) => `(SELECT group_concat(label_id) FROM conversation_labels WHERE conversation_id = ${id})`;

export default {
  version: 26,
  name: 'inbox-rows',
  sql: `
    CREATE TABLE inbox_rows (
      last_activity_at INTEGER NOT NULL,
      conversation_id  INTEGER NOT NULL,
      channel_id       TEXT NOT NULL,
      status           TEXT NOT NULL,
      snoozed_until    INTEGER,
      assignee_id      TEXT,
      unread           INTEGER NOT NULL,
      contact_id       INTEGER NOT NULL,
      handle           TEXT,
      display_name     TEXT,
      preview          TEXT,
      label_ids        TEXT,
      PRIMARY KEY (last_activity_at, conversation_id)
    ) STRICT, WITHOUT ROWID;

    INSERT INTO inbox_rows
      SELECT c.last_activity_at, c.id, c.channel_id, c.status, c.snoozed_until, c.assignee_id, c.unread, c.contact_id, k.handle, k.display_name,
          c.preview, ${LABELS_OF('c.id')}
        FROM conversations c JOIN contacts k ON k.id = c.contact_id;

    CREATE TRIGGER inbox_rows_insert AFTER INSERT ON conversations BEGIN
      INSERT INTO inbox_rows
        SELECT NEW.last_activity_at, NEW.id, NEW.channel_id, NEW.status, NEW.snoozed_until, NEW.assignee_id, NEW.unread, NEW.contact_id,
            k.handle, k.display_name, NEW.preview, ${LABELS_OF('NEW.id')}
          FROM contacts k WHERE k.id = NEW.contact_id;
    END;

    CREATE TRIGGER inbox_rows_delete AFTER DELETE ON conversations BEGIN
      DELETE FROM inbox_rows WHERE last_activity_at = OLD.last_activity_at AND conversation_id = OLD.id;
    END;

    CREATE TRIGGER inbox_rows_update AFTER UPDATE OF last_activity_at, channel_id, status, snoozed_until, assignee_id, unread, contact_id, preview ON conversations
      WHEN OLD.last_activity_at IS NOT NEW.last_activity_at OR OLD.channel_id IS NOT NEW.channel_id OR OLD.status IS NOT NEW.status
        OR OLD.snoozed_until IS NOT NEW.snoozed_until OR OLD.assignee_id IS NOT NEW.assignee_id OR OLD.unread IS NOT NEW.unread
        OR OLD.contact_id IS NOT NEW.contact_id OR OLD.preview IS NOT NEW.preview
    BEGIN
      UPDATE inbox_rows SET last_activity_at = NEW.last_activity_at, channel_id = NEW.channel_id, status = NEW.status,
          snoozed_until = NEW.snoozed_until, assignee_id = NEW.assignee_id, unread = NEW.unread, preview = NEW.preview
        WHERE last_activity_at = OLD.last_activity_at AND conversation_id = OLD.id;
      UPDATE inbox_rows SET contact_id = NEW.contact_id, (handle, display_name) = (SELECT handle, display_name FROM contacts WHERE id = NEW.contact_id)
        WHERE OLD.contact_id IS NOT NEW.contact_id AND last_activity_at = NEW.last_activity_at AND conversation_id = NEW.id;
    END;

    CREATE TRIGGER inbox_rows_contact AFTER UPDATE OF handle, display_name ON contacts
      WHEN OLD.handle IS NOT NEW.handle OR OLD.display_name IS NOT NEW.display_name
    BEGIN
      UPDATE inbox_rows SET handle = NEW.handle, display_name = NEW.display_name
        WHERE (last_activity_at, conversation_id) IN (SELECT last_activity_at, id FROM conversations WHERE contact_id = NEW.id);
    END;

    CREATE TRIGGER inbox_rows_label_added AFTER INSERT ON conversation_labels BEGIN
      UPDATE inbox_rows SET label_ids = ${LABELS_OF('NEW.conversation_id')}
        WHERE conversation_id = NEW.conversation_id AND last_activity_at = (SELECT last_activity_at FROM conversations WHERE id = NEW.conversation_id);
    END;

    CREATE TRIGGER inbox_rows_label_removed AFTER DELETE ON conversation_labels BEGIN
      UPDATE inbox_rows SET label_ids = ${LABELS_OF('OLD.conversation_id')}
        WHERE conversation_id = OLD.conversation_id AND last_activity_at = (SELECT last_activity_at FROM conversations WHERE id = OLD.conversation_id);
    END;

    CREATE TRIGGER inbox_rows_label_moved AFTER UPDATE OF conversation_id, label_id ON conversation_labels
      WHEN OLD.conversation_id IS NOT NEW.conversation_id OR OLD.label_id IS NOT NEW.label_id
    BEGIN
      UPDATE inbox_rows SET label_ids = ${LABELS_OF('inbox_rows.conversation_id')}
        WHERE (last_activity_at, conversation_id) IN (SELECT last_activity_at, id FROM conversations WHERE id IN (OLD.conversation_id, NEW.conversation_id));
    END;
  `,
};
