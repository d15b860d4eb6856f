import { z } from 'zod';
import { ROLES, SECOND_ADMIN_WINDOW_MS } from '../../core/auth';
import { toMember } from '../store';
import { HubRoleGrants, type HubRoleGrant } from '../store/role-grants';
import type { HubUser } from '../store/types';
import { parse, type ApiDeps, type AreaHelpers, type Route } from './route';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const newUser = z
  .object({ username: z.string().min(2).max(64), displayName: z.string().max(128).default(''), role: z.enum(ROLES), password: z.string().min(1).max(256) })
  .strict();
const setRole = z.object({ role: z.enum(ROLES) }).strict();
const decline = z.object({ reason: z.string().max(2000) }).strict();

const answer = (user: HubUser, grant: HubRoleGrant | null) => ({
  member: { ...toMember(user), totpEnabled: !!user.totpSecret, channels: user.channels, ...(grant ? { pendingRole: grant.role } : {}) },
  roleGrant: grant,
});

/**
 * Accounts of any role and role changes from a console's Users tab (`store/role-grants.ts`): a lead, administrator or
 * auditor role waits for a second administrator when the hub's policy says so (`sessions.roleGrantNeedsSecondAdmin`),
 * unless IT's signed policy names the person for it (`privilegedUsers`, the embedded hub's console policy).
 */
export function roleGrantRoutes(d: ApiDeps, h: AreaHelpers): Route[] {
  const grants = new HubRoleGrants(d.store, {
    needsSecondAdmin: d.roleGrantNeedsSecondAdmin ?? false,
    ...(d.privilegedUsers ? { privilegedUsers: d.privilegedUsers } : {}),
    windowMs: SECOND_ADMIN_WINDOW_MS,
  });
  const requester = (who: Parameters<AreaHelpers['actorOf']>[0]) => ({ id: who.user.id, ...h.actorOf(who) });
  return [
    {
      method: 'POST',
      path: /^\/v1\/admin\/users$/,
      permission: 'users.manage',
      handle: async ({ who, body }) => {
        const out = await grants.create(await d.accounts.newAccount(parse(newUser, body)), requester(who!));
        return answer(out.user, out.grant);
      },
    },
    {
      method: 'POST',
      path: /^\/v1\/admin\/users\/(\d+)\/role$/,
      permission: 'users.manage',
      handle: async ({ who, params, body }) => {
        const out = await grants.setRole(parse(id, params[0]), parse(setRole, body).role, requester(who!));
        return answer(out.user, out.grant);
      },
    },
    { method: 'GET', path: /^\/v1\/admin\/role-grants$/, permission: 'users.manage', handle: async () => ({ requests: await grants.pending() }) },
    {
      method: 'POST',
      path: /^\/v1\/admin\/role-grants\/(\d+)\/confirm$/,
      permission: 'users.manage',
      handle: async ({ who, params }) => answer(await grants.confirm(parse(id, params[0]), who!.user.id, h.actorOf(who!)), null),
    },
    {
      method: 'POST',
      path: /^\/v1\/admin\/role-grants\/(\d+)\/decline$/,
      permission: 'users.manage',
      handle: async ({ who, params, body }) => answer(await grants.decline(parse(id, params[0]), who!.user.id, parse(decline, body).reason, h.actorOf(who!)), null),
    },
  ];
}
