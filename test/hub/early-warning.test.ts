import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GUARD_POLICY } from '../../main/core/guard';
import { HubEarlyWarning } from '../../main/hub/early-warning';
import { EventFeed } from '../../main/hub/feed';
import { postgresLeases } from '../../main/hub/leases';
import { HubStore, postgresExecutor, type PreparedMessage } from '../../main/hub/store';
import { HubLeadReview } from '../../main/hub/store/lead-review';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { preparedMessage } from './prepared-message';

function customer(n: number, text: string): PreparedMessage {
  return preparedMessage(`ew-${n}`, `chat-${n}`, 1_000, { contact: { platformUserId: `u-${n}` }, maskedText: text });
}

/**
 * Security early warning at the hub, on PostgreSQL with two nodes watching: a spike of "my account was hacked" is
 * raised once for the team (the node holding the lease), and another node takes over when that one stops.
 */
describe('hub early warning', () => {
  let pg: TestPostgres;
  let store: HubStore;
  let t = 5 * 3_600_000;
  const now = () => t;
  const nodes: Array<{ feed: EventFeed; leases: ReturnType<typeof postgresLeases>; watch: HubEarlyWarning; stop: () => void; stopped?: boolean }> = [];

  beforeAll(async () => {
    pg = await startTestPostgres();
    store = new HubStore(postgresExecutor({ connectionString: pg.url, max: 4 }), now);
    await store.migrate();
    await store.saveChannel({ id: 'tg', kind: 'telegram', name: 'bot', config: {}, enabled: true }, { actor: 'it:test' });
    for (let i = 0; i < 2; i++) {
      const feed = new EventFeed(store, { pollMs: 60_000 });
      await feed.start();
      const leases = postgresLeases(pg.url, () => {});
      const watch = new HubEarlyWarning({ feed, leases, review: new HubLeadReview(store), policy: DEFAULT_GUARD_POLICY });
      nodes.push({ feed, leases, watch, stop: watch.start() });
    }
  }, 60_000);

  afterAll(async () => {
    for (const n of nodes) {
      n.stop();
      await n.feed.stop();
      if (!n.stopped) await n.leases.close();
    }
    await store?.close();
    await pg?.destroy();
  });

  const settle = async () => {
    for (const n of nodes) if (!n.stopped) await n.feed.wake();
    for (const n of nodes) if (!n.stopped) await n.watch.run();
  };
  const spikes = async () => (await new HubLeadReview(store).alerts()).filter((a) => a.kind === 'security_spike');

  it('stays quiet on ordinary messages and raises one alert for the team on a spike, without customer text', async () => {
    await store.ingest('tg', Array.from({ length: 30 }, (_, i) => customer(i, 'where is my parcel?')));
    await settle();
    expect(await spikes()).toEqual([]);
    await store.ingest('tg', Array.from({ length: 20 }, (_, i) => customer(100 + i, 'my account was hacked, call me on 0912 345 6789')));
    await settle();
    const raised = await spikes();
    expect(raised).toHaveLength(1);
    expect(raised[0]!.details).toMatchObject({ signal: 'hacked' });
    expect((raised[0]!.details.conversationIds as number[]).length).toBeGreaterThanOrEqual(15);
    expect(JSON.stringify(raised)).not.toMatch(/6789|hacked, call/);
    const events = (await store.eventsAfter(0, 10_000)).filter((e) => e.kind === 'alert.raised');
    expect(events.map((e) => e.audience)).toEqual(['leads', 'admins']);
  });

  it('another node takes the watch over when the one holding the lease stops', async () => {
    const holder = nodes.findIndex((n) => n.leases.held().length > 0);
    expect(holder).toBeGreaterThanOrEqual(0);
    expect(nodes.filter((n) => n.leases.held().length > 0)).toHaveLength(1);
    nodes[holder]!.stop();
    await nodes[holder]!.leases.close();
    nodes[holder]!.stopped = true;
    t += 2 * 3_600_000;
    await store.ingest('tg', Array.from({ length: 20 }, (_, i) => customer(200 + i, 'someone logged into my account from an unknown device')));
    await settle();
    expect(nodes[1 - holder]!.leases.held()).toHaveLength(1);
    expect((await spikes()).map((a) => a.details.signal)).toEqual(['unknown_login', 'hacked']);
  });
});
