/**
 * What a person waits for, through the console's own calls: the main dispatcher (contract parsing, session check,
 * handlers, services, store) over a kept dataset (`dataset.ts --keep`), not the store functions alone.
 *   node --expose-gc --import tsx bench/store/console.ts --dir <kept dataset dir> [--calls 20000] [--sample 1000] [--only <regex>] [--samples 300]
 * (`--only` measures the call classes whose name matches; `--calls 0` skips the memory soak; `--samples` calls per
 * class, 300 by default.) The kept directory is `dataset.ts --keep`'s or `bulk.ts`'s.
 * 1. open: the core on the dataset with its file evicted from the page cache (cold), then again (warm), each up to
 *    the first inbox page and the counts — what stands between starting Diwan and seeing the inbox;
 * 2. every call class the console makes, p50/p99 wall-clock and CPU time — the process's (every thread: V8 compiles
 *    and collects garbage on helper threads; its system part is the kernel's: page reads, fsyncs) and the main
 *    thread's, the one that serves the call (a lagging clock here: see `firstCall`), and the collector's pauses; the
 *    inbox page also per filter class, search's short prefixes also by kind;
 * 3. memory: `--calls` calls cycling through those classes, RSS sampled every `--sample` calls after a GC.
 */
// As every entry point of the app (regular expressions compiled ahead): the guards' checks cost what they cost there.
import '../../main/core/shared/regexp-engine';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { openCore, type Core } from '../../main/core/app';
import { addPeople } from '../../test/helpers/console-people';
import { agentCaller } from './agent-caller';
import { argValue, fileKeychain, ms, timings } from './common';

const dirArg = process.argv.indexOf('--dir');
if (dirArg < 0) throw new Error('Give the kept dataset: --dir <directory printed by dataset.ts --keep>');
const dir = process.argv[dirArg + 1]!;
const calls = argValue('--calls', 20_000);
const sampleEvery = argValue('--sample', 1000);
const perClass = argValue('--samples', 300);
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg >= 0 ? new RegExp(process.argv[onlyArg + 1]!) : null;
const gc = (globalThis as { gc?: () => void }).gc;
const dbFile = path.join(dir, 'diwan.sqlite');

/** Drops the database's pages from the OS page cache (clean pages only; other files are left alone). */
function evictFromPageCache(): boolean {
  try {
    for (const f of [dbFile, `${dbFile}-wal`]) {
      if (!fs.existsSync(f)) continue;
      execFileSync('python3', ['-c', 'import os,sys; fd=os.open(sys.argv[1], os.O_RDONLY); os.fsync(fd); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)', f]);
    }
    return true;
  } catch {
    return false;
  }
}

/** What this process has read through read() so far (Linux `rchar`): SQLite's cache misses, whether or not the OS had the page. */
function bytesRead(): number {
  const m = /rchar: (\d+)/.exec(fs.readFileSync('/proc/self/io', 'utf8'));
  return m ? Number(m[1]) : NaN;
}

/**
 * One call's CPU (the process's and the main thread's) and the pages it read, SQLite's cache as the call found it.
 * On this machine's kernel the main thread's figure of one short call is stale until a scheduler tick (a 60 µs loop
 * reads as 1–16 µs there and 55–69 µs in the process's; over 200 busy loops of 1 ms it reads 0 at the median and
 * 0.17 ms on average, of 3 ms 0.37 and 0.75 — its p99 is near one call's true cost, not a tail), so both are printed.
 */
async function firstCall(f: () => Promise<unknown>, pageSize: number): Promise<{ cpuMs: number; threadMs: number; pages: number }> {
  const before = bytesRead();
  const c = process.cpuUsage();
  const th = process.threadCpuUsage();
  await f();
  const dt = process.threadCpuUsage(th);
  const d = process.cpuUsage(c);
  return { cpuMs: (d.user + d.system) / 1000, threadMs: (dt.user + dt.system) / 1000, pages: Math.round((bytesRead() - before) / pageSize) };
}

const openCoreHere = () => openCore({ dataDir: dir, keychain: fileKeychain(path.join(dir, 'bench-keychain.json')), keychainService: 'Diwan-bench' });

