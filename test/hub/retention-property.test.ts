import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HubRetention, HubStore, sqliteExecutor } from '../../main/hub/store';
import { tmpDir } from '../helpers/tmp';
import { preparedMessage } from './prepared-message';

const DAY = 24 * 60 * 60 * 1000;
const actor = { actor: 'hub:test' };

/**
 * Retention on generated channels: whatever the messages' ages, the policy, the batch size and the per-run budget,
 * running until every outcome is done leaves exactly what the policy keeps, and the counts add up.
 */
describe('hub retention on generated data', () => {
  it('removes exactly what is older than the period, however it is cut into batches and runs', async () => {
    const message = fc.record({ conv: fc.integer({ min: 1, max: 6 }), ageDays: fc.integer({ min: 0, max: 60 }), fields: fc.integer({ min: 0, max: 2 }) });
    const plan = fc.record({
      messages: fc.array(message, { minLength: 1, maxLength: 30 }),
      mode: fc.constantFrom('originals' as const, 'all' as const),
      days: fc.integer({ min: 1, max: 45 }),
      batch: fc.integer({ min: 1, max: 7 }),
      maxBatches: fc.integer({ min: 1, max: 5 }),
    });
    await fc.assert(
      fc.asyncProperty(plan, async (p) => {
        const t = 100 * DAY;
        const store = new HubStore(sqliteExecutor(path.join(tmpDir('hub-retention-prop-'), 'hub.sqlite')), () => t);
        try {
          await store.migrate();
          await store.saveChannel({ id: 'ch', kind: 'telegram', name: 'ch', config: {}, enabled: true }, actor);
          await store.ingest(
            'ch',
            p.messages.map((m, i) =>
              preparedMessage(`m${i}`, `c${m.conv}`, t - m.ageDays * DAY - i, {
                fields: Array.from({ length: m.fields }, () => ({ type: 'PHONE', shown: '…1' })),
                seal: (id) => ({ text: Buffer.from(`s${id}`), fields: Array.from({ length: m.fields }, (_, n) => Buffer.from(`f${id}.${n}`)) }),
              }),
            ),
          );
          const cutoff = t - p.days * DAY;
          const before = await store.q.all<{ id: number; sent_at: number; conversation_id: number }>('SELECT id, sent_at, conversation_id FROM messages ORDER BY id');
          const conversations = await store.q.all<{ id: number; last_message_at: number; contact_id: number }>('SELECT id, last_message_at, contact_id FROM conversations');
          const fieldsBefore = await store.q.all<{ message_id: number }>('SELECT message_id FROM message_fields');

          const retention = new HubRetention(store, { batch: p.batch });
          await retention.setPolicy('ch', p.mode, p.days, actor);
          const totals = { messagesDeleted: 0, conversationsDeleted: 0, contactsDeleted: 0, originalsCleared: 0 };
          for (let run = 0; ; run++) {
            expect(run).toBeLessThan(500);
            const [r] = await retention.apply(actor, { maxBatches: p.maxBatches });
            for (const k of Object.keys(totals) as Array<keyof typeof totals>) totals[k] += r![k];
            if (r!.done) break;
          }

          const after = await store.q.all<{ id: number; sealed: number }>('SELECT id, CASE WHEN sealed_text IS NULL THEN 0 ELSE 1 END AS sealed FROM messages ORDER BY id');
          const fieldsLeft = await store.q.all<{ message_id: number; sealed: number }>('SELECT message_id, length(sealed) AS sealed FROM message_fields');
          if (p.mode === 'originals') {
            expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id));
            const old = new Set(before.filter((m) => m.sent_at < cutoff).map((m) => m.id));
            expect(after.map((m) => [m.id, m.sealed])).toEqual(before.map((m) => [m.id, old.has(m.id) ? 0 : 1]));
            for (const f of fieldsLeft) expect([f.message_id, Number(f.sealed) > 0]).toEqual([f.message_id, !old.has(f.message_id)]);
            expect(totals.originalsCleared).toBe(old.size + fieldsBefore.filter((f) => old.has(f.message_id)).length);
          } else {
            const staleConversations = new Set(conversations.filter((c) => c.last_message_at < cutoff).map((c) => c.id));
            const kept = before.filter((m) => m.sent_at >= cutoff && !staleConversations.has(m.conversation_id)).map((m) => m.id);
            expect(after.map((m) => m.id)).toEqual(kept);
            expect(totals.messagesDeleted).toBe(before.length - kept.length);
            expect(totals.conversationsDeleted).toBe(staleConversations.size);
            const left = await store.q.all<{ id: number }>('SELECT id FROM conversations ORDER BY id');
            expect(left.map((c) => c.id)).toEqual(conversations.filter((c) => !staleConversations.has(c.id)).map((c) => c.id).sort((a, b) => a - b));
            expect(totals.contactsDeleted).toBe(new Set(conversations.filter((c) => staleConversations.has(c.id)).map((c) => c.contact_id)).size);
            // Nothing left pointing at a deleted message.
            expect(fieldsLeft.every((f) => kept.includes(f.message_id))).toBe(true);
          }
          expect((await store.verifyAudit()).broken).toBeNull();
        } finally {
          await store.close();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
