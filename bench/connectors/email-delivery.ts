/**
 * bench:email-delivery — a customer's mail, from the SMTP delivery to the company's mail server until the console
 * shows it. Everything on 127.0.0.1, started and stopped here:
 *   sent       a sender's SMTP transaction begins (nodemailer) at the company's MX (`MailExchanger`: smtp-server, which
 *              hands each message to Dovecot's delivery agent `dovecot-lda` before it answers 250, as Postfix does);
 *   delivered  the MX answered 250: the message is in the Dovecot mailbox;
 *   shown      single seat: the console's own read path — the core's channel runtime (IMAP IDLE, parse, guards, mask,
 *              seal, store) → `watchInbox`'s `inboxChanged` → the agent's `openConversation` through the main
 *              dispatcher returns the message;
 *              team (`--team`): the hub's e-mail channel (PostgreSQL, custodian in its own process) → the event
 *              stream → a console's `HubClient` has applied the frame to its `TeamCache` (what the team console's
 *              `openConversation` reads).
 * One delivery at a time (the next after the previous one is shown), each a new conversation; 1 in 5 HTML.
 * Run: npm run -s bench:email-delivery [-- --deliveries 100] [-- --team]
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { openCore } from '../../main/core/app';
import { newSessionSlot } from '../../main/core/auth';
import { fingerprintOf } from '../../main/core/auth';
import { HubClient, TeamCache } from '../../main/core/team';
import { CredentialsDirSecrets, startHubNode } from '../../main/hub';
import { createMainDispatch } from '../../main/ipc';
import { watchInbox } from '../../main/ipc/console-services';
import { addPeople, PEOPLE } from '../../test/helpers/console-people';
import { Dovecot, MailExchanger, rawMail } from '../../test/helpers/mail-servers';
import { startTestPostgres } from '../../test/helpers/postgres';
import { CustodianProcess } from '../../test/hub/custody-fixture';
import { hubFiles, inProcessHubConfig, PASSWORD, seedHub } from '../../test/hub/harness';
import { memoryKeychain } from '../store/common';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const DELIVERIES = arg('deliveries', 100);
const TEAM = argv.includes('--team');
const WAIT_MS = 120_000;
const MAILBOX = 'support@acme.test';

/** A word no detector masks and no other message contains: letters only. */
const probe = (i: number) => `probe${[...i.toString(26)].map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('')}x`;

/**
 * Words drawn at random for each body: the console's flood gate holds near-duplicate messages (SimHash of 4-grams)
 * in quarantine, as it should for a bot storm, so the bench's customers must not all write the same thing.
 */
const WORDS = (
  'order parcel refund invoice delivery courier address wrong late missing broken screen charger battery colour size ' +
  'exchange return warranty receipt branch Riyadh Amman Cairo Dubai Tehran Casablanca yesterday tomorrow urgent please ' +
  'طلبي الشحنة استرداد الفاتورة التوصيل العنوان متأخر مكسور الضمان الفرع سفارش بسته بازپرداخت فاکتور ارسال آدرس'
).split(' ');

function body(i: number): string {
  const words = Array.from({ length: 14 }, () => WORDS[crypto.randomInt(WORDS.length)]!);
  const extra = i % 3 === 0 ? ' Call me on 0551234567.' : i % 3 === 1 ? ' بطاقتي 4111 1111 1111 1111 انخصمت مرتين.' : ' کد ملی من 0499370899 هست.';
  return `${words.join(' ')}.${extra}`;
}

function mail(i: number): string {
  const p = probe(i);
  const text = `${body(i)} (${p})`;
  return rawMail({
    from: `Customer ${i} <c${i}@customer.test>`,
    subject: `Where is my order ${p}`,
    messageId: `delivery-${i}-${crypto.randomBytes(4).toString('hex')}@customer.test`,
    ...(i % 5 === 0 ? { html: `<p>${text}</p><img src="https://t.test/p.gif">` } : { text }),
  });
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The channel's settings as the console's channel form stores them (the password in the keychain / credentials). */
const settings = (imap: Dovecot) => ({ address: MAILBOX, imapHost: '127.0.0.1', imapPort: imap.port, imapSecurity: 'plain', smtpHost: '127.0.0.1', smtpPort: 9, smtpSecurity: 'plain' });

/** Sends one delivery per call; `shown(i)` resolves when the console shows probe i. Returns the timings in ms. */
async function measure(mx: MailExchanger, shown: (p: string) => Promise<number>): Promise<{ delivered: number[]; total: number[] }> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: mx.port, secure: false, ignoreTLS: true, pool: false });
  const delivered: number[] = [];
  const total: number[] = [];
  try {
    for (let i = 0; i < DELIVERIES; i++) {
      const p = probe(i);
      const seen = shown(p);
      const t0 = performance.now();
      await transport.sendMail({ envelope: { from: `c${i}@customer.test`, to: [MAILBOX] }, raw: mail(i) });
      delivered.push(performance.now() - t0);
      total.push((await seen) - t0);
      // A breath between deliveries, as mail arrives, so each one finds the connector waiting in IDLE.
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    transport.close();
  }
  return { delivered, total };
}

