import { z } from 'zod';
import { DiwanError } from '../../core/shared/errors';
import { parse, type ApiDeps, type AreaHelpers, type Route } from './route';
import { HubScamReports } from '../store/scam-reports';
import { HubDrills } from '../store/drills';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** An agent reports a customer's message as a scam; the leads get an alert (`store/scam-reports.ts`). */
export function scamReportRoutes(d: ApiDeps, h: AreaHelpers): Route[] {
  const reports = new HubScamReports(d.store);
  const drills = new HubDrills(d.store);
  return [
    {
      method: 'POST',
      path: /^\/v1\/messages\/(\d+)\/scam-report$/,
      permission: 'conversations.write',
      handle: async ({ who, params }) => {
        const m = await reports.message(parse(id, params[0]));
        if (!m) throw new DiwanError('message_unknown', 'That message no longer exists.');
        await h.conversationFor(who!, m.conversationId);
        // A drill's scam attempt reported: the response the drill hoped for, scored (`store/drills.ts`), not an alert.
        const drillMessage = await drills.drillMessageOf(m.id);
        if (drillMessage) {
          await drills.recordFlag(drillMessage, who!.user, h.actorOf(who!));
          return { drill: true };
        }
        const out = await reports.report(m.id, { id: who!.user.id, username: who!.user.username, device: who!.device }, h.actorOf(who!));
        return { ...out, drill: false };
      },
    },
  ];
}
