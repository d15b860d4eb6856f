import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CustodianLog, verifyCustodianLog } from '../../main/core/custody';
import { suiteTmpDir } from '../helpers/tmp';

const CHILD = path.join(__dirname, '../helpers/custodian-log-child.ts');

/** A child appending `n` entries once `go` exists: `ready` when it has opened the log and waits, `last` its last entry's number. */
function appender(file: string, go: string, n: number): { ready: Promise<void>; last: Promise<number> } {
  const p = spawn(process.execPath, ['--import', 'tsx', CHILD], { env: { ...process.env, FILE: file, GO: go, N: String(n) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const ready = new Promise<void>((resolve, reject) => {
    p.stdout.on('data', (d: Buffer) => {
      out += d;
      if (out.startsWith('ready\n')) resolve();
    });
    p.on('exit', (code) => reject(new Error(`appender exited ${code} before it was ready: ${err}`)));
  });
  const last = new Promise<number>((resolve, reject) => {
    p.stderr.on('data', (d: Buffer) => (err += d));
    p.on('exit', (code) => (code === 0 ? resolve(Number(out.trim().split('\n').at(-1))) : reject(new Error(`appender exited ${code}: ${err}`))));
  });
  return { ready, last };
}

/**
 * The single-seat console and its CLI append to one custodian log: reading the head and appending happen under one
 * lock between processes, so concurrent appends never fork the hash chain; a lock left by a killed process is broken.
 */
describe('custodian log shared by several processes', () => {
  const dir = suiteTmpDir('custody-log-lock-');

  it('three processes appending at once leave one unbroken chain with every entry', async () => {
    const file = path.join(dir, 'shared.log');
    const go = path.join(dir, 'go');
    const first = new CustodianLog(file, 3_600_000);
    first.append({ at: Date.now(), event: 'custodian.started' });
    const runs = [appender(file, go, 150), appender(file, go, 150), appender(file, go, 150)];
    // Start together (each child waits for the file), and append from this process in between.
    await Promise.all(runs.map((r) => r.ready));
    fs.writeFileSync(go, '');
    for (let i = 0; i < 50; i++) {
      first.append({ at: Date.now(), event: 'reveal.refused', code: 'test', detail: `parent:${i}` });
      await new Promise((r) => setImmediate(r));
    }
    const lasts = await Promise.all(runs.map((r) => r.last));
    first.close();
    const report = verifyCustodianLog(file);
    expect(report.broken).toBeNull();
    expect(report.entries).toBe(1 + 3 * 150 + 50);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { detail?: string });
    expect(new Set(lines.map((l) => l.detail)).size).toBe(lines.length);
    // The appends interleaved (a child's last entry is not simply 151, 301, 451 in a row).
    expect(lasts.every((n) => n > 150 && n <= report.entries)).toBe(true);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  }, 120_000);

  it('breaks a lock left by a process that is gone, and waits for one that is alive', () => {
    const file = path.join(dir, 'stale.log');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    fs.writeFileSync(`${file}.lock`, `${gone} left-by-a-killed-process`);
    const log = new CustodianLog(file, 3_600_000);
    expect(log.append({ at: 1, event: 'custodian.started' }).n).toBe(1);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
    log.close();
  });

  it('refuses in words when a live process holds the lock too long, and writes nothing', async () => {
    const { FileLock } = await import('../../main/core/custody/file-lock');
    const file = path.join(dir, 'busy.log');
    fs.writeFileSync(`${file}.lock`, `${process.ppid} held-by-a-live-process`);
    const lock = new FileLock(`${file}.lock`, 50);
    expect(() => lock.with(() => fs.writeFileSync(file, 'x'))).toThrow(/held .* for more than .*delete that file/);
    expect(fs.existsSync(file)).toBe(false);
    fs.rmSync(`${file}.lock`);
    expect(lock.with(() => 42)).toBe(42);
  });
});
