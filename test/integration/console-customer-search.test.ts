import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { testCore } from '../helpers/core';
import { signedInConsole } from '../helpers/console';
import { MAX_EXPANSION } from '../../main/core/store/search-text';

let core: Core | undefined;
afterEach(() => core?.close());

type Segment = { kind: string; text?: string; match?: boolean };
type Found = {
  total: number;
  hits: Array<{ conversationId: number; contactName: Segment[] }>;
  customers: Array<{ conversationId: number; contactName: Segment[]; handle: Segment[]; status: string; channelKind: string }>;
  customersTotal: number;
};
const text = (s: Segment[]) => s.map((x) => x.text ?? '').join('');
const marked = (s: Segment[]) => s.filter((x) => x.match).map((x) => x.text);

/** A customer message from a named contact with a handle, stored as a connector stores it. */
function receive(c: Core, m: { user: string; name: string; handle?: string; text: string; at: number; conversation?: string }): number {
  const r = c.store.sink.ingest('demo', [
    {
      platformMessageId: `m-${m.user}-${m.at}`,
      platformConversationId: m.conversation ?? `c-${m.user}`,
      contact: { platformUserId: m.user, displayName: m.name, ...(m.handle ? { handle: m.handle } : {}) },
      direction: 'in',
      text: m.text,
      sentAt: m.at,
    },
  ]);
  return Number(r.conversationIds[0]);
}

describe('search finds conversations by the customer\'s name or handle (single seat, real store)', () => {
  it('folds Arabic and Persian, marks the match, lists each customer once by their latest conversation, honours the filters, and audits', async () => {
    const c = (core = await testCore());
    const as = await signedInConsole(c);
    const now = c.clock.now();
    const older = receive(c, { user: 'u1', name: 'أحمد الكريمي', handle: 'ahmad_k', text: 'my parcel is late', at: now - 5000, conversation: 'first' });
    c.store.conversations.setStatus(older, 'resolved');
    const latest = receive(c, { user: 'u1', name: 'أحمد الكريمي', handle: 'ahmad_k', text: 'hello again', at: now - 1000, conversation: 'second' });
    const sara = receive(c, { user: 'u2', name: 'Sara ⟦not a token', handle: 'sara_42', text: 'ahmad told me to write', at: now - 2000 });
    receive(c, { user: 'u3', name: 'Omar', text: 'nothing to see', at: now - 3000 });
    const agent = await as('agent');

    const byName = await agent.ok<Found>('search', { query: 'احمد' });
    expect(byName.customers.map((h) => h.conversationId)).toEqual([latest]);
    expect(byName.customersTotal).toBe(1);
    expect(marked(byName.customers[0]!.contactName)).toEqual(['أحمد']);
    expect(text(byName.customers[0]!.handle)).toBe('ahmad_k');
    expect(byName.customers[0]).toMatchObject({ status: 'open', channelKind: 'demo' });

    // The Latin handle and the message that says "ahmad" are both found, each where it belongs.
    const byHandle = await agent.ok<Found>('search', { query: 'ahmad' });
    expect(byHandle.customers.map((h) => h.conversationId)).toEqual([latest]);
    expect(marked(byHandle.customers[0]!.handle)).toEqual(['ahmad']);
    expect(byHandle.hits.map((h) => h.conversationId)).toEqual([sara]);

    // Persian letters and digits find the Arabic name and the handle's digits; the article is optional.
    expect((await agent.ok<Found>('search', { query: 'كريمی' })).customers.map((h) => h.conversationId)).toEqual([latest]);
    expect((await agent.ok<Found>('search', { query: '۴۲' })).customers.map((h) => h.conversationId)).toEqual([sara]);

    // Filters choose among the customer's conversations: the resolved one is the match under "resolved".
    expect((await agent.ok<Found>('search', { query: 'ahmad', status: 'resolved' })).customers.map((h) => h.conversationId)).toEqual([older]);
    expect((await agent.ok<Found>('search', { query: 'ahmad', to: now - 4000 })).customers.map((h) => h.conversationId)).toEqual([older]);
    expect((await agent.ok<Found>('search', { query: 'ahmad', channelId: 'elsewhere' })).customers).toEqual([]);

    // A word that is no start of a word of a name finds no customer.
    expect((await agent.ok<Found>('search', { query: 'rimi' })).customers).toEqual([]);

    await c.auditTrail.flush();
    expect(c.auditTrail.list({ newestFirst: true, limit: 20 }).find((e) => e.action === 'search')).toMatchObject({ details: { customers: 0 } });
    expect(c.auditTrail.list({ newestFirst: true, limit: 50 }).filter((e) => e.action === 'search').some((e) => (e.details as { customers?: number }).customers === 1)).toBe(true);
  });

  it('shows at most twenty customers and counts the rest', async () => {
    const c = (core = await testCore());
    const as = await signedInConsole(c);
    for (let i = 0; i < 30; i++) receive(c, { user: `n${i}`, name: `Nour ${i}`, text: 'hi', at: c.clock.now() - i * 1000 });
    const agent = await as('agent');
    const found = await agent.ok<Found>('search', { query: 'nour', limit: 100 });
    expect(found.customers).toHaveLength(20);
    expect(found.customersTotal).toBe(30);
    expect(text(found.customers[0]!.contactName)).toBe('Nour 0');
  });
});

describe('message search: a word beginning many words (issue #26, bounded work)', () => {
  it('searches its shortest words and tells the reader how many it begins; a narrower prefix is searched whole, with nothing said', async () => {
    const c = (core = await testCore());
    const as = await signedInConsole(c);
    const words = Array.from({ length: MAX_EXPANSION + 3 }, (_, i) => `zebr${'a'.repeat(1 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`);
    words.forEach((w, i) => receive(c, { user: `z${i}`, name: 'Zed', text: `about ${w}`, at: c.clock.now() - i * 1000 }));
    const agent = await as('agent');
    const wide = await agent.ok<Found & { narrowed?: unknown }>('search', { query: 'Zebr', limit: 100 });
    expect(wide.narrowed).toEqual({ prefix: 'zebr', searched: MAX_EXPANSION, named: words.length, more: false });
    expect(wide.total).toBe(MAX_EXPANSION);
    const narrow = await agent.ok<Found & { narrowed?: unknown }>('search', { query: 'zebraa', limit: 100 });
    expect(narrow.narrowed).toBeUndefined();
    expect(narrow.total).toBe(words.filter((w) => w.startsWith('zebraa')).length);
  });
});
