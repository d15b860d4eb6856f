import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../main/core/shared/messages';
import { HubStore, WebhookIntakeStore } from '../../main/hub/store';
import { SharedFloodBuckets } from '../../main/hub/store/flood-buckets';
import type { SqlExecutor } from '../../main/hub/store/executor';
import { HubHeldMessages } from '../../main/hub/store/held-messages';
import { bothAdapters } from './adapters';
import { preparedMessage } from './prepared-message';

/**
 * What the hub's own pollers fetch (Telegram, e-mail, polled Messenger/Instagram/X) passes the webhooks' flood gate:
 * the team's buckets spent in the batch's ingest transaction, held messages sealed in `webhook_quarantine`, and the
 * poller's cursor saved with them — on both adapters.
 */
const adapters = bothAdapters('hub-polled-flood-');
const actor = { actor: 'test', device: null };
const T0 = 10_000_000;

function polled(id: string, sender: string): { inbound: InboundMessage; prepared: ReturnType<typeof preparedMessage> } {
  const inbound = { platformMessageId: id, platformConversationId: `chat-${sender}`, contact: { platformUserId: sender }, direction: 'in', text: `hi ${id}`, sentAt: 1_000 } as InboundMessage;
  return { inbound, prepared: preparedMessage(id, `chat-${sender}`, 1_000, { contact: { platformUserId: sender }, maskedText: `hi ${id}` }) };
}

// The test's seal is the message itself; the hub's is `OriginalsSealer.sealHeld` (covered by the webhook tests).
const seal = (m: InboundMessage) => Buffer.from(JSON.stringify(m));
const open = (_id: string, b: Buffer) => JSON.parse(b.toString('utf8')) as InboundMessage;

