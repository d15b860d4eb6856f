import { textWithoutTokens } from '../../core/masking';
import crypto from 'node:crypto';
import type { Core } from '../../core/app';
import { checkReplyAllowed } from '../../core/app/send-reply';
import { totpQrDataUrl, type Role } from '../../core/auth';
import type { SignedExport } from '../../core/review';
import { detectLang } from '../../core/guard';
import { DiwanError } from '../../core/shared/errors';
import { HubRefusal, type ConversationView, type CustomerPanelView, type MessageView, type FactorResetView as FactorResetRequest, type RoleGrantView as HubRoleGrantView, type TeamMember, type TeamSeat } from '../../core/team';
import { deviceStatusOf } from '../console-services';
import type { CallContext, Handlers } from '../dispatch';
import { customerHitDto, detailDto, messageDto, noteDto, summaryDto } from '../handlers/console';
import { shownReveal } from '../handlers/reveal-view';
import { networkStatus } from '../handlers/network';
import { foldText } from '../../core/text/fold';
import { fillTemplate, highlight, textDirection, toSegments } from '../handlers/segments';
import { channelKindOf, TeamRows } from './rows';
import { draftDone, draftSeenSeq, workflowHandlers } from './workflow';
import { heldHandlers } from './held';
import { checkAttachment } from '../../core/connectors';
import type { SaveFilePort } from '../../core/app/attachments';
import { ConsentRecordDto, MAX_CUSTOMER_HITS, MESSAGE_PAGE, type SHOWN_IMAGE_TYPES } from '../console-contract';
import { MAX_CUSTOMER_MATCHES, queryTerms } from '../../core/store';
import { CHANNEL_CHECK_OUTCOMES, ERROR_CODES, type ChannelCheckOutcome, type InterfaceLanguage } from '../../core/shared/vocabulary';
import { say } from '../../core/guard/messages';

/**
 * The console's calls in team mode: reads come from the signed-in person's cache of the hub's stream, changes go to
 * the hub (which checks the role again and records them). The DTOs are built by the same functions as in
 * single-seat mode.
 */
