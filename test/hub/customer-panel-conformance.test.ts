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

    // PostgreSQL's plans, on enough rows (20,000 messages, analysed) that its planner weighs a scan against the indexes
    // as it would on a large table: every table reached by an index, never scanned.
    it.runIf(name === 'postgres')('reads keyed ranges only on PostgreSQL: index scans of messages, their fields and the contact\'s conversations', async () => {
      await store.q.run("INSERT INTO contacts (channel_id, platform_user_id, display_name) SELECT 'tg', 'gen-' || g, 'Gen ' || g FROM generate_series(1, 2000) g");
      await store.q.run(`INSERT INTO conversations (channel_id, platform_conversation_id, contact_id, status, last_message_at, version)
        SELECT 'tg', 'gen-c' || k.id, k.id, 'open', 1700000000000 + k.id, 1 FROM contacts k WHERE k.platform_user_id LIKE 'gen-%'`);
      await store.q.run(`INSERT INTO messages (conversation_id, channel_id, platform_message_id, direction, masked_text, sent_at)
        SELECT c.id, 'tg', 'gen-m' || c.id || '-' || g, CASE WHEN g % 10 = 0 THEN 'out' ELSE 'in' END, 'call me ⟦PHONE·…19⟧', 1700000000000 + g
          FROM conversations c CROSS JOIN generate_series(1, 10) g WHERE c.platform_conversation_id LIKE 'gen-c%'`);
      await store.q.run(`INSERT INTO message_fields (message_id, n, type, shown, sealed)
        SELECT id, 0, 'PHONE', '…19', '\\x00'::bytea FROM messages WHERE platform_message_id LIKE 'gen-m%' AND id % 3 = 0`);
      await store.q.run('ANALYZE');
      const one = (await store.q.get<{ id: number; contact_id: number }>("SELECT id, contact_id FROM conversations WHERE platform_conversation_id LIKE 'gen-c%' ORDER BY id LIMIT 1 OFFSET 1000"))!;
      type Node = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: Node[] };
      const nodes = async (sql: string, params: unknown[]) => {
        const [row] = await store.q.all<{ 'QUERY PLAN': Array<{ Plan: Node }> }>(`EXPLAIN (FORMAT JSON) ${sql}`, params as never[]);
        const out: Node[] = [];
        const walk = (n: Node) => (out.push(n), n.Plans?.forEach(walk));
        walk(row!['QUERY PLAN'][0]!.Plan);
        return out;
      };
      const details = await nodes(CUSTOMER_PANEL_SQL.details, [Number(one.id), ...CONTACT_FIELD_TYPES, 1000]);
      const earlier = await nodes(CUSTOMER_PANEL_SQL.earlier, [Number(one.contact_id), Number(one.id), 10]);
      const reads = (list: Node[]) => list.filter((n) => n['Relation Name'] || n['Index Name']).map((n) => `${n['Node Type']} ${n['Relation Name'] ?? ''} ${n['Index Name'] ?? ''}`.trim());
      for (const step of reads([...details, ...earlier])) expect(step).not.toMatch(/^Seq Scan/);
      expect(reads(details).join('\n')).toMatch(/Index Scan.* (on )?(messages )?messages_\w+/);
      expect(reads(details).join('\n')).toMatch(/Index Scan.* message_fields_pkey/);
      expect(reads(earlier).join('\n')).toMatch(/Index Scan conversations conversations_contact/);
    });
  });
}
