import { z } from 'zod';
import { checkPasswordRules, hashPassword } from '../../core/auth';
import { parse, type ApiDeps, type AreaHelpers, type Route } from './route';
import { auditEntries } from '../store/audit-read';

const passwordChange = z.strictObject({ current: z.string().min(1).max(1024), next: z.string().min(1).max(1024) });
const auditPage = z.strictObject({
  afterSeq: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  newestFirst: z.enum(['true', 'false']).default('false'),
});

/** What a person does for themselves (their password), and the auditor's reading of the hub's trail. */
export function selfRoutes(d: ApiDeps, h: AreaHelpers): Route[] {
  return [
    {
      method: 'POST',
      path: /^\/v1\/me\/password$/,
      permission: 'session',
      handle: async ({ who, body }) => {
        const b = parse(passwordChange, body);
        const u = (await d.store.userById(who!.user.id))!;
        await d.accounts.currentPasswordChecked(u, b.current, h.actorOf(who!));
        checkPasswordRules(b.next);
        await d.store.updateUser(u.id, { passwordHash: await hashPassword(b.next) }, { ...h.actorOf(who!), action: 'user.password_changed', keepSession: who!.tokenHash });
        return { done: true };
      },
    },
    {
      method: 'GET',
      path: /^\/v1\/audit$/,
      permission: 'audit.read',
      handle: async ({ query }) => {
        const q = parse(auditPage, Object.fromEntries(query));
        return { entries: await auditEntries(d.store, { ...(q.afterSeq !== undefined ? { afterSeq: q.afterSeq } : {}), limit: q.limit, newestFirst: q.newestFirst === 'true' }) };
      },
    },
    {
      method: 'GET',
      path: /^\/v1\/audit\/verify$/,
      permission: 'audit.read',
      handle: async ({ who }) => {
        const v = await d.store.verifyAudit();
        await d.store.audit({ ...h.actorOf(who!), action: 'audit.verified', details: { entries: v.entries, intact: !v.broken } });
        const last = await auditEntries(d.store, { limit: 1, newestFirst: true });
        return { ...v, lastSeq: last[0]?.seq ?? 0 };
      },
    },
  ];
}
