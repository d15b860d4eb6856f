import type { ConnectorRegistry } from '../registry';
import { RelayConnector } from './connector';
import type { RelayLink } from './link';

/**
 * The console's registry with relay channels: a channel configured with `settings.via = "relay"` is served by the
 * relay link (whatever its kind); every other channel by its own connector.
 */
export function withRelay(registry: ConnectorRegistry, link: RelayLink, waitSeconds?: number): ConnectorRegistry {
  const out = { ...registry };
  for (const kind of Object.keys(registry) as Array<keyof ConnectorRegistry>) {
    const direct = registry[kind];
    out[kind] = (ctx) => (ctx.config.settings?.via === 'relay' ? new RelayConnector(ctx, link, waitSeconds) : direct(ctx));
  }
  return out;
}
