import { z } from 'zod';
import { parse, type ApiDeps, type AreaHelpers, type Route } from './route';
import { HubSnoozes } from '../store/snoozes';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const YEAR_MS = 366 * 86_400_000;
const snoozeBody = z.object({ until: z.number().int().positive() }).strict();

/** Snoozing a conversation until a time; every node's workflow sweep wakes what is due (`store/snoozes.ts`). */
export function snoozeRoutes(d: ApiDeps, h: AreaHelpers): Route[] {
  const snoozes = new HubSnoozes(d.store);
  return [
    {
      method: 'POST',
      path: /^\/v1\/conversations\/(\d+)\/snooze$/,
      permission: 'conversations.write',
      handle: async ({ who, params, body }) => {
        const { until } = parse(snoozeBody.refine((b) => b.until <= d.now() + YEAR_MS, 'must be within a year'), body);
        const c = await h.conversationFor(who!, parse(id, params[0]));
        return snoozes.snooze(c.id, until, h.actorOf(who!));
      },
    },
  ];
}
