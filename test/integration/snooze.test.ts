import { afterEach, describe, expect, it } from 'vitest';
import { newSessionSlot } from '../../main/core/auth';
import type { Core } from '../../main/core/app';
import { createMainDispatch, type CallContext } from '../../main/ipc';
import { testCore } from '../helpers/core';
import { addPeople, ingestMessage, PEOPLE } from '../helpers/console';
import { fixedClock } from '../helpers/store';

let core: Core | undefined;
afterEach(() => core?.close());

type Summary = { id: number; status: string; snoozedUntil: number | null };
const HOUR = 3_600_000;

describe('snooze with a wake-up time', () => {
  it('stores the time, refuses a past or missing one, and reopens the conversation when it is due', async () => {
    const clock = fixedClock();
    const c = (core = await testCore({ clock }));
    await addPeople(c);
    c.store.channels.create({ id: 'demo', kind: 'demo', name: 'Demo' });
    const id = ingestMessage(c, { contact: 'Omar Farouk', text: 'I will check tomorrow.' });
    const other = ingestMessage(c, { contact: 'Nour Saleh', text: 'Thanks' });
    const d = createMainDispatch(c, () => {}, { notify: () => true });
    const ctx: CallContext = { trustedSender: true, session: newSessionSlot() };
    const call = (channel: string, request: unknown) => d(channel, request, ctx);
    // The fake clock jumps past the session's idle limit: sign in again after each jump.
    const signIn = () => call('signIn', { username: PEOPLE.agent.username, password: PEOPLE.agent.password });
    await signIn();

    expect(await call('setConversationStatus', { conversationId: id, status: 'snoozed' })).toMatchObject({ ok: false, error: { code: 'snooze_needs_time' } });
    expect(await call('setConversationStatus', { conversationId: id, status: 'snoozed', snoozeUntil: clock.now() - 1 })).toMatchObject({ ok: false, error: { code: 'snooze_in_past' } });
    const until = clock.now() + HOUR;
    expect(await call('setConversationStatus', { conversationId: id, status: 'snoozed', snoozeUntil: until })).toMatchObject({ ok: true, value: { status: 'snoozed', snoozedUntil: until } });
    expect(await call('setConversationStatus', { conversationId: other, status: 'snoozed', snoozeUntil: until + HOUR })).toMatchObject({ ok: true });

    const list = async () => {
      await signIn();
      const r = await call('listConversations', { filter: {} });
      if (!r.ok) throw new Error(r.error.message);
      return new Map((r.value as { items: Summary[] }).items.map((s) => [s.id, s]));
    };
    clock.advance(HOUR - 1);
    expect((await list()).get(id)).toMatchObject({ status: 'snoozed', snoozedUntil: until });
    clock.advance(1);
    const after = await list();
    expect(after.get(id)).toMatchObject({ status: 'open', snoozedUntil: null });
    expect(after.get(other)).toMatchObject({ status: 'snoozed', snoozedUntil: until + HOUR });

    await signIn();
    // Another status clears the wake-up time.
    expect(await call('setConversationStatus', { conversationId: other, status: 'pending' })).toMatchObject({ ok: true, value: { status: 'pending', snoozedUntil: null } });
    expect(c.store.conversations.get(other).snoozedUntil).toBeNull();
    expect(() => c.store.conversations.setStatus(other, 'snoozed', { until: -5 })).toThrow(/valid time/);
  });
});
