import { z } from 'zod';
import { parse, type ApiDeps, type AreaHelpers, type Route } from './route';
import { toMember } from '../store';
import { HubFactorResets } from '../store/factor-resets';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const decline = z.object({ reason: z.string().max(2000) }).strict();

/**
 * Second-factor resets waiting for a second administrator (asked for with `POST /v1/admin/users/:id
 * {resetSecondFactor: true}` when the hub's policy wants two): listed and confirmed here.
 */
export function factorResetRoutes(d: ApiDeps, h: AreaHelpers): Route[] {
  const resets = new HubFactorResets(d.store);
  return [
    { method: 'GET', path: /^\/v1\/admin\/factor-resets$/, permission: 'users.manage', handle: async () => ({ requests: await resets.pending() }) },
    {
      method: 'POST',
      path: /^\/v1\/admin\/factor-resets\/(\d+)\/confirm$/,
      permission: 'users.manage',
      handle: async ({ who, params }) => ({ member: toMember(await resets.confirm(parse(id, params[0]), who!.user.id, h.actorOf(who!))) }),
    },
    {
      method: 'POST',
      path: /^\/v1\/admin\/factor-resets\/(\d+)\/decline$/,
      permission: 'users.manage',
      handle: async ({ who, params, body }) => ({ member: toMember(await resets.decline(parse(id, params[0]), who!.user.id, parse(decline, body).reason, h.actorOf(who!))) }),
    },
  ];
}
