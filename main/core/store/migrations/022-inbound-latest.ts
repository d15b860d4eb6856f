/**
 * The newest customer message of a conversation by arrival (`max(id)` of its inbound messages), read at every opening
 * and every reply's staleness check: without an index it read every message of the conversation (≈ 5 ms of CPU for a
 * 300-message conversation on a 3M-message database with cold pages; issue #26). Partial, so replies cost nothing.
 */
export default {
  version: 22,
  name: 'inbound-latest',
  sql: `CREATE INDEX messages_inbound ON messages (conversation_id, id) WHERE direction = 'in';`,
};
