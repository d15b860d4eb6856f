import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubStore, WebhookIntakeStore, type PreparedMessage } from '../../main/hub/store';
import { applyWatermarks } from '../../main/hub/store/watermarks';
import { bothAdapters } from './adapters';
import { preparedMessage } from './prepared-message';

/** Messenger's read and delivery watermarks at the hub (issue 19): applied to replies' delivery and pushed, on both adapters. */
const adapters = bothAdapters('hub-watermarks-');

const actor = { actor: 'test', device: null };
const T0 = Date.UTC(2026, 11, 1, 9);
const SEC = 1_000;

const inbound = (id: string, chat: string, sentAt: number): PreparedMessage => preparedMessage(id, chat, sentAt, { contact: { platformUserId: chat } });

for (const [name, open] of Object.entries(adapters)) {
  describe(`watermarks at the hub: ${name}`, () => {
    let store: HubStore;
    let t = T0;
    const now = () => t;
    beforeAll(async () => {
      store = await open(now);
      await store.migrate();
      await store.saveChannel({ id: 'fb', kind: 'messenger', name: 'Messenger', config: {}, enabled: true }, actor);
    });
    afterAll(async () => {
      await store?.close();
    });

    const conversationOf = async (chat: string) => (await store.q.get<{ id: number }>('SELECT id FROM conversations WHERE platform_conversation_id = ?', [chat]))!.id;
    let n = 0;
    const reply = async (conversationId: number) =>
      store.enqueueReply({
        conversationId,
        authorId: null,
        device: 'dev',
        clientId: `client-${++n}-xxxxxx`,
        maskedText: 'ok',
        fields: [],
        seal: () => ({ text: null, fields: [] }),
        outboxText: () => Buffer.from('ok'),
        actor,
      });
    const state = async (outboxId: number) => (await store.q.get<{ state: string }>('SELECT state FROM outbox WHERE id = ?', [outboxId]))!.state;

    it('moves the replies that left up to the mark forward, never back, and never a failed or queued one; each change is pushed', async () => {
      await store.ingest('fb', [inbound('m1', 'PSID-1', T0), inbound('m2', 'PSID-2', T0)]);
      const c1 = await conversationOf('PSID-1');
      const c2 = await conversationOf('PSID-2');
      // Queued early, sent at +10 s; queued at +5 s, sent at +30 s; queued at +6 s, refused for good; queued, never sent.
      const early = await reply(c1);
      t = T0 + 5 * SEC;
      const late = await reply(c1);
      t = T0 + 6 * SEC;
      const failed = await reply(c1);
      const queued = await reply(c1);
      const elsewhere = await reply(c2);
      t = T0 + 10 * SEC;
      await store.markOutbox(early.outboxId, 'sent', null, { platformMessageId: 'mid.1' });
      await store.markOutbox(elsewhere.outboxId, 'sent', null, { platformMessageId: 'mid.9' });
      await store.markOutbox(failed.outboxId, 'failed', 'refused');
      t = T0 + 30 * SEC;
      await store.markOutbox(late.outboxId, 'sent', null, { platformMessageId: 'mid.2' });

      // Delivered up to +20 s (Meta's delivery event as documented: a watermark, no timestamp), through webhook intake.
      const seq = await store.latestEventSeq();
      const intake = new WebhookIntakeStore(store, now);
      await intake.accept('fb', { messages: [], deliveries: [], watermarks: [{ platformConversationId: 'PSID-1', state: 'delivered', upTo: T0 + 20 * SEC }] }, async () => [], () => Buffer.alloc(0));
      // The reply queued before the mark but sent after it is not delivered by it.
      expect([await state(early.outboxId), await state(late.outboxId), await state(failed.outboxId), await state(queued.outboxId), await state(elsewhere.outboxId)]).toEqual([
        'delivered',
        'sent',
        'failed',
        'queued',
        'sent',
      ]);
      const pushed = await store.eventsAfter(seq);
      expect(pushed.map((e) => [e.kind, e.audience, e.conversationId])).toEqual([['message.delivery', 'conversation', c1]]);
      expect(pushed[0]!.payload).toEqual({ messageId: early.messageId, conversationId: c1, delivery: 'delivered', reason: null });
      const shown = await store.messages(c1);
      expect(shown.find((m) => m.id === early.messageId)?.delivery).toBe('delivered');

      // Read up to +40 s: both sent replies are read; a later, older delivery mark moves nothing back.
      const moved = await store.q.tx((tx) =>
        applyWatermarks(store, tx, 'fb', [
          { platformConversationId: 'PSID-1', state: 'read', upTo: T0 + 40 * SEC },
          { platformConversationId: 'PSID-1', state: 'delivered', upTo: T0 + 40 * SEC },
          { platformConversationId: 'PSID-unknown', state: 'read', upTo: T0 + 40 * SEC },
        ]),
      );
      expect(moved).toBe(2);
      expect([await state(early.outboxId), await state(late.outboxId), await state(failed.outboxId), await state(queued.outboxId), await state(elsewhere.outboxId)]).toEqual([
        'read',
        'read',
        'failed',
        'queued',
        'sent',
      ]);
    });
  });
}
