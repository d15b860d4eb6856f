/**
 * A customer edited or deleted a message on the platform. The new version (or the deletion notice) is stored as its
 * own message, so the history stays whole and every reveal grant keeps pointing at the value it was granted for;
 * the original is marked with what happened to it and which message superseded it.
 */
export default {
  version: 7,
  name: 'message-revisions',
  sql: `
    ALTER TABLE messages ADD COLUMN revision TEXT CHECK (revision IN ('edited', 'deleted'));
    ALTER TABLE messages ADD COLUMN revised_by INTEGER REFERENCES messages(id) ON DELETE SET NULL;
  `,
};