export function teamHandlers(core: Core, saveFile: SaveFilePort): Handlers<CallContext> {
  const team = () => {
    const t = core.team();
    if (!t) throw new DiwanError('team_off', 'This console is not working with a team hub (the IT policy names none).');
    return t;
  };
  const seatOf = (ctx: CallContext) => team().requireSeat(ctx.session);
  const rows = (seat: TeamSeat) => new TeamRows(seat.cache, () => core.clock.now());
  const conversationOf = (seat: TeamSeat, id: number) => {
    const c = seat.cache.conversation(id);
    if (!c) throw new DiwanError(ERROR_CODES.conversationUnknown, 'That conversation no longer exists. Pick another one from the inbox.');
    return c;
  };
  /** Sends a change to the hub; its refusals keep the hub's code and sentence. */
  const hub = async <T = Record<string, unknown>>(seat: TeamSeat, method: 'GET' | 'POST', path: string, json?: unknown): Promise<T> =>
    (await seat.client.call(method, path, json)) as T;
  /** The contact's consent record for the customer panel; undefined (the panel says nothing) when the hub cannot be asked. */
  const consentOf = async (seat: TeamSeat, contactId: number) => {
    const out = await hub<{ consent?: unknown }>(seat, 'GET', `/v1/contacts/${contactId}/consent`).catch(() => undefined);
    const parsed = ConsentRecordDto.nullable().safeParse(out?.consent);
    return out && parsed.success ? parsed.data : undefined;
  };
  /** The customer panel of the whole conversation from the hub; what it says instead when the hub does not give it. */
  const customerPanelOf = async (seat: TeamSeat, conversationId: number): Promise<CustomerPanelView | 'unreachable' | 'not_given'> => {
    try {
      return (await hub<{ customer: CustomerPanelView }>(seat, 'GET', `/v1/conversations/${conversationId}/customer`)).customer;
    } catch (e) {
      return e instanceof DiwanError && e.code === 'hub_unreachable' ? 'unreachable' : 'not_given';
    }
  };
  const hubFile = async (seat: TeamSeat, messageId: number, index: number, purpose: 'show' | 'save') => {
    const f = await hub<{ mimeType?: string; fileName?: string; dataBase64?: string }>(seat, 'GET', `/v1/messages/${messageId}/attachments/${index}?purpose=${purpose}`);
    return checkAttachment({ content: Buffer.from(String(f.dataBase64 ?? ''), 'base64'), ...(f.mimeType ? { mimeType: f.mimeType } : {}), ...(f.fileName ? { fileName: f.fileName } : {}) }, 'file');
  };
  /**
   * The hub words its refusals in English; the ones this console can say itself are said in the agent's interface
   * language: the guard's reasons (the same guard runs here for the preview), and a newer customer message.
   */
  const refusalInLanguage = (code: string, hubSentence: string, text: string, lang: InterfaceLanguage | undefined): string => {
    if (!lang) return hubSentence;
    if (code === 'guard_blocked') {
      const d = core.guards.outbound.preview(text, { agentUsername: '', conversationId: 0, lang });
      return d.verdict === 'block' ? d.findings.filter((f) => f.verdict === 'block').map((f) => f.reason).join(' ') : hubSentence;
    }
    return code === ERROR_CODES.newerMessage ? say('send.newer_message', lang) : hubSentence;
  };
  const memberDto = (m: TeamMember & { totpEnabled?: boolean; createdAt?: number; channels?: string[] }) => ({
    id: String(m.id),
    username: m.username,
    displayName: m.displayName,
    role: m.role,
    totpEnabled: !!m.totpEnabled,
    disabled: m.disabled,
    createdAt: m.createdAt ?? 0,
    ...(m.channels ? { channels: m.channels } : {}),
  });

  /** A person as the hub's role routes return them, with the privileged role still waiting for a second administrator. */
  const grantedDto = (out: Record<string, unknown>) => {
    const m = out.member as TeamMember & { totpEnabled?: boolean; channels?: string[]; pendingRole?: Role };
    return { ...memberDto(m), ...(m.pendingRole ? { pendingRole: m.pendingRole } : {}) };
  };

  /** The embedded hub when it is the one this console follows (no hub in the policy). */
  const ownHub = () => {
    const own = core.embeddedHub();
    return own && core.team()?.url === own.url ? own : null;
  };
  const sessionView = async (ctx: CallContext) => {
    await core.ready();
    const t = team();
    const seat = t.seat(ctx.session);
    const own = seat ? null : ownHub();
    return {
      needsAdmin: own ? await own.needsAdmin() : false,
      signedIn: !!seat,
      pendingSecondFactor: !seat && t.pendingSecondFactor(ctx.session),
      user: seat ? { id: String(seat.user.id), username: seat.user.username, displayName: seat.user.displayName, role: seat.user.role } : null,
      permissions: t.permissions(ctx.session),
      twoFactor: { enabled: !!seat?.secondFactor, required: core.identity.currentPolicy.requireTwoFactor || !!seat?.mustEnrol, mustEnrol: !!seat?.mustEnrol },
      device: { fingerprint: core.identity.deviceIdentity.fingerprint, enrolled: !!seat },
      team: { hub: new URL(t.url).host },
    };
  };

  return {
    getStatus: () => core.status(),
    getNetworkStatus: () => networkStatus(core),

    getSession: async (_r, ctx) => sessionView(ctx),
    // The console's own embedded hub starts empty: its first run's set-up makes the first person administrator there
    // (in this process, as IT's `diwan hub user add` does on a hub host), then signs them in through the hub.
    createAdmin: async (r, ctx) => {
      await core.ready();
      const own = ownHub();
      if (!own) throw new DiwanError('team_accounts_at_hub', 'Accounts of a team are made by IT on the hub (`diwan hub user add`), not on a console.');
      await own.createFirstAdmin({ username: r.username, displayName: r.displayName, password: r.password });
      await team().signIn(ctx.session, r.username, r.password);
      return sessionView(ctx);
    },
    signIn: async (r, ctx) => (await core.ready(), { status: await team().signIn(ctx.session, r.username, r.password) }),
    signInSecondFactor: async (r, ctx) => {
      const proof = r.code ? { code: r.code } : r.recoveryCode ? { recoveryCode: r.recoveryCode } : null;
      if (!proof) throw new DiwanError('code_missing', 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.');
      return { status: await team().secondFactor(ctx.session, proof) };
    },
    signOut: (_r, ctx) => (team().signOut(ctx.session), { done: true as const }),
    changePassword: async (r, ctx) => (await hub(seatOf(ctx), 'POST', '/v1/me/password', { current: r.current, next: r.next }), { done: true as const }),
    // The hub makes and keeps the secret; this console only draws its QR code.
    beginTotpEnrolment: async (_r, ctx) => {
      const { otpauthUri } = await seatOf(ctx).client.beginSecondFactor();
      return { otpauthUri, qrDataUrl: await totpQrDataUrl(otpauthUri) };
    },
    confirmTotpEnrolment: async (r, ctx) => {
      const out = await seatOf(ctx).client.confirmSecondFactor(r.code);
      await team().enrolled(ctx.session);
      return out;
    },

    listUsers: async (_r, ctx) => {
      const seat = seatOf(ctx);
      const [{ members }, { requests }, resets] = await Promise.all([
        hub<{ members: TeamMember[] }>(seat, 'GET', '/v1/admin/users'),
        hub<{ requests: HubRoleGrantView[] }>(seat, 'GET', '/v1/admin/role-grants'),
        hub<{ requests: FactorResetRequest[] }>(seat, 'GET', '/v1/admin/factor-resets'),
      ]);
      const pending = new Map(requests.map((g) => [g.userId, g.role]));
      const resetting = new Set(resets.requests.map((q) => q.userId));
      return {
        users: members.map((m) => ({
          ...memberDto(m),
          ...(pending.has(m.id) ? { pendingRole: pending.get(m.id)! } : {}),
          ...(resetting.has(m.id) ? { pendingFactorReset: true } : {}),
        })),
      };
    },
    // The hub checks the permission again, asks for a second administrator when its policy says so, and audits.
    createUser: async (r, ctx) => grantedDto(await hub(seatOf(ctx), 'POST', '/v1/admin/users', r)),
    setUserRole: async (r, ctx) => grantedDto(await hub(seatOf(ctx), 'POST', `/v1/admin/users/${Number(r.userId)}/role`, { role: r.role })),
    setUserDisabled: async (r, ctx) => memberDto((await hub<{ member: TeamMember }>(seatOf(ctx), 'POST', `/v1/admin/users/${Number(r.userId)}`, { disabled: r.disabled })).member),
    setUserChannels: async (r, ctx) => {
      const out = await hub<{ member: TeamMember; channels: string[] }>(seatOf(ctx), 'POST', `/v1/admin/users/${Number(r.userId)}`, { channels: r.channels });
      return { ...memberDto(out.member), channels: out.channels };
    },
    // With the hub's two-administrator policy the reset only waits (`factorReset`); the Users tab says so and lists it.
    resetUserTwoFactor: async (r, ctx) => {
      const out = await hub<{ member: TeamMember; factorReset?: FactorResetRequest }>(seatOf(ctx), 'POST', `/v1/admin/users/${Number(r.userId)}`, { resetSecondFactor: true });
      return { ...memberDto(out.member), ...(out.factorReset ? { pendingFactorReset: true } : {}) };
    },
    listFactorResets: async (_r, ctx) => ({
      requests: (await hub<{ requests: FactorResetRequest[] }>(seatOf(ctx), 'GET', '/v1/admin/factor-resets')).requests.map((q) => ({ requestId: String(q.id), ...waitingDto(q) })),
    }),
    confirmFactorReset: async (r, ctx) => {
      hubRequestId(r.requestId, 'reset_request_unknown', 'This reset request does not exist or has expired. Ask for the reset again.');
      return memberDto((await hub<{ member: TeamMember }>(seatOf(ctx), 'POST', `/v1/admin/factor-resets/${r.requestId}/confirm`, {})).member);
    },
    declineFactorReset: async (r, ctx) => {
      hubRequestId(r.requestId, 'reset_request_unknown', 'This reset request does not exist or has expired.');
      return memberDto((await hub<{ member: TeamMember }>(seatOf(ctx), 'POST', `/v1/admin/factor-resets/${r.requestId}/decline`, { reason: r.reason })).member);
    },
    listRoleGrants: async (_r, ctx) => ({
      requests: (await hub<{ requests: HubRoleGrantView[] }>(seatOf(ctx), 'GET', '/v1/admin/role-grants')).requests.map((g) => ({ grantId: String(g.id), role: g.role, from: g.from, ...waitingDto(g) })),
    }),
    confirmRoleGrant: async (r, ctx) => {
      hubRequestId(r.grantId, 'role_request_not_found', 'This role request does not exist or has expired. Ask for the role again.');
      return grantedDto(await hub(seatOf(ctx), 'POST', `/v1/admin/role-grants/${r.grantId}/confirm`, {}));
    },
    declineRoleGrant: async (r, ctx) => {
      hubRequestId(r.grantId, 'role_request_not_found', 'This role request does not exist or has expired.');
      return grantedDto(await hub(seatOf(ctx), 'POST', `/v1/admin/role-grants/${r.grantId}/decline`, { reason: r.reason }));
    },

    requestReveal: async (r, ctx) => {
      const seat = seatOf(ctx);
      const out = await hub<{ reveal: { id: number; state: string }; type: string }>(seat, 'POST', '/v1/reveals', {
        messageId: r.messageId,
        field: r.fieldIndex,
        reason: r.reason,
      });
      if (out.reveal.state !== 'granted') return { status: 'pending' as const, requestId: String(out.reveal.id), fieldType: out.type };
      // Granted at once: the custodian re-seals the one value to a key made for this call (the hub cannot read it).
      const opened = await seat.client.openReveal(out.reveal.id);
      return shownReveal({ status: 'granted' as const, grantId: String(out.reveal.id), fieldType: opened.type, expiresAt: opened.expiresAt, value: opened.value });
    },
    readReveal: async (r, ctx) => {
      const seat = seatOf(ctx);
      const state = (await hub<{ reveal: { state: string; expiresAt: number } }>(seat, 'GET', `/v1/reveals/${Number(r.grantId)}`)).reveal;
      if (state.state === 'pending') throw new DiwanError(ERROR_CODES.revealPending, 'A team lead has not approved this reveal yet.');
      if (state.state === 'denied') throw new DiwanError(ERROR_CODES.revealDenied, 'A team lead declined this reveal request.');
      if (state.expiresAt <= core.clock.now()) throw new DiwanError('reveal_expired', 'This reveal has expired; request it again with a reason.');
      const opened = await seat.client.openReveal(Number(r.grantId));
      return shownReveal({ value: opened.value, fieldType: opened.type, expiresAt: opened.expiresAt });
    },
    listOwnReveals: async (_r, ctx) => ({
      reveals: (
        await hub<{ reveals: Array<{ id: number; messageId: number; fieldN: number; type: string; state: 'pending' | 'granted' | 'denied' }> }>(seatOf(ctx), 'GET', '/v1/reveals/mine')
      ).reveals.map((r) => ({ requestId: String(r.id), messageId: r.messageId, fieldIndex: r.fieldN, fieldType: r.type, state: r.state })),
    }),
    listRevealApprovals: async (_r, ctx) => {
      const seat = seatOf(ctx);
      const view = rows(seat);
      const out = await hub<{ reveals: Array<{ id: number; messageId: number; fieldN: number; requesterId: number; reason: string; type?: string; conversationId?: number; createdAt?: number }> }>(
        seat,
        'GET',
        '/v1/reveals/pending',
      );
      return {
        requests: out.reveals
          .filter((x) => x.requesterId !== seat.user.id)
          .map((x) => ({
            requestId: String(x.id),
            requestedBy: view.ref(x.requesterId)?.name ?? String(x.requesterId),
            conversationId: x.conversationId ?? null,
            messageId: x.messageId,
            fieldIndex: x.fieldN,
            fieldType: x.type ?? 'UNKNOWN',
            reason: x.reason,
            requestedAt: x.createdAt ?? 0,
          })),
      };
    },
    decideReveal: async (r, ctx) => {
      // Approving, this console's device countersigns exactly that request; the custodian checks it too.
      const out = (await seatOf(ctx).client.decideReveal(Number(r.requestId), r.approve)) as { reveal: { state: 'granted' | 'denied'; expiresAt: number } };
      return { status: out.reveal.state, expiresAt: out.reveal.state === 'granted' ? out.reveal.expiresAt : null };
    },

    getReviewTranscript: async (r, ctx) => {
      const seat = seatOf(ctx);
      const c = conversationOf(seat, r.conversationId);
      const view = rows(seat);
      const reviews = await hub<{ reviews: HubReview[] }>(seat, 'GET', `/v1/conversations/${c.id}/reviews`);
      const contact = c.contact.displayName ?? c.contact.handle ?? '';
      return {
        conversationId: c.id,
        channel: view.kind(c.channelId),
        contact,
        contactSegments: toSegments(contact),
        messages: seat.cache.messages(c.id).map((m) => ({
          id: m.id,
          direction: m.direction,
          sentAt: m.sentAt,
          author: view.ref(m.authorId)?.name ?? null,
          text: m.maskedText,
          segments: toSegments(m.maskedText),
          textDirection: textDirection(m.maskedText),
        })),
        reviews: reviews.reviews.map((x) => reviewDto(view, x)),
      };
    },
    listQualityScores: async (r, ctx) => {
      const seat = seatOf(ctx);
      const out = await hub<{ reviews: HubReview[] }>(seat, 'GET', `/v1/conversations/${r.conversationId}/reviews`);
      const view = rows(seat);
      return { reviews: out.reviews.map((x) => reviewDto(view, x)) };
    },
    setQualityScore: async (r, ctx) => {
      const seat = seatOf(ctx);
      const out = await hub<{ review: HubReview }>(seat, 'POST', `/v1/conversations/${r.conversationId}/review`, { score: r.score, comment: r.comment });
      return reviewDto(rows(seat), out.review);
    },
    // Made and signed at the hub (its grant key), from what the hub holds, not this console's cache.
    exportTranscript: async (r, ctx) =>
      (await hub<{ export: SignedExport }>(seatOf(ctx), 'POST', `/v1/conversations/${r.conversationId}/export`, { format: r.format })).export,
    listAudit: async (r, ctx) => {
      const q = new URLSearchParams({ limit: String(r.limit), newestFirst: String(r.newestFirst), ...(r.afterSeq !== undefined ? { afterSeq: String(r.afterSeq) } : {}) });
      const out = await hub<{ entries: Array<{ device: string | null }> }>(seatOf(ctx), 'GET', `/v1/audit?${q}`);
      return { entries: out.entries.map((e) => ({ ...e, device: e.device ?? '' })) as never };
    },
    verifyAudit: async (_r, ctx) => {
      const v = await hub<{ entries: number; lastSeq: number; broken: { seq: number; why: string } | null }>(seatOf(ctx), 'GET', '/v1/audit/verify');
      return {
        ok: !v.broken,
        entries: v.entries,
        lastSeq: v.lastSeq,
        // The hub's chain is checked link by link; its head is not yet checkpointed outside the database.
        headChecked: false,
        problems: v.broken ? [{ kind: 'chain_broken', seq: v.broken.seq, message: `Entry ${v.broken.seq}: ${v.broken.why}.` }] : [],
      };
    },

    listConversations: (r, ctx) => {
      const seat = seatOf(ctx);
      const at = r.cursor ? /^(\d+):(\d+)$/.exec(r.cursor) : null;
      if (r.cursor && !at) throw new DiwanError('bad_cursor', 'The list position was not valid; the inbox starts again from the top.');
      const labelId = r.filter.label ? seat.cache.labels().find((l) => l.name.toLowerCase() === r.filter.label!.toLowerCase())?.id ?? -1 : undefined;
      const page = seat.cache.page({
        ...(r.filter.scope === 'mine' ? { assigneeId: seat.user.id } : r.filter.scope === 'unassigned' ? { assigneeId: null } : {}),
        ...(r.filter.status ? { status: r.filter.status } : {}),
        ...(r.filter.channelId ? { channelId: r.filter.channelId } : {}),
        ...(labelId !== undefined ? { labelId } : {}),
        ...(at ? { after: { at: Number(at[1]), id: Number(at[2]) } } : {}),
        limit: r.limit + 1,
      });
      const view = rows(seat);
      const items = page.items.slice(0, r.limit);
      const last = items[items.length - 1];
      return {
        items: items.map((c) => summaryDto(view.conversation(c))),
        nextCursor: page.items.length > r.limit && last ? `${last.lastMessageAt}:${last.id}` : null,
        total: page.total,
      };
    },
    inboxCounts: (_r, ctx) => {
      const seat = seatOf(ctx);
      const view = rows(seat);
      const open = (f: { assigneeId?: number | null }) =>
        seat.cache.page({ ...f, status: 'open', limit: 0 }).total + seat.cache.page({ ...f, status: 'pending', limit: 0 }).total;
      const unread = seat.cache.unreadByChannel();
      return {
        mine: open({ assigneeId: seat.user.id }),
        unassigned: open({ assigneeId: null }),
        all: open({}),
        labels: seat.cache.labels().map((l) => l.name).slice(0, 200),
        channels: seat.cache.channels().map((c) => ({ id: c.id, kind: view.kind(c.id), name: c.name, unread: unread.get(c.id) ?? 0 })),
      };
    },
    channelHealth: (_r, ctx) => {
      const seat = seatOf(ctx);
      // The hub node running each channel reports its health on the stream; out of touch with the hub, this console
      // cannot know it and says why.
      return seat.cache.channels().map((c) =>
        seat.client.connected
          ? { channelId: c.id, ...(c.health ?? { state: 'unknown' as const, checkedAt: null }) }
          : { channelId: c.id, state: 'unknown' as const, detail: `Hub: ${seat.client.streamProblem ?? 'not connected'}`, checkedAt: c.health?.checkedAt ?? null },
      );
    },
    listAgents: (_r, ctx) =>
      seatOf(ctx)
        .cache.team()
        .filter((m) => !m.disabled && (m.role === 'agent' || m.role === 'lead'))
        .map((m) => ({ id: String(m.id), name: m.displayName || m.username })),

    openConversation: async (r, ctx) => {
      const seat = seatOf(ctx);
      // The hub records the opening and answers with the conversation and its latest messages, as this person's role
      // may read them (masked); out of reach, the cache still reads. A conversation the cache does not hold (an
      // earlier one of this customer, from before this person could read its channel) is kept from that answer.
      const cached = seat.cache.conversation(r.conversationId);
      const answer = await hub<{ conversation: ConversationView; messages: MessageView[]; labelIds?: number[]; snoozedUntil?: number | null }>(seat, 'GET', `/v1/conversations/${r.conversationId}/messages`).catch((e: unknown) => {
        if (e instanceof HubRefusal) throw e;
        if (!cached) throw new DiwanError('conversation_not_fetched', 'This earlier conversation is not kept on this computer, and the team hub cannot be reached to fetch it. Open it again when the hub is back.');
        return null;
      });
      // With its labels and snooze (a hub older than this console sends neither: they come with their next change).
      if (!cached && answer) seat.cache.adopt(answer.conversation, answer.messages, { labelIds: answer.labelIds ?? [], snoozedUntil: answer.snoozedUntil ?? null });
      const c = conversationOf(seat, r.conversationId);
      seat.cache.markRead(c.id);
      const [consent, panel] = await Promise.all([consentOf(seat, c.contact.id), customerPanelOf(seat, c.id)]);
      const seatRows = rows(seat);
      const detail = seatRows.detail(seat.cache.conversation(c.id) ?? c);
      if (consent !== undefined) detail.customer.consent = consent;
      if (typeof panel === 'object') detail.customer = seatRows.customerFromHub(detail.customer, panel);
      else if (panel === 'unreachable' && detail.customer.fieldsFrom) detail.customer.fieldsFrom.hubUnreachable = true;
      const waiting = seat.cache.waiting(c.id).map((w) => ({
        // Replies the hub has not taken yet are numbered from the top of the id range, apart from the hub's ids.
        id: Number.MAX_SAFE_INTEGER - w.n,
        direction: 'out' as const,
        sentAt: w.createdAt,
        maskedText: core.maskText(w.text),
        author: { id: String(seat.user.id), name: seat.user.displayName || seat.user.username },
        delivery: w.state === 'held' ? { state: 'failed' as const, ...(w.reason ? { reason: w.reason } : {}) } : { state: 'queued' as const },
      }));
      // The latest page of what the cache holds, as a single seat's opening (the customer panel and the reply window
      // above were read from all of it); the pages before it come from the cache with `olderMessages`.
      const latest = detail.messages.slice(-MESSAGE_PAGE);
      return detailDto({ ...detail, messages: [...latest, ...waiting], moreBefore: detail.messages.length > MESSAGE_PAGE });
    },
    // The page before a message the console shows, from the cache (in its order, by id). The hub recorded the opening
    // that brought these messages to this console; reading the cache again sends nothing to it.
    olderMessages: (r, ctx) => {
      const seat = seatOf(ctx);
      conversationOf(seat, r.conversationId);
      const before = seat.cache.messages(r.conversationId).filter((m) => m.id < r.before.id);
      const page = before.slice(-MESSAGE_PAGE);
      const seatRows = rows(seat);
      return { messages: page.map((m) => messageDto(seatRows.message(m))), moreBefore: before.length > MESSAGE_PAGE };
    },
    setConversationStatus: async (r, ctx) => {
      const seat = seatOf(ctx);
      conversationOf(seat, r.conversationId);
      if (r.status === 'snoozed') {
        if (!r.snoozeUntil) throw new DiwanError('snooze_needs_time', 'Choose until when to snooze the conversation.');
        const out = await hub<{ conversation: never; until: number }>(seat, 'POST', `/v1/conversations/${r.conversationId}/snooze`, { until: r.snoozeUntil });
        return summaryDto({ ...rows(seat).conversation(out.conversation), snoozedUntil: out.until });
      }
      const out = await hub<{ conversation: never }>(seat, 'POST', `/v1/conversations/${r.conversationId}/status`, { status: r.status });
      return summaryDto(rows(seat).conversation(out.conversation));
    },
    assignConversation: async (r, ctx) => {
      const seat = seatOf(ctx);
      const c = conversationOf(seat, r.conversationId);
      const assigneeId = r.assignee === 'me' ? seat.user.id : r.assignee === null ? null : Number(r.assignee);
      // Compare-and-set on the version this console saw: a colleague's change meanwhile is refused, not overwritten.
      const out = await hub<{ conversation: never }>(seat, 'POST', `/v1/conversations/${c.id}/assign`, { assigneeId, version: c.version });
      return summaryDto(rows(seat).conversation(out.conversation));
    },
    addNote: async (r, ctx) => {
      const seat = seatOf(ctx);
      conversationOf(seat, r.conversationId);
      const out = await hub<{ noteId: number }>(seat, 'POST', `/v1/conversations/${r.conversationId}/notes`, { text: r.text });
      return noteDto(rows(seat).note({ id: out.noteId, conversationId: r.conversationId, authorId: seat.user.id, maskedText: core.maskText(r.text), at: core.clock.now() }));
    },
    // The list comes from the hub itself, not the cache: right after a change the stream may not have brought it yet.
    listLabels: async (_r, ctx) => (await hub<{ labels: Array<{ id: number; name: string }> }>(seatOf(ctx), 'GET', '/v1/labels')).labels.map(labelDto),
    saveLabel: async (r, ctx) =>
      labelDto((await hub<{ label: { id: number; name: string } }>(seatOf(ctx), 'POST', r.id ? `/v1/labels/${r.id}` : '/v1/labels', { name: r.name })).label),
    deleteLabel: async (r, ctx) => (await hub(seatOf(ctx), 'POST', `/v1/labels/${r.id}/delete`, {}), { deleted: true as const }),
    setLabels: async (r, ctx) => {
      const seat = seatOf(ctx);
      const c = conversationOf(seat, r.conversationId);
      const known = new Map(seat.cache.labels().map((l) => [l.name.toLowerCase(), l.id]));
      const ids: number[] = [];
      // Labels made just now: the stream may not have brought them to the cache when the answer is built.
      const created = new Map<number, string>();
      for (const name of new Set(r.labels)) {
        let id = known.get(name.toLowerCase());
        // A new label joins the team's list only from someone who keeps that list (a lead or an administrator).
        if (id === undefined) {
          const made = (await hub<{ label: { id: number; name?: string } }>(seat, 'POST', '/v1/labels', { name })).label;
          id = made.id;
          created.set(id, made.name ?? name);
        }
        ids.push(id);
      }
      const out = await hub<{ labelIds: number[] }>(seat, 'POST', `/v1/conversations/${c.id}/labels`, { labelIds: ids });
      return summaryDto({ ...rows(seat).conversation(c), labels: labelNames(seat, out.labelIds, created) });
    },
    reportScam: async (r, ctx) => {
      const out = await hub<{ drill: boolean }>(seatOf(ctx), 'POST', `/v1/messages/${r.messageId}/scam-report`, {});
      return { drill: out.drill };
    },
    resolveUnknownDelivery: async (r, ctx) => {
      const seat = seatOf(ctx);
      const out = await hub<{ reply: { messageId: number; conversationId: number; state: string } }>(seat, 'POST', `/v1/messages/${r.messageId}/delivery-doubt`, { action: r.action });
      const cached = seat.cache.messages(out.reply.conversationId).find((m) => m.id === r.messageId);
      if (!cached) throw new DiwanError('not_found', 'That reply no longer exists.');
      // The hub has decided; its `message.delivery` event may not have reached this cache yet.
      return messageDto(rows(seat).message({ ...cached, delivery: out.reply.state }));
    },

    listCannedReplies: (_r, ctx) => seatOf(ctx).cache.cannedReplies().map((c) => ({ id: c.id, shortcut: c.shortcut, title: c.title, body: c.body })),
    saveCannedReply: async (r, ctx) => {
      const body = { shortcut: r.shortcut, title: r.title, body: r.body };
      const out = await hub<{ cannedReply: { id: number; shortcut: string; title: string; body: string } }>(seatOf(ctx), 'POST', r.id ? `/v1/canned-replies/${r.id}` : '/v1/canned-replies', body);
      return { id: out.cannedReply.id, shortcut: out.cannedReply.shortcut, title: out.cannedReply.title, body: out.cannedReply.body };
    },
    deleteCannedReply: async (r, ctx) => (await hub(seatOf(ctx), 'POST', `/v1/canned-replies/${r.id}/delete`, {}), { deleted: true as const }),
    fillCannedReply: (r, ctx) => {
      const seat = seatOf(ctx);
      const canned = seat.cache.cannedReplies().find((x) => x.id === r.cannedReplyId);
      const c = seat.cache.conversation(r.conversationId);
      if (!canned || !c) throw new DiwanError('not_found', 'That canned reply or conversation no longer exists.');
      const name = c.contact.displayName ?? '';
      const me = seat.user.displayName || seat.user.username;
      return fillTemplate(canned.body, {
        'customer.firstName': name.split(/\s+/)[0] ?? '',
        'customer.name': name,
        'agent.name': me.split(' ')[0] ?? me,
        'channel.name': seat.cache.channels().find((x) => x.id === c.channelId)?.name ?? '',
      });
    },
    checkReply: (r, ctx) => {
      const seat = seatOf(ctx);
      const d = core.guards.outbound.preview(r.text, { agentUsername: seat.user.username, conversationId: r.conversationId, lang: r.lang ?? detectLang(r.text) });
      return { verdict: d.verdict, findings: d.findings.map((f) => ({ code: f.code, message: f.reason })), approvable: d.approvable };
    },
    sendReply: async (r, ctx) => {
      const seat = seatOf(ctx);
      const c = conversationOf(seat, r.conversationId);
      const detail = rows(seat).detail(c);
      // The same rules as single-seat, on what this console has seen; the hub checks again against what it holds.
      const lang = r.lang ?? 'en';
      checkReplyAllowed({
        latestInboundId: latestInbound(detail.messages),
        seenInboundId: r.seenInboundId,
        window: detail.replyWindow,
        humanAgentTag: r.humanAgentTag,
        channelKind: detail.summary.channelKind,
        text: r.text,
        lang,
      });
      if (r.approvalToken) {
        // A reply a lead approved goes at once with its approval (the hub uses it up in the same transaction).
        const sent = await hub<{ messageId: number }>(seat, 'POST', `/v1/conversations/${c.id}/replies`, {
          clientId: crypto.randomBytes(12).toString('base64url'),
          text: r.text,
          seenSeq: seat.cache.cursor(),
          approvalId: Number(r.approvalToken),
          ...(r.humanAgentTag ? { humanAgentTag: true } : {}),
        });
        return messageDto({ id: sent.messageId, direction: 'out', sentAt: core.clock.now(), maskedText: core.maskText(r.text), author: { id: String(seat.user.id), name: seat.user.displayName || seat.user.username }, delivery: { state: 'queued' } });
      }
      const clientId = await seat.client.reply(c.id, r.text, draftSeenSeq(seat, c.id), { humanAgentTag: r.humanAgentTag });
      const entry = seat.cache.outboxEntry(clientId);
      const refusal = seat.client.refusalOf(clientId);
      if (entry?.state === 'held' && refusal?.code === 'newer_activity') {
        // The hub's send-time check: kept, held, for its author to look first or send anyway (workflow.ts).
        throw new DiwanError('reply_held', r.lang ? say('send.held', r.lang) : refusal.message, { heldId: clientId });
      }
      if (entry?.state === 'held' && refusal) {
        seat.cache.dropQueued(clientId);
        const code = refusal.code === 'reply_blocked' ? 'guard_blocked' : refusal.code === 'newer_activity' ? ERROR_CODES.newerMessage : refusal.code;
        throw new DiwanError(code, refusalInLanguage(code, refusal.message, r.text, r.lang));
      }
      draftDone(seat, c.id);
      const me = { id: String(seat.user.id), name: seat.user.displayName || seat.user.username };
      const sent = entry?.messageId ? seat.cache.messages(c.id).find((m) => m.id === entry.messageId) : undefined;
      if (sent) return messageDto(rows(seat).message(sent));
      return messageDto({
        id: entry?.messageId ?? Number.MAX_SAFE_INTEGER - (entry?.n ?? 0),
        direction: 'out',
        sentAt: core.clock.now(),
        maskedText: core.maskText(r.text),
        author: me,
        delivery: { state: 'queued' },
      });
    },
    requestReplyApproval: async (r, ctx) => {
      const seat = seatOf(ctx);
      conversationOf(seat, r.conversationId);
      const out = await hub<{ approval: HubApproval }>(seat, 'POST', `/v1/conversations/${r.conversationId}/reply-approvals`, { text: r.text });
      return approvalDto(rows(seat), out.approval);
    },
    replyApprovalStatus: async (r, ctx) => {
      const out = await hub<{ approval: HubApproval }>(seatOf(ctx), 'GET', `/v1/reply-approvals/${r.requestId}`);
      const state = approvalState(out.approval.state);
      // The approval's id is the token: the hub binds it to this person, conversation and exact text.
      return { state, approvalToken: out.approval.state === 'approved' ? String(out.approval.id) : null };
    },

    search: (r, ctx) => {
      const seat = seatOf(ctx);
      const terms = foldText(r.query).split(/\s+/).filter(Boolean);
      const view = rows(seat);
      const hits = seat.cache
        .search(terms, (masked) => foldText(textWithoutTokens(masked)), 200)
        .filter((m) => {
          const c = seat.cache.conversation(m.conversationId);
          return (
            !!c &&
            (!r.channelId || c.channelId === r.channelId) &&
            (!r.status || c.status === r.status) &&
            (r.from === undefined || m.sentAt >= r.from) &&
            (r.to === undefined || m.sentAt <= r.to)
          );
        });
      const nameTerms = queryTerms(r.query);
      const customers = seat.cache.latestPerCustomer(
        nameTerms,
        (c) =>
          (!r.channelId || c.channelId === r.channelId) &&
          (!r.status || c.status === r.status) &&
          (r.from === undefined || c.lastMessageAt >= r.from) &&
          (r.to === undefined || c.lastMessageAt <= r.to),
        Math.min(r.limit, MAX_CUSTOMER_HITS),
        MAX_CUSTOMER_MATCHES,
      );
      return {
        customers: customers.conversations.map((c) =>
          customerHitDto(
            {
              conversationId: c.id,
              channelKind: view.kind(c.channelId),
              contactName: c.contact.displayName ?? c.contact.handle ?? '',
              handle: c.contact.handle ?? '',
              status: c.status,
              lastActivityAt: c.lastMessageAt,
            },
            r.query,
          ),
        ),
        customersTotal: customers.total,
        total: hits.length,
        hits: hits.slice(0, r.limit).map((m) => {
          const c = seat.cache.conversation(m.conversationId)!;
          return {
            conversationId: m.conversationId,
            messageId: m.id,
            channelKind: view.kind(c.channelId),
            sentAt: m.sentAt,
            direction: m.direction,
            segments: highlight(toSegments(m.maskedText), r.query),
            textDirection: textDirection(m.maskedText),
            contactName: highlight(toSegments(c.contact.displayName ?? c.contact.handle ?? ''), r.query),
            status: c.status,
          };
        }),
      };
    },
    notifyAssigned: () => ({ shown: false }),

    reviewQueue: async (_r, ctx) => {
      const seat = seatOf(ctx);
      const view = rows(seat);
      const out = await hub<{ items: Array<{ conversation: { id: number; channelId: string; assigneeId: number | null; lastMessageAt: number }; review: HubReview | null }> }>(seat, 'GET', '/v1/review/queue');
      return out.items.map((i) => ({
        conversationId: i.conversation.id,
        channelKind: view.kind(i.conversation.channelId),
        agent: view.ref(i.conversation.assigneeId),
        resolvedAt: i.conversation.lastMessageAt,
        score: i.review ? Math.round(i.review.score) : null,
      }));
    },
    reportSummary: async (r, ctx) => {
      const seat = seatOf(ctx);
      const view = rows(seat);
      const { report } = await hub<{ report: HubReport }>(seat, 'GET', `/v1/reports/summary?${new URLSearchParams({ from: String(r.from), to: String(r.to) })}`);
      const { perChannel, ...rest } = report;
      return { ...rest, perChannel: perChannel.map((c) => ({ channelId: c.channelId, channelKind: view.kind(c.channelId), channelName: c.name, inbound: c.inbound, outbound: c.outbound, conversations: c.conversations })) };
    },
    listAlerts: async (_r, ctx) => (await hub<{ alerts: HubAlertView[] }>(seatOf(ctx), 'GET', '/v1/alerts')).alerts.map(alertDto),
    acknowledgeAlert: async (r, ctx) => alertDto((await hub<{ alert: HubAlertView }>(seatOf(ctx), 'POST', `/v1/alerts/${r.alertId}/acknowledge`, {})).alert),
    listReplyApprovals: async (_r, ctx) => {
      const seat = seatOf(ctx);
      const view = rows(seat);
      return (await hub<{ approvals: HubApproval[] }>(seat, 'GET', '/v1/reply-approvals/pending')).approvals.filter((a) => a.requesterId !== seat.user.id).map((a) => approvalDto(view, a));
    },
    decideReplyApproval: async (r, ctx) => {
      const seat = seatOf(ctx);
      return approvalDto(rows(seat), (await hub<{ approval: HubApproval }>(seat, 'POST', `/v1/reply-approvals/${r.requestId}/decide`, { approve: r.approve })).approval);
    },

    // Channel credentials go to the hub's secret store once and never come back: the hub says only whether they exist.
    listChannels: async (_r, ctx) => {
      const seat = seatOf(ctx);
      const unread = seat.cache.unreadByChannel();
      return (await hub<{ channels: HubChannelView[] }>(seat, 'GET', '/v1/admin/channels')).channels.map((c) => channelDto(c, unread));
    },
    saveChannel: async (r, ctx) => {
      const seat = seatOf(ctx);
      const out = await hub<{ channel: HubChannelView }>(seat, 'POST', '/v1/admin/channels', { ...(r.id ? { id: r.id } : {}), kind: r.kind, name: r.name, credentials: r.credentials, ...(r.settings ? { settings: r.settings } : {}) });
      return channelDto(out.channel, seat.cache.unreadByChannel());
    },
    // The hub tests with the credentials in its secret store and removes the channel for every console (routes/channel-admin.ts).
    testChannel: async (r, ctx) => {
      const out = await hub<{ outcome: string; detail: string | null }>(seatOf(ctx), 'POST', `/v1/admin/channels/${encodeURIComponent(r.id)}/test`, {});
      const outcome = (CHANNEL_CHECK_OUTCOMES as readonly string[]).includes(out.outcome) ? (out.outcome as ChannelCheckOutcome) : 'platform_error';
      return { outcome, detail: out.detail === null ? null : String(out.detail).slice(0, 500) };
    },
    removeChannel: async (r, ctx) => {
      const out = await hub<{ conversationsKept: number }>(seatOf(ctx), 'POST', `/v1/admin/channels/${encodeURIComponent(r.id)}/remove`, {});
      return { removed: true as const, conversationsKept: Math.max(0, Math.trunc(Number(out.conversationsKept) || 0)) };
    },
    deviceStatus: () => deviceStatusOf(core),
    // The hub starts the drill on a channel of the agent and scores their responses (`main/hub/routes/drills.ts`).
    scheduleDrill: async (r, ctx) => {
      const out = await hub<{ drillId: string; messagesSent: number }>(seatOf(ctx), 'POST', '/v1/drills', {
        ...(r.kind ? { kind: r.kind } : {}),
        ...(r.channelId ? { channelId: r.channelId } : {}),
        ...(r.agentId ? { agentId: Number(r.agentId) } : {}),
      });
      return { drillId: out.drillId, messagesSent: out.messagesSent };
    },
    drillReport: async (r, ctx) => {
      const { report } = await hub<{ report: HubDrillReport }>(seatOf(ctx), 'GET', `/v1/drills/${r.drillId}/report`);
      return {
        drillId: report.drillId,
        startsAt: report.startsAt,
        endsAt: report.endsAt,
        messagesSent: report.messagesSent,
        agents: report.agents.map((a) => ({ agent: { id: String(a.userId), name: a.displayName || a.username }, flagged: a.flagged, unsafeReplies: a.unsafeReplies, safeReplies: a.safeReplies })),
      };
    },
    ...workflowHandlers(core, seatOf),
    ...heldHandlers(core, seatOf),
    // The hub fetches the file through the channel and checks it; the same check runs here on the bytes received.
    showAttachment: async (r, ctx) => {
      const file = await hubFile(seatOf(ctx), r.messageId, r.index, 'show');
      if (file.display !== 'image') throw new DiwanError('attachment_not_image', 'This file is not a picture Diwan can show; save it instead.');
      return { mimeType: file.mimeType as (typeof SHOWN_IMAGE_TYPES)[number], dataBase64: file.content.toString('base64') };
    },
    // The node running the channel calls Meta; the hub audits the attempt (routes/handover.ts).
    threadControl: async (r, ctx) => {
      const seat = seatOf(ctx);
      conversationOf(seat, r.conversationId);
      await seat.client.threadControl(r.conversationId, r.action);
      return { done: true as const };
    },
    saveAttachment: async (r, ctx) => {
      const file = await hubFile(seatOf(ctx), r.messageId, r.index, 'save');
      return { saved: await saveFile.save(file.fileName, file.content) };
    },
  };

}

function latestInbound(messages: Array<{ id: number; direction: 'in' | 'out' }>): number | null {
  return messages.reduce<number | null>((at, m) => (m.direction === 'in' && (at === null || m.id > at) ? m.id : at), null);
}

/** `GET /v1/reports/summary` (`main/hub/store/reports.ts`): the single-seat report's figures, computed at the hub. */
interface HubReport {
  from: number;
  to: number;
  perChannel: Array<{ channelId: string; kind: string; name: string; inbound: number; outbound: number; conversations: number }>;
  daily: Array<{ day: string; inbound: number }>;
  firstResponseMs: { p50: number | null; p90: number | null };
  resolutionMs: { p50: number | null; p90: number | null };
  resolved: number;
  slaBreaches: number;
  slaTargetMs: number;
}

/** The hub's drill report (`GET /v1/drills/:id/report`): counts per person, never a reply's text. */
interface HubDrillReport {
  drillId: string;
  startsAt: number;
  endsAt: number;
  messagesSent: number;
  agents: Array<{ userId: number; username: string; displayName: string; flagged: number; unsafeReplies: number; safeReplies: number }>;
}

interface HubChannelView {
  id: string;
  kind: string;
  name: string;
  enabled: boolean;
  hasCredentials: boolean;
  health: { state: 'ok' | 'degraded' | 'down' | 'unknown'; detail?: string; checkedAt: number | null };
}

/** `unread`: the cache's unread counts per channel, read once for the whole list. */
function channelDto(c: HubChannelView, unread: ReadonlyMap<string, number>) {
  return { id: c.id, kind: channelKindOf(c.kind), name: c.name, enabled: c.enabled, hasCredentials: c.hasCredentials, health: { channelId: c.id, ...c.health }, unread: unread.get(c.id) ?? 0 };
}

interface HubReview {
  conversationId: number;
  reviewerId: number;
  score: number;
  comment: string;
  updatedAt: number;
}
interface HubApproval {
  id: number;
  conversationId: number;
  requesterId: number;
  maskedText: string;
  reasons: string[];
  state: 'pending' | 'approved' | 'denied' | 'used';
  createdAt: number;
}
interface HubAlertView {
  id: number;
  kind: string;
  raisedAt: number;
  conversationId: number | null;
  details: Record<string, unknown>;
  acknowledgedAt: number | null;
}

function reviewDto(view: TeamRows, r: HubReview) {
  return { conversationId: r.conversationId, reviewer: view.ref(r.reviewerId)?.name ?? String(r.reviewerId), score: r.score, comment: r.comment, updatedAt: r.updatedAt };
}

const approvalState = (s: HubApproval['state']) => (s === 'denied' ? ('declined' as const) : s === 'pending' ? ('pending' as const) : ('approved' as const));

function approvalDto(view: TeamRows, a: HubApproval) {
  return {
    id: a.id,
    conversationId: a.conversationId,
    agent: view.ref(a.requesterId),
    segments: toSegments(a.maskedText),
    textDirection: textDirection(a.maskedText),
    reasons: a.reasons.slice(0, 20),
    requestedAt: a.createdAt,
    state: approvalState(a.state),
  };
}

/** The hub's alert in the console's terms: counts and conversation ids only, never customer text. */
function alertDto(a: HubAlertView) {
  const count = typeof a.details.count === 'number' ? a.details.count : typeof a.details.windowCount === 'number' ? a.details.windowCount : null;
  return {
    id: a.id,
    kind: a.kind,
    severity: a.kind === 'reply_secret_request' ? ('critical' as const) : ('warning' as const),
    createdAt: a.raisedAt,
    summary:
      a.kind === 'reply_secret_request'
        ? 'A reply asking the customer for a code, password, PIN or card was stopped by the guard.'
        : a.kind === 'scam_reported'
          ? `${typeof a.details.agent === 'string' ? a.details.agent : 'An agent'} reported a customer's message as a scam.`
          : `A spike in security messages${count !== null ? ` (${count} in the last window)` : ''}.`,
    conversationIds: [...new Set([a.conversationId, ...((a.details.conversationIds as number[] | undefined) ?? [])].filter((n): n is number => typeof n === 'number' && n > 0))].slice(0, 100),
    acknowledged: a.acknowledgedAt !== null,
  };
}

/** What every request waiting for a second administrator says (`FactorResetView`, `RoleGrantView`), ids as the contract's strings. */
function waitingDto(q: FactorResetRequest) {
  return { userId: String(q.userId), username: q.username, requestedBy: q.requestedBy, requestedById: String(q.requestedById), requestedAt: q.requestedAt, expiresAt: q.expiresAt };
}

/** A request id the renderer sends must be the hub's row number before it goes into a hub path; else no such request. */
function hubRequestId(id: string, code: string, sentence: string): void {
  if (!/^\d{1,15}$/.test(id)) throw new DiwanError(code, sentence);
}

const labelDto = (l: { id: number; name: string }) => ({ id: l.id, name: l.name });

function labelNames(seat: TeamSeat, ids: number[], created: ReadonlyMap<number, string> = new Map()): string[] {
  const names = new Map([...created, ...seat.cache.labels().map((l) => [l.id, l.name] as const)]);
  return ids.map((id) => names.get(id)).filter((n): n is string => !!n).sort();
}
