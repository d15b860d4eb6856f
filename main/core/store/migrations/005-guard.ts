/**
 * The guards' tables (main/core/guard): messages held back by flood control, their near-duplicate clusters,
 * security alerts, and phishing drills. No foreign keys to other features' tables, so it applies on its own.
 * Quarantined originals are kept only sealed (encrypted); a lead inspects them masked, unsealed on demand.
 */
export default {
  version: 5,
  name: 'guard',
  sql: `
    CREATE TABLE guard_clusters (
      id            INTEGER PRIMARY KEY,
      channel_id    TEXT NOT NULL,
      first_seen    INTEGER NOT NULL,
      last_seen     INTEGER NOT NULL,
      count         INTEGER NOT NULL DEFAULT 0,
      -- the conversation the duplicates collapse into (the first one stored), as the platform names it
      conversation_ref TEXT,
      sample_masked TEXT NOT NULL
    ) STRICT;
    CREATE INDEX guard_clusters_channel ON guard_clusters (channel_id, last_seen);

    CREATE TABLE guard_quarantine (
      id                  INTEGER PRIMARY KEY,
      channel_id          TEXT NOT NULL,
      platform_message_id TEXT NOT NULL,
      sender              TEXT NOT NULL,
      reason              TEXT NOT NULL CHECK (reason IN ('sender_rate', 'channel_rate', 'duplicate')),
      cluster_id          INTEGER,
      received_at         INTEGER NOT NULL,
      sealed              BLOB NOT NULL,
      released_at         INTEGER,
      released_by         TEXT,
      UNIQUE (channel_id, platform_message_id)
    ) STRICT;
    CREATE INDEX guard_quarantine_pending ON guard_quarantine (channel_id, reason, released_at);
    CREATE INDEX guard_quarantine_cluster ON guard_quarantine (cluster_id);

    CREATE TABLE guard_alerts (
      id             INTEGER PRIMARY KEY,
      signal         TEXT NOT NULL,
      raised_at      INTEGER NOT NULL,
      window_count   INTEGER NOT NULL,
      baseline       REAL NOT NULL,
      -- JSON: conversation ids, time-series buckets and masked excerpts only
      payload        TEXT NOT NULL,
      acknowledged_at INTEGER,
      acknowledged_by TEXT
    ) STRICT;
    CREATE INDEX guard_alerts_raised ON guard_alerts (raised_at);

    CREATE TABLE guard_drills (
      id           TEXT PRIMARY KEY,
      created_by   TEXT NOT NULL,
      created_at   INTEGER NOT NULL,
      starts_at    INTEGER NOT NULL,
      ends_at      INTEGER NOT NULL,
      kinds        TEXT NOT NULL,
      channel_id   TEXT NOT NULL
    ) STRICT;

    CREATE TABLE guard_drill_messages (
      id           TEXT PRIMARY KEY,
      drill_id     TEXT NOT NULL REFERENCES guard_drills (id),
      kind         TEXT NOT NULL,
      sent_at      INTEGER NOT NULL,
      conversation_ref TEXT
    ) STRICT;

    CREATE TABLE guard_drill_outcomes (
      drill_message_id TEXT NOT NULL REFERENCES guard_drill_messages (id),
      agent_id     TEXT NOT NULL,
      outcome      TEXT NOT NULL CHECK (outcome IN ('flagged', 'unsafe_reply', 'safe_reply')),
      at           INTEGER NOT NULL,
      PRIMARY KEY (drill_message_id, agent_id, outcome)
    ) STRICT;
  `,
};
