/**
 * The other ids a platform knows a conversation's customer by: a WhatsApp customer's phone number and business-scoped
 * user id, and the number they had before a number change. A message keyed by any of them joins the one conversation
 * (see `Ingestor.place`); the conversation itself stays keyed by the id replies are addressed to.
 */
export default {
  version: 14,
  name: 'conversation-aliases',
  sql: `
    CREATE TABLE conversation_aliases (
      channel_id TEXT NOT NULL,
      alias TEXT NOT NULL,
      conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (channel_id, alias)
    ) WITHOUT ROWID;
    CREATE INDEX conversation_aliases_by_conversation ON conversation_aliases (conversation_id);
  `,
};
