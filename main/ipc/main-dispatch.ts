import type { Core } from '../core/app';
import { createDispatcher, type CallContext, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';

/**
 * The dispatcher both transports use (Electron IPC and the loopback test bridge), so they behave the same.
 * Until sign-in exists only `public` channels are reachable; every other permission is denied.
 */
export function createMainDispatch(core: Core, log: (line: string) => void = () => {}): Dispatch<CallContext> {
  return createDispatcher({
    handlers: createHandlers(core),
    authorize: (permission) =>
      permission === 'public' ? null : { code: 'unauthenticated', message: 'Sign in to Diwan first.' },
    onInternalError: (channel, error) => log(`ipc ${channel}: internal error ${(error as Error)?.name ?? 'unknown'}`),
  });
}
