import crypto from 'node:crypto';
import fs from 'node:fs';
import { DiwanError } from '../shared/errors';

/**
 * An exclusive lock between processes on one machine, held for a few milliseconds around a read-then-append (the
 * custodian log, which the single-seat console and its CLI both write). The lock is a file created with O_EXCL
 * holding `<pid> <token>`; a lock whose process is gone (killed mid-append) is broken, but only by one process at a
 * time (under a second O_EXCL file) and only if it still holds the same token, so a fresh lock taken meanwhile is
 * never removed. Synchronous on purpose: the log's append is synchronous and short.
 */
export class FileLock {
  private held: string | null = null;

  constructor(
    readonly file: string,
    private readonly waitMs = 10_000,
  ) {}

  /** Runs `fn` holding the lock; waits (sleeping 1–4 ms between tries) up to `waitMs`, then refuses in words. */
  with<T>(fn: () => T): T {
    this.acquire();
    try {
      return fn();
    } finally {
      this.release();
    }
  }

  private acquire(): void {
    const mine = `${process.pid} ${crypto.randomBytes(9).toString('base64url')}`;
    const deadline = Date.now() + this.waitMs;
    for (let attempt = 0; ; attempt++) {
      if (tryCreate(this.file, mine)) {
        this.held = mine;
        return;
      }
      const other = readLock(this.file);
      if (other !== null && !alive(other, this.file)) breakStale(this.file, other);
      else if (Date.now() > deadline) {
        throw new DiwanError(
          'lock_busy',
          `Another Diwan process has held ${this.file} for more than ${Math.round(this.waitMs / 1000)} s (${other ?? 'unreadable'}). If no Diwan process is running on this machine, delete that file and try again.`,
        );
      } else sleep(1 + (attempt % 4));
    }
  }

  private release(): void {
    // Only our own lock is removed: if it was broken as stale (this process paused for long), leave the new one.
    if (this.held !== null && readLock(this.file) === this.held) fs.rmSync(this.file, { force: true });
    this.held = null;
  }
}

function tryCreate(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    fs.writeSync(fd, content);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

function readLock(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * Whether the process that wrote a lock still runs. An empty or half-written lock (its writer killed between create
 * and write) counts as alive until it is a second old, then as stale.
 */
function alive(content: string, file?: string): boolean {
  const pid = Number(/^(\d+) /.exec(content)?.[1]);
  if (!Number.isInteger(pid) || pid <= 0) {
    try {
      return Date.now() - fs.statSync(file ?? '').mtimeMs < 1000;
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function breakStale(file: string, stale: string): void {
  const breaker = `${file}.break`;
  if (!tryCreate(breaker, `${process.pid} breaking`)) {
    // A breaker killed while breaking (microseconds of work) would otherwise block everyone.
    const b = readLock(breaker);
    if (b !== null && !alive(b, breaker)) fs.rmSync(breaker, { force: true });
    return;
  }
  try {
    if (readLock(file) === stale) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(breaker, { force: true });
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}
