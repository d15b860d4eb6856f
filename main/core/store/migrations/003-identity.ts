/**
 * Identity: accounts, session history, recovery codes, sign-in throttling, reveal requests and grants,
 * the audit trail and its checkpoints, team-lead quality reviews.
 *
 * Conversation and message references are plain TEXT ids (no foreign keys into the store's tables), so this
 * migration stands on its own. Secrets are not here: TOTP secrets and the audit key live in the OS keychain;
 * passwords are Argon2id hashes; recovery codes are SHA-256 hashes of 80-bit random codes.
 */
export default {
  version: 3,
  name: 'identity',
  sql: `
    CREATE TABLE users (
      id              TEXT PRIMARY KEY,
      username        TEXT NOT NULL UNIQUE,
      display_name    TEXT NOT NULL,
      role            TEXT NOT NULL CHECK (role IN ('agent', 'lead', 'admin', 'auditor')),
      password_hash   TEXT NOT NULL,
      totp_enabled    INTEGER NOT NULL DEFAULT 0 CHECK (totp_enabled IN (0, 1)),
      totp_last_step  INTEGER,
      disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
      created_at      INTEGER NOT NULL,
      updated_at      INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE user_sessions (
      id          TEXT PRIMARY KEY,
      user_id     TEXT NOT NULL REFERENCES users(id),
      device      TEXT NOT NULL,
      started_at  INTEGER NOT NULL,
      ended_at    INTEGER,
      end_reason  TEXT
    ) STRICT;
    CREATE INDEX user_sessions_open ON user_sessions(ended_at) WHERE ended_at IS NULL;

    CREATE TABLE recovery_codes (
      user_id    TEXT NOT NULL REFERENCES users(id),
      code_hash  TEXT NOT NULL,
      used_at    INTEGER,
      PRIMARY KEY (user_id, code_hash)
    ) STRICT;

    CREATE TABLE login_throttle (
      username         TEXT PRIMARY KEY,
      failures         INTEGER NOT NULL,
      last_failure_at  INTEGER NOT NULL,
      locked_until     INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE reveal_requests (
      id               TEXT PRIMARY KEY,
      user_id          TEXT NOT NULL REFERENCES users(id),
      conversation_id  TEXT NOT NULL,
      message_id       TEXT NOT NULL,
      field_index      INTEGER NOT NULL,
      field_type       TEXT NOT NULL,
      reason           TEXT NOT NULL,
      status           TEXT NOT NULL CHECK (status IN ('pending', 'granted', 'denied')),
      requested_at     INTEGER NOT NULL,
      decided_by       TEXT REFERENCES users(id),
      decided_at       INTEGER,
      expires_at       INTEGER
    ) STRICT;
    CREATE INDEX reveal_requests_pending ON reveal_requests(requested_at) WHERE status = 'pending';

    CREATE TABLE audit_entries (
      seq        INTEGER PRIMARY KEY,
      at         INTEGER NOT NULL,
      actor      TEXT NOT NULL,
      device     TEXT NOT NULL,
      action     TEXT NOT NULL,
      target     TEXT,
      details    TEXT NOT NULL,
      prev_hash  TEXT NOT NULL,
      hash       TEXT NOT NULL
    ) STRICT;
    -- Append-only inside the app: a bug cannot rewrite history. Someone editing the file can drop these,
    -- which is what the hash chain, the checkpoints and the keychain head are for.
    CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
      BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
      BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

    CREATE TABLE audit_checkpoints (
      seq   INTEGER PRIMARY KEY,
      hash  TEXT NOT NULL,
      at    INTEGER NOT NULL,
      mac   TEXT NOT NULL
    ) STRICT;

    CREATE TABLE quality_reviews (
      conversation_id  TEXT NOT NULL,
      reviewer_id      TEXT NOT NULL REFERENCES users(id),
      score            INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
      comment          TEXT NOT NULL,
      created_at       INTEGER NOT NULL,
      updated_at       INTEGER NOT NULL,
      PRIMARY KEY (conversation_id, reviewer_id)
    ) STRICT;
  `,
};
