import { describe, expect, it } from 'vitest';
import { teamConsoleSuite } from '../helpers/team-console';
import { PASSWORD, until } from './harness';

type Summary = { id: number; status: string; snoozedUntil: number | null };

/**
 * Team parity, part A (issue 16), from a console: reports, snooze, settling a reply in doubt and scam reports go
 * through the console's contract to two hub nodes (their own processes, on a real PostgreSQL) and back.
 */
describe('team mode offers reports, snooze, delivery doubt and scam reports', () => {
  const desk = teamConsoleSuite({ users: [{ username: 'amal', role: 'agent' }, { username: 'layla', role: 'lead' }], nodes: 2, workflow: { sweepSeconds: 1 }, channels: true });

  it('works from the console: each feature at the hub, seen by colleagues, audited', async () => {
    const agent = await desk.window();
    const lead = await desk.window();
    expect(await agent.ok('signIn', { username: 'amal', password: PASSWORD })).toMatchObject({ status: 'signed_in' });
    expect(await lead.ok('signIn', { username: 'layla', password: PASSWORD })).toMatchObject({ status: 'signed_in' });
    const audit = async (action: string) => (await desk.team.seed.store.q.all<{ actor: string; target: string }>('SELECT actor, target FROM audit WHERE action = ? ORDER BY seq', [action]));

    desk.team.tg.addText(8101, 'Someone called from +1 555 0100 asking for the code you sent me', { first_name: 'Hadi' });
    const conversationId = await until(async () => (await agent.ok<{ items: Summary[] }>('listConversations', { filter: { scope: 'all' }, cursor: null, limit: 50 })).items[0]?.id, 'the message at the console');
    const detail = await agent.ok<{ messages: Array<{ id: number; direction: string }> }>('openConversation', { conversationId });
    const customerMessage = detail.messages.find((m) => m.direction === 'in')!.id;

    // Scam report: recorded at the hub and audited; the lead's alerts show it.
    expect(await agent.ok('reportScam', { messageId: customerMessage })).toEqual({ drill: false });
    expect(await audit('guard.scam_reported')).toEqual([{ actor: 'amal', target: `message:${customerMessage}` }]);
    const alerts = await lead.ok<Array<{ kind: string; conversationIds: number[]; summary: string }>>('listAlerts');
    expect(alerts.find((a) => a.kind === 'scam_reported')).toMatchObject({ conversationIds: [conversationId], summary: "amal reported a customer's message as a scam." });

    // A reply goes out; its delivery is then put in doubt (as when a node dies mid-send) and the agent settles it.
    const reply = await agent.ok<{ id: number }>('sendReply', { conversationId, text: 'That call was not from us. Never share the code.', seenInboundId: customerMessage });
    const sentId = await until(async () => {
      const m = (await agent.ok<{ messages: Array<{ id: number; direction: string; delivery?: { state: string } }> }>('openConversation', { conversationId })).messages.find((x) => x.direction === 'out' && x.delivery?.state === 'sent');
      return m?.id;
    }, 'the reply to be sent');
    expect(sentId).toBe(reply.id);
    const outbox = (await desk.team.seed.store.q.get<{ id: number }>('SELECT id FROM outbox WHERE message_id = ?', [sentId]))!;
    await desk.team.seed.store.markOutbox(outbox.id, 'unknown', 'The hub node sending this reply stopped.');
    await until(async () => (await agent.ok<{ messages: Array<{ id: number; delivery?: { state: string } }> }>('openConversation', { conversationId })).messages.find((m) => m.id === sentId)?.delivery?.state === 'unknown', 'the doubt to reach the console');
    expect(await agent.ok('resolveUnknownDelivery', { messageId: sentId, action: 'mark_failed' })).toMatchObject({ id: sentId, delivery: { state: 'failed' } });
    expect(await agent.call('resolveUnknownDelivery', { messageId: sentId, action: 'resend' })).toMatchObject({ ok: false, error: { code: 'not_unknown' } });
    expect((await audit('reply.delivery_settled')).map((a) => a.actor)).toEqual(['amal']);

    // Snooze: stored at the hub with its time; the lead's console process sees it; one of the two nodes wakes it, once.
    // far enough ahead that a loaded machine still reads the snoozed state before the hub wakes it
    const untilAt = Date.now() + 15_000;
    expect(await agent.ok('setConversationStatus', { conversationId, status: 'snoozed', snoozeUntil: untilAt })).toMatchObject({ status: 'snoozed', snoozedUntil: untilAt });
    expect(await agent.call('setConversationStatus', { conversationId, status: 'snoozed' })).toMatchObject({ ok: false, error: { code: 'snooze_needs_time' } });
    // the console's list is its cache, which the hub's event stream fills: wait for the event, not for a time
    let snoozed: Summary[] = [];
    await until(async () => (snoozed = (await agent.ok<{ items: Summary[] }>('listConversations', { filter: { status: 'snoozed' }, cursor: null, limit: 50 })).items).length > 0, 'the snooze in the agent\'s own list');
    expect(snoozed).toEqual([expect.objectContaining({ id: conversationId, snoozedUntil: untilAt })]);
    await until(async () => (await desk.team.consoles.layla.do<Array<{ id: number; status: string }>>('conversations')).find((c) => c.id === conversationId)?.status === 'snoozed', "the snooze at the lead's console");
    await until(
      async () => (await agent.ok<{ items: Summary[] }>('listConversations', { filter: { scope: 'all' }, cursor: null, limit: 50 })).items.find((c) => c.id === conversationId)?.status === 'open',
      'the hub to wake the conversation',
      60_000,
    );
    expect(Date.now()).toBeGreaterThanOrEqual(untilAt);
    expect(await audit('conversation.woken')).toHaveLength(1);

    // Reports: resolved at the hub, the lead's report has the episode's first response and resolution.
    await agent.ok('setConversationStatus', { conversationId, status: 'resolved' });
    expect(await agent.call('reportSummary', { from: Date.now() - 86_400_000, to: Date.now() + 60_000 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const report = await lead.ok<{ perChannel: Array<{ channelId: string; inbound: number; outbound: number }>; firstResponseMs: { p50: number | null }; resolutionMs: { p50: number | null }; resolved: number; slaBreaches: number }>(
      'reportSummary',
      { from: Date.now() - 86_400_000, to: Date.now() + 60_000 },
    );
    expect(report.perChannel).toEqual([expect.objectContaining({ channelId: 'tg', inbound: 1, outbound: 1, channelKind: 'telegram' })]);
    expect(report.firstResponseMs.p50).toBeGreaterThanOrEqual(0);
    expect(report).toMatchObject({ resolved: 1, slaBreaches: 0 });
    expect(report.resolutionMs.p50).toBeGreaterThanOrEqual(15_000);
  }, 180_000);
});
