import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../main/core/shared/messages';
import { HubStore, WebhookIntakeStore, type PreparedMessage } from '../../main/hub/store';
import { SharedFloodBuckets } from '../../main/hub/store/flood-buckets';
import { bothAdapters, secondNode } from './adapters';
import { perMessage } from './flood-verdicts';

/** Webhook intake's store operations on both adapters: the embedded SQLite hub and the team hub's PostgreSQL. */
const adapters = bothAdapters('hub-webhooks-');

const actor = { actor: 'test', device: null };

function message(id: string, sender = 'u-1'): { inbound: InboundMessage; prepared: PreparedMessage } {
  const inbound: InboundMessage = {
    platformMessageId: id,
    platformConversationId: `chat-${sender}`,
    contact: { platformUserId: sender, displayName: 'Ana' },
    direction: 'in',
    text: `hello ${id}`,
    sentAt: 1_000,
  } as InboundMessage;
  const prepared: PreparedMessage = {
    platformMessageId: id,
    platformConversationId: inbound.platformConversationId,
    contact: inbound.contact,
    direction: 'in',
    maskedText: `hello ${id}`,
    sealedText: null,
    sentAt: 1_000,
    attachments: [],
    fields: [],
    seal: (messageId) => ({ text: Buffer.from(`sealed-${messageId}`), fields: [] }),
  };
  return { inbound, prepared };
}

const sealHeld = (m: InboundMessage) => Buffer.from(`held-${m.platformMessageId}`);
const ids = async (store: HubStore, table: 'messages' | 'webhook_quarantine') =>
  (await store.q.all<{ platform_message_id: string }>(`SELECT platform_message_id FROM ${table} WHERE channel_id = 'wa' ORDER BY id`)).map((r) => r.platform_message_id);

