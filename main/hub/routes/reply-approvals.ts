import { z } from 'zod';
import { assertApprovable, assertMayDecideReply, DEFAULT_GUARD_POLICY, detectLang, judgeReply } from '../../core/guard';
import { detectSensitive } from '../../core/masking';
import { DiwanError } from '../../core/shared/errors';
import { parse, type ApiDeps, type AreaHelpers, type Route } from './route';
import { HubReplyApprovals } from '../store/reply-approvals';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ask = z.object({ text: z.string().min(1).max(4_096) }).strict();
const decide = z.object({ approve: z.boolean() }).strict();

/** How long a request waits for a lead, and how long an approval stays usable (as the single-seat guard). */
export const APPROVAL_WAIT_MS = 15 * 60_000;
export const APPROVAL_USABLE_MS = 15 * 60_000;

/**
 * Four eyes on a reply the outbound guard holds: the agent asks with the exact text, a lead on another desk approves
 * or denies, and the reply route (`api.ts`) sends it once with `approvalId`. The guard's rules are the single-seat
 * ones (`judgeReply`, `assertApprovable`, `assertMayDecideReply`).
 */
export function replyApprovalRoutes(d: ApiDeps, h: AreaHelpers): Route[] {
  const approvals = new HubReplyApprovals(d.store);
  return [
    {
      method: 'POST',
      path: /^\/v1\/conversations\/(\d+)\/reply-approvals$/,
      permission: 'messages.send',
      handle: async ({ who, params, body }) => {
        const { text } = parse(ask, body);
        const c = await h.conversationFor(who!, parse(id, params[0]));
        const lang = detectLang(text);
        const decision = judgeReply(text, lang, d.guardPolicy ?? DEFAULT_GUARD_POLICY, detectSensitive);
        if (decision.verdict !== 'block') throw new DiwanError('not_blocked', 'This reply is not blocked: send it without an approval.');
        assertApprovable(decision.approvable, lang);
        const approval = await approvals.request(
          {
            conversationId: c.id,
            channelId: c.channelId,
            requesterId: who!.user.id,
            device: who!.device,
            binding: d.sealer.replyBinding(text),
            maskedText: d.sealer.prepareText(text).maskedText,
            reasons: decision.findings.filter((f) => f.verdict === 'block').map((f) => f.reason),
            expiresAt: d.now() + APPROVAL_WAIT_MS,
          },
          h.actorOf(who!),
        );
        return { approval };
      },
    },
    {
      method: 'GET',
      path: /^\/v1\/reply-approvals\/pending$/,
      permission: 'reveal.approve',
      handle: async () => ({ approvals: await approvals.pending() }),
    },
    {
      method: 'GET',
      path: /^\/v1\/reply-approvals\/(\d+)$/,
      permission: 'messages.send',
      handle: async ({ who, params }) => {
        const a = await approvals.get(parse(id, params[0]));
        if (!a || a.requesterId !== who!.user.id) throw new DiwanError('approval_unknown', 'There is no such approval request of yours.');
        return { approval: a };
      },
    },
    {
      method: 'POST',
      path: /^\/v1\/reply-approvals\/(\d+)\/decide$/,
      permission: 'reveal.approve',
      handle: async ({ who, params, body }) => {
        const { approve } = parse(decide, body);
        const a = await approvals.get(parse(id, params[0]));
        if (!a) throw new DiwanError('approval_unknown', 'There is no such approval request.');
        await h.conversationFor(who!, a.conversationId);
        const role = who!.user.role === 'lead' || who!.user.role === 'admin' ? who!.user.role : 'agent';
        assertMayDecideReply({ author: String(a.requesterId), decider: String(who!.user.id), deciderRole: role });
        return { approval: await approvals.decide(a.id, who!.user.id, approve, d.now() + APPROVAL_USABLE_MS, h.actorOf(who!)) };
      },
    },
  ];
}
