import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { resolveGuardPolicy } from '../../main/core/guard';
import { testCore } from '../helpers/core';

let core: Core | undefined;
afterEach(() => core?.close());

const ctx = { agentUsername: 'agent-1', conversationId: 1, lang: 'en' as const };

describe('the core’s guards', () => {
  it('blocks a reply asking for a one-time code and follows the company domains IT sets', async () => {
    core = await testCore();
    expect(core.guards.outbound.check('Please send me the verification code we just texted you.', ctx).verdict).toBe('block');
    expect(core.guards.outbound.check('Never share your verification code with anyone, including us.', ctx).verdict).toBe('allow');
    const link = 'Track it here: https://help.acme.example/orders';
    expect(core.guards.outbound.check(link, ctx).verdict).toBe('warn');
    core.guards.setPolicy(resolveGuardPolicy({ companyDomains: ['acme.example'] }));
    expect(core.guards.outbound.check(link, ctx).verdict).toBe('allow');
  });

  it('sits in front of the store: a flood from one sender is quarantined, not stored, and nothing is lost', async () => {
    core = await testCore();
    core.store.channels.create({ id: 'tg', kind: 'telegram', name: 'Bot' });
    const flood = Array.from({ length: 200 }, (_, i) => ({
      platformMessageId: `f${i}`,
      platformConversationId: 'bot',
      contact: { platformUserId: 'bot' },
      direction: 'in' as const,
      text: `BUY NOW cheap followers ${i}`,
      sentAt: 1_700_000_000_000 + i,
    }));
    core.channels.sink.ingest('tg', flood, null);
    const stored = core.store.conversations.list().items.reduce((n, c) => n + core!.store.conversations.messages(c.id, { limit: 500 }).length, 0);
    const held = core.guards.quarantine.summary().reduce((n, g) => n + g.pending, 0);
    expect(stored).toBeLessThan(200);
    expect(stored + held).toBe(200);
  });

  it('a guard-notice listener that throws does not fail the ingest batch that raised the notice; the others still hear it', async () => {
    const logged: string[] = [];
    core = await testCore({ log: (line) => logged.push(line) });
    core.store.channels.create({ id: 'tg', kind: 'telegram', name: 'Bot' });
    const heard: string[] = [];
    core.guards.onNotice(() => {
      throw new Error('a customer wrote: my card is 4111 1111 1111 1111');
    });
    core.guards.onNotice((n) => heard.push(n.kind));
    // 400 customers in one minute: five times the starting baseline and over the floor, so surge mode starts mid-batch.
    const surge = Array.from({ length: 400 }, (_, i) => ({
      platformMessageId: `s${i}`,
      platformConversationId: `c${i}`,
      contact: { platformUserId: `u${i}` },
      direction: 'in' as const,
      text: `Where is my order number ${i}?`,
      sentAt: Date.now(),
    }));
    expect(() => core!.channels.sink.ingest('tg', surge, 'cursor-1')).not.toThrow();
    expect(heard).toContain('surge_entered');
    const stored = core.store.conversations.list({}, { limit: 1000 }).items.length;
    const held = core.guards.quarantine.summary().reduce((n, g) => n + g.pending, 0);
    expect(stored + held).toBe(400);
    expect(core.channels.sink.cursor('tg')).toBe('cursor-1');
    expect(logged).toContain('guard notice: a listener failed (Error)');
    expect(logged.join('\n')).not.toMatch(/4111 1111|customer wrote/);
  });
});
