import type { ApprovalRequest, Core } from '../../core/app';
import { DiwanError } from '../../core/shared/errors';
import { relayNotConfigured } from '../../core/connectors/relay-client';
import { ATTACHMENT_KINDS, type ConsoleChannelName, type SHOWN_IMAGE_TYPES } from '../console-contract';
import type { Actor, ConsoleServices, ConversationDetailRow, ConversationRow, CustomerSearchRow, MessageRow, NoteRow } from '../console-port';
import type { CallContext, Handlers } from '../dispatch';
import { fillTemplate, highlight, textDirection, toSegments } from './segments';
import { ERROR_CODES } from '../../core/shared/vocabulary';
import { detectLang } from '../../core/guard';
import { AUDIT_ACTIONS } from '../../core/audit';

type ConsoleHandlers = Pick<Handlers<CallContext>, ConsoleChannelName>;

export const CHANNEL_LABEL: Record<string, string> = {
  telegram: 'Telegram',
  x: 'X',
  messenger: 'Messenger',
  instagram: 'Instagram',
  whatsapp: 'WhatsApp',
  email: 'E-mail',
  demo: 'Demo',
};

/**
 * The console's handlers: thin calls into the services, plus the DTO rule applied in one place — masked text
 * becomes segments here, so the renderer never sees (or parses) a token string.
 */
