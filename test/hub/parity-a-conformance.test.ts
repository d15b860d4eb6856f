import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamCache } from '../../main/core/team';
import { HubStore, WorkflowStore, type PreparedMessage } from '../../main/hub/store';
import { HubReports } from '../../main/hub/store/reports';
import { HubSnoozes } from '../../main/hub/store/snoozes';
import { HubDeliveryDoubt } from '../../main/hub/store/delivery-doubt';
import { HubLeadReview } from '../../main/hub/store/lead-review';
import { HubScamReports } from '../../main/hub/store/scam-reports';
import { tmpDir } from '../helpers/tmp';
import { bothAdapters, secondNode } from './adapters';
import { preparedMessage } from './prepared-message';

/** Team parity, part A (issue 16): the hub's report, snooze, settling a doubtful delivery and scam reports, on both adapters. */
const adapters = bothAdapters('hub-parity-a-');

const actor = { actor: 'test', device: null };
const MIN = 60_000;
const HOUR = 60 * MIN;
/** Monday 30 November 2026, 10:00 UTC: inside the default calendar's hours (Sunday–Thursday, 09:00–17:00 UTC). */
const MON_10 = Date.UTC(2026, 10, 30, 10);

let n = 0;
function msg(channelChat: string, direction: 'in' | 'out', sentAt: number, text = 'hello'): PreparedMessage {
  n++;
  return preparedMessage(`p-${n}`, channelChat, sentAt, { contact: { platformUserId: `u-${channelChat}`, displayName: 'Ana' }, direction, maskedText: text });
}

