import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWhatsAppWebhook } from '../../main/core/connectors';
import { HubStore, type PreparedMessage } from '../../main/hub/store';
import { corpus } from '../fixtures/platforms/corpus';
import { bothAdapters, recording } from './adapters';
import { preparedMessage } from './prepared-message';

/**
 * The hub's alias table on both adapters: a WhatsApp customer's phone number, business-scoped user id and the number
 * before a number change lead to one conversation, fed with the fixture corpus through the real parser.
 */
const adapters = bothAdapters('hub-aliases-');
const actor = { actor: 'test', device: null };

function prepared(m: ReturnType<typeof parseWhatsAppWebhook>['messages'][number]): PreparedMessage {
  return preparedMessage(m.platformMessageId, m.platformConversationId, m.sentAt, {
    contact: m.contact,
    direction: m.direction,
    maskedText: m.text,
    ...(m.aliases ? { aliases: m.aliases } : {}),
    ...(m.movesTo ? { movesTo: m.movesTo } : {}),
  });
}

function fixture(name: string): PreparedMessage[] {
  const c = corpus('whatsapp').cases.find((x) => x.name.startsWith(name));
  if (!c) throw new Error(`no fixture named ${name}`);
  return parseWhatsAppWebhook(c.payload).messages.map(prepared);
}

for (const [name, open] of Object.entries(adapters)) {
  describe(`hub conversation aliases: ${name}`, () => {
    let store: HubStore;
    beforeAll(async () => {
      store = await open(() => 50_000);
      await store.migrate();
      await store.saveChannel({ id: 'wa', kind: 'whatsapp', name: 'WhatsApp', config: {}, enabled: true }, actor);
    });
    afterAll(async () => {
      await store?.close();
    });

    const conversationOf = async (platformMessageId: string) =>
      (await store.q.get<{ k: string; id: number }>(
        'SELECT c.platform_conversation_id AS k, c.id FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.platform_message_id = ?',
        [platformMessageId],
      ))!;

    it('reads where a batch\'s ids and aliases lead in its duplicate check\'s statement (no round trip of its own)', async () => {
      const seen: string[] = [];
      const counted = new HubStore(recording(store.q, seen), () => 50_000);
      await counted.ingest('wa', fixture('text'));
      await counted.ingest('wa', fixture("phone and business-scoped id together"));
      const reads = seen.filter((sql) => /FROM conversation_aliases/.test(sql));
      expect(reads).toHaveLength(2);
      for (const sql of reads) expect(sql).toMatch(/^SELECT platform_message_id AS seen/);
      expect((await conversationOf('wamid.B1')).k).toBe('34600111222');
    });

    it('files a later message that carries only the business-scoped id in the phone number’s conversation', async () => {
      await store.ingest('wa', fixture('text'));
      await store.ingest('wa', fixture("phone and business-scoped id together"));
      await store.ingest('wa', fixture('the same customer later with the business-scoped id only'));
      const phone = await conversationOf('wamid.T1');
      expect(phone.k).toBe('34600111222');
      expect(await conversationOf('wamid.B1')).toEqual(phone);
      expect(await conversationOf('wamid.B3')).toEqual(phone);
      expect(await store.q.get('SELECT alias, conversation_id FROM conversation_aliases WHERE channel_id = ?', ['wa'])).toEqual({ alias: 'ES.13491208655302741918', conversation_id: phone.id });
      // A customer known only by a business-scoped id never seen with a number keeps a conversation of their own.
      await store.ingest('wa', fixture('business-scoped id only'));
      expect((await conversationOf('wamid.B2')).k).toBe('AE.9876543210123456789');
    });

    it('re-keys the conversation on a number change (replies go to the new number) and files a late message from the old one in it', async () => {
      await store.ingest('wa', fixture('customer writes before changing number'));
      const before = await conversationOf('wamid.S0');
      const r = await store.ingest('wa', fixture('customer changed number'));
      expect(r.moved).toEqual([before.id]);
      await store.ingest('wa', [...fixture('the new number writes'), ...fixture('a message the old number sent before the change')]);
      for (const id of ['wamid.S0', 'wamid.S1', 'wamid.S2', 'wamid.S3']) expect(await conversationOf(id), id).toEqual({ k: '971500777888', id: before.id });
    });

    it('puts a number change and the new number’s first message in one batch into the one conversation', async () => {
      const batch: PreparedMessage[] = [
        { ...fixture('customer writes before changing number')[0]!, platformMessageId: 'wamid.Z0', platformConversationId: '966500000001', contact: { platformUserId: '966500000001' } },
        { ...fixture('customer changed number')[0]!, platformMessageId: 'wamid.Z1', platformConversationId: '966500000001', contact: { platformUserId: '966500000001' }, movesTo: '966500000002' },
        { ...fixture('the new number writes')[0]!, platformMessageId: 'wamid.Z2', platformConversationId: '966500000002', contact: { platformUserId: '966500000002' } },
      ];
      await store.ingest('wa', batch);
      const first = await conversationOf('wamid.Z0');
      expect(first.k).toBe('966500000002');
      expect(await conversationOf('wamid.Z2')).toEqual(first);
    });

    it('never merges two conversations silently: a number change to a number that has its own conversation changes nothing', async () => {
      await store.ingest('wa', [{ ...fixture('text')[0]!, platformMessageId: 'wamid.Y0', platformConversationId: '201000000001', contact: { platformUserId: '201000000001' } }]);
      await store.ingest('wa', [{ ...fixture('text')[0]!, platformMessageId: 'wamid.Y1', platformConversationId: '201000000002', contact: { platformUserId: '201000000002' } }]);
      const r = await store.ingest('wa', [{ ...fixture('customer changed number')[0]!, platformMessageId: 'wamid.Y2', platformConversationId: '201000000001', contact: { platformUserId: '201000000001' }, movesTo: '201000000002' }]);
      expect(r.moved).toBeUndefined();
      expect((await conversationOf('wamid.Y0')).k).toBe('201000000001');
      expect((await conversationOf('wamid.Y1')).k).toBe('201000000002');
    });
  });
}
