import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubStore, type PreparedMessage } from '../../main/hub/store';
import { CONTACT_FIELD_TYPES } from '../../main/core/store';
import { CUSTOMER_PANEL_SQL, customerPanel } from '../../main/hub/store/customer-panel';
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

    // SQLite's plans (PostgreSQL plans a table this small by scanning it, which says nothing of a large one).
    it.runIf(name === 'sqlite')('reads keyed ranges only: the conversation\'s messages, their fields and the contact\'s conversations', async () => {
      const plan = async (sql: string, params: unknown[]) => (await store.q.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params as never[])).map((r) => r.detail);
      const details = await plan(CUSTOMER_PANEL_SQL.details, [1, ...CONTACT_FIELD_TYPES, 1000]);
      const earlier = await plan(CUSTOMER_PANEL_SQL.earlier, [1, 1, 10]);
      for (const step of [...details, ...earlier]) expect(step).not.toMatch(/^SCAN /);
      expect(details.join('\n')).toMatch(/SEARCH m USING INDEX messages_\w+ \(conversation_id=/);
      expect(details.join('\n')).toMatch(/SEARCH f (EXISTS )?USING (PRIMARY KEY|INDEX \w+) \(message_id=/);
      expect(earlier.join('\n')).toMatch(/SEARCH c USING INDEX conversations_contact \(contact_id=\?\)/);
    });
  });
}
