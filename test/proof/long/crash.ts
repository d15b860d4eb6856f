/**
 * `npm run test:crash`: a hundred SIGKILLs (configurable: --kills N) of a real core that is ingesting from the
 * Telegram emulator and sending replies through the outbox (test/proof/long/crash-child.ts). The emulator lives in
 * this process, so it sees every delivery across the child's lives. At the end:
 *  - every message the emulator offered is stored exactly once;
 *  - no reply reached the emulator twice (it counts deliveries per chat and text);
 *  - every delivery the outbox does not know as `sent` is `unknown` (no row left `sending`);
 *  - the audit trail verifies (chain, checkpoints, keychain head).
 * Runs inside scripts/test.sh's private keychain session; prints a summary; exit code 1 on any violation.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../../main/core/app';
import { loadOsKeychain } from '../../../main/core/vault';
import { TelegramEmulator } from '../../emulators/telegram';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const KILLS = arg('--kills', 100);
const PER_ROUND = arg('--messages', 20);
const CHATS = 40;
const TOKEN = `987654:CRASH-${crypto.randomBytes(8).toString('hex')}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diwan-crash-'));
const service = `Diwan-crash-${crypto.randomBytes(4).toString('hex')}`;
// The emulator outlives every child; it closes itself after an hour at the latest.
const tg = await TelegramEmulator.start(TOKEN, 3_600_000);

/** Kills the child `killAfterMs` after it is ready, or (for the last life) once `settled()` held for a second (≤ 30 s). */
function life(killAfterMs: number, settled?: () => boolean): Promise<{ killed: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/proof/long/crash-child.ts'], {
      env: { ...process.env, DIR: dir, SVC: service, TG_URL: tg.url, TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const bound = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.once('data', () => {
      if (!settled) return void setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      let calm = 0;
      const deadline = Date.now() + 30_000;
      const poll = setInterval(() => {
        calm = settled() ? calm + 1 : 0;
        if (calm >= 5 || Date.now() > deadline) {
          clearInterval(poll);
          child.kill('SIGKILL');
        }
      }, 200);
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(bound);
      if (signal === 'SIGKILL') resolve({ killed: true, ms: Date.now() - started });
      else reject(new Error(`the child exited by itself: ${err.slice(0, 1500)}`));
    });
  });
}

const offered = new Set<string>();
let next = 0;
const t0 = Date.now();
try {
  for (let i = 0; i < KILLS; i++) {
    for (let j = 0; j < PER_ROUND; j++, next++) {
      const chat = 6_000_000 + (next % CHATS);
      const id = tg.addText(chat, `crash message ${next}`);
      const update = tg.updates.find((u) => u.update_id === id)!;
      offered.add(`${chat}:${(update.message as { message_id: number }).message_id}`);
    }
    await life(Math.floor(Math.random() * 1_200));
    if ((i + 1) % 10 === 0) console.log(`${i + 1} kills, ${offered.size} messages offered, ${tg.sent.length} replies delivered (${Math.round((Date.now() - t0) / 1000)} s)`);
  }
  // A last life recovers what the last kill interrupted and catches up with everything offered (the emulator holds no
  // unconfirmed update and deliveries stopped changing); the check then opens the data as the next start would
  // (interrupted sends become unknown).
  let lastSent = -1;
  await life(0, () => {
    const calm = tg.updates.length === 0 && tg.sent.length === lastSent;
    lastSent = tg.sent.length;
    return calm;
  });
  const core = await openCore({ embedded: 'store', dataDir: dir, keychainService: service, background: { retentionEveryMs: 3_600_000 } });
  await core.ready();
  const stored = core.db.prepare("SELECT platform_message_id FROM messages WHERE channel_id = 'tg' AND direction = 'in'").pluck().all() as string[];
  const states = Object.fromEntries(
    (core.db.prepare('SELECT state, count(*) n FROM outbox GROUP BY state').all() as Array<{ state: string; n: number }>).map((r) => [r.state, r.n]),
  ) as Record<string, number>;
  const perReply = new Map<string, number>();
  for (const s of tg.sent) perReply.set(`${s.chat_id}\u0000${s.text}`, (perReply.get(`${s.chat_id}\u0000${s.text}`) ?? 0) + 1);
  const twice = [...perReply].filter(([, n]) => n > 1);
  const verdict = await core.auditTrail.verify();
  core.close();

  const problems: string[] = [];
  const storedSet = new Set(stored);
  if (stored.length !== storedSet.size) problems.push(`${stored.length - storedSet.size} inbound message(s) stored twice`);
  const missing = [...offered].filter((id) => !storedSet.has(id));
  if (missing.length) problems.push(`${missing.length} offered message(s) never stored, e.g. ${missing.slice(0, 3).join(', ')}`);
  const extra = [...storedSet].filter((id) => !offered.has(id));
  if (extra.length) problems.push(`${extra.length} stored message(s) the emulator never offered`);
  if (twice.length) problems.push(`${twice.length} reply(ies) delivered more than once`);
  if (states.sending) problems.push(`${states.sending} reply(ies) still marked sending after recovery`);
  const sent = states.sent ?? 0;
  const unknown = states.unknown ?? 0;
  // Deliveries the outbox did not record as sent must all be among the unknown ones.
  if (tg.sent.length < sent || tg.sent.length > sent + unknown) problems.push(`${tg.sent.length} deliveries vs ${sent} sent + ${unknown} unknown`);
  if (!verdict.ok) problems.push(`audit trail: ${verdict.problems.map((p) => p.message).join('; ')}`);

  console.log(
    `crash harness: ${KILLS} SIGKILLs in ${Math.round((Date.now() - t0) / 1000)} s; ${offered.size} messages offered, ${storedSet.size} stored; ` +
      `${tg.sent.length} replies delivered (${sent} sent, ${unknown} unknown, ${states.queued ?? 0} queued, ${states.failed ?? 0} failed), ` +
      `${twice.length} delivered twice; audit trail ${verdict.ok ? 'verifies' : 'BROKEN'} (${verdict.entries} entries)`,
  );
  for (const p of problems) console.log(`PROBLEM: ${p}`);
  process.exitCode = problems.length ? 1 : 0;
} finally {
  await tg.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const kc = loadOsKeychain();
  for (const c of await kc.findCredentials(service).catch(() => [])) await kc.deletePassword(service, c.account);
}
