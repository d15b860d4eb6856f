/**
 * A label's inbox total without counting its index entries (issue #26: ≈ 1–2 ms of CPU per label page at 3M
 * messages, where ≈ 17,000 conversations carry a label — most of what kept the label classes over 5 ms). Like
 * `conversation_tallies` (migration 008), per label: conversations by status, channel and assignee ('' unassigned),
 * kept by triggers on the label rows, whose copies of those columns migration 018's triggers keep. A row that
 * reaches 0 stays (a sum reads it as nothing).
 */
export default {
  version: 25,
  name: 'label-tallies',
  sql: `
    CREATE TABLE label_tallies (
      label_id      INTEGER NOT NULL,
      status        TEXT NOT NULL,
      channel_id    TEXT NOT NULL,
      assignee_id   TEXT NOT NULL,
      conversations INTEGER NOT NULL,
      PRIMARY KEY (label_id, status, channel_id, assignee_id)
    ) STRICT, WITHOUT ROWID;

    INSERT INTO label_tallies (label_id, status, channel_id, assignee_id, conversations)
      SELECT label_id, status, channel_id, assignee_id, count(*) FROM conversation_labels GROUP BY 1, 2, 3, 4;

    CREATE TRIGGER label_tallies_insert AFTER INSERT ON conversation_labels BEGIN
      INSERT INTO label_tallies (label_id, status, channel_id, assignee_id, conversations) VALUES (NEW.label_id, NEW.status, NEW.channel_id, NEW.assignee_id, 1)
        ON CONFLICT DO UPDATE SET conversations = conversations + 1;
    END;

    CREATE TRIGGER label_tallies_delete AFTER DELETE ON conversation_labels BEGIN
      UPDATE label_tallies SET conversations = conversations - 1
        WHERE label_id = OLD.label_id AND status = OLD.status AND channel_id = OLD.channel_id AND assignee_id = OLD.assignee_id;
    END;

    CREATE TRIGGER label_tallies_update AFTER UPDATE OF label_id, status, channel_id, assignee_id ON conversation_labels
      WHEN OLD.label_id IS NOT NEW.label_id OR OLD.status IS NOT NEW.status OR OLD.channel_id IS NOT NEW.channel_id OR OLD.assignee_id IS NOT NEW.assignee_id
    BEGIN
      UPDATE label_tallies SET conversations = conversations - 1
        WHERE label_id = OLD.label_id AND status = OLD.status AND channel_id = OLD.channel_id AND assignee_id = OLD.assignee_id;
      INSERT INTO label_tallies (label_id, status, channel_id, assignee_id, conversations) VALUES (NEW.label_id, NEW.status, NEW.channel_id, NEW.assignee_id, 1)
        ON CONFLICT DO UPDATE SET conversations = conversations + 1;
    END;
  `,
};
