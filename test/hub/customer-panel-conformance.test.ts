import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubStore, type PreparedMessage } from '../../main/hub/store';
import { customerPanel } from '../../main/hub/store/customer-panel';
import { bothAdapters } from './adapters';
import { preparedMessage } from './prepared-message';

/**
 * The customer panel at the hub (issue #26), on both adapters: the contact details of every customer message of the
 * conversation (oldest first, once each, the panel's rule), and the same customer's other conversations, newest first,
 * only those the asker may read.
 */
const adapters = bothAdapters('hub-customer-panel-');
const actor = { actor: 'test', device: null };

const say = (id: string, chat: string, sentAt: number, maskedText: string, types: string[] = [], user = 'huda'): PreparedMessage =>
  preparedMessage(id, chat, sentAt, {
    contact: { platformUserId: user, displayName: user },
    maskedText,
    fields: types.map((type) => ({ type, shown: '…19' })),
    seal: () => ({ text: Buffer.from('sealed'), fields: types.map(() => Buffer.from('sealed')) }),
  });

for (const [name, open] of Object.entries(adapters)) {
  describe(`customer panel at the hub: ${name}`, () => {
    let store: HubStore;
    beforeAll(async () => {
      store = await open(() => 1_000);
      await store.migrate();
      await store.saveChannel({ id: 'tg', kind: 'telegram', name: 'Telegram', config: {}, enabled: true }, actor);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('reads the details of the whole conversation and lists the customer’s other conversations the asker may read', async () => {
      await store.ingest('tg', [say('g1', 'group', 100, 'is the shop open?')]);
      await store.ingest('tg', [say('other', 'someone-else', 150, 'hello', [], 'sara')]);
      const r = await store.ingest('tg', [
        say('p1', 'private', 200, 'call me on ⟦PHONE·…19⟧', ['PHONE']),
        ...Array.from({ length: 30 }, (_, i) => say(`p-${i}`, 'private', 300 + i, 'any news?')),
        say('p2', 'private', 400, 'or write to ⟦EMAIL·…om⟧, or ⟦PHONE·…19⟧ again', ['EMAIL', 'PHONE']),
      ]);
      const c = (await store.conversation(r.conversationIds[0]!))!;
      const group = (await store.conversations({ limit: 10 })).find((x) => x.id !== c.id && x.contact.id === c.contact.id)!;
      expect(group).toBeDefined();

      const panel = await customerPanel(store.q, c, () => true);
      expect(panel.fields).toEqual([
        { label: 'PHONE', maskedText: '⟦PHONE·…19⟧' },
        { label: 'EMAIL', maskedText: '⟦EMAIL·…om⟧' },
      ]);
      expect(panel.earlier).toEqual([{ id: group.id, channelId: 'tg', status: 'open', lastMessageAt: 100, preview: 'is the shop open?' }]);
      // A role that may not read the channel is told of no other conversation.
      expect((await customerPanel(store.q, c, () => false)).earlier).toEqual([]);
      expect((await customerPanel(store.q, group, () => true)).earlier.map((e) => e.id)).toEqual([c.id]);
    });
  });
}
