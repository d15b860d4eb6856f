import type { Vault } from '../../core/vault';
import { DiwanError } from '../../core/shared/errors';
import type { ConsoleChannelName } from '../console-contract';
import type { Actor, ConsoleServices, ConversationDetailRow, ConversationRow, MessageRow, NoteRow } from '../console-port';
import type { CallContext, Handlers } from '../dispatch';
import { fillTemplate, highlight, textDirection, toSegments } from './segments';

type ConsoleHandlers = Pick<Handlers<CallContext>, ConsoleChannelName>;

const CHANNEL_LABEL: Record<string, string> = {
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
export function createConsoleHandlers(s: ConsoleServices, vault: Vault): ConsoleHandlers {
  const actor = (): Actor => {
    const a = s.session.actor();
    if (!a) throw new DiwanError('unauthenticated', 'Sign in to Diwan first.');
    return a;
  };
  const conversationOrFail = (id: number, markRead: boolean): ConversationDetailRow => {
    const c = s.inbox.conversation(id, { markRead });
    if (!c) throw new DiwanError('not_found', 'That conversation no longer exists. Pick another one from the inbox.');
    return c;
  };

  return {
    getSession: () => s.session.current(),
    setupAdministrator: (r) => s.session.setupAdministrator(r),
    signIn: (r) => s.session.signIn(r),
    signOut: () => s.session.signOut(),

    listConversations: (r) => {
      const page = s.inbox.listConversations({ actorId: actor().id, filter: r.filter, cursor: r.cursor, limit: r.limit });
      return { items: page.items.map(summaryDto), nextCursor: page.nextCursor, total: page.total };
    },
    inboxCounts: () => s.inbox.counts(actor().id),
    channelHealth: () => s.inbox.channelHealth(),
    listAgents: () => s.inbox.agents(),
    startDemoWorkspace: () => {
      s.inbox.startDemoWorkspace(actor());
      return { ok: true as const };
    },

    openConversation: (r) => detailDto(conversationOrFail(r.conversationId, true)),
    revealField: (r) => s.inbox.reveal({ actor: actor(), messageId: r.messageId, fieldIndex: r.fieldIndex, reason: r.reason }),
    setConversationStatus: (r) => {
      if (r.status === 'snoozed' && !r.snoozeUntil) throw new DiwanError('snooze_needs_time', 'Choose until when to snooze the conversation.');
      return summaryDto(s.inbox.setStatus({ actor: actor(), conversationId: r.conversationId, status: r.status, snoozeUntil: r.snoozeUntil ?? null }));
    },
    assignConversation: (r) => {
      const me = actor();
      const assigneeId = r.assignee === 'me' ? me.id : r.assignee;
      return summaryDto(s.inbox.assign({ actor: me, conversationId: r.conversationId, assigneeId }));
    },
    addNote: (r) => noteDto(s.inbox.addNote({ actor: actor(), conversationId: r.conversationId, text: r.text })),
    setLabels: (r) => summaryDto(s.inbox.setLabels({ actor: actor(), conversationId: r.conversationId, labels: [...new Set(r.labels)] })),
    resolveUnknownDelivery: (r) => messageDto(s.inbox.resolveUnknownDelivery({ actor: actor(), messageId: r.messageId, action: r.action })),

    listCannedReplies: () => s.composer.cannedReplies(),
    fillCannedReply: (r) => {
      const t = s.composer.templateVariables({ actor: actor(), conversationId: r.conversationId, cannedReplyId: r.cannedReplyId });
      if (!t) throw new DiwanError('not_found', 'That canned reply or conversation no longer exists.');
      return fillTemplate(t.body, t.variables);
    },
    checkReply: (r) => s.composer.check({ conversationId: r.conversationId, text: r.text }),
    sendReply: (r) => {
      const me = actor();
      const detail = conversationOrFail(r.conversationId, false);
      const latest = latestInboundId(detail);
      if (latest !== null && (r.seenInboundId === null || latest > r.seenInboundId)) {
        throw new DiwanError(
          'newer_message',
          'The customer wrote again while you were typing. Read the new message, then send your reply if it still fits.',
          { latestInboundId: latest },
        );
      }
      const verdict = s.composer.check({ conversationId: r.conversationId, text: r.text });
      if (verdict.verdict === 'block') {
        throw new DiwanError('reply_blocked', verdict.findings[0]?.message ?? 'The outbound guard stopped this reply.');
      }
      if (detail.replyWindow.kind === 'closed') {
        throw new DiwanError('reply_window_closed', 'The platform no longer accepts a reply in this conversation: its reply window has closed.');
      }
      if (detail.replyWindow.kind === 'human_agent' && !r.humanAgentTag) {
        throw new DiwanError('human_agent_tag_needed', 'Past 24 hours this platform accepts replies only with the human-agent tag. Tick it to send.');
      }
      return messageDto(s.composer.queueReply({ actor: me, conversationId: r.conversationId, text: r.text, humanAgentTag: r.humanAgentTag }));
    },

    search: (r) => {
      const { rows, total } = s.inbox.search(r);
      return {
        total,
        hits: rows.map((h) => ({
          conversationId: h.conversationId,
          messageId: h.messageId,
          channelKind: h.channelKind,
          sentAt: h.sentAt,
          direction: h.direction,
          segments: highlight(toSegments(h.maskedText), r.query),
          textDirection: textDirection(h.maskedText),
        })),
      };
    },

    notifyAssigned: (r) => {
      const me = actor();
      const c = s.inbox.conversation(r.conversationId, { markRead: false });
      if (!c || c.summary.assignee?.id !== me.id) return { shown: false };
      // Only the channel's kind goes into the text: never a customer name, handle or message.
      const shown = s.notifier.notify({
        title: 'Diwan',
        body: `New conversation assigned to you — ${CHANNEL_LABEL[c.summary.channelKind] ?? 'a channel'}`,
      });
      return { shown };
    },

    reviewQueue: () => s.lead.reviewQueue(),
    reviewTranscript: (r) => detailDto(conversationOrFail(r.conversationId, false)),
    scoreConversation: (r) => s.lead.score({ actor: actor(), conversationId: r.conversationId, score: r.score, comment: r.comment }),
    reportSummary: (r) => s.lead.report({ from: r.from, to: r.to }),
    listAlerts: () => s.lead.alerts(),
    acknowledgeAlert: (r) => s.lead.acknowledgeAlert({ actor: actor(), alertId: r.alertId }),

    listChannels: async () => {
      const stored = new Set(await vault.accounts('channel:'));
      return s.admin.channels().map((c) => ({ ...c, hasCredentials: stored.has(`channel:${c.id}`) }));
    },
    saveChannel: async (r) => {
      const me = actor();
      const id = r.id ?? `${r.kind}-${Date.now().toString(36)}`;
      const fields = Object.keys(r.credentials).sort();
      // Credentials go to the keychain first: a channel row never exists that claims secrets it does not have.
      if (fields.length) await vault.set(`channel:${id}`, JSON.stringify(r.credentials));
      s.admin.saveChannel({ actor: me, id, kind: r.kind, name: r.name });
      if (fields.length) s.admin.recordCredentialsSaved({ actor: me, channelId: id, fields });
      const saved = s.admin.channels().find((c) => c.id === id);
      if (!saved) throw new DiwanError('internal', 'The channel was not saved.');
      return { ...saved, hasCredentials: (await vault.get(`channel:${id}`)) !== null };
    },
    listUsers: () => s.admin.users(),
    setUserRole: (r) => s.admin.setRole({ actor: actor(), userId: r.userId, role: r.role }),
    deviceStatus: () => s.admin.device(),
    listAudit: (r) => ({ entries: s.admin.audit({ before: r.before, limit: r.limit }) }),
    verifyAudit: () => s.admin.verifyAudit(),
  };
}

function latestInboundId(d: ConversationDetailRow): number | null {
  let latest: number | null = null;
  for (const m of d.messages) if (m.direction === 'in' && (latest === null || m.id > latest)) latest = m.id;
  return latest;
}

function summaryDto(c: ConversationRow) {
  return {
    ...c,
    contactName: toSegments(c.contactName),
    preview: toSegments(c.preview),
    previewDirection: textDirection(c.preview),
  };
}

function messageDto(m: MessageRow) {
  return { ...m, segments: toSegments(m.maskedText), textDirection: textDirection(m.maskedText) };
}

function noteDto(n: NoteRow) {
  return { ...n, segments: toSegments(n.maskedText), textDirection: textDirection(n.maskedText) };
}

function detailDto(d: ConversationDetailRow) {
  return {
    summary: summaryDto(d.summary),
    messages: d.messages.map(messageDto),
    notes: d.notes.map(noteDto),
    customer: {
      name: toSegments(d.customer.name),
      handle: toSegments(d.customer.handle),
      fields: d.customer.fields.map((f) => ({ label: f.label, segments: toSegments(f.maskedText) })),
      earlier: d.customer.earlier.map((e) => ({ ...e, preview: toSegments(e.preview) })),
    },
    replyWindow: d.replyWindow,
    latestInboundId: latestInboundId(d),
  };
}
