/**
 * Ingest throughput against a raw writer of the same rows, in the same run (issue #26: ingest ≥ 0.6 of the raw writer
 * at batches of 100, 500 and 5,000).
 *   node --import tsx bench/store/ingest.ts [--messages 20000] [--batch 5000] [--conversations 2000] [--runs 3] [--placeholder-masker]
 * Each run, one process: the raw writer (platform JSON parsed, one row per message with its AES-256-GCM ciphertext, an
 * FTS5 entry, one transaction per batch, WAL with synchronous=FULL and the store's other pragmas), then the store's
 * ingest path (parse → mask → seal originals → insert message, fields, conversations, contacts, search index, the
 * inbound scam check), each ending with a `wal_checkpoint(TRUNCATE)` so a deferred checkpoint cannot look faster.
 * Masking and the scam check run on the preparation worker, as in the console; `--placeholder-masker` swaps in the
 * store's placeholder masker (prepared inline, scam check included) to show what the worker brings. The scam check's
 * own cost is printed beside (the same texts, checked again on this thread after the runs).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import '../../main/core/shared/regexp-engine';
import { GuardScreen } from '../../main/core/app';
import { DEFAULT_GUARD_POLICY } from '../../main/core/guard';
import { placeholderMasker } from '../../main/core/store';
import { argValue, benchCore, freshDir, platformUpdate, parseUpdate, rng } from './common';
import { openRawWriter } from './raw-writer';

const total = argValue('--messages', 20_000);
const batch = argValue('--batch', 5000);
const conversations = argValue('--conversations', 2_000);
const runs = argValue('--runs', 3);
const placeholder = process.argv.includes('--placeholder-masker');

const t0 = 1_700_000_000_000;
const r = rng(7);
const updates = Array.from({ length: total }, (_, i) => platformUpdate(i, Math.floor(r() * conversations), t0 + i * 1000, r));

interface Figures {
  seconds: number;
  cpuSeconds: number;
  /** This thread's CPU: the ingest path's database thread (masking, sealing and the scam check run on the worker). */
  threadSeconds: number;
  /**
   * (Linux, round 22 of #26) The other threads' CPU from `/proc/self/task` (clock ticks, 10 ms): the busiest of them —
   * the preparation worker, on the ingest path — and the rest (V8's compiler and collector helpers, libuv's pool).
   */
  busiestOtherSeconds?: number;
  restSeconds?: number;
  bytes: number;
}

/** Each thread's user + system CPU in seconds, by thread id (empty where `/proc` is not there). */
function threadTimes(): Map<string, number> {
  const out = new Map<string, number>();
  const tick = 100; // USER_HZ on Linux
  try {
    for (const tid of fs.readdirSync('/proc/self/task')) {
      try {
        const f = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').slice(-400).split(') ').at(-1)!.split(' ');
        out.set(tid, (Number(f[11]) + Number(f[12])) / tick);
      } catch {
        // (the thread ended between the listing and the read)
      }
    }
  } catch {
    // not Linux
  }
  return out;
}

function measure(work: () => void): Omit<Figures, 'bytes'> {
  const tasks0 = threadTimes();
  const cpu0 = process.cpuUsage();
  const thread0 = process.threadCpuUsage();
  const start = process.hrtime.bigint();
  work();
  const cpu = process.cpuUsage(cpu0);
  const thread = process.threadCpuUsage(thread0);
  const others = [...threadTimes()].filter(([tid]) => tid !== String(process.pid)).map(([tid, s]) => s - (tasks0.get(tid) ?? 0));
  const busiest = others.length ? Math.max(...others) : undefined;
  return {
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    threadSeconds: (thread.user + thread.system) / 1e6,
    ...(busiest !== undefined ? { busiestOtherSeconds: busiest, restSeconds: others.reduce((a, b) => a + b, 0) - busiest } : {}),
  };
}

/** The raw writer (`raw-writer.ts`): what any store of these messages must do at least. */
function rawWriter(dir: string): Figures {
  const file = path.join(dir, 'raw.sqlite');
  const raw = openRawWriter(file);
  const t = measure(() => {
    for (let i = 0; i < total; i += batch) raw.write(updates.slice(i, i + batch).map((u, k) => parseUpdate(u, t0 + (i + k) * 1000)), i + 1);
    raw.db.pragma('wal_checkpoint(TRUNCATE)');
  });
  raw.close();
  return { ...t, bytes: fs.statSync(file).size };
}

async function ingestPath(dir: string): Promise<Figures & { fields: number; inline: boolean }> {
  // On a loaded machine the preparation worker can miss its chunk deadline and retire; the rest of the run is then
  // prepared on the database thread, and that run's "database thread alone" is not the database thread's own work.
  let inline = placeholder;
  const log = (line: string) => void (/preparation worker/.test(line) && (inline = true));
  const core = await benchCore(dir, undefined, placeholder ? placeholderMasker : undefined, log);
  core.store.channels.create({ id: 'tg', kind: 'telegram', name: 'bench' });
  const t = measure(() => {
    for (let i = 0; i < total; i += batch) {
      const msgs = updates.slice(i, i + batch).map((u, k) => parseUpdate(u, t0 + (i + k) * 1000));
      core.store.sink.ingest('tg', msgs, String(i + batch));
    }
    core.db.pragma('wal_checkpoint(TRUNCATE)');
  });
  const fields = core.db.prepare('SELECT count(*) FROM message_fields').pluck().get() as number;
  core.close();
  return { ...t, fields, inline, bytes: fs.statSync(path.join(dir, 'diwan.sqlite')).size };
}

