/**
 * Ingest throughput: platform JSON → parse → mask → encrypt originals → insert (messages, fields, conversations,
 * contacts) → index, in batches of one transaction each, one process, WAL with synchronous=FULL.
 *   node --import tsx bench/store/ingest.ts [--messages 200000] [--batch 5000] [--conversations 20000] [--placeholder-masker]
 * Masking is done by the real detectors on the preparation worker, as in the console; `--placeholder-masker` swaps
 * in the store's placeholder (e-mails and digit runs only, prepared inline) to show what the worker brings.
 * The default batch is the largest the store takes (5,000); `--batch 500` shows the cost of more, smaller commits.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { placeholderMasker } from '../../main/core/store';
import { argValue, benchCore, freshDir, platformUpdate, parseUpdate, rng } from './common';

const total = argValue('--messages', 200_000);
const batch = argValue('--batch', 5000);
const conversations = argValue('--conversations', 20_000);

const dir = freshDir('ingest');
const placeholder = process.argv.includes('--placeholder-masker');
const core = await benchCore(dir, undefined, placeholder ? placeholderMasker : undefined);
core.store.channels.create({ id: 'tg', kind: 'telegram', name: 'bench' });
const r = rng(7);
const t0 = 1_700_000_000_000;
const updates = Array.from({ length: total }, (_, i) => platformUpdate(i, Math.floor(r() * conversations), t0 + i * 1000, r));

const load = os.loadavg()[0]!;
const cpu0 = process.cpuUsage();
const start = process.hrtime.bigint();
for (let i = 0; i < total; i += batch) {
  const msgs = updates.slice(i, i + batch).map((u, k) => parseUpdate(u, t0 + (i + k) * 1000));
  core.store.sink.ingest('tg', msgs, String(i + batch));
}
// The checkpoint the batches left pending is part of the work: without it, a larger WAL would look faster.
core.db.pragma('wal_checkpoint(TRUNCATE)');
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const fields = core.db.prepare('SELECT count(*) FROM message_fields').pluck().get() as number;
core.close();
const size = fs.statSync(path.join(dir, 'diwan.sqlite')).size;
console.log(`ingest: ${total} messages in batches of ${batch} (${fields} masked fields, ${placeholder ? 'placeholder masker, inline' : 'real detectors, on the preparation worker'}) in ${seconds.toFixed(2)} s`);
console.log(`ingest: ${Math.round(total / seconds).toLocaleString('en')} messages/s wall-clock (goal ≥ 20,000), load average ${load.toFixed(1)} on ${os.cpus().length} CPUs`);
console.log(`ingest: ${Math.round(total / cpuSeconds).toLocaleString('en')} messages per CPU-second (${((cpuSeconds / total) * 1e6).toFixed(0)} µs of CPU per message, both threads)`);
console.log(`ingest: database ${(size / 1e6).toFixed(1)} MB, ${Math.round(size / total)} bytes/message`);
fs.rmSync(dir, { recursive: true, force: true });
