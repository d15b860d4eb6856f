/**
 * The inbound scam check's outcome moves onto its message row (issue #26, round 14). `inbound_checks` was clustered by
 * conversation, so every ingested batch wrote a page of it for each conversation it touched (≈ 89 pages a batch of 100
 * at 30,000 conversations); on the message row the outcome rides on the page the message's insert writes anyway.
 *
 * - `inbound_rules`: the fingerprints of the rules a check ran under (this version of Diwan and IT's guard policy), one
 *   row each, so a message holds a small integer rather than the 22-character fingerprint.
 * - `messages.check_rules`: the rules the message was checked under; NULL when it was never checked (replies, and
 *   messages stored with no check, checked when first opened).
 * - `messages.check_flags`: NULL when the check did not flag it (most messages); for a flagged one the flags' wording in
 *   each interface language, or '' when it was recorded without its wording (before migration 021).
 *
 * Existing outcomes are moved, not dropped: an outcome under a fingerprint the running app does not use is checked again
 * when its conversation is opened, as before.
 */
export default {
  version: 30,
  name: 'inbound-outcomes',
  sql: `
    CREATE TABLE inbound_rules (
      id    INTEGER PRIMARY KEY,
      rules TEXT NOT NULL UNIQUE
    ) STRICT;
    ALTER TABLE messages ADD COLUMN check_rules INTEGER;
    ALTER TABLE messages ADD COLUMN check_flags TEXT;
    INSERT INTO inbound_rules (rules) SELECT DISTINCT rules FROM inbound_checks ORDER BY rules;
    UPDATE messages SET check_rules = r.id, check_flags = CASE WHEN c.flagged = 1 THEN coalesce(c.wording, '') END
      FROM inbound_checks AS c JOIN inbound_rules AS r ON r.rules = c.rules
      WHERE messages.id = c.message_id AND messages.conversation_id = c.conversation_id;
    DROP TABLE inbound_checks;
  `,
};
