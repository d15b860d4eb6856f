import { z } from 'zod';
import { relayNotConfigured } from '../../core/connectors/relay-client';
import { DiwanError } from '../../core/shared/errors';
import { parse, type ApiDeps, type AreaHelpers, type Route } from './route';
import { refuseMissingSettings, refuseSecretSettings } from '../config';
import { CHANNEL_KINDS_FOR_HUB } from '../kinds';
import { channelSecretsOf, secretNames } from '../secrets';
import type { HubChannel } from '../store';
import { HubChannelSetup } from '../store/channel-setup';
import { HubChannelRemoval } from '../store/channel-removal';

const channelSave = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/).optional(),
  kind: z.string().max(20),
  name: z.string().trim().min(1).max(200),
  /** Typed by the administrator; sealed into the hub's secret store and never returned. */
  credentials: z.record(z.string().regex(/^[a-zA-Z0-9_]{1,40}$/), z.string().min(1).max(4000)).refine((c) => Object.keys(c).length <= 10, 'has at most 10 fields'),
  settings: z
    .record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/), z.union([z.string().max(500), z.number().finite(), z.boolean()]))
    .refine((c) => Object.keys(c).length <= 20, 'has at most 20 settings')
    .optional(),
});

/**
 * An administrator sets up the team's channels from the console's Administration tab: the credentials cross the
 * pinned TLS connection once, into the hub's secret store (sealed in `hub_secrets`, for every node), and never come
 * back — a console learns only whether a channel has them. The node holding the channel's lease (re)starts it.
 */
export function channelSetupRoutes(d: ApiDeps, h: AreaHelpers): Route[] {
  const setup = new HubChannelSetup(d.store);

  const view = async (c: HubChannel, health: Awaited<ReturnType<HubChannelSetup['health']>>) => {
    const reported = health.get(c.id);
    return {
      id: c.id,
      kind: c.kind,
      name: c.name,
      enabled: c.enabled,
      hasCredentials: (await d.secrets.get(secretNames.token(c.id))) !== null,
      health: reported && c.enabled ? { state: reported.state, ...(reported.detail ? { detail: reported.detail } : {}), checkedAt: reported.checkedAt } : { state: 'unknown' as const, checkedAt: null },
    };
  };

  return [
    {
      method: 'GET',
      path: /^\/v1\/admin\/channels$/,
      permission: 'channels.manage',
      handle: async () => {
        const health = await setup.health();
        const removed = await new HubChannelRemoval(d.store).removedIds();
        return { channels: await Promise.all((await d.store.channels()).filter((c) => !removed.has(c.id)).map((c) => view(c, health))) };
      },
    },
    {
      method: 'POST',
      path: /^\/v1\/admin\/channels$/,
      permission: 'channels.manage',
      handle: async ({ who, body }) => {
        const b = parse(channelSave, body);
        if (!(CHANNEL_KINDS_FOR_HUB as readonly string[]).includes(b.kind)) {
          throw new DiwanError('hub_kind_unsupported', `The hub runs ${CHANNEL_KINDS_FOR_HUB.join(', ')} channels; a ${b.kind} channel is set up on a single-seat console.`);
        }
        const id = b.id ?? `${b.kind}-${d.now().toString(36)}`;
        const before = (await d.store.channels()).find((c) => c.id === id);
        const { baseUrl, pollIntervalMs, ...settings } = b.settings ?? {};
        refuseSecretSettings(settings, `The channel "${id}"`);
        // An edit that leaves the settings out keeps the ones the channel has.
        const config = b.settings
          ? { ...(typeof baseUrl === 'string' && baseUrl ? { baseUrl } : {}), ...(typeof pollIntervalMs === 'number' ? { pollIntervalMs } : {}), settings }
          : (before?.config ?? {});
        if ((config.settings as Record<string, unknown> | undefined)?.via === 'relay') {
          if (!d.relay) {
            throw new DiwanError('hub_relay_unsupported', `The hub takes the platform's webhooks itself (at /webhooks/${id}), so the channel "${id}" needs no relay: remove the setting "via".`);
          }
          if (!d.relay.named()) throw relayNotConfigured(id);
          // A relay channel's platform ids are the relay's business: none are asked for.
        } else {
          refuseMissingSettings(b.kind, config.settings as Record<string, unknown> | undefined, `The channel "${id}"`);
        }
        const secrets = channelSecretsOf(id, b.credentials).map((s) => ({ name: s.name, sealed: d.sealer.sealSecret(s.name, s.value) }));
        // A removed channel set up again runs again.
        const removed = (await new HubChannelRemoval(d.store).removedIds()).has(id);
        const channel: HubChannel = { id, kind: b.kind, name: b.name, config, enabled: removed ? true : (before?.enabled ?? true) };
        await setup.save(channel, secrets, h.actorOf(who!));
        return { channel: await view(channel, await setup.health()) };
      },
    },
  ];
}
