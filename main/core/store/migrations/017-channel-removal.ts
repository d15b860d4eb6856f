/**
 * A channel an administrator removed: its row stays (its conversations name it and are kept, with the foreign keys
 * that would otherwise delete them), disabled, with the time it was removed; the Channels tab no longer lists it and
 * its credentials are gone from the keychain. Saving a channel with the same id again brings it back.
 */
export default {
  version: 17,
  name: 'channel-removal',
  sql: `ALTER TABLE channels ADD COLUMN removed_at INTEGER;`,
};
