/**
 * Webhook intake at the hub (what `bench/relay` measured for the relay): two hub nodes (`diwan hub run`, separate
 * processes) on one PostgreSQL behind the tests' TCP load balancer.
 *
 *   node --import tsx bench/hub/webhooks.ts [--seconds 5] [--connections 16] [--latency-messages 1000] [--latency-rate 200]
 *
 * 1. Intake: N keep-alive connections through the load balancer, each request one signed WhatsApp message with a new
 *    id (signature check with the channel's secret, the connector's parser, masking, sealing, one transaction with
 *    its events), as fast as the nodes acknowledge.
 *    Beside it, in the same run, the peer: the store's own ingest of one message per transaction at the same
 *    concurrency (no HTTP, TLS, signature or parsing).
 * 2. Webhook → console: deliveries at a steady rate while one console follows the event stream over pinned TLS;
 *    the time from posting a delivery to its `message.added` frame arriving.
 * Everything runs on 127.0.0.1 and stops itself.
 */
import { generateSealingKey } from '../../main/core/custody';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool, WebSocket } from 'undici';
import { hubSignature } from '../../main/core/connectors';
import { pinnedAgent } from '../../main/core/connectors/relay-client/link';
import type { InboundMessage } from '../../main/core/shared/messages';
import { hashToken } from '../../main/hub/accounts';
import { OriginalsSealer } from '../../main/hub/sealing';
import { startTestPostgres } from '../../test/helpers/postgres';
import { freePort, hubFiles, LoadBalancer, NodeProcess, nodeConfig, seedHub, until } from '../../test/hub/harness';

const argv = process.argv.slice(2);
const opt = (k: string, d: number) => {
  const i = argv.indexOf(`--${k}`);
  return i >= 0 ? Number(argv[i + 1]) : d;
};
const SECONDS = opt('seconds', 5);
const CONNECTIONS = opt('connections', 16);
const LATENCY_MESSAGES = opt('latency-messages', 1000);
const LATENCY_RATE = opt('latency-rate', 200);
const APP_SECRET = crypto.randomBytes(24).toString('hex');
const PHONE = '420000000000002';

