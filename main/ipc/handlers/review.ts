import type { Core } from '../../core/app';
import { AUDIT_ACTIONS } from '../../core/audit';
import type { CallContext, Handlers } from '../dispatch';
import { shownReveal } from './reveal-view';
import { textDirection, toSegments } from './segments';

type ReviewChannels =
  | 'requestReveal'
  | 'readReveal'
  | 'listOwnReveals'
  | 'listRevealApprovals'
  | 'decideReveal'
  | 'getReviewTranscript'
  | 'listQualityScores'
  | 'setQualityScore'
  | 'exportTranscript'
  | 'listAudit'
  | 'verifyAudit';

/** Reveal grants, team-lead review and the audit trail. */
export function reviewHandlers(core: Core): Pick<Handlers<CallContext>, ReviewChannels> {
  const me = (ctx: CallContext) => core.identity.requireSession(ctx.session);
  return {
    requestReveal: (req, ctx) => {
      const r = core.reveal.request(me(ctx), req, req.reason);
      return r.status === 'granted' ? shownReveal(r) : r;
    },
    readReveal: (req, ctx) => shownReveal(core.reveal.read(me(ctx), req.grantId)),
    listOwnReveals: (_req, ctx) => ({ reveals: core.reveal.own(me(ctx)) }),
    listRevealApprovals: (_req, ctx) => ({ requests: core.reveal.pending(me(ctx)) }),
    decideReveal: (req, ctx) => core.reveal.decide(me(ctx), req.requestId, req.approve),
    getReviewTranscript: (req, ctx) => {
      const t = core.review.transcript(me(ctx), req.conversationId);
      return {
        ...t,
        contactSegments: toSegments(t.contact),
        messages: t.messages.map((m) => ({ ...m, segments: toSegments(m.text), textDirection: textDirection(m.text) })),
        reviews: core.review.scores(req.conversationId),
      };
    },
    listQualityScores: (req) => ({ reviews: core.review.scores(req.conversationId) }),
    setQualityScore: (req, ctx) => core.review.setScore(me(ctx), req.conversationId, req.score, req.comment),
    exportTranscript: (req, ctx) => core.review.export(me(ctx), req.conversationId, req.format),
    listAudit: (req) => ({ entries: core.auditTrail.list(req) }),
    verifyAudit: async (_req, ctx) => {
      const report = await core.auditTrail.verify();
      core.audit({ action: AUDIT_ACTIONS.auditVerified, actor: me(ctx).username, details: { ok: report.ok, problems: report.problems.length } });
      return report;
    },
  };
}
