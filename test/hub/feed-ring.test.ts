import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { HubAccounts } from '../../main/hub/accounts';
import { EventFeed } from '../../main/hub/feed';
import { HubStore, sqliteExecutor, type HubUser } from '../../main/hub/store';
import { ConsoleStream } from '../../main/hub/stream';
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

  it('shares a frame only between readers who may see the same events', async () => {
    const actor = { actor: 'test' };
    const make = async (username: string, role: 'agent' | 'lead', channels: string[]) => {
      const u = await store.createUser({ username, displayName: username, role, passwordHash: 'h' }, actor);
      if (channels.length) await store.updateUser(u.id, { channels }, { ...actor, action: 'user.channels' });
      return (await store.userById(u.id))!;
    };
    const lead = await make('lead1', 'lead', []);
    const agentTg = await make('agent-tg', 'agent', ['tg']);
    const agentMail = await make('agent-mail', 'agent', ['mail']);
    const twin = await make('agent-tg-2', 'agent', ['tg']);
    const start = await store.latestEventSeq();
    await store.q.tx(async (t) => {
      await store.emit(t, 'conversation.updated', 'conversation', { on: 'tg' }, { channelId: 'tg', conversationId: 1 });
      await store.emit(t, 'conversation.updated', 'conversation', { on: 'mail' }, { channelId: 'mail', conversationId: 2 });
      await store.emit(t, 'reveal.requested', 'leads', { for: 'leads' });
      await store.emit(t, 'reveal.decided', `user:${agentTg.id}`, { for: agentTg.id });
    });
    await feed.wake();
    const received = new Map<string, { frames: Buffer[]; binary: boolean[] }>();
    const streams: ConsoleStream[] = [];
    const open = (user: HubUser) => {
      const got = { frames: [] as Buffer[], binary: [] as boolean[] };
      received.set(user.username, got);
      const ws = {
        bufferedAmount: 0,
        on: () => ws,
        send: (data: Buffer, o: { binary?: boolean }) => {
          got.frames.push(data);
          got.binary.push(o.binary !== false);
        },
        close: () => {},
      } as unknown as WebSocket;
      const accounts = { touch: async () => true } as unknown as HubAccounts;
      streams.push(new ConsoleStream(ws, { user, device: 'd', tokenHash: 'x' }, start, feed, store, accounts, { maxBufferedBytes: 1 << 20, batch: 500 }, () => {}));
    };
    for (const u of [lead, agentTg, agentMail, twin]) open(u);
    // Each stream has passed the last event (sent it, or left it out for this reader).
    const last = await store.latestEventSeq();
    await expect.poll(() => streams.every((s) => s.cursor >= last)).toBe(true);
    for (const s of streams) s.end(1000, 'test over');
    const seen = (name: string) => {
      const got = received.get(name)!;
      expect(got.binary.every((b) => !b)).toBe(true);
      return got.frames.flatMap((f) => (JSON.parse(f.toString()) as { events: Array<{ payload: unknown }> }).events.map((e) => e.payload));
    };
    expect(seen('lead1')).toEqual([{ on: 'tg' }, { on: 'mail' }, { for: 'leads' }]);
    expect(seen('agent-tg')).toEqual([{ on: 'tg' }, { for: agentTg.id }]);
    expect(seen('agent-mail')).toEqual([{ on: 'mail' }]);
    expect(seen('agent-tg-2')).toEqual([{ on: 'tg' }]);
  });
});
