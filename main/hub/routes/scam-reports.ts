import { z } from 'zod';
import { DiwanError } from '../../core/shared/errors';
import { parse, type ApiDeps, type AreaHelpers, type Route } from './route';
import { HubScamReports } from '../store/scam-reports';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** An agent reports a customer's message as a scam; the leads get an alert (`store/scam-reports.ts`). */
export function scamReportRoutes(d: ApiDeps, h: AreaHelpers): Route[] {
  const reports = new HubScamReports(d.store);
  return [
    {
      method: 'POST',
      path: /^\/v1\/messages\/(\d+)\/scam-report$/,
      permission: 'conversations.write',
      handle: async ({ who, params }) => {
        const m = await reports.message(parse(id, params[0]));
        if (!m) throw new DiwanError('message_unknown', 'That message no longer exists.');
        await h.conversationFor(who!, m.conversationId);
        const out = await reports.report(m.id, { id: who!.user.id, username: who!.user.username, device: who!.device }, h.actorOf(who!));
        // Phishing drills at the hub are not run yet (issue 16, part B): no hub message is a drill message today.
        return { ...out, drill: false };
      },
    },
  ];
}
