import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubStore, type PreparedMessage } from '../../main/hub/store';
import { HubLabels } from '../../main/hub/store/labels';
import { bothAdapters, recording } from './adapters';
import { preparedMessage } from './prepared-message';

/**
 * A label's page comes from the label's own activity index (schema 11): the newest conversations carrying the label,
 * in the same order as the unfiltered list, and kept in step by every change of a conversation's activity.
 */
const adapters = bothAdapters('hub-label-page-');
const actor = { actor: 'test', device: null };

const message = (id: string, chat: string, sentAt: number): PreparedMessage =>
  preparedMessage(id, chat, sentAt, { contact: { platformUserId: `u-${chat}`, displayName: chat }, seal: () => ({ text: Buffer.from('sealed'), fields: [] }) });

for (const [name, open] of Object.entries(adapters)) {
  describe(`label page from an index: ${name}`, () => {
    let store: HubStore;
    beforeAll(async () => {
      store = await open(() => 1_000);
      await store.migrate();
      await store.saveChannel({ id: 'tg', kind: 'telegram', name: 'Telegram', config: {}, enabled: true }, actor);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('lists a label\'s conversations newest first, the same as filtering the full list, through any order of messages and labels', async () => {
      const labels = new HubLabels(store);
      const a = await labels.create(`a-${name}`, actor);
      const b = await labels.create(`b-${name}`, actor);
      const agent = await store.createUser({ username: `agent-${name}`, displayName: 'Agent', role: 'agent', passwordHash: 'x' }, actor);
      let n = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ chat: fc.integer({ min: 0, max: 11 }), at: fc.integer({ min: 1, max: 1_000_000 }), labels: fc.subarray([a.id, b.id]), relabel: fc.boolean() }), { minLength: 1, maxLength: 12 }),
          async (steps) => {
            for (const s of steps) {
              const r = await store.ingest('tg', [message(`m${n++}`, `chat-${s.chat}`, s.at)]);
              if (s.relabel) await labels.setOnConversation(r.conversationIds[0]!, s.labels, actor);
            }
            // One person's conversations (every other one), for the person-and-label page.
            await store.q.run('UPDATE conversations SET assignee_id = CASE WHEN id % 2 = 0 THEN CAST(? AS BIGINT) ELSE NULL END', [agent.id]);
            const all = await store.conversations({ limit: 500 });
            const carrying = await labels.labelIdsOf(all.map((c) => c.id));
            for (const label of [a.id, b.id]) {
              const expected = all.filter((c) => carrying.get(c.id)?.includes(label)).map((c) => c.id);
              expect((await store.conversations({ labelId: label, limit: 500 })).map((c) => c.id)).toEqual(expected);
              expect((await store.conversations({ labelId: label, limit: 3 })).map((c) => c.id)).toEqual(expected.slice(0, 3));
              const open = all.filter((c) => c.status === 'open' && carrying.get(c.id)?.includes(label)).map((c) => c.id);
              expect((await store.conversations({ labelId: label, status: 'open', limit: 500 })).map((c) => c.id)).toEqual(open);
              const hers = all.filter((c) => c.assigneeId === agent.id && carrying.get(c.id)?.includes(label)).map((c) => c.id);
              expect((await store.conversations({ labelId: label, assigneeId: agent.id, limit: 500 })).map((c) => c.id)).toEqual(hers);
              expect((await store.conversations({ labelId: label, assigneeId: agent.id, limit: 2 })).map((c) => c.id)).toEqual(hers.slice(0, 2));
            }
          },
        ),
        { numRuns: 15 },
      );
    }, 120_000);

    it('carries an ingest batch\'s activity to its conversations\' labels without a statement of its own on PostgreSQL', async () => {
      const labels = new HubLabels(store);
      const l = await labels.create(`round-trips-${name}`, actor);
      const first = await store.ingest('tg', [message('rt-1', 'rt-a', 2_000_001), message('rt-2', 'rt-b', 2_000_002)]);
      for (const id of first.conversationIds) await labels.setOnConversation(id, [l.id], actor);
      const seen: string[] = [];
      const counted = new HubStore(recording(store.q, seen), () => 1_000);
      await counted.ingest('tg', [message('rt-3', 'rt-a', 2_000_004), message('rt-4', 'rt-b', 2_000_003)]);
      const own = seen.filter((sql) => /^\s*UPDATE conversation_labels/.test(sql));
      expect(own.length).toBe(name === 'postgres' ? 0 : 1);
      expect((await store.conversations({ labelId: l.id, limit: 10 })).map((c) => c.id)).toEqual([...first.conversationIds]);
      const rows = await store.q.all<{ last_message_at: number }>('SELECT last_message_at FROM conversation_labels WHERE label_id = ? ORDER BY last_message_at DESC', [l.id]);
      expect(rows.map((r) => Number(r.last_message_at))).toEqual([2_000_004, 2_000_003]);
    });
  });
}
