import type { Core } from '../core/app';
import type { ConsoleServices } from './console-port';
import { createDispatcher, type CallContext, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';

/**
 * The dispatcher both transports use (Electron IPC and the loopback test bridge), so they behave the same.
 * `public` channels need no session; every other permission needs a signed-in, unlocked user holding it.
 */
export function createMainDispatch(core: Core, services: ConsoleServices, log: (line: string) => void = () => {}): Dispatch<CallContext> {
  return createDispatcher({
    handlers: createHandlers(core, services),
    authorize: (permission) => {
      if (permission === 'public') return null;
      const session = services.session.current();
      if (session.state === 'locked') return { code: 'locked', message: 'Diwan is locked. Unlock it to continue.' };
      const actor = services.session.actor();
      if (!actor) return { code: 'unauthenticated', message: 'Sign in to Diwan first.' };
      if (!actor.permissions.has(permission)) return { code: 'forbidden', message: 'Your role does not allow this. Ask a team lead or administrator.' };
      return null;
    },
    onInternalError: (channel, error) => log(`ipc ${channel}: internal error ${(error as Error)?.name ?? 'unknown'}`),
  });
}
