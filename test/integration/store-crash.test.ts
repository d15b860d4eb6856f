import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../main/core/app';
import { openDatabase } from '../../main/core/store';
import { crashBatch } from '../helpers/ingest-child';
import { testKeychain } from '../helpers/keychain';
import { tmpDir } from '../helpers/tmp';

const BATCH = 200;
const KILLS = 25;

/** An ingesting child that loads its modules and then waits to be told to go (loading is most of its start). */
function loadChild(dir: string, service: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/ingest-child.ts'], {
    env: { ...process.env, DIR: dir, SVC: service, BATCH: String(BATCH), WAIT_FOR_GO: '1' },
  });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  child.stdin.on('error', () => {}); // a child that died early: its exit says so
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  return {
    /** Tells it to go, waits until it has stored a batch and is writing more, lets it run a random moment, then SIGKILLs it. */
    async runAndKill(ms: number): Promise<void> {
      child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), ms));
      child.stdin.write('go\n');
      const stuck = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const signal = await exited;
      clearTimeout(stuck);
      if (signal !== 'SIGKILL') throw new Error(`child ended on its own: ${err.slice(0, 500)}`);
    },
    kill: () => child.kill('SIGKILL'),
  };
}

function check(file: string) {
  const db = openDatabase(file);
  try {
    const cursor = Number(db.prepare("SELECT cursor FROM channel_cursors WHERE channel_id = 'tg'").pluck().get() ?? 0);
    const count = db.prepare('SELECT count(*) FROM messages').pluck().get() as number;
    const distinct = db.prepare('SELECT count(DISTINCT platform_message_id) FROM messages').pluck().get() as number;
    const maxN = db.prepare("SELECT max(CAST(substr(platform_message_id, 2) AS INTEGER)) FROM messages").pluck().get() as number | null;
    const fts = db.prepare("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'message'").pluck().get() as number;
    const fields = db.prepare('SELECT count(DISTINCT message_id) FROM message_fields').pluck().get() as number;
    return { cursor, count, distinct, maxN, fts, fields };
  } finally {
    db.close();
  }
}

describe('crash safety: SIGKILL in the middle of ingest batches', () => {
  it(`never keeps a partial batch, a duplicate, or a cursor out of step (${KILLS} kills)`, async () => {
    const { service } = testKeychain();
    const dir = tmpDir();
    const file = path.join(dir, 'diwan.sqlite');
    // At least KILLS kills, and enough committed batches to mean something: a kill that found no batch committed (a
    // slow, loaded machine) lets the next child run longer, so progress is counted, not timed.
    let slower = 0;
    let next = loadChild(dir, service);
    try {
      for (let i = 0; i < KILLS || check(file).cursor <= KILLS / 2; i++) {
        if (i >= KILLS * 8) throw new Error(`after ${i} kills only ${check(file).cursor} batches were committed`);
        const cursorBefore = fs.existsSync(file) ? check(file).cursor : 0;
        const child = next;
        next = loadChild(dir, service);
        await child.runAndKill(20 + ((i * 37) % 120) + slower);
        const s = check(file);
        slower = s.cursor > cursorBefore ? 0 : slower + 100;
        // Whole batches only, exactly the ones the cursor covers, each message once, each indexed and with its field.
        expect(s.count, `after kill ${i + 1}`).toBe(s.cursor * BATCH);
        expect(s.distinct).toBe(s.count);
        expect(s.maxN).toBe(s.count ? s.count - 1 : null);
        expect(s.fts).toBe(s.count);
        expect(s.fields).toBe(s.count);
      }
    } finally {
      next.kill();
    }
    const before = check(file);

    // Re-delivery of everything already stored changes nothing.
    const core = await openCore({ embedded: 'store', dataDir: dir, keychain: testKeychain().keychain, keychainService: service });
    try {
      for (let k = 0; k < before.cursor; k++) {
        expect(core.store.sink.ingest('tg', crashBatch(k, BATCH), String(before.cursor))).toMatchObject({ inserted: 0 });
      }
    } finally {
      core.close();
    }
    expect(check(file)).toEqual(before);
  }, 420_000);
});
