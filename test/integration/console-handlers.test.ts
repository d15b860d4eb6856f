import { afterEach, describe, expect, it } from 'vitest';
import { newSessionSlot } from '../../main/core/auth';
import type { Core } from '../../main/core/app';
import { createMainDispatch, type CallContext } from '../../main/ipc';
import { watchInbox } from '../../main/ipc/console-services';
import { MESSAGE_PAGE } from '../../main/ipc/console-contract';
import { testCore } from '../helpers/core';
import { addPeople, ingestMessage, PEOPLE } from '../helpers/console';
import { say } from '../../main/core/guard/messages';

let core: Core | undefined;
afterEach(() => core?.close());

const PHONE = '+966 55 987 6543';

/** A real core and keychain, the main dispatcher, and the three people of the console tests with their own sessions. */
async function setup() {
  const c = (core = await testCore());
  const ids = await addPeople(c);
  c.store.channels.create({ id: 'demo', kind: 'demo', name: 'Demo' });
  c.store.channels.create({ id: 'messenger-1', kind: 'messenger', name: 'Messenger' });
  const notifications: Array<{ title: string; body: string }> = [];
  const d = createMainDispatch(c, () => {}, { notify: (n) => (notifications.push(n), true) });
  const as = (who: keyof typeof PEOPLE) => {
    const ctx: CallContext = { trustedSender: true, session: newSessionSlot() };
    const call = (channel: string, request: unknown) => d(channel, request, ctx);
    const ok = async <T = unknown>(channel: string, request: unknown): Promise<T> => {
      const r = await call(channel, request);
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    };
    const signIn = () => ok('signIn', { username: PEOPLE[who].username, password: PEOPLE[who].password });
    return { call, ok, signIn };
  };
  return { core: c, ids, as, notifications };
}

const actions = (c: Core) => c.auditTrail.list({ newestFirst: true, limit: 50 });

