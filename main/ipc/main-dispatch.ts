import type { Core } from '../core/app';
import { createDispatcher, type CallContext, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';

/**
 * The dispatcher both transports use (Electron IPC and the loopback test bridge), so they behave the same.
 * Before any handler runs, the core's identity checks the call's session against the channel's permission:
 * deny by default, `public` needs no session, customer data also needs an enrolled device.
 */
export function createMainDispatch(core: Core, log: (line: string) => void = () => {}): Dispatch<CallContext> {
  return createDispatcher({
    handlers: createHandlers(core),
    authorize: (permission, _channel, ctx) => core.identity.check(ctx.session, permission),
    onInternalError: (channel, error) => log(`ipc ${channel}: internal error ${(error as Error)?.name ?? 'unknown'}`),
  });
}
