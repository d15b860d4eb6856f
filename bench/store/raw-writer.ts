import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import type { InboundMessage } from '../../main/core/shared/messages';

/**
 * The raw writer issue #26 measures ingest against: what any store of these messages must do at least, with none of
 * the console's bookkeeping — one row per message with its AES-256-GCM ciphertext and an FTS5 entry, one transaction
 * per batch, WAL with synchronous=FULL and the store's other pragmas.
 */
export function openRawWriter(file: string): { write(messages: readonly InboundMessage[], firstId: number): void; close(): void; db: Database.Database } {
  const db = new Database(file);
  for (const p of ['journal_mode = WAL', 'synchronous = FULL', 'secure_delete = ON', 'cache_size = -65536', 'wal_autocheckpoint = 10000', 'temp_store = MEMORY']) db.pragma(p);
  db.exec(`CREATE TABLE messages (id INTEGER PRIMARY KEY, conversation TEXT NOT NULL, platform_message_id TEXT NOT NULL, sent_at INTEGER NOT NULL,
             text_enc BLOB NOT NULL, UNIQUE (platform_message_id)) STRICT;
           CREATE VIRTUAL TABLE messages_fts USING fts5 (body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');`);
  const key = crypto.randomBytes(32);
  const insert = db.prepare('INSERT INTO messages (id, conversation, platform_message_id, sent_at, text_enc) VALUES (?, ?, ?, ?, ?)');
  const index = db.prepare('INSERT INTO messages_fts (rowid, body) VALUES (?, ?)');
  return {
    db,
    write(messages, firstId) {
      db.transaction(() => {
        messages.forEach((m, k) => {
          const iv = crypto.randomBytes(12);
          const c = crypto.createCipheriv('aes-256-gcm', key, iv);
          const enc = Buffer.concat([iv, c.update(m.text, 'utf8'), c.final(), c.getAuthTag()]);
          insert.run(firstId + k, m.platformConversationId, m.platformMessageId, m.sentAt, enc);
          index.run(firstId + k, m.text);
        });
      }).immediate();
    },
    close: () => db.close(),
  };
}