const f = (n: number, d = 2) => n.toFixed(d);
const spread = (xs: number[], d = 2) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${f(s[0]!, d)}–${f(s[Math.floor(s.length / 2)]!, d)}–${f(s[s.length - 1]!, d)}`;
};
const wallRatios: number[] = [];
const cpuRatios: number[] = [];
const threadRatios: number[] = [];
const storeCpu: number[] = [];
const storeThread: number[] = [];
const rawCpu: number[] = [];
const loads: number[] = [];
/** Runs whose preparation ran on the database thread (the worker retired, or `--placeholder-masker`). */
const inlineRuns: number[] = [];
const workerThread: number[] = [];
/** µs a message: the busiest thread but the database thread (the preparation worker) and the rest, in runs it did not retire. */
const busiestOther: number[] = [];
const restOther: number[] = [];
console.log(`ingest: ${total} messages in ${conversations} conversations, batches of ${batch}, ${runs} runs; ${placeholder ? 'placeholder masker, inline' : 'real detectors on the preparation worker'}; ${os.cpus().length} CPUs`);
for (let run = 0; run < runs; run++) {
  const dir = freshDir(`ingest-${run}`);
  try {
    loads.push(os.loadavg()[0]!);
    const raw = rawWriter(dir);
    const store = await ingestPath(dir);
    loads.push(os.loadavg()[0]!);
    wallRatios.push(raw.seconds / store.seconds);
    cpuRatios.push(raw.cpuSeconds / store.cpuSeconds);
    threadRatios.push(raw.threadSeconds / store.threadSeconds);
    if (store.inline) inlineRuns.push(run + 1);
    else workerThread.push((store.threadSeconds / total) * 1e6);
    if (!store.inline && store.busiestOtherSeconds !== undefined) {
      busiestOther.push((store.busiestOtherSeconds / total) * 1e6);
      restOther.push((store.restSeconds! / total) * 1e6);
    }
    storeCpu.push((store.cpuSeconds / total) * 1e6);
    storeThread.push((store.threadSeconds / total) * 1e6);
    rawCpu.push((raw.cpuSeconds / total) * 1e6);
    console.log(
      `run ${run + 1}: raw writer ${Math.round(total / raw.seconds).toLocaleString('en')} msg/s wall, ${f((raw.cpuSeconds / total) * 1e6, 0)} µs CPU/msg, ${Math.round(raw.bytes / total)} B/msg; ` +
        `ingest ${Math.round(total / store.seconds).toLocaleString('en')} msg/s wall, ${f((store.cpuSeconds / total) * 1e6, 0)} µs CPU/msg (both threads; database thread ${f((store.threadSeconds / total) * 1e6, 0)}), ${Math.round(store.bytes / total)} B/msg, ${store.fields} masked fields; ` +
        `ratio wall ${f(raw.seconds / store.seconds)}, per CPU-second ${f(raw.cpuSeconds / store.cpuSeconds)}, database thread ${f(raw.threadSeconds / store.threadSeconds)}` +
        `${store.inline && !placeholder ? ' (the preparation worker retired: prepared on the database thread)' : ''}` +
        `${store.busiestOtherSeconds !== undefined ? `; other threads: the busiest (the preparation worker) ${f((store.busiestOtherSeconds / total) * 1e6, 0)} µs/msg, the rest ${f((store.restSeconds! / total) * 1e6, 0)}` : ''}` +
        `; load ${f(loads.at(-2)!, 1)} → ${f(loads.at(-1)!, 1)}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// The scam check alone, on this thread, over the runs' texts masked as the ingest path masks them (after the runs,
// so the guard's patterns are compiled; one pass to warm, one measured).
const screen = new GuardScreen(DEFAULT_GUARD_POLICY);
const masked = updates.map((u) => parseUpdate(u, 0).text).map((text) => placeholderMasker(text).masked);
masked.forEach((m) => screen.screen(m));
const check = measure(() => masked.forEach((m) => screen.screen(m)));
console.log(
  `ingest: ratio to the raw writer (min–median–max of ${runs} runs): wall ${spread(wallRatios)}, per CPU-second ${spread(cpuRatios)} (goal ≥ 0.6), database thread alone ${spread(threadRatios)}; ` +
    `CPU per message: ingest ${spread(storeCpu, 0)} µs (database thread ${spread(storeThread, 0)}), raw ${spread(rawCpu, 0)} µs; the inbound scam check alone ${f((check.cpuSeconds / total) * 1e6, 0)} µs; ` +
    `load average ${f(Math.min(...loads), 1)}–${f(Math.max(...loads), 1)}`,
);
if (busiestOther.length) {
  console.log(`ingest: other threads' CPU (Linux /proc, ${busiestOther.length} run(s) the worker did not retire): the preparation worker ${spread(busiestOther, 0)} µs/msg, the rest (V8 and libuv helpers) ${spread(restOther, 0)} µs/msg`);
}
if (!placeholder && inlineRuns.length) {
  console.log(
    `ingest: in run(s) ${inlineRuns.join(', ')} the preparation worker retired (a chunk later than its deadline on this loaded machine), so the database thread also prepared; ` +
      (workerThread.length ? `the database thread alone in the other runs: ${spread(workerThread, 0)} µs/msg` : 'no run measured the database thread alone'),
  );
}
