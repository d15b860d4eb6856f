/**
 * Key custody bench (`npm run -s bench:custody [-- --reveals 300 --messages 3000]`).
 *
 * 1. Reveal round trip on loopback, console → hub → custodian → console: a console in this process (HubClient, its
 *    device key, a one-time X25519 key per reveal) opens a granted PHONE reveal through a hub node (`diwan hub run`,
 *    own process, PostgreSQL) that signs a grant for the custodian (`diwan custodian run`, own process), which checks
 *    it, logs it (fsync) and re-seals the value to the console. Each open is a fresh request and grant. p50/p99.
 * 2. Sealing cost per message at ingest: HubStore.ingest into PostgreSQL of the same messages, masked and sealed to
 *    the custodian's public key, beside masked but not sealed (empty ciphertexts) — same run, batches alternating.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fingerprintOf } from '../../main/core/auth';
import { maskMessage } from '../../main/core/masking';
import { privateKeyFromPem } from '../../main/core/policy';
import { HubClient, TeamCache } from '../../main/core/team';
import { CustodianLink } from '../../main/hub/custodian-link';
import { OriginalsSealer } from '../../main/hub/sealing';
import { HubStore, postgresExecutor, type PreparedMessage } from '../../main/hub/store';
import { startTestPostgres } from '../../test/helpers/postgres';
import { CustodianProcess } from '../../test/hub/custody-fixture';
import { freePort, hubFiles, NodeProcess, nodeConfig, PASSWORD, seedHub } from '../../test/hub/harness';
import { sampleMessages } from '../hub/rows';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const REVEALS = arg('reveals', 300);
const MESSAGES = arg('messages', 3000);
const BATCH = 100;
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function main() {
  console.log(`Key custody bench: ${os.cpus().length} CPUs, ${os.cpus()[0]?.model}; load ${load()}`);
  const pg = await startTestPostgres();
  const files = await hubFiles({ custody: { perDevice: 100_000 } });
  const custodian = new CustodianProcess(files.custody);
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const device = { fingerprint: fingerprintOf(publicKeyPem), sign: (data: string) => crypto.sign(null, Buffer.from(data, 'utf8'), privateKey).toString('base64') };
  let node: NodeProcess | null = null;
  let client: HubClient | null = null;
  const link = new CustodianLink({ url: files.custody.url, pin: files.custody.pin, team: 'acme', grantKey: privateKeyFromPem(files.custody.grantKeyPem, 'grant key'), now: Date.now });
  try {
    files.custody.enrol([device.fingerprint]);
    await custodian.start();
    await link.start();
    const seed = await seedHub(pg.url, { users: [{ username: 'amal', role: 'agent' }] });
    await seed.store.saveChannel({ id: 'tg', kind: 'telegram', name: 'bot', enabled: false, config: {} }, { actor: 'it:bench' });
    await seed.store.enrolDevice({ fingerprint: device.fingerprint, publicKey: publicKeyPem, label: 'bench desk' }, { actor: 'it:bench' });
    const port = await freePort();
    node = new NodeProcess(nodeConfig(files, { nodeId: 'bench-1', pgUrl: pg.url, port }), port, files.credentials);
    await node.start();

    // 1. Reveal round trip.
    const sealer = new OriginalsSealer('acme', link.sealingKey, null);
    await seed.store.ingest('tg', [sealer.prepare({ platformMessageId: 'r1', platformConversationId: 'c1', contact: { platformUserId: 'u1' }, direction: 'in', text: 'call me on +966 50 123 4567', sentAt: Date.now() })]);
    const msg = (await seed.store.q.get<{ id: number }>("SELECT id FROM messages WHERE platform_message_id = 'r1'"))!;
    client = new HubClient({ url: `https://127.0.0.1:${port}`, pin: files.pin, device, cache: new TeamCache(path.join(files.dir, 'cache.sqlite'), crypto.randomBytes(32)) });
    await client.signIn('amal', PASSWORD);
    const asked = (await client.call('POST', '/v1/reveals', { messageId: msg.id, field: 0, reason: 'customer asked us to call back' })).reveal as { id: number };
    for (let i = 0; i < 20; i++) await client.openReveal(asked.id); // warm-up: TLS sessions, JIT
    const times: number[] = [];
    for (let i = 0; i < REVEALS; i++) {
      const t0 = performance.now();
      const r = await client.openReveal(asked.id);
      times.push(performance.now() - t0);
      if (r.value !== '+966 50 123 4567') throw new Error('reveal returned the wrong value');
    }
    console.log(`\n1. Reveal round trip console → hub → custodian → console (${REVEALS} reveals, one at a time, loopback; load ${load()})`);
    console.log(`   p50 ${pct(times, 50).toFixed(1)} ms   p99 ${pct(times, 99).toFixed(1)} ms   max ${Math.max(...times).toFixed(1)} ms   (goal p99 ≤ 150 ms: ${pct(times, 99) <= 150 ? 'met' : 'NOT met'})`);

    // 2. Sealing cost at ingest.
    const url = await pg.newDatabase();
    const store = new HubStore(postgresExecutor({ connectionString: url, max: 4 }), Date.now);
    await store.migrate();
    for (const id of ['sealed', 'plain']) await store.saveChannel({ id, kind: 'telegram', name: id, enabled: false, config: {} }, { actor: 'it:bench' });
    const msgs = sampleMessages(MESSAGES, 'custody');
    const notSealed = (m: (typeof msgs)[number]): PreparedMessage => {
      const masked = maskMessage(m.text);
      return {
        ...m,
        attachments: [],
        maskedText: masked.masked,
        sealedText: null,
        fields: masked.fields.map((f) => ({ type: f.type, shown: f.shown })),
        seal: () => ({ text: Buffer.alloc(0), fields: masked.fields.map(() => Buffer.alloc(0)) }),
      };
    };
    let sealedMs = 0;
    let plainMs = 0;
    let fields = 0;
    for (let i = 0; i < msgs.length; i += BATCH) {
      const b = msgs.slice(i, i + BATCH);
      const t0 = performance.now();
      await store.ingest('plain', b.map(notSealed));
      const t1 = performance.now();
      const prepared = b.map((m) => sealer.prepare(m));
      await store.ingest('sealed', prepared);
      plainMs += t1 - t0;
      sealedMs += performance.now() - t1;
      fields += prepared.reduce((n, p) => n + p.fields.length, 0);
    }
    // The sealing alone, without masking or the database.
    const key = link.sealingKey();
    const ids = msgs.map(() => 0);
    const prepared = msgs.map((m) => sealer.prepare(m));
    const t2 = performance.now();
    for (const [i, p] of prepared.entries()) p.seal(ids[i]! + i + 1);
    const sealOnlyMs = performance.now() - t2;
    console.log(`\n2. Ingest into PostgreSQL, ${MESSAGES} messages (${fields} fields, text sealed too) in batches of ${BATCH}, alternating; epoch ${key.epoch}; load ${load()}`);
    console.log(`   masked, not sealed:        ${((MESSAGES / plainMs) * 1000).toFixed(0)} msg/s (${(plainMs / MESSAGES).toFixed(3)} ms/msg)`);
    console.log(`   masked and sealed:         ${((MESSAGES / sealedMs) * 1000).toFixed(0)} msg/s (${(sealedMs / MESSAGES).toFixed(3)} ms/msg)`);
    console.log(`   sealing alone (no masking, no database): ${(sealOnlyMs / MESSAGES).toFixed(3)} ms/msg, ${((sealOnlyMs / (fields + MESSAGES)) * 1000).toFixed(0)} µs per sealed value, amortised`);
    await store.close();
    await seed.store.close();
  } finally {
    await client?.stop();
    await node?.stop().catch(() => node?.kill());
    await link.close();
    await custodian.stop();
    await pg.destroy();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
