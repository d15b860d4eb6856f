import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubStore, type HubUser, type PreparedMessage } from '../../main/hub/store';
import { HubCannedReplies } from '../../main/hub/store/canned-replies';
import { HubFactorResets } from '../../main/hub/store/factor-resets';
import { HubLabels } from '../../main/hub/store/labels';
import { HubLeadReview } from '../../main/hub/store/lead-review';
import { HubReplyApprovals } from '../../main/hub/store/reply-approvals';
import { bothAdapters } from './adapters';
import { preparedMessage } from './prepared-message';

/** The team's remaining data at the hub — one suite, both adapters (embedded SQLite, the team's PostgreSQL). */
const adapters = bothAdapters('hub-data-');

const it_ = { actor: 'it:test', device: null };

function prepared(id: string, conversation: string): PreparedMessage {
  return preparedMessage(id, conversation, 1_000, { seal: () => ({ text: Buffer.from('sealed'), fields: [] }) });
}

for (const [name, open] of Object.entries(adapters)) {
  describe(`hub team data conformance: ${name}`, () => {
    let store: HubStore;
    let t = 10_000;
    const now = () => t;
    let agent: HubUser;
    let lead: HubUser;
    let admin1: HubUser;
    let admin2: HubUser;
    let conversations: number[];
    const auditActions = async () => (await store.q.all<{ action: string }>('SELECT action FROM audit ORDER BY seq')).map((r) => r.action);
    const eventCount = async () => (await store.q.get<{ n: number }>('SELECT COUNT(*) AS n FROM events'))!.n;

    beforeAll(async () => {
      store = await open(now);
      await store.migrate();
      await store.saveChannel({ id: 'tg', kind: 'telegram', name: 'Telegram', config: {}, enabled: true }, it_);
      await store.ingest('tg', [prepared('m1', 'chat-1'), prepared('m2', 'chat-2'), prepared('m3', 'chat-3')]);
      conversations = (await store.conversations()).map((c) => c.id).sort((a, b) => a - b);
      agent = await store.createUser({ username: 'amal', displayName: 'Amal', role: 'agent', passwordHash: 'h' }, it_);
      lead = await store.createUser({ username: 'layla', displayName: 'Layla', role: 'lead', passwordHash: 'h' }, it_);
      admin1 = await store.createUser({ username: 'adam', displayName: 'Adam', role: 'admin', passwordHash: 'h' }, it_);
      admin2 = await store.createUser({ username: 'huda', displayName: 'Huda', role: 'admin', passwordHash: 'h' }, it_);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('keeps the team label list: a name taken in any letter case is refused and nothing changes', async () => {
      const labels = new HubLabels(store);
      const before = await store.latestEventSeq();
      const vip = await labels.create('VIP', it_);
      const refund = await labels.create('refund', it_);
      await expect(labels.create('vip', it_)).rejects.toMatchObject({ code: 'label_exists' });
      await expect(labels.rename(refund.id, ' Vip', it_)).rejects.toMatchObject({ code: 'label_exists' });
      expect(await labels.list()).toEqual([
        { id: refund.id, name: 'refund' },
        { id: vip.id, name: 'VIP' },
      ]);
      expect(await labels.rename(refund.id, 'Refund asked', it_)).toEqual({ id: refund.id, name: 'Refund asked' });
      const events = await store.eventsAfter(before);
      expect(events.map((e) => [e.kind, e.audience])).toEqual([
        ['label.updated', 'team'],
        ['label.updated', 'team'],
        ['label.updated', 'team'],
      ]);
      expect((await auditActions()).filter((a) => a.startsWith('label.'))).toEqual(['label.created', 'label.created', 'label.renamed']);
      await expect(labels.rename(9_999, 'x', it_)).rejects.toMatchObject({ code: 'label_unknown' });
    });

    it('sets labels on a conversation, filters the list by label, and deleting a label takes it off everywhere', async () => {
      const labels = new HubLabels(store);
      const [refund, vip] = await labels.list();
      const [c1, c2] = conversations as [number, number];
      expect(await labels.setOnConversation(c1, [vip!.id, refund!.id, vip!.id], { actor: 'amal' })).toEqual([vip!.id, refund!.id].sort((a, b) => a - b));
      await labels.setOnConversation(c2, [vip!.id], { actor: 'amal' });
      // An unknown label refuses the whole set: the conversation keeps what it had.
      const events = await eventCount();
      await expect(labels.setOnConversation(c2, [refund!.id, 9_999], { actor: 'amal' })).rejects.toMatchObject({ code: 'label_unknown' });
      expect(await eventCount()).toBe(events);
      expect((await labels.labelIdsOf([c1, c2])).get(c2)).toEqual([vip!.id]);
      expect((await store.conversations({ labelId: vip!.id })).map((c) => c.id).sort()).toEqual([c1, c2].sort());
      expect((await store.conversations({ labelId: refund!.id })).map((c) => c.id)).toEqual([c1]);
      const [ev] = (await store.eventsAfter(0, 10_000)).filter((e) => e.kind === 'conversation.labels');
      expect(ev).toMatchObject({ audience: 'conversation', channelId: 'tg', conversationId: c1 });

      await labels.remove(vip!.id, it_);
      expect((await labels.labelIdsOf([c1, c2])).get(c1)).toEqual([refund!.id]);
      expect((await labels.labelIdsOf([c1, c2])).get(c2)).toEqual([]);
      expect(await store.conversations({ labelId: vip!.id })).toEqual([]);
      await expect(labels.remove(vip!.id, it_)).rejects.toMatchObject({ code: 'label_unknown' });
      await expect(labels.setOnConversation(9_999, [], it_)).rejects.toMatchObject({ code: 'conversation_unknown' });
    });

    it('keeps canned replies: a duplicate shortcut (any case) is refused, never written over the first', async () => {
      const canned = new HubCannedReplies(store);
      const hello = await canned.save({ shortcut: 'hello', title: 'Greeting', body: 'Hello, how can we help?', authorId: admin1.id }, it_);
      const bye = await canned.save({ shortcut: 'bye', title: 'Goodbye', body: 'Thank you for writing.', authorId: admin1.id }, it_);
      await expect(canned.save({ shortcut: 'HELLO', title: 'Other', body: 'overwritten?', authorId: admin1.id }, it_)).rejects.toMatchObject({ code: 'canned_shortcut_taken' });
      await expect(canned.save({ id: bye.id, shortcut: 'Hello', title: 'x', body: 'y', authorId: admin1.id }, it_)).rejects.toMatchObject({ code: 'canned_shortcut_taken' });
      expect((await canned.list()).find((c) => c.id === hello.id)).toMatchObject({ title: 'Greeting', body: 'Hello, how can we help?' });
      const renamed = await canned.save({ id: bye.id, shortcut: 'thanks', title: 'Thanks', body: 'Thank you.', authorId: admin1.id }, it_);
      expect(renamed).toMatchObject({ id: bye.id, shortcut: 'thanks' });
      await canned.remove(hello.id, it_);
      expect((await canned.list()).map((c) => c.shortcut)).toEqual(['thanks']);
      await expect(canned.remove(hello.id, it_)).rejects.toMatchObject({ code: 'canned_unknown' });
      await expect(canned.save({ id: hello.id, shortcut: 'x', title: 'x', body: 'x', authorId: admin1.id }, it_)).rejects.toMatchObject({ code: 'canned_unknown' });
      const kinds = (await store.eventsAfter(0, 10_000)).filter((e) => e.kind.startsWith('canned.')).map((e) => [e.kind, e.audience]);
      expect(kinds).toEqual([
        ['canned.updated', 'team'],
        ['canned.updated', 'team'],
        ['canned.updated', 'team'],
        ['canned.deleted', 'team'],
      ]);
    });

    it('refuses a shortcut that differs from a taken one only in letter case, whatever the letters (property)', async () => {
      const canned = new HubCannedReplies(store);
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fc.stringMatching(/^[A-Za-zÀ-ÿ0-9_-]{1,20}$/), fc.func(fc.boolean()), async (shortcut, upper) => {
          const key = `p${n++}${shortcut}`;
          const variant = [...key].map((ch, i) => (upper(i) ? ch.toLocaleUpperCase('en') : ch.toLocaleLowerCase('en'))).join('');
          if (variant.toLocaleLowerCase('en') !== key.toLocaleLowerCase('en')) return; // a letter whose case does not round-trip
          const first = await canned.save({ shortcut: key, title: 'T', body: 'first', authorId: admin1.id }, it_);
          await expect(canned.save({ shortcut: variant, title: 'T', body: 'second', authorId: admin1.id }, it_)).rejects.toMatchObject({ code: 'canned_shortcut_taken' });
          expect((await canned.list()).find((c) => c.id === first.id)?.body).toBe('first');
          await canned.remove(first.id, it_);
        }),
        { numRuns: 25 },
      );
    });

    it('keeps a reply approval: asked once, decided once, used once with the exact text', async () => {
      const approvals = new HubReplyApprovals(store);
      const [c1, c2] = conversations as [number, number];
      const ask = { conversationId: c1, channelId: 'tg', requesterId: agent.id, device: 'dev-a', binding: 'b'.repeat(64), maskedText: 'send your ID', reasons: ['asks for an ID'], expiresAt: t + 60_000 };
      const a = await approvals.request(ask, { actor: 'amal' });
      expect(await approvals.request(ask, { actor: 'amal' })).toEqual(a);
      expect(await approvals.pending()).toEqual([a]);
      const decided = await approvals.decide(a.id, lead.id, true, t + 60_000, { actor: 'layla' });
      expect(decided).toMatchObject({ state: 'approved', deciderId: lead.id });
      await expect(approvals.decide(a.id, lead.id, false, t, { actor: 'layla' })).rejects.toMatchObject({ code: 'approval_not_pending' });
      const evs = (await store.eventsAfter(0, 10_000)).filter((e) => e.kind.startsWith('reply_approval.'));
      expect(evs.map((e) => [e.kind, e.audience])).toEqual([
        ['reply_approval.requested', 'leads'],
        ['reply_approval.decided', `user:${agent.id}`],
        ['reply_approval.decided', 'leads'],
      ]);
      expect(JSON.stringify(evs)).not.toContain('b'.repeat(64));

      const send = (o: { binding?: string; conversationId?: number; clientId: string; requesterId?: number }) =>
        store.enqueueReply({
          conversationId: o.conversationId ?? c1,
          authorId: agent.id,
          device: 'dev-a',
          clientId: o.clientId,
          maskedText: 'send your ID',
          fields: [],
          seal: () => ({ text: Buffer.from('sealed'), fields: [] }), outboxText: () => Buffer.from('queued reply'),
          actor: { actor: 'amal' },
          alsoInTx: (tx, messageId) =>
            approvals.consume(tx, { id: a.id, requesterId: o.requesterId ?? agent.id, conversationId: o.conversationId ?? c1, binding: o.binding ?? ask.binding, messageId }, { actor: 'amal' }),
        });
      const messagesBefore = (await store.messages(c1)).length;
      // Another text, another conversation, another agent: refused, and no message is left behind.
      await expect(send({ clientId: 'cid-other-text', binding: 'c'.repeat(64) })).rejects.toMatchObject({ code: 'guard_approval_invalid' });
      await expect(send({ clientId: 'cid-other-conv', conversationId: c2 })).rejects.toMatchObject({ code: 'guard_approval_invalid' });
      await expect(send({ clientId: 'cid-other-agent', requesterId: lead.id })).rejects.toMatchObject({ code: 'guard_approval_invalid' });
      expect((await store.messages(c1)).length).toBe(messagesBefore);
      const sent = await send({ clientId: 'cid-approved' });
      expect(sent.duplicate).toBe(false);
      expect(await send({ clientId: 'cid-approved' })).toEqual({ ...sent, duplicate: true });
      await expect(send({ clientId: 'cid-again' })).rejects.toMatchObject({ code: 'guard_approval_invalid' });
      expect(await approvals.get(a.id)).toMatchObject({ state: 'used' });
      expect((await auditActions()).filter((x) => x.startsWith('guard.reply.'))).toEqual(['guard.reply.approval_requested', 'guard.reply.approved', 'guard.reply.sent_with_approval']);
    });

    it('under concurrent writers: one label per name, one canned reply per shortcut, one send per approval', async () => {
      const labels = new HubLabels(store);
      const canned = new HubCannedReplies(store);
      const approvals = new HubReplyApprovals(store);
      const settle = <T>(ps: Array<Promise<T>>) => Promise.allSettled(ps);
      const names = await settle(['Urgent', 'URGENT', 'urgent', ' Urgent '].map((n) => labels.create(n, it_)));
      expect(names.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(names.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['label_exists', 'label_exists', 'label_exists']);
      const shortcuts = await settle(['race', 'RACE', 'Race'].map((sc) => canned.save({ shortcut: sc, title: 'T', body: sc, authorId: admin1.id }, it_)));
      expect(shortcuts.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect((await canned.list()).filter((c) => c.shortcut.toLowerCase() === 'race')).toHaveLength(1);

      const c3 = conversations[2]!;
      const a = await approvals.request({ conversationId: c3, channelId: 'tg', requesterId: agent.id, device: 'dev-a', binding: 'e'.repeat(64), maskedText: 'x', reasons: [], expiresAt: t + 60_000 }, it_);
      await approvals.decide(a.id, lead.id, true, t + 60_000, it_);
      const before = (await store.messages(c3)).length;
      const sends = await settle(
        ['race-1', 'race-2', 'race-3'].map((clientId) =>
          store.enqueueReply({
            conversationId: c3,
            authorId: agent.id,
            device: 'dev-a',
            clientId,
            maskedText: 'x',
            fields: [],
            seal: () => ({ text: null, fields: [] }), outboxText: () => Buffer.from('queued reply'),
            actor: it_,
            alsoInTx: (tx, messageId) => approvals.consume(tx, { id: a.id, requesterId: agent.id, conversationId: c3, binding: 'e'.repeat(64), messageId }, it_),
          }),
        ),
      );
      expect(sends.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect((await store.messages(c3)).length).toBe(before + 1);
    });

    it('an approval expires unused, and an expired request cannot be decided', async () => {
      const approvals = new HubReplyApprovals(store);
      const a = await approvals.request(
        { conversationId: conversations[0]!, channelId: 'tg', requesterId: agent.id, device: 'dev-a', binding: 'd'.repeat(64), maskedText: 'x', reasons: [], expiresAt: t + 1_000 },
        { actor: 'amal' },
      );
      t += 1_001;
      expect(await approvals.pending()).toEqual([]);
      await expect(approvals.decide(a.id, lead.id, true, t + 60_000, { actor: 'layla' })).rejects.toMatchObject({ code: 'approval_not_pending' });
    });

    it("keeps the lead's review queue and one score per lead, and acknowledges an alert once", async () => {
      const review = new HubLeadReview(store);
      const [c1, c2] = conversations as [number, number];
      await store.setStatus(c1, 'resolved', it_);
      await store.setStatus(c2, 'resolved', it_);
      const queue = await review.queue(null);
      expect(queue.map((i) => [i.conversation.id, i.review])).toEqual(expect.arrayContaining([[c1, null], [c2, null]]));
      expect(queue).toHaveLength(2);
      await review.score({ conversationId: c1, reviewerId: lead.id, score: 3, maskedComment: 'slow first answer' }, { actor: 'layla' });
      t += 1;
      await review.score({ conversationId: c1, reviewerId: lead.id, score: 4, maskedComment: 'fine after all' }, { actor: 'layla' });
      expect(await review.reviewsOf(c1)).toEqual([{ conversationId: c1, reviewerId: lead.id, score: 4, comment: 'fine after all', updatedAt: t }]);
      expect((await review.queue(null)).find((i) => i.conversation.id === c1)?.review).toMatchObject({ score: 4 });
      expect(await review.queue(['other-channel'])).toEqual([]);
      const scoredAudit = await store.q.all<{ details: string }>("SELECT details FROM audit WHERE action = 'review.scored'");
      expect(scoredAudit.map((r) => JSON.parse(r.details))).toEqual([{ score: 3 }, { score: 4 }]);

      const alert = await review.raise({ kind: 'reply_secret_request', channelId: 'tg', conversationId: c1, details: { agent: 'amal', codes: ['asks_code'] } });
      expect(await review.alerts({ unacknowledgedOnly: true })).toEqual([alert]);
      const acked = await review.acknowledge(alert.id, 'layla', { actor: 'layla' });
      expect(acked).toMatchObject({ acknowledgedBy: 'layla', acknowledgedAt: t });
      await expect(review.acknowledge(alert.id, 'omar', { actor: 'omar' })).rejects.toMatchObject({ code: 'alert_acknowledged' });
      await expect(review.acknowledge(9_999, 'omar', { actor: 'omar' })).rejects.toMatchObject({ code: 'alert_unknown' });
      expect(await review.alerts({ unacknowledgedOnly: true })).toEqual([]);
      const evs = (await store.eventsAfter(0, 10_000)).filter((e) => e.kind.startsWith('alert.') || e.kind === 'review.scored');
      expect(evs.map((e) => [e.kind, e.audience])).toEqual([
        ['review.scored', 'leads'],
        ['review.scored', 'leads'],
        ['alert.raised', 'leads'],
        ['alert.raised', 'admins'],
        ['alert.acknowledged', 'leads'],
        ['alert.acknowledged', 'admins'],
      ]);
    });

    it('resets a second factor only when a second administrator confirms, both audited', async () => {
      const resets = new HubFactorResets(store);
      await store.updateUser(agent.id, { totpSecret: 'SECRET' }, { ...it_, action: 'user.second_factor_enrolled' });
      await store.createSession({ tokenHash: 'agent-session', userId: agent.id, device: 'dev-a', stage: 'full', expiresAt: t + 60_000 });
      const r = await resets.request(agent.id, admin1.id, t + 60_000, { actor: 'adam' });
      expect(await resets.request(agent.id, admin2.id, t + 60_000, { actor: 'huda' })).toEqual(r);
      await expect(resets.confirm(r.id, admin1.id, { actor: 'adam' })).rejects.toMatchObject({ code: 'reset_request_same_admin' });
      expect((await store.userById(agent.id))!.totpSecret).toBe('SECRET');
      const done = await resets.confirm(r.id, admin2.id, { actor: 'huda' });
      expect(done.totpSecret).toBeNull();
      expect(await store.session('agent-session')).toBeNull();
      await expect(resets.confirm(r.id, admin2.id, { actor: 'huda' })).rejects.toMatchObject({ code: 'reset_request_unknown' });
      const audit = await store.q.all<{ actor: string; action: string; details: string }>("SELECT actor, action, details FROM audit WHERE action LIKE 'user.second_factor_reset%' ORDER BY seq");
      expect(audit.map((a) => [a.actor, a.action])).toEqual([
        ['adam', 'user.second_factor_reset_requested'],
        ['huda', 'user.second_factor_reset'],
      ]);
      expect(JSON.parse(audit[1]!.details)).toMatchObject({ authority: 'second-administrator', requestedBy: 'adam' });

      // Never for one's own account; an expired request is gone.
      const own = await resets.request(admin2.id, admin1.id, t + 60_000, { actor: 'adam' });
      await expect(resets.confirm(own.id, admin2.id, { actor: 'huda' })).rejects.toMatchObject({ code: 'reset_request_self' });
      t += 60_001;
      expect(await resets.pending()).toEqual([]);
      const lead2 = await resets.request(lead.id, admin1.id, t + 10, { actor: 'adam' });
      t += 11;
      await expect(resets.confirm(lead2.id, admin2.id, { actor: 'huda' })).rejects.toMatchObject({ code: 'reset_request_unknown' });
      await expect(resets.request(9_999, admin1.id, t + 10, { actor: 'adam' })).rejects.toMatchObject({ code: 'user_unknown' });
      expect((await store.verifyAudit()).broken).toBeNull();
    });
  });
}
