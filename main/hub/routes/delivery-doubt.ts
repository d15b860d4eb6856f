import { z } from 'zod';
import { DiwanError } from '../../core/shared/errors';
import { parse, type ApiDeps, type AreaHelpers, type Route } from './route';
import { HubDeliveryDoubt } from '../store/delivery-doubt';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const settleBody = z.object({ action: z.enum(['resend', 'mark_failed']) }).strict();

/** An agent settles a reply whose delivery is in doubt: send it again, or mark it not delivered (`store/delivery-doubt.ts`). */
export function deliveryDoubtRoutes(d: ApiDeps, h: AreaHelpers): Route[] {
  const doubt = new HubDeliveryDoubt(d.store);
  return [
    {
      method: 'POST',
      path: /^\/v1\/messages\/(\d+)\/delivery-doubt$/,
      permission: 'messages.send',
      handle: async ({ who, params, body }) => {
        const { action } = parse(settleBody, body);
        const reply = await doubt.reply(parse(id, params[0]));
        if (!reply) throw new DiwanError('reply_unknown', 'That reply no longer exists.');
        await h.conversationFor(who!, reply.conversationId);
        const out = await doubt.settle(reply.messageId, action, h.actorOf(who!));
        if (out.state === 'queued') d.replyQueued(out.channelId);
        return { reply: out };
      },
    },
  ];
}
