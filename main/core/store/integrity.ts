import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './database';
import { getSetting, setSetting, SETTING } from './settings';

export interface IntegrityResult {
  ok: boolean;
  /** SQLite's first findings (page numbers and structure only: quick_check reports no row content). */
  problems: string[];
}

/** The worker: its own read-only connection, one `PRAGMA quick_check` on a snapshot, the result posted back. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
let result;
try {
  const Database = require(workerData.module);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const rows = db.pragma('quick_check').map((r) => String(r.quick_check));
    result = { ok: rows.length === 1 && rows[0] === 'ok', problems: rows[0] === 'ok' ? [] : rows.slice(0, 10) };
  } finally {
    db.close();
  }
} catch (e) {
  result = { ok: false, problems: [String((e && e.message) || e)] };
}
parentPort.postMessage(result);
`;

/**
 * The full page check of the database file, on a worker thread with its own read-only connection, so the console
 * stays responsive while it reads every page (seconds per million messages). WAL gives it a consistent snapshot
 * while the console keeps writing.
 */
export function checkIntegrityInBackground(file: string): Promise<IntegrityResult> {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: IntegrityResult) => {
      if (!settled) resolve(r);
      settled = true;
    };
    const worker = new Worker(WORKER, { eval: true, workerData: { file, module } });
    worker.once('message', (r: IntegrityResult) => done(r));
    worker.once('error', (e) => done({ ok: false, problems: [`the check could not run: ${e.message}`] }));
    worker.once('exit', (code) => done({ ok: false, problems: [`the check stopped (exit ${code})`] }));
  });
}

/** When the last background check found the file healthy (ms), or null. */
export function lastIntegrityCheck(db: Db): number | null {
  const v = getSetting(db, SETTING.integrityCheckedAt);
  return v === null ? null : Number(v);
}

/**
 * Runs the background check when the last healthy one is older than `everyMs`, `delayMs` after the call (after the
 * console's first paint). A healthy result is recorded; a damaged one goes to `onDamage`, which must act (the core
 * locks the console and records it). Returns a function that cancels a check not yet started.
 */
export function scheduleIntegrityCheck(opts: {
  db: Db;
  file: string;
  now: () => number;
  everyMs: number;
  delayMs: number;
  onDamage: (r: IntegrityResult) => void;
  onError?: (e: unknown) => void;
}): () => void {
  const last = lastIntegrityCheck(opts.db);
  if (last !== null && opts.now() - last < opts.everyMs) return () => {};
  const timer = setTimeout(() => {
    checkIntegrityInBackground(opts.file)
      .then((r) => {
        if (!r.ok) return opts.onDamage(r);
        if (opts.db.open) setSetting(opts.db, SETTING.integrityCheckedAt, String(opts.now()));
      })
      .catch((e: unknown) => opts.onError?.(e));
  }, opts.delayMs);
  timer.unref();
  return () => clearTimeout(timer);
}
