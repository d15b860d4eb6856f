/**
 * bench:email — the e-mail channel against a real Dovecot on loopback (started here, see test/helpers/mail-servers):
 * 1. fetch rate for a backlog of N messages already in the mailbox → runtime → real store (masking on);
 * 2. arrival latency: APPEND answered by the server (the message is in the mailbox) → the batch committed in the
 *    store and the runtime's `ingested` event (what the console's live refresh listens to), one message at a time,
 *    the connector waiting in IDLE; p50 / p99.
 * Run: npm run -s bench:email [-- --backlog 10000 --arrivals 200]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '../../main/core/app';
import { ConnectorRuntime } from '../../main/core/connectors';
import { Dovecot, rawMail } from '../../test/helpers/mail-servers';
import { memoryKeychain } from '../store/common';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const BACKLOG = arg('backlog', 10_000);
const ARRIVALS = arg('arrivals', 200);

const BODIES = [
  'My order #1182 hasn\'t arrived, call me on 0551234567.\r\n\r\nThanks,\r\nAna',
  'بطاقتي 4111 1111 1111 1111 انخصمت مرتين، أرجو المساعدة',
  'کد ملی من 0499370899 هست، لطفاً حسابم رو فعال کنید',
  'Hi, الطلب رقم 55321 still not delivered، please check.\r\n' + 'Regards. '.repeat(80),
];

function mail(i: number): string {
  const thread = i % 500;
  const html = i % 5 === 0;
  return rawMail({
    from: `Customer ${thread} <c${thread}@customer.test>`,
    subject: `Order ${thread}`,
    messageId: `bench-${i}@customer.test`,
    ...(i >= 500 ? { inReplyTo: `bench-${thread}@customer.test`, references: [`bench-${thread}@customer.test`] } : {}),
    ...(html ? { html: `<p>${BODIES[i % 4]!.replace(/\r\n/g, '<br>')}</p><img src="https://t.test/p.gif">` } : { text: BODIES[i % 4]! }),
  });
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function core(dir: string, imap: Dovecot): Promise<Core> {
  const c = await openCore({ dataDir: dir, keychain: memoryKeychain(), keychainService: 'Diwan-bench' });
  c.store.channels.create({ id: 'mail', kind: 'email', name: 'bench' });
  await c.vault.set('channel:mail', JSON.stringify({ username: imap.user, password: imap.password }));
  return c;
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'diwan-bench-email-'));
  const imap = await Dovecot.start({ lifetimeSec: 3 * 3600 });
  try {
    let t = performance.now();
    const client = await imap.client();
    for (let i = 0; i < BACKLOG; i++) await client.append('INBOX', mail(i));
    const appendMs = performance.now() - t;

    const c = await core(path.join(tmp, 'store'), imap);
    const runtime = new ConnectorRuntime({ sink: c.store.sink, outbox: c.store.outbox, vault: c.vault });
    runtime.add({
      id: 'mail',
      kind: 'email',
      settings: { address: 'support@acme.test', imapHost: '127.0.0.1', imapPort: imap.port, imapSecurity: 'plain', smtpHost: '127.0.0.1', smtpSecurity: 'plain' },
    });
    let stored = 0;
    let lastIngest = 0;
    runtime.on('ingested', (e) => {
      stored += e.inserted;
      lastIngest = performance.now();
    });
    t = performance.now();
    runtime.start();
    while (stored < BACKLOG) await new Promise((r) => setTimeout(r, 5));
    const backlogMs = performance.now() - t;
    const conversations = c.db.prepare("SELECT count(*) FROM conversations WHERE channel_id = 'mail'").pluck().get();

    // Arrival latency, one at a time, connector idling in IDLE between arrivals.
    const lat: number[] = [];
    for (let i = 0; i < ARRIVALS; i++) {
      const before = stored;
      await new Promise((r) => setTimeout(r, 20));
      await client.append('INBOX', mail(BACKLOG + i));
      const arrived = performance.now();
      while (stored === before) await new Promise((r) => setImmediate(r));
      lat.push(lastIngest - arrived);
    }
    lat.sort((a, b) => a - b);
    await client.logout();
    await runtime.stop();
    c.close();

    console.log(`machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? '?'}, Node ${process.version}, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    console.log(`backlog: ${BACKLOG} messages (${conversations} conversations, 1 in 5 HTML) appended in ${(appendMs / 1000).toFixed(1)} s`);
    console.log(`backlog fetch → store: ${(backlogMs / 1000).toFixed(1)} s, ${Math.round(BACKLOG / (backlogMs / 1000))} msg/s`);
    console.log(`arrival (APPEND answered) → stored + ingested event, ${ARRIVALS} one at a time: p50 ${pct(lat, 50).toFixed(1)} ms, p99 ${pct(lat, 99).toFixed(1)} ms, max ${lat.at(-1)!.toFixed(1)} ms`);
  } finally {
    await imap.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

void main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