/** Opens the core and signs the agent in; returns the time to the first inbox page and counts. */
async function openToInbox(): Promise<{ core: Core; call: (channel: string, request: unknown) => Promise<unknown>; openMs: number; inboxMs: number; firstPage: { cpuMs: number; threadMs: number; pages: number } }> {
  const t0 = performance.now();
  const core = await openCoreHere();
  await core.ready();
  const openMs = performance.now() - t0;
  if (core.identity.users.count() === 0) await addPeople(core);
  const call = await agentCaller(core);
  const t1 = performance.now();
  const firstPage = await firstCall(() => call('listConversations', { filter: {}, limit: 100 }), core.db.pragma('page_size', { simple: true }) as number);
  await call('inboxCounts', {});
  return { core, call, openMs, inboxMs: performance.now() - t1, firstPage };
}

// 1. Open, cold and warm. A dataset written by an older Diwan is first opened once (migrations, a full check).
const first = performance.now();
const upgrade = await openCoreHere();
const schema = upgrade.db.pragma('user_version', { simple: true }) as number;
upgrade.close();
console.log(`first open of the dataset (pending migrations to schema ${schema}, and a full check unless it was closed cleanly): ${ms(performance.now() - first)}`);
const evicted = evictFromPageCache();
const cold = await openToInbox();
cold.core.close();
const warm = await openToInbox();
const { core, call } = warm;
console.log(
  `open (${evicted ? 'database evicted from the page cache' : 'page cache NOT evicted'}): core ${ms(cold.openMs)} + first inbox page and counts ${ms(cold.inboxMs)}; ` +
    `warm: ${ms(warm.openMs)} + ${ms(warm.inboxMs)}`,
);

