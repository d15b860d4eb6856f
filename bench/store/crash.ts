/**
 * Crash harness: the SIGKILL test at a larger scale. Starts the ingesting child (test/helpers/ingest-child.ts), kills
 * it at a random moment, checks the database (whole batches only, cursor in step, no duplicates), and repeats.
 * Uses the OS keychain: run it in a desktop session, or inside `dbus-run-session` with an unlocked GNOME Keyring.
 *   node --import tsx bench/store/crash.ts [--kills 200]
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { openDatabase } from '../../main/core/store';
import { argValue, freshDir } from './common';

const kills = argValue('--kills', 200);
const BATCH = 200;
const dir = freshDir('crash');
const service = `Diwan-crash-${crypto.randomBytes(4).toString('hex')}`;

function once(ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/ingest-child.ts'], {
      env: { ...process.env, DIR: dir, SVC: service, BATCH: String(BATCH) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), ms));
    child.on('exit', (_c, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(err.slice(0, 800) || 'child exited'))));
  });
}

let failures = 0;
for (let i = 0; i < kills; i++) {
  await once(Math.floor(Math.random() * 300));
  const db = openDatabase(path.join(dir, 'diwan.sqlite'));
  const cursor = Number(db.prepare("SELECT cursor FROM channel_cursors WHERE channel_id = 'tg'").pluck().get() ?? 0);
  const count = db.prepare('SELECT count(*) FROM messages').pluck().get() as number;
  const distinct = db.prepare('SELECT count(DISTINCT platform_message_id) FROM messages').pluck().get() as number;
  const fts = db.prepare("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'message'").pluck().get() as number;
  db.close();
  if (count !== cursor * BATCH || distinct !== count || fts !== count) {
    failures++;
    console.log(`kill ${i + 1}: INCONSISTENT cursor=${cursor} messages=${count} distinct=${distinct} indexed=${fts}`);
  }
  if ((i + 1) % 20 === 0) console.log(`${i + 1} kills: ${count} messages, cursor ${cursor}, ${failures} inconsistencies`);
}
console.log(`crash harness: ${kills} SIGKILLs mid-ingest, ${failures} inconsistencies`);
process.exitCode = failures ? 1 : 0;
