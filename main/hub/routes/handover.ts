import { z } from 'zod';
import { THREAD_CONTROL_ACTIONS } from '../../core/connectors';
import { DiwanError } from '../../core/shared/errors';
import { THREAD_CONTROL_KINDS } from '../../core/shared/vocabulary';
import { HANDOVER_PICKUP_MS, HubHandover, NOT_RUNNING, type HandoverRequest } from '../store/handover';
import { parse, type ApiDeps, type AreaHelpers, type Route } from './route';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const body = z.object({ action: z.enum(THREAD_CONTROL_ACTIONS) }).strict();

/**
 * Handover in team mode: the same conversation-menu action as single-seat (take, pass or request thread control),
 * asked of the node holding the channel's lease (`store/handover.ts`, `HubChannels.serveHandover`). Asking answers
 * at once with the request's id; the console then reads its state until the platform's outcome is there (a platform
 * call may take longer than one HTTP answer should). A request no node takes within 10 s ends "channel not running".
 */
export function handoverRoutes(d: ApiDeps, h: AreaHelpers): Route[] {
  const handover = new HubHandover(d.store);
  const view = (r: HandoverRequest) => ({ id: r.id, conversationId: r.conversationId, action: r.action, state: r.state, code: r.code, reason: r.reason });
  return [
    {
      method: 'POST',
      path: /^\/v1\/conversations\/(\d+)\/thread-control$/,
      permission: 'messages.send',
      handle: async ({ who, params, body: raw }) => {
        const { action } = parse(body, raw);
        const c = await h.conversationFor(who!, parse(id, params[0]));
        const where = await d.store.q.get<{ kind: string; platform_conversation_id: string }>(
          'SELECT ch.kind, c.platform_conversation_id FROM conversations c JOIN channels ch ON ch.id = c.channel_id WHERE c.id = ?',
          [c.id],
        );
        if (!where || !THREAD_CONTROL_KINDS.includes(where.kind)) {
          throw new DiwanError('thread_control_unsupported', 'Only Messenger and Instagram channels hand conversations over between apps.');
        }
        const requestId = await handover.ask({ conversationId: c.id, channelId: c.channelId, platformConversationId: where.platform_conversation_id, action, actor: h.actorOf(who!) });
        d.handoverAsked?.();
        return { request: view((await handover.get(requestId))!) };
      },
    },
    {
      method: 'GET',
      path: /^\/v1\/thread-control\/(\d+)$/,
      permission: 'messages.send',
      handle: async ({ who, params }) => {
        let r = await handover.get(parse(id, params[0]));
        // Only its asker follows a request (others learn nothing, not even that it exists).
        if (!r || r.actor !== who!.user.username) throw new DiwanError('thread_control_unknown', 'That handover request does not exist.');
        await h.conversationFor(who!, r.conversationId);
        if (r.state === 'waiting' && d.now() - r.createdAt >= HANDOVER_PICKUP_MS) {
          await handover.expire(r.id, NOT_RUNNING);
          r = (await handover.get(r.id))!; // or a node took it at the last moment
        }
        return { request: view(r) };
      },
    },
  ];
}