for (const [name, openStore] of Object.entries(adapters)) {
  describe(`polled channels' flood control: ${name}`, () => {
    let store: HubStore;
    let intake: WebhookIntakeStore;
    let now = T0;
    beforeAll(async () => {
      store = await openStore(() => now);
      await store.migrate();
      for (const id of ['tg', 'mail']) await store.saveChannel({ id, kind: id === 'tg' ? 'telegram' : 'email', name: id, config: {}, enabled: true }, actor);
      intake = new WebhookIntakeStore(store, () => now);
    });
    afterAll(async () => {
      await store?.close();
    });

    const stored = async (channel: string) => (await store.q.all<{ p: string }>("SELECT platform_message_id AS p FROM messages WHERE channel_id = ? AND direction = 'in' ORDER BY id", [channel])).map((r) => r.p);
    const held = async (channel: string) =>
      (await store.q.all<{ p: string; reason: string; sender: string }>('SELECT platform_message_id AS p, reason, sender FROM webhook_quarantine WHERE channel_id = ? ORDER BY id', [channel])).map((r) => [
        r.p,
        r.reason,
        r.sender,
      ]);
    const buckets = async () => store.q.all<{ key: string; milli: number | string }>('SELECT key, milli FROM flood_buckets ORDER BY key');

    it('holds a flooding sender in the batch’s transaction while another sender gets through, and saves the cursor with both', async () => {
      const gate = new SharedFloodBuckets({ perSender: { perMinute: 0.001, burst: 2 }, perChannel: { perMinute: 6_000, burst: 1_000 } });
      const asked: string[] = [];
      const admit = (ms: readonly InboundMessage[], t: SqlExecutor) => (asked.push(...ms.map((m) => m.platformMessageId)), gate.admitBatch(t, 'tg', ms, now));
      const batch = [polled('f1', 'bot'), polled('f2', 'bot'), polled('f3', 'bot'), polled('n1', 'noura'), polled('f4', 'bot')];
      const r = await intake.acceptPolled('tg', batch, '870006', admit, seal);
      expect(r).toMatchObject({ inserted: 3, duplicates: 0, quarantined: 2 });
      expect(await stored('tg')).toEqual(['f1', 'f2', 'n1']);
      expect(await held('tg')).toEqual([
        ['f3', 'sender_rate', 'bot'],
        ['f4', 'sender_rate', 'bot'],
      ]);
      expect(await store.channelCursor('tg')).toBe('870006');
      const audit = await store.q.all<{ details: string }>("SELECT details FROM audit WHERE action = 'guard.quarantine.held' ORDER BY seq");
      expect(audit.map((a) => JSON.parse(a.details))).toEqual([{ messages: 2, reason: 'flood', polled: true }]);
      const events = await store.q.all<{ audience: string; payload: string }>("SELECT audience, payload FROM events WHERE kind = 'quarantine.held' ORDER BY seq");
      expect(events.map((e) => [e.audience, JSON.parse(e.payload)])).toEqual([
        ['leads', { channelId: 'tg', added: 2 }],
        ['admins', { channelId: 'tg', added: 2 }],
      ]);

      // The same batch fetched again (a poller that stopped before it heard the commit): all duplicates, no token spent.
      const before = await buckets();
      const again = await intake.acceptPolled('tg', batch, '870006', admit, seal);
      expect(again).toMatchObject({ inserted: 0, duplicates: 5, quarantined: 0 });
      expect(asked).toEqual(['f1', 'f2', 'f3', 'n1', 'f4']);
      expect(await buckets()).toEqual(before);
      expect((await store.verifyAudit()).broken).toBeNull();
    });

    it('writes nothing when any part fails — messages, held rows, buckets and cursor stay as they were, so the poller fetches the batch again', async () => {
      const gate = new SharedFloodBuckets({ perSender: { perMinute: 0.001, burst: 1 }, perChannel: { perMinute: 6_000, burst: 1_000 } });
      const before = { buckets: await buckets(), seq: await store.latestEventSeq(), held: await held('tg'), stored: await stored('tg') };
      const broken = () => {
        throw new Error('sealing failed');
      };
      await expect(intake.acceptPolled('tg', [polled('x1', 'crasher'), polled('x2', 'crasher')], '870009', (ms, t) => gate.admitBatch(t, 'tg', ms, now), broken)).rejects.toThrow(
        /sealing failed/,
      );
      expect({ buckets: await buckets(), seq: await store.latestEventSeq(), held: await held('tg'), stored: await stored('tg') }).toEqual(before);
      expect(await store.channelCursor('tg')).toBe('870006');
      // Fetched again after the failure: stored or held exactly once.
      await intake.acceptPolled('tg', [polled('x1', 'crasher'), polled('x2', 'crasher')], '870009', (ms, t) => gate.admitBatch(t, 'tg', ms, now), seal);
      expect((await stored('tg')).filter((p) => p.startsWith('x'))).toEqual(['x1']);
      expect((await held('tg')).filter(([p]) => p!.startsWith('x'))).toEqual([['x2', 'sender_rate', 'crasher']]);
      expect(await store.channelCursor('tg')).toBe('870009');
    });

    it('saves the cursor of a batch with nothing new, and of one whose every message is held', async () => {
      const gate = new SharedFloodBuckets({ perSender: { perMinute: 0.001, burst: 1 }, perChannel: { perMinute: 6_000, burst: 1_000 } });
      const admit = (ms: readonly InboundMessage[], t: SqlExecutor) => gate.admitBatch(t, 'tg', ms, now);
      await intake.acceptPolled('tg', [], '870010', admit, seal);
      expect(await store.channelCursor('tg')).toBe('870010');
      const r = await intake.acceptPolled('tg', [polled('x3', 'crasher')], '870011', admit, seal);
      expect(r).toMatchObject({ inserted: 0, quarantined: 1 });
      expect(await store.channelCursor('tg')).toBe('870011');
    });

    it('keeps the single seat’s exemptions from the channel limit: a sender’s first message and a customer the team has answered', async () => {
      now += 3_600_000; // every earlier bucket is full again
      const gate = new SharedFloodBuckets({ perSender: { perMinute: 0.001, burst: 5 }, perChannel: { perMinute: 0.001, burst: 3 } });
      const admit = (ms: readonly InboundMessage[], t: SqlExecutor) => gate.admitBatch(t, 'mail', ms, now);
      // A customer the team has answered before the flood.
      await intake.acceptPolled('mail', [polled('k0', 'known')], 'uid:1', admit, seal);
      const conv = (await store.conversations({})).find((c) => c.channelId === 'mail')!;
      const agent = await store.createUser({ username: 'amal', displayName: 'Amal', role: 'agent', passwordHash: 'x' }, actor);
      await store.enqueueReply({ conversationId: conv.id, authorId: agent.id, device: 'd', clientId: 'client-polled-1', maskedText: 'ok', fields: [], seal: () => ({ text: null, fields: [] }), outboxText: () => Buffer.from('r'), actor });
      // The channel's burst of 3 is spent (k0, a1, a2); then the channel limit bites the repeat sender only.
      const r = await intake.acceptPolled('mail', [polled('a1', 'ali'), polled('a2', 'ali'), polled('a3', 'ali'), polled('b1', 'new'), polled('k1', 'known'), polled('a4', 'ali')], 'uid:2', admit, seal);
      expect(r).toMatchObject({ inserted: 4, quarantined: 2 });
      expect((await stored('mail')).slice(1)).toEqual(['a1', 'a2', 'b1', 'k1']);
      expect(await held('mail')).toEqual([
        ['a3', 'channel_rate', 'ali'],
        ['a4', 'channel_rate', 'ali'],
      ]);
      // The sender's own limit still holds a known customer back.
      const more = await intake.acceptPolled('mail', ['k2', 'k3', 'k4', 'k5', 'k6'].map((id) => polled(id, 'known')), 'uid:3', admit, seal);
      expect(more).toMatchObject({ inserted: 3, quarantined: 2 });
      expect((await held('mail')).slice(2)).toEqual([
        ['k5', 'sender_rate', 'known'],
        ['k6', 'sender_rate', 'known'],
      ]);
    });

    it('decides a batch with the same verdicts as its messages one by one, each with its own read and write of the buckets (and of near-duplicate clusters and surge state)', async () => {
      // Two channels with the same history (a customer the team answered, "k"): one takes batches, the other the same
      // messages one at a time; every run starts a day later, so the first call's sweep leaves no bucket behind.
      for (const id of ['pa', 'pb']) {
        await store.saveChannel({ id, kind: 'telegram', name: id, config: {}, enabled: true }, actor);
        await store.ingest(id, [polled(`${id}-k0`, 'k').prepared], undefined);
        const conv = (await store.conversations({})).find((c) => c.channelId === id)!;
        const agent = await store.q.get<{ id: number }>("SELECT id FROM users WHERE username = 'amal'");
        await store.enqueueReply({ conversationId: conv.id, authorId: Number(agent!.id), device: 'd', clientId: `client-${id}`, maskedText: 'ok', fields: [], seal: () => ({ text: null, fields: [] }), outboxText: () => Buffer.from('r'), actor });
      }
      const sender = fc.constantFrom('a', 'b', 'c', 'k');
      // Texts: one campaign in two spellings, an unrelated one, and one too short to judge.
      const text = fc.constantFrom('Give my money back now or I report you #boycott', 'Give my money back NOW or I report you #boycott 2', 'Where is the parcel I ordered last week?', 'hi');
      const batch = fc.record({ gapMs: fc.integer({ min: 0, max: 20_000 }), senders: fc.array(fc.tuple(sender, text), { minLength: 1, maxLength: 12 }) });
      const rate = (maxBurst: number) => fc.record({ perMinute: fc.integer({ min: 1, max: 12 }), burst: fc.integer({ min: 1, max: maxBurst }) });
      await fc.assert(
        fc.asyncProperty(rate(4), rate(6), fc.array(batch, { minLength: 1, maxLength: 6 }), fc.boolean(), async (perSender, perChannel, batches, collapse) => {
          now += 86_400_000;
          const rates = { perSender, perChannel };
          // With near-duplicate collapse and surge mode too (a low floor, so surges happen), or the buckets alone.
          const options = collapse ? { campaigns: { windowMs: 600_000, surge: { factor: 2, exitFactor: 1.5, minPerMinute: 6 } } } : {};
          const whole = new SharedFloodBuckets(rates, options);
          const single = new SharedFloodBuckets(rates, options);
          for (const b of batches) {
            now += b.gapMs;
            const ms = b.senders.map(([s, text]) => ({ contact: { platformUserId: s }, text }));
            const together = await store.q.tx(async (t) => (await t.serializeEvents(), whole.admitBatch(t, 'pa', ms, now)));
            const alone: Array<true | string> = [];
            for (const m of ms) alone.push(...(await store.q.tx(async (t) => (await t.serializeEvents(), single.admitBatch(t, 'pb', [m], now)))));
            expect(together).toEqual(alone);
          }
        }),
        { numRuns: 40 },
      );
    }, 120_000);

    it('a lead’s release delivers a polled held message through the normal ingest, into its conversation, once', async () => {
      const heldMessages = new HubHeldMessages(store);
      const deliver = async (t: Parameters<Parameters<HubHeldMessages['release']>[4]>[0], ms: InboundMessage[]) =>
        (await store.ingest('tg', ms.map((m) => polled(m.platformMessageId, m.contact.platformUserId).prepared), undefined, t)).inserted;
      const first = (await heldMessages.oldest(200)).find((h) => h.platformMessageId === 'f3')!;
      expect(first).toMatchObject({ channelId: 'tg', reason: 'sender_rate', fromSender: { held: 2 } });
      expect(await heldMessages.release('tg', 10, { actor: 'user:layla', device: null }, open, deliver, [first.id])).toEqual({ released: 1, delivered: 1, left: 3 });
      expect(await stored('tg')).toContain('f3');
      // Fetched again by the poller after the release: a duplicate, neither stored nor held a second time.
      const gate = new SharedFloodBuckets({ perSender: { perMinute: 0.001, burst: 1 }, perChannel: { perMinute: 6_000, burst: 1_000 } });
      const r = await intake.acceptPolled('tg', [polled('f3', 'bot')], '870012', (ms, t) => gate.admitBatch(t, 'tg', ms, now), seal);
      expect(r).toMatchObject({ inserted: 0, duplicates: 1, quarantined: 0 });
      expect((await stored('tg')).filter((p) => p === 'f3')).toHaveLength(1);
      expect((await held('tg')).map(([p]) => p)).not.toContain('f3');
      const released = await store.q.all<{ details: string }>("SELECT details FROM audit WHERE action = 'guard.quarantine.released'");
      expect(released.map((a) => JSON.parse(a.details))).toEqual([{ released: 1, delivered: 1, left: 3 }]);
    });
  });
}
