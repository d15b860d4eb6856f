/**
 * Backup and restore of a built-in hub folder (issue #16): a `hub.sqlite` of N messages (ten per conversation, a
 * sealed-size blob each, two event rows each, 1,000 chained audit entries) plus custodian-like key files, then
 *   - `backupEmbeddedHub` with and without a passphrase: wall time, archive size beside the database's;
 *   - the same while a writer appends an audit entry (one transaction) every 2 ms through its own connection:
 *     that writer's latency p50/p99 during the backup beside the same writer with no backup (the peer, same run);
 *   - `restoreEmbeddedHub` of the passphrase archive into a fresh folder: wall time (all checks included).
 * The keychain is an in-memory stand-in (this measures the archive and SQLite work, not the Secret Service).
 *
 *   node --import tsx bench/hub/folder-backup.ts [--messages 200000]
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Vault, type KeychainPort } from '../../main/core/vault';
import { backupEmbeddedHub, restoreEmbeddedHub } from '../../main/hub/folder-backup';
import { HubStore, sqliteExecutor } from '../../main/hub/store';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const MESSAGES = arg('--messages', 200_000);

function memoryKeychain(): KeychainPort {
  const m = new Map<string, string>();
  return {
    getPassword: async (s, a) => m.get(`${s}\0${a}`) ?? null,
    setPassword: async (s, a, p) => void m.set(`${s}\0${a}`, p),
    deletePassword: async (s, a) => m.delete(`${s}\0${a}`),
    findCredentials: async (s) => [...m].filter(([k]) => k.startsWith(`${s}\0`)).map(([k, password]) => ({ account: k.slice(s.length + 1), password })),
  };
}

async function makeFolder(): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diwan-bench-hubfolder-'));
  const dir = path.join(dataDir, 'hub');
  fs.mkdirSync(path.join(dir, 'custodian-keys'), { recursive: true });
  const store = new HubStore(sqliteExecutor(path.join(dir, 'hub.sqlite')), Date.now);
  await store.migrate();
  const conversations = Math.max(1, Math.floor(MESSAGES / 10));
  await store.q.tx(async (t) => {
    await t.run("INSERT INTO channels (id, kind, name, config) VALUES ('tg', 'telegram', 'bot', '{}')");
    await t.run(`WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ${conversations})
      INSERT INTO contacts (channel_id, platform_user_id, display_name) SELECT 'tg', 'u' || n, 'Customer ' || n FROM g`);
    await t.run(`WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ${conversations})
      INSERT INTO conversations (channel_id, platform_conversation_id, contact_id, last_message_at) SELECT 'tg', 'c' || n, n, 1700000000000 + n FROM g`);
    await t.run(`WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ${MESSAGES})
      INSERT INTO messages (conversation_id, channel_id, platform_message_id, direction, masked_text, sealed_text, sent_at)
      SELECT 1 + (n % ${conversations}), 'tg', 'm' || n, 'in', 'سلام، رقم طلبي ' || n || ' وبطاقتي [CARD ••••1111]', randomblob(120), 1700000000000 + n FROM g`);
    await t.run(`WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ${MESSAGES * 2})
      INSERT INTO events (at, kind, audience, channel_id, conversation_id, payload)
      SELECT 0, 'message.added', 'conversation', 'tg', 1 + (n % ${conversations}), '{"id":' || n || '}' FROM g`);
  });
  for (let i = 0; i < 1000; i++) await store.audit({ actor: 'bench', device: null, action: 'bench.entry', details: { i } });
  await store.close();
  for (let e = 0; e < 24; e++) fs.writeFileSync(path.join(dir, 'custodian-keys', `epoch-${e}.key.json`), JSON.stringify({ wrapped: crypto.randomBytes(96).toString('base64') }));
  fs.writeFileSync(path.join(dir, 'custodian.log'), Array.from({ length: 5000 }, (_, i) => JSON.stringify({ seq: i, hash: crypto.randomBytes(32).toString('hex') })).join('\n') + '\n');
  return dataDir;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

/**
 * Another process (as the console is to the CLI) appending one audit entry every 2 ms until told to stop; its
 * per-write latency. In one process the two connections would share a thread and SQLite's busy wait would block it.
 */
