import { z } from 'zod';
import { roleHas } from '../../core/auth';
import { DEFAULT_GUARD_POLICY, DRILL_KINDS } from '../../core/guard';
import { DiwanError } from '../../core/shared/errors';
import { mayReadChannel } from '../audience';
import { HubDrills } from '../store/drills';
import type { HubUser } from '../store/types';
import { parse, type ApiDeps, type AreaHelpers, type Route } from './route';

const schemas = {
  start: z
    .object({
      kind: z.enum(DRILL_KINDS).optional(),
      channelId: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/).optional(),
      /** The agent the attempts are assigned to; without one they wait unassigned on the channel, for whoever takes them. */
      agentId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
    })
    .strict(),
  drillId: z.string().regex(/^drill-[0-9a-f]{1,40}$/),
};

/**
 * Phishing drills at the hub (`store/drills.ts`): an administrator starts one for an agent; leads and administrators
 * read who reported the attempts and who replied unsafely. Scoring happens where agents act: the scam-report route
 * (`routes/scam-reports.ts`) and the reply route (`api.ts`).
 */
export function drillRoutes(d: ApiDeps, h: AreaHelpers): Route[] {
  const drills = new HubDrills(d.store);

  /** The channel the attempts arrive on: the one asked for, else the agent's first, else the hub's first. */
  async function channelFor(asked: string | undefined, target: HubUser | null): Promise<string> {
    const channels = (await d.store.channels()).filter((c) => c.enabled).map((c) => c.id);
    if (asked !== undefined) {
      if (!channels.includes(asked)) throw new DiwanError('channel_unknown', `There is no enabled channel ${asked} at the hub.`);
      return asked;
    }
    const chosen = channels.find((c) => (target ? mayReadChannel(target, c) : true));
    if (!chosen) throw new DiwanError('drill_needs_channel', target ? `${target.username} works on no enabled channel of the hub: give them one, then start the drill.` : 'Add a channel at the hub first: the drill’s scam attempts arrive on one.');
    return chosen;
  }

  return [
    {
      method: 'POST',
      path: /^\/v1\/drills$/,
      permission: 'settings.manage',
      handle: async ({ who, body }) => {
        const b = parse(schemas.start, body);
        let target: HubUser | null = null;
        if (b.agentId !== undefined) {
          target = await d.store.userById(b.agentId);
          if (!target || target.disabled || !roleHas(target.role, 'conversations.read')) {
            throw new DiwanError('user_unknown', 'A drill is for an active colleague who answers customers (an agent or a team lead).');
          }
        }
        const channelId = await channelFor(b.channelId, target);
        if (target && !mayReadChannel(target, channelId)) throw new DiwanError('drill_channel_not_theirs', `${target.username} does not work on channel ${channelId}: choose one of theirs.`);
        const started = await drills.start(
          {
            by: { id: who!.user.id, role: who!.user.role },
            channelId,
            targetId: target?.id ?? null,
            ...(b.kind ? { kinds: [b.kind] } : {}),
            companyDomain: (d.guardPolicy ?? DEFAULT_GUARD_POLICY).companyDomains[0] ?? 'example.com',
            // Each attempt is a customer of its own, with an id nobody on the platform has.
            prepare: (m) => d.sealer.prepare({ platformMessageId: m.drillMessageId, platformConversationId: m.drillMessageId, contact: { platformUserId: m.drillMessageId }, direction: 'in', text: m.text, sentAt: m.sentAt }),
          },
          h.actorOf(who!),
        );
        return { drillId: started.drillId, channelId, agentId: started.targetId, messagesSent: started.conversationIds.length, startsAt: started.startsAt, endsAt: started.endsAt };
      },
    },
    {
      method: 'GET',
      path: /^\/v1\/drills\/([^/]+)\/report$/,
      permission: 'reports.read',
      handle: async ({ params }) => ({ report: await drills.report(parse(schemas.drillId, params[0])) }),
    },
  ];
}
