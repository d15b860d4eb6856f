import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../main/core/shared/messages';
import { scheduleRelayExpiry } from '../../main/hub/relay-expiry';
import { relayMetricLines, relayProblems, relayStatusLines } from '../../main/hub/relay-health';
import { HubCustomerData, HubRetention, HubStore, WebhookIntakeStore, type SqlExecutor } from '../../main/hub/store';
import { SharedFloodBuckets } from '../../main/hub/store/flood-buckets';
import { HubHeldMessages } from '../../main/hub/store/held-messages';
import { HubRelayQueue, relayStates, type RelayPayload, type RelaySeal } from '../../main/hub/store/relay-queue';
import { enrolledDevices } from '../../main/hub/store/webhooks';
import { bothAdapters, secondNode } from './adapters';
import { perMessage } from './flood-verdicts';

const adapters = bothAdapters('hub-relay-bounds-');
const IT = { actor: 'it:test', device: null };
const LEAD = { actor: 'layla', device: 'c'.repeat(64) };
const DESK = 'a'.repeat(64);
const GONE = 'b'.repeat(64);
const DAY = 86_400_000;
const BOUNDS = { maxWaitingPerDesk: 5, warnAfterHours: 24, maxAgeDays: 3 };

/** A real AES-GCM seal bound to its identity (the hub's outbox-key in production). */
function aead(): { seal(aad: string, text: string): Buffer; open(aad: string, blob: Buffer): string } {
  const key = crypto.randomBytes(32);
  return {
    seal(aad, text) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(aad));
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    open(aad, blob) {
      const d = crypto.createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12)).setAAD(Buffer.from(aad));
      d.setAuthTag(blob.subarray(12, 28));
      return Buffer.concat([d.update(blob.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

const inbound = (id: string, text = `hello ${id}`, from = 'u1'): InboundMessage => ({
  platformMessageId: id,
  platformConversationId: from,
  contact: { platformUserId: from },
  direction: 'in',
  text,
  sentAt: 1_000,
});
const message = (id: string, text?: string): RelayPayload => ({ kind: 'message', message: inbound(id, text) });

for (const [name, open] of Object.entries(adapters)) {
  describe(`relay queue bounds, health and held messages: ${name}`, () => {
    let store: HubStore;
    let queue: HubRelayQueue;
    let intake: WebhookIntakeStore;
    const box = aead();
    const seal: RelaySeal = { seal: (c, d, k, p) => box.seal(`${c}:${d}:${k}`, p), open: (c, d, k, b) => box.open(`${c}:${d}:${k}`, b) };
    const sealHeld = (m: InboundMessage) => box.seal(`held:wa:${m.platformMessageId}`, JSON.stringify(m));
    const openHeld = (id: string, blob: Buffer) => JSON.parse(box.open(`held:wa:${id}`, blob)) as InboundMessage;
    let t = 10 * DAY;
    const now = () => t;
    const enqueue = (events: RelayPayload[], devices = [DESK]) => store.q.tx((x: SqlExecutor) => queue.enqueueIn(x, 'wa', devices, events));
    const states = async () => (await relayStates(store))[0]!;

    beforeAll(async () => {
      store = await open(now);
      await store.migrate();
      await store.enrolDevice({ fingerprint: DESK, publicKey: 'pem', label: 'front desk' }, IT);
      await store.enrolDevice({ fingerprint: GONE, publicKey: 'pem', label: 'old desk' }, IT);
      await store.saveChannel({ id: 'wa', kind: 'whatsapp', name: 'WhatsApp', enabled: true, config: { settings: { relayTo: [DESK, GONE] } } }, IT);
      queue = new HubRelayQueue(store, seal);
      intake = new WebhookIntakeStore(store, now);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('a revoked device’s queue and relay sessions are erased at once, audited with the count; nothing more is queued for it', async () => {
      expect(await enqueue([message('r1'), message('r2')], [DESK, GONE])).toBe(4);
      await queue.openSession('tok', GONE, t + 60_000);
      await store.revokeDevice(GONE, IT);
      expect(await store.q.all('SELECT seq FROM relay_events WHERE device = ?', [GONE])).toEqual([]);
      expect(await store.q.all('SELECT token_hash FROM relay_sessions WHERE fingerprint = ?', [GONE])).toEqual([]);
      const entry = await store.q.get<{ details: string }>("SELECT details FROM audit WHERE action = 'device.revoked' ORDER BY seq DESC LIMIT 1");
      expect(JSON.parse(entry!.details)).toEqual({ relayEventsErased: 2 });
      // The desk that is still enrolled keeps its two.
      expect((await queue.waiting()).map((w) => [w.device, w.events])).toEqual([[DESK, 2]]);
      expect(await store.q.tx((x) => enrolledDevices(x, [GONE, DESK]))).toEqual([DESK]);

      // A webhook for the channel now queues for the enrolled desk only, and health names the revoked one.
      const out = await intake.relay('wa', queue, [DESK, GONE], [inbound('r3')], [], perMessage(() => true), sealHeld);
      expect(out).toEqual({ queued: 1, held: 0, duplicates: 0 });
      const s = await states();
      expect(s.lastWebhookAt).toBe(t);
      expect(s.desks.map((d) => [d.label, d.revoked, d.waiting])).toEqual([
        ['front desk', false, 3],
        [null, true, 0],
      ]);
      expect(relayProblems([s], BOUNDS, t)).toEqual([expect.stringMatching(/^Device bbbbbbbbbbbb… in the relayTo of channel "wa" is revoked: nothing is queued for it\. Remove it/)]);
      await queue.take('wa', DESK, Number.MAX_SAFE_INTEGER, 10);
    });

    it('past the row bound the hub keeps accepting and says so in words; the desk’s last collection is kept (once a minute)', async () => {
      t += DAY;
      await queue.take('wa', DESK, 0, 10);
      const collected = t;
      expect((await states()).desks[0]!.collectedAt).toBe(collected);
      t += 30_000;
      await queue.take('wa', DESK, 0, 10);
      expect((await states()).desks[0]!.collectedAt).toBe(collected);

      for (let i = 0; i < 6; i++) expect(await enqueue([message(`b${i}`)])).toBe(1);
      t += 5 * 3_600_000;
      const s = await states();
      expect(s.desks[0]).toMatchObject({ waiting: 6, oldestAt: t - 5 * 3_600_000, collectedAt: collected });
      const words = relayProblems([s], BOUNDS, t).filter((p) => p.includes('front desk'));
      expect(words).toEqual([
        'Desk "front desk" (device aaaaaaaaaaaa…) has not collected 6 events of channel "wa" for 5 hours (it last asked 5 hours ago). Start Diwan on that desk, or remove it from the channel\'s relayTo; events older than 3 days are erased unread.',
      ]);
      // Age alone raises it too, with a count under the row bound.
      t += 2 * DAY;
      expect(relayProblems([{ ...s, desks: [{ ...s.desks[0]!, waiting: 2 }] }], BOUNDS, t)[0]).toMatch(/has not collected 2 events of channel "wa" for 2 days/);
      const metrics = relayMetricLines('node="n1"', [s], t).join('\n');
      expect(metrics).toContain(`diwan_hub_relay_events_waiting{node="n1",channel="wa",device="${DESK.slice(0, 16)}"} 6`);
      expect(metrics).toMatch(/diwan_hub_relay_oldest_waiting_seconds\{node="n1",channel="wa",device="a+"\} \d+/);
      expect(metrics).toContain(`diwan_hub_relay_last_webhook_timestamp_seconds{node="n1",channel="wa"} ${Math.round(s.lastWebhookAt! / 1000)}`);
      expect(relayStatusLines([s], t).join('\n')).toMatch(/relay wa for desk "front desk" a+: 6 waiting, oldest .*last collected/);
    });

    it('erases events past the age limit once, whichever node runs it, audited with counts and shown until the desk collects', async () => {
      const other = secondNode(store, now);
      const otherQueue = new HubRelayQueue(other, seal);
      await enqueue([message('fresh')]);
      const cutoff = t - 1;
      const [a, b] = await Promise.all([queue.expire(cutoff, 2), otherQueue.expire(cutoff, 2)]);
      expect([...a, ...b].reduce((n, e) => n + e.events, 0)).toBe(6);
      expect((await queue.waiting()).map((w) => w.events)).toEqual([1]);
      const trail = await store.q.all<{ details: string }>("SELECT details FROM audit WHERE action = 'relay.expired'");
      expect(trail.reduce((n, r) => n + (JSON.parse(r.details) as { events: number }).events, 0)).toBe(6);
      expect(JSON.stringify(trail)).not.toMatch(/hello|b\d/);
      const s = await states();
      expect(s.desks[0]).toMatchObject({ expired: 6, expiredAt: t, waiting: 1 });
      expect(relayProblems([s], BOUNDS, t)).toContain(
        '6 events of channel "wa" waited more than 3 days for desk "front desk" (device aaaaaaaaaaaa…) and were erased unread (the audit trail counts them, "relay.expired"); their customers got no answer through that desk.',
      );
      // The desk collects: the erased ones are no longer news.
      t += 61_000;
      await queue.take('wa', DESK, Number.MAX_SAFE_INTEGER, 10);
      expect(relayProblems([await states()], BOUNDS, t).filter((p) => p.includes('erased unread ('))).toEqual([]);
      if (other !== store) await other.close();
    });

    it('each node’s sweep erases what is past the age limit and logs counts only', async () => {
      await enqueue([message('old-1', 'card 4111 1111 1111 1111'), message('old-2')]);
      t += 4 * DAY;
      const logs: string[] = [];
      const sweep = scheduleRelayExpiry({ queue, maxAgeMs: 3 * DAY, everyMs: 5, now, log: (l) => logs.push(JSON.stringify(l)) });
      await expect.poll(() => logs.length, { timeout: 10_000 }).toBeGreaterThan(0);
      await sweep.stop();
      expect(await queue.waiting()).toEqual([]);
      expect(logs[0]).toMatch(/"event":"relay\.expired","channelId":"wa","detail":"2 events for device aaaaaaaaaaaa erased unread after 3 days"/);
      expect(logs.join('\n')).not.toMatch(/4111 1111|hello/);
    });

    it('keeps what flood control holds back for a relayed channel, sealed; a lead releases it into the desks’ queue or discards it, audited', async () => {
      let allow = false;
      const admit = perMessage(() => allow);
      const card = 'card 4111 1111 1111 1111';
      const out = await intake.relay('wa', queue, [DESK], [inbound('f1', card), inbound('f2'), inbound('f3')], [], admit, sealHeld);
      expect(out).toEqual({ queued: 0, held: 3, duplicates: 0 });
      // A redelivery of a held message is recognised, not held twice nor queued.
      allow = true;
      expect(await intake.relay('wa', queue, [DESK], [inbound('f1', card)], [], admit, sealHeld)).toEqual({ queued: 0, held: 0, duplicates: 1 });
      const raw = await store.q.all<{ sealed: Buffer }>("SELECT sealed FROM webhook_quarantine WHERE channel_id = 'wa'");
      expect(raw).toHaveLength(3);
      expect(raw.map((r) => Buffer.from(r.sealed).toString('latin1')).join('')).not.toContain('4111 1111');

      const held = new HubHeldMessages(store);
      expect(await held.counts()).toEqual([{ channelId: 'wa', held: 3, oldestAt: t }]);
      const seq = await store.latestEventSeq();
      const deliver = (x: SqlExecutor, ms: InboundMessage[]) => queue.enqueueIn(x, 'wa', [DESK], ms.map((m) => ({ kind: 'message' as const, message: m })));
      expect(await held.release('wa', 2, LEAD, openHeld, deliver)).toEqual({ released: 2, delivered: 2, left: 1 });
      const got = await queue.take('wa', DESK, 0, 10);
      expect(got.events.map((e) => e.kind === 'message' && [e.message.platformMessageId, e.message.text])).toEqual([
        ['f1', card],
        ['f2', 'hello f2'],
      ]);
      expect(await held.discard('wa', 10, LEAD)).toEqual({ discarded: 1, left: 0 });
      await expect(held.discard('wa', 10, LEAD)).rejects.toMatchObject({ code: 'quarantine_empty', message: expect.stringMatching(/nothing to release or discard/) });
      await expect(held.release('wa', 0, LEAD, openHeld, deliver)).rejects.toMatchObject({ code: 'bad_request' });
      expect(await held.counts()).toEqual([]);

      const events = await store.eventsAfter(seq);
      expect(events.map((e) => [e.kind, e.audience])).toEqual([
        ['quarantine.updated', 'leads'],
        ['quarantine.updated', 'admins'],
        ['quarantine.updated', 'leads'],
        ['quarantine.updated', 'admins'],
      ]);
      const trail = await store.q.all<{ action: string; actor: string; details: string }>("SELECT action, actor, details FROM audit WHERE action LIKE 'guard.quarantine.%' OR action = 'webhook.quarantined' ORDER BY seq");
      expect(trail.map((r) => [r.action, r.actor, JSON.parse(r.details)])).toEqual([
        ['webhook.quarantined', 'system', { messages: 3, reason: 'flood', relayed: true }],
        ['guard.quarantine.released', 'layla', { released: 2, delivered: 2, left: 1 }],
        ['guard.quarantine.discarded', 'layla', { discarded: 1, left: 0 }],
      ]);
      expect(JSON.stringify(trail) + JSON.stringify(events)).not.toMatch(/4111 1111|hello/);
    });

    it('two nodes taking one sender’s flood for a relayed channel at once spend one bucket: the burst is queued, the rest held', async () => {
      const other = secondNode(store, now);
      const otherIntake = new WebhookIntakeStore(other, now);
      const gate = new SharedFloodBuckets({ perSender: { perMinute: 0.001, burst: 4 }, perChannel: { perMinute: 3000, burst: 500 } });
      const admit = (ms: readonly InboundMessage[], x: SqlExecutor) => gate.admitBatch(x, 'wa', ms, t);
      const burst = (prefix: string) => Array.from({ length: 4 }, (_, i) => inbound(`${prefix}${i}`, 'spam', 'spammer'));
      // Both connections open before the race, so the two deliveries' transactions overlap.
      await Promise.all([store.q.get('SELECT 1 AS one'), other.q.get('SELECT 1 AS one'), store.q.get('SELECT 1 AS one'), other.q.get('SELECT 1 AS one')]);
      const [a, b] = await Promise.all([
        intake.relay('wa', queue, [DESK], burst('x'), [], admit, sealHeld),
        otherIntake.relay('wa', new HubRelayQueue(other, seal), [DESK], burst('y'), [], admit, sealHeld),
      ]);
      expect(a.queued + b.queued).toBe(4);
      expect(a.held + b.held).toBe(4);
      await queue.take('wa', DESK, Number.MAX_SAFE_INTEGER, 10);
      await new HubHeldMessages(store).discard('wa', 10, IT);
      if (other !== store) await other.close();
    });

    it('erasing a customer erases what flood control held from them; retention removes held messages past its days', async () => {
      await store.saveChannel({ id: 'tg', kind: 'telegram', name: 'Telegram', enabled: true, config: {} }, IT);
      const prepared = (m: InboundMessage) => ({
        platformMessageId: m.platformMessageId,
        platformConversationId: m.platformConversationId,
        contact: m.contact,
        direction: m.direction,
        maskedText: 'masked',
        sealedText: null,
        sentAt: m.sentAt,
        attachments: [],
        fields: [],
        seal: () => ({ text: null, fields: [] }),
      });
      const hold = (ms: InboundMessage[], admitted: string[] = []) =>
        intake.accept('tg', { messages: ms.map((m) => ({ inbound: m, prepared: prepared(m) })), deliveries: [] }, perMessage((m) => admitted.includes(m.platformMessageId)), sealHeld);
      // Ana has a conversation and two held messages; Bot has only held ones; Sara one held, kept.
      await hold([inbound('e1', 'hi', 'ana'), inbound('e2', 'card 4111 1111 1111 1111', 'ana'), inbound('e3', 'again', 'ana'), inbound('e4', 'x', 'bot'), inbound('e5', 'y', 'bot'), inbound('e6', 'z', 'sara')], ['e1']);
      const heldOf = async (who: string) => Number((await store.q.get<{ n: number | string }>("SELECT COUNT(*) AS n FROM webhook_quarantine WHERE channel_id = 'tg' AND sender = ?", [who]))!.n);
      expect([await heldOf('ana'), await heldOf('bot'), await heldOf('sara')]).toEqual([2, 2, 1]);

      const data = new HubCustomerData(store);
      expect(await data.erase({ channelId: 'tg', platformUserId: 'ana' }, IT)).toMatchObject({ conversations: 1, messages: 1, heldMessages: 2 });
      expect(await data.erase({ channelId: 'tg', platformUserId: 'bot' }, IT)).toEqual({ contactId: null, channelId: 'tg', conversations: 0, messages: 0, heldMessages: 2 });
      await expect(data.erase({ channelId: 'tg', platformUserId: 'bot' }, IT)).rejects.toMatchObject({ code: 'contact_unknown', message: expect.stringMatching(/nothing was changed/) });
      expect([await heldOf('ana'), await heldOf('bot'), await heldOf('sara')]).toEqual([0, 0, 1]);
      const trail = await store.q.all<{ target: string; details: string }>("SELECT target, details FROM audit WHERE action = 'customer.erase' ORDER BY seq");
      expect(trail.map((r) => JSON.parse(r.details) as Record<string, number>).map((d) => d.heldMessages)).toEqual([2, 2]);
      expect(JSON.stringify(trail)).not.toMatch(/4111 1111|ana|bot/);

      // Retention (either mode): held messages older than its days go, with the run's audit entry counting them.
      const retention = new HubRetention(store, { batch: 10 });
      await retention.setPolicy('tg', 'originals', 2, IT);
      await hold([inbound('e7', 'new', 'sara')]);
      t += 2 * DAY + 1;
      await hold([inbound('e8', 'newer', 'sara')]);
      const [r] = await retention.apply(IT);
      expect(r).toMatchObject({ channelId: 'tg', heldDeleted: 2, done: true });
      expect(await store.q.all<{ platform_message_id: string }>("SELECT platform_message_id FROM webhook_quarantine WHERE channel_id = 'tg'")).toEqual([{ platform_message_id: 'e8' }]);
      const run = await store.q.get<{ details: string }>("SELECT details FROM audit WHERE action = 'retention.run' ORDER BY seq DESC LIMIT 1");
      expect(JSON.parse(run!.details)).toMatchObject({ heldMessagesDeleted: 2 });
      await retention.setPolicy('tg', 'keep', null, IT);
      await new HubHeldMessages(store).discard('tg', 10, IT);
    });

    it('a release that fails half-way (a blob that does not open) changes nothing', async () => {
      await intake.relay('wa', queue, [DESK], [inbound('g1')], [], perMessage(() => false), sealHeld);
      await store.q.run("UPDATE webhook_quarantine SET platform_message_id = 'forged' WHERE channel_id = 'wa'");
      const held = new HubHeldMessages(store);
      const before = await store.latestEventSeq();
      await expect(held.release('wa', 10, LEAD, openHeld, async () => 1)).rejects.toThrow();
      expect(await held.counts()).toMatchObject([{ channelId: 'wa', held: 1 }]);
      expect(await store.latestEventSeq()).toBe(before);
      await held.discard('wa', 10, LEAD);
    });

    it('holding writes `quarantine.held` (channel and count only) for leads and administrators; the console’s list and its chosen releases and discards', async () => {
      await store.saveChannel({ id: 'tg2', kind: 'telegram', name: 'Telegram 2', enabled: true, config: {} }, IT);
      const before = await store.latestEventSeq();
      await intake.relay('wa', queue, [DESK], [inbound('h1', 'card 4111 1111 1111 1111'), inbound('h2'), inbound('h3')], [], perMessage(() => false), sealHeld);
      // A hub channel's delivery: two held, one stored, in one group commit of two deliveries.
      const prepared = (m: InboundMessage) => ({ ...m, contact: m.contact, maskedText: 'masked', sealedText: null, attachments: [], fields: [], seal: () => ({ text: null, fields: [] }) });
      const job = (ids: string[]) => ({ channelId: 'tg2', delivery: { messages: ids.map((id) => ({ inbound: inbound(id), prepared: prepared(inbound(id)) })), deliveries: [] }, admit: perMessage((m: InboundMessage) => m.platformMessageId === 'k1'), seal: sealHeld });
      await intake.acceptMany([job(['k1', 'k2']), job(['k3'])]);
      const events = await store.eventsAfter(before);
      expect(events.filter((e) => e.kind === 'quarantine.held').map((e) => [e.audience, e.payload])).toEqual([
        ['leads', { channelId: 'wa', added: 3 }],
        ['admins', { channelId: 'wa', added: 3 }],
        ['leads', { channelId: 'tg2', added: 2 }],
        ['admins', { channelId: 'tg2', added: 2 }],
      ]);
      expect(JSON.stringify(events)).not.toMatch(/4111 1111|hello|u1/);

      const held = new HubHeldMessages(store);
      const oldest = await held.oldest(200);
      expect(oldest.map((r) => [r.channelId, r.platformMessageId, r.reason])).toEqual([
        ['wa', 'h1', 'flood'],
        ['wa', 'h2', 'flood'],
        ['wa', 'h3', 'flood'],
        ['tg2', 'k2', 'flood'],
        ['tg2', 'k3', 'flood'],
      ]);
      expect((await held.oldest(2)).map((r) => r.platformMessageId)).toEqual(['h1', 'h2']);
      const idOf = (pid: string) => oldest.find((r) => r.platformMessageId === pid)!.id;
      const deliver = (x: SqlExecutor, ms: InboundMessage[]) => queue.enqueueIn(x, 'wa', [DESK], ms.map((m) => ({ kind: 'message' as const, message: m })));
      // Exactly the chosen ones; another channel's id named with them is not taken.
      expect(await held.release('wa', 1000, LEAD, openHeld, deliver, [idOf('h2'), idOf('k2')])).toEqual({ released: 1, delivered: 1, left: 2 });
      expect(await held.discard('wa', 1000, LEAD, [idOf('h3')])).toEqual({ discarded: 1, left: 1 });
      await expect(held.discard('wa', 1000, LEAD, [idOf('h3')])).rejects.toMatchObject({ code: 'quarantine_empty', message: expect.stringMatching(/no longer waiting/) });
      expect((await held.oldest(200)).map((r) => r.platformMessageId)).toEqual(['h1', 'k2', 'k3']);
      const got = await queue.take('wa', DESK, 0, 1000);
      expect(got.events.filter((e) => e.kind === 'message').map((e) => e.kind === 'message' && e.message.platformMessageId)).toContain('h2');
      await held.discard('wa', 10, LEAD);
      await held.discard('tg2', 10, LEAD);
    });

    it('keeps which limit held each message and each sender’s flood; decides all of one sender’s at once, audited with counts and scope only', async () => {
      // The gate says which bucket was empty: the sender's own, or the whole channel's.
      const over = perMessage((m: InboundMessage) => (m.contact.platformUserId === 'loud' ? ('sender_rate' as const) : m.platformMessageId === 's5' ? ('channel_rate' as const) : true));
      t += 1_000;
      await intake.relay('wa', queue, [DESK], [inbound('s1', 'one', 'loud'), inbound('s2', 'card 4111 1111 1111 1111', 'loud')], [], over, sealHeld);
      t += 60_000;
      await intake.relay('wa', queue, [DESK], [inbound('s3', 'three', 'loud'), inbound('s4', 'fine', 'calm'), inbound('s5', 'busy', 'calm')], [], over, sealHeld);
      const held = new HubHeldMessages(store);
      const oldest = await held.oldest(200);
      expect(oldest.map((r) => [r.platformMessageId, r.reason, r.fromSender?.held])).toEqual([
        ['s1', 'sender_rate', 3],
        ['s2', 'sender_rate', 3],
        ['s3', 'sender_rate', 3],
        ['s5', 'channel_rate', 1],
      ]);
      expect(oldest[0]!.fromSender).toEqual({ held: 3, firstAt: t - 60_000, lastAt: t });
      const idOf = (pid: string) => oldest.find((r) => r.platformMessageId === pid)!.id;
      const deliver = (x: SqlExecutor, ms: InboundMessage[]) => queue.enqueueIn(x, 'wa', [DESK], ms.map((m) => ({ kind: 'message' as const, message: m })));
      const before = await store.q.get<{ n: number | string }>("SELECT COUNT(*) AS n FROM audit WHERE action LIKE 'guard.quarantine.%'");
      // Named by one of the sender's held messages (the console never holds the sender's id): all three, not Calm's.
      expect(await held.release('wa', 1000, LEAD, openHeld, deliver, { sameSenderAs: idOf('s2') })).toEqual({ released: 3, delivered: 3, left: 1 });
      await expect(held.discard('wa', 1000, LEAD, { sameSenderAs: idOf('s2') })).rejects.toMatchObject({ code: 'quarantine_empty' });
      // Another channel's id takes nothing.
      await expect(held.discard('tg', 1000, LEAD, { sameSenderAs: idOf('s5') })).rejects.toMatchObject({ code: 'quarantine_empty' });
      expect(await held.discard('wa', 1000, LEAD, { sameSenderAs: idOf('s5') })).toEqual({ discarded: 1, left: 0 });
      const trail = await store.q.all<{ action: string; details: string }>("SELECT action, details FROM audit WHERE action LIKE 'guard.quarantine.%' ORDER BY seq LIMIT 10 OFFSET ?", [Number(before!.n)]);
      expect(trail.map((a) => [a.action, JSON.parse(a.details)])).toEqual([
        ['guard.quarantine.released', { released: 3, delivered: 3, left: 1, scope: 'sender' }],
        ['guard.quarantine.discarded', { discarded: 1, left: 0, scope: 'sender' }],
      ]);
      expect(JSON.stringify(trail)).not.toMatch(/loud|calm|4111/);
      await queue.take('wa', DESK, 0, 1000);
    });
  });
}
