/**
 * What the flood gate costs a polled batch at the hub: the same 100-message batches through `HubStore.ingest` (as
 * polled channels were stored before) and through `WebhookIntakeStore.acceptPolled` (the gate, shared buckets read
 * and written once per batch, quarantine check) on a throwaway PostgreSQL, alternating in one process, three rounds. Wall and this process's CPU
 * per batch; the ratio is the figure to compare (the machine is shared). `npx tsx bench/hub/polled-flood.ts`
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { InboundMessage } from '../../main/core/shared/messages';
import { HubStore, postgresExecutor, WebhookIntakeStore } from '../../main/hub/store';
import { SharedFloodBuckets } from '../../main/hub/store/flood-buckets';
import { startTestPostgres } from '../../test/helpers/postgres';
import { preparedMessage } from '../../test/hub/prepared-message';

const BATCHES = 30;
const SIZE = 100;
const SENDERS = 500;

const pg = await startTestPostgres();
const store = new HubStore(postgresExecutor({ connectionString: await pg.newDatabase(), max: 4 }), Date.now);
await store.migrate();
for (const id of ['plain', 'gated', 'collapse']) await store.saveChannel({ id, kind: 'telegram', name: id, config: {}, enabled: true }, { actor: 'bench' });
const intake = new WebhookIntakeStore(store, Date.now);
// The default per-sender limit; the channel's lifted so every message is stored, as in the plain path.
const rates = { perSender: { perMinute: 30, burst: 20 }, perChannel: { perMinute: 1e7, burst: 1e7 } };
const gate = new SharedFloodBuckets(rates);
// The same with the hub's near-duplicate collapse and surge mode (the default window), every text unlike the others.
const collapse = new SharedFloodBuckets(rates, { campaigns: { windowMs: 600_000, surge: { factor: 5, exitFactor: 2, minPerMinute: 1e9 } } });
const unlike = (seed: string) => crypto.createHash('sha256').update(seed).digest('hex').replace(/\d/g, (d) => 'ghijklmnop'[Number(d)]!);

const batch = (tag: string, n: number) =>
  Array.from({ length: SIZE }, (_, i) => {
    const id = `${tag}-${n}-${i}`;
    const sender = `s${(n * SIZE + i) % SENDERS}`;
    const inbound = { platformMessageId: id, platformConversationId: `c-${sender}`, contact: { platformUserId: sender }, direction: 'in', text: unlike(id), sentAt: 1 } as InboundMessage;
    return { inbound, prepared: preparedMessage(id, `c-${sender}`, 1, { contact: { platformUserId: sender } }) };
  });

async function measure(run: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
}

for (let round = 0; round < 3; round++) {
  const sum = { plain: { wall: 0, cpu: 0 }, gated: { wall: 0, cpu: 0 }, collapse: { wall: 0, cpu: 0 } };
  for (let n = 0; n < BATCHES; n++) {
    const a = batch(`p${round}`, n);
    const b = batch(`g${round}`, n);
    const p = await measure(() => store.ingest('plain', a.map((m) => m.prepared), String(n)));
    const g = await measure(() => intake.acceptPolled('gated', b, String(n), (ms, t) => gate.admitBatch(t, 'gated', ms, Date.now()), (m) => Buffer.from(m.text)));
    const c = batch(`c${round}`, n);
    const k = await measure(() => intake.acceptPolled('collapse', c, String(n), (ms, t) => collapse.admitBatch(t, 'collapse', ms, Date.now()), (m) => Buffer.from(m.text)));
    for (const [k2, v] of [['plain', p], ['gated', g], ['collapse', k]] as const) {
      sum[k2].wall += v.wall;
      sum[k2].cpu += v.cpu;
    }
  }
  const per = (x: number) => (x / BATCHES).toFixed(1);
  console.log(
    `round ${round + 1} (load ${os.loadavg()[0]!.toFixed(1)}): per ${SIZE}-message batch, ingest ${per(sum.plain.wall)} ms (${per(sum.plain.cpu)} ms CPU), gated ${per(sum.gated.wall)} ms (${per(sum.gated.cpu)} ms CPU), ratio ${(sum.gated.wall / sum.plain.wall).toFixed(2)}; with collapse ${per(sum.collapse.wall)} ms (${per(sum.collapse.cpu)} ms CPU), ratio ${(sum.collapse.wall / sum.plain.wall).toFixed(2)}`,
  );
}
await store.close();
await pg.destroy();
