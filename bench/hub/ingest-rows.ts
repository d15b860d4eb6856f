/**
 * What an ingest batch writes besides its messages, counted (not timed: the figures do not depend on the machine's
 * load): the row versions each batch inserts and updates in `conversations`, `conversation_labels` and `contacts`
 * (PostgreSQL's own counters for the transaction, `pg_stat_xact_user_tables`, read at its start and before COMMIT),
 * and the WAL the whole run writes. The ingest bench's shape (`bench/hub/run.ts --ingest-only`): batches of 50 over
 * the same 50 conversations, a fifth of them labelled; the first batch opens them all.
 *
 *   node --import tsx bench/hub/ingest-rows.ts [--batches 60]
 */
import { HubStore, postgresExecutor } from '../../main/hub/store';
import { HubLabels } from '../../main/hub/store/labels';
import { startTestPostgres } from '../../test/helpers/postgres';
import { preparedMessage } from '../../test/hub/prepared-message';
import { countingRowVersions, type RowVersions } from '../../test/hub/row-versions';

const argv = process.argv.slice(2);
const BATCHES = argv.includes('--batches') ? Number(argv[argv.indexOf('--batches') + 1]) : 60;
const SIZE = 50;
const TABLES = ['conversations', 'conversation_labels', 'contacts'] as const;
type Counts = Record<(typeof TABLES)[number], RowVersions>;

const pg = await startTestPostgres();
try {
  const q = postgresExecutor({ connectionString: await pg.newDatabase(), max: 2 });
  const store = new HubStore(q, Date.now);
  await store.migrate();
  await store.saveChannel({ id: 'tg', kind: 'telegram', name: 'tg', config: {}, enabled: true }, { actor: 'bench' });
  const batch = (n: number) => Array.from({ length: SIZE }, (_, i) => preparedMessage(`m-${n}-${i}`, String(7000 + (i % 50)), 1_700_000_000_000 + n * SIZE + i, { contact: { platformUserId: String(7000 + (i % 50)), displayName: `Customer ${i % 50}` } }));
  const totals: Counts[] = [];
  const counted = countingRowVersions(q, TABLES, (written) => totals.push(Object.fromEntries(written) as Counts));
  await store.ingest('tg', batch(0), undefined, counted);
  const labels = new HubLabels(store);
  const label = await labels.create('vip', { actor: 'bench', device: null });
  for (const c of (await store.conversations({ limit: 50 })).filter((_, i) => i % 5 === 0)) await labels.setOnConversation(c.id, [label.id], { actor: 'bench', device: null });
  const lsn = async () => (await q.get<{ l: string }>('SELECT pg_current_wal_insert_lsn() AS l'))!.l;
  const start = await lsn();
  for (let n = 1; n < BATCHES; n++) await store.ingest('tg', batch(n), undefined, counted);
  const wal = Number((await q.get<{ b: string }>('SELECT pg_wal_lsn_diff(?, ?) AS b', [await lsn(), start]))!.b);
  const later = totals.slice(1);
  const mean = (table: (typeof TABLES)[number], k: 'ins' | 'upd' | 'hot', rows: Counts[]) => (rows.reduce((a, r) => a + r[table][k], 0) / rows.length).toFixed(1);
  console.log(`ingest rows per batch of ${SIZE} over 50 conversations (10 labelled), ${BATCHES} batches`);
  console.log(`  first batch (opens the 50): ${TABLES.map((n) => `${n} +${totals[0]![n].ins} inserted, ${totals[0]![n].upd} updated`).join('; ')}`);
  console.log(`  each later batch (mean):    ${TABLES.map((n) => `${n} +${mean(n, 'ins', later)} inserted, ${mean(n, 'upd', later)} updated (${mean(n, 'hot', later)} HOT)`).join('; ')}`);
  console.log(`  WAL written by the ${BATCHES - 1} later batches: ${(wal / 1024).toFixed(0)} KiB (${(wal / (BATCHES - 1) / 1024).toFixed(1)} KiB a batch)`);
  await store.close();
} finally {
  await pg.destroy();
}
