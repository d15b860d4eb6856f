import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelegramEmulator } from '../emulators/telegram';
import { ConsoleProcess, startTeamHub, until } from './harness';

interface Conv {
  id: number;
}
interface TeamData {
  labels: Array<{ id: number; name: string }>;
  cannedReplies: Array<{ id: number; shortcut: string; body: string }>;
}

/**
 * The team's data between desks, each node and console its own process: two hub nodes on PostgreSQL behind the load
 * balancer; an administrator's canned reply and label reach the agent's console cache; the agent's labels reach the
 * lead's; a reply the guard holds is approved by the lead from her desk and reaches Telegram once.
 */
describe('team hub: labels, canned replies and a reply approval between desks', () => {
  let team: Awaited<ReturnType<typeof startTeamHub<'amal' | 'layla' | 'adam'>>>;
  let tg: TelegramEmulator;
  let consoles: Record<'amal' | 'layla' | 'adam', ConsoleProcess>;
  let conversationId: number;

  beforeAll(async () => {
    team = await startTeamHub({
      users: [
        { username: 'amal', role: 'agent' },
        { username: 'layla', role: 'lead' },
        { username: 'adam', role: 'admin' },
      ],
      // This team needs only a phone number and an activation code: asking for a national ID waits for a lead.
      nodeConfig: { guard: { serviceNeedsOnlyPhoneAndActivationCode: true } },
    });
    ({ tg, consoles } = team);
    tg.addText(7001, 'Hi, I cannot sign in to my account', { first_name: 'Reza' });
    for (const name of ['amal', 'layla'] as const) {
      const convs = await until(async () => {
        const list = await consoles[name].do<Conv[]>('conversations');
        return list.length === 1 ? list : null;
      }, `${name} to see the conversation`);
      conversationId = convs[0]!.id;
    }
  }, 180_000);

  afterAll(() => team?.close(), 120_000);

  it("an administrator's canned reply and label reach the agent's console; the agent's labels reach the lead's", async () => {
    await consoles.adam.do('call', 'POST', '/v1/canned-replies', { shortcut: 'locked', title: 'Locked account', body: 'We can help: open the app and choose "Forgot password".' });
    const { label } = await consoles.adam.do<{ label: { id: number } }>('call', 'POST', '/v1/labels', { name: 'Sign-in' });
    await expect(consoles.adam.do('call', 'POST', '/v1/canned-replies', { shortcut: 'LOCKED', title: 'x', body: 'y' })).rejects.toMatchObject({ code: 'canned_shortcut_taken' });

    const data = await until(async () => {
      const d = await consoles.amal.do<TeamData>('teamData');
      return d.cannedReplies.length && d.labels.length ? d : null;
    }, "the agent's console to keep the canned reply and the label");
    expect(data.cannedReplies.map((c) => c.shortcut)).toEqual(['locked']);
    expect(data.labels).toEqual([{ id: label.id, name: 'Sign-in' }]);

    await consoles.amal.do('call', 'POST', `/v1/conversations/${conversationId}/labels`, { labelIds: [label.id] });
    await until(async () => ((await consoles.layla.do<number[]>('labelIdsOf', conversationId)).includes(label.id) ? true : null), "the lead's console to see the label");
    await consoles.layla.do('call', 'POST', `/v1/labels/${label.id}/delete`, {});
    await until(async () => ((await consoles.amal.do<number[]>('labelIdsOf', conversationId)).length === 0 ? true : null), 'the deleted label to leave the conversation');
    expect((await consoles.amal.do<TeamData>('teamData')).labels).toEqual([]);
  });

  it('a held reply goes to Telegram once, after the lead approves it from her desk', async () => {
    const text = 'To unlock the account please send me your national ID number.';
    const base = `/v1/conversations/${conversationId}`;
    await expect(consoles.amal.do('call', 'POST', `${base}/replies`, { clientId: 'held-000001', text, seenSeq: 1_000_000 })).rejects.toMatchObject({ code: 'reply_blocked' });
    const { approval } = await consoles.amal.do<{ approval: { id: number } }>('call', 'POST', `${base}/reply-approvals`, { text });
    const pending = await consoles.layla.do<{ approvals: Array<{ id: number; maskedText: string }> }>('call', 'GET', '/v1/reply-approvals/pending');
    expect(pending.approvals.map((a) => a.id)).toEqual([approval.id]);
    await consoles.layla.do('call', 'POST', `/v1/reply-approvals/${approval.id}/decide`, { approve: true });

    const send = (clientId: string) => consoles.amal.do('call', 'POST', `${base}/replies`, { clientId, text, seenSeq: 1_000_000, approvalId: approval.id });
    await send('approved-000001');
    await expect(send('approved-000002')).rejects.toMatchObject({ code: 'guard_approval_invalid' });
    await until(() => tg.sent.some((s) => s.text === text) || null, 'the approved reply to reach Telegram');
    expect(tg.sent.filter((s) => s.text === text)).toHaveLength(1);
  });
});
