import type { Core } from '../core/app';
import { createDispatcher, type Authorizer, type CallContext, type Dispatch } from './dispatch';
import { createConsoleServices } from './console-services';
import type { NotifierPort } from './console-port';
import { noSaveDialog, type SaveFilePort } from '../core/app/attachments';
import { createHandlers } from './handlers';
import type { IpcError } from './result';
import { teamHandlers } from './team/handlers';

/**
 * The dispatcher both transports use (Electron IPC and the loopback test bridge), so they behave the same.
 * A locked core (off the office network) denies everything but `public` channels. Otherwise the core's identity
 * checks the call's session against the channel's permission before any handler runs: deny by default, `public`
 * needs no session, customer data also needs an enrolled device.
 */
export function createMainDispatch(
  core: Core,
  log: (line: string) => void = () => {},
  /** Where the console's OS notifications go (the Electron shell's; none elsewhere). */
  notifier: NotifierPort = { notify: () => false },
  /** Where saved attachments go (the Electron shell's save dialog; tests give their own). */
  saveFile?: SaveFilePort,
): Dispatch<CallContext> {
  const onInternalError = (channel: string, error: unknown) => log(`ipc ${channel}: internal error ${(error as Error)?.name ?? 'unknown'}`);
  const single = createDispatcher({ handlers: createHandlers(core, createConsoleServices(core, notifier, saveFile ?? noSaveDialog)), authorize: mainAuthorizer(core), onInternalError });
  // Team mode follows the signed policy: while it names a hub, every call goes to the hub's seat of its window.
  const team = createDispatcher({ handlers: teamHandlers(core, saveFile ?? noSaveDialog), authorize: teamAuthorizer(core), onInternalError });
  return (channel, request, ctx) => (core.team() ? team(channel, request, ctx) : single(channel, request, ctx));
}

/** As `mainAuthorizer`, with the role the hub reported for the window's seat. */
function teamAuthorizer(core: Core): Authorizer<CallContext> {
  return (permission, _channel, ctx) => {
    if (permission === 'public') return null;
    if (core.lock.isLocked()) return lockedError(core.lock.reason());
    const team = core.team();
    return team ? team.check(ctx.session, permission) : { code: 'unauthenticated', message: 'Sign in to Diwan first.' };
  };
}

/** Public channels always; everything else is denied while the core is locked, then checked against the session. */
export function mainAuthorizer(core: Core): Authorizer<CallContext> {
  return (permission, _channel, ctx) => {
    if (permission === 'public') return null;
    if (core.lock.isLocked()) return lockedError(core.lock.reason());
    return core.identity.check(ctx.session, permission);
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
