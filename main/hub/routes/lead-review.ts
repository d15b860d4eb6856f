import { z } from 'zod';
import { checkQualityScore } from '../../core/review';
import { parse, type ApiDeps, type AreaHelpers, type Route } from './route';
import { mayReadChannel } from '../audience';
import { HubLeadReview } from '../store/lead-review';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const scoreBody = z.object({ score: z.number(), comment: z.string().max(10_000).default('') }).strict();

/** The lead's review queue, quality scores with masked comments, and the guards' alerts (listed, acknowledged). */
export function leadReviewRoutes(d: ApiDeps, h: AreaHelpers): Route[] {
  const review = new HubLeadReview(d.store);
  return [
    {
      method: 'GET',
      path: /^\/v1\/review\/queue$/,
      permission: 'review.read',
      handle: async ({ who, query }) => {
        const u = who!.user;
        const items = await review.queue(u.role === 'lead' || !u.channels.length ? null : u.channels, Math.min(Number(query.get('limit') ?? 200) || 200, 500));
        return { items: items.filter((i) => mayReadChannel(u, i.conversation.channelId)) };
      },
    },
    {
      method: 'GET',
      path: /^\/v1\/conversations\/(\d+)\/reviews$/,
      permission: 'review.read',
      handle: async ({ who, params }) => ({ reviews: await review.reviewsOf((await h.conversationFor(who!, parse(id, params[0]))).id) }),
    },
    {
      method: 'POST',
      path: /^\/v1\/conversations\/(\d+)\/review$/,
      permission: 'review.write',
      handle: async ({ who, params, body }) => {
        const b = parse(scoreBody, body);
        const comment = checkQualityScore(b.score, b.comment);
        const c = await h.conversationFor(who!, parse(id, params[0]));
        const maskedComment = comment ? d.sealer.prepareText(comment).maskedText : '';
        return { review: await review.score({ conversationId: c.id, reviewerId: who!.user.id, score: b.score, maskedComment }, h.actorOf(who!)) };
      },
    },
    {
      method: 'GET',
      path: /^\/v1\/alerts$/,
      permission: 'reports.read',
      handle: async ({ query }) => ({ alerts: await review.alerts({ unacknowledgedOnly: query.get('open') === '1', limit: Number(query.get('limit') ?? 200) || 200 }) }),
    },
    {
      method: 'POST',
      path: /^\/v1\/alerts\/(\d+)\/acknowledge$/,
      permission: 'reports.read',
      handle: async ({ who, params }) => ({ alert: await review.acknowledge(parse(id, params[0]), who!.user.username, h.actorOf(who!)) }),
    },
  ];
}
