/** The settings key of the fill's cursor (`SETTING.fieldMarksBelow`; kept here, where settings.ts can import it). */
export const FIELD_MARKS_BELOW = 'store.field_marks_below';

/**
 * Whether a message has field rows, on the message's row (issue #26, round 21). A conversation's first opening asked
 * `message_fields` for every message of its page — at 3M messages 26.8 of a first opening's 77 pages read, each
 * message's fields on a leaf of their own — while most messages have none. `messages.has_fields` is 1 when the message
 * has `message_fields` rows (a masked value, or an e-mail's whole original, which leaves no token in the masked text),
 * 0 when it has none; both written by the message's own `INSERT`, in the transaction that writes its fields (no code
 * path adds fields to a stored message). NULL for the rows stored before this migration: the page asks for those as
 * before, until `markFieldRows` (field-marks.ts) has marked them in the background, newest first, a batch per
 * transaction with its cursor (`FIELD_MARKS_BELOW`: every row from that id up is marked).
 *
 * `messages` is `STRICT`, so SQLite reads every row once inside `ADD COLUMN` (nothing is written); filling the column
 * here instead would rewrite every page of the table inside the first start.
 */
export default {
  version: 32,
  name: 'field-marks',
  sql: `
    ALTER TABLE messages ADD COLUMN has_fields INTEGER;
    INSERT INTO settings (key, value) SELECT '${FIELD_MARKS_BELOW}', coalesce(max(id), 0) + 1 FROM messages;
  `,
};
