/**
 * What the flood gate costs a polled batch at the hub: the same 100-message batches through `HubStore.ingest` (as
 * polled channels were stored before) and through `WebhookIntakeStore.acceptPolled` (the gate, shared buckets read
 * and written once per batch, quarantine check) on a throwaway PostgreSQL, alternating in one process, three rounds. Wall and this process's CPU
 * per batch; the ratio is the figure to compare (the machine is shared). With near-duplicate collapse, batches whose
 * texts are all unlike (nothing held) beside batches of which a fifth are copies of one campaign from new senders
 * (held as duplicates and counted on the conversation its first copy opened): statements per batch counted for both.
 * `npx tsx bench/hub/polled-flood.ts`
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { InboundMessage } from '../../main/core/shared/messages';
import { HubStore, postgresExecutor, WebhookIntakeStore } from '../../main/hub/store';
import { SharedFloodBuckets } from '../../main/hub/store/flood-buckets';
import { startTestPostgres } from '../../test/helpers/postgres';
import { preparedMessage } from '../../test/hub/prepared-message';
import { recording } from '../../test/hub/adapters';

const BATCHES = 30;
const SIZE = 100;
const SENDERS = 500;

const pg = await startTestPostgres();
const seen: string[] = [];
const store = new HubStore(recording(postgresExecutor({ connectionString: await pg.newDatabase(), max: 4 }), seen), Date.now);
await store.migrate();
for (const id of ['plain', 'gated', 'collapse', 'copies']) await store.saveChannel({ id, kind: 'telegram', name: id, config: {}, enabled: true }, { actor: 'bench' });
const intake = new WebhookIntakeStore(store, Date.now);
// The default per-sender limit; the channel's lifted so every message is stored, as in the plain path.
const rates = { perSender: { perMinute: 30, burst: 20 }, perChannel: { perMinute: 1e7, burst: 1e7 } };
const gate = new SharedFloodBuckets(rates);
// The same with the hub's near-duplicate collapse and surge mode (the default window), every text unlike the others.
const collapse = new SharedFloodBuckets(rates, { campaigns: { windowMs: 600_000, surge: { factor: 5, exitFactor: 2, minPerMinute: 1e9 } } });
const unlike = (seed: string) => crypto.createHash('sha256').update(seed).digest('hex').replace(/\d/g, (d) => 'ghijklmnop'[Number(d)]!);

const CAMPAIGN = 'Your company steals from its customers, refund everyone today or we boycott you';
/** `copies`: the first `copies` messages are one campaign's text, each from a sender never seen before. */
const batch = (tag: string, n: number, copies = 0) =>
  Array.from({ length: SIZE }, (_, i) => {
    const id = `${tag}-${n}-${i}`;
    const sender = i < copies ? `new-${tag}-${n}-${i}` : `s${(n * SIZE + i) % SENDERS}`;
    const text = i < copies ? CAMPAIGN : unlike(id);
    const inbound = { platformMessageId: id, platformConversationId: `c-${sender}`, contact: { platformUserId: sender }, direction: 'in', text, sentAt: 1 } as InboundMessage;
    return { inbound, prepared: preparedMessage(id, `c-${sender}`, 1, { contact: { platformUserId: sender } }) };
  });
const withCopies = new SharedFloodBuckets(rates, { campaigns: { windowMs: 600_000, surge: { factor: 5, exitFactor: 2, minPerMinute: 1e9 } } });

async function measure(run: () => Promise<unknown>): Promise<{ wall: number; cpu: number; statements: number }> {
  seen.length = 0;
  const cpu = process.cpuUsage();
  const t = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - t, cpu: (used.user + used.system) / 1000, statements: seen.length };
}

for (let round = 0; round < 3; round++) {
  const zero = () => ({ wall: 0, cpu: 0, statements: 0 });
  const sum = { plain: zero(), gated: zero(), collapse: zero(), copies: zero() };
  let held = 0;
  for (let n = 0; n < BATCHES; n++) {
    const a = batch(`p${round}`, n);
    const b = batch(`g${round}`, n);
    const p = await measure(() => store.ingest('plain', a.map((m) => m.prepared), String(n)));
    const g = await measure(() => intake.acceptPolled('gated', b, String(n), (ms, t) => gate.admitBatch(t, 'gated', ms, Date.now()), (m) => Buffer.from(m.text)));
    const c = batch(`c${round}`, n);
    const k = await measure(() => intake.acceptPolled('collapse', c, String(n), (ms, t) => collapse.admitBatch(t, 'collapse', ms, Date.now()), (m) => Buffer.from(m.text)));
    const d = batch(`d${round}`, n, SIZE / 5);
    const h = await measure(async () => {
      held += (await intake.acceptPolled('copies', d, String(n), (ms, t) => withCopies.admitBatch(t, 'copies', ms, Date.now()), (m) => Buffer.from(m.text))).quarantined;
    });
    if (round === 0 && n === BATCHES - 1) {
      // What a batch that holds copies runs (the last measured), first words of each statement.
      console.log(`statements of a batch holding copies: ${seen.map((q) => q.replace(/\s+/g, ' ').trim().split(' ').slice(0, 4).join(' ')).join(' | ')}`);
    }
    for (const [k2, v] of [['plain', p], ['gated', g], ['collapse', k], ['copies', h]] as const) {
      sum[k2].wall += v.wall;
      sum[k2].cpu += v.cpu;
      sum[k2].statements += v.statements;
    }
  }
  const per = (x: number) => (x / BATCHES).toFixed(1);
  console.log(
    `round ${round + 1} (load ${os.loadavg()[0]!.toFixed(1)}): per ${SIZE}-message batch, ingest ${per(sum.plain.wall)} ms (${per(sum.plain.cpu)} ms CPU, ${per(sum.plain.statements)} statements), gated ${per(sum.gated.wall)} ms (${per(sum.gated.cpu)} ms CPU, ${per(sum.gated.statements)} statements), ratio ${(sum.gated.wall / sum.plain.wall).toFixed(2)}; with collapse ${per(sum.collapse.wall)} ms (${per(sum.collapse.cpu)} ms CPU, ${per(sum.collapse.statements)} statements), ratio ${(sum.collapse.wall / sum.plain.wall).toFixed(2)}`,
  );
  console.log(
    `   with collapse, a fifth of each batch a campaign's copies (${held} of ${BATCHES * (SIZE / 5)} held): ${per(sum.copies.wall)} ms (${per(sum.copies.cpu)} ms CPU, ${per(sum.copies.statements)} statements), against all unlike: CPU ratio ${(sum.copies.cpu / sum.collapse.cpu).toFixed(2)}, wall ratio ${(sum.copies.wall / sum.collapse.wall).toFixed(2)}`,
  );
}
await store.close();
await pg.destroy();
