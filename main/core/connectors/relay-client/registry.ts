import { DiwanError } from '../../shared/errors';
import type { ConnectorRegistry } from '../registry';
import { RelayConnector } from './connector';
import type { RelayLink } from './link';

/**
 * The console's registry with relay channels: a channel configured with `settings.via = "relay"` is served by the
 * relay link (whatever its kind); every other channel by its own connector. The link may be a function: the relay
 * the signed IT policy names, or none yet.
 */
export function withRelay(registry: ConnectorRegistry, link: RelayLink | (() => RelayLink | null), waitSeconds?: number): ConnectorRegistry {
  const current = typeof link === 'function' ? link : () => link;
  const out = { ...registry };
  for (const kind of Object.keys(registry) as Array<keyof ConnectorRegistry>) {
    const direct = registry[kind];
    out[kind] = (ctx) => {
      if (ctx.config.settings?.via !== 'relay') return direct(ctx);
      if (!current()) throw relayNotConfigured(ctx.config.id);
      return new RelayConnector(ctx, current, waitSeconds);
    };
  }
  return out;
}

/** The refusal for a channel set to go through the relay while the signed policy names none (shown to administrators). */
export function relayNotConfigured(channelId: string): DiwanError {
  return new DiwanError(
    'relay_not_configured',
    `Channel ${channelId} goes through the relay, but the IT policy names no relay (relay.url and relay.pin). Ask IT to add it.`,
  );
}
