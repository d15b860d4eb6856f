import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubStore } from '../../main/hub/store';
import { HANDOVER_PICKUP_MS, HubHandover } from '../../main/hub/store/handover';
import { bothAdapters, secondNode } from './adapters';

/**
 * Handover requests on both adapters (`store/handover.ts`): of two nodes claiming at once, one calls the platform; a
 * request ends once, in one audit entry, whichever of "answered", "nobody took it" and "its node stopped" comes first.
 */
const adapters = bothAdapters('hub-handover-');
const it_ = { actor: 'it:test', device: null };

for (const [name, open] of Object.entries(adapters)) {
  describe(`hub handover requests: ${name}`, () => {
    let now = 1_000_000;
    let store: HubStore;
    let other: HubStore;
    let conversationId = 0;
    beforeAll(async () => {
      store = await open(() => now);
      await store.migrate();
      other = secondNode(store, () => now);
      await store.saveChannel({ id: 'fb', kind: 'messenger', name: 'Page', config: {}, enabled: true }, it_);
      await store.ingest('fb', [
        {
          platformMessageId: 'm.1',
          platformConversationId: '6100000000000042',
          contact: { platformUserId: '6100000000000042', displayName: 'Ana' },
          direction: 'in',
          maskedText: 'I want a human',
          sealedText: null,
          sentAt: now,
          attachments: [],
          fields: [],
          seal: () => ({ text: null, fields: [] }),
        },
      ]);
      conversationId = Number((await store.q.get<{ id: number }>('SELECT id FROM conversations'))!.id);
    });
    afterAll(async () => {
      if (other !== store) await other?.close();
      await store?.close();
    });

    const ask = (h: HubHandover, action: 'take' | 'pass' | 'request' = 'take') =>
      h.ask({ conversationId, channelId: 'fb', platformConversationId: '6100000000000042', action, actor: { actor: 'amal', device: 'desk-1' } });
    const audits = async () =>
      (await store.q.all<{ actor: string; device: string; details: string }>("SELECT actor, device, details FROM audit WHERE action = 'conversation.thread_control' ORDER BY seq")).map((a) => ({
        actor: a.actor,
        device: a.device,
        details: JSON.parse(a.details) as Record<string, unknown>,
      }));

    it('gives a waiting request to one of two nodes claiming at once, and records its answer once', async () => {
      const a = new HubHandover(store);
      const b = new HubHandover(other);
      const id = await ask(a);
      expect((await a.get(id))!.state).toBe('waiting');
      const [x, y] = await Promise.all([a.claim(['fb']), b.claim(['fb'])]);
      expect(x.length + y.length).toBe(1);
      expect([...x, ...y][0]).toMatchObject({ id, action: 'take', platformConversationId: '6100000000000042', state: 'calling', actor: 'amal' });
      expect(await a.claim(['fb', 'other'])).toEqual([]);
      expect(await a.finish(id, { done: true }, 'node-1')).toBe(true);
      expect(await b.finish(id, { code: 'connector_rejected', reason: 'late' }, 'node-2')).toBe(false);
      expect(await a.expire(id, 'too late')).toBe(false);
      expect(await a.get(id)).toMatchObject({ state: 'done', code: null });
      expect(await audits()).toEqual([{ actor: 'amal', device: 'desk-1', details: { channel: 'fb', action: 'take', outcome: 'done', node: 'node-1' } }]);
    });

    it('ends a request nobody took as "not running", and one whose node stopped mid-call as unknown', async () => {
      const h = new HubHandover(store);
      const idle = await ask(h, 'request');
      expect(await h.expire(idle, 'No hub node is running this channel right now.')).toBe(true);
      expect(await h.claim(['fb'])).toEqual([]); // an expired request is never called afterwards
      expect(await h.get(idle)).toMatchObject({ state: 'unanswered', code: 'channel_not_running', reason: 'No hub node is running this channel right now.' });

      const cut = await ask(h, 'pass');
      expect((await h.claim(['fb'])).map((r) => r.id)).toEqual([cut]);
      expect(await h.expire(cut, 'no')).toBe(false); // taken: it is no longer waiting
      expect(await h.recoverInterrupted('fb', 'The node stopped.')).toBe(1);
      expect(await h.get(cut)).toMatchObject({ state: 'unknown', code: 'thread_control_interrupted' });
      expect((await audits()).slice(1).map((a) => a.details)).toEqual([
        { channel: 'fb', action: 'request', outcome: 'refused', code: 'channel_not_running' },
        { channel: 'fb', action: 'pass', outcome: 'unknown' },
      ]);
    });

    it('never calls a request that waited past the pickup time (its asker gave up): it ends "not running" instead', async () => {
      const h = new HubHandover(store);
      const stale = await ask(h, 'take');
      now += HANDOVER_PICKUP_MS;
      expect(await h.claim(['fb'])).toEqual([]);
      expect(await h.get(stale)).toMatchObject({ state: 'unanswered', code: 'channel_not_running' });
      expect((await audits()).at(-1)!.details).toEqual({ channel: 'fb', action: 'take', outcome: 'refused', code: 'channel_not_running' });
    });
  });
}