export function createConsoleHandlers(core: Core, s: ConsoleServices): ConsoleHandlers {
  const vault = core.vault;
  /** The caller, from the call's own session (the dispatcher has already checked it holds the permission). */
  const actorOf = (ctx: CallContext): Actor => {
    const session = core.identity.requireSession(ctx.session);
    const user = core.identity.users.byId(session.userId);
    return { id: session.userId, username: session.username, name: user?.displayName || session.username, role: session.role };
  };
  const userByUsername = (username: string) => {
    const u = core.identity.listUsers().find((x) => x.username === username);
    return u ? { id: u.id, name: u.displayName || u.username } : null;
  };
  const conversationOrFail = (id: number, opener: Actor | null, lang?: 'en' | 'ar' | 'fa'): ConversationDetailRow => {
    const c = s.inbox.conversation(id, { opener, ...(lang ? { lang } : {}) });
    if (!c) throw new DiwanError(ERROR_CODES.conversationUnknown, 'That conversation no longer exists. Pick another one from the inbox.');
    return c;
  };

  return {
    listConversations: (r, ctx) => {
      const page = s.inbox.listConversations({ actorId: actorOf(ctx).id, filter: r.filter, cursor: r.cursor, limit: r.limit });
      return { items: page.items.map(summaryDto), nextCursor: page.nextCursor, total: page.total };
    },
    inboxCounts: (_r, ctx) => s.inbox.counts(actorOf(ctx).id),
    channelHealth: () => s.inbox.channelHealth(),
    listAgents: () => s.inbox.agents(),

    openConversation: (r, ctx) => detailDto(conversationOrFail(r.conversationId, actorOf(ctx), r.lang)),
    olderMessages: (r, ctx) => {
      const page = s.inbox.olderMessages({ actor: actorOf(ctx), conversationId: r.conversationId, before: r.before, ...(r.lang ? { lang: r.lang } : {}) });
      return { messages: page.messages.map(messageDto), moreBefore: page.moreBefore };
    },
    showAttachment: async (r, ctx) => {
      const file = await s.attachments.fetch(actorOf(ctx).username, r.messageId, r.index, 'show');
      return { mimeType: file.mimeType as (typeof SHOWN_IMAGE_TYPES)[number], dataBase64: file.content.toString('base64') };
    },
    threadControl: async (r, ctx) => {
      conversationOrFail(r.conversationId, null);
      await s.threadControl.run(actorOf(ctx).username, r.conversationId, r.action);
      return { done: true as const };
    },
    saveAttachment: async (r, ctx) => {
      const file = await s.attachments.fetch(actorOf(ctx).username, r.messageId, r.index, 'save');
      return { saved: await s.saveFile.save(file.fileName, file.content) };
    },
    setConversationStatus: (r, ctx) => {
      if (r.status === 'snoozed' && !r.snoozeUntil) throw new DiwanError('snooze_needs_time', 'Choose until when to snooze the conversation.');
      return summaryDto(s.inbox.setStatus({ actor: actorOf(ctx), conversationId: r.conversationId, status: r.status, snoozeUntil: r.snoozeUntil ?? null }));
    },
    assignConversation: (r, ctx) => {
      const me = actorOf(ctx);
      const assigneeId = r.assignee === 'me' ? me.id : r.assignee;
      return summaryDto(s.inbox.assign({ actor: me, conversationId: r.conversationId, assigneeId }));
    },
    addNote: (r, ctx) => noteDto(s.inbox.addNote({ actor: actorOf(ctx), conversationId: r.conversationId, text: r.text })),
    listLabels: () => s.inbox.labels(),
    saveLabel: (r, ctx) => s.inbox.saveLabel({ actor: actorOf(ctx), ...r }),
    deleteLabel: (r, ctx) => (s.inbox.deleteLabel({ actor: actorOf(ctx), id: r.id }), { deleted: true as const }),
    setLabels: (r, ctx) => summaryDto(s.inbox.setLabels({ actor: actorOf(ctx), conversationId: r.conversationId, labels: [...new Set(r.labels)] })),
    reportScam: (r, ctx) => {
      const me = actorOf(ctx);
      const drillMessage = core.phishingDrills.drillMessageOf(r.messageId);
      if (drillMessage) core.guards.drills.recordFlag(drillMessage, me.username);
      else core.audit({ action: AUDIT_ACTIONS.scamReported, actor: me.username, target: `message:${r.messageId}` });
      return { drill: drillMessage !== null };
    },
    resolveUnknownDelivery: (r, ctx) => messageDto(s.inbox.resolveUnknownDelivery({ actor: actorOf(ctx), messageId: r.messageId, action: r.action })),

    listCannedReplies: () => s.composer.cannedReplies(),
    saveCannedReply: (r, ctx) => s.composer.saveCannedReply({ actor: actorOf(ctx), ...r }),
    deleteCannedReply: (r, ctx) => (s.composer.deleteCannedReply({ actor: actorOf(ctx), id: r.id }), { deleted: true as const }),
    fillCannedReply: (r, ctx) => {
      const t = s.composer.templateVariables({ actor: actorOf(ctx), conversationId: r.conversationId, cannedReplyId: r.cannedReplyId });
      if (!t) throw new DiwanError('not_found', 'That canned reply or conversation no longer exists.');
      return fillTemplate(t.body, t.variables);
    },
    checkReply: (r, ctx) => s.composer.check({ actor: actorOf(ctx), conversationId: r.conversationId, text: r.text, lang: r.lang ?? detectLang(r.text) }),
    sendReply: (r, ctx) =>
      messageDto(
        s.composer.queueReply({
          actor: actorOf(ctx),
          conversationId: r.conversationId,
          text: r.text,
          humanAgentTag: r.humanAgentTag,
          seenInboundId: r.seenInboundId,
          ...(r.approvalToken ? { approvalToken: r.approvalToken } : {}),
          ...(r.lang ? { lang: r.lang } : {}),
        }),
      ),

    requestReplyApproval: (r, ctx) => {
      const me = actorOf(ctx);
      conversationOrFail(r.conversationId, null);
      return approvalDto(core.guards.approvals.request({ text: r.text, conversationId: r.conversationId, agentUsername: me.username }), userByUsername);
    },
    replyApprovalStatus: (r, ctx) => core.guards.approvals.status({ id: r.requestId, agentUsername: actorOf(ctx).username }),

    search: (r, ctx) => {
      const { rows, total, customers, customersTotal, narrowed } = s.inbox.search({ ...r, actor: actorOf(ctx) });
      return {
        ...(narrowed ? { narrowed } : {}),
        total,
        customers: customers.map((c) => customerHitDto(c, r.query)),
        customersTotal,
        hits: rows.map((h) => ({
          conversationId: h.conversationId,
          messageId: h.messageId,
          channelKind: h.channelKind,
          sentAt: h.sentAt,
          direction: h.direction,
          segments: highlight(toSegments(h.maskedText), r.query),
          textDirection: textDirection(h.maskedText),
          contactName: highlight(toSegments(h.contactName), r.query),
          status: h.status,
        })),
      };
    },

    notifyAssigned: (r, ctx) => {
      const me = actorOf(ctx);
      const c = s.inbox.conversation(r.conversationId, { opener: null });
      if (!c || c.summary.assignee?.id !== me.id) return { shown: false };
      // Only the channel's kind goes into the text: never a customer name, handle or message.
      const shown = s.notifier.notify({
        title: 'Diwan',
        body: `New conversation assigned to you — ${CHANNEL_LABEL[c.summary.channelKind] ?? 'a channel'}`,
      });
      return { shown };
    },

    reviewQueue: () => s.lead.reviewQueue(),
    reportSummary: (r) => s.lead.report({ from: r.from, to: r.to }),
    listAlerts: () => s.lead.alerts(),
    acknowledgeAlert: (r, ctx) => s.lead.acknowledgeAlert({ actor: actorOf(ctx), alertId: r.alertId }),
    listReplyApprovals: () => core.guards.approvals.pending().map((a) => approvalDto(a, userByUsername)),
    decideReplyApproval: (r, ctx) => {
      const me = actorOf(ctx);
      const role = me.role === 'lead' || me.role === 'admin' ? me.role : 'agent';
      return approvalDto(core.guards.approvals.decide({ id: r.requestId, approve: r.approve, leadUsername: me.username, leadRole: role }), userByUsername);
    },

    listChannels: async () => {
      const stored = new Set(await vault.accounts('channel:'));
      return s.admin.channels().map((c) => ({ ...c, hasCredentials: stored.has(`channel:${c.id}`) }));
    },
    saveChannel: async (r, ctx) => {
      const me = actorOf(ctx);
      const id = r.id ?? `${r.kind}-${core.clock.now().toString(36)}`;
      const fields = Object.keys(r.credentials).sort();
      // A relay channel with no relay in the policy would never start: refused before anything is written.
      if (r.settings?.via === 'relay' && !core.relay()) throw relayNotConfigured(id);
      // Credentials go to the keychain first: a channel row never exists that claims secrets it does not have.
      // Connectors read `channel:<id>` as one JSON object of the platform's fields (loadChannelSecrets).
      if (fields.length) await vault.setChannelToken(id, JSON.stringify(r.credentials));
      s.admin.saveChannel({ actor: me, id, kind: r.kind, name: r.name, settings: r.settings });
      if (fields.length) s.admin.recordCredentialsSaved({ actor: me, channelId: id, fields });
      await core.channels.reload(id);
      const saved = s.admin.channels().find((c) => c.id === id);
      if (!saved) throw new DiwanError('internal', 'The channel was not saved.');
      return { ...saved, hasCredentials: (await vault.channelToken(id)) !== null };
    },
    testChannel: (r, ctx) => s.admin.testChannel({ actor: actorOf(ctx), id: r.id }),
    removeChannel: async (r, ctx) => ({ removed: true as const, ...(await s.admin.removeChannel({ actor: actorOf(ctx), id: r.id })) }),
    deviceStatus: () => s.admin.device(),
    scheduleDrill: (r, ctx) => {
      if (r.agentId !== undefined) throw new DiwanError('bad_request', 'On a single-seat console a drill goes to everyone on the demo channel: start it without choosing an agent.');
      const me = actorOf(ctx);
      const role = me.role === 'admin' || me.role === 'lead' ? me.role : 'agent';
      const { drillId, conversationIds } = core.phishingDrills.start({ schedulerUsername: me.username, role, ...(r.channelId ? { channelId: r.channelId } : {}), ...(r.kind ? { kinds: [r.kind] } : {}) });
      return { drillId, messagesSent: conversationIds.length };
    },
    drillReport: (r) => {
      const report = core.guards.drills.report(r.drillId);
      return {
        ...report,
        agents: report.agents.map((a) => ({ agent: userByUsername(a.agentUsername) ?? { id: a.agentUsername, name: a.agentUsername }, flagged: a.flagged, unsafeReplies: a.unsafeReplies, safeReplies: a.safeReplies })),
      };
    },
  };
}