for (const [name, open] of Object.entries(adapters)) {
  describe(`team parity A conformance: ${name}`, () => {
    let store: HubStore;
    let workflow: WorkflowStore;
    let t = MON_10;
    const now = () => t;
    const conversationOf = async (chat: string) => (await store.q.get<{ id: number }>('SELECT id FROM conversations WHERE platform_conversation_id = ?', [chat]))!.id;
    beforeAll(async () => {
      store = await open(now);
      await store.migrate();
      workflow = new WorkflowStore(store, now);
      await store.saveChannel({ id: 'tg', kind: 'telegram', name: 'Telegram', config: {}, enabled: true }, actor);
      await store.saveChannel({ id: 'wa', kind: 'whatsapp', name: 'WhatsApp', config: {}, enabled: true }, actor);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('reports first-response and resolution times and breaches, each channel judged by its own promise on the calendar', async () => {
      // WhatsApp promises a first reply within 30 business minutes; Telegram has no promise (the default hour, wall clock).
      await workflow.saveRule({ channelId: 'wa', mode: 'manual', capacity: 5, returnAfterMinutes: null, assigneeOnlyReply: false, firstResponseMinutes: 30, nextResponseMinutes: null, resolutionMinutes: null }, actor);
      await store.ingest('tg', [msg('A', 'in', MON_10), msg('A', 'out', MON_10 + 10 * MIN)]);
      await store.ingest('tg', [msg('B', 'in', MON_10 + MIN), msg('B', 'out', MON_10 + 91 * MIN)]);
      await store.ingest('wa', [msg('C', 'in', MON_10), msg('C', 'out', MON_10 + 20 * MIN)]);
      // 16:50 on Monday: 10 business minutes that day, 20 on Tuesday morning; a reply at 09:00 Tuesday keeps the promise.
      await store.ingest('wa', [msg('D', 'in', MON_10 + 6 * HOUR + 50 * MIN), msg('D', 'out', MON_10 + 23 * HOUR)]);
      await store.ingest('tg', [msg('E', 'in', MON_10 + 3 * HOUR)]);
      t = MON_10 + 2 * HOUR;
      await store.setStatus(await conversationOf('A'), 'resolved', actor);
      t = MON_10 + 24 * HOUR;
      await store.setStatus(await conversationOf('D'), 'resolved', actor);

      const reports = new HubReports(store, workflow);
      const r = await reports.summary(MON_10 - HOUR, MON_10 + 2 * 24 * HOUR, null);
      expect(r.perChannel).toEqual([
        { channelId: 'tg', kind: 'telegram', name: 'Telegram', inbound: 3, outbound: 2, conversations: 3 },
        { channelId: 'wa', kind: 'whatsapp', name: 'WhatsApp', inbound: 2, outbound: 2, conversations: 2 },
      ]);
      expect(r.daily).toEqual([{ day: '2026-11-30', inbound: 5 }]);
      // First replies: 10 min, 20 min, 90 min, 16 h 10 min (nearest rank: p50 is the third, p90 the fourth).
      expect(r.firstResponseMs).toEqual({ p50: 90 * MIN, p90: 16 * HOUR + 10 * MIN });
      // Resolved: A after 2 h, D after 17 h 10 min.
      expect(r.resolved).toBe(2);
      expect(r.resolutionMs).toEqual({ p50: 17 * HOUR + 10 * MIN, p90: 17 * HOUR + 10 * MIN });
      // B answered after 90 min (over the hour), E never answered and its hour has passed; D kept WhatsApp's promise.
      expect(r.slaBreaches).toBe(2);

      const waOnly = await reports.summary(MON_10 - HOUR, MON_10 + 2 * 24 * HOUR, ['wa']);
      expect(waOnly.perChannel.map((c) => c.channelId)).toEqual(['wa']);
      expect(waOnly).toMatchObject({ resolved: 1, slaBreaches: 0, firstResponseMs: { p50: 16 * HOUR + 10 * MIN } });

      // A customer writing again reopens A: a new episode, and the old resolution no longer counts as this one's.
      t = MON_10 + 30 * HOUR;
      await store.ingest('tg', [msg('A', 'in', t)]);
      const after = await reports.summary(MON_10 - HOUR, MON_10 + 2 * 24 * HOUR, ['tg']);
      expect(after.resolved).toBe(0);
      expect(after.perChannel[0]!.inbound).toBe(4);
    });

    it('snoozes until a time, refuses a past one, and wakes each conversation exactly once though two nodes sweep at once', async () => {
      t = MON_10 + 40 * HOUR;
      await store.ingest('tg', [msg('S1', 'in', t), msg('S2', 'in', t)]);
      const [s1, s2] = [await conversationOf('S1'), await conversationOf('S2')];
      const snoozes = new HubSnoozes(store);
      const before = await store.latestEventSeq();
      await expect(snoozes.snooze(s1, t, actor)).rejects.toMatchObject({ code: 'snooze_in_past' });
      await expect(snoozes.snooze(999_999, t + HOUR, actor)).rejects.toMatchObject({ code: 'conversation_unknown' });
      expect(await store.latestEventSeq()).toBe(before);

      const out = await snoozes.snooze(s1, t + HOUR, actor);
      expect(out).toMatchObject({ until: t + HOUR, conversation: { id: s1, status: 'snoozed' } });
      await snoozes.snooze(s2, t + 2 * HOUR, actor);
      const events = await store.eventsAfter(before);
      expect(events.map((e) => e.kind)).toEqual(['conversation.updated', 'conversation.snoozed', 'conversation.updated', 'conversation.snoozed']);
      expect(events[1]).toMatchObject({ audience: 'conversation', channelId: 'tg', conversationId: s1, payload: { conversationId: s1, until: t + HOUR } });
      expect(await snoozes.snoozedUntil(s1)).toBe(t + HOUR);

      // Not yet due: nothing wakes.
      t += HOUR - 1;
      expect(await snoozes.wakeDue(actor)).toEqual([]);
      // Due: two nodes (two connections on PostgreSQL) sweep at the same moment; each conversation wakes once.
      t += 1;
      const node2 = secondNode(store, now);
      const other = new HubSnoozes(node2);
      const seq = await store.latestEventSeq();
      const [a, b] = await Promise.all([snoozes.wakeDue({ actor: 'hub:a' }), other.wakeDue({ actor: 'hub:b' })]);
      expect([...a, ...b]).toEqual([s1]);
      const woke = await store.eventsAfter(seq);
      expect(woke).toHaveLength(1);
      expect(woke[0]).toMatchObject({ kind: 'conversation.updated', payload: { id: s1, status: 'open' } });
      expect(await snoozes.snoozedUntil(s1)).toBeNull();
      const audit = await store.q.all<{ action: string; target: string }>("SELECT action, target FROM audit WHERE action IN ('conversation.snoozed', 'conversation.woken') ORDER BY seq");
      expect(audit).toEqual([
        { action: 'conversation.snoozed', target: `conversation:${s1}` },
        { action: 'conversation.snoozed', target: `conversation:${s2}` },
        { action: 'conversation.woken', target: `conversation:${s1}` },
      ]);
      if (node2 !== store) await node2.close();

      // Another status ends a snooze; its wake-up time goes with it.
      await store.setStatus(s2, 'pending', actor);
      expect(await snoozes.snoozedUntil(s2)).toBeNull();
      t += 2 * HOUR;
      expect(await snoozes.wakeDue(actor)).toEqual([]);

      // A console's cache follows: the time while snoozed, nothing once woken or changed.
      const cache = new TeamCache(path.join(tmpDir('parity-a-cache-'), 'cache.sqlite'), crypto.randomBytes(32));
      const all = await store.eventsAfter(before, 1000);
      const upTo = all.findIndex((e) => e.kind === 'conversation.snoozed' && e.conversationId === s2);
      cache.applyFrame(all[upTo]!.seq, all.slice(0, upTo + 1));
      expect(cache.snoozedUntil(s1)).toBe(MON_10 + 41 * HOUR);
      expect(cache.conversation(s1)?.status).toBe('snoozed');
      cache.applyFrame(all[all.length - 1]!.seq, all.slice(upTo + 1));
      expect(cache.snoozedUntil(s1)).toBeNull();
      expect(cache.snoozedUntil(s2)).toBeNull();
      expect(cache.conversation(s1)?.status).toBe('open');
      cache.close();
    });

    it('settles a reply in doubt once: sent again with the copy the outbox kept, or marked not delivered and its copy erased', async () => {
      await store.ingest('tg', [msg('R', 'in', t)]);
      const r = await conversationOf('R');
      const reply = (clientId: string) =>
        store.enqueueReply({
          conversationId: r,
          authorId: null,
          device: 'dev-1',
          clientId,
          maskedText: 'on its way',
          fields: [],
          seal: () => ({ text: null, fields: [] }),
          outboxText: () => Buffer.from('sealed-clear-copy'),
          actor,
        });
      const first = await reply('client-0001');
      const second = await reply('client-0002');
      const doubt = new HubDeliveryDoubt(store);
      // Not in doubt (still queued): refused, nothing changes.
      await expect(doubt.settle(first.messageId, 'resend', actor)).rejects.toMatchObject({ code: 'not_unknown' });
      // A node dies mid-send: both replies' fate becomes unknown.
      expect(await store.claimOutbox('tg', t)).toMatchObject({ messageId: first.messageId });
      expect(await store.claimOutbox('tg', t)).toMatchObject({ messageId: second.messageId });
      expect(await store.recoverInterrupted('tg')).toBe(2);
      expect(await doubt.reply(first.messageId)).toMatchObject({ conversationId: r, channelId: 'tg', state: 'unknown' });

      // Two colleagues decide at the same moment on two nodes: one decision wins, the other is told.
      const node2 = secondNode(store, now);
      const seq = await store.latestEventSeq();
      const outcomes = await Promise.allSettled([doubt.settle(first.messageId, 'resend', actor), new HubDeliveryDoubt(node2).settle(first.messageId, 'mark_failed', actor)]);
      if (node2 !== store) await node2.close();
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      expect(won).toHaveLength(1);
      expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'not_unknown' } });
      const state = (won[0] as PromiseFulfilledResult<{ state: string }>).value.state;
      const events = await store.eventsAfter(seq);
      expect(events).toEqual([expect.objectContaining({ kind: 'message.delivery', audience: 'conversation', payload: expect.objectContaining({ messageId: first.messageId, delivery: state }) })]);
      const row = async (id: number) => (await store.q.get<{ state: string; pending_text: Buffer | null }>('SELECT state, pending_text FROM outbox WHERE message_id = ?', [id]))!;
      expect((await row(first.messageId)).state).toBe(state);
      // Resent: the channel's lease holder claims it again like any queued reply.
      if (state === 'queued') expect(await store.claimOutbox('tg', t)).toMatchObject({ messageId: first.messageId });

      await doubt.settle(second.messageId, 'mark_failed', actor);
      expect(await row(second.messageId)).toMatchObject({ state: 'failed', pending_text: null });
      await expect(doubt.settle(second.messageId, 'resend', actor)).rejects.toMatchObject({ code: 'not_unknown' });
      await expect(doubt.settle(999_999, 'resend', actor)).rejects.toMatchObject({ code: 'reply_unknown' });
      const audit = await store.q.all<{ details: string }>("SELECT details FROM audit WHERE action = 'reply.delivery_settled' ORDER BY seq");
      expect(audit.map((a) => JSON.parse(a.details))).toEqual([
        { messageId: first.messageId, action: state === 'queued' ? 'resend' : 'mark_failed' },
        { messageId: second.messageId, action: 'mark_failed' },
      ]);
    });

    it("records a scam report once per person and message, audits it, and alerts the leads once per message", async () => {
      const agent = await store.createUser({ username: 'amal', displayName: 'Amal', role: 'agent', passwordHash: 'x' }, actor);
      const colleague = await store.createUser({ username: 'omid', displayName: 'Omid', role: 'agent', passwordHash: 'x' }, actor);
      await store.ingest('tg', [msg('X', 'in', t, 'Pay the ⟦AMOUNT·fee⟧ upgrade fee to +1 555 0100'), msg('X', 'out', t + MIN, 'That is not us.')]);
      const x = await conversationOf('X');
      const [scam, ours] = (await store.messages(x)).map((m) => m.id);
      const reports = new HubScamReports(store);
      const alertsBefore = (await new HubLeadReview(store).alerts()).length;
      const seq = await store.latestEventSeq();

      const first = await reports.report(scam!, { id: agent.id, username: 'amal', device: 'dev-a' }, { actor: 'amal', device: 'dev-a' });
      expect(first).toMatchObject({ duplicate: false, report: { messageId: scam, conversationId: x, channelId: 'tg', reporterId: agent.id } });
      expect(first.alertId).not.toBeNull();
      // The same person again: the first report back, nothing new written.
      const again = await reports.report(scam!, { id: agent.id, username: 'amal', device: 'dev-a' }, { actor: 'amal', device: 'dev-a' });
      expect(again).toMatchObject({ duplicate: true, alertId: null, report: { id: first.report.id } });
      // A colleague too: recorded and audited, no second alert.
      expect(await reports.report(scam!, { id: colleague.id, username: 'omid', device: 'dev-o' }, { actor: 'omid', device: 'dev-o' })).toMatchObject({ duplicate: false, alertId: null });
      await expect(reports.report(ours!, { id: agent.id, username: 'amal', device: 'dev-a' }, actor)).rejects.toMatchObject({ code: 'scam_report_not_inbound' });
      await expect(reports.report(999_999, { id: agent.id, username: 'amal', device: 'dev-a' }, actor)).rejects.toMatchObject({ code: 'message_unknown' });

      const events = await store.eventsAfter(seq);
      expect(events.map((e) => `${e.kind}/${e.audience}`)).toEqual(['scam.reported/leads', 'alert.raised/leads', 'alert.raised/admins', 'scam.reported/leads']);
      // Ids and who only: never the message's text.
      expect(JSON.stringify(events)).not.toMatch(/upgrade|555/);
      const alerts = await new HubLeadReview(store).alerts();
      expect(alerts).toHaveLength(alertsBefore + 1);
      expect(alerts[0]).toMatchObject({ kind: 'scam_reported', conversationId: x, channelId: 'tg', details: { messageId: scam, agent: 'amal' } });
      const audit = await store.q.all<{ actor: string; target: string }>("SELECT actor, target FROM audit WHERE action = 'guard.scam_reported' ORDER BY seq");
      expect(audit).toEqual([
        { actor: 'amal', target: `message:${scam}` },
        { actor: 'omid', target: `message:${scam}` },
      ]);
    });
  });
}
