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
