import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { createConsoleServices } from '../../main/ipc/console-services';
import { MESSAGE_PAGE } from '../../main/ipc/console-contract';
import { inbound, statementsRunBy, storeCore } from '../helpers/store';

let core: Core | undefined;
afterEach(() => core?.close());

/** SQLite's plan for `sql`, one line per step ("SEARCH messages USING INDEX messages_inbound (…)"). */
function plan(c: Core, sql: string, ...args: unknown[]): string[] {
  return (c.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail);
}

const opener = { id: 'u-1', username: 'agent', name: 'Agent', role: 'agent' as const };

describe('opening a conversation (issue #26: the first opening at 3M messages)', () => {
  it('reads its page of scam-check outcomes as a range of the conversation\'s inbound messages, not the whole conversation', async () => {
    core = await storeCore();
    const c = core;
    const [of] = statementsRunBy(c.db, () => c.store.inboundChecks.of(1, 'r', { from: 5, to: 9 }));
    // The outcomes live on the message rows (migration 030). Migration 031 dropped the inbound messages' own index (a
    // page a touched conversation at every ingest, for this read): the range is tested on the conversation's entries of
    // messages_by_conversation (they hold the id), never a range of the table's key (every conversation's messages
    // between the page's first and last). Pinned before 031: messages_inbound (conversation_id=? AND id>? AND id<?).
    expect(plan(c, of!, 1, 5, 9, 'r')).toEqual([
      'SEARCH messages USING INDEX messages_by_conversation (conversation_id=?)',
      'SCALAR SUBQUERY 1',
      'SEARCH inbound_rules USING COVERING INDEX sqlite_autoindex_inbound_rules_1 (rules=?)',
    ]);
    // The conversation, its customer and its labels in one statement: each a lookup by key.
    const one = plan(
      core,
      `SELECT c.id, (SELECT group_concat(cl.label_id) FROM conversation_labels cl WHERE cl.conversation_id = c.id) AS label_ids
       FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE c.id = 1`,
    );
    expect(one.filter((d) => /^SCAN /.test(d))).toEqual([]);
    expect(one.some((d) => /SEARCH cl USING (COVERING INDEX|PRIMARY KEY)/.test(d))).toBe(true);
  });

  it('reads the conversation once and finds when the customer last wrote in the page it shows', async () => {
    core = await storeCore();
    const c = core;
    // Customer messages, then a run of replies longer than a page: the last customer message is off the page.
    c.store.sink.ingest('tg', [inbound(1), inbound(2)]);
    const id = c.store.conversations.list().items[0]!.id;
    c.store.labels.attach(id, c.store.labels.create('vip').id);
    const services = createConsoleServices(c, { notify() {} } as never);

    const sqls = statementsRunBy(c.db, () => services.inbox.conversation(id, { opener, lang: 'en' }));
    expect(sqls.filter((s) => /FROM conversations c JOIN contacts k/.test(s))).toHaveLength(1);
    expect(sqls.filter((s) => /direction = 'in' ORDER BY sent_at DESC/.test(s))).toEqual([]);
    const detail = services.inbox.conversation(id, { opener: null, lang: 'en' })!;
    expect(detail.summary.unread).toBe(0);
    expect(detail.summary.labels).toEqual(['vip']);
    expect(detail.replyWindow).toEqual(services.inbox.conversation(id, { opener: null })!.replyWindow);

    const out = Array.from({ length: MESSAGE_PAGE + 5 }, (_, i) => inbound(10 + i, { direction: 'out' }));
    c.store.sink.ingest('tg', out);
    const page = c.store.conversations.messages(id, { limit: MESSAGE_PAGE + 1 });
    expect(page.some((m) => m.direction === 'in')).toBe(false);
    // Not in the page: read from the table, the same answer as without a page.
    expect(c.store.conversations.lastInboundAt(id, page)).toBe(inbound(2).sentAt);
    c.store.sink.ingest('tg', [inbound(100)]);
    const newer = c.store.conversations.messages(id, { limit: MESSAGE_PAGE + 1 });
    expect(c.store.conversations.lastInboundAt(id, newer)).toBe(c.store.conversations.lastInboundAt(id));
    expect(c.store.conversations.lastInboundAt(id, newer)).toBe(inbound(100).sentAt);
  });
});
