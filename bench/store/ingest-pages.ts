/**
 * The pages one ingest batch writes, by B-tree (issue #26 round 13): exact and independent of the machine's load.
 *   node --import tsx bench/store/ingest-pages.ts [--messages 20000] [--conversations 2000] [--batch 100] [--statements]
 * The data is `ingest.ts`'s (the same generator and seed), ingested with the placeholder masker. Before each batch
 * the WAL is checkpointed and emptied; after it, every frame of the WAL is one page the batch's commit wrote and
 * fsynced, and `dbstat` says which table or index the page belongs to. Printed: frames a batch and a message, split
 * by B-tree, over the second half of the batches (the conversations by then all exist: the steady state).
 * `--statements` (issue #26 round 17) also counts, over the same batches, the statements the batch runs by SQL text
 * (better-sqlite3's calls, the transaction's `BEGIN IMMEDIATE` and `COMMIT` among them) and the rows each
 * table takes, triggers' writes included (temporary counting triggers: they write only the temporary schema).
 */
import fs from 'node:fs';
import path from 'node:path';
import { placeholderMasker } from '../../main/core/store';
import { rowWritesOf, statementsOf } from '../../test/helpers/statements';
import { argValue, benchCore, freshDir, parseUpdate, platformUpdate, rng } from './common';

const total = argValue('--messages', 20_000);
const batch = argValue('--batch', 100);
const conversations = argValue('--conversations', 2_000);
const counting = process.argv.includes('--statements');
/** Tables whose row writes `--statements` counts (every table a batch writes, directly or by a trigger). */
const WRITTEN = ['messages', 'message_fields', 'attachments', 'contacts', 'contact_words', 'conversations', 'conversation_aliases', 'inbox_rows', 'conversation_tallies', 'conversation_labels', 'label_tallies', 'contact_details', 'search_terms', 'channel_cursors', 'early_revisions'];

const t0 = 1_700_000_000_000;
const r = rng(7);
const updates = Array.from({ length: total }, (_, i) => platformUpdate(i, Math.floor(r() * conversations), t0 + i * 1000, r));

const dir = freshDir(`ingest-pages-${process.pid}`);
const core = await benchCore(dir, undefined, placeholderMasker);
try {
  const db = core.db;
  const file = db.name;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  core.store.channels.create({ id: 'tg', kind: 'telegram', name: 'bench' });
  const perTree = new Map<string, number>();
  const perStatement = new Map<string, number>();
  const perTable = new Map<string, number>();
  let frames = 0;
  let measured = 0;
  const batches = Math.ceil(total / batch);
  for (let b = 0; b < batches; b++) {
    const msgs = updates.slice(b * batch, (b + 1) * batch).map((u, k) => parseUpdate(u, t0 + (b * batch + k) * 1000));
    db.pragma('wal_checkpoint(TRUNCATE)');
    const ingest = () => void core.store.sink.ingest('tg', msgs, String((b + 1) * batch));
    if (!counting || b < batches / 2) {
      ingest();
      if (b < batches / 2) continue;
    } else {
      let run: string[] = [];
      const writes = rowWritesOf(db, WRITTEN, () => void ({ run } = statementsOf(db, ingest)));
      for (const sql of run) perStatement.set(sql, (perStatement.get(sql) ?? 0) + 1);
      for (const [t, w] of Object.entries(writes)) {
        for (const [k, n] of Object.entries(w)) if (n) perTable.set(`${k} ${t}`, (perTable.get(`${k} ${t}`) ?? 0) + n);
      }
    }
    const wal = fs.readFileSync(`${file}-wal`);
    const pages: number[] = [];
    for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) pages.push(wal.readUInt32BE(at));
    frames += pages.length;
    measured += msgs.length;
    const owner = new Map((db.prepare('SELECT pageno, name FROM dbstat WHERE pageno IN (SELECT value FROM json_each(?))').all(JSON.stringify(pages)) as Array<{ pageno: number; name: string }>).map((p) => [p.pageno, p.name]));
    for (const p of pages) {
      const name = owner.get(p) ?? '(free list or header)';
      perTree.set(name, (perTree.get(name) ?? 0) + 1);
    }
  }
  const n = measured / batch;
  console.log(`ingest pages: ${total} messages in ${conversations} conversations, batches of ${batch}, page size ${pageSize}; the last ${n} batches`);
  console.log(`WAL frames (pages written and fsynced at commit): ${(frames / n).toFixed(1)} a batch, ${(frames / measured).toFixed(2)} a message`);
  console.log('\nB-tree | pages a batch');
  for (const [name, count] of [...perTree].sort((a, b) => b[1] - a[1])) console.log(`${name} | ${(count / n).toFixed(1)}`);
  if (counting) {
    const all = [...perStatement.values()].reduce((a, b) => a + b, 0);
    console.log(`\nstatements a batch: ${(all / n).toFixed(1)}\nstatement (SQL, its start and end) | a batch`);
    const label = (sql: string) => (sql.length > 110 ? `${sql.slice(0, 75)} … ${sql.slice(-30)}` : sql);
    for (const [sql, count] of [...perStatement].sort((a, b) => b[1] - a[1])) console.log(`${label(sql)} | ${(count / n).toFixed(1)}`);
    console.log('\nrows written (triggers included) | a batch');
    for (const [what, count] of [...perTable].sort((a, b) => b[1] - a[1])) console.log(`${what} | ${(count / n).toFixed(1)}`);
  }
} finally {
  core.close();
  fs.rmSync(path.resolve(dir), { recursive: true, force: true });
}
