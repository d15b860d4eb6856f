import type { Core } from '../core/app';
import type { ConsoleServices } from './console-port';
import { createDispatcher, type Authorizer, type CallContext, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';
import type { IpcError } from './result';

/**
 * The dispatcher both transports use (Electron IPC and the loopback test bridge), so they behave the same.
 * A locked core (off the office network) denies everything but `public` channels; every other permission needs a
 * signed-in, unlocked user whose role holds it.
 */
export function createMainDispatch(core: Core, services: ConsoleServices, log: (line: string) => void = () => {}): Dispatch<CallContext> {
  return createDispatcher({
    handlers: createHandlers(core, services),
    authorize: mainAuthorizer(core, services),
    onInternalError: (channel, error) => log(`ipc ${channel}: internal error ${(error as Error)?.name ?? 'unknown'}`),
  });
}

/** Public channels always; everything else is denied while the core is locked, without a session, or without the permission. */
export function mainAuthorizer(core: Core, services: ConsoleServices): Authorizer<CallContext> {
  return (permission) => {
    if (permission === 'public') return null;
    if (core.lock.isLocked()) return lockedError(core.lock.reason());
    const session = services.session.current();
    if (session.state === 'locked') return lockedError(session.lockReason);
    const actor = services.session.actor();
    if (!actor) return { code: 'unauthenticated', message: 'Sign in to Diwan first.' };
    if (!actor.permissions.has(permission)) return { code: 'forbidden', message: 'Your role does not allow this. Ask a team lead or administrator.' };
    return null;
  };
}

function lockedError(reason: string | null): IpcError {
  return {
    code: 'locked',
    message:
      reason === 'off-network'
        ? 'Diwan is locked: this computer is not on an office network the IT policy allows. Nothing was opened.'
        : 'Diwan is locked. Nothing was opened.',
    details: { reason: reason ?? 'locked' },
  };
}
