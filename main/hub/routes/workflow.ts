import { z } from 'zod';
import { calendarSpecSchema } from '../../core/sla';
import { DiwanError } from '../../core/shared/errors';
import { agentCapacitySchema, channelRuleSchema, consentNoticeSchema, consentNoticeTextsSchema } from '../../core/workflow';
import { parse, type ApiDeps, type AreaHelpers, type Route } from './route';
import { mayReadChannel } from '../audience';
import { MARKER_KINDS } from '../markers';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const schemas = {
  presence: z.object({ state: z.enum(['online', 'away']) }).strict(),
  marker: z.object({ kind: z.enum(MARKER_KINDS) }).strict(),
  capacity: z.object({ capacity: agentCapacitySchema }).strict(),
  /** One text (its language told by its letters), or the text per language. */
  notice: z.union([z.object({ text: consentNoticeSchema }).strict(), z.object({ texts: consentNoticeTextsSchema }).strict()]),
};
const channelPath = '([A-Za-z0-9_-]{1,64})';

/** The team workflow's routes (issue 18): presence, live markers, assignment rules, the calendar, SLAs, the board. */
export function workflowRoutes(d: ApiDeps, h: AreaHelpers): Route[] {
  const w = d.workflow;
  return [
    { method: 'GET', path: /^\/v1\/presence$/, permission: 'session', handle: async () => ({ presence: await w.store.presence() }) },
    {
      method: 'POST',
      path: /^\/v1\/presence$/,
      permission: 'conversations.read',
      handle: async ({ who, body }) => {
        const p = await w.store.setPresence(who!.user.id, parse(schemas.presence, body).state, w.presenceTtlMs);
        w.changed();
        return { presence: p };
      },
    },
    {
      method: 'POST',
      path: /^\/v1\/conversations\/(\d+)\/marker$/,
      permission: 'conversations.read',
      handle: async ({ who, params, body }) => {
        const c = await h.conversationFor(who!, parse(id, params[0]));
        const u = who!.user;
        return w.markers.post({ conversationId: c.id, channelId: c.channelId, userId: u.id, username: u.username, kind: parse(schemas.marker, body).kind });
      },
    },
    { method: 'GET', path: /^\/v1\/workflow\/rules$/, permission: 'session', handle: async () => ({ rules: await w.store.rules() }) },
    {
      method: 'POST',
      path: new RegExp(`^/v1/workflow/rules/${channelPath}$`),
      permission: 'workflow.manage',
      handle: async ({ who, params, body }) => {
        const rule = await w.store.saveRule({ channelId: params[0]!, ...parse(channelRuleSchema, body) }, h.actorOf(who!));
        w.changed();
        return { rule };
      },
    },
    { method: 'GET', path: /^\/v1\/workflow\/calendar$/, permission: 'session', handle: async () => ({ calendar: (await w.store.calendar()).spec }) },
    {
      method: 'POST',
      path: /^\/v1\/workflow\/calendar$/,
      permission: 'workflow.manage',
      handle: async ({ who, body }) => ({ calendar: await w.store.saveCalendar(parse(calendarSpecSchema, body), h.actorOf(who!)) }),
    },
    { method: 'GET', path: /^\/v1\/workflow\/capacity$/, permission: 'workflow.manage', handle: async () => ({ capacities: await w.store.capacities() }) },
    {
      method: 'POST',
      path: /^\/v1\/workflow\/capacity\/(\d+)$/,
      permission: 'workflow.manage',
      handle: async ({ who, params, body }) => {
        const userId = parse(id, params[0]);
        await w.store.setCapacity(userId, parse(schemas.capacity, body).capacity, h.actorOf(who!));
        w.changed();
        return { ok: true };
      },
    },
    {
      method: 'GET',
      path: /^\/v1\/sla$/,
      permission: 'conversations.read',
      // The running clocks of the conversations this person may read: the countdown on each row.
      handle: async ({ who }) => ({ clocks: (await w.store.clocks()).filter((c) => mayReadChannel(who!.user, c.channelId)) }),
    },
    { method: 'GET', path: new RegExp(`^/v1/workflow/consent/${channelPath}$`), permission: 'session', handle: async ({ params }) => ({ notices: await w.consent.notices(params[0]!) }) },
    {
      method: 'POST',
      path: new RegExp(`^/v1/workflow/consent/${channelPath}$`),
      permission: 'workflow.manage',
      handle: async ({ who, params, body }) => {
        const b = parse(schemas.notice, body);
        const notice = await w.consent.publish(params[0]!, 'texts' in b ? b.texts : b.text, h.actorOf(who!));
        w.changed();
        return { notice };
      },
    },
    {
      method: 'GET',
      path: /^\/v1\/contacts\/(\d+)\/consent$/,
      permission: 'conversations.read',
      // The customer panel: which notice this contact was sent, when, and whether they wrote after it.
      handle: async ({ who, params }) => {
        const contactId = parse(id, params[0]);
        const channel = await w.consent.contactChannel(contactId);
        if (channel === null || !mayReadChannel(who!.user, channel)) throw new DiwanError('contact_unknown', 'That customer does not exist or is not in your channels.');
        return { consent: await w.consent.record(contactId) };
      },
    },
    {
      method: 'GET',
      path: /^\/v1\/board$/,
      permission: 'team.board',
      handle: async ({ query }) => {
        const since = query.get('since');
        return { board: await w.store.board(since === null ? d.now() - 86_400_000 : parse(z.coerce.number().int().min(0), since)) };
      },
    },
  ];
}