function latestInboundId(d: ConversationDetailRow): number | null {
  let latest: number | null = null;
  for (const m of d.messages) if (m.direction === 'in' && (latest === null || m.id > latest)) latest = m.id;
  return latest;
}

export function summaryDto(c: ConversationRow) {
  return {
    ...c,
    contactName: toSegments(c.contactName),
    preview: toSegments(c.preview),
    previewDirection: textDirection(c.preview),
  };
}

export function messageDto(m: MessageRow) {
  const { attachments, ...rest } = m;
  return {
    ...rest,
    segments: toSegments(m.maskedText),
    textDirection: textDirection(m.maskedText),
    ...(attachments?.length ? { attachments: attachments.map((a) => ({ ...a, kind: attachmentKind(a.kind), name: toSegments(a.name) })) } : {}),
  };
}

function attachmentKind(kind: string): (typeof ATTACHMENT_KINDS)[number] {
  return (ATTACHMENT_KINDS as readonly string[]).includes(kind) ? (kind as (typeof ATTACHMENT_KINDS)[number]) : 'other';
}

function approvalDto(a: ApprovalRequest, user: (username: string) => { id: string; name: string } | null) {
  return {
    id: a.id,
    conversationId: Number(a.conversationId),
    agent: user(a.agentUsername),
    segments: toSegments(a.maskedText),
    textDirection: textDirection(a.maskedText),
    reasons: a.reasons,
    requestedAt: a.requestedAt,
    state: a.state,
  };
}

