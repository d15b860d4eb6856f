import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventFeed } from '../../main/hub/feed';
import { HubStore, sqliteExecutor } from '../../main/hub/store';
import { tmpDir } from '../helpers/tmp';

/** The node's event ring answers catch-up exactly as the event table does, and serialises each event and frame once. */
describe('event feed ring', () => {
  let store: HubStore;
  let feed: EventFeed;
  beforeAll(async () => {
    store = new HubStore(sqliteExecutor(path.join(tmpDir('hub-feed-'), 'hub.sqlite')), () => 1_000);
    await store.migrate();
    feed = new EventFeed(store, { ringSize: 40, pollMs: 60_000 });
    await feed.start();
    await store.q.tx(async (t) => {
      for (let i = 0; i < 60; i++) await store.emit(t, 'note.added', i % 7 ? 'conversation' : `user:${i}`, { i }, { channelId: 'tg', conversationId: 1 });
    });
    await feed.wake();
  });
  afterAll(async () => {
    await feed?.stop();
    await store?.close();
  });

  it('returns what the table returns after any cursor, from the ring or past its start', async () => {
    const last = await store.latestEventSeq();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: last + 2 }), fc.integer({ min: 1, max: 70 }), async (seq, limit) => {
        expect((await feed.after(seq, limit)).map((e) => e.seq)).toEqual((await store.eventsAfter(seq, limit)).map((e) => e.seq));
      }),
      { numRuns: 200 },
    );
  });

  it('serialises an event once and builds a frame once per key', async () => {
    const [e] = await feed.after(50, 1);
    expect(feed.wire(e!)).toBe(JSON.stringify({ seq: e!.seq, at: e!.at, kind: e!.kind, payload: e!.payload }));
    let builds = 0;
    const a = feed.frame('50:51:agent|', () => `{"n":${++builds}}`);
    const b = feed.frame('50:51:agent|', () => `{"n":${++builds}}`);
    const c = feed.frame('50:51:lead|', () => `{"n":${++builds}}`);
    expect(b).toBe(a);
    expect(c.toString()).toBe('{"n":2}');
    expect(builds).toBe(2);
  });
});