/** Resolves with the time the predicate first held, checked on each `changed` call; bounded. */
function waiter() {
  const waiting = new Map<string, (t: number) => void>();
  return {
    wait(p: string): Promise<number> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${p} was not shown within ${WAIT_MS} ms`)), WAIT_MS);
        waiting.set(p, (t) => {
          clearTimeout(timer);
          resolve(t);
        });
      });
    },
    /** Each probe still waited for that `has(probe)` now finds is resolved with the current time. */
    check(has: (p: string) => boolean): void {
      for (const [p, done] of waiting) {
        if (!has(p)) continue;
        waiting.delete(p);
        done(performance.now());
      }
    },
  };
}

async function singleSeat(imap: Dovecot, mx: MailExchanger) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diwan-bench-delivery-'));
  const core = await openCore({ dataDir: dir, keychain: memoryKeychain(), keychainService: 'Diwan-bench' });
  try {
    await addPeople(core);
    core.store.channels.create({ id: 'mail', kind: 'email', name: 'Support mailbox', config: settings(imap) });
    await core.vault.set('channel:mail', JSON.stringify({ username: imap.user, password: imap.password }));
    const dispatch = createMainDispatch(core);
    const ctx = { trustedSender: true, session: newSessionSlot() };
    const signedIn = await dispatch('signIn', { username: PEOPLE.agent.username, password: PEOPLE.agent.password }, ctx);
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    core.channels.start();
    const w = waiter();
    // What the renderer does on `inboxChanged`: read the changed conversations through the main process.
    const stop = watchInbox(core, (changed) => {
      void (async () => {
        for (const conversationId of changed.conversationIds) {
          const r = await dispatch('openConversation', { conversationId }, ctx);
          if (r.ok) {
            const json = JSON.stringify(r.value);
            w.check((p) => json.includes(p));
          }
        }
      })();
    });
    try {
      return await measure(mx, (p) => w.wait(p));
    } finally {
      stop();
      await core.channels.stop();
    }
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function team(imap: Dovecot, mx: MailExchanger) {
  const pg = await startTestPostgres();
  const files = await hubFiles();
  const custodian = new CustodianProcess(files.custody);
  await custodian.start();
  const seed = await seedHub(pg.url, { users: [{ username: 'amal', role: 'agent' }] });
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const device = { fingerprint: fingerprintOf(publicKeyPem), sign: (d: string) => crypto.sign(null, Buffer.from(d, 'utf8'), privateKey).toString('base64') };
  await seed.store.enrolDevice({ fingerprint: device.fingerprint, publicKey: publicKeyPem, label: 'bench desk' }, { actor: 'it:bench' });
  fs.writeFileSync(path.join(files.credentials, 'mail.token'), JSON.stringify({ username: imap.user, password: imap.password }), { mode: 0o400 });
  await seed.store.saveChannel({ id: 'mail', kind: 'email', name: 'Support mailbox', enabled: true, config: { settings: settings(imap) } }, { actor: 'it:bench' });
  const hub = await startHubNode({ config: inProcessHubConfig(files, pg.url, { officeRanges: ['127.0.0.1/32'], leaseRetryMs: 200 }), secrets: new CredentialsDirSecrets(files.credentials), log: () => {} });
  const client = new HubClient({ url: hub.url, pin: files.pin, device, cache: new TeamCache(path.join(files.dir, 'bench-cache.sqlite'), crypto.randomBytes(32)) });
  try {
    await client.signIn('amal', PASSWORD);
    const w = waiter();
    client.onChange((_kinds, events) => {
      const json = JSON.stringify(events);
      w.check((p) => json.includes(p));
    });
    client.follow();
    return await measure(mx, (p) => w.wait(p));
  } finally {
    await client.stop();
    await hub.close();
    await custodian.stop();
    await seed.store.close();
    await pg.destroy();
  }
}

async function main() {
  const imap = await Dovecot.start({ users: { [MAILBOX]: `bench-${crypto.randomBytes(6).toString('hex')}` }, lifetimeSec: 3600 });
  const mx = await MailExchanger.start(imap);
  try {
    const r = TEAM ? await team(imap, mx) : await singleSeat(imap, mx);
    const delivered = [...r.delivered].sort((a, b) => a - b);
    const total = [...r.total].sort((a, b) => a - b);
    const after = r.total.map((t, i) => t - r.delivered[i]!).sort((a, b) => a - b);
    const line = (name: string, xs: number[]) => `${name}: p50 ${pct(xs, 50).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms, max ${xs.at(-1)!.toFixed(1)} ms`;
    console.log(`machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? '?'}, Node ${process.version}, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    console.log(`mode: ${TEAM ? 'team (hub e-mail channel → PostgreSQL → event stream → HubClient cache)' : 'single seat (core runtime → store → inboxChanged → openConversation)'}; ${DELIVERIES} deliveries, one at a time, 1 in 5 HTML`);
    console.log(line('SMTP sent → delivered (MX 250, in the mailbox)', delivered));
    console.log(line('delivered → shown in the console', after));
    console.log(line('SMTP sent → shown in the console', total));
  } finally {
    await mx.stop();
    await imap.stop();
  }
}

void main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
