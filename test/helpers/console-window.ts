import { expect } from 'vitest';
import type { Core } from '../../main/core/app';
import { newSessionSlot } from '../../main/core/auth';
import { createMainDispatch, type CallContext } from '../../main/ipc';

export type Result = { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; message: string } };

/** One console window: one session slot, as the Electron shell's window has (people sign out and in on it). */
export function consoleWindow(core: Core) {
  const dispatch = createMainDispatch(core);
  const ctx: CallContext = { trustedSender: true, session: newSessionSlot() };
  return (channel: string, request: unknown = {}) => dispatch(channel as never, request as never, ctx) as Promise<Result>;
}

/** The call's value, or a thrown error with its code and sentence. */
export async function ok<T = Record<string, unknown>>(r: Promise<Result>): Promise<T> {
  const out = await r;
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message}`);
  return out.value as T;
}

/** A new team made from a console window as people make it: the first administrator, an agent and a lead; signed out after. */
export async function seedTeam(desk: ReturnType<typeof consoleWindow>, password: string): Promise<void> {
  await ok(desk('createAdmin', { username: 'salma', displayName: 'Salma', password }));
  await ok(desk('createUser', { username: 'amal', displayName: 'Amal', role: 'agent', password }));
  await ok(desk('createUser', { username: 'layla', displayName: 'Layla', role: 'lead', password }));
  await ok(desk('signOut'));
}

export type ListedConversation = { id: number; channelId: string; preview: unknown };

/** Waits until the window's inbox lists a conversation of the channel (the stream may bring it later) and returns it. */
export async function conversationIn(desk: ReturnType<typeof consoleWindow>, channelId: string, timeout = 20_000): Promise<ListedConversation> {
  let found: ListedConversation | undefined;
  await expect
    .poll(async () => {
      const r = await desk('listConversations', { filter: { scope: 'all' }, cursor: null, limit: 50 });
      found = r.ok ? (r.value.items as ListedConversation[]).find((c) => c.channelId === channelId) : undefined;
      return found !== undefined;
    }, { timeout })
    .toBe(true);
  return found!;
}
