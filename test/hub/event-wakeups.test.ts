import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventFeed } from '../../main/hub/feed';
import { HubStore, postgresExecutor, type PreparedMessage } from '../../main/hub/store';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { until } from './harness';

const actor = { actor: 'test', device: null };

function prepared(id: string): PreparedMessage {
  return {
    platformMessageId: id,
    platformConversationId: `chat-${id}`,
    contact: { platformUserId: `u-${id}`, displayName: 'Ana' },
    direction: 'in',
    maskedText: `hello ${id}`,
    sealedText: null,
    sentAt: 1_000,
    attachments: [],
    fields: [],
    seal: (messageId) => ({ text: Buffer.from(`sealed-${messageId}`), fields: [] }),
  };
}

/** The nodes' wake-ups: one NOTIFY per transaction, however many events it writes, and it wakes a feed for all of them. */
describe('hub event wake-ups on PostgreSQL', () => {
  let server: TestPostgres;
  let store: HubStore;
  let listener: pg.Client;
  let feed: EventFeed;
  const notified: string[] = [];

  beforeAll(async () => {
    server = await startTestPostgres();
    store = new HubStore(postgresExecutor({ connectionString: server.url, max: 4 }), Date.now);
    await store.migrate();
    await store.saveChannel({ id: 'tg', kind: 'telegram', name: 'Telegram', config: {}, enabled: true }, actor);
    listener = new pg.Client({ connectionString: server.url });
    await listener.connect();
    listener.on('notification', (n) => notified.push(n.channel));
    await listener.query('LISTEN diwan_events');
    // Only the notification can wake this feed within the test: its safety poll is an hour away.
    feed = new EventFeed(store, { listenUrl: server.url, pollMs: 3_600_000 });
    await feed.start();
  }, 60_000);

  afterAll(async () => {
    await feed?.stop();
    await listener?.end();
    await store?.close();
    await server?.destroy();
  });

  it('a batch of ten messages (twenty events) sends one notification, and the feed reads all twenty', async () => {
    const before = await store.latestEventSeq();
    await until(() => feed.lastSeq === before, 'the feed to start at the end of the table');
    const r = await store.ingest('tg', Array.from({ length: 10 }, (_, i) => prepared(`m${i}`)));
    expect(r.inserted).toBe(10);
    // A second transaction's notification arrives after every notification of the first (same session, commit order).
    await store.ingest('tg', [prepared('last')]);
    await until(() => notified.length >= 2, 'both transactions\' notifications');
    expect(notified).toEqual(['diwan_events', 'diwan_events']);
    const end = await store.latestEventSeq();
    expect(end - before).toBe(22);
    await until(() => feed.lastSeq === end, 'the feed to read every event after one wake-up each');
    expect((await feed.after(before, 100)).map((e) => e.kind)).toEqual(Array.from({ length: 11 }, () => ['conversation.updated', 'message.added']).flat());
  });

  it('an ingest draws no event seq before it holds the event lock (the lock rides in the events statement)', async () => {
    const holder = new pg.Client({ connectionString: server.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock(7241001)');
      const lastSeq = async () => Number((await holder.query("SELECT last_value FROM events_seq_seq")).rows[0].last_value);
      const drawn = await lastSeq();
      const ingest = store.ingest('tg', [prepared('behind-the-lock-1'), prepared('behind-the-lock-2')]);
      const waiting = async () => Number((await holder.query("SELECT COUNT(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 7241001 AND NOT granted")).rows[0].n);
      await until(async () => (await waiting()) === 1, 'the ingest to wait for the event lock');
      // Messages are written, but no event seq is taken while another transaction holds the lock.
      expect(await lastSeq()).toBe(drawn);
      await holder.query('COMMIT');
      expect((await ingest).inserted).toBe(2);
      expect(await lastSeq()).toBe(drawn + 4);
    } finally {
      await holder.end();
    }
  });
});
