/** The console's calls as the signed-in agent, through the main dispatcher (what `console.ts` and `call-reads.ts` time and count). */
import type { Core } from '../../main/core/app';
import { newSessionSlot } from '../../main/core/auth';
import { createMainDispatch, type CallContext } from '../../main/ipc';
import { PEOPLE } from '../../test/helpers/console-people';

export async function agentCaller(core: Core): Promise<(channel: string, request: unknown) => Promise<unknown>> {
  const dispatch = createMainDispatch(core);
  const ctx: CallContext = { trustedSender: true, session: newSessionSlot() };
  const call = async (channel: string, request: unknown) => {
    const r = await dispatch(channel, request, ctx);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  await call('signIn', { username: PEOPLE.agent.username, password: PEOPLE.agent.password });
  return call;
}
