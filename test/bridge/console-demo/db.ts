import path from 'node:path';
import Database from 'better-sqlite3';

export type DemoDb = Database.Database;

/**
 * The console's demo data, in its own SQLite file beside the core's database (never inside it: the real schema
 * belongs to the store's migrations). Test- and preview-only: it backs `npm run dev:web`, the e2e tests and
 * bench/ui until the console port is bound to the real store, identity and guards.
 */
export function openDemoDb(dataDir: string): DemoDb {
  const db = new Database(path.join(dataDir, 'console-demo.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  return db;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('agent','lead','admin','auditor')),
  salt BLOB NOT NULL, hash BLOB NOT NULL, disabled INTEGER NOT NULL DEFAULT 0, last_sign_in_at INTEGER
) STRICT;
CREATE TABLE IF NOT EXISTS channels (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, enabled INTEGER NOT NULL DEFAULT 1,
  health TEXT NOT NULL DEFAULT 'unknown', health_detail TEXT, checked_at INTEGER
) STRICT;
CREATE TABLE IF NOT EXISTS conversations (
  id INTEGER PRIMARY KEY, channel_id TEXT NOT NULL REFERENCES channels(id),
  contact_name TEXT NOT NULL, contact_handle TEXT NOT NULL, contact_fields TEXT NOT NULL DEFAULT '[]',
  contact_key TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open', snoozed_until INTEGER, assignee_id TEXT, unread INTEGER NOT NULL DEFAULT 0,
  preview TEXT NOT NULL DEFAULT '', last_activity_at INTEGER NOT NULL, last_inbound_at INTEGER,
  created_at INTEGER NOT NULL, first_response_ms INTEGER, resolution_ms INTEGER, resolved_at INTEGER,
  score INTEGER, score_comment TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS conv_activity ON conversations (last_activity_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS conv_assignee ON conversations (assignee_id, last_activity_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS conv_status ON conversations (status, last_activity_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS conv_channel ON conversations (channel_id, last_activity_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS conv_contact ON conversations (contact_key);
-- Covers the inbox counts (mine, unassigned, all, unread per channel) over the conversations still in play.
CREATE INDEX IF NOT EXISTS conv_active_assignee ON conversations (assignee_id) WHERE status != 'resolved';
CREATE INDEX IF NOT EXISTS conv_active_channel ON conversations (channel_id, unread) WHERE status != 'resolved';
CREATE TABLE IF NOT EXISTS messages (
  id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id INTEGER NOT NULL REFERENCES conversations(id),
  direction TEXT NOT NULL, author_id TEXT, masked_text TEXT NOT NULL, search_text TEXT NOT NULL,
  sent_at INTEGER NOT NULL, delivery TEXT, delivery_reason TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS msg_conv ON messages (conversation_id, sent_at, id);
CREATE TABLE IF NOT EXISTS fields (
  message_id INTEGER NOT NULL REFERENCES messages(id), n INTEGER NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (message_id, n)
) STRICT;
CREATE TABLE IF NOT EXISTS notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id INTEGER NOT NULL, author_id TEXT, masked_text TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS conversation_labels (conversation_id INTEGER NOT NULL, label TEXT NOT NULL, PRIMARY KEY (conversation_id, label)) STRICT;
CREATE INDEX IF NOT EXISTS labels_by_label ON conversation_labels (label, conversation_id);
CREATE TABLE IF NOT EXISTS canned (id INTEGER PRIMARY KEY, shortcut TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS alerts (
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL, severity TEXT NOT NULL, created_at INTEGER NOT NULL, summary TEXT NOT NULL,
  conversation_ids TEXT NOT NULL, acknowledged INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT,
  details TEXT NOT NULL, hash TEXT NOT NULL
) STRICT;
`;
