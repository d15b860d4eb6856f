import { describe, expect, it } from 'vitest';
import { teamConsoleSuite } from '../helpers/team-console';
import { PASSWORD, until } from './harness';

type Row = { id: number; contactName: string };
type Panel = {
  fields: Array<{ label: string }>;
  earlier: Array<{ id: number; status: string; channelKind: string }>;
  fieldsFrom?: { messages: number; hubUnreachable?: true };
};

/**
 * A team seat's customer panel (issue #26): the contact details of the whole conversation and the customer's other
 * conversations come from the hub (its own process, a real PostgreSQL), as the role may read them, masked; with the
 * hub out of reach the panel keeps what this computer holds and says why the rest is missing.
 */
describe("a team seat's customer panel, from the hub", () => {
  const desk = teamConsoleSuite({ users: [{ username: 'amal', role: 'agent' }], nodes: 1, channels: true });

  it('lists the whole conversation’s contact details and the earlier conversations the hub holds, and says when the hub cannot be reached', async () => {
    const agent = await desk.window();
    expect(await agent.ok('signIn', { username: 'amal', password: PASSWORD })).toMatchObject({ status: 'signed_in' });
    const { tg } = desk.team;
    // One customer, two conversations: a group she wrote in first, then her private chat with the phone number.
    tg.addRaw({ message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: -4001, type: 'group', title: 'Shop group' }, from: { id: 7002, is_bot: false, first_name: 'Huda' }, text: 'Is the shop open on Friday?' } });
    const group = await until(async () => {
      const items = (await agent.ok<{ items: Row[] }>('listConversations', { filter: { scope: 'all' }, cursor: null, limit: 50 })).items;
      return items.length === 1 ? items[0]! : null;
    }, 'the group conversation at the console');
    tg.addText(7002, 'My order did not arrive, call me on +966 50 123 4567', { first_name: 'Huda' });
    tg.addText(7002, 'Thanks', { first_name: 'Huda' });
    const chat = await until(async () => {
      const items = (await agent.ok<{ items: Row[] }>('listConversations', { filter: { scope: 'all' }, cursor: null, limit: 50 })).items;
      return items.find((c) => c.id !== group.id) ?? null;
    }, 'the private conversation at the console');

    const opened = await until(async () => {
      const d = await agent.ok<{ customer: Panel; messages: unknown[] }>('openConversation', { conversationId: chat.id });
      return d.messages.length === 2 ? d : null;
    }, 'both messages in the opened conversation');
    expect(opened.customer.fields.map((f) => f.label)).toEqual(['PHONE']);
    expect(JSON.stringify(opened.customer)).not.toContain('123 4567');
    expect(opened.customer.earlier).toEqual([expect.objectContaining({ id: group.id, status: 'open', channelKind: 'telegram' })]);
    // The hub answered for the whole conversation: nothing to say about a partial cache.
    expect(opened.customer.fieldsFrom).toBeUndefined();
    const back = await agent.ok<{ customer: Panel }>('openConversation', { conversationId: group.id });
    expect(back.customer.earlier.map((e) => e.id)).toEqual([chat.id]);

    // Out of reach: the cache's two messages give the details, no earlier conversations, and the panel says why.
    desk.team.lb.down = true;
    desk.team.lb.cut();
    try {
      const offline = await agent.ok<{ customer: Panel }>('openConversation', { conversationId: chat.id });
      expect(offline.customer.fields.map((f) => f.label)).toEqual(['PHONE']);
      expect(offline.customer.earlier).toEqual([]);
      expect(offline.customer.fieldsFrom).toEqual({ messages: 2, hubUnreachable: true });
    } finally {
      desk.team.lb.down = false;
    }
    const again = await until(async () => {
      const d = await agent.ok<{ customer: Panel }>('openConversation', { conversationId: chat.id });
      return d.customer.fieldsFrom ? null : d;
    }, 'the panel from the hub once it is back');
    expect(again.customer.earlier.map((e) => e.id)).toEqual([group.id]);
  }, 120_000);
});
