/**
 * bench:connectors — end-to-end inbound throughput from the Telegram emulator into the real store (50,000 messages),
 * with the store's own ingest of the same messages as the peer, and reply latency through the outbox (p50, p99).
 * Run: npm run -s bench:connectors [-- --messages 50000 --replies 1000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '../../main/core/app';
import { ConnectorRuntime } from '../../main/core/connectors';
import type { InboundMessage } from '../../main/core/shared/messages';
import { TelegramEmulator } from '../../test/emulators/telegram';
import { memoryKeychain } from '../store/common';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const MESSAGES = arg('messages', 50_000);
const REPLIES = arg('replies', 1_000);
const TOKEN = '123456:BENCH-TOKEN-abcdefghij';

const TEXTS = [
  'My order #1182 hasn\'t arrived, call me on 0551234567',
  'بطاقتي 4111 1111 1111 1111 انخصمت مرتين',
  'کد ملی من 0499370899 هست، لطفاً حسابم رو فعال کنید',
  'Hi, الطلب رقم 55321 still not delivered، please check',
];

async function core(dir: string): Promise<Core> {
  const c = await openCore({ dataDir: dir, keychain: memoryKeychain(), keychainService: 'Diwan-bench' });
  c.store.channels.create({ id: 'tg', kind: 'telegram', name: 'bench' });
  await c.vault.set('channel:tg', JSON.stringify({ botToken: TOKEN }));
  return c;
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'diwan-bench-connectors-'));
  try {
    // Peer: the store's ingest alone, same messages, batches of 100 (what one getUpdates brings).
    const peer = await core(path.join(tmp, 'peer'));
    const batch: InboundMessage[] = [];
    let t = performance.now();
    for (let i = 0; i < MESSAGES; i++) {
      batch.push({ platformMessageId: `${1000 + (i % 500)}:${i}`, platformConversationId: String(1000 + (i % 500)), contact: { platformUserId: String(1000 + (i % 500)), displayName: 'Ana' }, direction: 'in', text: TEXTS[i % TEXTS.length]!, sentAt: 1_767_225_600_000 + i });
      if (batch.length === 100) peer.store.sink.ingest('tg', batch.splice(0), String(i));
    }
    const peerMs = performance.now() - t;
    peer.close();

    // End to end: emulator → HTTP long polling → runtime → store.
    const tg = await TelegramEmulator.start(TOKEN);
    for (let i = 0; i < MESSAGES; i++) tg.addText(1000 + (i % 500), TEXTS[i % TEXTS.length]!);
    const c = await core(path.join(tmp, 'e2e'));
    const runtime = new ConnectorRuntime({ sink: c.store.sink, outbox: c.store.outbox, vault: c.vault });
    runtime.add({ id: 'tg', kind: 'telegram', baseUrl: tg.url, rateLimit: { perSecond: 1000, burst: 100 }, settings: { longPollSeconds: 1 } });
    let stored = 0;
    runtime.on('ingested', (e) => (stored += e.inserted));
    t = performance.now();
    runtime.start();
    while (stored < MESSAGES) await new Promise((r) => setTimeout(r, 5));
    const e2eMs = performance.now() - t;

    // Reply latency: enqueue → the platform's answer recorded (markSent), one at a time.
    const conv = (c.db.prepare("SELECT id FROM conversations WHERE channel_id = 'tg' LIMIT 1").get() as { id: number }).id;
    const sentAt = new Map<string, number>();
    runtime.on('sent', (e) => sentAt.set(e.outboxId, performance.now()));
    const latencies: number[] = [];
    for (let i = 0; i < REPLIES; i++) {
      const start = performance.now();
      const { outboxId } = c.store.outbox.enqueue({ conversationId: conv, text: `Reply ${i}: checking #1182 now.`, authorId: 'agent' });
      runtime.notifyOutbox('tg');
      while (!sentAt.has(String(outboxId))) await new Promise((r) => setImmediate(r));
      latencies.push(sentAt.get(String(outboxId))! - start);
    }
    // And a burst: 200 replies queued at once, each measured from the burst's start.
    const burstStart = performance.now();
    const burst = Array.from({ length: 200 }, (_, i) => String(c.store.outbox.enqueue({ conversationId: conv, text: `Burst ${i}`, authorId: 'agent' }).outboxId));
    runtime.notifyOutbox('tg');
    while (!burst.every((id) => sentAt.has(id))) await new Promise((r) => setTimeout(r, 2));
    const burstLat = burst.map((id) => sentAt.get(id)! - burstStart).sort((a, b) => a - b);
    await runtime.stop();
    await tg.close();
    c.close();

    latencies.sort((a, b) => a - b);
    const rows = [
      ['inbound, Telegram emulator → store (end to end)', `${MESSAGES} msgs in ${(e2eMs / 1000).toFixed(2)} s`, `${Math.round(MESSAGES / (e2eMs / 1000))} msg/s`],
      ['peer: store ingest alone (batches of 100)', `${MESSAGES} msgs in ${(peerMs / 1000).toFixed(2)} s`, `${Math.round(MESSAGES / (peerMs / 1000))} msg/s`],
      [`reply latency, one at a time (${REPLIES})`, `p50 ${pct(latencies, 50).toFixed(1)} ms`, `p99 ${pct(latencies, 99).toFixed(1)} ms`],
      ['reply latency, burst of 200 queued at once', `p50 ${pct(burstLat, 50).toFixed(1)} ms`, `p99 ${pct(burstLat, 99).toFixed(1)} ms`],
    ];
    console.log(`bench:connectors on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, real store (placeholder masker)`);
    for (const r of rows) console.log(`  ${r[0]!.padEnd(52)} ${r[1]!.padEnd(28)} ${r[2]}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
