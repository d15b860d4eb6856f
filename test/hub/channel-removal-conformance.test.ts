import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubStore, type HubChannel, type PreparedMessage } from '../../main/hub/store';
import { HubChannelRemoval } from '../../main/hub/store/channel-removal';
import { HubChannelSetup } from '../../main/hub/store/channel-setup';
import { channelAdminRoutes } from '../../main/hub/routes/channel-admin';
import type { ApiDeps, AreaHelpers } from '../../main/hub/routes/route';
import type { SignedIn } from '../../main/hub/accounts';
import { bothAdapters } from './adapters';

/** Removing and testing a team channel from a console, at the hub's store and route — one suite, both adapters. */
const adapters = bothAdapters('hub-channel-removal-');
const by = { actor: 'salma', device: 'd'.repeat(64) };

const message = (n: number): PreparedMessage => ({
  platformMessageId: `m${n}`,
  platformConversationId: `c${n}`,
  contact: { platformUserId: `u${n}`, displayName: `Customer ${n}` },
  direction: 'in',
  maskedText: 'hello',
  sealedText: null,
  sentAt: 1000 + n,
  attachments: [],
  fields: [],
  seal: () => ({ text: null, fields: [] }),
});

for (const [name, open] of Object.entries(adapters)) {
  describe(`hub channel removal conformance: ${name}`, () => {
    let store: HubStore;
    const channel: HubChannel = { id: 'tg', kind: 'telegram', name: 'Support bot', config: {}, enabled: true };
    beforeAll(async () => {
      store = await open(() => 50_000);
      await store.migrate();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('switches the channel off and marks it removed, deletes the secrets consoles saved, keeps its conversations, with its event and audit entry in one transaction; saving the id again brings it back', async () => {
      const setup = new HubChannelSetup(store);
      await setup.save(channel, [{ name: 'tg.token', sealed: Buffer.from('sealed-token') }, { name: 'tg.app-secret', sealed: Buffer.from('sealed-app') }], by);
      await store.saveChannel({ id: 'wa', kind: 'whatsapp', name: 'Other', config: {}, enabled: true }, by);
      await store.ingest('tg', [message(1), message(2)]);
      const seq = await store.latestEventSeq();

      const removal = new HubChannelRemoval(store);
      expect(await removal.remove('tg', by)).toEqual({ conversationsKept: 2, secretsDeleted: 2 });
      expect((await store.channels()).find((c) => c.id === 'tg')).toMatchObject({ enabled: false });
      expect([...(await removal.removedIds())]).toEqual(['tg']);
      expect(await store.q.all('SELECT name FROM hub_secrets WHERE name LIKE ?', ['tg.%'])).toEqual([]);
      expect(Number((await store.q.get<{ n: number }>("SELECT count(*) AS n FROM conversations WHERE channel_id = 'tg'"))!.n)).toBe(2);
      const events = await store.eventsAfter(seq);
      expect(events.map((e) => [e.kind, e.payload])).toEqual([['channel.updated', { id: 'tg', kind: 'telegram', name: 'Support bot', enabled: false, removed: true }]]);
      const audit = await store.q.all<{ action: string; target: string; details: string }>('SELECT action, target, details FROM audit ORDER BY seq DESC LIMIT 1');
      expect(audit[0]).toMatchObject({ action: 'channel.removed', target: 'channel:tg' });
      expect(JSON.parse(audit[0]!.details)).toEqual({ kind: 'telegram', conversationsKept: 2, secretsDeleted: 2 });
      // Once is enough: removing it again is refused with a sentence, and nothing is written.
      await expect(removal.remove('tg', by)).rejects.toMatchObject({ code: 'channel_unknown' });
      expect(await store.eventsAfter(seq)).toHaveLength(1);

      await setup.save({ ...channel, name: 'Support bot again' }, [], by);
      expect(await removal.removedIds()).toEqual(new Set());
      expect((await store.channels()).find((c) => c.id === 'tg')).toMatchObject({ enabled: true, name: 'Support bot again' });
    });

    it('the routes: Test answers with the node\'s check and audits its outcome; Remove and Test of a removed channel say it is gone', async () => {
      await store.saveChannel({ id: 'x1', kind: 'x', name: 'X', config: {}, enabled: true }, by);
      const checked: string[] = [];
      const d = { store, checkChannel: async (c: HubChannel) => (checked.push(c.id), { outcome: 'token_rejected' as const, detail: 'X refused the token.' }) } as unknown as ApiDeps;
      const h = { actorOf: () => by } as unknown as AreaHelpers;
      const [route] = channelAdminRoutes(d, h);
      const call = (id: string, action: string) => route!.handle({ who: {} as SignedIn, params: [id, action], body: undefined, query: new URLSearchParams() } as never);
      expect(route!.path.exec('/v1/admin/channels/x1/test')?.slice(1)).toEqual(['x1', 'test']);
      expect(route!.path.test('/v1/admin/channels/../remove')).toBe(false);
      expect(await call('x1', 'test')).toEqual({ outcome: 'token_rejected', detail: 'X refused the token.' });
      expect(checked).toEqual(['x1']);
      const last = await store.q.get<{ action: string; details: string }>('SELECT action, details FROM audit ORDER BY seq DESC LIMIT 1');
      expect(last).toMatchObject({ action: 'channel.tested' });
      expect(JSON.parse(last!.details)).toEqual({ kind: 'x', outcome: 'token_rejected' });
      expect(await call('x1', 'remove')).toEqual({ conversationsKept: 0, secretsDeleted: 0 });
      await expect(call('x1', 'test')).rejects.toMatchObject({ code: 'channel_unknown' });
      await expect(call('x1', 'remove')).rejects.toMatchObject({ code: 'channel_unknown' });
      expect(checked).toEqual(['x1']);
    });
  });
}
