/**
 * `npm run test:soak [-- --minutes 10]`: steady traffic for a while through everything a console runs — the
 * Telegram and Messenger emulators, the connector runtime, the store, replies through the outbox, and IPC reads
 * through the loopback test bridge as a signed-in administrator — sampling memory and handles every few seconds.
 * Reports start, end and slope after a warm-up; fails on growth beyond the stated thresholds.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConnectorRuntime } from '../../../main/core/connectors';
import { loadOsKeychain } from '../../../main/core/vault';
import { startBridge } from '../../bridge/server';
import { MetaEmulator } from '../../emulators/meta';
import { TelegramEmulator } from '../../emulators/telegram';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const MINUTES = arg('--minutes', 10);
const SAMPLE_MS = arg('--sample-seconds', 5) * 1000;
const MSG_PER_SECOND = arg('--rate', 10);
/** Thresholds after warm-up: heap growth per minute, and handles/fds gained from the first sample to the last. */
const MAX_HEAP_MB_PER_MIN = 1.5;
const MAX_RSS_MB_PER_MIN = 4;
const MAX_HANDLE_GROWTH = 25;
const gc = (globalThis as { gc?: () => void }).gc;

const TG_TOKEN = `555000:SOAK-${crypto.randomBytes(8).toString('hex')}`;
const META_TOKEN = `EAAsoak${crypto.randomBytes(12).toString('hex')}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diwan-soak-'));
const service = `Diwan-soak-${crypto.randomBytes(4).toString('hex')}`;
const lifeMs = (MINUTES + 5) * 60_000;
const tg = await TelegramEmulator.start(TG_TOKEN, lifeMs);
const meta = await MetaEmulator.start(META_TOKEN, lifeMs);
const bridge = await startBridge({
  embedded: 'store',
  dataDir,
  keychainService: service,
  rendererDir: path.resolve('out/renderer'),
  network: { policyFile: path.join(dataDir, 'no-policy.json'), signersDir: path.join(dataDir, 'no-signers') },
});
const core = bridge.core;
await core.ready();
await core.vault.set('channel:tg', JSON.stringify({ botToken: TG_TOKEN }));
await core.vault.set('channel:fb', JSON.stringify({ pageAccessToken: META_TOKEN }));
core.store.channels.create({ id: 'tg', kind: 'telegram', name: 'soak bot' });
core.store.channels.create({ id: 'fb', kind: 'messenger', name: 'soak page' });
const runtime = new ConnectorRuntime({
  sink: core.store.sink,
  outbox: core.store.outbox,
  vault: core.vault,
  audit: core.audit,
  outboxIdleMs: 200,
  errorBackoff: { baseMs: 100, capMs: 1_000 },
});
runtime.add({ id: 'tg', kind: 'telegram', baseUrl: tg.url, settings: { longPollSeconds: 1 } });
runtime.add({ id: 'fb', kind: 'messenger', baseUrl: meta.url, pollIntervalMs: 1_000, settings: { pageId: meta.pageId } });
runtime.start();

// The page's session: the bridge cookie, then a first administrator signed in through IPC.
const cookie = ((await fetch(bridge.url, { redirect: 'manual' })).headers.get('set-cookie') ?? '').split(';')[0]!;
let ipcCalls = 0;
let ipcErrors = 0;
async function ipc(channel: string, request: unknown = {}) {
  ipcCalls++;
  const res = await fetch(`${bridge.origin}/__bridge/ipc/${channel}`, {
    method: 'POST',
    headers: { cookie, origin: bridge.origin, 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const body = (await res.json()) as { ok: boolean; value?: unknown };
  if (!body.ok) ipcErrors++;
  return body;
}
await ipc('createAdmin', { username: 'soak-admin', displayName: 'Soak', password: 'soak-password-long-enough' });

interface Sample {
  t: number;
  rss: number;
  heap: number;
  external: number;
  handles: number;
  fds: number;
}
const samples: Sample[] = [];
const fdCount = () => fs.readdirSync('/proc/self/fd').length;
function sample() {
  gc?.();
  const m = process.memoryUsage();
  samples.push({ t: Date.now(), rss: m.rss, heap: m.heapUsed, external: m.external, handles: process.getActiveResourcesInfo().length, fds: fdCount() });
}

const t0 = Date.now();
const end = t0 + MINUTES * 60_000;
let offered = 0;
const owed = core.db.prepare(`
  SELECT c.id, sum(m.direction = 'in') AS inbound, sum(m.direction = 'out') AS replies
  FROM conversations c JOIN messages m ON m.conversation_id = c.id GROUP BY c.id HAVING inbound > replies`);

const traffic = setInterval(() => {
  for (let i = 0; i < MSG_PER_SECOND / 10; i++, offered++) {
    if (offered % 2) tg.addText(7_000_000 + (offered % 500), `soak message ${offered}: order #${offered} please call 0551234567`);
    else meta.addInbound('messenger', `9${offered % 300}`, `Customer ${offered % 300}`, `soak message ${offered}: مرحبا، طلبي رقم ${offered}`);
  }
}, 100);
const replies = setInterval(() => {
  for (const row of owed.all() as Array<{ id: number; inbound: number; replies: number }>) {
    for (let k = row.replies + 1; k <= row.inbound; k++) core.store.outbox.enqueue({ conversationId: row.id, text: `Thanks, reply ${k}`, authorId: 'soak-agent' });
  }
  runtime.notifyOutbox('tg');
  runtime.notifyOutbox('fb');
}, 500);
// The emulators keep every send, call and thread message: trim them so what is measured is Diwan, not the emulators.
const trim = setInterval(() => {
  tg.sent.length = 0;
  meta.sends.length = 0;
  for (const t of meta.threads.values()) if (t.messages.length > 20) t.messages.splice(0, t.messages.length - 20);
  tg.calls.length = 0;
  meta.calls.length = 0;
}, 10_000);

