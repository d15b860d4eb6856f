import type { IncomingMessage, ServerResponse } from 'node:http';
import { attachmentRoutes } from './routes/attachments';
import { z } from 'zod';
import { resolvePolicy, revealReason, SECOND_ADMIN_WINDOW_MS, type RevealRules } from '../core/auth';
import { assertApprovable, DEFAULT_GUARD_POLICY, detectLang, drillReplyOutcome, judgeReply } from '../core/guard';
import { detectSensitive } from '../core/masking';
import { DiwanError } from '../core/shared/errors';
import { replyProblem } from '../core/shared/reply-limits';
import { REPLY_TEXT_MAX_UNITS } from '../core/shared/vocabulary';
import { checkReplyWindow, replyOptions } from '../core/app/send-reply';
import { replyWindowAt } from './store/reply-window';
import { BodyTooLarge, bearer, isJson, readBody, sendJson } from './http';
import { hashToken, mustHave, type SignedIn } from './accounts';
import { mayReadChannel } from './audience';
import { channelRoutes } from './routes/channels';
import { selfRoutes } from './routes/self';
import { APPROVAL_DOMAIN, RevealApprovalSchema, verifyStatement } from '../core/custody';
import { custodyRoutes } from './routes/custody';
import { publicReveal, toMember, type HubStore, type SqlExecutor } from './store';
import { parse, type ApiDeps, type AreaHelpers, type Route } from './routes/route';
import { HubFactorResets } from './store/factor-resets';
import { HubDrills } from './store/drills';
import { drillRoutes } from './routes/drills';
import { conversationPage, inboxPage } from './store/inbox-pages';
import { HubLeadReview } from './store/lead-review';
import { HubReplyApprovals } from './store/reply-approvals';
import { cannedReplyRoutes } from './routes/canned-replies';
import { factorResetRoutes } from './routes/factor-resets';
import { roleGrantRoutes } from './routes/role-grants';
import { ownRevealRoutes } from './routes/own-reveals';
import { labelRoutes } from './routes/labels';
import { leadReviewRoutes } from './routes/lead-review';
import { replyApprovalRoutes } from './routes/reply-approvals';
import { workflowRoutes } from './routes/workflow';
import { reportRoutes } from './routes/reports';
import { snoozeRoutes } from './routes/snoozes';
import { customerPanelRoutes } from './routes/customer-panel';
import { deliveryDoubtRoutes } from './routes/delivery-doubt';
import { scamReportRoutes } from './routes/scam-reports';
import { secondFactorRoutes } from './routes/second-factor';
import { channelSetupRoutes } from './routes/channel-setup';
import { channelAdminRoutes } from './routes/channel-admin';
import { transcriptExportRoutes } from './routes/transcript-export';
import { handoverRoutes } from './routes/handover';
import { heldMessageRoutes } from './routes/held-messages';
import { relayRoutes } from './routes/relay';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const schemas = {
  challenge: z.object({ fingerprint: hex64 }).strict(),
  signIn: z
    .object({
      username: z.string().min(1).max(64),
      password: z.string().min(1).max(256),
      fingerprint: hex64,
      nonce: z.string().min(16).max(128),
      timestamp: z.number().int(),
      signature: z.string().min(1).max(256),
    })
    .strict(),
  secondFactor: z.union([z.object({ code: z.string().min(6).max(12) }).strict(), z.object({ recoveryCode: z.string().min(16).max(40) }).strict()]),
  assign: z.object({ assigneeId: id.nullable(), version: z.number().int().positive().optional() }).strict(),
  status: z.object({ status: z.enum(['open', 'pending', 'resolved']) }).strict(),
  note: z.object({ text: z.string().min(1).max(10_000) }).strict(),
  reply: z
    .object({
      clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
      text: z.string().min(1).max(REPLY_TEXT_MAX_UNITS),
      /** The newest event its author had seen when writing it. */
      seenSeq: z.number().int().min(0),
      /** The author looked at the newer messages and sends anyway (audited). */
      sendAnyway: z.boolean().optional(),
      /** A lead's approval of this exact text, for a reply the outbound guard holds (`routes/reply-approvals.ts`). */
      approvalId: id.optional(),
      /** The author ticked "human agent": Messenger and Instagram send it with the HUMAN_AGENT tag (up to 7 days). */
      humanAgentTag: z.boolean().optional(),
    })
    .strict(),
  reveal: z.object({ messageId: id, field: z.number().int().min(0).max(1000), reason: z.string().max(2_000) }).strict(),
  decide: z
    .object({
      approve: z.boolean(),
      /** Approving: the lead's DEVICE signs the approval (`core/custody` RevealApproval); the custodian checks it. */
      approval: z.object({ body: RevealApprovalSchema, signature: z.string().min(1).max(200) }).strict().optional(),
    })
    .strict(),
  changeUser: z
    .object({ disabled: z.boolean().optional(), channels: z.array(z.string().max(64)).max(256).optional(), resetSecondFactor: z.literal(true).optional() })
    .strict(),
};

