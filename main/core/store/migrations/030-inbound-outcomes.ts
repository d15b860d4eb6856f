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
 * Existing outcomes are dropped, not moved: their fingerprint names the version of Diwan that checked them
 * (`inboundRules`), and this migration only ever runs when a newer version first opens the file, so none of them would
 * be trusted — each message is checked again when its conversation is first opened, as after any upgrade. Moving them
 * cost 68 s at the first start of a 1M-message file for nothing (round 14's measurement).
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
    DROP TABLE inbound_checks;
  `,
};