// 2. The call classes.
const db = core.db;
const pageSize = db.pragma('page_size', { simple: true }) as number;
// Found on a connection of their own, then the file evicted again (round 18 of #26): the scan that finds them reads
// the index by conversation, and left it in this connection's cache and the OS's for the first openings to find.
const big = (() => {
  const scan = new Database(dbFile, { readonly: true });
  try {
    return scan.prepare('SELECT conversation_id FROM messages GROUP BY conversation_id HAVING count(*) >= 200 LIMIT 1000').pluck().all() as number[];
  } finally {
    scan.close();
  }
})();
evictFromPageCache();
const reopened = Math.max(1, Math.min(100, Math.floor(big.length / 2)));
let firstOpen = reopened; // big[0..reopened) are for reopening; each first opening takes the next one never opened
const small = db.prepare('SELECT id FROM conversations ORDER BY id DESC LIMIT 2000').pluck().all() as number[];
const byId = db.prepare('SELECT * FROM conversations WHERE id = ?');
const touch = db.prepare("INSERT INTO settings (key, value) VALUES ('bench.peer', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
const filters = [
  {},
  { status: 'open' },
  { scope: 'mine' },
  { scope: 'unassigned' },
  { channelId: 'wa' },
  { label: 'label-4' },
  { status: 'open', label: 'label-2' },
  { status: 'pending', channelId: 'x' },
];

// 1b. Each filter class's very first page on the new connection (SQLite's cache holds what opening and the first
// inbox page read): the cold reads a person waits for when they first pick a filter.
const firsts = [{ filter: {}, ...warm.firstPage }];
for (const filter of filters.slice(1)) firsts.push({ filter, ...(await firstCall(() => call('listConversations', { filter, limit: 100 }), pageSize)) });
console.log(`first inbox page of each filter class (load average ${os.loadavg()[0]!.toFixed(1)}): process CPU, main thread CPU, pages read (${pageSize} bytes)`);
for (const f of firsts) console.log(`  ${JSON.stringify(f.filter).padEnd(40)} ${ms(f.cpuMs)}  ${ms(f.threadMs)}  ${f.pages} pages`);

const queries = ['refund', 'الفاتورة', 'فاتورة', 'سفارش', 'payment card', 'إلغاء الطلب', 'می‌خواهم لغو', 'pack', 'حسا', 'number', 'tomorrow please', 'البطاقه'];
const shortPrefixes = ['ال', 'pa', 'سف', 'م', 're'];

// `soak: false`: measured as a class, left out of the memory soak (which keeps the mix of earlier rounds).
type Klass = { name: string; goal: string; warm?: number; samples?: number; soak?: false; f: (i: number) => Promise<unknown> };
const classes: Klass[] = [
  {
    name: 'inbox page (100, filter classes, every 2nd: page 2)',
    goal: '5 ms',
    f: async (i) => {
      const filter = filters[i % filters.length]!;
      const page = (await call('listConversations', { filter, limit: 100 })) as { nextCursor: string | null };
      if (i % 2 && page.nextCursor) await call('listConversations', { filter, limit: 100, cursor: page.nextCursor });
    },
  },
  // The same pages one filter class at a time, to see which class makes the tail.
  ...filters.map((filter): Klass => ({
    name: `inbox page, filter ${JSON.stringify(filter)}`,
    goal: '5 ms',
    soak: false,
    f: async (i) => {
      const page = (await call('listConversations', { filter, limit: 100 })) as { nextCursor: string | null };
      if (i % 2 && page.nextCursor) await call('listConversations', { filter, limit: 100, cursor: page.nextCursor });
    },
  })),
  { name: 'inbox counts', goal: '5 ms', f: () => call('inboxCounts', {}) },
  {
    name: 'open conversation, 300 messages, first time (read mark, audit)',
    goal: '10 ms',
    // Only conversations never opened before count as a first time (a smaller dataset has fewer of them).
    warm: 5,
    samples: Math.max(1, Math.min(perClass, big.length - reopened - 5)),
    f: () => call('openConversation', { conversationId: big[firstOpen++ % big.length]!, lang: 'en' }),
  },
  { name: 'open conversation, 300 messages, again', goal: '10 ms', warm: reopened, f: (i) => call('openConversation', { conversationId: big[i % reopened]!, lang: 'en' }) },
  // The in-run peer for the openings' wall time: one conversation row by primary key on the same file and connection.
  { name: 'peer: a conversation row by primary key', goal: '—', f: async (i) => byId.get(small[i % small.length]!) },
  // …and what a commit waits for: a one-row write transaction with its WAL fsync (a bench-only settings key).
  { name: 'peer: a one-row write transaction (commit, fsync)', goal: '—', f: async (i) => db.transaction(() => touch.run(String(i)))() },
  { name: 'open conversation, small', goal: '10 ms', f: (i) => call('openConversation', { conversationId: small[i % small.length]!, lang: 'ar' }) },
  { name: 'search, words and phrases', goal: '30 ms', f: (i) => call('search', { query: queries[i % queries.length]!, limit: 50 }) },
  { name: 'search, 1–2 letter prefixes', goal: '30 ms', f: (i) => call('search', { query: shortPrefixes[i % shortPrefixes.length]!, limit: 50 }) },
  // The same short prefixes by kind: one letter is searched as a whole word, two letters through the index's own
  // prefix entries, and the Arabic article begins most Arabic words.
  ...(
    [
      ['one letter', ['م', 'r']],
      ['two letters', ['pa', 'سف', 're']],
      ['the Arabic article', ['ال']],
    ] as const
  ).map(([kind, qs]): Klass => ({ name: `search, prefix: ${kind} (${qs.join(', ')})`, goal: '30 ms', soak: false, f: (i) => call('search', { query: qs[i % qs.length]!, limit: 50 }) })),
  { name: 'search with a status filter', goal: '30 ms', f: (i) => call('search', { query: queries[i % queries.length]!, status: i % 2 ? 'open' : 'resolved', limit: 50 }) },
  { name: 'search with a channel filter', goal: '30 ms', f: (i) => call('search', { query: queries[i % queries.length]!, channelId: 'wa', limit: 50 }) },
];

// Garbage collection's pauses of the main thread, to tell a class's own work from the collector's.
const gcPauses: Array<{ start: number; end: number }> = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcPauses.push({ start: e.startTime, end: e.startTime + e.duration });
}).observe({ entryTypes: ['gc'] });

