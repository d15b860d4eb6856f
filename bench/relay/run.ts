/**
 * Relay benchmark: webhook intake rate with signature checks, and latency from webhook to a connected console.
 *
 *   npm run bench:relay -- [--seconds 5] [--connections 16] [--latency-messages 1000] [--latency-rate 200]
 *
 * The relay runs as IT runs it (`diwan relay --config`, its own process, secrets as systemd-style credential files);
 * this process is the load generator (undici, N keep-alive connections, bodies signed in advance) and the console
 * (a RelayLink long-polling the relay over TLS with a device key). Everything on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { hubSignature } from '../../main/core/connectors';
import { RelayLink, relayProtocol } from '../../main/core/connectors/relay-client';
import { spkiPin } from '../../main/core/network';
import { createRelayCertificate } from '../../main/relay/tls';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const opt = (k: string, d: number) => {
  const i = argv.indexOf(`--${k}`);
  return i >= 0 ? Number(argv[i + 1]) : d;
};
const seconds = opt('seconds', 5);
const connections = opt('connections', 16);
const latencyMessages = opt('latency-messages', 1000);
const latencyRate = opt('latency-rate', 200);
const APP_SECRET = crypto.randomBytes(24).toString('hex');
const PHONE = '420000000000002';

function body(id: string, from: string): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '310000000000001', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550100000', phone_number_id: PHONE },
      contacts: [{ profile: { name: 'Bench Customer' }, wa_id: from }],
      messages: [{ from, id, timestamp: '1767225600', type: 'text', text: { body: `Where is my order? ref ${id}` } }],
    } }] }],
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diwan-bench-relay-'));
  const creds = path.join(dir, 'credentials');
  fs.mkdirSync(creds, { mode: 0o700 });
  const cert = await createRelayCertificate(['127.0.0.1']);
  const put = (n: string, v: string) => fs.writeFileSync(path.join(creds, n), v, { mode: 0o400 });
  put('wa-main.app-secret', APP_SECRET);
  put('wa-main.verify-token', 'bench-verify');
  put('tls-key', cert.keyPem);
  put('queue-key', crypto.randomBytes(32).toString('base64'));
  fs.writeFileSync(path.join(dir, 'relay-cert.pem'), cert.certPem);
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
  const device = {
    fingerprint: crypto.createHash('sha256').update(raw).digest('hex'),
    sign: (d: string) => crypto.sign(null, Buffer.from(d), privateKey).toString('base64'),
  };
  fs.writeFileSync(path.join(dir, 'relay.json'), JSON.stringify({
    dataDir: 'data',
    webhook: { host: '127.0.0.1', port: 0 },
    console: { host: '127.0.0.1', port: 0, certFile: 'relay-cert.pem' },
    officeRanges: ['127.0.0.1/32'],
    devices: [{ name: 'bench', publicKey: publicKey.export({ format: 'pem', type: 'spki' }).toString() }],
    channels: [{ id: 'wa-main', kind: 'whatsapp', baseUrl: 'http://127.0.0.1:9', settings: { phoneNumberId: PHONE } }],
    secrets: { source: 'credentials' },
    flood: { perSender: { perMinute: 1e6, burst: 1e6 }, perChannel: { perMinute: 1e6, burst: 1e6 } },
  }));

  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repo, 'main/cli/main.ts'), 'relay', '--config', path.join(dir, 'relay.json')], {
    cwd: repo,
    env: { ...process.env, CREDENTIALS_DIRECTORY: creds },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const urls = await new Promise<{ webhook: string; console: string }>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Webhooks: (\S+)\/webhooks\/<channel>\. Consoles: (\S+)\./.exec(out);
      if (m) resolve({ webhook: m[1]!, console: m[2]! });
    });
    child.once('exit', (code) => reject(new Error(`relay exited (${code})`)));
    setTimeout(() => reject(new Error('relay did not start in 30 s')), 30_000).unref();
  });

  try {
    // 1. Intake: N connections posting signed deliveries (one message each) as fast as the relay acknowledges.
    const pool = new Pool(urls.webhook, { connections, pipelining: 1 });
    const prepared = Array.from({ length: 4096 }, (_, i) => i);
    let n = 0;
    const lat: number[] = [];
    let errors = 0;
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: connections }, async (_, w) => {
        while (performance.now() < end) {
          const k = n++;
          const b = body(`wamid.I${w}-${k}`, String(34600000000 + (prepared[k % prepared.length]! % 500)));
          const t0 = performance.now();
          const res = await pool.request({
            path: '/webhooks/wa-main',
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-hub-signature-256': hubSignature(b, APP_SECRET) },
            body: b,
          });
          await res.body.dump();
          if (res.statusCode !== 200) errors++;
          lat.push(performance.now() - t0);
        }
      }),
    );
    await pool.close();
    lat.sort((a, b) => a - b);
    const rate = lat.length / seconds;

    // 2. Webhook → console: a console long-polls; deliveries are posted at a steady rate.
    const link = new RelayLink({ url: urls.console, pin: spkiPin(cert.certPem), device, timeoutMs: 10_000 });
    const first = link.expect(await link.call('GET', '/v1/channels/wa-main/events?after=0&limit=1'), relayProtocol.eventsResponse);
    let after = 0;
    // Skip what the intake phase queued: read to the end once.
    for (let guard = 0; guard < 100_000; guard++) {
      const page = link.expect(await link.call('GET', `/v1/channels/wa-main/events?after=${after}&limit=1000`), relayProtocol.eventsResponse);
      if (!page.events.length) break;
      after = page.events[page.events.length - 1]!.seq;
    }
    void first;
    const sentAt = new Map<string, number>();
    const seen: number[] = [];
    let done = false;
    const consumer = (async () => {
      while (!done) {
        const page = link.expect(
          await link.call('GET', `/v1/channels/wa-main/events?after=${after}&wait=5&limit=1000`, { waitMs: 5_000 }),
          relayProtocol.eventsResponse,
        );
        const now = performance.now();
        for (const e of page.events) {
          after = Math.max(after, e.seq);
          if (e.kind !== 'message') continue;
          const t0 = sentAt.get(e.message.platformMessageId);
          if (t0 !== undefined) seen.push(now - t0);
        }
        if (seen.length >= latencyMessages) done = true;
      }
    })();
    const poster = new Pool(urls.webhook, { connections: 4 });
    const gap = 1000 / latencyRate;
    const start = performance.now();
    const posts: Promise<void>[] = [];
    for (let i = 0; i < latencyMessages; i++) {
      const due = start + i * gap;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const id = `wamid.L${i}`;
      const b = body(id, String(34610000000 + (i % 200)));
      sentAt.set(id, performance.now());
      posts.push(
        poster
          .request({ path: '/webhooks/wa-main', method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': hubSignature(b, APP_SECRET) }, body: b })
          .then((r) => r.body.dump()),
      );
    }
    await Promise.all(posts);
    await Promise.race([consumer, new Promise((r) => setTimeout(r, 30_000))]);
    done = true;
    await poster.close();
    await link.close();
    seen.sort((a, b) => a - b);

    console.log(`relay benchmark — Node ${process.version}, ${os.cpus().length} CPU(s), relay in its own process, loopback`);
    console.log(`intake: ${connections} connections × ${seconds} s, one signed WhatsApp message per request`);
    console.log(`  ${Math.round(rate)} requests/s (${lat.length} requests, ${errors} non-200), latency p50 ${percentile(lat, 50).toFixed(2)} ms, p99 ${percentile(lat, 99).toFixed(2)} ms`);
    console.log(`webhook → console: ${latencyMessages} messages at ${latencyRate}/s, console long-polling over TLS`);
    console.log(`  received ${seen.length}; p50 ${percentile(seen, 50).toFixed(2)} ms, p99 ${percentile(seen, 99).toFixed(2)} ms, max ${seen[seen.length - 1]?.toFixed(2)} ms`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
