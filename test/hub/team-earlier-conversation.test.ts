import { describe, expect, it } from 'vitest';
import { teamConsoleSuite } from '../helpers/team-console';
import { HubLabels } from '../../main/hub/store/labels';
import { HubSnoozes } from '../../main/hub/store/snoozes';
import { PASSWORD, until } from './harness';

type Row = { id: number; status?: string; snoozedUntil?: number | null; labels?: string[] };
type Detail = { summary: { id: number }; messages: unknown[]; customer: { earlier: Array<{ id: number }> } };

/**
 * An earlier conversation of the customer that the team seat's cache does not hold (issue #26) — here, from before IT
 * gave the agent the channel, so her stream never carried it — opens from the hub (its own process, a real
 * PostgreSQL), masked, as her channels allow; with the hub out of reach the console says why it cannot open it.
 */
describe("an earlier conversation the team seat's cache does not hold", () => {
  const desk = teamConsoleSuite({ users: [{ username: 'amal', role: 'agent' }], nodes: 1, channels: true });

  it('is fetched from the hub as her role may read it, kept, and refused with a sentence when the hub cannot be reached', async () => {
    const { tg, seed } = desk.team;
    const it_ = { actor: 'it:test', action: 'user.channels' };
    const amalId = seed.ids.amal!;
    await seed.store.updateUser(amalId, { channels: ['wa'] }, it_);
    const agent = await desk.window();
    expect(await agent.ok('signIn', { username: 'amal', password: PASSWORD })).toMatchObject({ status: 'signed_in' });

    // Huda writes in two groups while Amal may not read the bot's channel.
    const now = Math.floor(Date.now() / 1000);
    const from = { id: 7002, is_bot: false, first_name: 'Huda' };
    tg.addRaw({ message: { message_id: 1, date: now, chat: { id: -4001, type: 'group', title: 'Shop group' }, from, text: 'Is the shop open on Friday? Call me on +966 50 123 4567' } });
    tg.addRaw({ message: { message_id: 2, date: now, chat: { id: -4002, type: 'group', title: 'Offers group' }, from, text: 'Any offers this week?' } });
    const groups = await until(async () => {
      const at = await seed.store.conversations({ channels: ['tg'] });
      return at.length === 2 ? at : null;
    }, 'both groups at the hub');
    const [first, second] = [...groups].sort((a, b) => a.id - b.id) as [(typeof groups)[number], (typeof groups)[number]];

    // A colleague labels the first group and snoozes it while Amal may not read it: her stream carries neither.
    const vip = await new HubLabels(seed.store).create('VIP', { actor: 'user:lead', device: null });
    await new HubLabels(seed.store).setOnConversation(first.id, [vip.id], { actor: 'user:lead', device: null });
    const wakeAt = Date.now() + 86_400_000;
    await new HubSnoozes(seed.store).snooze(first.id, wakeAt, { actor: 'user:lead', device: null });

    // Not hers yet: the hub refuses, and nothing is kept.
    const refused = await agent.call('openConversation', { conversationId: first.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conversation_unknown' } });

    // Her console has been sent (and has acknowledged) every event so far — the label and snooze filtered out as her
    // channels were then — before IT widens them: an event still unsent at the grant would be read with the new channels.
    const written = await seed.store.latestEventSeq();
    await until(async () => ((await seed.store.consoleCursors()).some((c) => c.username === 'amal' && c.seq >= written) ? true : null), 'her console past the label and the snooze');

    // IT gives her the channel; Huda then writes in private.
    await seed.store.updateUser(amalId, { channels: ['tg'] }, it_);
    tg.addText(7002, 'Hello again, about my order', { first_name: 'Huda' });
    const chat = await until(async () => {
      const items = (await agent.ok<{ items: Row[] }>('listConversations', { filter: { scope: 'all' }, cursor: null, limit: 50 })).items;
      return items.length ? items : null;
    }, 'the private conversation at the console');
    expect(chat.map((c) => c.id)).not.toContain(first.id);
    const opened = await agent.ok<Detail>('openConversation', { conversationId: chat[0]!.id });
    expect(opened.customer.earlier.map((e) => e.id).sort()).toEqual([first.id, second.id].sort());

    // The earlier one opens from the hub's answer (masked), and the console keeps it.
    const earlier = await agent.ok<Detail>('openConversation', { conversationId: first.id });
    expect(earlier.summary.id).toBe(first.id);
    expect(JSON.stringify(earlier.messages)).toContain('Friday');
    expect(JSON.stringify(earlier.messages)).not.toContain('123 4567');
    const listed = (await agent.ok<{ items: Row[] }>('listConversations', { filter: { scope: 'all' }, cursor: null, limit: 50 })).items;
    expect(listed.map((c) => c.id)).toContain(first.id);
    // With the label and the snooze it had at the hub, not only once they next change (the label's name is the
    // team's list, which her stream carries).
    const row = await until(async () => {
      const items = (await agent.ok<{ items: Row[] }>('listConversations', { filter: { scope: 'all' }, cursor: null, limit: 50 })).items;
      const r = items.find((c) => c.id === first.id);
      return r?.labels?.length ? r : null;
    }, 'the first group listed with its label');
    expect(row).toMatchObject({ status: 'snoozed', snoozedUntil: wakeAt, labels: ['VIP'] });

    // Out of reach: the kept one still opens from the cache; the other cannot be fetched, and the console says so.
    desk.team.lb.down = true;
    desk.team.lb.cut();
    try {
      expect((await agent.ok<Detail>('openConversation', { conversationId: first.id })).summary.id).toBe(first.id);
      const offline = await agent.call('openConversation', { conversationId: second.id });
      expect(offline).toMatchObject({ ok: false, error: { code: 'conversation_not_fetched' } });
      expect(offline.ok ? '' : offline.error.message).toMatch(/cannot be reached/);
    } finally {
      desk.team.lb.down = false;
    }
    const back = await until(async () => {
      const r = await agent.call('openConversation', { conversationId: second.id });
      return r.ok ? (r.value as Detail) : null;
    }, 'the second group once the hub is back');
    expect(JSON.stringify(back.messages)).toContain('offers');
  }, 120_000);
});