function body(id: string, from: string): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '310000000000001',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550100000', phone_number_id: PHONE },
              contacts: [{ profile: { name: 'Bench Customer' }, wa_id: from }],
              messages: [{ from, id, timestamp: '1767225600', type: 'text', text: { body: `Where is my order? ref ${id}` } }],
            },
          },
        ],
      },
    ],
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main() {
  const pg = await startTestPostgres();
  const files = await hubFiles();
  const put = (n: string, v: string) => fs.writeFileSync(path.join(files.credentials, n), v, { mode: 0o400 });
  put('wa.app-secret', APP_SECRET);
  put('wa.verify-token', 'bench-verify');
  const seed = await seedHub(pg.url, { users: [{ username: 'lead', role: 'lead' }] });
  // The channel's sends go nowhere (port 9): the bench measures intake; the lease holder's runtime idles.
  await seed.store.saveChannel({ id: 'wa', kind: 'whatsapp', name: 'WhatsApp', enabled: true, config: { baseUrl: 'http://127.0.0.1:9', settings: { phoneNumberId: PHONE } } }, { actor: 'it:bench' });
  const unlimited = { webhooks: { flood: { perSender: { perMinute: 1e6, burst: 1e6 }, perChannel: { perMinute: 1e6, burst: 1e6 } } } };
  const ports = [await freePort(), await freePort()];
  const nodes = ports.map((port, i) => new NodeProcess(nodeConfig(files, { nodeId: `node-${i + 1}`, pgUrl: pg.url, port, extra: unlimited }), port, files.credentials));
  const lb = new LoadBalancer(ports);
  try {
    await Promise.all(nodes.map((n) => n.start()));
    await lb.start();
    const post = (pool: Pool, b: string) =>
      pool.request({ path: '/webhooks/wa', method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': hubSignature(b, APP_SECRET) }, body: b });

    // 1. Intake through the load balancer (TLS passes through to both nodes).
    const pool = new Pool(lb.url, { connections: CONNECTIONS, pipelining: 1, connect: { rejectUnauthorized: false } });
    let n = 0;
    let errors = 0;
    const lat: number[] = [];
    const end = performance.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async (_, w) => {
        while (performance.now() < end) {
          const k = n++;
          const b = body(`wamid.I${w}-${k}`, String(34600000000 + (k % 500)));
          const t0 = performance.now();
          const res = await post(pool, b);
          await res.body.dump();
          if (res.statusCode !== 200) errors++;
          lat.push(performance.now() - t0);
        }
      }),
    );
    await pool.close();
    lat.sort((a, b) => a - b);
    const stored = (await seed.store.q.get<{ n: string | number }>("SELECT COUNT(*) AS n FROM messages WHERE channel_id = 'wa'"))!.n;

    // 1b. The peer, same run: the store's own ingest (masking and sealing included) of one message per transaction,
    // with the same concurrency and no HTTP, TLS, signature or parsing — what intake is bounded by.
    // Sealed as a hub does, to a public key (a key pair of the bench's own: nothing here is revealed).
    const sealing = generateSealingKey(1);
    const sealer = new OriginalsSealer('acme', () => sealing, null);
    const storeLat: number[] = [];
    let p = 0;
    const storeEnd = performance.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async (_, w) => {
        while (performance.now() < storeEnd) {
          const k = p++;
          const id = `wamid.P${w}-${k}`;
          const m: InboundMessage = { platformMessageId: id, platformConversationId: String(34620000000 + (k % 500)), contact: { platformUserId: String(34620000000 + (k % 500)), displayName: 'Bench Customer' }, direction: 'in', text: `Where is my order? ref ${id}`, sentAt: Date.now() };
          const t0 = performance.now();
          await seed.store.ingest('wa', [sealer.prepare(m)]);
          storeLat.push(performance.now() - t0);
        }
      }),
    );
    storeLat.sort((a, b) => a - b);

    // 2. Webhook → console over the stream (a session written as the hub writes one after a sign-in).
    const { publicKey } = crypto.generateKeyPairSync('ed25519');
    const fingerprint = crypto.createHash('sha256').update(Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url')).digest('hex');
    await seed.store.enrolDevice({ fingerprint, publicKey: publicKey.export({ format: 'pem', type: 'spki' }).toString(), label: 'bench' }, { actor: 'it:bench' });
    const token = crypto.randomBytes(32).toString('base64url');
    await seed.store.createSession({ tokenHash: hashToken(token), userId: seed.ids.lead!, device: fingerprint, stage: 'full', expiresAt: Date.now() + 3_600_000 });
    const after = await seed.store.latestEventSeq();
    const sentAt = new Map<string, number>();
    const seen: number[] = [];
    const agent = pinnedAgent({ pin: files.pin, timeoutMs: 10_000 });
    const ws = new WebSocket(`${lb.url.replace(/^https/, 'wss')}/v1/stream?after=${after}`, { dispatcher: agent, headers: { authorization: `Bearer ${token}` } });
    await new Promise<void>((resolve, reject) => {
      ws.addEventListener('open', () => resolve());
      ws.addEventListener('error', () => reject(new Error('the stream did not open')));
    });
    ws.addEventListener('message', (ev) => {
      const now = performance.now();
      const frame = JSON.parse(String(ev.data)) as { type: string; upTo: number; events: Array<{ kind: string; payload: { maskedText?: string } }> };
      if (frame.type !== 'events') return;
      for (const e of frame.events) {
        const id = e.kind === 'message.added' ? /ref (\S+)$/.exec(e.payload.maskedText ?? '')?.[1] : undefined;
        const t0 = id ? sentAt.get(id) : undefined;
        if (t0 !== undefined) seen.push(now - t0);
      }
      ws.send(JSON.stringify({ type: 'ack', seq: frame.upTo }));
    });
    const poster = new Pool(lb.url, { connections: 4, connect: { rejectUnauthorized: false } });
    const gap = 1000 / LATENCY_RATE;
    const start = performance.now();
    const posts: Promise<void>[] = [];
    for (let i = 0; i < LATENCY_MESSAGES; i++) {
      const wait = start + i * gap - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const id = `wamid.L${i}`;
      sentAt.set(id, performance.now());
      posts.push(post(poster, body(id, String(34610000000 + (i % 200)))).then((r) => r.body.dump()));
    }
    await Promise.all(posts);
    await until(() => seen.length >= LATENCY_MESSAGES, 'every delivery to reach the console', 60_000).catch(() => null);
    ws.close();
    await poster.close();
    await agent.close();
    seen.sort((a, b) => a - b);

    console.log(`hub webhook benchmark — Node ${process.version}, ${os.cpus().length} CPU(s), load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log('two hub nodes (own processes) on one PostgreSQL behind a TCP load balancer, loopback');
    console.log(`intake: ${CONNECTIONS} connections × ${SECONDS} s, one signed WhatsApp message per request (parse, mask, seal, one transaction)`);
    console.log(`  ${Math.round(lat.length / SECONDS)} requests/s (${lat.length} requests, ${errors} non-200, ${stored} messages stored), latency p50 ${percentile(lat, 50).toFixed(1)} ms, p99 ${percentile(lat, 99).toFixed(1)} ms`);
    console.log(`peer, same run: HubStore.ingest of one message per transaction, ${CONNECTIONS} at once, from this process (no HTTP, TLS, signature, parsing)`);
    console.log(`  ${Math.round(storeLat.length / SECONDS)} messages/s, latency p50 ${percentile(storeLat, 50).toFixed(1)} ms, p99 ${percentile(storeLat, 99).toFixed(1)} ms`);
    console.log(`webhook → console: ${LATENCY_MESSAGES} messages at ${LATENCY_RATE}/s, one console on the event stream (pinned TLS)`);
    console.log(`  received ${seen.length}; p50 ${percentile(seen, 50).toFixed(1)} ms, p99 ${percentile(seen, 99).toFixed(1)} ms, max ${seen.at(-1)?.toFixed(1)} ms`);
  } finally {
    for (const node of nodes) await node.stop().catch(() => node.kill());
    await lb.close().catch(() => {});
    await seed.store.close();
    await pg.destroy();
  }
}

await main();
