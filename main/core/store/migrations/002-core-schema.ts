/**
 * The conversation store. Customer text is kept only as masked text in clear; originals (whole message text,
 * each masked value, a contact's display name) are AES-256-GCM blobs (see main/core/vault/cipher.ts) with the
 * key version beside them so key rotation can resume. Users, sessions and audit entries come in 003 (identity).
 */
export default {
  version: 2,
  name: 'core-schema',
  sql: `
    CREATE TABLE channels (
      id             TEXT PRIMARY KEY,
      kind           TEXT NOT NULL,
      name           TEXT NOT NULL,
      config         TEXT NOT NULL DEFAULT '{}',   -- JSON; configuration only, tokens live in the keychain
      enabled        INTEGER NOT NULL DEFAULT 1,
      retention_mode TEXT NOT NULL DEFAULT 'keep' CHECK (retention_mode IN ('keep', 'originals', 'all')),
      retention_days INTEGER CHECK (retention_days IS NULL OR retention_days > 0),
      created_at     INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE channel_cursors (
      channel_id TEXT PRIMARY KEY REFERENCES channels(id) ON DELETE CASCADE,
      cursor     TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE contacts (
      id               INTEGER PRIMARY KEY,
      channel_id       TEXT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
      platform_user_id TEXT NOT NULL,
      handle           TEXT,
      display_name     TEXT,                      -- masked
      name_enc         BLOB,                      -- original display name, encrypted
      key_version      INTEGER,
      created_at       INTEGER NOT NULL,
      UNIQUE (channel_id, platform_user_id)
    ) STRICT;

    CREATE TABLE conversations (
      id                       INTEGER PRIMARY KEY,
      channel_id               TEXT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
      platform_conversation_id TEXT NOT NULL,
      contact_id               INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      status                   TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'snoozed', 'resolved')),
      assignee_id              TEXT,              -- a user id (users arrive with migration 003)
      last_activity_at         INTEGER NOT NULL,
      unread                   INTEGER NOT NULL DEFAULT 0,
      created_at               INTEGER NOT NULL,
      UNIQUE (channel_id, platform_conversation_id)
    ) STRICT;
    CREATE INDEX conversations_by_activity ON conversations (last_activity_at DESC, id DESC);
    CREATE INDEX conversations_by_status ON conversations (status, last_activity_at DESC, id DESC);
    CREATE INDEX conversations_by_channel ON conversations (channel_id, last_activity_at DESC, id DESC);
    CREATE INDEX conversations_by_assignee ON conversations (assignee_id, last_activity_at DESC, id DESC);
    CREATE INDEX conversations_by_contact ON conversations (contact_id);

    CREATE TABLE messages (
      id                  INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: it is part of each blob's identity
      conversation_id     INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      channel_id          TEXT NOT NULL,
      platform_message_id TEXT,                   -- NULL for a reply not yet sent
      direction           TEXT NOT NULL CHECK (direction IN ('in', 'out')),
      author_id           TEXT,                   -- the agent, for replies written in the console
      masked_text         TEXT NOT NULL,
      text_enc            BLOB,                   -- original text, encrypted; NULL once retention removed it
      key_version         INTEGER,
      sent_at             INTEGER NOT NULL,
      stored_at           INTEGER NOT NULL,
      delivery            TEXT CHECK (delivery IN ('queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'unknown')),
      delivery_reason     TEXT,
      UNIQUE (channel_id, platform_message_id)
    ) STRICT;
    CREATE INDEX messages_by_conversation ON messages (conversation_id, sent_at, id);
    CREATE INDEX messages_by_channel_time ON messages (channel_id, sent_at);

    -- One row per masked value: where its token sits in masked_text, and the original, encrypted.
    CREATE TABLE message_fields (
      message_id  INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
      n           INTEGER NOT NULL,
      type        TEXT NOT NULL,
      start       INTEGER NOT NULL,
      end         INTEGER NOT NULL,
      value_enc   BLOB,
      key_version INTEGER,
      PRIMARY KEY (message_id, n)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE attachments (
      id               INTEGER PRIMARY KEY,
      message_id       INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
      kind             TEXT NOT NULL,
      platform_file_id TEXT,
      file_name        TEXT,                      -- masked
      mime_type        TEXT,
      size             INTEGER
    ) STRICT;
    CREATE INDEX attachments_by_message ON attachments (message_id);

    -- Full-text index of normalised masked text only; contentless, so it holds no copy of any text.
    CREATE VIRTUAL TABLE messages_fts USING fts5 (
      body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
    );

    CREATE TABLE notes (
      id              INTEGER PRIMARY KEY AUTOINCREMENT,
      conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      author_id       TEXT,
      masked_text     TEXT NOT NULL,
      text_enc        BLOB,
      key_version     INTEGER,
      created_at      INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX notes_by_conversation ON notes (conversation_id, created_at);

    CREATE TABLE labels (
      id         INTEGER PRIMARY KEY,
      name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
      color      TEXT,
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE conversation_labels (
      conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      label_id        INTEGER NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
      PRIMARY KEY (conversation_id, label_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX conversation_labels_by_label ON conversation_labels (label_id, conversation_id);

    CREATE TABLE canned_replies (
      id         INTEGER PRIMARY KEY,
      shortcut   TEXT NOT NULL UNIQUE COLLATE NOCASE,
      title      TEXT NOT NULL,
      body       TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE outbox (
      id          INTEGER PRIMARY KEY,
      message_id  INTEGER NOT NULL UNIQUE REFERENCES messages(id) ON DELETE CASCADE,
      channel_id  TEXT NOT NULL,
      state       TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'unknown')),
      attempts    INTEGER NOT NULL DEFAULT 0,
      not_before  INTEGER NOT NULL,
      options     TEXT,                           -- JSON, e.g. a message tag or template name
      last_error  TEXT,
      created_at  INTEGER NOT NULL,
      updated_at  INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX outbox_due ON outbox (channel_id, state, not_before, id);
  `,
};
