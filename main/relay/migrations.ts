import type { Migration } from '../core/store';

/**
 * The relay's own database (`relay.sqlite` in its data directory), separate from any console's. Numbered like the
 * console's; add a migration at the end, never edit one that has shipped.
 */
export const relayMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'relay-queue',
    sql: `
      -- Events for consoles: inbound messages and delivery receipts, encrypted. AUTOINCREMENT: a sequence number is
      -- never reused after pruning, because consoles keep it as their cursor.
      CREATE TABLE relay_queue (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        channel_id  TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('message', 'receipt')),
        dedup_key   TEXT NOT NULL,
        body        BLOB NOT NULL,
        received_at INTEGER NOT NULL,
        UNIQUE (channel_id, dedup_key)
      ) STRICT;
      CREATE INDEX relay_queue_by_channel ON relay_queue (channel_id, seq);
      CREATE INDEX relay_queue_by_time ON relay_queue (received_at);

      -- Throttled by flood control: kept, counted, never silently dropped.
      CREATE TABLE relay_quarantine (
        id          INTEGER PRIMARY KEY,
        channel_id  TEXT NOT NULL,
        dedup_key   TEXT NOT NULL,
        body        BLOB NOT NULL,
        reason      TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        UNIQUE (channel_id, dedup_key)
      ) STRICT;

      -- Polling cursors of the relay's own pollers (Telegram getUpdates offsets).
      CREATE TABLE relay_cursors (
        channel_id TEXT PRIMARY KEY,
        cursor     TEXT
      ) STRICT;

      -- Hashes of webhook bodies already stored: a redelivered or replayed body is acknowledged and ignored.
      CREATE TABLE relay_deliveries (
        hash        TEXT PRIMARY KEY,
        channel_id  TEXT NOT NULL,
        received_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX relay_deliveries_by_time ON relay_deliveries (received_at);

      -- How far each console has acknowledged each channel.
      CREATE TABLE relay_console_cursors (
        fingerprint TEXT NOT NULL,
        channel_id  TEXT NOT NULL,
        acked_seq   INTEGER NOT NULL,
        seen_at     INTEGER NOT NULL,
        PRIMARY KEY (fingerprint, channel_id)
      ) STRICT;

      -- Replies consoles asked the relay to send, idempotent by (device, the console's outbox id): id is
      -- '<fingerprint>/<outbox id>'. The text is cleared once the outcome is final.
      CREATE TABLE relay_outbox (
        id                  TEXT PRIMARY KEY,
        outbox_id           TEXT NOT NULL,
        channel_id          TEXT NOT NULL,
        fingerprint         TEXT NOT NULL,
        body                BLOB,                 -- encrypted: the recipient, the text and the options
        state               TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'unknown')),
        attempts            INTEGER NOT NULL DEFAULT 0,
        not_before          INTEGER NOT NULL DEFAULT 0,
        platform_message_id TEXT,
        reason              TEXT,
        created_at          INTEGER NOT NULL,
        updated_at          INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX relay_outbox_claim ON relay_outbox (channel_id, state, not_before);
    `,
  },
];
