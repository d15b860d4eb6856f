import { afterEach, describe, expect, it } from 'vitest';
import { createMainDispatch, type CallContext } from '../../main/ipc';
import { openDemoDb, type DemoDb } from '../bridge/console-demo/db';
import { addUser, seedCannedAndAlerts, seedConversations } from '../bridge/console-demo/seed';
import { createDemoServices, type DemoServices } from '../bridge/console-demo/services';
import { testCore } from '../helpers/core';
import { PEOPLE } from '../helpers/console';
import type { Core } from '../../main/core/app';

const ctx: CallContext = { trustedSender: true };
let core: Core;
let db: DemoDb;
let demo: DemoServices;
afterEach(() => {
  demo?.close();
  db?.close();
  core?.close();
});

function setup(count = 30) {
  core = testCore();
  db = openDemoDb(core.dataDir);
  for (const p of Object.values(PEOPLE)) addUser(db, p);
  seedConversations(db, { count, now: Date.now(), agentIds: [PEOPLE.agent.id] });
  seedCannedAndAlerts(db, Date.now());
  demo = createDemoServices({ db, clock: core.clock, deliveryDelayMs: 10_000 });
  const d = createMainDispatch(core, demo);
  const call = async (channel: string, request: unknown) => d(channel, request, ctx);
  const ok = async <T = unknown>(channel: string, request: unknown): Promise<T> => {
    const r = await call(channel, request);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  return { call, ok };
}

describe('console handlers through the main dispatcher (demo services, real core and keychain)', () => {
  it('refuses every console call before sign-in, and a wrong password says so without detail', async () => {
    const { call } = setup();
    expect(await call('listConversations', { filter: {} })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await call('signIn', { username: 'sam', password: 'nope' })).toMatchObject({ ok: false, error: { code: 'sign_in_failed' } });
    expect(await call('signIn', { username: 'sam', password: PEOPLE.agent.password })).toMatchObject({ ok: true, value: { state: 'signed_in' } });
  });

  it('gives each role only its permissions', async () => {
    const { call } = setup();
    await call('signIn', { username: 'sam', password: PEOPLE.agent.password });
    expect(await call('listChannels', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('reportSummary', { from: 1, to: 2 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('listAudit', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('inboxCounts', {})).toMatchObject({ ok: true });
  });

  it('pages the inbox by keyset without gaps or repeats, and filters by scope', async () => {
    const { ok } = setup(250);
    await ok('signIn', { username: 'sam', password: PEOPLE.agent.password });
    const seen: number[] = [];
    let cursor: string | null = null;
    const totals: number[] = [];
    do {
      const page: { items: Array<{ id: number; lastActivityAt: number }>; nextCursor: string | null; total: number } = await ok('listConversations', { filter: { scope: 'all' }, cursor, limit: 60 });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      totals.push(page.total);
    } while (cursor);
    expect(seen.length).toBe(250);
    expect(new Set(seen).size).toBe(250);
    expect(new Set(totals)).toEqual(new Set([250]));
    const mine: { items: Array<{ assignee: { id: string } | null }> } = await ok('listConversations', { filter: { scope: 'mine' }, limit: 200 });
    expect(mine.items.every((i) => i.assignee?.id === PEOPLE.agent.id)).toBe(true);
  });

  it('never sends the renderer a token string or an original; reveal returns one value and is audited', async () => {
    const { ok, call } = setup();
    await ok('signIn', { username: 'sam', password: PEOPLE.agent.password });
    const id = demo.receive({ channelId: 'telegram-1', contact: 'Layla Haddad', text: 'My phone is +966 55 987 6543 and code 482913' });
    const detail = await ok<{ messages: Array<{ id: number; segments: Array<{ kind: string }> }> }>('openConversation', { conversationId: id });
    const json = JSON.stringify(detail);
    expect(json).not.toContain('⟦');
    expect(json).not.toContain('987 6543');
    expect(json).not.toContain('482913');
    const m = detail.messages.at(-1)!;
    expect(m.segments.filter((s) => s.kind === 'field')).toHaveLength(2);
    expect(await call('revealField', { messageId: m.id, fieldIndex: 0, reason: 'ok' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const revealed = await ok<{ value: string; expiresAt: number }>('revealField', { messageId: m.id, fieldIndex: 0, reason: 'Customer asked for a call' });
    expect(revealed.value).toBe('+966 55 987 6543');
    expect(revealed.expiresAt).toBeGreaterThan(Date.now());
    expect(demo.admin.audit({ before: null, limit: 5 })[0]).toMatchObject({ action: 'field.reveal', actor: PEOPLE.agent.id });
  });

  it('refuses a reply written before a newer customer message, a reply the guard blocks, and one past the reply window without the tag', async () => {
    const { ok, call } = setup();
    await ok('signIn', { username: 'sam', password: PEOPLE.agent.password });
    const id = demo.receive({ channelId: 'telegram-1', contact: 'Omar Farouk', text: 'Where is my parcel?' });
    const first = await ok<{ latestInboundId: number }>('openConversation', { conversationId: id });
    demo.receive({ channelId: 'telegram-1', contact: 'Omar Farouk', text: 'Please cancel it.' });
    expect(await call('sendReply', { conversationId: id, text: 'On its way!', seenInboundId: first.latestInboundId })).toMatchObject({
      ok: false,
      error: { code: 'newer_message' },
    });
    const now = await ok<{ latestInboundId: number }>('openConversation', { conversationId: id });
    expect(await call('sendReply', { conversationId: id, text: 'Please tell me the verification code.', seenInboundId: now.latestInboundId })).toMatchObject({
      ok: false,
      error: { code: 'reply_blocked' },
    });
    expect(await call('sendReply', { conversationId: id, text: 'Cancelled, refund on its way.', seenInboundId: now.latestInboundId })).toMatchObject({
      ok: true,
      value: { direction: 'out', delivery: { state: 'queued' } },
    });

    const old = demo.receive({ channelId: 'messenger-1', contact: 'James Porter', text: 'Hello?' });
    db.prepare('UPDATE conversations SET last_inbound_at = ? WHERE id = ?').run(Date.now() - 2 * 86_400_000, old);
    const d = await ok<{ latestInboundId: number; replyWindow: { kind: string } }>('openConversation', { conversationId: old });
    expect(d.replyWindow.kind).toBe('human_agent');
    expect(await call('sendReply', { conversationId: old, text: 'Sorry for the wait.', seenInboundId: d.latestInboundId })).toMatchObject({
      ok: false,
      error: { code: 'human_agent_tag_needed' },
    });
    expect(await call('sendReply', { conversationId: old, text: 'Sorry for the wait.', seenInboundId: d.latestInboundId, humanAgentTag: true })).toMatchObject({ ok: true });
  });

  it('fills canned replies from masked data and writes notifications from non-customer data only', async () => {
    const { ok } = setup();
    await ok('signIn', { username: 'sam', password: PEOPLE.agent.password });
    const id = demo.receive({ channelId: 'whatsapp-1', contact: 'Layla Haddad', text: 'Hi', assignTo: PEOPLE.agent.id });
    const canned = await ok<Array<{ id: number; shortcut: string }>>('listCannedReplies', {});
    const filled = await ok<{ text: string }>('fillCannedReply', { conversationId: id, cannedReplyId: canned.find((c) => c.shortcut === 'hello')!.id });
    expect(filled.text).toBe('Hello Layla, this is Sam from support. How can I help?');
    expect(await ok('notifyAssigned', { conversationId: id })).toEqual({ shown: true });
    expect(demo.notifications).toEqual([{ title: 'Diwan', body: 'New conversation assigned to you — WhatsApp' }]);
    const other = demo.receive({ channelId: 'whatsapp-1', contact: 'Omar Farouk', text: 'Hi' });
    expect(await ok('notifyAssigned', { conversationId: other })).toEqual({ shown: false });
  });

  it('writes channel credentials to the OS keychain and never returns them', async () => {
    const { ok, call } = setup();
    await ok('signIn', { username: 'dana', password: PEOPLE.admin.password });
    const saved = await ok('saveChannel', { id: 'telegram-9', kind: 'telegram', name: 'Bot', credentials: { botToken: '42:top-secret' } });
    expect(JSON.stringify(saved)).not.toContain('top-secret');
    expect(saved).toMatchObject({ id: 'telegram-9', hasCredentials: true });
    expect(await core.vault.get('channel:telegram-9')).toBe(JSON.stringify({ botToken: '42:top-secret' }));
    expect(JSON.stringify(await ok('listChannels', {}))).not.toContain('top-secret');
    expect(JSON.stringify(await ok('listAudit', {}))).not.toContain('top-secret');
    expect(await call('saveChannel', { kind: 'telegram', name: 'x', credentials: { 'bad key': 'v' } })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await ok('verifyAudit', {})).toMatchObject({ ok: true });
    db.prepare('UPDATE audit SET details = ? WHERE seq = 1').run('{"tampered":true}');
    expect(await ok('verifyAudit', {})).toMatchObject({ ok: false, brokenAt: 1 });
    await core.vault.delete('channel:telegram-9');
  });

  it('locking ends the session: calls answer locked until the user signs in again', async () => {
    const { ok, call } = setup();
    await ok('signIn', { username: 'sam', password: PEOPLE.agent.password });
    demo.lock('off-network');
    expect(await call('listConversations', { filter: {} })).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await ok('getSession', {})).toMatchObject({ state: 'locked', lockReason: 'off-network', user: null });
    await ok('signIn', { username: 'sam', password: PEOPLE.agent.password });
    expect(await call('listConversations', { filter: {} })).toMatchObject({ ok: true });
  });
});
