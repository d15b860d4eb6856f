import { DiwanError } from '../core/shared/errors';
import type { ConsoleServices, NotifierPort } from './console-port';

/**
 * The console's services before the store, identity and guards are bound to them: every call answers with a
 * clear error instead of pretending. Replaced by the real bindings when those parts land.
 */
export function unboundConsole(notifier: NotifierPort): ConsoleServices {
  const refuse = () => {
    throw new DiwanError('not_ready', 'This Diwan build does not have its conversation store installed yet.');
  };
  const refusing = <T extends object>(): T => new Proxy({} as T, { get: () => refuse });
  return {
    session: {
      current: () => ({ state: 'signed_out', user: null, lockReason: null }),
      actor: () => null,
      setupAdministrator: async () => refuse(),
      signIn: async () => refuse(),
      signOut: () => ({ state: 'signed_out', user: null, lockReason: null }),
    },
    inbox: refusing(),
    composer: refusing(),
    lead: refusing(),
    admin: refusing(),
    notifier,
  };
}
