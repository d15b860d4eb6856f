import type { Core } from '../../core/app';
import type { ConsoleServices } from '../console-port';
import type { CallContext, Handlers } from '../dispatch';
import { createConsoleHandlers } from './console';
import { networkStatus } from './network';
import { identityHandlers } from './identity';
import { reviewHandlers } from './review';
import { workflowOffHandlers } from '../team/workflow';
import { heldStoreHandlers } from './held';

/** Binds each contract channel to the core. Handlers stay thin: parse is done, permission is checked. */
export function createHandlers(core: Core, services: ConsoleServices): Handlers<CallContext> {
  return {
    getStatus: () => core.status(),
    getNetworkStatus: () => networkStatus(core),
    ...identityHandlers(core),
    ...reviewHandlers(core),
    ...createConsoleHandlers(core, services),
    ...workflowOffHandlers(),
    ...heldStoreHandlers(core),
  };
}
