import { z } from 'zod';
import { checkLabelName } from '../../core/store';
import { parse, type ApiDeps, type AreaHelpers, type Route } from './route';
import { HubLabels } from '../store/labels';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const name = z.object({ name: z.string().max(200) }).strict();
const labelSet = z.object({ labelIds: z.array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)).max(20) }).strict();

/** The team's label list (leads and administrators keep it) and the labels on a conversation (anyone who works it). */
export function labelRoutes(d: ApiDeps, h: AreaHelpers): Route[] {
  const labels = new HubLabels(d.store);
  // A label is staff text shown on every conversation it marks: a value typed into its name is masked.
  const masked = (body: unknown) => d.sealer.prepareText(checkLabelName(parse(name, body).name)).maskedText;
  return [
    { method: 'GET', path: /^\/v1\/labels$/, permission: 'session', handle: async () => ({ labels: await labels.list() }) },
    {
      method: 'POST',
      path: /^\/v1\/labels$/,
      permission: 'labels.manage',
      handle: async ({ who, body }) => ({ label: await labels.create(masked(body), h.actorOf(who!)) }),
    },
    {
      method: 'POST',
      path: /^\/v1\/labels\/(\d+)$/,
      permission: 'labels.manage',
      handle: async ({ who, params, body }) => ({ label: await labels.rename(parse(id, params[0]), masked(body), h.actorOf(who!)) }),
    },
    {
      method: 'POST',
      path: /^\/v1\/labels\/(\d+)\/delete$/,
      permission: 'labels.manage',
      handle: async ({ who, params }) => (await labels.remove(parse(id, params[0]), h.actorOf(who!)), { deleted: true }),
    },
    {
      method: 'POST',
      path: /^\/v1\/conversations\/(\d+)\/labels$/,
      permission: 'conversations.write',
      handle: async ({ who, params, body }) => {
        const c = await h.conversationFor(who!, parse(id, params[0]));
        return { conversationId: c.id, labelIds: await labels.setOnConversation(c.id, parse(labelSet, body).labelIds, h.actorOf(who!)) };
      },
    },
  ];
}