sample();
let lastReport = t0;
while (Date.now() < end) {
  await ipc('getSession');
  await ipc('getStatus');
  await ipc('listUsers');
  await ipc('listAudit', { limit: 50, newestFirst: true });
  await ipc('getNetworkStatus');
  await new Promise((r) => setTimeout(r, 250));
  if (Date.now() - samples.at(-1)!.t >= SAMPLE_MS) sample();
  if (Date.now() - lastReport >= 60_000) {
    lastReport = Date.now();
    const s = samples.at(-1)!;
    console.log(`${Math.round((s.t - t0) / 60_000)} min: rss ${mb(s.rss)} MB, heap ${mb(s.heap)} MB, handles ${s.handles}, fds ${s.fds}, messages ${storedCount()}, ipc ${ipcCalls}`);
  }
}
clearInterval(traffic);
clearInterval(replies);
clearInterval(trim);
sample();

const stored = storedCount();
const outbox = Object.fromEntries(
  (core.db.prepare('SELECT channel_id, state, count(*) n FROM outbox GROUP BY channel_id, state').all() as Array<{ channel_id: string; state: string; n: number }>).map((r) => [
    `${r.channel_id}.${r.state}`,
    r.n,
  ]),
);
await runtime.stop();
await bridge.close();
await tg.close();
await meta.close();
fs.rmSync(dataDir, { recursive: true, force: true });
const kc = loadOsKeychain();
for (const c of await kc.findCredentials(service).catch(() => [])) await kc.deletePassword(service, c.account);

// Growth after a warm-up of a fifth of the run (caches, prepared statements and the JIT settle first).
const warm = samples.filter((s) => s.t >= t0 + (end - t0) / 5);
const first = warm[0]!;
const last = warm.at(-1)!;
const slope = (key: keyof Sample) => {
  const xs = warm.map((s) => (s.t - first.t) / 60_000);
  const ys = warm.map((s) => s[key]);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0);
  const den = xs.reduce((a, x) => a + (x - mx) ** 2, 0) || 1;
  return num / den;
};
const heapSlope = slope('heap') / 2 ** 20;
const rssSlope = slope('rss') / 2 ** 20;
console.log(
  `soak: ${MINUTES} min, ${offered} messages offered, ${stored} stored, outbox ${JSON.stringify(outbox)}, ${ipcCalls} IPC calls (${ipcErrors} errors), ${samples.length} samples${gc ? ' (after gc)' : ''}`,
);
console.log(`  rss      ${mb(first.rss)} → ${mb(last.rss)} MB, slope ${rssSlope.toFixed(2)} MB/min (limit ${MAX_RSS_MB_PER_MIN})`);
console.log(`  heap     ${mb(first.heap)} → ${mb(last.heap)} MB, slope ${heapSlope.toFixed(2)} MB/min (limit ${MAX_HEAP_MB_PER_MIN})`);
console.log(`  external ${mb(first.external)} → ${mb(last.external)} MB`);
console.log(`  handles  ${first.handles} → ${last.handles} (max ${Math.max(...warm.map((s) => s.handles))}); fds ${first.fds} → ${last.fds} (max ${Math.max(...warm.map((s) => s.fds))}) (limit +${MAX_HANDLE_GROWTH})`);
const problems = [
  heapSlope > MAX_HEAP_MB_PER_MIN ? `heap grows ${heapSlope.toFixed(2)} MB/min` : '',
  rssSlope > MAX_RSS_MB_PER_MIN ? `rss grows ${rssSlope.toFixed(2)} MB/min` : '',
  last.handles - first.handles > MAX_HANDLE_GROWTH ? `active handles grew by ${last.handles - first.handles}` : '',
  last.fds - first.fds > MAX_HANDLE_GROWTH ? `open fds grew by ${last.fds - first.fds}` : '',
  ipcErrors ? `${ipcErrors} IPC calls failed` : '',
  stored < offered * 0.95 ? `only ${stored} of ${offered} messages stored` : '',
].filter(Boolean);
for (const p of problems) console.log(`PROBLEM: ${p}`);
process.exitCode = problems.length ? 1 : 0;

function mb(n: number): string {
  return (n / 2 ** 20).toFixed(1);
}

function storedCount(): number {
  return core.db.prepare("SELECT count(*) FROM messages WHERE direction = 'in'").pluck().get() as number;
}
