import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GUARD_POLICY, DRILL_KINDS, drillReplyOutcome, judgeReply } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';
import { mayReceive } from '../../main/hub/audience';
import { HubStore, type PreparedMessage } from '../../main/hub/store';
import { HubDrills, type PrepareDrillMessage } from '../../main/hub/store/drills';
import type { HubUser } from '../../main/hub/store/types';
import { bothAdapters, secondNode } from './adapters';
import { preparedMessage } from './prepared-message';

/** Phishing drills at the hub (issue 16): started, delivered as customer messages, scored and reported, on both adapters. */
const adapters = bothAdapters('hub-drills-');

const actor = { actor: 'test', device: null };
const T0 = Date.UTC(2026, 11, 1, 9);

/** As the hub prepares a channel's message, without the sealing keys: masked text as given, no sealed fields. */
const prepare: PrepareDrillMessage = (m): PreparedMessage =>
  preparedMessage(m.drillMessageId, m.drillMessageId, m.sentAt, { contact: { platformUserId: m.drillMessageId }, maskedText: m.text });

const verdictOf = (text: string) => drillReplyOutcome(judgeReply(text, 'en', DEFAULT_GUARD_POLICY, detectSensitive).verdict);

for (const [name, open] of Object.entries(adapters)) {
  describe(`phishing drills at the hub: ${name}`, () => {
    let store: HubStore;
    let drills: HubDrills;
    let admin: HubUser, amal: HubUser, omid: HubUser, layla: HubUser;
    const t = T0;
    const now = () => t;
    beforeAll(async () => {
      store = await open(now);
      await store.migrate();
      drills = new HubDrills(store);
      await store.saveChannel({ id: 'tg', kind: 'telegram', name: 'Telegram', config: {}, enabled: true }, actor);
      await store.saveChannel({ id: 'wa', kind: 'whatsapp', name: 'WhatsApp', config: {}, enabled: true }, actor);
      admin = await store.createUser({ username: 'aziz', displayName: 'Aziz', role: 'admin', passwordHash: 'x' }, actor);
      amal = await store.createUser({ username: 'amal', displayName: 'Amal', role: 'agent', passwordHash: 'x' }, actor);
      omid = await store.createUser({ username: 'omid', displayName: 'Omid', role: 'agent', passwordHash: 'x' }, actor);
      layla = await store.createUser({ username: 'layla', displayName: 'Layla', role: 'lead', passwordHash: 'x' }, actor);
      amal = await store.updateUser(amal.id, { channels: ['tg'] }, { ...actor, action: 'user.channels' });
      omid = await store.updateUser(omid.id, { channels: ['wa'] }, { ...actor, action: 'user.channels' });
    });
    afterAll(async () => {
      await store?.close();
    });

    it('only an administrator starts a drill, with known kinds, on a channel the hub has; a refusal writes nothing', async () => {
      const seq = await store.latestEventSeq();
      const base = { channelId: 'tg', targetId: amal.id, companyDomain: 'acme.com', prepare };
      await expect(drills.start({ ...base, by: { id: layla.id, role: 'lead' } }, actor)).rejects.toMatchObject({ code: 'drill_forbidden' });
      await expect(drills.start({ ...base, by: { id: admin.id, role: 'admin' }, kinds: ['nonsense' as never] }, actor)).rejects.toMatchObject({ code: 'drill_bad_kind' });
      await expect(drills.start({ ...base, by: { id: admin.id, role: 'admin' }, channelId: 'nowhere' }, actor)).rejects.toMatchObject({ code: 'channel_unknown' });
      expect(await store.eventsAfter(seq)).toEqual([]);
      expect(await store.q.all('SELECT id FROM drills')).toEqual([]);
      await expect(drills.report('drill-00')).rejects.toMatchObject({ code: 'drill_not_found' });
    });

    it("delivers one attempt per kind as customer messages assigned to the agent, seen by the agent's console but not told apart", async () => {
      const seq = await store.latestEventSeq();
      const started = await drills.start({ by: { id: admin.id, role: 'admin' }, channelId: 'tg', targetId: amal.id, companyDomain: 'acme.com', prepare }, { actor: 'aziz', device: 'dev-z' });
      expect(started).toMatchObject({ channelId: 'tg', targetId: amal.id, kinds: [...DRILL_KINDS], startsAt: T0, endsAt: T0 + 60 * 60_000 });
      expect(started.conversationIds).toHaveLength(DRILL_KINDS.length);
      expect(new Set(started.conversationIds).size).toBe(DRILL_KINDS.length);
      for (const id of started.conversationIds) {
        expect(await store.conversation(id)).toMatchObject({ channelId: 'tg', assigneeId: amal.id, status: 'open' });
        const [m] = await store.messages(id);
        expect(m).toMatchObject({ direction: 'in', authorId: null });
        expect(await drills.drillMessageOf(m!.id)).toMatch(/^drillmsg-[0-9a-f]{16}$/);
        expect(await drills.isDrillConversation(id)).toBe(true);
      }
      // The look-alike imitates the company's own domain.
      const texts = (await Promise.all(started.conversationIds.map((id) => store.messages(id)))).flat().map((m) => m.maskedText);
      expect(texts.some((x) => /acme|arne/.test(x))).toBe(true);

      const events = await store.eventsAfter(seq);
      const toAmal = events.filter((e) => mayReceive(amal, e));
      const toOmid = events.filter((e) => mayReceive(omid, e));
      expect(toAmal.filter((e) => e.kind === 'message.added')).toHaveLength(DRILL_KINDS.length);
      expect(toAmal.filter((e) => e.kind === 'conversation.updated' && (e.payload as { assigneeId: number | null }).assigneeId === amal.id)).toHaveLength(DRILL_KINDS.length);
      // The agent's stream looks like customers writing: nothing names a drill.
      expect(toAmal.map((e) => e.kind)).not.toContain('drill.started');
      expect(JSON.stringify(toAmal)).not.toMatch(/drill/i);
      // A colleague on another channel sees none of it; leads and administrators hear that the drill started.
      expect(toOmid).toEqual([]);
      expect(events.filter((e) => e.kind === 'drill.started').map((e) => e.audience)).toEqual(['leads', 'admins']);
      expect(events.filter((e) => mayReceive(layla, e) && e.kind === 'drill.started')).toHaveLength(1);
      const audit = await store.q.all<{ actor: string; target: string; details: string }>("SELECT actor, target, details FROM audit WHERE action = 'guard.drill.scheduled'");
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor: 'aziz', target: `drill:${started.drillId}` });
      expect(JSON.parse(audit[0]!.details)).toMatchObject({ channel: 'tg', targetId: amal.id, kinds: [...DRILL_KINDS] });
    });

    it("scores each person's first response — a report, a safe or an unsafe reply — and reports counts to leads from any node", async () => {
      const started = await drills.start({ by: { id: admin.id, role: 'admin' }, channelId: 'tg', targetId: amal.id, kinds: ['code_forward', 'upgrade_fee', 'lookalike_link'], companyDomain: 'acme.com', prepare }, actor);
      const [codeConv, feeConv, linkConv] = started.conversationIds as [number, number, number];
      const messageIn = async (c: number) => (await store.messages(c))[0]!.id;
      const seq = await store.latestEventSeq();

      // Reported as a scam: the response a drill hopes for; a second report by the same person changes nothing.
      const flagged = (await drills.drillMessageOf(await messageIn(codeConv)))!;
      expect(await drills.recordFlag(flagged, amal, { actor: 'amal', device: 'dev-a' })).toEqual({ recorded: true });
      expect(await drills.recordFlag(flagged, amal, { actor: 'amal', device: 'dev-a' })).toEqual({ recorded: false });
      // Replying with what the scam asks for is unsafe (judged by the outbound guard's rules, the text never kept).
      const unsafe = 'Sure, please send me the verification code you received by SMS and I will fix it.';
      expect(verdictOf(unsafe)).toBe('unsafe_reply');
      expect(await drills.recordReply(feeConv, amal, verdictOf(unsafe), { actor: 'amal', device: 'dev-a' })).toBe(1);
      // A colleague's safe reply counts for them; a later reply by the same person on the same attempt does not.
      const safe = 'We never ask for payments or codes in chat. Please contact us through the official app.';
      expect(verdictOf(safe)).toBe('safe_reply');
      expect(await drills.recordReply(linkConv, omid, verdictOf(safe), { actor: 'omid', device: 'dev-o' })).toBe(1);
      expect(await drills.recordReply(linkConv, omid, verdictOf(unsafe), { actor: 'omid', device: 'dev-o' })).toBe(0);
      await expect(drills.recordFlag('drillmsg-nope', amal, actor)).rejects.toMatchObject({ code: 'drill_message_unknown' });

      const events = await store.eventsAfter(seq);
      expect(events.map((e) => `${e.kind}/${e.audience}`)).toEqual(['drill.scored/leads', 'drill.scored/admins', 'drill.scored/leads', 'drill.scored/admins', 'drill.scored/leads', 'drill.scored/admins']);
      expect(events.filter((e) => mayReceive(amal, e))).toEqual([]);
      expect(JSON.stringify(events)).not.toMatch(/verification|official/);
      const audit = await store.q.all<{ action: string; actor: string; target: string }>("SELECT action, actor, target FROM audit WHERE action LIKE 'guard.drill.%' AND action <> 'guard.drill.scheduled' ORDER BY seq");
      expect(audit.map((a) => [a.action, a.actor])).toEqual([
        ['guard.drill.flagged', 'amal'],
        ['guard.drill.unsafe_reply', 'amal'],
        ['guard.drill.safe_reply', 'omid'],
      ]);

      const other = secondNode(store, now);
      const report = await new HubDrills(other).report(started.drillId);
      expect(report).toEqual({
        drillId: started.drillId,
        startsAt: T0,
        endsAt: T0 + 60 * 60_000,
        messagesSent: 3,
        agents: [
          { userId: amal.id, username: 'amal', displayName: 'Amal', flagged: 1, unsafeReplies: 1, safeReplies: 0 },
          { userId: omid.id, username: 'omid', displayName: 'Omid', flagged: 0, unsafeReplies: 0, safeReplies: 1 },
        ],
      });
      if (other !== store) await other.close();
    });

    it("keeps a reply in a drill's conversation at the hub: written as sent, never queued for a platform", async () => {
      const started = await drills.start({ by: { id: admin.id, role: 'admin' }, channelId: 'tg', targetId: null, kinds: ['account_frozen'], companyDomain: 'acme.com', prepare }, actor);
      const conversationId = started.conversationIds[0]!;
      expect(await store.conversation(conversationId)).toMatchObject({ assigneeId: null });
      const reply = (clientId: string, stayAtHub: boolean) =>
        store.enqueueReply({
          conversationId,
          authorId: amal.id,
          device: 'dev-a',
          clientId,
          maskedText: 'Thanks, I will check.',
          fields: [],
          seal: () => ({ text: null, fields: [] }),
          outboxText: () => Buffer.from('clear copy'),
          actor: { actor: 'amal', device: 'dev-a' },
          stayAtHub,
        });
      const seq = await store.latestEventSeq();
      const r = await reply('drill-reply-1', true);
      expect(await store.q.get('SELECT state, pending_text FROM outbox WHERE id = ?', [r.outboxId])).toEqual({ state: 'sent', pending_text: null });
      expect(await store.claimOutbox('tg', t + 60_000)).toBeNull();
      const added = (await store.eventsAfter(seq)).find((e) => e.kind === 'message.added');
      expect(added?.payload).toMatchObject({ id: r.messageId, direction: 'out', delivery: 'sent' });
      // The same reply sent again (a console retrying after a lost answer) is the first one back.
      expect(await reply('drill-reply-1', true)).toMatchObject({ messageId: r.messageId, duplicate: true });
    });
  });
}
