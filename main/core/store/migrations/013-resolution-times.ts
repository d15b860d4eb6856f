/**
 * When a conversation's current episode began (the customer's first message since it was opened or reopened) and
 * when it was last resolved: the lead's report shows resolution times from them, as the team hub's does. Episodes
 * before this release get their customer's first message as the start; their resolution time was never kept.
 */
export default {
  version: 13,
  name: 'resolution-times',
  sql: `
    ALTER TABLE conversations ADD COLUMN opened_at INTEGER;
    ALTER TABLE conversations ADD COLUMN resolved_at INTEGER;
    UPDATE conversations SET opened_at = (SELECT MIN(m.sent_at) FROM messages m WHERE m.conversation_id = conversations.id AND m.direction = 'in');
    CREATE INDEX conversations_opened ON conversations(opened_at);
  `,
};
