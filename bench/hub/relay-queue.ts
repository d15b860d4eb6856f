/**
 * The relay queue's bounds at scale (issue #16, relay gaps): what `/healthz` costs when desks have not collected
 * (`relayStates`, read at most every 5 s per node) and how fast the age sweep erases (`HubRelayQueue.expire`, 2,000
 * rows and one audit entry per channel and desk per transaction), on PostgreSQL, at 100k and 1M waiting events spread
 * over three desks of two channels. The peer in the same run is a plain `SELECT COUNT(*)` over the same table.
 *
 *   node --import tsx bench/hub/relay-queue.ts [--10m]
 */
import { relayStates, HubRelayQueue } from '../../main/hub/store/relay-queue';
import { HubStore, postgresExecutor } from '../../main/hub/store';
import { startTestPostgres } from '../../test/helpers/postgres';

const scales = process.argv.includes('--10m') ? [100_000, 1_000_000, 10_000_000] : [100_000, 1_000_000];
const DESKS = ['a', 'b', 'c'].map((c) => c.repeat(64));
const IT = { actor: 'it:bench', device: null };

async function median(n: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return times[Math.floor(n / 2)]!;
}

async function main() {
  const pg = await startTestPostgres();
  try {
    for (const rows of scales) {
      const store = new HubStore(postgresExecutor({ connectionString: await pg.newDatabase(), max: 4 }), () => Date.now());
      await store.migrate();
      for (const [i, fp] of DESKS.entries()) await store.enrolDevice({ fingerprint: fp, publicKey: 'pem', label: `desk ${i + 1}` }, IT);
      await store.saveChannel({ id: 'wa', kind: 'whatsapp', name: 'wa', enabled: true, config: { settings: { relayTo: DESKS } } }, IT);
      await store.saveChannel({ id: 'ig', kind: 'instagram', name: 'ig', enabled: true, config: { settings: { relayTo: DESKS.slice(0, 1) } } }, IT);
      // Events of the last 30 days, the older half past a 14-day limit; a sealed event is about 300 bytes.
      const now = Date.now();
      await store.q.run(
        `INSERT INTO relay_events (channel_id, device, dedup, sealed, created_at)
         SELECT CASE WHEN g % 4 = 0 THEN 'ig' ELSE 'wa' END,
                CASE WHEN g % 4 = 0 THEN '${DESKS[0]}' ELSE (ARRAY['${DESKS[0]}','${DESKS[1]}','${DESKS[2]}'])[1 + g % 3] END,
                'm:' || g, decode(repeat('ab', 300), 'hex'), ${now} - (30::bigint * 86400000 * (${rows} - g) / ${rows})
           FROM generate_series(1, ${rows}) g`,
      );
      await store.q.run('ANALYZE');
      const health = await median(20, () => relayStates(store));
      const peer = await median(20, () => store.q.get('SELECT COUNT(*) AS n FROM relay_events'));
      const queue = new HubRelayQueue(store, { seal: () => Buffer.alloc(0), open: () => '' });
      const t0 = performance.now();
      const erased = (await queue.expire(now - 14 * 86_400_000)).reduce((n, e) => n + e.events, 0);
      const sweepMs = performance.now() - t0;
      const entries = Number((await store.q.get<{ n: string }>("SELECT COUNT(*) AS n FROM audit WHERE action = 'relay.expired'"))!.n);
      console.log(
        `${rows.toLocaleString('en-US')} waiting: relayStates (health) median ${health.toFixed(1)} ms; plain COUNT(*) ${peer.toFixed(1)} ms; ` +
          `expire erased ${erased.toLocaleString('en-US')} in ${(sweepMs / 1000).toFixed(2)} s (${Math.round(erased / (sweepMs / 1000)).toLocaleString('en-US')} rows/s, ${entries} audit entries)`,
      );
      await store.close();
    }
  } finally {
    await pg.destroy();
  }
}

void main();
