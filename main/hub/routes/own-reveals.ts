import { mayReadChannel } from '../audience';
import { ownReveals } from '../store/own-reveals';
import type { ApiDeps, AreaHelpers, Route } from './route';

/**
 * `GET /v1/reveals/mine`: the caller's own reveal requests from this device that a lead decides (`store/own-reveals.ts`),
 * in channels they may still read — ids, field and state, never a value (that is opened through `…/open`).
 */
export function ownRevealRoutes(d: ApiDeps, _h: AreaHelpers): Route[] {
  return [
    {
      method: 'GET',
      path: /^\/v1\/reveals\/mine$/,
      permission: 'reveal.request',
      handle: async ({ who }) => ({
        reveals: (await ownReveals(d.store, who!.user.id, who!.device))
          .filter((r) => mayReadChannel(who!.user, r.channelId))
          .map(({ channelId: _channel, ...r }) => r),
      }),
    },
  ];
}
