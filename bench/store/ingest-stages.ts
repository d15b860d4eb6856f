/**
 * What one ingested message costs, stage by stage (issue #26 round 12), on the data `ingest.ts` ingests:
 *   node --import tsx bench/store/ingest-stages.ts [--messages 20000] [--conversations 2000] [--batch 500] [--runs 3]
 * 1. The preparation worker's stages, each alone on this thread over the same texts in the worker's chunks of 128:
 *    the platform JSON parsed, masking (the real detectors), the inbound scam check (on the masked text), sealing the
 *    text and each field to the custodian's public key (one key agreement per chunk), the search body.
 * 2. The database thread, the real ingest path with its preparation worker (as the console runs it): this thread's
 *    CPU around every better-sqlite3 call, by statement (COMMIT included), and what is left (JavaScript, GC).
 * Figures are CPU time per message (getrusage per thread: the kernel's accounting, exact in total, so read the sums
 * and the medians of many calls); min–median–max over the runs, with the load average.
 *
 * Instruction counts, for callgrind (exact, independent of the load): `--stage prep` runs every preparation stage over
 * all messages, twice (the first pass warms), and `--stage ingest` ingests them into a fresh database with the texts
 * prepared beforehand (so the interval is the database thread's work alone), each stage between two calls of
 * `process.threadCpuUsage()`. With `--dump-before=uv_getrusage_thread` callgrind writes one profile per interval;
 * the script prints which interval is which:
 *   npx esbuild bench/store/ingest-stages.ts --bundle --platform=node --format=esm --external:better-sqlite3 \
 *     --banner:js="import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" --outfile=bench-stages.mjs
 * (the banner's import renamed: the bundle imports `createRequire` itself since session 21, and a second binding of the
 * name does not load; round 18 of #26)
 *   valgrind --tool=callgrind --dump-before=uv_getrusage_thread --callgrind-out-file=/tmp/cg node bench-stages.mjs \
 *     --stage ingest --messages 4000 --conversations 400 --batch 500
 * (bundled, so valgrind does not run the TypeScript loader; add `--toggle-collect=sqlite3_step` for SQLite's share).
 * `--stage raw` writes the same messages with the raw writer (`raw-writer.ts`), the peer for the ingest's figure.
 */
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import '../../main/core/shared/regexp-engine';
import { detectorMasker, GuardScreen } from '../../main/core/app';
import { DEFAULT_GUARD_POLICY } from '../../main/core/guard';
import { generateSealingKey, originalContext, SealingSession } from '../../main/core/custody';
import { inlinePreparer, placeholderMasker, prepareTexts, type MaskResult } from '../../main/core/store';
import { indexBody } from '../../main/core/store/search-text';
import type { InboundMessage } from '../../main/core/shared/messages';
import { argValue, benchCore, freshDir, parseUpdate, platformUpdate, rng } from './common';
import { openRawWriter } from './raw-writer';

const total = argValue('--messages', 20_000);
const batch = argValue('--batch', 500);
const conversations = argValue('--conversations', 2_000);
const runs = argValue('--runs', 3);
const stageArg = process.argv.indexOf('--stage');
const only = stageArg >= 0 ? process.argv[stageArg + 1]! : null;
const CHUNK = 128;

const t0 = 1_700_000_000_000;
const r = rng(7);
const updates = Array.from({ length: total }, (_, i) => platformUpdate(i, Math.floor(r() * conversations), t0 + i * 1000, r));

const thread = () => {
  const u = process.threadCpuUsage();
  return u.user + u.system;
};

const PREP = ['parse', 'mask', 'screen', 'seal', 'body'] as const;
type Prep = (typeof PREP)[number];

/** The preparation worker's work, one stage at a time over every chunk; µs of this thread's CPU per stage. */
function prepare(stages: readonly Prep[], count = total): Record<Prep, number> {
  const masker = detectorMasker(() => undefined);
  const screen = new GuardScreen(DEFAULT_GUARD_POLICY);
  const to = generateSealingKey(1);
  const spent: Record<Prep, number> = { parse: 0, mask: 0, screen: 0, seal: 0, body: 0 };
  const timed = <T>(stage: Prep, f: () => T): T => {
    const c = thread();
    const out = f();
    spent[stage] += thread() - c;
    return out;
  };
  for (let i = 0; i < count; i += CHUNK) {
    const raw = updates.slice(i, Math.min(i + CHUNK, count));
    // Stages after the one measured need its output: computed untimed when that stage is not asked for.
    const msgs: InboundMessage[] = stages.includes('parse') ? timed('parse', () => raw.map((u, k) => parseUpdate(u, t0 + (i + k) * 1000))) : raw.map((u, k) => parseUpdate(u, t0 + (i + k) * 1000));
    const texts = msgs.map((m) => m.text);
    const mask = () => texts.map((t) => masker(t));
    const masked: MaskResult[] = stages.includes('mask') ? timed('mask', mask) : stages.some((s) => s !== 'parse') ? mask() : [];
    // (with what the masking found, as `prepareTexts` hands it to the check)
    if (stages.includes('screen')) timed('screen', () => masked.forEach((m, k) => msgs[k]!.direction === 'in' && screen.screen(m.masked, m.detected && { text: texts[k]!, spans: m.detected })));
    if (stages.includes('seal')) {
      timed('seal', () => {
        const session = new SealingSession(to.publicKey, to.epoch);
        masked.forEach((m, k) =>
          session.sealAll([
            { context: originalContext('bench', i + k + 1, 'text'), plain: texts[k]! },
            ...m.fields.map((f, n) => ({ context: originalContext('bench', i + k + 1, { field: n, type: f.type }), plain: f.value })),
          ]),
        );
      });
    }
    if (stages.includes('body')) timed('body', () => masked.forEach((m) => indexBody(m.masked)));
  }
  return spent;
}

