/**
 * Would a narrower de-duplication key write fewer pages a batch? (issue #26 round 14; exact, independent of the load.)
 *   node --import tsx bench/store/dedup-key-pages.ts [--messages 60000] [--conversations 30000] [--batch 100]
 * The ingest bench's platform message ids (`chat:n`, the generator and seed of `ingest.ts`), written in batches into
 * a bare table under each candidate key, in WAL mode; after each batch the WAL's frames are counted by B-tree
 * (`dbstat`), over the second half of the batches:
 * - `text`: today's key, `UNIQUE (channel_id, platform_message_id)` (`sqlite_autoindex_messages_1`);
 * - `hash`: a 64-bit hash of channel and platform id as an integer (`UNIQUE (platform_key)`), the strings kept on the
 *   row for the rare collision's comparison;
 * - `hash, WITHOUT ROWID`: the same key as its own `WITHOUT ROWID` table (key → message id), no index beside it.
 * Pages of the key's B-tree a batch, and its size in pages at the end.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { argValue, freshDir, rng } from './common';

const total = argValue('--messages', 60_000);
const batch = argValue('--batch', 100);
const conversations = argValue('--conversations', 30_000);
const r = rng(7);
const ids = Array.from({ length: total }, (_, i) => `${Math.floor(r() * conversations)}:${i}`);
const hash = (channel: string, id: string) => crypto.createHash('sha256').update(`${channel}\0${id}`).digest().readBigInt64BE(0);

const variants: Record<string, { schema: string; key: string; insert: string; args: (id: number, pid: string) => unknown[] }> = {
  text: {
    schema: 'CREATE TABLE m (id INTEGER PRIMARY KEY, channel_id TEXT NOT NULL, platform_message_id TEXT, body BLOB, UNIQUE (channel_id, platform_message_id))',
    key: 'sqlite_autoindex_m_1',
    insert: 'INSERT INTO m (id, channel_id, platform_message_id, body) VALUES (?, ?, ?, ?)',
    args: (id, pid) => [id, 'tg', pid, body],
  },
  hash: {
    schema: 'CREATE TABLE m (id INTEGER PRIMARY KEY, channel_id TEXT NOT NULL, platform_message_id TEXT, platform_key INTEGER, body BLOB, UNIQUE (platform_key))',
    key: 'sqlite_autoindex_m_1',
    insert: 'INSERT INTO m (id, channel_id, platform_message_id, platform_key, body) VALUES (?, ?, ?, ?, ?)',
    args: (id, pid) => [id, 'tg', pid, hash('tg', pid), body],
  },
  'hash, WITHOUT ROWID': {
    schema: `CREATE TABLE m (id INTEGER PRIMARY KEY, channel_id TEXT NOT NULL, platform_message_id TEXT, body BLOB);
      CREATE TABLE k (platform_key INTEGER PRIMARY KEY, message_id INTEGER NOT NULL) WITHOUT ROWID`,
    key: 'k',
    insert: 'INSERT INTO m (id, channel_id, platform_message_id, body) VALUES (?, ?, ?, ?)',
    args: (id, pid) => [id, 'tg', pid, body],
  },
};
const body = Buffer.alloc(600, 7); // about a stored message's row

const dir = freshDir(`dedup-key-pages-${process.pid}`);
try {
  console.log(`${total.toLocaleString('en')} messages in ${conversations.toLocaleString('en')} conversations, batches of ${batch}: pages of the key's B-tree a batch (second half), its size at the end`);
  for (const [name, v] of Object.entries(variants)) {
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.sqlite`);
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec(v.schema);
    const insert = db.prepare(v.insert);
    const insertKey = name === 'hash, WITHOUT ROWID' ? db.prepare('INSERT INTO k (platform_key, message_id) VALUES (?, ?)') : null;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const ofKey = db.prepare('SELECT count(*) FROM dbstat WHERE name = ? AND pageno IN (SELECT value FROM json_each(?))').pluck();
    let keyPages = 0;
    let measured = 0;
    const batches = Math.ceil(total / batch);
    for (let b = 0; b < batches; b++) {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.transaction(() => {
        for (let i = b * batch; i < Math.min(total, (b + 1) * batch); i++) {
          insert.run(...v.args(i + 1, ids[i]!));
          insertKey?.run(hash('tg', ids[i]!), i + 1);
        }
      })();
      if (b < batches / 2) continue;
      const wal = fs.readFileSync(`${file}-wal`);
      const pages = new Set<number>();
      for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) pages.add(wal.readUInt32BE(at));
      keyPages += ofKey.get(v.key, JSON.stringify([...pages])) as number;
      measured++;
    }
    const size = db.prepare('SELECT count(*) FROM dbstat WHERE name = ?').pluck().get(v.key) as number;
    console.log(`  ${name.padEnd(22)} ${(keyPages / measured).toFixed(1).padStart(7)} pages a batch   ${size.toLocaleString('en').padStart(8)} pages in all`);
    db.close();
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
