import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubStore, type PreparedMessage } from '../../main/hub/store';
import { ownReveals } from '../../main/hub/store/own-reveals';
import { bothAdapters } from './adapters';

const adapters = bothAdapters('hub-own-reveals-');
const actor = { actor: 'test', device: null };

const card = (id: string): PreparedMessage => ({
  platformMessageId: id,
  platformConversationId: 'chat-1',
  contact: { platformUserId: 'u-1', displayName: 'Ana' },
  direction: 'in',
  maskedText: 'my card ⟦CARD·…1111⟧',
  sealedText: null,
  sentAt: 1_000,
  attachments: [],
  fields: [{ type: 'CARD', shown: '…1111' }],
  seal: (messageId) => ({ text: Buffer.from(`sealed-text-${messageId}`), fields: [Buffer.from(`sealed-field-${messageId}`)] }),
});

/**
 * What a console lists again after its person signs back in (`GET /v1/reveals/mine`), the same on both adapters: their
 * own requests from that device that a lead decides, waiting or decided, until they run out — never one granted at
 * once, another person's, another device's, or one that is over.
 */
for (const [name, open] of Object.entries(adapters)) {
  describe(`a person's own reveal requests: ${name}`, () => {
    let store: HubStore;
    let t = 10_000;
    const now = () => t;
    beforeAll(async () => {
      store = await open(now);
      await store.migrate();
      await store.saveChannel({ id: 'tg', kind: 'telegram', name: 'Telegram', config: {}, enabled: true }, actor);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('lists waiting and lead-decided requests of this person on this device, while they last', async () => {
      await store.ingest('tg', [card('m1')], 'c1');
      const [conv] = await store.conversations();
      const [msg] = await store.messages(conv!.id);
      const amal = await store.createUser({ username: 'amal', displayName: 'Amal', role: 'agent', passwordHash: 'h' }, actor);
      const sara = await store.createUser({ username: 'sara', displayName: 'Sara', role: 'agent', passwordHash: 'h' }, actor);
      const lead = await store.createUser({ username: 'layla', displayName: 'Layla', role: 'lead', passwordHash: 'h' }, actor);
      const ask = (requesterId: number, device: string, state: 'pending' | 'granted', expiresAt: number) =>
        store.createReveal({ messageId: msg!.id, fieldN: 0, requesterId, device, reason: 'customer disputes a charge', state, expiresAt }, actor);

      const waiting = await ask(amal.id, 'desk-1', 'pending', t + 60_000);
      const approved = await ask(amal.id, 'desk-1', 'pending', t + 60_000);
      await store.decideReveal(approved.id, lead.id, true, t + 300_000, actor);
      const declined = await ask(amal.id, 'desk-1', 'pending', t + 60_000);
      await store.decideReveal(declined.id, lead.id, false, t + 120_000, actor);
      await ask(amal.id, 'desk-1', 'granted', t + 300_000); // at once: seen when asked
      await ask(amal.id, 'desk-2', 'pending', t + 60_000); // another computer
      await ask(sara.id, 'desk-1', 'pending', t + 60_000); // another person

      const mine = await ownReveals(store, amal.id, 'desk-1');
      expect(mine.map((r) => [r.id, r.state])).toEqual([
        [declined.id, 'denied'],
        [approved.id, 'granted'],
        [waiting.id, 'pending'],
      ]);
      expect(mine[0]).toMatchObject({ messageId: msg!.id, fieldN: 0, type: 'CARD', channelId: 'tg' });
      expect(JSON.stringify(mine)).not.toContain('sealed');
      // Each goes when it runs out: the waiting one and the declined one first, the approved grant later.
      t += 120_000;
      expect((await ownReveals(store, amal.id, 'desk-1')).map((r) => r.id)).toEqual([approved.id]);
      t += 300_000;
      expect(await ownReveals(store, amal.id, 'desk-1')).toEqual([]);
    });
  });
}
