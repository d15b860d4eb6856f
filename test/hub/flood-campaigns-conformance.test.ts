import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../main/core/shared/messages';
import { HubStore, WebhookIntakeStore } from '../../main/hub/store';
import type { SqlExecutor } from '../../main/hub/store/executor';
import { SharedFloodBuckets, type SharedFloodOptions } from '../../main/hub/store/flood-buckets';
import { HubHeldMessages } from '../../main/hub/store/held-messages';
import { heldCopiesOf } from '../../main/hub/store/held-copies';
import { HubCustomerData } from '../../main/hub/store/customer-data';
import { bothAdapters, recording, secondNode } from './adapters';
import { preparedMessage } from './prepared-message';

/**
 * Near-duplicate collapse and surge mode at the hub, shared by every node: a campaign's copies from many new senders
 * held as `duplicate` (the first ones stored, as on a single seat), an unrelated new sender and a known customer let
 * through, counts audited, released like any held message — on both adapters, and from two nodes at once.
 */
const adapters = bothAdapters('hub-flood-campaigns-');
const actor = { actor: 'test', device: null };
const T0 = 50_000_000;
const CAMPAIGN = 'Your service stole my money, give it back now or I report you #boycott';
const rates = { perSender: { perMinute: 30, burst: 20 }, perChannel: { perMinute: 6_000, burst: 1_000 } };
const surge = { factor: 5, exitFactor: 2, minPerMinute: 300 };

function msg(id: string, sender: string, text: string): { inbound: InboundMessage; prepared: ReturnType<typeof preparedMessage> } {
  const inbound = { platformMessageId: id, platformConversationId: `chat-${sender}`, contact: { platformUserId: sender }, direction: 'in', text, sentAt: 1_000 } as InboundMessage;
  return { inbound, prepared: preparedMessage(id, `chat-${sender}`, 1_000, { contact: { platformUserId: sender }, maskedText: text }) };
}
const seal = (m: InboundMessage) => Buffer.from(JSON.stringify(m));
const open = (_id: string, b: Buffer) => JSON.parse(b.toString('utf8')) as InboundMessage;

