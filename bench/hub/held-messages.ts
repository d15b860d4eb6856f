/**
 * Held messages at the hub (issue #16 leftovers), on PostgreSQL:
 * - the console's list (`GET /v1/quarantine/messages`): the oldest 200 read, each opened under the outbox-key and its
 *   sender and text masked (`OriginalsSealer.openHeld` + `maskedHeld`), beside the SQL read alone in the same run;
 *   CPU time of this process (the masking) and wall time, median of 20;
 * - holding: a delivery whose messages are all held (`WebhookIntakeStore.accept`), median of 200, beside writing the
 *   two `quarantine.held` event rows alone in a transaction of their own, median of 200, in the same run.
 *
 *   node --import tsx bench/hub/held-messages.ts [--held 10000]
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { InboundMessage } from '../../main/core/shared/messages';
import { OriginalsSealer } from '../../main/hub/sealing';
import { HubStore, postgresExecutor, WebhookIntakeStore } from '../../main/hub/store';
import { HubHeldMessages } from '../../main/hub/store/held-messages';
import { startTestPostgres } from '../../test/helpers/postgres';

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : d;
};
const HELD = arg('--held', 10_000);
const IT = { actor: 'it:bench', device: null };
const TEXTS = [
  'Hello, my card 4111 1111 1111 1111 was charged twice, please call me on +966 55 987 6543',
  'مرحبا، رقم هويتي 1012345678 وأريد استرجاع المبلغ، رقمي 0559876543',
  'سلام، کد ملی من ۰۰۱۲۳۴۵۶۷۸ است و شماره‌ام ۰۹۱۲۳۴۵۶۷۸۹',
  'buy cheap followers now!!! visit bit.ly/xyz and send your one-time code 482913',
];

async function median<T>(n: number, fn: () => Promise<T>): Promise<{ wallMs: number; cpuMs: number }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { wallMs: mid(wall), cpuMs: mid(cpu) };
}

async function main() {
  const pg = await startTestPostgres();
  try {
    const store = new HubStore(postgresExecutor({ connectionString: await pg.newDatabase(), max: 4 }), () => Date.now());
    await store.migrate();
    await store.saveChannel({ id: 'wa', kind: 'whatsapp', name: 'wa', enabled: true, config: {} }, IT);
    const sealer = new OriginalsSealer('bench', () => ({ epoch: 1, publicKey: '' }), crypto.randomBytes(32));
    const intake = new WebhookIntakeStore(store, () => Date.now());
    let n = 0;
    const message = (): InboundMessage => {
      const i = ++n;
      return { platformMessageId: `wamid.${i}`, platformConversationId: `9665${i % 500}`, contact: { platformUserId: `9665000${i % 500}`, displayName: `Sender ${i % 500}` }, direction: 'in', text: TEXTS[i % TEXTS.length]!, sentAt: Date.now() };
    };
    const hold = (ms: InboundMessage[]) =>
      intake.accept('wa', { messages: ms.map((m) => ({ inbound: m, prepared: sealer.prepare(m) })), deliveries: [] }, async (ms) => ms.map(() => false), (m) => sealer.sealHeld('wa', m));
    // The backlog, in deliveries of 10.
    for (let i = 0; i < HELD; i += 10) await hold(Array.from({ length: 10 }, message));

    const held = new HubHeldMessages(store);
    const list = await median(20, async () => {
      const rows = await held.oldest(200);
      return rows.map((r) => sealer.maskedHeld(sealer.openHeld(r.channelId, r.platformMessageId, r.sealed)));
    });
    const sqlOnly = await median(20, () => held.oldest(200));
    const holdOne = await median(200, () => hold([message()]));
    const eventsOnly = await median(200, () =>
      store.q.tx((t) =>
        store.emitMany(t, [
          { kind: 'quarantine.held', audience: 'leads', payload: { channelId: 'wa', added: 1 }, where: { channelId: 'wa' } },
          { kind: 'quarantine.held', audience: 'admins', payload: { channelId: 'wa', added: 1 }, where: { channelId: 'wa' } },
        ]),
      ),
    );
    const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
    console.log(`held backlog ${HELD.toLocaleString('en-US')}; load average ${load}`);
    console.log(`list (oldest 200, opened and masked): median wall ${list.wallMs.toFixed(1)} ms, CPU ${list.cpuMs.toFixed(1)} ms; SQL read alone: wall ${sqlOnly.wallMs.toFixed(1)} ms, CPU ${sqlOnly.cpuMs.toFixed(1)} ms`);
    console.log(`hold one delivery (all held, with its quarantine.held events): median wall ${holdOne.wallMs.toFixed(2)} ms; the two event rows alone in a transaction: ${eventsOnly.wallMs.toFixed(2)} ms`);
    await store.close();
  } finally {
    await pg.destroy();
  }
}

void main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