describe('console handlers through the main dispatcher (real core, store, identity, guards and keychain)', () => {
  it('refuses console calls before sign-in and by role; each call acts as its own session', async () => {
    const { as } = await setup();
    const agent = as('agent');
    expect(await agent.call('listConversations', { filter: {} })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await agent.signIn();
    expect(await agent.call('listConversations', { filter: {} })).toMatchObject({ ok: true });
    expect(await agent.call('listChannels', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await agent.call('reportSummary', { from: 1, to: 2 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Another window (another session slot) is not signed in because the agent is.
    expect(await as('agent').call('inboxCounts', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const admin = as('admin');
    await admin.signIn();
    expect(await admin.call('listConversations', { filter: {} })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await admin.call('listChannels', {})).toMatchObject({ ok: true });
  });

  it('hands a Messenger thread over only for who may reply, checks the action, and audits a refusal in words', async () => {
    const { core: c, as } = await setup();
    const id = ingestMessage(c, { contact: 'Ana', text: 'a human please', channelId: 'messenger-1' });
    const admin = as('admin');
    await admin.signIn();
    expect(await admin.call('threadControl', { conversationId: id, action: 'take' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const agent = as('agent');
    await agent.signIn();
    expect(await agent.call('threadControl', { conversationId: id, action: 'steal' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await agent.call('threadControl', { conversationId: 999_999, action: 'take' })).toMatchObject({ ok: false, error: { code: 'conversation_unknown' } });
    // The channel is configured but not running on this console: a sentence, and the attempt is in the trail.
    const r = await agent.call('threadControl', { conversationId: id, action: 'take' });
    expect(r).toMatchObject({ ok: false, error: { code: 'channel_unknown', message: expect.stringMatching(/not running on this console/) } });
    await c.auditTrail.flush();
    expect(actions(c).find((e) => e.action === 'conversation.thread_control')).toMatchObject({
      actor: PEOPLE.agent.username,
      target: `conversation:${id}`,
      details: { channel: 'messenger-1', action: 'take', outcome: 'refused', code: 'channel_unknown' },
    });
  });

  it('pages the inbox by keyset without gaps or repeats, and filters by scope', async () => {
    const { core: c, ids, as } = await setup();
    for (let i = 0; i < 130; i++) ingestMessage(c, { contact: `Customer ${i}`, text: `Order ${i}`, sentAt: c.clock.now() - i * 1000, ...(i % 3 === 0 ? { assignTo: ids.agent } : {}) });
    const agent = as('agent');
    await agent.signIn();
    const seen: number[] = [];
    const totals = new Set<number>();
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: number }>; nextCursor: string | null; total: number } = await agent.ok('listConversations', { filter: { scope: 'all' }, cursor, limit: 50 });
      seen.push(...page.items.map((i) => i.id));
      totals.add(page.total);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(130);
    expect(new Set(seen).size).toBe(130);
    expect([...totals]).toEqual([130]);
    const mine = await agent.ok<{ items: Array<{ assignee: { id: string } | null }>; total: number }>('listConversations', { filter: { scope: 'mine' }, limit: 200 });
    expect(mine.total).toBe(44);
    expect(mine.items.every((i) => i.assignee?.id === ids.agent)).toBe(true);
    expect(await agent.ok('inboxCounts', {})).toMatchObject({ mine: 44, unassigned: 86, all: 130 });
  });

  it('opens a long conversation at its latest page, pages back to the first message, marks it read once and audits every page', async () => {
    const { core: c, as } = await setup();
    const t0 = c.clock.now() - 1_000_000;
    // 120 messages, the customer's first 60 then 60 replies: the latest page holds no customer message.
    const batch = Array.from({ length: 120 }, (_, i) => ({
      platformMessageId: `long-${i}`,
      platformConversationId: 'long',
      contact: { platformUserId: 'long', displayName: 'Layla' },
      direction: (i < 60 ? 'in' : 'out') as 'in' | 'out',
      text: i < 60 ? `سؤال رقم ${i}` : `reply ${i}`,
      sentAt: t0 + i * 1000,
    }));
    const id = c.store.sink.ingest('demo', batch).conversationIds[0]!;
    const all = c.store.conversations.messages(id, { limit: 500 }).map((m) => m.id);
    expect(all).toHaveLength(120);
    expect(c.store.conversations.get(id).unread).toBeGreaterThan(0);
    const agent = as('agent');
    await agent.signIn();
    type Page = { messages: Array<{ id: number; sentAt: number }>; moreBefore: boolean };
    const opened = await agent.ok<Page & { latestInboundId: number | null }>('openConversation', { conversationId: id, lang: 'ar' });
    expect(opened.messages.map((m) => m.id)).toEqual(all.slice(-MESSAGE_PAGE));
    expect(opened.moreBefore).toBe(true);
    expect(opened.latestInboundId).toBe(all[59]);
    expect(c.store.conversations.get(id).unread).toBe(0);
    const shown = [...opened.messages];
    const pages: Page[] = [];
    for (let more = opened.moreBefore; more; ) {
      const page = await agent.ok<Page>('olderMessages', { conversationId: id, before: { sentAt: shown[0]!.sentAt, id: shown[0]!.id }, lang: 'fa' });
      pages.push(page);
      shown.unshift(...page.messages);
      more = page.moreBefore;
    }
    // 120 messages in pages of MESSAGE_PAGE from the newest: the opening's, then the rest back to the first.
    const rest = 120 - MESSAGE_PAGE;
    const sizes = Array.from({ length: Math.ceil(rest / MESSAGE_PAGE) }, (_, i) => Math.min(MESSAGE_PAGE, rest - i * MESSAGE_PAGE));
    expect(pages.map((p) => p.messages.length)).toEqual(sizes);
    expect(shown.map((m) => m.id)).toEqual(all);
    // Before the first message there is nothing, and asking is not an error.
    expect(await agent.ok<Page>('olderMessages', { conversationId: id, before: { sentAt: shown[0]!.sentAt, id: shown[0]!.id } })).toEqual({ messages: [], moreBefore: false });
    const opens = actions(c).filter((a) => a.action === 'conversation.opened' && a.target === `conversation:${id}`);
    expect(opens).toHaveLength(2 + sizes.length);
    expect(opens.filter((a) => a.details.olderThan !== undefined).map((a) => a.details.messages)).toEqual([0, ...sizes.toReversed()]);
    expect((await c.auditTrail.verify()).ok).toBe(true);
    expect(await agent.call('olderMessages', { conversationId: 987_654, before: { sentAt: 1, id: 1 } })).toMatchObject({ ok: false, error: { code: 'conversation_unknown' } });
    expect(await agent.call('olderMessages', { conversationId: id })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('never sends the renderer a token string or an original; opening is audited; reveal goes through Identity', async () => {
    const { core: c, as } = await setup();
    const id = ingestMessage(c, { contact: 'Layla Haddad', text: `My phone is ${PHONE}, card 4111 1111 1111 1111` });
    const agent = as('agent');
    await agent.signIn();
    const detail = await agent.ok<{ messages: Array<{ id: number; segments: Array<{ kind: string; type?: string; fieldIndex?: number }> }> }>('openConversation', { conversationId: id });
    const json = JSON.stringify(detail);
    expect(json).not.toContain('⟦');
    expect(json).not.toContain('987 6543');
    expect(json).not.toContain('1111 1111');
    const m = detail.messages.at(-1)!;
    const fields = m.segments.filter((s) => s.kind === 'field');
    expect(fields.map((f) => f.type)).toEqual(['PHONE', 'CARD']);
    expect(actions(c)).toContainEqual(expect.objectContaining({ action: 'conversation.opened', actor: 'sam', target: `conversation:${id}` }));

    const phone = await agent.ok('requestReveal', { messageId: m.id, fieldIndex: fields[0]!.fieldIndex, reason: 'Customer asked for a call' });
    expect(phone).toMatchObject({ status: 'granted', fieldType: 'PHONE', value: PHONE });
    // A card needs a team lead's approval first: the agent waits, nothing is shown.
    const card = await agent.ok<{ status: string; requestId: string }>('requestReveal', { messageId: m.id, fieldIndex: fields[1]!.fieldIndex, reason: 'Refund to this card' });
    expect(card).toMatchObject({ status: 'pending', fieldType: 'CARD' });
    expect(await agent.call('readReveal', { grantId: card.requestId })).toMatchObject({ ok: false, error: { code: 'reveal_pending' } });
    expect(await agent.call('requestReveal', { messageId: m.id + 1_000, fieldIndex: 0, reason: 'Customer asked' })).toMatchObject({ ok: false, error: { code: 'field_not_found' } });
    // A message is named by its row number, as everywhere else in the contract; its text form is refused at the door.
    expect(await agent.call('requestReveal', { messageId: String(m.id), fieldIndex: 0, reason: 'Customer asked' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('refuses a reply written before a newer customer message, one the guard blocks, and one past the window without the tag; sends are audited', async () => {
    const { core: c, as } = await setup();
    const id = ingestMessage(c, { contact: 'Omar Farouk', text: 'Where is my parcel?' });
    const agent = as('agent');
    await agent.signIn();
    const first = await agent.ok<{ latestInboundId: number }>('openConversation', { conversationId: id });
    ingestMessage(c, { contact: 'Omar Farouk', text: 'Please cancel it.' });
    expect(await agent.call('sendReply', { conversationId: id, text: 'On its way!', seenInboundId: first.latestInboundId })).toMatchObject({ ok: false, error: { code: 'newer_message' } });
    const now = await agent.ok<{ latestInboundId: number }>('openConversation', { conversationId: id });
    const code = 'To verify you, please send me the code we just texted you.';
    expect(await agent.ok('checkReply', { conversationId: id, text: code })).toMatchObject({ verdict: 'block' });
    // The check while typing is a preview: pauses leave no audit entries; the attempt to send does.
    expect(await agent.ok('checkReply', { conversationId: id, text: `${code} ` })).toMatchObject({ verdict: 'block' });
    expect(actions(c).filter((e) => e.action === 'guard.reply.blocked')).toHaveLength(0);
    // Explained in the interface's language the call names, not the draft's; a language outside the three is refused.
    const inArabic = await agent.ok<{ findings: Array<{ message: string }> }>('checkReply', { conversationId: id, text: code, lang: 'ar' });
    expect(inArabic.findings[0]!.message).toContain(say('outbound.otp', 'ar'));
    const inEnglish = await agent.ok<{ findings: Array<{ message: string }> }>('checkReply', { conversationId: id, text: code });
    expect(inEnglish.findings[0]!.message).toContain(say('outbound.otp', 'en'));
    expect(await agent.call('checkReply', { conversationId: id, text: code, lang: 'de' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await agent.call('sendReply', { conversationId: id, text: code, seenInboundId: now.latestInboundId })).toMatchObject({ ok: false, error: { code: 'guard_blocked' } });
    // Asking for a one-time code is never approvable, so no token, forged or real, lets it out.
    expect(await agent.call('sendReply', { conversationId: id, text: code, seenInboundId: now.latestInboundId, approvalToken: 'forged' })).toMatchObject({
      ok: false,
      error: { code: 'guard_not_approvable' },
    });
    expect(await agent.call('sendReply', { conversationId: id, text: 'Cancelled, refund on its way.', seenInboundId: now.latestInboundId })).toMatchObject({
      ok: true,
      value: { direction: 'out', delivery: { state: 'queued' } },
    });
    expect(actions(c)).toContainEqual(expect.objectContaining({ action: 'message.sent', actor: 'sam', target: `conversation:${id}` }));
    expect(actions(c)).toContainEqual(expect.objectContaining({ action: 'guard.reply.blocked' }));

    const old = ingestMessage(c, { contact: 'James Porter', text: 'Hello?', channelId: 'messenger-1', sentAt: c.clock.now() - 2 * 86_400_000 });
    const d = await agent.ok<{ latestInboundId: number; replyWindow: { kind: string } }>('openConversation', { conversationId: old });
    expect(d.replyWindow.kind).toBe('human_agent');
    expect(await agent.call('sendReply', { conversationId: old, text: 'Sorry for the wait.', seenInboundId: d.latestInboundId })).toMatchObject({
      ok: false,
      error: { code: 'human_agent_tag_needed' },
    });
    expect(await agent.call('sendReply', { conversationId: old, text: 'Sorry for the wait.', seenInboundId: d.latestInboundId, humanAgentTag: true })).toMatchObject({ ok: true });
    // queued with the window the Meta connector reads, so it goes out with the HUMAN_AGENT tag
    expect(c.db.prepare('SELECT options FROM outbox ORDER BY id DESC LIMIT 1').pluck().get()).toBe(JSON.stringify({ window: 'human_agent' }));
  });

  it("flags a scam in a customer's message in the agent's language", async () => {
    const { core: c, as } = await setup();
    const id = ingestMessage(c, { contact: 'Support Team', text: 'Your account is suspended. Verify now at https://bit.ly/3xYzAbc' });
    const agent = as('agent');
    await agent.signIn();
    const en = await agent.ok<{ messages: Array<{ flags?: Array<{ code: string; explanation: string }> }> }>('openConversation', { conversationId: id });
    expect(en.messages[0]!.flags).toContainEqual(expect.objectContaining({ code: 'shortener', explanation: expect.stringMatching(/bit\.ly/) }));
    const ar = await agent.ok<{ messages: Array<{ flags?: Array<{ code: string; explanation: string }> }> }>('openConversation', { conversationId: id, lang: 'ar' });
    expect(ar.messages[0]!.flags!.find((f) => f.code === 'shortener')!.explanation).toMatch(/[\u0600-\u06ff]/);
  });

  it('notes and labels are kept masked; an unknown delivery is resolved by the agent', async () => {
    const { core: c, as } = await setup();
    const id = ingestMessage(c, { contact: 'Sara', text: 'Hi' });
    const agent = as('agent');
    await agent.signIn();
    const note = await agent.ok<{ segments: Array<{ kind: string }> }>('addNote', { conversationId: id, text: `Call her on ${PHONE}` });
    expect(JSON.stringify(note)).not.toContain('987 6543');
    expect(note.segments.some((s) => s.kind === 'field')).toBe(true);
    expect(await agent.ok('setLabels', { conversationId: id, labels: ['VIP', 'refund'] })).toMatchObject({ labels: ['refund', 'vip'] });
    expect(await agent.ok('setLabels', { conversationId: id, labels: ['refund'] })).toMatchObject({ labels: ['refund'] });
    const open = await agent.ok<{ latestInboundId: number }>('openConversation', { conversationId: id });
    const sent = await agent.ok<{ id: number }>('sendReply', { conversationId: id, text: 'Hello Sara', seenInboundId: open.latestInboundId });
    expect(await agent.call('resolveUnknownDelivery', { messageId: sent.id, action: 'resend' })).toMatchObject({ ok: false, error: { code: 'not_unknown' } });
    const item = c.store.outbox.claim('demo', c.clock.now())!;
    c.store.outbox.markUnknown(item.outboxId, 'connection dropped');
    expect(await agent.ok('resolveUnknownDelivery', { messageId: sent.id, action: 'mark_failed' })).toMatchObject({ delivery: { state: 'failed' } });
  });

  it('fills canned replies from masked data and writes notifications from non-customer data only', async () => {
    const { core: c, ids, as, notifications } = await setup();
    c.store.canned.save({ shortcut: 'hello', title: 'Hello', body: 'Hello {{customer.firstName}}, this is {{agent.name}} from support. How can I help?' });
    const id = ingestMessage(c, { contact: 'Layla Haddad', text: 'Hi', assignTo: ids.agent });
    const agent = as('agent');
    await agent.signIn();
    const canned = await agent.ok<Array<{ id: number; shortcut: string }>>('listCannedReplies', {});
    const filled = await agent.ok<{ text: string }>('fillCannedReply', { conversationId: id, cannedReplyId: canned.find((x) => x.shortcut === 'hello')!.id });
    expect(filled.text).toBe('Hello Layla, this is Sam from support. How can I help?');
    expect(await agent.ok('notifyAssigned', { conversationId: id })).toEqual({ shown: true });
    expect(notifications).toEqual([{ title: 'Diwan', body: 'New conversation assigned to you — Demo' }]);
    const other = ingestMessage(c, { contact: 'Omar Farouk', text: 'Hi' });
    expect(await agent.ok('notifyAssigned', { conversationId: other })).toEqual({ shown: false });
  });

  it('names what is not there with one code each: an unknown conversation, an unknown person', async () => {
    const { core: c, as } = await setup();
    const id = ingestMessage(c, { contact: 'Layla Haddad', text: 'Hi' });
    const lead = as('lead');
    await lead.signIn();
    expect(await lead.call('openConversation', { conversationId: id + 1000 })).toMatchObject({ ok: false, error: { code: 'conversation_unknown' } });
    expect(await lead.call('assignConversation', { conversationId: id, assignee: 'no-such-user' })).toMatchObject({ ok: false, error: { code: 'user_unknown' } });
    const admin = as('admin');
    await admin.signIn();
    expect(await admin.call('setUserDisabled', { userId: 'no-such-user', disabled: true })).toMatchObject({ ok: false, error: { code: 'user_unknown' } });
  });

  it('tells every window of a conversation handed to someone by someone else; only the assignee is notified', async () => {
    const { core: c, ids, as, notifications } = await setup();
    const events: Array<{ conversationIds: number[]; assignedToMe: number[] }> = [];
    const unwatch = watchInbox(c, (e) => events.push(e));
    try {
      const id = ingestMessage(c, { contact: 'Layla Haddad', text: 'Hi' });
      const lead = as('lead');
      const agent = as('agent');
      await lead.signIn();
      await agent.signIn();
      // Taking it oneself refreshes the other windows but is no news to anyone.
      await lead.ok('assignConversation', { conversationId: id, assignee: 'me' });
      expect(events).toEqual([{ conversationIds: [id], assignedToMe: [] }]);
      // The lead hands it to the agent: the event names it, and each window asks; the agent's is shown, the lead's not.
      await lead.ok('assignConversation', { conversationId: id, assignee: ids.agent });
      expect(events.at(-1)).toEqual({ conversationIds: [id], assignedToMe: [id] });
      expect(await lead.ok('notifyAssigned', { conversationId: id })).toEqual({ shown: false });
      expect(await agent.ok('notifyAssigned', { conversationId: id })).toEqual({ shown: true });
      expect(notifications).toEqual([{ title: 'Diwan', body: 'New conversation assigned to you — Demo' }]);
      // Unassigning is no news either.
      await lead.ok('assignConversation', { conversationId: id, assignee: null });
      expect(events.at(-1)).toEqual({ conversationIds: [id], assignedToMe: [] });
    } finally {
      unwatch();
    }
  });

  it('search covers masked text only and is audited; the lead sees reports and a masked review transcript', async () => {
    const { core: c, as } = await setup();
    const id = ingestMessage(c, { contact: 'Amina', text: `Refund please, my phone is ${PHONE}` });
    const lead = as('lead');
    await lead.signIn();
    const found = await lead.ok<{ total: number; hits: Array<{ conversationId: number; segments: Array<{ kind: string; match?: boolean }>; contactName: Array<{ kind: string; text?: string }>; status: string }> }>('search', { query: 'refund' });
    expect(found.total).toBe(1);
    // A hit says whose conversation it is and where it stands.
    expect(found.hits[0]!.contactName).toEqual([{ kind: 'text', text: 'Amina' }]);
    expect(found.hits[0]!.status).toBe('open');
    expect(found.hits[0]!.segments.some((s) => s.match)).toBe(true);
    expect((await lead.ok<{ total: number }>('search', { query: '987' })).total).toBe(0);
    expect(actions(c)).toContainEqual(expect.objectContaining({ action: 'search', actor: 'lina' }));

    c.store.conversations.setStatus(id, 'resolved');
    expect(await lead.ok('reviewQueue', {})).toEqual([expect.objectContaining({ conversationId: id, score: null })]);
    const t = await lead.ok<{ messages: Array<{ text: string; segments: Array<{ kind: string }> }> }>('getReviewTranscript', { conversationId: id });
    expect(JSON.stringify(t)).not.toContain('987 6543');
    expect(t.messages[0]!.segments.some((s) => s.kind === 'field')).toBe(true);
    await lead.ok('setQualityScore', { conversationId: id, score: 4, comment: '' });
    expect(await lead.ok('reviewQueue', {})).toEqual([expect.objectContaining({ conversationId: id, score: 4 })]);
    const report = await lead.ok<{ perChannel: Array<{ channelId: string; inbound: number }> }>('reportSummary', { from: c.clock.now() - 86_400_000, to: c.clock.now() + 1 });
    expect(report.perChannel).toEqual([expect.objectContaining({ channelId: 'demo', inbound: 1 })]);
    expect(await lead.ok('listAlerts', {})).toEqual([]);
    // A field type's name finds messages that say it, not every message holding a masked value of that type.
    ingestMessage(c, { contact: 'Badr', text: `Call me on ${PHONE} today` });
    expect((await lead.ok<{ total: number }>('search', { query: 'phone' })).total).toBe(1);
    expect((await lead.ok<{ total: number }>('search', { query: 'call' })).total).toBe(1);
  });

  it('writes channel credentials to the OS keychain and never returns them', async () => {
    const { core: c, as } = await setup();
    const admin = as('admin');
    await admin.signIn();
    const saved = await admin.ok('saveChannel', { id: 'telegram-9', kind: 'telegram', name: 'Bot', credentials: { botToken: '42:top-secret' } });
    expect(JSON.stringify(saved)).not.toContain('top-secret');
    expect(saved).toMatchObject({ id: 'telegram-9', hasCredentials: true });
    expect(await c.vault.channelToken('telegram-9')).toBe(JSON.stringify({ botToken: '42:top-secret' }));
    expect(JSON.stringify(await admin.ok('listChannels', {}))).not.toContain('top-secret');
    expect(JSON.stringify(await admin.ok('listAudit', { limit: 100 }))).not.toContain('top-secret');
    expect(await admin.call('saveChannel', { kind: 'telegram', name: 'x', credentials: { 'bad key': 'v' } })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await admin.ok('deviceStatus', {})).toMatchObject({ enrolled: true, network: { verdict: 'unknown' } });
    await c.vault.delete('channel:telegram-9');
  });

  it('saves a channel’s settings (never secrets) and starts it at once in the running console', async () => {
    const { core: c, as } = await setup();
    c.channels.start();
    const admin = as('admin');
    await admin.signIn();
    const settings = { phoneNumberId: '1098765', baseUrl: 'http://127.0.0.1:9' };
    await admin.ok('saveChannel', { id: 'whatsapp-1', kind: 'whatsapp', name: 'WhatsApp', credentials: { accessToken: 'EAAG-top-secret' }, settings });
    expect(c.store.channels.get('whatsapp-1').config).toEqual(settings);
    expect(c.channels.runtime.health().map((h) => h.channelId)).toContain('whatsapp-1');
    expect(await admin.call('saveChannel', { id: 'whatsapp-1', kind: 'whatsapp', name: 'WhatsApp', credentials: {}, settings: { apiToken: 'x' } })).toMatchObject({ ok: false });
    await c.channels.stop();
    await c.vault.delete('channel:whatsapp-1');
  });

  it('locking ends the session: calls answer locked, then need a new sign-in', async () => {
    const { core: c, as } = await setup();
    const agent = as('agent');
    await agent.signIn();
    c.lock.engage('off-network');
    expect(await agent.call('listConversations', { filter: {} })).toMatchObject({ ok: false, error: { code: 'locked' } });
    c.lock.release('off-network');
    expect(await agent.call('listConversations', { filter: {} })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await agent.signIn();
    expect(await agent.call('listConversations', { filter: {} })).toMatchObject({ ok: true });
  });
});
