/** A snoozed conversation's wake-up time (ms since the epoch); the wake sweep reopens it when due. */
export default {
  version: 6,
  name: 'snooze',
  sql: `ALTER TABLE conversations ADD COLUMN snoozed_until INTEGER;`,
};
