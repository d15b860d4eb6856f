import type { ApiDeps, AreaHelpers, Route } from './route';
import { mayReadChannel } from '../audience';
import { HubChannelSetup } from '../store/channel-setup';

/** What a console may know of the team's channels: the ones its user may read, without configuration or secrets. */
export function channelRoutes(d: ApiDeps, _h: AreaHelpers): Route[] {
  const setup = new HubChannelSetup(d.store);
  return [
    {
      method: 'GET',
      path: /^\/v1\/channels$/,
      permission: 'session',
      handle: async ({ who }) => {
        const health = await setup.health();
        return {
          channels: (await d.store.channels())
            .filter((c) => mayReadChannel(who!.user, c.id))
            .map((c) => {
              // As the node running it last reported (later changes come on the stream as `channel.health`).
              const h = health.get(c.id);
              return { id: c.id, kind: c.kind, name: c.name, enabled: c.enabled, ...(h ? { health: { state: h.state, ...(h.detail ? { detail: h.detail } : {}), checkedAt: h.checkedAt } } : {}) };
            }),
        };
      },
    },
  ];
}
