import { z } from 'zod';
import { DiwanError } from '../../core/shared/errors';
import { parse, type ApiDeps, type Route } from './route';
import { HubReports } from '../store/reports';

const MAX_RANGE_MS = 400 * 86_400_000;
const range = z.object({ from: z.coerce.number().int().min(0), to: z.coerce.number().int().min(0) });

/** The lead's report, computed at the hub: counts and times only, never customer text. */
export function reportRoutes(d: ApiDeps): Route[] {
  const reports = new HubReports(d.store, d.workflow.store);
  return [
    {
      method: 'GET',
      path: /^\/v1\/reports\/summary$/,
      permission: 'reports.read',
      handle: async ({ who, query }) => {
        const r = parse(range, { from: query.get('from') ?? undefined, to: query.get('to') ?? undefined });
        if (r.to <= r.from || r.to - r.from > MAX_RANGE_MS) throw new DiwanError('bad_request', 'Choose a range that ends after it starts, of at most 400 days.');
        const u = who!.user;
        // Leads and administrators read the team's figures; anyone else given the permission, those of their channels.
        const channels = u.role === 'lead' || u.role === 'admin' ? null : u.channels;
        return { report: await reports.summary(r.from, r.to, channels) };
      },
    },
  ];
}
