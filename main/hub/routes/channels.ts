import type { ApiDeps, AreaHelpers, Route } from './route';
import { mayReadChannel } from '../audience';

/** What a console may know of the team's channels: the ones its user may read, without configuration or secrets. */
export function channelRoutes(d: ApiDeps, _h: AreaHelpers): Route[] {
  return [
    {
      method: 'GET',
      path: /^\/v1\/channels$/,
      permission: 'session',
      handle: async ({ who }) => ({
        channels: (await d.store.channels()).filter((c) => mayReadChannel(who!.user, c.id)).map((c) => ({ id: c.id, kind: c.kind, name: c.name, enabled: c.enabled })),
      }),
    },
  ];
}
