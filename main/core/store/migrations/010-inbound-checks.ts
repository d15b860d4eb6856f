/**
 * The outcome of the inbound scam check per message, so opening a conversation does not check all of its messages
 * again every time (issue #26). `rules` fingerprints the guard's rules and policy the check ran under: other rules,
 * and the message is checked again. Only message ids and a yes/no: no text, no flag wording. Keyed by conversation
 * first, so one conversation's rows sit together and go with it.
 */
export default {
  version: 10,
  name: 'inbound-checks',
  sql: `
    CREATE TABLE inbound_checks (
      conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      message_id      INTEGER NOT NULL,
      rules           TEXT NOT NULL,
      flagged         INTEGER NOT NULL CHECK (flagged IN (0, 1)),
      PRIMARY KEY (conversation_id, message_id)
    ) STRICT, WITHOUT ROWID;
  `,
};
