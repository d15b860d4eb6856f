/**
 * The console's read paths on a generated database: by default 1,000,000 messages in 100,000 conversations
 * (1 % of conversations hold 300 messages each, the rest about 7), three channels, statuses, assignees and labels,
 * all written through the real ingest path (mask, encrypt, index). Then:
 *   - conversation list: a page of 50 by last activity, with filters (and the next page)
 *   - open a conversation: its last 200 messages with field spans, plus one field decrypted (a permitted reveal)
 *   - full-text search: top 50
 *   - database size per message
 *   node --import tsx bench/store/dataset.ts [--messages 1000000] [--keep]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConversationFilter } from '../../main/core/store';
import { revealOriginal } from '../../test/helpers/seat-grants';
import { argValue, benchCore, consoleState, DATASET_CHANNELS, datasetSlices, fileKeychain, freshDir, ms, rng, timings } from './common';

const total = argValue('--messages', 1_000_000);
const convCount = Math.max(100, Math.round(total / 10));
const big = Math.max(1, Math.round(convCount / 100));

const dir = freshDir('dataset');
// With --keep the data key is saved beside the database, so bench/store/console.ts can open the kept dataset.
const core = await benchCore(dir, process.argv.includes('--keep') ? fileKeychain(path.join(dir, 'bench-keychain.json')) : undefined);
const { store, db } = core;
for (const id of DATASET_CHANNELS) store.channels.create({ id, kind: id, name: id });
const r = rng(42);

console.log(`generating ${total.toLocaleString('en')} messages in ${convCount.toLocaleString('en')} conversations…`);
const genStart = performance.now();
const genCpu = process.cpuUsage();
for (const { start, perChannel } of datasetSlices(total, r)) {
  for (const [channel, msgs] of perChannel) store.sink.ingest(channel, msgs, String(start));
}
const genSeconds = (performance.now() - genStart) / 1000;
const gc = process.cpuUsage(genCpu);
console.log(
  `generated in ${genSeconds.toFixed(0)} s through the ingest path: ${Math.round(total / genSeconds).toLocaleString('en')} messages/s wall-clock, ` +
    `${Math.round(total / ((gc.user + gc.system) / 1e6)).toLocaleString('en')} per CPU-second (load average ${os.loadavg()[0]!.toFixed(1)})`,
);

consoleState(core, r);
const labels = db.prepare('SELECT id FROM labels ORDER BY id').pluck().all() as number[];
db.pragma('wal_checkpoint(TRUNCATE)');
db.exec('ANALYZE');

/**
 * Wall-clock and CPU time per call. On a shared machine the wall-clock tail includes time the process waited for
 * a CPU; the CPU-time tail is the work itself.
 */
const run = (n: number, f: (i: number) => void) => {
  for (let i = 0; i < Math.min(50, n); i++) f(i); // warm up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    f(i);
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { wall: timings(wall), cpu: timings(cpu) };
};
const show = (name: string, t: ReturnType<typeof run>, goal: string) =>
  console.log(
    `${name.padEnd(52)} wall p50 ${ms(t.wall.p50)}  p99 ${ms(t.wall.p99)} | cpu p50 ${ms(t.cpu.p50)}  p99 ${ms(t.cpu.p99)}  (goal p99 ≤ ${goal})`,
  );

const filters: ConversationFilter[] = [
  {},
  { status: 'open' },
  { status: 'pending', unreadOnly: true },
  { channelId: 'wa' },
  { assigneeId: 'agent-3' },
  { status: 'open', assigneeId: 'agent-7' },
  { assigneeId: null, status: 'open' },
  { labelId: labels[4]! },
  { unreadOnly: true },
  { channelId: 'x', status: 'open' },
];
const list = run(2000, (i) => {
  const f = filters[i % filters.length]!;
  const first = store.conversations.list(f, { limit: 50 });
  if (i % 2 && first.next) store.conversations.list(f, { limit: 50, after: first.next });
});

const bigIds = db.prepare('SELECT id FROM conversations WHERE CAST(platform_conversation_id AS INTEGER) < ?').pluck().all(big) as number[];
const open = run(1000, (i) => {
  const id = bigIds[i % bigIds.length]!;
  const msgs = store.conversations.messages(id, { limit: 200 });
  const withField = msgs.find((m) => m.fields.length);
  if (withField) revealOriginal(store, withField.id, withField.fields[0]!.n);
  if (msgs.length !== 200) throw new Error(`expected 200 messages, got ${msgs.length}`);
});

const queries = ['refund', 'الفاتورة', 'فاتورة', 'سفارش', 'payment card', 'إلغاء الطلب', 'می‌خواهم لغو', 'pack', 'حسا', 'number', 'tomorrow please', 'البطاقه'];
const search = run(600, (i) => {
  store.search.search(queries[i % queries.length]!, { limit: 50 });
});
const hits = queries.map((q) => store.search.search(q, { limit: 50 }).length);

const messages = db.prepare('SELECT count(*) FROM messages').pluck().get() as number;
core.close();
const size = fs.statSync(path.join(dir, 'diwan.sqlite')).size;

console.log(`\nresults (${messages.toLocaleString('en')} messages, ${convCount.toLocaleString('en')} conversations)`);
show('conversation list page (50, filters, half + page 2)', list, '10 ms');
show('open conversation (last 200, spans, one reveal)', open, '10 ms');
show(`full-text search top 50 (hits per query ${Math.min(...hits)}–${Math.max(...hits)})`, search, '50 ms');
console.log(`database size ${(size / 1e6).toFixed(0)} MB: ${Math.round(size / messages)} bytes/message`);
if (!process.argv.includes('--keep')) fs.rmSync(dir, { recursive: true, force: true });
else console.log(`kept ${dir}`);
