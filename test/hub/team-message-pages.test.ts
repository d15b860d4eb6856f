import { describe, expect, it } from 'vitest';
import { MESSAGE_PAGE } from '../../main/ipc/console-contract';
import { teamConsoleSuite } from '../helpers/team-console';
import { PASSWORD, until } from './harness';

type Row = { id: number };
type Message = { id: number; sentAt: number; segments: Array<{ text?: string }> };
type Page = { messages: Message[]; moreBefore?: boolean };

const textOf = (m: Message) => m.segments.map((s) => s.text ?? '').join('');

/**
 * A team seat opens a long conversation as a single seat does (issue #26 round 24): the latest page of what its cache
 * holds, and `olderMessages` reads the pages before it from the cache back to the first message.
 */
describe("a team seat's long conversation, a page at a time", () => {
  const desk = teamConsoleSuite({
    users: [{ username: 'amal', role: 'agent' }],
    nodes: 1,
    channels: true,
    // One customer writes more at once than the flood control's default burst (20) lets through.
    nodeConfig: { webhooks: { flood: { perSender: { perMinute: 3000, burst: 500 }, perChannel: { perMinute: 3000, burst: 500 } } } },
  });

  it('opens at the latest page and pages back to the first message, each once, in order', async () => {
    const agent = await desk.window();
    expect(await agent.ok('signIn', { username: 'amal', password: PASSWORD })).toMatchObject({ status: 'signed_in' });
    const total = 2 * MESSAGE_PAGE + 7;
    // The first message carries a phone number: the panel still reads the whole cache, not the page shown.
    desk.team.tg.addText(7003, 'Order late, call me on +966 50 765 4321', { first_name: 'Salma' });
    for (let i = 2; i <= total; i++) desk.team.tg.addText(7003, `Line ${i} of my story`, { first_name: 'Salma' });
    const chat = await until(async () => {
      const items = (await agent.ok<{ items: Row[] }>('listConversations', { filter: { scope: 'all' }, cursor: null, limit: 50 })).items;
      return items[0] ?? null;
    }, 'the conversation at the console');
    const opened = await until(async () => {
      const d = await agent.ok<Page & { customer: { fields: Array<{ label: string }> } }>('openConversation', { conversationId: chat.id });
      return d.messages.length === MESSAGE_PAGE && textOf(d.messages.at(-1)!).includes(`Line ${total} `) ? d : null;
    }, 'every message in the cache');
    expect(opened.moreBefore).toBe(true);
    expect(textOf(opened.messages[0]!)).toContain(`Line ${total - MESSAGE_PAGE + 1} `);
    expect(opened.customer.fields.map((f) => f.label)).toContain('PHONE');

    const shown = [...opened.messages];
    const sizes: number[] = [];
    for (let more = opened.moreBefore; more; ) {
      const page = await agent.ok<Page>('olderMessages', { conversationId: chat.id, before: { sentAt: shown[0]!.sentAt, id: shown[0]!.id } });
      sizes.push(page.messages.length);
      shown.unshift(...page.messages);
      more = page.moreBefore;
    }
    expect(sizes).toEqual([MESSAGE_PAGE, total - 2 * MESSAGE_PAGE]);
    expect(shown.map(textOf)).toEqual([expect.stringContaining('Order late'), ...Array.from({ length: total - 1 }, (_, i) => expect.stringContaining(`Line ${i + 2} `))]);
    expect(new Set(shown.map((m) => m.id)).size).toBe(total);
    expect(shown.map((m) => m.id)).toEqual([...shown.map((m) => m.id)].sort((a, b) => a - b));
    expect(textOf(shown[0]!)).not.toContain('765 4321');
    // Before the first message there is nothing, and asking is not an error.
    expect(await agent.ok<Page>('olderMessages', { conversationId: chat.id, before: { sentAt: shown[0]!.sentAt, id: shown[0]!.id } })).toEqual({ messages: [], moreBefore: false });
  }, 180_000);
});
