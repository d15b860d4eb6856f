/**
 * The pages one ingest batch writes, by B-tree (issue #26 round 13): exact and independent of the machine's load.
 *   node --import tsx bench/store/ingest-pages.ts [--messages 20000] [--conversations 2000] [--batch 100]
 * The data is `ingest.ts`'s (the same generator and seed), ingested with the placeholder masker. Before each batch
 * the WAL is checkpointed and emptied; after it, every frame of the WAL is one page the batch's commit wrote and
 * fsynced, and `dbstat` says which table or index the page belongs to. Printed: frames a batch and a message, split
 * by B-tree, over the second half of the batches (the conversations by then all exist: the steady state).
 */
import fs from 'node:fs';
import path from 'node:path';
import { placeholderMasker } from '../../main/core/store';
import { argValue, benchCore, freshDir, parseUpdate, platformUpdate, rng } from './common';

const total = argValue('--messages', 20_000);
const batch = argValue('--batch', 100);
const conversations = argValue('--conversations', 2_000);

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
  let frames = 0;
  let measured = 0;
  const batches = Math.ceil(total / batch);
  for (let b = 0; b < batches; b++) {
    const msgs = updates.slice(b * batch, (b + 1) * batch).map((u, k) => parseUpdate(u, t0 + (b * batch + k) * 1000));
    db.pragma('wal_checkpoint(TRUNCATE)');
    core.store.sink.ingest('tg', msgs, String((b + 1) * batch));
    if (b < batches / 2) continue;
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
} finally {
  core.close();
  fs.rmSync(path.resolve(dir), { recursive: true, force: true });
}
