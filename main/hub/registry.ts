import { connectorRegistry, type Connector, type ConnectorRegistry } from '../core/connectors';
import { DiwanError } from '../core/shared/errors';

/**
 * The connectors the hub runs. Messenger, Instagram and X take their inbound from webhooks at the hub
 * (`webhooks.ts`), so the lease holder never polls them: their `pull` is left out and the runtime treats them as
 * push channels (it only sends their replies). Telegram is polled; WhatsApp is webhook-only anyway.
 */
export const hubRegistry: ConnectorRegistry = {
  ...connectorRegistry,
  messenger: (ctx) => pushOnly(connectorRegistry.messenger(ctx)),
  instagram: (ctx) => pushOnly(connectorRegistry.instagram(ctx)),
  x: (ctx) => pushOnly(connectorRegistry.x(ctx)),
  demo: () => notOnHub('demo'),
  email: () => notOnHub('email'),
};

function pushOnly(c: Connector): Connector {
  return {
    channelId: c.channelId,
    kind: c.kind,
    start: (signal) => c.start(signal),
    stop: () => c.stop(),
    ...(c.acceptPush ? { acceptPush: (payload: unknown) => c.acceptPush!(payload) } : {}),
    send: (item, signal) => c.send(item, signal),
  };
}

function notOnHub(kind: string): never {
  throw new DiwanError('hub_kind_unsupported', `The hub does not run ${kind} channels; consoles connect to them directly.`);
}