for (const [name, openStore] of Object.entries(adapters)) {
  describe(`near-duplicate collapse at the hub: ${name}`, () => {
    let store: HubStore;
    let intake: WebhookIntakeStore;
    let now = T0;
    beforeAll(async () => {
      store = await openStore(() => now);
      await store.migrate();
      for (const id of ['tg', 'wa', 'sg']) await store.saveChannel({ id, kind: 'telegram', name: id, config: {}, enabled: true }, actor);
      intake = new WebhookIntakeStore(store, () => now);
    });
    afterAll(async () => {
      await store?.close();
    });

    const gateOf = (o: SharedFloodOptions = {}) => new SharedFloodBuckets(rates, { campaigns: { windowMs: 600_000, surge }, audit: (t, e) => store.appendAudit(t, e), ...o });
    const admitWith = (gate: SharedFloodBuckets, channelId: string) => (ms: readonly InboundMessage[], t: SqlExecutor) => gate.admitBatch(t, channelId, ms, now);
    const stored = async (channel: string) => (await store.q.all<{ p: string }>("SELECT platform_message_id AS p FROM messages WHERE channel_id = ? AND direction = 'in' ORDER BY id", [channel])).map((r) => r.p);
    const conversationOf = async (platformMessageId: string) => Number((await store.q.get<{ c: number | string }>('SELECT conversation_id AS c FROM messages WHERE platform_message_id = ?', [platformMessageId]))!.c);
    const copyEvents = async (conversationId: number) =>
      (await store.q.all<{ payload: string }>("SELECT payload FROM events WHERE kind = 'conversation.copies' ORDER BY seq")).map((e) => JSON.parse(e.payload) as { conversationId: number; heldCopies: number }).filter((p) => p.conversationId === conversationId).map((p) => p.heldCopies);
    const held = async (channel: string) => (await store.q.all<{ p: string; reason: string }>('SELECT platform_message_id AS p, reason FROM webhook_quarantine WHERE channel_id = ? ORDER BY id', [channel])).map((r) => [r.p, r.reason]);

    it('holds a campaign’s copies from many new senders as duplicates, across batches, while an unrelated new sender and a known customer get in; released like any held message', async () => {
      const gate = gateOf();
      const admit = admitWith(gate, 'tg');
      // A customer the team has answered sends the campaign's text too: never collapsed.
      await intake.acceptPolled('tg', [msg('k0', 'known', 'hello, my parcel is late')], '1', admit, seal);
      const conv = (await store.conversations({})).find((c) => c.channelId === 'tg')!;
      const agent = await store.createUser({ username: 'amal', displayName: 'Amal', role: 'agent', passwordHash: 'x' }, actor);
      await store.enqueueReply({ conversationId: conv.id, authorId: agent.id, device: 'd', clientId: 'client-camp-1', maskedText: 'ok', fields: [], seal: () => ({ text: null, fields: [] }), outboxText: () => Buffer.from('r'), actor });

      const first = [0, 1, 2, 3, 4].map((i) => msg(`c${i}`, `bot${i}`, `${CAMPAIGN} ${i}`));
      const r1 = await intake.acceptPolled('tg', [...first, msg('n1', 'noura', 'سلام، طلبي لم يصل بعد — order 7781')], '2', admit, seal);
      // Two copies stored, the third opens the conversation the team answers (stored), the rest held.
      expect(r1).toMatchObject({ inserted: 4, quarantined: 2, collapsed: 2 });
      now += 30_000;
      const r2 = await intake.acceptPolled('tg', [msg('c5', 'bot5', `${CAMPAIGN}!!`), msg('k1', 'known', CAMPAIGN), msg('c6', 'bot6', `${CAMPAIGN} 😡`)], '3', admit, seal);
      expect(r2).toMatchObject({ inserted: 1, quarantined: 2, collapsed: 2 });
      expect(await stored('tg')).toEqual(['k0', 'c0', 'c1', 'c2', 'n1', 'k1']);
      expect(await held('tg')).toEqual([
        ['c3', 'duplicate'],
        ['c4', 'duplicate'],
        ['c5', 'duplicate'],
        ['c6', 'duplicate'],
      ]);
      const audit = await store.q.all<{ details: string }>("SELECT details FROM audit WHERE action = 'guard.quarantine.held' ORDER BY seq");
      expect(audit.map((a) => JSON.parse(a.details))).toEqual([
        { messages: 2, reason: 'flood', collapsed: 2, polled: true },
        { messages: 2, reason: 'flood', collapsed: 2, polled: true },
      ]);
      // Neither the text nor a sender's id is kept with the clusters.
      const clusters = JSON.stringify(await store.q.all('SELECT * FROM flood_clusters'));
      for (const s of ['stole', 'bot1', 'noura', 'known']) expect(clusters).not.toContain(s);

      // The four copies count on the conversation the campaign's first stored copy (c2) opened, told to consoles per commit.
      const opened = await conversationOf('c2');
      expect(await heldCopiesOf(store.q, [opened, conv.id])).toEqual(new Map([[opened, 4]]));
      expect(await copyEvents(opened)).toEqual([2, 4]);

      const heldMessages = new HubHeldMessages(store);
      const deliver = async (t: SqlExecutor, ms: InboundMessage[]) => (await store.ingest('tg', ms.map((m) => msg(m.platformMessageId, m.contact.platformUserId, m.text).prepared), undefined, t)).inserted;
      const oldest = (await heldMessages.oldest(200)).filter((h) => h.channelId === 'tg');
      expect(oldest.map((h) => h.reason)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
      expect(oldest.map((h) => h.copiesOn)).toEqual(Array(4).fill({ conversationId: opened, held: 4 }));
      expect(await heldMessages.release('tg', 1, { actor: 'user:layla', device: null }, open, deliver)).toEqual({ released: 1, delivered: 1, left: 3 });
      expect(await stored('tg')).toContain('c3');
      expect(await heldMessages.discard('tg', 1, { actor: 'user:layla', device: null })).toEqual({ discarded: 1, left: 2 });
      expect(await heldCopiesOf(store.q, [opened])).toEqual(new Map([[opened, 2]]));
      expect(await copyEvents(opened)).toEqual([2, 4, 3, 2]);
      expect((await store.verifyAudit()).broken).toBeNull();
    });

    it('a polled batch that holds copies writes them, their count, its events and its audit entry in a few statements (PostgreSQL: three after the cursor)', async () => {
      const seen: string[] = [];
      const counted = new HubStore(recording(store.q, seen), () => now);
      const countedIntake = new WebhookIntakeStore(counted, () => now);
      await store.saveChannel({ id: 'st', kind: 'telegram', name: 'st', config: {}, enabled: true }, actor);
      const admit = admitWith(gateOf(), 'st');
      const text = `${CAMPAIGN} — statements`;
      // Three copies get in (the third opens the campaign's conversation); then a batch of five more and one unlike.
      await intake.acceptPolled('st', [0, 1, 2].map((i) => msg(`st${i}`, `sbot${i}`, `${text} ${i}`)), 's1', admit, seal);
      const opened = await conversationOf('st2');
      seen.length = 0;
      const r = await countedIntake.acceptPolled('st', [...[3, 4, 5, 6, 7].map((i) => msg(`st${i}`, `sbot${i}`, `${text} ${i}`)), msg('st-n', 'sara', 'my card was charged twice')], 's2', admit, seal);
      expect(r).toMatchObject({ inserted: 1, quarantined: 5, collapsed: 5 });
      const after = seen.slice(seen.findIndex((q) => q.startsWith('UPDATE channels SET cursor')) + 1).map((q) => q.replace(/\s+/g, ' ').trim().slice(0, 30));
      expect(after).toEqual(
        name === 'postgres'
          ? ['WITH held AS (INSERT INTO webh', 'SELECT hash FROM audit ORDER B', 'WITH audited AS (INSERT INTO a']
          : ['INSERT INTO webhook_quarantine', 'SELECT conversation_id AS c, C', 'SELECT hash FROM audit ORDER B', 'INSERT INTO audit (at, actor, ', 'INSERT INTO events (at, kind, '],
      );
      // What they wrote: the count on the campaign's conversation, the leads' and administrators' events, the audit entry.
      expect(await copyEvents(opened)).toEqual([5]);
      const events = await store.q.all<{ kind: string; audience: string; payload: string }>('SELECT kind, audience, payload FROM events WHERE seq > (SELECT MAX(seq) - 3 FROM events) ORDER BY seq');
      expect(events.map((e) => [e.kind, e.audience, JSON.parse(e.payload)])).toEqual([
        ['conversation.copies', 'conversation', { conversationId: opened, channelId: 'st', heldCopies: 5 }],
        ['quarantine.held', 'leads', { channelId: 'st', added: 5 }],
        ['quarantine.held', 'admins', { channelId: 'st', added: 5 }],
      ]);
      const audit = await store.q.get<{ details: string }>("SELECT details FROM audit WHERE action = 'guard.quarantine.held' ORDER BY seq DESC LIMIT 1");
      expect(JSON.parse(audit!.details)).toEqual({ messages: 5, reason: 'flood', collapsed: 5, polled: true });
      expect((await store.verifyAudit()).broken).toBeNull();
    });

    it('collapses from the second copy in surge mode, and audits entering it', async () => {
      const gate = gateOf({ campaigns: { windowMs: 600_000, surge: { factor: 5, exitFactor: 2, minPerMinute: 4 } } });
      const admit = admitWith(gate, 'sg');
      now += 3_600_000;
      // Five distinct messages in a minute, over the floor of four and five times the starting baseline: surge mode.
      const r1 = await intake.acceptPolled('sg', ['first', 'second', 'third', 'fourth', 'fifth'].map((w, i) => msg(`s${i}`, `p${i}`, `a ${w} message about something else entirely ${w}`)), '1', admit, seal);
      expect(r1).toMatchObject({ inserted: 5, quarantined: 0 });
      const entered = await store.q.all<{ details: string; target: string }>("SELECT details, target FROM audit WHERE action = 'guard.surge.entered'");
      expect(entered.map((e) => [e.target, Object.keys(JSON.parse(e.details)).sort()])).toEqual([['channel:sg', ['baseline', 'perMinute']]]);
      const r2 = await intake.acceptPolled('sg', [0, 1, 2].map((i) => msg(`d${i}`, `q${i}`, CAMPAIGN)), '2', admit, seal);
      // The second copy opens the cluster (stored), the third is held.
      expect(r2).toMatchObject({ inserted: 2, quarantined: 1, collapsed: 1 });
    });

    it('collapses at the thresholds IT set (webhooks.flood.collapseAfterCopies), not at the single seat’s', async () => {
      await store.saveChannel({ id: 'it', kind: 'telegram', name: 'it', config: {}, enabled: true }, actor);
      const admit = admitWith(gateOf({ campaigns: { windowMs: 600_000, surge, collapseAt: { copies: 5, inSurge: 3 } } }), 'it');
      now += 3_600_000;
      const r = await intake.acceptPolled('it', [0, 1, 2, 3, 4, 5, 6].map((i) => msg(`t${i}`, `it${i}`, `${CAMPAIGN} ${i}`)), '1', admit, seal);
      // Four copies stored, the fifth opens the conversation (stored), the sixth and seventh held.
      expect(r).toMatchObject({ inserted: 5, quarantined: 2, collapsed: 2 });
    });

    it('two nodes count one campaign together: copies from many new senders posted to both at once are collapsed, an unrelated sender gets in', async () => {
      now += 3_600_000;
      const other = secondNode(store, () => now);
      const otherIntake = new WebhookIntakeStore(other, () => now);
      const nodeA = admitWith(gateOf(), 'wa');
      const nodeB = admitWith(new SharedFloodBuckets(rates, { campaigns: { windowMs: 600_000, surge }, audit: (t, e) => other.appendAudit(t, e) }), 'wa');
      const deliveries = Array.from({ length: 40 }, (_, i) => ({ messages: [msg(`w${i}`, `acct${i}`, `${CAMPAIGN} from account ${i}`)], deliveries: [] }));
      await Promise.all([
        ...deliveries.map((d, i) => (i % 2 ? intake.accept('wa', d, nodeA, seal) : otherIntake.accept('wa', d, nodeB, seal))),
        otherIntake.accept('wa', { messages: [msg('u1', 'unrelated', 'Where is my refund for order 55120? It has been two weeks')], deliveries: [] }, nodeB, seal),
      ]);
      if (other !== store) await other.close();
      const ids = await stored('wa');
      expect(ids).toContain('u1');
      // Three copies get in (the third opens the cluster), whichever node took them; the other 37 are held.
      expect(ids.filter((p) => p.startsWith('w'))).toHaveLength(3);
      const h = await held('wa');
      expect(h).toHaveLength(37);
      expect(new Set(h.map(([, reason]) => reason))).toEqual(new Set(['duplicate']));
      // Both nodes see the 37 copies on the one conversation the campaign opened.
      const openers = await store.q.all<{ c: number | string }>("SELECT DISTINCT conversation_id AS c FROM webhook_quarantine WHERE channel_id = 'wa'");
      expect(openers).toHaveLength(1);
      const opened = Number(openers[0]!.c);
      expect(ids.map((p) => p)).toContain((await store.q.get<{ p: string }>('SELECT platform_message_id AS p FROM messages WHERE conversation_id = ?', [opened]))!.p);
      const again = secondNode(store, () => now);
      expect(await heldCopiesOf(store.q, [opened])).toEqual(new Map([[opened, 37]]));
      expect(await heldCopiesOf(again.q, [opened])).toEqual(new Map([[opened, 37]]));
      if (again !== store) await again.close();
    });

    it('copies whose campaign opener was itself held count on its conversation once it is released; rows held before hub migration 23 count nowhere', async () => {
      now += 3_600_000;
      await store.saveChannel({ id: 'lt', kind: 'telegram', name: 'lt', config: {}, enabled: true }, actor);
      // A channel limit of two: lt2 spends one token earlier; in the campaign its copy, the third, opens the cluster
      // when the channel's bucket is empty and lt2 is no first-time sender, so it is held by the channel's limit.
      const tight = new SharedFloodBuckets({ perSender: rates.perSender, perChannel: { perMinute: 1, burst: 2 } }, { campaigns: { windowMs: 600_000, surge } });
      await intake.acceptPolled('lt', [msg('p2', 'lt2', 'a different question about my order, please')], '0', admitWith(tight, 'lt'), seal);
      const r = await intake.acceptPolled('lt', [0, 1, 2, 3, 4].map((i) => msg(`o${i}`, `lt${i}`, `${CAMPAIGN} ${i}`)), '1', admitWith(tight, 'lt'), seal);
      expect(r).toMatchObject({ inserted: 2, quarantined: 3, collapsed: 2 });
      expect(await held('lt')).toEqual([
        ['o2', 'channel_rate'],
        ['o3', 'duplicate'],
        ['o4', 'duplicate'],
      ]);
      expect((await store.q.all<{ c: unknown }>("SELECT conversation_id AS c FROM webhook_quarantine WHERE channel_id = 'lt'")).map((x) => x.c)).toEqual([null, null, null]);
      const heldMessages = new HubHeldMessages(store);
      const deliver = async (t: SqlExecutor, ms: InboundMessage[]) => (await store.ingest('lt', ms.map((m) => msg(m.platformMessageId, m.contact.platformUserId, m.text).prepared), undefined, t)).inserted;
      const o2 = (await heldMessages.oldest(200)).find((h) => h.platformMessageId === 'o2')!;
      await heldMessages.release('lt', 1, actor, open, deliver, [o2.id]);
      const opened = await conversationOf('o2');
      expect(await heldCopiesOf(store.q, [opened])).toEqual(new Map([[opened, 2]]));
      expect(await copyEvents(opened)).toEqual([2]);
      // A row from before the migration (no copy_of, no conversation) is listed and decided as before, counted nowhere.
      await store.q.run("INSERT INTO webhook_quarantine (channel_id, platform_message_id, reason, sealed, received_at, sender) VALUES ('lt', 'old1', 'duplicate', ?, ?, 'lt9')", [seal(msg('old1', 'lt9', CAMPAIGN).inbound), now]);
      expect((await heldMessages.oldest(200)).find((h) => h.platformMessageId === 'old1')!.copiesOn).toBeNull();
      expect(await heldMessages.discard('lt', 1, actor, [(await heldMessages.oldest(200)).find((h) => h.platformMessageId === 'old1')!.id])).toEqual({ discarded: 1, left: 2 });
      expect(await heldCopiesOf(store.q, [opened])).toEqual(new Map([[opened, 2]]));
      // Erasing a customer known only by a held copy takes it off the count too, and consoles are told.
      expect(await new HubCustomerData(store).erase({ channelId: 'lt', platformUserId: 'lt3' }, actor)).toMatchObject({ contactId: null, heldMessages: 1 });
      expect(await heldCopiesOf(store.q, [opened])).toEqual(new Map([[opened, 1]]));
      expect(await copyEvents(opened)).toEqual([2, 1]);
    });
  });
}
