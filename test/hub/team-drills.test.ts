import { describe, expect, it } from 'vitest';
import { teamConsoleSuite } from '../helpers/team-console';
import { PASSWORD, until } from './harness';

type Summary = { id: number; assignee: { id: string } | null };
type Detail = { messages: Array<{ id: number; direction: string; delivery?: { state: string } }> };

/**
 * Phishing drills in team mode (issue 16): an administrator's console starts a drill for an agent at the hub (two
 * nodes, their own processes, a real PostgreSQL); the attempts reach the agent's console through the event stream as
 * customer messages assigned to her; her report and her reply are scored at the hub; the lead reads the report.
 */
describe('team mode runs phishing drills at the hub', () => {
  const desk = teamConsoleSuite({
    users: [
      { username: 'amal', role: 'agent' },
      { username: 'layla', role: 'lead' },
      { username: 'aziz', role: 'admin' },
    ],
    nodes: 2,
    channels: true,
  });

  it('starts a drill for an agent from the admin console, scores her report and reply at the hub, and shows the lead the result', async () => {
    const admin = await desk.window();
    const agent = await desk.window();
    const lead = await desk.window();
    expect(await admin.ok('signIn', { username: 'aziz', password: PASSWORD })).toMatchObject({ status: 'signed_in' });
    expect(await agent.ok('signIn', { username: 'amal', password: PASSWORD })).toMatchObject({ status: 'signed_in' });
    expect(await lead.ok('signIn', { username: 'layla', password: PASSWORD })).toMatchObject({ status: 'signed_in' });
    const audit = async (action: string) => desk.team.seed.store.q.all<{ actor: string; target: string }>('SELECT actor, target FROM audit WHERE action = ? ORDER BY seq', [action]);

    // Only an administrator starts one; the admin picks the agent from the team's people.
    expect(await agent.call('scheduleDrill', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const people = await admin.ok<{ users: Array<{ id: string; username: string }> }>('listUsers');
    const amalId = people.users.find((u) => u.username === 'amal')!.id;
    expect(await admin.call('scheduleDrill', { agentId: '999999' })).toMatchObject({ ok: false, error: { code: 'user_unknown' } });
    const started = await admin.ok<{ drillId: string; messagesSent: number }>('scheduleDrill', { agentId: amalId, kind: 'code_forward' });
    expect(started).toMatchObject({ drillId: expect.stringMatching(/^drill-[0-9a-f]+$/), messagesSent: 1 });
    const started2 = await admin.ok<{ drillId: string; messagesSent: number }>('scheduleDrill', { agentId: amalId, kind: 'upgrade_fee' });

    // Both attempts reach her console through the stream, assigned to her, as customers' messages.
    const mine = await until(async () => {
      const items = (await agent.ok<{ items: Summary[] }>('listConversations', { filter: { scope: 'all' }, cursor: null, limit: 50 })).items;
      return items.length === 2 && items.every((c) => c.assignee?.id === amalId) ? items : null;
    }, "the drill's attempts at the agent's console");
    const [first, second] = await Promise.all(mine.map((c) => agent.ok<Detail>('openConversation', { conversationId: c.id }).then((d) => ({ id: c.id, inbound: d.messages.find((m) => m.direction === 'in')!.id }))));

    // She reports one as a scam (told it was a drill) and replies unsafely to the other: the hub scores the reply
    // before its outbound guard stops it.
    const sentBefore = desk.team.tg.sent.length;
    expect(await agent.ok('reportScam', { messageId: first!.inbound })).toEqual({ drill: true });
    expect(await agent.call('sendReply', { conversationId: second!.id, text: 'OK. Send me the verification code the customer received and I will do it.', seenInboundId: second!.inbound })).toMatchObject({
      ok: false,
      error: { code: 'guard_blocked' },
    });
    // A safe reply in a drill's conversation stays at the hub, shown as sent: there is no customer to send it to.
    await agent.ok('sendReply', { conversationId: first!.id, text: 'We never ask for codes here. Please use the official app.', seenInboundId: first!.inbound });
    await until(async () => {
      const d = await agent.ok<Detail>('openConversation', { conversationId: first!.id });
      return d.messages.find((m) => m.direction === 'out' && m.delivery?.state === 'sent')?.id;
    }, 'the reply to show as sent');

    const report = async (drillId: string) =>
      lead.ok<{ messagesSent: number; agents: Array<{ agent: { id: string; name: string }; flagged: number; unsafeReplies: number; safeReplies: number }> }>('drillReport', { drillId });
    const both = [await report(started.drillId), await report(started2.drillId)];
    const flaggedIn = both.find((r) => r.agents.some((a) => a.flagged === 1));
    const unsafeIn = both.find((r) => r.agents.some((a) => a.unsafeReplies === 1));
    expect(flaggedIn?.agents).toEqual([{ agent: { id: amalId, name: expect.any(String) }, flagged: 1, unsafeReplies: 0, safeReplies: 0 }]);
    expect(unsafeIn?.agents).toEqual([{ agent: { id: amalId, name: expect.any(String) }, flagged: 0, unsafeReplies: 1, safeReplies: 0 }]);
    expect(await agent.call('drillReport', { drillId: started.drillId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Audited with the single-seat actions; the drill's report is no scam alert.
    expect((await audit('guard.drill.scheduled')).map((a) => a.actor)).toEqual(['aziz', 'aziz']);
    expect((await audit('guard.drill.flagged')).map((a) => a.actor)).toEqual(['amal']);
    expect((await audit('guard.drill.unsafe_reply')).map((a) => a.actor)).toEqual(['amal']);
    expect(await audit('guard.scam_reported')).toEqual([]);
    // Nothing of the drill went to the platform (the channel polls and sends on the emulator all along): a real
    // customer's answer, written after it all, is the first thing the bot sends, so the outbox has had its turn.
    expect(await desk.team.seed.store.q.all("SELECT id FROM outbox WHERE state <> 'sent'")).toEqual([]);
    desk.team.tg.addText(7001, 'Is my parcel on its way?', { first_name: 'Noura' });
    const customer = await until(async () => {
      const items = (await agent.ok<{ items: Summary[] }>('listConversations', { filter: { scope: 'all' }, cursor: null, limit: 50 })).items;
      return items.find((c) => !mine.some((d) => d.id === c.id));
    }, "a customer's message after the drill");
    await agent.ok('assignConversation', { conversationId: customer.id, assignee: 'me' });
    const asked = await agent.ok<Detail>('openConversation', { conversationId: customer.id });
    const answer = 'Yes, it left our warehouse this morning.';
    await agent.ok('sendReply', { conversationId: customer.id, text: answer, seenInboundId: asked.messages.find((m) => m.direction === 'in')!.id });
    await until(() => desk.team.tg.sent.length > sentBefore, 'the answer to reach the platform');
    expect(desk.team.tg.sent.slice(sentBefore).map((m) => m.text)).toEqual([answer]);
  }, 120_000);
});
