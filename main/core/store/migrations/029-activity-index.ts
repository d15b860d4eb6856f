/**
 * Drops `conversations_by_activity` (issue #26, round 13). Since migration 026 no statement reads it — an inbox page
 * without a filter walks `inbox_rows` by its own key, a filtered one starts from the filter's index — yet every
 * ingested batch moved each conversation it touched in it: a deleted and an inserted entry, one more page written and
 * fsynced at the batch's commit for every conversation the batch touched.
 */
export default {
  version: 29,
  name: 'activity-index',
  sql: `DROP INDEX conversations_by_activity;`,
};
