import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresLeases } from '../../main/hub/leases';
import { applyRetentionUnderLease, RETENTION_LEASE, scheduleRetention } from '../../main/hub/retention-schedule';
import { HubRetention, HubStore, postgresExecutor } from '../../main/hub/store';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { preparedMessage } from './prepared-message';

const DAY = 24 * 60 * 60 * 1000;
const actor = { actor: 'hub:test' };

/**
 * Retention on a team hub (PostgreSQL, two nodes): one node at a time applies it, under a lease that IT's on-demand
 * run takes too; the schedule applies it on its own, in bounded runs that finish the backlog over several ticks.
 */
describe('hub retention schedule', () => {
  let pg: TestPostgres;
  let store: HubStore;
  const t = 500 * DAY;
  const now = () => t;
  const leases: Array<ReturnType<typeof postgresLeases>> = [];

  beforeAll(async () => {
    pg = await startTestPostgres();
    store = new HubStore(postgresExecutor({ connectionString: pg.url, max: 4 }), now);
    await store.migrate();
    await store.saveChannel({ id: 'tg', kind: 'telegram', name: 'bot', config: {}, enabled: true }, actor);
    for (let i = 0; i < 2; i++) leases.push(postgresLeases(pg.url, () => {}));
  }, 60_000);

  afterAll(async () => {
    for (const l of leases) await l.close();
    await store?.close();
    await pg?.destroy();
  });

  it('runs on one node at a time: while one holds the lease, the other (or IT) gets null and changes nothing', async () => {
    const retention = new HubRetention(store, { batch: 10 });
    await store.ingest('tg', Array.from({ length: 5 }, (_, i) => preparedMessage(`a${i}`, `a${i}`, t - 40 * DAY)));
    await retention.setPolicy('tg', 'all', 30, actor);
    expect(await leases[0]!.tryAcquire(RETENTION_LEASE)).toBe(true);
    expect(await applyRetentionUnderLease({ retention, leases: leases[1]!, actor })).toBeNull();
    expect(await store.q.get<{ n: number }>('SELECT COUNT(*) AS n FROM conversations')).toEqual({ n: 5 });
    await leases[0]!.release(RETENTION_LEASE);
    const [r] = (await applyRetentionUnderLease({ retention, leases: leases[1]!, actor }))!;
    expect(r).toMatchObject({ conversationsDeleted: 5, messagesDeleted: 5, done: true });
    // The lease was let go after the run: the first node may take the next turn.
    expect(await leases[0]!.tryAcquire(RETENTION_LEASE)).toBe(true);
    await leases[0]!.release(RETENTION_LEASE);
  });

  it('a run asked to stop ends between two batches, and the next run resumes', async () => {
    const retention = new HubRetention(store, { batch: 20 });
    await store.ingest('tg', Array.from({ length: 3 }, (_, i) => preparedMessage(`s${i}`, `s${i}`, t - 40 * DAY)));
    let asked = 0;
    const [first] = await retention.apply(actor, { stopping: () => asked++ >= 1 });
    expect(first).toMatchObject({ conversationsDeleted: 1, done: false });
    expect(await store.q.get<{ n: number }>('SELECT COUNT(*) AS n FROM conversations')).toEqual({ n: 2 });
    const [rest] = await retention.apply(actor);
    expect(rest).toMatchObject({ conversationsDeleted: 2, done: true });
  });

  it('the schedule applies every policy by itself, a bounded number of batches per tick, until the backlog is gone', async () => {
    const retention = new HubRetention(store, { batch: 20 });
    // 12 stale conversations, 1 per batch (batch ÷ 20), 2 batches per tick: several ticks are needed.
    await store.ingest('tg', Array.from({ length: 12 }, (_, i) => preparedMessage(`b${i}`, `b${i}`, t - 40 * DAY)));
    const lines: string[] = [];
    const schedule = scheduleRetention({ retention, leases: leases[0]!, actor, maxBatches: 2, everyMs: 20, log: (l) => lines.push(`${l.event} ${l.detail ?? ''}`) });
    try {
      const deadline = Date.now() + 30_000;
      while ((await store.q.get<{ n: number }>('SELECT COUNT(*) AS n FROM conversations'))!.n > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    } finally {
      await schedule.stop();
    }
    expect(await store.q.get<{ n: number }>('SELECT COUNT(*) AS n FROM conversations')).toEqual({ n: 0 });
    expect(lines.filter((l) => l.startsWith('retention.applied')).length).toBeGreaterThanOrEqual(6);
    expect(lines.some((l) => l.includes('more next time'))).toBe(true);
    expect(lines.filter((l) => l.startsWith('retention.failed'))).toEqual([]);
  });
});
