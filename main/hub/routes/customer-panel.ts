import { z } from 'zod';
import { mayReadChannel } from '../audience';
import { customerPanel } from '../store/customer-panel';
import { parse, type ApiDeps, type AreaHelpers, type Route } from './route';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** The customer panel of a conversation, for consoles whose cache holds only part of the team's messages. */
export function customerPanelRoutes(d: ApiDeps, h: AreaHelpers): Route[] {
  return [
    {
      method: 'GET',
      path: /^\/v1\/conversations\/(\d+)\/customer$/,
      permission: 'conversations.read',
      handle: async ({ who, params }) => {
        const c = await h.conversationFor(who!, parse(id, params[0]));
        return { customer: await customerPanel(d.store.q, c, (channelId) => mayReadChannel(who!.user, channelId)) };
      },
    },
  ];
}
