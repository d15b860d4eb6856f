import { connectorRegistry, type Connector, type ConnectorRegistry } from '../core/connectors';
import { DiwanError } from '../core/shared/errors';

/**
 * The connectors the relay runs. Meta channels are webhook-only here: the relay never polls the Conversations API
 * (the consoles' own connectors may), so their `pull` is left out and the runtime treats them as push channels.
 */
export const relayRegistry: ConnectorRegistry = {
  ...connectorRegistry,
  messenger: (ctx) => pushOnly(connectorRegistry.messenger(ctx)),
  instagram: (ctx) => pushOnly(connectorRegistry.instagram(ctx)),
  x: () => notOnRelay('x'),
  demo: () => notOnRelay('demo'),
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

function notOnRelay(kind: string): never {
  throw new DiwanError('relay_kind_unsupported', `The relay does not serve ${kind} channels; consoles connect to them directly.`);
}