interface Statement {
  calls: number;
  micros: number;
}

/** The ingest path as the console runs it; this thread's CPU around every statement, by its SQL. */
async function databaseThread(placeholder: boolean, begin = () => {}, end = () => {}): Promise<{ thread: number; process: number; statements: Map<string, Statement>; inline: boolean }> {
  const dir = freshDir(`ingest-stages-${process.pid}`);
  let inline = placeholder;
  const core = await benchCore(dir, undefined, placeholder ? placeholderMasker : undefined, (line) => void (/preparation worker/.test(line) && (inline = true)));
  const statements = new Map<string, Statement>();
  const proto = Object.getPrototypeOf(core.db.prepare('SELECT 1')) as Record<string, (...a: unknown[]) => unknown>;
  const original = Object.fromEntries(['all', 'get', 'run', 'iterate'].map((m) => [m, proto[m]!]));
  if (!only) {
    for (const [m, fn] of Object.entries(original)) {
      proto[m] = function (this: Database.Statement, ...a: unknown[]) {
        const c = thread();
        try {
          return fn.apply(this, a);
        } finally {
          const key = this.source.replace(/\s+/g, ' ').trim().slice(0, 60);
          const s = statements.get(key) ?? { calls: 0, micros: 0 };
          s.calls++;
          s.micros += thread() - c;
          statements.set(key, s);
        }
      };
    }
  }
  try {
    core.store.channels.create({ id: 'tg', kind: 'telegram', name: 'bench' });
    const batches = Array.from({ length: Math.ceil(total / batch) }, (_, b) => updates.slice(b * batch, (b + 1) * batch).map((u, k) => parseUpdate(u, t0 + (b * batch + k) * 1000)));
    begin();
    const cpu0 = process.cpuUsage();
    // Under callgrind (`only`) every call of the thread clock ends a profile: only the marks may call it.
    const clock = only ? () => 0 : thread;
    const c0 = clock();
    batches.forEach((msgs, b) => core.store.sink.ingest('tg', msgs, String((b + 1) * batch)));
    const cpu = process.cpuUsage(cpu0);
    const spent = clock() - c0;
    end();
    return { thread: spent, process: cpu.user + cpu.system, statements, inline };
  } finally {
    Object.assign(proto, original);
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const f = (n: number, d = 1) => n.toFixed(d);
const spread = (xs: number[], d = 1) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${f(s[0]!, d)}–${f(s[Math.floor(s.length / 2)]!, d)}–${f(s[s.length - 1]!, d)}`;
};

if (only) {
  // For callgrind: each interval between two marks is one profile (`--dump-before=uv_getrusage_thread`).
  const intervals = ['set-up'];
  const mark = (next: string) => (process.threadCpuUsage(), intervals.push(next));
  if (only === 'prep') {
    for (const pass of ['warm', 'measured']) {
      const masker = detectorMasker(() => undefined);
      const screen = new GuardScreen(DEFAULT_GUARD_POLICY);
      const to = generateSealingKey(1);
      mark(`${pass}: parse`);
      const msgs = updates.map((u, k) => parseUpdate(u, t0 + k * 1000));
      mark(`${pass}: mask`);
      const masked = msgs.map((m) => masker(m.text));
      mark(`${pass}: screen`);
      masked.forEach((m, k) => msgs[k]!.direction === 'in' && screen.screen(m.masked, m.detected && { text: msgs[k]!.text, spans: m.detected }));
      mark(`${pass}: seal`);
      for (let i = 0; i < total; i += CHUNK) {
        const session = new SealingSession(to.publicKey, to.epoch);
        for (let k = i; k < Math.min(i + CHUNK, total); k++) {
          session.sealAll([
            { context: originalContext('bench', k + 1, 'text'), plain: msgs[k]!.text },
            ...masked[k]!.fields.map((f, n) => ({ context: originalContext('bench', k + 1, { field: n, type: f.type }), plain: f.value })),
          ]);
        }
      }
      mark(`${pass}: body`);
      masked.forEach((m) => indexBody(m.masked));
      mark('rest');
    }
  } else if (only === 'raw') {
    // The raw writer over the same messages (parsed before the interval, as for the ingest below).
    const dir = freshDir(`ingest-stages-raw-${process.pid}`);
    const raw = openRawWriter(path.join(dir, 'raw.sqlite'));
    const batches = Array.from({ length: Math.ceil(total / batch) }, (_, b) => updates.slice(b * batch, (b + 1) * batch).map((u, k) => parseUpdate(u, t0 + (b * batch + k) * 1000)));
    mark('raw writer');
    batches.forEach((msgs, b) => raw.write(msgs, b * batch + 1));
    mark('rest');
    raw.close();
    fs.rmSync(dir, { recursive: true, force: true });
  } else {
    // The texts prepared as the worker prepares them (real detectors, sealing), before the interval; the store's own
    // preparer is pointed at them for the interval and given back after. The scam check's outcome is "not flagged"
    // for every message (the real check flags about 1 in 100 and costs 50 times the rest under callgrind): the
    // database thread writes the same outcome rows.
    const screen = { rules: new GuardScreen(DEFAULT_GUARD_POLICY).rules, screen: () => ({ flagged: false }) };
    const msgs = updates.map((u, k) => parseUpdate(u, t0 + k * 1000));
    const ready = prepareTexts(msgs.map((m) => m.text), 1, detectorMasker(() => undefined), { seat: 'bench', ...generateSealingKey(1) }, { check: screen, inbound: msgs.map((m) => m.direction === 'in') });
    const start = inlinePreparer.start;
    inlinePreparer.start = (texts, firstId) => {
      if (ready[firstId - 1]?.masked === undefined) throw new Error('ingest-stages: ids not as prepared');
      return (k) => ready.slice(firstId - 1 + k * CHUNK, firstId - 1 + Math.min((k + 1) * CHUNK, texts.length));
    };
    try {
      await databaseThread(true, () => mark('ingest (the database thread alone)'), () => mark('rest'));
    } finally {
      inlinePreparer.start = start;
    }
  }
  console.log(`stage ${only}: ${total} messages, batches of ${batch}; callgrind's profiles in order: ${intervals.map((n, i) => `${i + 1} ${n}`).join(', ')}`);
} else {
  const perStage = new Map<string, number[]>();
  const perStatement = new Map<string, { micros: number[]; calls: number }>();
  const loads: number[] = [];
  const threadTotals: number[] = [];
  const others: number[] = [];
  const inlineRuns: number[] = [];
  // Warm: the first check compiles the guard's patterns (0.2–0.9 s), as the worker does once when it starts.
  prepare(PREP, 1000);
  console.log(`ingest stages: ${total} messages in ${conversations} conversations, batches of ${batch}, ${runs} runs; ${os.cpus().length} CPUs`);
  for (let run = 0; run < runs; run++) {
    loads.push(os.loadavg()[0]!);
    const prep = prepare(PREP);
    for (const s of PREP) perStage.set(s, [...(perStage.get(s) ?? []), prep[s] / total]);
    const db = await databaseThread(false);
    loads.push(os.loadavg()[0]!);
    if (db.inline) inlineRuns.push(run + 1);
    threadTotals.push(db.thread / total);
    others.push((db.process - db.thread) / total);
    let inStatements = 0;
    for (const [sql, s] of db.statements) {
      inStatements += s.micros;
      const e = perStatement.get(sql) ?? { micros: [], calls: s.calls };
      e.micros.push(s.micros / total);
      perStatement.set(sql, e);
    }
    perStage.set('database thread outside statements', [...(perStage.get('database thread outside statements') ?? []), (db.thread - inStatements) / total]);
    console.log(
      `run ${run + 1}: preparation ${PREP.map((s) => `${s} ${f(prep[s] / total)}`).join(', ')} µs/msg; database thread ${f(db.thread / total)} µs/msg (statements ${f(inStatements / total)}), ` +
        `other threads ${f((db.process - db.thread) / total)} µs/msg${db.inline ? ' (the preparation worker retired: prepared on the database thread)' : ''}; load ${f(loads.at(-2)!)} → ${f(loads.at(-1)!)}`,
    );
  }
  console.log('\nstage | µs of CPU a message, min–median–max');
  for (const [s, xs] of perStage) console.log(`${s} | ${spread(xs)}`);
  console.log(`database thread, all | ${spread(threadTotals)}`);
  console.log(`other threads (the preparation worker, GC helpers) | ${spread(others)}`);
  console.log('\ndatabase thread statement | calls a message | µs a message, min–median–max');
  const rows = [...perStatement].sort((a, b) => b[1].micros.reduce((x, y) => x + y, 0) - a[1].micros.reduce((x, y) => x + y, 0));
  for (const [sql, e] of rows) console.log(`${sql} | ${f(e.calls / total, 3)} | ${spread(e.micros, 2)}`);
  console.log(`\nload average ${f(Math.min(...loads))}–${f(Math.max(...loads))}${inlineRuns.length ? `; the preparation worker retired in run(s) ${inlineRuns.join(', ')}` : ''}`);
}