async function writerLatency(dataDir: string, during: () => Promise<unknown>): Promise<number[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--writer', path.join(dataDir, 'hub', 'hub.sqlite')], { stdio: ['pipe', 'pipe', 'inherit'] });
  let text = '';
  child.stdout.on('data', (c: Buffer) => (text += c.toString('utf8')));
  await new Promise<void>((resolve) => {
    const wait = () => (text.includes('ready\n') ? resolve() : setTimeout(wait, 10));
    wait();
  });
  try {
    await during();
  } finally {
    child.stdin.end('stop\n');
    await new Promise((r) => child.on('close', r));
  }
  return JSON.parse(text.slice(text.indexOf('ready\n') + 6)) as number[];
}

async function writer(file: string): Promise<void> {
  const store = new HubStore(sqliteExecutor(file), Date.now);
  const times: number[] = [];
  let running = true;
  process.stdin.on('data', () => (running = false));
  process.stdout.write('ready\n');
  while (running) {
    const t0 = performance.now();
    await store.audit({ actor: 'writer', device: null, action: 'bench.write', details: {} });
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 2));
  }
  await store.close();
  process.stdout.write(JSON.stringify(times));
  process.stdin.destroy();
}

async function main() {
  const dataDir = await makeFolder();
  const vault = new Vault(memoryKeychain(), 'bench');
  await vault.set('hub:custodian-key-encryption-key', crypto.randomBytes(32).toString('base64'));
  await vault.set('hub:outbox-key', crypto.randomBytes(32).toString('base64'));
  const dbBytes = fs.statSync(path.join(dataDir, 'hub', 'hub.sqlite')).size;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'diwan-bench-hubarchives-'));
  console.log(`hub folder: ${MESSAGES} messages, hub.sqlite ${(dbBytes / 1e6).toFixed(1)} MB; node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'})`);

  const timed = async (label: string, fn: () => Promise<{ bytes?: number }>) => {
    const t0 = performance.now();
    const r = await fn();
    const ms = performance.now() - t0;
    console.log(`${label}: ${(ms / 1000).toFixed(2)} s${r.bytes ? `, archive ${(r.bytes / 1e6).toFixed(1)} MB (${((r.bytes / dbBytes) * 100).toFixed(0)} % of the database)` : ''}`);
  };
  await timed('backup, key in the keychain', () => backupEmbeddedHub({ dataDir, vault, out: path.join(out, 'k.backup'), appVersion: 'bench', now: Date.now() }));
  await timed('backup, passphrase (scrypt N=2^17 included)', () => backupEmbeddedHub({ dataDir, vault, out: path.join(out, 'p.backup'), passphrase: 'bench passphrase 12+', appVersion: 'bench', now: Date.now() }));

  const idle = await writerLatency(dataDir, () => new Promise((r) => setTimeout(r, 3000)));
  let during = 0;
  const busy = await writerLatency(dataDir, async () => {
    const t0 = performance.now();
    await backupEmbeddedHub({ dataDir, vault, out: path.join(out, 'w.backup'), appVersion: 'bench', now: Date.now() });
    during = performance.now() - t0;
  });
  console.log(`writer, no backup (peer): ${idle.length} writes, p50 ${pct(idle, 50).toFixed(2)} ms, p99 ${pct(idle, 99).toFixed(2)} ms, max ${Math.max(...idle).toFixed(1)} ms`);
  console.log(`writer during a backup (${(during / 1000).toFixed(2)} s): ${busy.length} writes, p50 ${pct(busy, 50).toFixed(2)} ms, p99 ${pct(busy, 99).toFixed(2)} ms, max ${Math.max(...busy).toFixed(1)} ms`);

  const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'diwan-bench-hubrestore-'));
  const other = new Vault(memoryKeychain(), 'bench-other');
  await timed('restore of the passphrase archive into a fresh folder and keychain (all checks)', () =>
    restoreEmbeddedHub({ dataDir: fresh, archive: path.join(out, 'p.backup'), vault: other, passphrase: 'bench passphrase 12+', now: Date.now() }).then(() => ({})),
  );
  for (const d of [dataDir, out, fresh]) fs.rmSync(d, { recursive: true, force: true });
}

const w = process.argv.indexOf('--writer');
void (w >= 0 ? writer(process.argv[w + 1]!) : main());
