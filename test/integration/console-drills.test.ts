import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { testCore } from '../helpers/core';
import { ingestMessage, PEOPLE, signedInConsole } from '../helpers/console';

let core: Core | undefined;
afterEach(() => core?.close());

async function setup() {
  const c = (core = await testCore());
  return { core: c, as: await signedInConsole(c) };
}

type Report = { drillId: string; messagesSent: number; agents: Array<{ agent: { name: string }; flagged: number; unsafeReplies: number; safeReplies: number }> };
type Detail = { latestInboundId: number; messages: Array<{ id: number; direction: string }> };

const UNSAFE = 'Sure, please send me the verification code we just texted you and I will fix it.';

describe('phishing drills, through the main dispatcher', () => {
  it('admin schedules, the demo channel delivers, an agent flags one and replies unsafely to another, the report shows both', async () => {
    const { core: c, as } = await setup();
    const admin = await as('admin');
    const agent = await as('agent');
    const lead = await as('lead');

    expect(await agent.call('scheduleDrill', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const { drillId, messagesSent } = await admin.ok<{ drillId: string; messagesSent: number }>('scheduleDrill', {});
    expect(messagesSent).toBe(5);
    const stored = c.db.prepare("SELECT id, conversation_id FROM messages WHERE platform_message_id LIKE 'drillmsg-%' ORDER BY id").all() as Array<{ id: number; conversation_id: number }>;
    expect(stored).toHaveLength(5);
    const [first, second, third] = stored as [(typeof stored)[0], (typeof stored)[0], (typeof stored)[0]];

    // A customer's ordinary message reported as a scam is not part of the drill.
    const ordinary = ingestMessage(c, { contact: 'Omar Farouk', text: 'Hello, my order is late.' });
    const ordinaryDetail = await agent.ok<Detail>('openConversation', { conversationId: ordinary });
    expect(await agent.ok('reportScam', { messageId: ordinaryDetail.latestInboundId })).toEqual({ drill: false });

    expect(await agent.ok('reportScam', { messageId: first.id })).toEqual({ drill: true });
    const detail = await agent.ok<Detail>('openConversation', { conversationId: second.conversation_id });
    const blocked = await agent.call('sendReply', { conversationId: second.conversation_id, text: UNSAFE, seenInboundId: detail.latestInboundId });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'guard_blocked' } });
    const leadDetail = await lead.ok<Detail>('openConversation', { conversationId: third.conversation_id });
    await lead.ok('sendReply', { conversationId: third.conversation_id, text: 'We never ask for codes by message. Please use the app to contact us.', seenInboundId: leadDetail.latestInboundId });

    expect(await agent.call('drillReport', { drillId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const reader of [admin, lead]) {
      const report = await reader.ok<Report>('drillReport', { drillId });
      expect(report.messagesSent).toBe(5);
      expect(report.agents).toEqual([
        { agent: expect.objectContaining({ name: PEOPLE.lead.displayName }), flagged: 0, unsafeReplies: 0, safeReplies: 1 },
        { agent: expect.objectContaining({ name: PEOPLE.agent.displayName }), flagged: 1, unsafeReplies: 1, safeReplies: 0 },
      ]);
    }
    const trail = c.auditTrail.list({ newestFirst: true, limit: 100 });
    for (const action of ['guard.drill.scheduled', 'guard.drill.flagged', 'guard.drill.unsafe_reply', 'guard.scam_reported']) {
      expect(trail).toContainEqual(expect.objectContaining({ action }));
    }
    expect(JSON.stringify(trail)).not.toContain('verification code we just texted');
  });

  it('refuses a drill on a channel that is not a demo channel and an unknown drill id', async () => {
    const { core: c, as } = await setup();
    c.store.channels.create({ id: 'tg', kind: 'telegram', name: 'Telegram' });
    const admin = await as('admin');
    expect(await admin.call('scheduleDrill', { channelId: 'tg' })).toMatchObject({ ok: false, error: { code: 'drill_needs_demo_channel' } });
    expect(await admin.call('drillReport', { drillId: 'drill-00' })).toMatchObject({ ok: false, error: { code: 'drill_not_found' } });
    expect(await admin.ok('scheduleDrill', { kind: 'code_forward' })).toMatchObject({ messagesSent: 1 });
  });
});
