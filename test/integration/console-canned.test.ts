import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { testCore } from '../helpers/core';
import { ingestMessage, signedInConsole } from '../helpers/console';

let core: Core | undefined;
afterEach(() => core?.close());

type Canned = { id: number; shortcut: string; title: string; body: string };

describe('canned replies: the administrator manages them, agents use them (real core and store)', () => {
  it('creates, edits (also renaming the shortcut), refuses a taken shortcut without overwriting, deletes; each change audited', async () => {
    const c = (core = await testCore());
    const as = await signedInConsole(c);
    const admin = await as('admin');
    const agent = await as('agent');
    // A fresh install has none, and an agent cannot write one.
    expect(await agent.ok('listCannedReplies', {})).toEqual([]);
    expect(await agent.call('saveCannedReply', { shortcut: 'hi', title: 'Hi', body: 'Hello' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const hello = await admin.ok<Canned>('saveCannedReply', { shortcut: 'hello', title: 'Greeting', body: 'Hello {{customer.firstName}}, how can I help?' });
    const bye = await admin.ok<Canned>('saveCannedReply', { shortcut: 'وداع', title: 'وداع', body: 'شكرًا لتواصلك معنا.' });
    const taken = await admin.call('saveCannedReply', { shortcut: 'HELLO', title: 'Other', body: 'Overwrites?' });
    expect(taken).toMatchObject({ ok: false, error: { code: 'canned_shortcut_taken' } });
    const renamed = await admin.ok<Canned>('saveCannedReply', { id: hello.id, shortcut: 'greet', title: 'Greeting', body: 'Hi {{customer.firstName}}!' });
    expect(await admin.call('saveCannedReply', { id: bye.id, shortcut: 'greet', title: 'x', body: 'y' })).toMatchObject({ ok: false, error: { code: 'canned_shortcut_taken' } });
    const list = await agent.ok<Canned[]>('listCannedReplies', {});
    expect(list.map((x) => [x.shortcut, x.body]).sort()).toEqual([
      ['greet', 'Hi {{customer.firstName}}!'],
      ['وداع', 'شكرًا لتواصلك معنا.'],
    ]);
    const id = ingestMessage(c, { contact: 'Layla Haddad', text: 'Hi' });
    expect(await agent.ok('fillCannedReply', { conversationId: id, cannedReplyId: renamed.id })).toEqual({ text: 'Hi Layla!', missing: [] });

    expect(await admin.ok('deleteCannedReply', { id: bye.id })).toEqual({ deleted: true });
    expect((await agent.ok<Canned[]>('listCannedReplies', {})).map((x) => x.shortcut)).toEqual(['greet']);
    expect(await admin.call('saveCannedReply', { id: bye.id, shortcut: 'gone', title: 'x', body: 'y' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const audit = c.auditTrail.list({ newestFirst: false, limit: 100 }).filter((e) => e.target?.startsWith('canned_reply:'));
    expect(audit.map((e) => `${e.target} ${String(e.details.change)}`)).toEqual([
      'canned_reply:hello created',
      'canned_reply:وداع created',
      'canned_reply:greet edited',
      'canned_reply:وداع deleted',
    ]);
  });

  it('refuses any shortcut that is not 1 to 32 letters, digits, "-" or "_" with a sentence, and keeps what was there', async () => {
    const c = (core = await testCore());
    const admin = await (await signedInConsole(c))('admin');
    await admin.ok('saveCannedReply', { shortcut: 'keep', title: 'Keep', body: 'Kept' });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ minLength: 33, maxLength: 60 }), fc.string().filter((s) => /[^\p{L}\p{N}_-]/u.test(s.trim()) || s.trim() === '')),
        async (shortcut) => {
          const r = await admin.call('saveCannedReply', { shortcut, title: 'T', body: 'B' });
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.error.message.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 60 },
    );
    expect((await admin.ok<Canned[]>('listCannedReplies', {})).map((x) => x.shortcut)).toEqual(['keep']);
  });
});