for (const [name, open] of Object.entries(adapters)) {
  describe(`webhook intake store: ${name}`, () => {
    let store: HubStore;
    let intake: WebhookIntakeStore;
    beforeAll(async () => {
      store = await open(() => 50_000);
      await store.migrate();
      await store.saveChannel({ id: 'wa', kind: 'whatsapp', name: 'WhatsApp', config: { settings: { phoneNumberId: '42' } }, enabled: true }, actor);
      intake = new WebhookIntakeStore(store, () => 50_000);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('finds a channel by id, with its settings', async () => {
      expect(await intake.channel('wa')).toMatchObject({ kind: 'whatsapp', enabled: true, config: { settings: { phoneNumberId: '42' } } });
      expect(await intake.channel('nope')).toBeNull();
    });

    it('stores new messages once, holds what flood control refuses, and recognises both when delivered again', async () => {
      const asked: string[] = [];
      const admit = perMessage((m: InboundMessage) => (asked.push(m.platformMessageId), m.contact.platformUserId !== 'flooder'));
      const first = await intake.accept('wa', { messages: [message('m1'), message('m2'), message('m2'), message('f1', 'flooder')], deliveries: [] }, admit, sealHeld);
      expect(first).toEqual({ inserted: 2, duplicates: 1, quarantined: 1 });
      expect(await ids(store, 'messages')).toEqual(['m1', 'm2']);
      expect(await ids(store, 'webhook_quarantine')).toEqual(['f1']);
      const again = await intake.accept('wa', { messages: [message('m1'), message('f1', 'flooder'), message('m3')], deliveries: [] }, admit, sealHeld);
      expect(again).toEqual({ inserted: 1, duplicates: 2, quarantined: 0 });
      // Flood control is asked only about messages never seen: a redelivery spends no sender's allowance.
      expect(asked).toEqual(['m1', 'm2', 'f1', 'm3']);
      expect(await intake.quarantineCounts()).toEqual(new Map([['wa', 1]]));
      const audit = await store.q.all<{ action: string; details: string }>("SELECT action, details FROM audit WHERE action = 'webhook.quarantined'");
      expect(audit.map((a) => JSON.parse(a.details))).toEqual([{ messages: 1, reason: 'flood' }]);
      expect((await store.verifyAudit()).broken).toBeNull();
    });

    it('writes nothing when any part fails: the delivery is one transaction, and the platform retries it', async () => {
      const before = await store.latestEventSeq();
      const broken = () => {
        throw new Error('sealing failed');
      };
      await expect(intake.accept('wa', { messages: [message('t1'), message('t2', 'flooder')], deliveries: [] }, perMessage((m) => m.contact.platformUserId !== 'flooder'), broken)).rejects.toThrow(
        /sealing failed/,
      );
      expect(await ids(store, 'messages')).not.toContain('t1');
      expect(await ids(store, 'webhook_quarantine')).not.toContain('t2');
      expect(await store.latestEventSeq()).toBe(before);
    });

    it('commits several deliveries together: a failing one is rolled back alone, the same message in two is stored once', async () => {
      const broken = () => {
        throw new Error('sealing failed');
      };
      const job = (id: string, sender = 'u-2') => ({ channelId: 'wa', delivery: { messages: [message(id, sender)], deliveries: [] }, admit: perMessage(() => true), seal: sealHeld });
      const results = await intake.acceptMany([
        job('g1'),
        { ...job('g2', 'flooder'), admit: perMessage(() => false), seal: broken },
        job('g3'),
        job('g1'),
      ]);
      expect(results.map((r) => (r.ok ? r.value : String((r as { error: Error }).error.message)))).toEqual([
        { inserted: 1, duplicates: 0, quarantined: 0 },
        'sealing failed',
        { inserted: 1, duplicates: 0, quarantined: 0 },
        { inserted: 0, duplicates: 1, quarantined: 0 },
      ]);
      const got = await ids(store, 'messages');
      expect(got.filter((i) => i.startsWith('g'))).toEqual(['g1', 'g3']);
      expect(await ids(store, 'webhook_quarantine')).not.toContain('g2');
      expect((await store.verifyAudit()).broken).toBeNull();
    });

    it('applies delivery receipts to the reply they name, in the same transaction', async () => {
      const conv = (await store.conversations({}))[0]!;
      const agent = await store.createUser({ username: 'amal', displayName: 'Amal', role: 'agent', passwordHash: 'x' }, actor);
      const r = await store.enqueueReply({ conversationId: conv.id, authorId: agent.id, device: 'd', clientId: 'client-001', maskedText: 'ok', fields: [], seal: () => ({ text: null, fields: [] }), outboxText: () => Buffer.from('queued reply'), actor });
      await store.markOutbox(r.outboxId, 'sent', null, { platformMessageId: 'wamid.OUT' });
      await intake.accept('wa', { messages: [], deliveries: [{ platformMessageId: 'wamid.OUT', state: 'delivered' }] }, perMessage(() => true), sealHeld);
      expect((await store.q.get<{ state: string }>('SELECT state FROM outbox WHERE id = ?', [r.outboxId]))?.state).toBe('delivered');
    });

    it('spends one team-wide flood bucket from every node, and forgets buckets that have refilled', async () => {
      const rates = { perSender: { perMinute: 60, burst: 2 }, perChannel: { perMinute: 600, burst: 100 } };
      const nodeA = new SharedFloodBuckets(rates);
      const nodeB = new SharedFloodBuckets(rates);
      const other = secondNode(store, () => 50_000);
      const admit = (gate: SharedFloodBuckets, s: HubStore, sender: string, at: number) => s.q.tx(async (t) => (await t.serializeEvents(), gate.admit(t, 'wa', sender, at)));
      const t0 = 1_000_000;
      // Two nodes, one sender: the burst of 2 is the team's, not each node's.
      expect([await admit(nodeA, store, 'loud', t0), await admit(nodeB, other, 'loud', t0), await admit(nodeA, store, 'loud', t0), await admit(nodeB, other, 'loud', t0)]).toEqual([true, true, 'sender_rate', 'sender_rate']);
      expect(await admit(nodeB, other, 'loud', t0 + 1_000)).toBe(true); // a token a second
      expect(await admit(nodeA, store, 'quiet', t0 + 1_000)).toBe(true);
      // A node sweeps buckets that are full again (after burst / rate = 2 s) once a minute.
      await admit(nodeA, store, 'later', t0 + 120_000);
      const keys = (await store.q.all<{ key: string }>("SELECT key FROM flood_buckets WHERE key LIKE 'sender:%' ORDER BY key")).map((r) => r.key.split('\n')[1]);
      expect(keys).toEqual(['later']);
      if (other !== store) await other.close();
    });
  });
}