const STATUS: Record<string, number> = {
  quarantine_empty: 409,
  forbidden: 403,
  relay_not_configured: 409,
  not_enrolled: 403,
  bad_signature: 401,
  clock_skew: 401,
  conversation_unknown: 404,
  user_unknown: 404,
  field_not_found: 404,
  approval_signature_invalid: 403,
  reveal_refused_by_custodian: 403,
  reveal_not_granted: 409,
  device_unknown: 403,
  custodian_unreachable: 503,
  reveal_unknown: 404,
  conflict: 409,
  newer_activity: 409,
  not_assignee: 403,
  channel_unknown: 404,
  channel_test_unavailable: 501,
  contact_unknown: 404,
  user_exists: 409,
  reveal_not_pending: 409,
  password_wrong: 403,
  reply_blocked: 422,
  reply_bad_text: 422,
  reply_window_closed: 422,
  human_agent_tag_needed: 422,
  thread_control_unsupported: 422,
  channel_not_running: 503,
  channel_paused: 503,
  channel_not_ready: 503,
  thread_control_unknown: 404,
  thread_control_interrupted: 409,
  label_exists: 409,
  label_unknown: 404,
  canned_shortcut_taken: 409,
  canned_unknown: 404,
  approval_unknown: 404,
  approval_not_pending: 409,
  not_blocked: 409,
  guard_not_approvable: 422,
  guard_approval_invalid: 409,
  self_approval: 403,
  guard_approval_forbidden: 403,
  alert_unknown: 404,
  alert_acknowledged: 409,
  reset_request_unknown: 404,
  reset_request_same_admin: 403,
  reset_request_self: 403,
  role_request_not_found: 404,
  role_request_same_admin: 403,
  role_request_self: 403,
  role_request_stale: 409,
  role_change_self: 403,
  last_admin: 409,
  signin_locked: 429,
  totp_already_enabled: 409,
  no_enrolment: 409,
  totp_code_wrong: 422,
  channel_kind_fixed: 409,
  hub_db_unavailable: 503,
  reply_unknown: 404,
  not_unknown: 409,
  reply_not_resendable: 409,
  message_unknown: 404,
  scam_report_not_inbound: 422,
  attachment_unknown: 404,
  attachment_not_fetchable: 404,
  attachment_not_image: 415,
  attachment_refused: 415,
  attachment_too_large: 413,
  attachment_empty: 422,
  attachment_unavailable: 502,
  attachment_unsupported: 501,
  attachment_reference: 422,
  drill_forbidden: 403,
  drill_bad_kind: 422,
  drill_bad_window: 422,
  drill_not_found: 404,
  drill_message_unknown: 404,
  drill_needs_channel: 409,
  drill_channel_not_theirs: 422,
};

