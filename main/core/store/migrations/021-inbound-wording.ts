/**
 * The wording of a flagged message's scam flags in each interface language, kept with the check's outcome (issue #26).
 * Without it, opening a conversation with a flagged message ran the check again to word its flags, and the first such
 * check in a process costs 0.2–0.9 s of CPU (the guard's patterns compiled on first use). Null for messages not flagged,
 * and for outcomes recorded before this: those are worded when first shown, and the wording recorded then. The flags
 * say what kind of trick a message looks like (with the look-alike domain or handle it names, already in the masked
 * text); no masked value, no original.
 */
export default {
  version: 21,
  name: 'inbound-wording',
  sql: `ALTER TABLE inbound_checks ADD COLUMN wording TEXT;`,
};
