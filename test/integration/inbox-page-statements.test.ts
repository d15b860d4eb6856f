import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { guardedSink } from '../../main/core/app/guards';
import { createConsoleServices } from '../../main/ipc/console-services';
import { addPeople, PEOPLE } from '../helpers/console-people';
import { statementsOf } from '../helpers/statements';
import { inbound, storeCore } from '../helpers/store';

let core: Core | undefined;
afterEach(() => core?.close());

describe('an inbox page (issue #26 round 9: what a filter class\'s first page paid)', () => {
  it('prepares nothing after its first call and looks no row up in conversations when no copies are held', async () => {
    core = await storeCore();
    const c = core;
    for (const channel of ['wa', 'x']) c.store.channels.create({ id: channel, kind: 'demo', name: channel });
    // 120 conversations over three channels, so a page's rows come from several channels.
    for (const [k, channel] of ['tg', 'wa', 'x'].entries()) {
      c.store.sink.ingest(channel, Array.from({ length: 40 }, (_, i) => inbound(k * 100 + i, { platformConversationId: `chat${k}-${i}`, contact: { platformUserId: `u${k}-${i}` } })));
    }
    const services = createConsoleServices(c, { notify() {} } as never);
    const page = () => services.inbox.listConversations({ actorId: 'u-1', filter: { scope: 'all' }, cursor: null, limit: 100 });
    expect(page().items).toHaveLength(100);
    const second = statementsOf(c.db, () => page());
    // Before: one statement per channel of the page, prepared on every call (its IN list as long as the channel's
    // rows), and the platform id of each of the 100 rows read from `conversations`, one cold page each at 3M.
    expect(second.prepared).toBe(0);
    expect(second.run.filter((s) => /FROM conversations WHERE id = \?/.test(s))).toEqual([]);
    expect(second.run.length).toBeLessThanOrEqual(12);
  });

  it('still shows the copies held on the conversation a campaign opened, and on no other row', async () => {
    core = await storeCore();
    const c = core;
    c.store.sink.ingest('tg', Array.from({ length: 20 }, (_, i) => inbound(i, { platformConversationId: `chat${i}`, contact: { platformUserId: `u${i}` } })));
    // The same text from six senders through the flood gate: the first copies are stored, the rest held as duplicates.
    const sink = guardedSink(c.guards, c.store.sink);
    const text = 'Boycott now until the prices come down, share this everywhere today';
    for (let i = 0; i < 6; i++) sink.ingest('tg', [inbound(100 + i, { platformConversationId: `bot${i}`, contact: { platformUserId: `bot${i}` }, text })]);
    const waiting = c.guards.quarantine.waitingCopies('tg');
    expect(waiting.size).toBe(1);
    const [ref, n] = [...waiting][0]!;
    const services = createConsoleServices(c, { notify() {} } as never);
    const rows = services.inbox.listConversations({ actorId: 'u-1', filter: { scope: 'all' }, cursor: null, limit: 100 }).items;
    const opened = c.store.conversations.byPlatform('tg', ref!);
    expect(rows.filter((r) => r.heldCopies).map((r) => [r.id, r.heldCopies])).toEqual([[opened, n]]);
  });

  it('reads the names of the people it shows in one statement, and the copies held on its channels in one (#26, round 19)', async () => {
    core = await storeCore();
    const c = core;
    const people = await addPeople(c);
    for (const channel of ['wa', 'x']) c.store.channels.create({ id: channel, kind: 'demo', name: channel });
    for (const [k, channel] of ['tg', 'wa', 'x'].entries()) {
      c.store.sink.ingest(channel, Array.from({ length: 40 }, (_, i) => inbound(k * 100 + i, { platformConversationId: `chat${k}-${i}`, contact: { platformUserId: `u${k}-${i}` } })));
    }
    // Three people and one id nobody has any more, over the page's rows.
    const assignees = [people.admin, people.agent, people.lead, 'u-gone', null];
    c.store.conversations.list({}, { limit: 120 }).items.forEach((conv, i) => c.store.conversations.assign(conv.id, assignees[i % assignees.length]!));
    const services = createConsoleServices(c, { notify() {} } as never);
    const page = () => services.inbox.listConversations({ actorId: 'u-1', filter: { scope: 'all' }, cursor: null, limit: 100 });
    page();
    const { run } = statementsOf(c.db, () => page());
    // Before: one `users` lookup per person of the page, and one statement per channel of the page.
    expect(run.filter((s) => /\bFROM users\b/.test(s))).toHaveLength(1);
    expect(run.filter((s) => /\bFROM guard_quarantine\b/.test(s))).toHaveLength(1);
    const names = new Map(page().items.map((r) => [r.assignee?.id ?? null, r.assignee?.name ?? null]));
    expect(Object.fromEntries(names)).toEqual({
      [people.admin]: PEOPLE.admin.displayName,
      [people.agent]: PEOPLE.agent.displayName,
      [people.lead]: PEOPLE.lead.displayName,
      'u-gone': 'u-gone',
      null: null,
    });
  });
});