/** Areas of the API that live in their own modules (`routes/*.ts`); each is added here with one line. */
const AREAS: Array<(d: ApiDeps, h: AreaHelpers) => Route[]> = [
  channelRoutes,
  selfRoutes,
  labelRoutes,
  cannedReplyRoutes,
  replyApprovalRoutes,
  leadReviewRoutes,
  factorResetRoutes,
  custodyRoutes,
  workflowRoutes,
  reportRoutes,
  snoozeRoutes,
  customerPanelRoutes,
  deliveryDoubtRoutes,
  scamReportRoutes,
  secondFactorRoutes,
  channelSetupRoutes,
  transcriptExportRoutes,
  attachmentRoutes,
  drillRoutes,
  roleGrantRoutes,
  ownRevealRoutes,
  handoverRoutes,
  channelAdminRoutes,
  relayRoutes,
  heldMessageRoutes,
];

/** The console-facing HTTP API: each route names the permission it needs; the handlers only translate. */
export function hubApi(d: ApiDeps) {
  const actorOf = (w: SignedIn) => ({ actor: w.user.username, device: w.device });
  const approvals = new HubReplyApprovals(d.store);
  const review = new HubLeadReview(d.store);
  const factorResets = new HubFactorResets(d.store);
  const drills = new HubDrills(d.store);

  async function conversationFor(w: SignedIn, conversationId: number) {
    const c = await d.store.conversation(conversationId);
    if (!c || !mayReadChannel(w.user, c.channelId)) throw new DiwanError('conversation_unknown', 'That conversation does not exist or is not in your channels.');
    return c;
  }

  const routes: Route[] = [
    {
      method: 'POST',
      path: /^\/v1\/challenge$/,
      permission: null,
      handle: async ({ body }) => d.accounts.challenge(parse(schemas.challenge, body).fingerprint),
    },
    {
      method: 'POST',
      path: /^\/v1\/sign-in$/,
      permission: null,
      handle: async ({ body }) => {
        const r = await d.accounts.signIn(parse(schemas.signIn, body));
        return { token: r.token, stage: r.stage, expiresAt: r.expiresAt, user: toMember(r.user) };
      },
    },
    {
      method: 'POST',
      path: /^\/v1\/sign-in\/second-factor$/,
      permission: null,
      handle: async ({ req, body }) => {
        const token = bearer(req);
        if (!token) throw new DiwanError('session_invalid', 'Sign in again: that sign-in has ended.');
        const r = await d.accounts.secondFactor(hashToken(token), parse(schemas.secondFactor, body));
        return { token: r.token, stage: r.stage, expiresAt: r.expiresAt, user: toMember(r.user) };
      },
    },
    {
      method: 'POST',
      path: /^\/v1\/sign-out$/,
      permission: 'session',
      handle: async ({ who }) => (await d.accounts.signOut(who!.tokenHash), { ok: true }),
    },
    {
      method: 'GET',
      path: /^\/v1\/me$/,
      permission: 'enrolment',
      handle: async ({ who }) => ({ user: { ...toMember(who!.user), channels: who!.user.channels }, device: who!.device, latestSeq: await d.store.latestEventSeq() }),
    },
    { method: 'GET', path: /^\/v1\/team$/, permission: 'session', handle: async () => ({ members: await d.store.team() }) },
    {
      method: 'GET',
      path: /^\/v1\/conversations$/,
      permission: 'conversations.read',
      handle: async ({ who, query }) => {
        const u = who!.user;
        const assignee = query.get('assignee');
        const label = query.get('label');
        const status = query.get('status');
        return inboxPage(d.store, {
          channels: u.role === 'lead' || !u.channels.length ? null : u.channels,
          ...(assignee === null ? {} : { assigneeId: assignee === 'none' ? null : assignee === 'me' ? u.id : parse(id, assignee) }),
          ...(status === null ? {} : { status }),
          ...(label === null ? {} : { labelId: parse(id, label) }),
          limit: Math.min(Number(query.get('limit') ?? 100) || 100, 500),
        });
      },
    },
    {
      method: 'GET',
      path: /^\/v1\/conversations\/(\d+)\/messages$/,
      permission: 'conversations.read',
      handle: async ({ who, params }) => {
        const c = await conversationFor(who!, parse(id, params[0]));
        await d.store.audit({ ...actorOf(who!), action: 'conversation.opened', target: `conversation:${c.id}` });
        return conversationPage(d.store, c);
      },
    },
    {
      method: 'POST',
      path: /^\/v1\/conversations\/(\d+)\/assign$/,
      permission: 'conversations.write',
      handle: async ({ who, params, body }) => {
        const b = parse(schemas.assign, body);
        const c = await conversationFor(who!, parse(id, params[0]));
        if (b.assigneeId !== null) {
          const target = await d.store.userById(b.assigneeId);
          if (!target || target.disabled || !mayReadChannel(target, c.channelId)) {
            throw new DiwanError('user_unknown', 'That person cannot take this conversation (no such active colleague on this channel).');
          }
        }
        return { conversation: await d.store.assign(c.id, b.assigneeId, actorOf(who!), b.version) };
      },
    },
    {
      method: 'POST',
      path: /^\/v1\/conversations\/(\d+)\/status$/,
      permission: 'conversations.write',
      handle: async ({ who, params, body }) => {
        const c = await conversationFor(who!, parse(id, params[0]));
        return { conversation: await d.store.setStatus(c.id, parse(schemas.status, body).status, actorOf(who!)) };
      },
    },
    {
      method: 'POST',
      path: /^\/v1\/conversations\/(\d+)\/notes$/,
      permission: 'conversations.write',
      handle: async ({ who, params, body }) => {
        const c = await conversationFor(who!, parse(id, params[0]));
        const p = d.sealer.prepareText(parse(schemas.note, body).text);
        const author = who!.user;
        return { noteId: await d.store.addNote(c.id, author.id, p.maskedText, null, actorOf(who!), (t, note) => d.workflow.store.notifyMentions(t, note, author, p.maskedText).then(() => {})) };
      },
    },
    {
      method: 'POST',
      path: /^\/v1\/conversations\/(\d+)\/replies$/,
      permission: 'messages.send',
      handle: async ({ who, params, body }) => {
        const b = parse(schemas.reply, body);
        const c = await conversationFor(who!, parse(id, params[0]));
        const prior = await d.store.outboxState(who!.device, b.clientId);
        let approved: { id: number; binding: string } | null = null;
        const inDrill = await drills.isDrillConversation(c.id);
        if (prior === null) {
          await d.workflow.store.assertMayReply(c, who!.user.id);
          const kind = (await d.store.q.get<{ kind: string }>('SELECT kind FROM channels WHERE id = ?', [c.channelId]))?.kind ?? '';
          const tooLong = replyProblem(kind, b.text);
          if (tooLong) throw new DiwanError('reply_bad_text', tooLong);
          checkReplyWindow(await replyWindowAt(d.store.q, c.id, kind, d.now()), b.humanAgentTag ?? false);
          const lang = detectLang(b.text);
          const decision = judgeReply(b.text, lang, d.guardPolicy ?? DEFAULT_GUARD_POLICY, detectSensitive);
          // A reply to a phishing drill's attempt is scored before the guard may stop it: a stopped reply counts too.
          if (inDrill) await drills.recordReply(c.id, who!.user, drillReplyOutcome(decision.verdict), actorOf(who!));
          const findings = decision.findings.filter((f) => f.verdict === 'block');
          if (findings.length && b.approvalId !== undefined) {
            assertApprovable(decision.approvable, lang);
            approved = { id: b.approvalId, binding: d.sealer.replyBinding(b.text) };
          } else if (findings.length) {
            const codes = findings.map((f) => f.code);
            await d.store.q.tx(async (t) => {
              await d.store.appendAudit(t, { ...actorOf(who!), action: 'guard.reply.blocked', target: `conversation:${c.id}`, details: { codes } });
              // A reply asking for what nobody may ask (a code, password, PIN, card or CVV) is how account takeovers
              // start: the lead hears of it at once, without the reply's text.
              if (!decision.approvable) {
                await review.raiseIn(t, { kind: 'reply_secret_request', channelId: c.channelId, conversationId: c.id, details: { agent: who!.user.username, codes } });
              }
            });
            const ask = decision.approvable ? ' A team lead may approve this exact reply: ask for an approval.' : '';
            throw new DiwanError('reply_blocked', findings.map((f) => f.reason).join(' ') + ask);
          }
        }
        // The send-time collision check runs inside the reply's transaction, under the event lock (enqueueReply):
        // of two colleagues sending at the same moment, the second is held. Holding it is audited after the rollback.
        const hold: { newer: { seq: number; kind: string } | null } = { newer: null };
        const collisionCheck = async (t: SqlExecutor) => {
          const newer = await d.store.newerActivity(c.id, b.seenSeq, who!.user.id, t);
          if (newer && !b.sendAnyway) {
            hold.newer = newer;
            throw new DiwanError(
              'newer_activity',
              newer.kind === 'customer' ? 'The customer wrote again after you started this reply. Read it, then send.' : 'A colleague replied or added a note after you started. Read it, then send.',
            );
          }
          if (newer) await d.store.appendAudit(t, { ...actorOf(who!), action: 'reply.sent_over_newer', target: `conversation:${c.id}`, details: { newerSeq: newer.seq, kind: newer.kind } });
        };
        const p = d.sealer.prepareReply(b.text);
        const options = replyOptions(b.humanAgentTag ?? false);
        const approval = approved;
        let r: Awaited<ReturnType<HubStore['enqueueReply']>>;
        try {
          r = await d.store.enqueueReply({
            conversationId: c.id,
            authorId: who!.user.id,
            device: who!.device,
            clientId: b.clientId,
            maskedText: p.maskedText,
            fields: p.fields,
            seal: p.seal,
            outboxText: p.outboxText,
            actor: actorOf(who!),
            guard: prior === null ? collisionCheck : undefined,
            stayAtHub: inDrill,
            ...(options ? { options } : {}),
            ...(approval ? { alsoInTx: (t, messageId) => approvals.consume(t, { ...approval, requesterId: who!.user.id, conversationId: c.id, messageId }, actorOf(who!)) } : {}),
          });
        } catch (e) {
          if (hold.newer) await d.store.audit({ ...actorOf(who!), action: 'reply.held', target: `conversation:${c.id}`, details: { newerSeq: hold.newer.seq, kind: hold.newer.kind } });
          throw e;
        }
        if (!r.duplicate && !inDrill) d.replyQueued(c.channelId);
        return r;
      },
    },
    {
      method: 'POST',
      path: /^\/v1\/reveals$/,
      permission: 'reveal.request',
      handle: async ({ who, body }) => {
        const b = parse(schemas.reveal, body);
        const reason = revealReason(b.reason);
        const field = await d.store.sealedField(b.messageId, b.field);
        if (!field || !mayReadChannel(who!.user, field.channelId)) throw new DiwanError('field_not_found', 'That masked field no longer exists.');
        if (!(d.reveal.allowedTypes[who!.user.role] ?? []).includes(field.type)) {
          await d.store.audit({ ...actorOf(who!), action: 'reveal.refused', target: `message:${b.messageId}:${b.field}`, details: { type: field.type } });
          throw new DiwanError('forbidden', 'Your role may not reveal this kind of field.');
        }
        const needsApproval = d.reveal.approvalRequired.includes(field.type);
        const now = d.now();
        const r = await d.store.createReveal(
          {
            messageId: b.messageId,
            fieldN: b.field,
            requesterId: who!.user.id,
            device: who!.device,
            reason,
            state: needsApproval ? 'pending' : 'granted',
            expiresAt: now + (needsApproval ? d.reveal.approvalWindowMinutes : d.reveal.grantMinutes) * 60_000,
          },
          actorOf(who!),
        );
        // The value itself comes from the custodian, re-sealed to this device: POST /v1/reveals/:id/open.
        return { reveal: publicReveal(r), type: field.type };
      },
    },
    {
      method: 'GET',
      path: /^\/v1\/reveals\/pending$/,
      permission: 'reveal.approve',
      handle: async () => ({
        // With the field's type and conversation, so the lead can judge the request (never the value).
        reveals: await Promise.all(
          (await d.store.pendingReveals()).map(async (r) => {
            const f = await d.store.sealedField(r.messageId, r.fieldN);
            return { ...publicReveal(r), type: f?.type ?? null, conversationId: f?.conversationId ?? null, createdAt: r.createdAt };
          }),
        ),
      }),
    },
    {
      method: 'POST',
      path: /^\/v1\/reveals\/(\d+)\/decide$/,
      permission: 'reveal.approve',
      handle: async ({ who, params, body }) => {
        const r = await d.store.reveal(parse(id, params[0]));
        if (!r) throw new DiwanError('reveal_unknown', 'There is no such reveal request.');
        if (r.requesterId === who!.user.id) throw new DiwanError('forbidden', 'You cannot approve your own reveal request; another team lead must.');
        const { approve, approval } = parse(schemas.decide, body);
        // Four eyes means two computers too: the custodian refuses an approval countersigned by the asking device,
        // so the hub refuses it first and the request stays waiting for a lead at another desk. A team on one
        // computer (`oneMachine`, embedded custodian) has no other desk: there four eyes are two people, each with
        // their own sign-in on this computer (the requester is refused above either way).
        if (approve && who!.device === r.device && !d.oneMachine) {
          throw new DiwanError('forbidden', 'Approve this request from your own computer: it was asked from this one, and an approval must come from another desk.');
        }
        let countersigned: string | null = null;
        if (approve) {
          // The lead's device countersigns exactly this request; the custodian checks the same signature again.
          const a = approval?.body;
          const device = await d.store.device(who!.device);
          const valid =
            a &&
            device &&
            a.revealId === r.id &&
            a.messageId === r.messageId &&
            a.field === r.fieldN &&
            a.requesterId === r.requesterId &&
            a.requesterDevice === r.device &&
            a.reason === r.reason &&
            a.approver === who!.user.username &&
            a.approverDevice === who!.device &&
            verifyStatement(APPROVAL_DOMAIN, a, approval.signature, device.publicKey);
          if (!valid) {
            await d.store.audit({ ...actorOf(who!), action: 'reveal.approval_refused', target: `message:${r.messageId}:${r.fieldN}`, details: { revealId: r.id } });
            throw new DiwanError('approval_signature_invalid', 'An approval must be signed by your enrolled device for exactly this request; update the console and approve again.');
          }
          countersigned = JSON.stringify(approval);
        }
        const decided = await d.store.decideReveal(r.id, who!.user.id, approve, d.now() + d.reveal.grantMinutes * 60_000, actorOf(who!), countersigned);
        return { reveal: publicReveal(decided) };
      },
    },
    {
      method: 'GET',
      path: /^\/v1\/reveals\/(\d+)$/,
      permission: 'reveal.request',
      handle: async ({ who, params }) => {
        const r = await d.store.reveal(parse(id, params[0]));
        // Only the requester, on the device that asked; the value itself is opened through POST …/open.
        if (!r || r.requesterId !== who!.user.id || r.device !== who!.device) throw new DiwanError('reveal_unknown', 'There is no such reveal for you on this computer.');
        return { reveal: publicReveal(r) };
      },
    },
    {
      method: 'GET',
      path: /^\/v1\/admin\/users$/,
      permission: 'users.manage',
      handle: async () => ({
        members: await Promise.all(
          (await d.store.team()).map(async (m) => {
            const u = await d.store.userById(m.id);
            return { ...m, totpEnabled: !!u?.totpSecret, channels: u?.channels ?? [] };
          }),
        ),
      }),
    },
    {
      method: 'POST',
      path: /^\/v1\/admin\/users\/(\d+)$/,
      permission: 'users.manage',
      handle: async ({ who, params, body }) => {
        const b = parse(schemas.changeUser, body);
        const userId = parse(id, params[0]);
        if (userId === who!.user.id && b.disabled) throw new DiwanError('forbidden', 'You cannot disable your own account.');
        if (b.resetSecondFactor && d.factorResetNeedsSecondAdmin) {
          // Separation of duties (the hub's policy): this administrator asks, a different one confirms
          // (`POST /v1/admin/factor-resets/:id/confirm`); nothing else in this request changes meanwhile.
          if (b.disabled !== undefined || b.channels) throw new DiwanError('bad_request', 'Ask for a second-factor reset on its own; change the rest in another request.');
          const request = await factorResets.request(userId, who!.user.id, d.now() + SECOND_ADMIN_WINDOW_MS, actorOf(who!));
          const u = await d.store.userById(userId);
          return { member: toMember(u!), channels: u!.channels, factorReset: request };
        }
        const action = b.resetSecondFactor ? 'user.second_factor_reset' : b.disabled === true ? 'user.disabled' : b.disabled === false ? 'user.enabled' : 'user.channels';
        const u = await d.store.updateUser(userId, { disabled: b.disabled, channels: b.channels, ...(b.resetSecondFactor ? { totpSecret: null } : {}) }, { ...actorOf(who!), action });
        return { member: toMember(u), channels: u.channels };
      },
    },
  ];
  routes.push(...AREAS.flatMap((area) => area(d, { actorOf, conversationFor })));

  return async function handle(req: IncomingMessage, res: ServerResponse, pathname: string, query: URLSearchParams): Promise<boolean> {
    const route = routes.find((r) => r.path.test(pathname) && r.method === req.method);
    if (!route) {
      if (routes.some((r) => r.path.test(pathname))) {
        sendJson(res, 405, { error: 'method_not_allowed', message: 'That address does not take this method.' });
        return true;
      }
      return false;
    }
    try {
      let who: SignedIn | null = null;
      if (route.permission) {
        who = await d.accounts.authenticate(bearer(req), route.permission === 'enrolment');
        if (!who) throw new DiwanError('session_invalid', 'Sign in again: your session has ended.');
        if (route.permission !== 'session' && route.permission !== 'enrolment') mustHave(who.user, route.permission);
      }
      let body: unknown;
      if (req.method === 'POST') {
        if (!isJson(req)) throw new DiwanError('bad_request', 'Send the request as JSON (Content-Type: application/json).');
        const raw = await readBody(req, d.maxBodyBytes);
        try {
          body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
        } catch {
          throw new DiwanError('bad_request', 'The request body is not JSON.');
        }
      }
      const out = await route.handle({ req, res, params: route.path.exec(pathname)!.slice(1), query, body, who });
      sendJson(res, 200, out);
    } catch (e) {
      if (e instanceof BodyTooLarge) sendJson(res, 413, { error: 'too_large', message: `Requests are limited to ${d.maxBodyBytes} bytes.` });
      else if (e instanceof DiwanError) {
        const refusedSignIn = /^(signin_|device_|second_factor)/.test(e.code);
        const status = STATUS[e.code] ?? (e.code === 'session_invalid' ? 401 : refusedSignIn ? 403 : 400);
        sendJson(res, status, { error: e.code, message: e.message });
      } else {
        sendJson(res, 500, { error: 'internal', message: 'The hub could not complete this request; it is logged without its content.' });
        throw e;
      }
    }
    return true;
  };
}

export const defaultRevealRules = (): RevealRules => resolvePolicy().reveal;
