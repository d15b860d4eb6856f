import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { resolveGuardPolicy } from '../../main/core/guard';
import { testCore } from '../helpers/core';
import { ingestMessage, PEOPLE, signedInConsole } from '../helpers/console';

let core: Core | undefined;
afterEach(() => core?.close());

async function setup() {
  const c = (core = await testCore());
  // A company whose service needs only a phone number and an activation code: asking for a national ID is blocked,
  // and that is the one kind of block a team lead may approve.
  c.guards.setPolicy(resolveGuardPolicy({ serviceNeedsOnlyPhoneAndActivationCode: true }));
  return { core: c, as: await signedInConsole(c) };
}

type Approval = { id: number; conversationId: number; agent: { name: string } | null; segments: Array<{ kind: string; text?: string; type?: string }>; reasons: string[]; state: string };
type Status = { state: string; approvalToken: string | null };

const PHONE = '+966 55 987 6543';
const BLOCKED = `I will call you on ${PHONE}. To move the line to your name, please send me your national ID number.`;
const NEVER = `I will call you on ${PHONE}. To verify you, please send me the code we just texted you.`;

describe('four eyes on a blocked reply, through the main dispatcher', () => {
  it('agent asks, the lead reads it masked and approves, the agent sends with the token once', async () => {
    const { core: c, as } = await setup();
    const id = ingestMessage(c, { contact: 'Omar Farouk', text: 'I cannot sign in.' });
    const agent = await as('agent');
    const lead = await as('lead');
    const { latestInboundId } = await agent.ok<{ latestInboundId: number }>('openConversation', { conversationId: id });
    const send = (approvalToken?: string) => agent.call('sendReply', { conversationId: id, text: BLOCKED, seenInboundId: latestInboundId, ...(approvalToken ? { approvalToken } : {}) });
    expect(await send()).toMatchObject({ ok: false, error: { code: 'guard_blocked' } });

    expect(await agent.call('requestReplyApproval', { conversationId: id, text: 'Thanks, all done.' })).toMatchObject({ ok: false, error: { code: 'not_blocked' } });
    // A reply asking for a one-time code can never be approved: there is nothing to ask a lead for.
    expect(await agent.call('requestReplyApproval', { conversationId: id, text: NEVER })).toMatchObject({ ok: false, error: { code: 'guard_not_approvable' } });
    const asked = await agent.ok<Approval>('requestReplyApproval', { conversationId: id, text: BLOCKED });
    expect(asked).toMatchObject({ conversationId: id, state: 'pending', agent: { name: PEOPLE.agent.displayName } });
    expect(await agent.ok<Status>('replyApprovalStatus', { requestId: asked.id })).toEqual({ state: 'pending', approvalToken: null });

    // The agent cannot see the queue nor decide; the lead's list holds the masked text and the reasons only.
    expect(await agent.call('listReplyApprovals', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await agent.call('decideReplyApproval', { requestId: asked.id, approve: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const queue = await lead.ok<Approval[]>('listReplyApprovals', {});
    expect(queue).toHaveLength(1);
    const listed = JSON.stringify(queue);
    expect(listed).not.toContain('987');
    expect(listed).not.toContain(BLOCKED);
    expect(queue[0]!.segments).toContainEqual(expect.objectContaining({ kind: 'field', type: 'PHONE' }));
    expect(queue[0]!.reasons.length).toBeGreaterThan(0);

    expect(await lead.ok<Approval>('decideReplyApproval', { requestId: asked.id, approve: true })).toMatchObject({ state: 'approved' });
    expect(await lead.ok<Approval[]>('listReplyApprovals', {})).toEqual([]);
    const status = await agent.ok<Status>('replyApprovalStatus', { requestId: asked.id });
    expect(status.state).toBe('approved');
    const token = status.approvalToken!;
    expect(await send(token)).toMatchObject({ ok: true, value: { direction: 'out' } });
    expect(await send(token)).toMatchObject({ ok: false, error: { code: 'guard_approval_invalid' } });
    // The token is handed out once.
    expect(await agent.call('replyApprovalStatus', { requestId: asked.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const trail = c.auditTrail.list({ newestFirst: true, limit: 50 });
    for (const action of ['guard.reply.approval_requested', 'guard.reply.approved', 'guard.reply.sent_with_approval']) {
      expect(trail).toContainEqual(expect.objectContaining({ action }));
    }
    expect(JSON.stringify(trail)).not.toContain('987 6543');
  });

  it('a lead cannot approve their own reply; a decline reaches the agent without a token', async () => {
    const { core: c, as } = await setup();
    const id = ingestMessage(c, { contact: 'Omar Farouk', text: 'Hello' });
    const lead = await as('lead');
    const own = await lead.ok<Approval>('requestReplyApproval', { conversationId: id, text: BLOCKED });
    expect(await lead.call('decideReplyApproval', { requestId: own.id, approve: true })).toMatchObject({ ok: false, error: { code: 'self_approval' } });
    expect(await lead.call('decideReplyApproval', { requestId: own.id, approve: false })).toMatchObject({ ok: false, error: { code: 'self_approval' } });

    const agent = await as('agent');
    const asked = await agent.ok<Approval>('requestReplyApproval', { conversationId: id, text: BLOCKED });
    expect(await lead.ok<Approval>('decideReplyApproval', { requestId: asked.id, approve: false })).toMatchObject({ state: 'declined' });
    expect(await lead.call('decideReplyApproval', { requestId: asked.id, approve: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await agent.ok<Status>('replyApprovalStatus', { requestId: asked.id })).toEqual({ state: 'declined', approvalToken: null });
    expect(c.auditTrail.list({ newestFirst: true, limit: 50 })).toContainEqual(expect.objectContaining({ action: 'guard.reply.approval_declined', actor: PEOPLE.lead.username }));
  });
});
