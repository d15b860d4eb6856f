import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsentStore, HubStore, WorkflowStore, DEFAULT_RULE, type ChannelRule, type PreparedMessage } from '../../main/hub/store';
import { HubTranscriptExport } from '../../main/hub/store/transcript-export';
import { bothAdapters, secondNode } from './adapters';
import { preparedMessage } from './prepared-message';

/** The team workflow's store operations, on both adapters: presence, the assignment sweep, return to queue, mentions, SLAs. */
const adapters = bothAdapters('hub-wf-');

const it_ = { actor: 'it:test', device: null };
const hub = { actor: 'hub:test' };
const MIN = 60_000;
const TTL = 30_000;

let serial = 0;
function inbound(conversation: string, sentAt: number, text = 'hello'): PreparedMessage {
  serial++;
  return preparedMessage(`m${serial}`, conversation, sentAt, { maskedText: text });
}

const rule = (channelId: string, over: Partial<ChannelRule> = {}): ChannelRule => ({ channelId, ...DEFAULT_RULE, ...over });

for (const [name, open] of Object.entries(adapters)) {
  describe(`team workflow store: ${name}`, () => {
    let store: HubStore;
    let wf: WorkflowStore;
    let second: () => Promise<HubStore>;
    // Thursday 3 December 2026, 08:00 UTC.
    let t = Date.UTC(2026, 11, 3, 8, 0);
    const now = () => t;
    const agents: number[] = [];
    let lead = 0;
    let outsider = 0;

    beforeAll(async () => {
      store = await open(now);
      second = async () => secondNode(store, now);
      await store.migrate();
      wf = new WorkflowStore(store, now);
      for (const id of ['tg', 'wa', 'fair', 'cap', 'back', 'sla']) await store.saveChannel({ id, kind: 'telegram', name: id, config: {}, enabled: true }, it_);
      for (let i = 1; i <= 4; i++) agents.push((await store.createUser({ username: `agent${i}`, displayName: `Agent ${i}`, role: 'agent', passwordHash: 'h' }, it_)).id);
      lead = (await store.createUser({ username: 'layla', displayName: 'Layla', role: 'lead', passwordHash: 'h' }, it_)).id;
      outsider = (await store.createUser({ username: 'omid', displayName: 'Omid', role: 'agent', passwordHash: 'h' }, it_)).id;
      await store.updateUser(outsider, { channels: ['wa'] }, { ...it_, action: 'user.channels' });
    });
    afterAll(async () => {
      await store?.close();
    });

    const events = async (kind: string, after: number) => (await store.eventsAfter(after, 10_000)).filter((e) => e.kind === kind);
    const openCounts = async (channelId: string) => {
      const rows = await store.q.all<{ assignee_id: number | null; n: number }>(
        "SELECT assignee_id, COUNT(*) AS n FROM conversations WHERE channel_id = ? AND status <> 'resolved' GROUP BY assignee_id",
        [channelId],
      );
      return new Map(rows.map((r) => [r.assignee_id, r.n]));
    };
    const resolveAll = async (channelId: string) => {
      for (const c of await store.conversations({ channels: [channelId], limit: 500 })) if (c.status !== 'resolved') await store.setStatus(c.id, 'resolved', it_);
    };

    it('presence: a heartbeat brings a console online once; silence past the TTL is offline, once, from when it went silent', async () => {
      const mark = await store.latestEventSeq();
      expect(await wf.heartbeat([agents[0]!], TTL)).toEqual([agents[0]]);
      expect(await wf.heartbeat([agents[0]!], TTL)).toEqual([]);
      expect((await events('presence.updated', mark)).map((e) => e.payload)).toEqual([{ userId: agents[0], state: 'online', since: t }]);

      await wf.setPresence(agents[0]!, 'away', TTL);
      await wf.heartbeat([agents[0]!], TTL); // the open stream keeps "away" alive, it does not undo it
      expect((await wf.presence()).find((p) => p.userId === agents[0])).toMatchObject({ state: 'away' });

      const silentAt = t + TTL;
      t += TTL - 1;
      expect(await wf.expirePresence()).toEqual([]);
      t += 1;
      // Two nodes notice at once: one of them writes it.
      const [a, b] = await Promise.all([wf.expirePresence(), wf.expirePresence()]);
      expect([...a, ...b]).toEqual([{ userId: agents[0], state: 'offline', since: silentAt }]);
      expect((await events('presence.updated', mark)).map((e) => (e.payload as { state: string }).state)).toEqual(['online', 'away', 'offline']);
      expect((await wf.presence()).find((p) => p.userId === agents[0])).toEqual({ userId: agents[0], state: 'offline', since: silentAt });
      expect((await wf.presence()).find((p) => p.userId === agents[1])).toEqual({ userId: agents[1], state: 'offline', since: 0 });
    });

    it('round robin: for any number of agents and conversations, the busiest has at most one more than the least busy', async () => {
      await wf.saveRule(rule('fair', { mode: 'round-robin', capacity: 1000 }), it_);
      let round = 0;
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 30 }), async (n, m) => {
          round++;
          const online = agents.slice(0, n);
          for (const id of agents) await wf.setPresence(id, online.includes(id) ? 'online' : 'away', TTL);
          for (let i = 0; i < m; i++) await store.ingest('fair', [inbound(`fair-${round}-${i}`, t)]);
          await wf.assignQueue(hub);
          const counts = await openCounts('fair');
          expect(counts.get(null) ?? 0).toBe(0);
          const per = online.map((id) => counts.get(id) ?? 0);
          expect(per.reduce((x, y) => x + y, 0)).toBe(m);
          expect(Math.max(...per) - Math.min(...per)).toBeLessThanOrEqual(1);
          for (const id of agents.slice(n)) expect(counts.get(id) ?? 0).toBe(0);
          await resolveAll('fair');
        }),
        { numRuns: 8 },
      );
      // Every automatic assignment is an event and an audit entry.
      const audited = await store.q.get<{ n: number }>("SELECT COUNT(*) AS n FROM audit WHERE action = 'conversation.assigned' AND actor = 'hub:test'");
      expect(audited!.n).toBeGreaterThan(0);
    });

    it('capacity is respected; a backlog waits, and goes to the agent who frees up; least-open fills the emptiest first', async () => {
      t += MIN;
      await wf.heartbeat(agents.slice(0, 3), TTL);
      await wf.saveRule(rule('cap', { mode: 'round-robin', capacity: 2 }), it_);
      await wf.setCapacity(agents[2]!, 1, it_);
      for (let i = 0; i < 8; i++) await store.ingest('cap', [inbound(`cap-${i}`, t + i)]);
      const first = await wf.assignQueue(hub);
      expect(first).toHaveLength(5);
      const counts = await openCounts('cap');
      expect([counts.get(agents[0]!), counts.get(agents[1]!), counts.get(agents[2]!), counts.get(null)]).toEqual([2, 2, 1, 3]);
      // Nothing more to give while everyone is full.
      expect(await wf.assignQueue(hub)).toEqual([]);
      // agent2 resolves one: the oldest waiting conversation goes to them.
      const mine = await store.conversations({ channels: ['cap'], assigneeId: agents[1]! });
      await store.setStatus(mine[0]!.id, 'resolved', it_);
      const next = await wf.assignQueue(hub);
      expect(next).toEqual([{ conversationId: expect.any(Number), assigneeId: agents[1] }]);
      const queued = (await store.conversations({ channels: ['cap'], limit: 500 })).filter((c) => c.assigneeId === null).map((c) => c.id);
      expect(Math.min(...queued)).toBeGreaterThan(next[0]!.conversationId);
      await resolveAll('cap');

      // Least open: agent1 already holds two elsewhere, so the next two go to the others.
      await wf.saveRule(rule('wa', { mode: 'least-open', capacity: 10 }), it_);
      for (let i = 0; i < 2; i++) await store.ingest('tg', [inbound(`held-${i}`, t)]);
      for (const c of (await store.conversations({ channels: ['tg'], limit: 500 })).filter((c) => c.assigneeId === null)) await store.assign(c.id, agents[0]!, it_);
      for (let i = 0; i < 2; i++) await store.ingest('wa', [inbound(`lo-${i}`, t + i)]);
      const lo = await wf.assignQueue(hub);
      expect(lo.map((a) => a.assigneeId).sort()).toEqual([agents[1], agents[2]].sort());
      await resolveAll('wa');
      await resolveAll('tg');
    });

    it('only agents who may read a channel, are online and are agents take its conversations', async () => {
      await wf.heartbeat([lead, outsider], TTL);
      await wf.saveRule(rule('tg', { mode: 'round-robin', capacity: 100 }), it_);
      for (let i = 0; i < 6; i++) await store.ingest('tg', [inbound(`tg-${i}`, t)]);
      const got = await wf.assignQueue(hub);
      expect(got).toHaveLength(6);
      expect(got.map((g) => g.assigneeId)).not.toContain(lead);
      expect(got.map((g) => g.assigneeId)).not.toContain(outsider); // omid works WhatsApp only
      expect(got.map((g) => g.assigneeId)).not.toContain(agents[3]); // never came online
      await resolveAll('tg');
    });

    it('two nodes sweeping at once never give one conversation to two people nor overfill an agent', async () => {
      await wf.saveRule(rule('tg', { mode: 'round-robin', capacity: 3 }), it_);
      for (let i = 0; i < 20; i++) await store.ingest('tg', [inbound(`race-${i}`, t)]);
      const other = await second();
      const wf2 = new WorkflowStore(other, now);
      const mark = await store.latestEventSeq();
      const [a, b] = await Promise.all([wf.assignQueue(hub), wf2.assignQueue({ actor: 'hub:other' })]);
      const all = [...a, ...b];
      expect(new Set(all.map((x) => x.conversationId)).size).toBe(all.length);
      expect(all).toHaveLength(7); // three online agents who read Telegram: three, three, and agent3's own capacity of one
      const counts = await openCounts('tg');
      expect(agents.slice(0, 3).map((id) => counts.get(id))).toEqual([3, 3, 1]);
      // One assignment event per conversation handed out.
      const updates = (await events('conversation.updated', mark)).filter((e) => (e.payload as { assigneeId: number | null }).assigneeId !== null);
      expect(updates).toHaveLength(7);
      if (other !== store) await other.close();
      await resolveAll('tg');
    });

    it('an assignee away (or silent) longer than the rule allows loses the conversations where the customer waits', async () => {
      await wf.saveRule(rule('back', { mode: 'manual', returnAfterMinutes: 5 }), it_);
      await wf.heartbeat([agents[0]!], TTL);
      await store.ingest('back', [inbound('back-waiting', t)]);
      await store.ingest('back', [inbound('back-answered', t)]);
      const [waiting, answered] = ['back-waiting', 'back-answered'].map((p) => p);
      const convs = await store.conversations({ channels: ['back'] });
      const byPlatform = async (p: string) => (await store.q.get<{ id: number }>('SELECT id FROM conversations WHERE platform_conversation_id = ?', [p]))!.id;
      const w = await byPlatform(waiting!);
      const a = await byPlatform(answered!);
      expect(convs).toHaveLength(2);
      for (const id of [w, a]) await store.assign(id, agents[0]!, it_);
      await store.enqueueReply({ conversationId: a, authorId: agents[0]!, device: 'd', clientId: 'answered-1', maskedText: 'we are on it', fields: [], seal: () => ({ text: null, fields: [] }), outboxText: () => Buffer.from('queued reply'), actor: it_ });

      // Away with the console open (its stream renews presence; a long TTL stands for those renewals here).
      await wf.setPresence(agents[0]!, 'away', 10 * MIN);
      t += 4 * MIN;
      await wf.heartbeat([agents[0]!], 10 * MIN);
      expect(await wf.returnToQueue(hub)).toEqual([]);
      t += MIN;
      await wf.heartbeat([agents[0]!], 10 * MIN);
      const mark = await store.latestEventSeq();
      expect(await wf.returnToQueue(hub)).toEqual([{ conversationId: w, from: agents[0] }]);
      expect((await store.conversation(w))!.assigneeId).toBeNull();
      expect((await store.conversation(a))!.assigneeId).toBe(agents[0]);
      expect((await events('conversation.returned', mark))[0]).toMatchObject({ audience: `user:${agents[0]}`, payload: { conversationId: w, minutes: 5 } });

      // A console that died: offline since its presence ran out, and after the rule's minutes its waiting conversations return.
      await wf.setPresence(agents[1]!, 'online', TTL);
      await store.ingest('back', [inbound('back-crash', t)]);
      const c = await byPlatform('back-crash');
      await store.assign(c, agents[1]!, it_);
      t += TTL + 5 * MIN - 1;
      await wf.expirePresence();
      expect(await wf.returnToQueue(hub)).toEqual([]);
      t += 1;
      expect(await wf.returnToQueue(hub)).toEqual([{ conversationId: c, from: agents[1] }]);
      const trail = await store.q.all<{ action: string }>("SELECT action FROM audit WHERE action = 'conversation.returned'");
      expect(trail).toHaveLength(2);
    });

    it('"only the assignee may reply" refuses anyone else with a sentence', async () => {
      await wf.saveRule(rule('back', { mode: 'manual', assigneeOnlyReply: true }), it_);
      const c = (await store.conversations({ channels: ['back'], limit: 10 }))[0]!;
      await store.assign(c.id, agents[2]!, it_);
      const fresh = (await store.conversation(c.id))!;
      await expect(wf.assertMayReply(fresh, agents[1]!)).rejects.toMatchObject({ code: 'not_assignee', message: expect.stringMatching(/only the assignee/) });
      await expect(wf.assertMayReply(fresh, agents[2]!)).resolves.toBeUndefined();
      await wf.saveRule(rule('back', { mode: 'manual' }), it_);
      await expect(wf.assertMayReply(fresh, agents[1]!)).resolves.toBeUndefined();
    });

    it('@mentions in a note notify each named colleague who may read the conversation, in the note\'s transaction', async () => {
      await store.ingest('tg', [inbound('mention-1', t)]);
      const c = (await store.q.get<{ id: number }>("SELECT id FROM conversations WHERE platform_conversation_id = 'mention-1'"))!.id;
      const author = { id: agents[0]!, username: 'agent1' };
      const mark = await store.latestEventSeq();
      const text = 'لطفاً @Agent2 و @layla ببینند، @omid هم. mail ana@agent3.example, @agent1 @nobody.';
      await store.addNote(c, author.id, text, null, it_, (tx, note) => wf.notifyMentions(tx, note, author, text).then(() => {}));
      const mentions = await events('note.mention', mark);
      // agent2 and the lead; not omid (WhatsApp only), not the author, not an e-mail address, not a stranger.
      expect(mentions.map((e) => e.audience).sort()).toEqual([`user:${agents[1]}`, `user:${lead}`].sort());
      expect(mentions[0]!.payload).toMatchObject({ conversationId: c, by: 'agent1' });
      // A note that fails writes no mention either.
      const before = await store.latestEventSeq();
      await expect(
        store.addNote(c, author.id, '@agent2 again', null, it_, async (tx, note) => {
          await wf.notifyMentions(tx, note, author, '@agent2 again');
          throw new Error('disk full');
        }),
      ).rejects.toThrow('disk full');
      expect(await store.latestEventSeq()).toBe(before);
    });

    it('SLA: the first-response clock runs on business hours; a breach alerts the leads and the assignee once', async () => {
      // Riyadh-style week (Friday–Saturday weekend), 09:00–17:00 in UTC for easy reading.
      await wf.saveCalendar({ timeZone: 'UTC', weekend: ['fri', 'sat'], hours: ['09:00-17:00'], holidays: ['2026-12-06'] }, it_);
      await wf.saveRule(rule('sla', { mode: 'manual', firstResponseMinutes: 60, resolutionMinutes: 8 * 60 }), it_);
      t = Date.UTC(2026, 11, 3, 16, 30); // Thursday 16:30
      await store.ingest('sla', [inbound('sla-1', t)]);
      const c = (await store.q.get<{ id: number }>("SELECT id FROM conversations WHERE platform_conversation_id = 'sla-1'"))!.id;
      await store.assign(c, agents[0]!, it_);
      const clocks = (await wf.clocks()).filter((k) => k.conversationId === c);
      // 30 minutes on Thursday, then Friday–Saturday weekend and Sunday's holiday: due Monday 09:30.
      expect(clocks.map((k) => [k.target, new Date(k.dueAt).toISOString()])).toEqual([
        ['first_response', '2026-12-07T09:30:00.000Z'],
        ['resolution', '2026-12-07T16:30:00.000Z'],
      ]);
      t = Date.UTC(2026, 11, 7, 9, 29);
      expect((await wf.atRisk()).filter((r) => r.conversationId === c)).toEqual([expect.objectContaining({ target: 'first_response', risk: 'at_risk' })]);
      expect(await wf.alertBreaches(hub)).toEqual([]);
      t = Date.UTC(2026, 11, 7, 9, 30);
      const mark = await store.latestEventSeq();
      const [a, b] = await Promise.all([wf.alertBreaches(hub), wf.alertBreaches(hub)]);
      expect([...a, ...b].filter((r) => r.conversationId === c)).toEqual([expect.objectContaining({ target: 'first_response', risk: 'breached' })]);
      expect((await events('sla.breached', mark)).map((e) => e.audience).sort()).toEqual(['leads', `user:${agents[0]}`].sort());
      // A reply stops the first-response clock; the next customer message starts the next-response one (none set here).
      await store.enqueueReply({ conversationId: c, authorId: agents[0]!, device: 'd', clientId: 'sla-reply-1', maskedText: 'hi', fields: [], seal: () => ({ text: null, fields: [] }), outboxText: () => Buffer.from('queued reply'), actor: it_ });
      expect((await wf.clocks()).filter((k) => k.conversationId === c).map((k) => k.target)).toEqual(['resolution']);
    });

    it('the board: who is on what, the queue per channel, SLA risk and per-agent figures', async () => {
      t = Date.UTC(2026, 11, 7, 15, 0); // 1½ of the 8 promised hours left on the SLA conversation
      const board = await wf.board(0);
      const a1 = board.agents.find((a) => a.userId === agents[0])!;
      expect(a1.open.length).toBeGreaterThan(0);
      expect(a1.presence.state).toBeDefined();
      expect(a1.handled).toBeGreaterThan(0);
      expect(a1.medianFirstResponseMs).not.toBeNull();
      expect(board.channels.find((c) => c.channelId === 'fair')).toMatchObject({ mode: 'round-robin', queued: 0 });
      expect(board.channels.find((c) => c.channelId === 'back')!.queued).toBeGreaterThan(0);
      expect(board.atRisk).toContainEqual(expect.objectContaining({ target: 'resolution', risk: 'at_risk', assigneeId: agents[0] }));
      expect(JSON.stringify(board)).not.toMatch(/hello/); // figures and ids, never message text
    });

    it('consent: a first contact after a notice is published gets it once, by version; writing again acknowledges it', async () => {
      const consent = new ConsentStore(store, now);
      const prepare = (text: string) => ({ maskedText: text, fields: [], seal: () => ({ text: Buffer.from('sealed'), fields: [] }), outboxText: () => Buffer.from('queued notice') });
      await store.saveChannel({ id: 'consent', kind: 'telegram', name: 'consent', config: {}, enabled: true }, it_);
      await store.ingest('consent', [inbound('before-notice', t)]);
      const v1 = await consent.publish('consent', 'We will never ask for your password or a code in a message. Messages are kept 12 months.', it_);
      expect(v1.version).toBe(1);
      expect(await consent.sendNotices(prepare, hub)).toEqual([]); // who wrote before the notice is not a first contact after it
      await store.ingest('consent', [inbound('first-contact', t)]);
      const conv = (await store.q.get<{ id: number; contact_id: number }>("SELECT id, contact_id FROM conversations WHERE platform_conversation_id = 'first-contact'"))!;
      // Two nodes at once: one notice.
      const [a, b] = await Promise.all([consent.sendNotices(prepare, hub), consent.sendNotices(prepare, hub)]);
      expect([...a, ...b]).toEqual([{ contactId: conv.contact_id, conversationId: conv.id, version: 1 }]);
      expect(await consent.sendNotices(prepare, hub)).toEqual([]);
      const out = await store.q.all<{ author_id: number | null; masked_text: string }>("SELECT author_id, masked_text FROM messages WHERE conversation_id = ? AND direction = 'out'", [conv.id]);
      expect(out).toEqual([{ author_id: null, masked_text: v1.texts.en }]);
      expect(await store.q.get<{ n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE device = 'hub:consent'")).toEqual({ n: 1 });
      expect(await consent.record(conv.contact_id)).toEqual({ contactId: conv.contact_id, channelId: 'consent', version: 1, language: 'en', notifiedAt: t, acknowledgedAt: null });
      // The notice is not a response: the first-response clock still runs and the customer still waits.
      await wf.saveRule(rule('consent', { firstResponseMinutes: 60 }), it_);
      expect((await wf.clocks()).filter((k) => k.conversationId === conv.id).map((k) => k.target)).toEqual(['first_response']);

      t += 5_000;
      await store.ingest('consent', [inbound('first-contact', t, 'ok thanks')]);
      expect(await consent.acknowledge(hub)).toBe(1);
      expect(await consent.acknowledge(hub)).toBe(0);
      expect((await consent.record(conv.contact_id))!.acknowledgedAt).toBe(t);
      // The hub's data-subject export (the signed transcript) carries the record; a contact never notified says so.
      const exports = new HubTranscriptExport(store, (contactId) => consent.record(contactId));
      expect((await exports.transcript(conv.id))!.consent).toEqual({
        channelId: 'consent',
        noticeVersion: 1,
        language: 'en',
        notifiedAt: new Date(t - 5_000).toISOString(),
        acknowledgedAt: new Date(t).toISOString(),
      });
      const before = (await store.q.get<{ id: number }>("SELECT id FROM conversations WHERE platform_conversation_id = 'before-notice'"))!;
      expect((await exports.transcript(before.id))!.consent).toBeNull();

      const v2 = await consent.publish('consent', 'We never ask for codes, passwords or full card numbers. Data is kept 6 months.', it_);
      await store.ingest('consent', [inbound('second-contact', t)]);
      const later = await consent.sendNotices(prepare, hub);
      expect(later.map((x) => x.version)).toEqual([v2.version]);
      expect((await consent.record(conv.contact_id))!.version).toBe(1); // what that customer was told stays as it was
      expect((await consent.notices('consent')).map((n) => n.version)).toEqual([1, 2]);
      const trail = await store.q.all<{ action: string }>("SELECT action FROM audit WHERE action LIKE 'consent.%' ORDER BY seq");
      expect(trail.map((x) => x.action)).toEqual(['consent.notice_published', 'consent.notified', 'consent.acknowledged', 'consent.notice_published', 'consent.notified']);
      await expect(consent.publish('nope', 'x'.repeat(30), it_)).rejects.toMatchObject({ code: 'channel_unknown' });
    });

    it('consent in the customer\'s language: each first contact gets the text of the language they wrote in', async () => {
      const consent = new ConsentStore(store, now);
      const prepare = (text: string) => ({ maskedText: text, fields: [], seal: () => ({ text: null, fields: [] }), outboxText: () => Buffer.from('queued notice') });
      await store.saveChannel({ id: 'consent-i18n', kind: 'telegram', name: 'consent-i18n', config: {}, enabled: true }, it_);
      const texts = {
        en: 'We never ask for a password or a code in a message. Messages are kept 12 months.',
        ar: 'لن نطلب منك أبداً كلمة مرور أو رمزاً في رسالة. نحتفظ بالرسائل ١٢ شهراً.',
        fa: 'ما هرگز در پیام رمز یا کد از شما نمی‌خواهیم. پیام‌ها ۱۲ ماه نگه داشته می‌شوند.',
      };
      const v = await consent.publish('consent-i18n', texts, it_);
      expect((await consent.notices('consent-i18n')).at(-1)).toMatchObject({ version: v.version, texts });
      await store.ingest('consent-i18n', [inbound('i18n-fa', t, 'سلام، کارت من کار نمی‌کند'), inbound('i18n-ar', t, 'مرحبا، بطاقتي لا تعمل'), inbound('i18n-en', t, 'hi, my card is blocked'), inbound('i18n-none', t, '👍 123')]);
      await consent.sendNotices(prepare, hub);
      const sent = await store.q.all<{ conv: string; masked_text: string; language: string | null }>(
        `SELECT c.platform_conversation_id AS conv, m.masked_text, cc.language FROM contact_consent cc JOIN messages m ON m.id = cc.notice_message_id
           JOIN conversations c ON c.id = m.conversation_id WHERE cc.channel_id = 'consent-i18n' ORDER BY conv`,
      );
      expect(sent).toEqual([
        { conv: 'i18n-ar', masked_text: texts.ar, language: 'ar' },
        { conv: 'i18n-en', masked_text: texts.en, language: 'en' },
        { conv: 'i18n-fa', masked_text: texts.fa, language: 'fa' },
        { conv: 'i18n-none', masked_text: texts.en, language: 'en' }, // no letters that tell: the first language written
      ]);
      await expect(consent.publish('consent-i18n', {}, it_)).rejects.toMatchObject({ code: 'bad_request' });
    });

    it('refuses a bad calendar or an unknown channel with a sentence and changes nothing', async () => {
      await expect(wf.saveCalendar({ timeZone: 'Mars/Olympus', weekend: [], hours: ['09:00-17:00'] }, it_)).rejects.toMatchObject({ code: 'calendar_invalid', message: /IANA time zone/ });
      await expect(wf.saveCalendar({ timeZone: 'UTC', weekend: [], hours: ['09:00-13:00', '12:00-17:00'] }, it_)).rejects.toMatchObject({ message: /overlap/ });
      await expect(wf.saveRule(rule('nope', { mode: 'round-robin' }), it_)).rejects.toMatchObject({ code: 'channel_unknown' });
      expect((await wf.calendar()).spec.holidays).toEqual(['2026-12-06']);
    });
  });
}
