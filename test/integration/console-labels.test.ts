import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { testCore } from '../helpers/core';
import { ingestMessage, signedInConsole } from '../helpers/console';

let core: Core | undefined;
afterEach(() => core?.close());

type Label = { id: number; name: string };
type Row = { labels: string[] };

describe('labels: leads and administrators keep the list, agents use it (real core and store)', () => {
  it('creates, renames, refuses a duplicate name in any letter case, deletes off every conversation; each change audited', async () => {
    const c = (core = await testCore());
    const as = await signedInConsole(c);
    const admin = await as('admin');
    const lead = await as('lead');
    const agent = await as('agent');
    expect(await agent.ok('listLabels', {})).toEqual([]);
    expect(await agent.call('saveLabel', { name: 'VIP' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await agent.call('deleteLabel', { id: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const vip = await lead.ok<Label>('saveLabel', { name: 'VIP' });
    const refund = await admin.ok<Label>('saveLabel', { name: 'استرداد' });
    expect(await lead.call('saveLabel', { name: 'vip' })).toMatchObject({ ok: false, error: { code: 'label_exists' } });
    expect(await lead.call('saveLabel', { id: refund.id, name: 'Vip ' })).toMatchObject({ ok: false, error: { code: 'label_exists' } });
    expect(await lead.call('saveLabel', { id: 999, name: 'ghost' })).toMatchObject({ ok: false, error: { code: 'label_unknown' } });

    const id = ingestMessage(c, { contact: 'Layla Haddad', text: 'Where is my refund?' });
    const other = ingestMessage(c, { contact: 'Omid Rahimi', text: 'سلام' });
    await agent.ok('setLabels', { conversationId: id, labels: ['VIP', 'استرداد'] });
    await agent.ok('setLabels', { conversationId: other, labels: ['vip'] });

    // A rename shows on the conversations the label marks and in the inbox's filter.
    const renamed = await lead.ok<Label>('saveLabel', { id: vip.id, name: 'كبار العملاء' });
    expect(renamed).toEqual({ id: vip.id, name: 'كبار العملاء' });
    expect((await agent.ok<{ summary: Row }>('openConversation', { conversationId: other })).summary.labels).toEqual(['كبار العملاء']);
    const filtered = await agent.ok<{ items: Array<{ id: number }> }>('listConversations', { filter: { scope: 'all', label: 'كبار العملاء' }, cursor: null, limit: 50 });
    expect(filtered.items.map((x) => x.id).sort()).toEqual([id, other].sort());

    expect(await lead.ok('deleteLabel', { id: vip.id })).toEqual({ deleted: true });
    expect((await agent.ok<Label[]>('listLabels', {})).map((l) => l.name)).toEqual(['استرداد']);
    expect((await agent.ok<{ summary: Row }>('openConversation', { conversationId: id })).summary.labels).toEqual(['استرداد']);
    expect((await agent.ok<{ summary: Row }>('openConversation', { conversationId: other })).summary.labels).toEqual([]);
    expect(await lead.call('deleteLabel', { id: vip.id })).toMatchObject({ ok: false, error: { code: 'label_unknown' } });

    const audit = c.auditTrail.list({ newestFirst: false, limit: 200 }).filter((e) => e.action.startsWith('label.'));
    expect(audit.map((e) => `${e.actor} ${e.action} ${e.target}`)).toEqual([
      `lina label.created label:${vip.id}`,
      `dana label.created label:${refund.id}`,
      `lina label.renamed label:${vip.id}`,
      `lina label.deleted label:${vip.id}`,
    ]);
    expect(audit.at(-1)!.details).toEqual({ conversations: 2 });
  });

  it('masks a value typed into a label name, and names the rule when a name is blank or too long, keeping the list', async () => {
    const c = (core = await testCore());
    const lead = await (await signedInConsole(c))('lead');
    const masked = await lead.ok<Label>('saveLabel', { name: 'call back 0501234567' });
    expect(masked.name).not.toContain('0501234567');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom('', '   ', '\t'), fc.string({ minLength: 65, maxLength: 120 }).filter((s) => s.trim().length > 64)), async (name) => {
        const r = await lead.call('saveLabel', { id: masked.id, name });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.message).toMatch(/label/i);
      }),
      { numRuns: 40 },
    );
    expect(await lead.ok<Label[]>('listLabels', {})).toEqual([masked]);
  });
});
