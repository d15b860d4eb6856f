import { z } from 'zod';
import { checkCannedReply } from '../../core/store';
import { DiwanError } from '../../core/shared/errors';
import { parse, type ApiDeps, type AreaHelpers, type Route } from './route';
import { HubCannedReplies } from '../store/canned-replies';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const reply = z.object({ shortcut: z.string().max(64), title: z.string().max(500), body: z.string().max(10_000) }).strict();

/** The team's canned replies: every signed-in person reads them, the administrator keeps them (as single-seat). */
export function cannedReplyRoutes(d: ApiDeps, h: AreaHelpers): Route[] {
  const canned = new HubCannedReplies(d.store);

  /** Checked like the single-seat store, then masked like any staff text (a value pasted into a template never spreads). */
  function prepared(body: unknown) {
    const typed = parse(reply, body);
    const c = checkCannedReply({ shortcut: typed.shortcut, title: typed.title.trim(), body: typed.body.trim() });
    if (d.sealer.prepareText(c.shortcut).maskedText !== c.shortcut) {
      throw new DiwanError('canned_bad_shortcut', 'A shortcut cannot hold a number that looks like customer data (a phone, card or ID). Choose a word.');
    }
    return { shortcut: c.shortcut, title: d.sealer.prepareText(c.title).maskedText, body: d.sealer.prepareText(c.body).maskedText };
  }

  return [
    { method: 'GET', path: /^\/v1\/canned-replies$/, permission: 'session', handle: async () => ({ cannedReplies: await canned.list() }) },
    {
      method: 'POST',
      path: /^\/v1\/canned-replies$/,
      permission: 'settings.manage',
      handle: async ({ who, body }) => ({ cannedReply: await canned.save({ ...prepared(body), authorId: who!.user.id }, h.actorOf(who!)) }),
    },
    {
      method: 'POST',
      path: /^\/v1\/canned-replies\/(\d+)$/,
      permission: 'settings.manage',
      handle: async ({ who, params, body }) => ({ cannedReply: await canned.save({ id: parse(id, params[0]), ...prepared(body), authorId: who!.user.id }, h.actorOf(who!)) }),
    },
    {
      method: 'POST',
      path: /^\/v1\/canned-replies\/(\d+)\/delete$/,
      permission: 'settings.manage',
      handle: async ({ who, params }) => (await canned.remove(parse(id, params[0]), h.actorOf(who!)), { deleted: true }),
    },
  ];
}
