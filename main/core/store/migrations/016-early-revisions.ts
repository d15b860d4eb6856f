/**
 * An edit or deletion that arrived before the message it changes (a webhook overtaking a poll, a retried delivery):
 * its own entry is stored as any message is, and this row waits for the original, which is marked when it comes
 * (`store/ingest.ts`). Deleting the revising entry drops its wait.
 */
export default {
  version: 16,
  name: 'early-revisions',
  sql: `
    CREATE TABLE early_revisions (
      channel_id TEXT NOT NULL,
      original TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('edited', 'deleted')),
      by_message INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
      PRIMARY KEY (channel_id, original, by_message)
    ) WITHOUT ROWID;
  `,
};