/** A customer found by name or handle, the query's words marked by the same rule as in message hits. */
export function customerHitDto(c: CustomerSearchRow, query: string) {
  return {
    conversationId: c.conversationId,
    channelKind: c.channelKind,
    contactName: highlight(toSegments(c.contactName), query),
    handle: highlight([{ kind: 'text' as const, text: c.handle }], query),
    status: c.status,
    lastActivityAt: c.lastActivityAt,
  };
}

export function noteDto(n: NoteRow) {
  return { ...n, segments: toSegments(n.maskedText), textDirection: textDirection(n.maskedText) };
}

export function detailDto(d: ConversationDetailRow) {
  return {
    summary: summaryDto(d.summary),
    messages: d.messages.map(messageDto),
    notes: d.notes.map(noteDto),
    customer: {
      name: toSegments(d.customer.name),
      handle: toSegments(d.customer.handle),
      fields: d.customer.fields.map((f) => ({ label: f.label, segments: toSegments(f.maskedText) })),
      earlier: d.customer.earlier.map((e) => ({ ...e, preview: toSegments(e.preview) })),
      ...(d.customer.consent !== undefined ? { consent: d.customer.consent } : {}),
      ...(d.customer.fieldsFrom ? { fieldsFrom: d.customer.fieldsFrom } : {}),
    },
    replyWindow: d.replyWindow,
    latestInboundId: d.latestInboundId !== undefined ? d.latestInboundId : latestInboundId(d),
    ...(d.moreBefore !== undefined ? { moreBefore: d.moreBefore } : {}),
  };
}