async function measure(k: Klass, n: number) {
  for (let i = 0; i < (k.warm ?? 20); i++) await k.f(i);
  await new Promise((r) => setImmediate(r)); // the warm-up's GC entries are delivered before the count starts
  const gc0 = gcPauses.length;
  const spans: Array<{ start: number; end: number }> = [];
  const wall: number[] = [];
  const cpu: number[] = [];
  const thread: number[] = [];
  const system: number[] = []; // the kernel's part of the process's CPU: reads of pages the OS has not cached, fsyncs
  for (let i = 0; i < n; i++) {
    const c = process.cpuUsage();
    const th = process.threadCpuUsage();
    const t = performance.now();
    await k.f(i);
    const end = performance.now();
    wall.push(end - t);
    spans.push({ start: t, end });
    const dt = process.threadCpuUsage(th);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
    system.push(d.system / 1000);
    thread.push((dt.user + dt.system) / 1000);
  }
  await new Promise((r) => setImmediate(r));
  const pauses = gcPauses.slice(gc0);
  // The calls no collector pause overlapped: what the class costs when the tail is not the collector's.
  const unpaused = cpu.filter((_, i) => !pauses.some((g) => g.start < spans[i]!.end && g.end > spans[i]!.start));
  return {
    wall: timings(wall),
    cpu: timings(cpu),
    system: timings(system),
    thread: timings(thread),
    gc: { count: pauses.length, ms: pauses.reduce((a, g) => a + g.end - g.start, 0), calls: n - unpaused.length, cpuP99Without: unpaused.length ? timings(unpaused).p99 : NaN },
  };
}

const messages = db.prepare('SELECT max(id) FROM messages').pluck().get() as number;
console.log(`console calls on ${messages.toLocaleString('en')} messages (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs)`);
for (const k of classes) {
  if (only && !only.test(k.name)) continue;
  const t = await measure(k, k.samples ?? perClass);
  console.log(
    `${k.name.padEnd(62)} ${k.samples ? `(${k.samples} calls) ` : ''}wall p50 ${ms(t.wall.p50)}  p99 ${ms(t.wall.p99)} | cpu p50 ${ms(t.cpu.p50)}  p99 ${ms(t.cpu.p99)} ` +
      `(system p50 ${ms(t.system.p50)}  p99 ${ms(t.system.p99)}) | main thread p50 ${ms(t.thread.p50)}  p99 ${ms(t.thread.p99)}  max ${ms(t.thread.max)} | ` +
      `GC ${t.gc.count} pauses ${ms(t.gc.ms)} in ${t.gc.calls} calls, cpu p99 of the others ${ms(t.gc.cpuP99Without)}  (goal p99 ≤ ${k.goal}; load average ${os.loadavg()[0]!.toFixed(1)})`,
  );
}

// 3. Memory over many calls.
const rss = () => {
  gc?.();
  return process.memoryUsage().rss / 1e6;
};
const soaked = classes.filter((k) => k.soak !== false);
const samples: number[] = [rss()];
const soakStart = performance.now();
for (let i = 0; i < calls; i++) {
  await soaked[i % soaked.length]!.f(Math.floor(i / soaked.length));
  if ((i + 1) % sampleEvery === 0) {
    samples.push(rss());
    console.log(`  ${(i + 1).toLocaleString('en')} calls, ${((performance.now() - soakStart) / 1000).toFixed(0)} s: RSS ${samples[samples.length - 1]!.toFixed(0)} MB`);
  }
}
const soakSeconds = (performance.now() - soakStart) / 1000;
console.log(
  `memory over ${calls.toLocaleString('en')} calls (${soakSeconds.toFixed(0)} s${gc ? ', GC before each sample' : ', no --expose-gc'}): RSS ${samples[0]!.toFixed(0)} MB → ${samples[samples.length - 1]!.toFixed(0)} MB ` +
    `(growth ${(samples[samples.length - 1]! - samples[0]!).toFixed(1)} MB; after the first ${sampleEvery}: ${(samples[samples.length - 1]! - samples[1]!).toFixed(1)} MB; goal < 20 MB)`,
);
if (calls) console.log(`RSS samples (MB, every ${sampleEvery} calls): ${samples.map((s) => s.toFixed(0)).join(' ')}`);
core.close();
