import type { Core } from '../core/app';
import { AUDIT_ACTIONS } from '../core/audit';
import { assignmentFeed } from './assignments';
import { channelHealthView, type ChannelHealth as RuntimeHealth } from '../core/connectors';
import { replyWindowView, sendReply } from '../core/app/send-reply';
import { detectLang } from '../core/guard';
import { DEFAULT_FIRST_RESPONSE_MS, reportTimes } from '../core/reports';
import { DiwanError } from '../core/shared/errors';
import type { ConversationSummary, StoredMessage } from '../core/store';
import { CHANNEL_KINDS, MAX_CUSTOMER_HITS, MESSAGE_PAGE } from './console-contract';
import { InboundFlags, type GuardLang } from './inbound-flags';
import { watchTeam } from './team/events';
import { AttachmentOpener, noSaveDialog, type SaveFilePort } from '../core/app/attachments';
import { ThreadControl } from '../core/app/thread-control';
import { checkChannelCredentials } from '../core/app/channel-check';
import { channelConfig } from '../core/app/channels';
import type {
  Actor,
  ChannelKindT,
  ConsoleServices,
  ConversationDetailRow,
  ConversationRow,
  MessageRow,
  NotifierPort,
  StatusT,
} from './console-port';
import { ERROR_CODES } from '../core/shared/vocabulary';



/**
 * The console's services over the real core: the store for conversations, notes, labels, canned replies, search and
 * the outbox; identity for people; the guards for replies, scam flags and alerts; the channel runtime for health.
 * Rows keep masked text as stored; the handlers turn it into segments.
 */
export function createConsoleServices(core: Core, notifier: NotifierPort, saveFile: SaveFilePort = noSaveDialog): ConsoleServices {
  const { store, db } = core;
  const nameOf = (id: string, u: { username: string; displayName: string } | null | undefined) => ({ id, name: u ? u.displayName || u.username : id });
  /** `seen` keeps one lookup per person within a call (a page names the same few assignees many times). */
  const userRef = (id: string | null, seen?: Map<string, { id: string; name: string }>) => {
    if (!id) return null;
    const known = seen?.get(id);
    if (known) return known;
    const ref = nameOf(id, core.identity.users.byId(id));
    seen?.set(id, ref);
    return ref;
  };
  /** The people a page names, in one statement (`userRef`'s `seen` for the page). */
  const pagePeople = (ids: ReadonlyArray<string | null>): Map<string, { id: string; name: string }> => {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    const names = core.identity.users.namesOf(wanted);
    return new Map(wanted.map((id) => [id, nameOf(id, names.get(id))]));
  };
  const inboundFlags = new InboundFlags(() => core.guards.policy, store.inboundChecks);
  const channelsById = () => new Map(store.channels.list().map((c) => [c.id, c]));
  const kindOf = (kind: string): ChannelKindT => ((CHANNEL_KINDS as readonly string[]).includes(kind) ? (kind as ChannelKindT) : 'demo');
  const labelNames = () => new Map(store.labels.list().map((l) => [l.id, l.name]));

  /**
   * "N copies held" on each of `list`: flood control's near-duplicates waiting in quarantine, counted on the
   * conversation their campaign's first stored copy opened (`Quarantine.waitingCopies`), as the team hub counts them.
   */
  const heldCopies = (list: readonly ConversationSummary[]): Map<number, number> => {
    const out = new Map<number, number>();
    // All the page's channels in one statement; rows are looked up one by one only where copies are waiting.
    const waiting = core.guards.quarantine.waitingCopiesIn([...new Set(list.map((c) => c.channelId))]);
    if (!waiting.size) return out;
    for (const c of list) {
      const n = waiting.get(c.channelId)?.get(store.conversations.platformIdOf(c.id) ?? '');
      if (n) out.set(c.id, n);
    }
    return out;
  };
  const row = (
    c: ConversationSummary,
    channels = channelsById(),
    labels = labelNames(),
    people?: Map<string, { id: string; name: string }>,
    copies = heldCopies([c]),
  ): ConversationRow => {
    const ch = channels.get(c.channelId);
    const held = copies.get(c.id);
    return {
      id: c.id,
      channelId: c.channelId,
      channelKind: kindOf(ch?.kind ?? 'demo'),
      channelName: ch?.name ?? c.channelId,
      contactName: c.contact.displayName ?? c.contact.handle ?? '',
      preview: c.preview ?? '',
      status: c.status,
      snoozedUntil: c.snoozedUntil,
      assignee: userRef(c.assigneeId, people),
      unread: c.unread,
      labels: c.labelIds
        .map((id) => labels.get(id))
        .filter((n): n is string => !!n)
        .sort(),
      lastActivityAt: c.lastActivityAt,
      ...(held ? { heldCopies: held } : {}),
    };
  };
  const summary = (id: number) => row(store.conversations.get(id));

  /** `known`: the flags already worked out for the message's conversation (InboundFlags.forConversation). */
  const messageRow = (m: StoredMessage, agentLang: GuardLang = 'en', known?: Map<number, NonNullable<MessageRow['flags']>>): MessageRow => {
    const flags = m.direction !== 'in' ? [] : known ? (known.get(m.id) ?? []) : inboundFlags.flags(m.id, m.maskedText, agentLang);
    return {
      id: m.id,
      direction: m.direction,
      sentAt: m.sentAt,
      maskedText: m.maskedText,
      author: userRef(m.authorId),
      ...(m.delivery ? { delivery: { state: m.delivery, ...(m.deliveryReason ? { reason: m.deliveryReason } : {}) } } : {}),
      ...(flags.length ? { flags } : {}),
      ...(m.attachments.length
        ? { attachments: m.attachments.map((a, index) => ({ index, kind: a.kind, name: a.fileName ?? '', mimeType: a.mimeType, size: a.size, fetchable: a.fetchable })) }
        : {}),
      ...(m.original ? { original: { fieldIndex: m.original.n, revealable: m.original.revealable } } : {}),
      ...(m.revision ? { revision: m.revision } : {}),
    };
  };
  const messageById = (conversationId: number, messageId: number): MessageRow => {
    const m = store.conversations.messages(conversationId, { limit: 500 }).find((x) => x.id === messageId);
    if (!m) throw new DiwanError('not_found', 'That message no longer exists.');
    return messageRow(m);
  };

  const health = (): Array<{ channelId: string; state: 'ok' | 'degraded' | 'down' | 'unknown'; detail?: string; checkedAt: number | null }> =>
    core.channels.runtime.health().map((h: RuntimeHealth) => channelHealthView(h));

  const guardContext = (actor: Actor, conversationId: number, text: string) => ({
    agentUsername: actor.username,
    conversationId,
    lang: detectLang(text),
  });

  return {
    notifier,
    saveFile,
    attachments: new AttachmentOpener({ store, runtime: core.channels.runtime, audit: core.audit }),
    threadControl: new ThreadControl({ store, runtime: core.channels.runtime, audit: core.audit }),
    inbox: {
      listConversations({ actorId, filter, cursor, limit }) {
        // Snoozed conversations whose time has come are open again before the inbox is read.
        store.conversations.wakeDue(core.clock.now());
        const at = cursor ? /^(\d+):(\d+)$/.exec(cursor) : null;
        if (cursor && !at) throw new DiwanError('bad_cursor', 'The list position was not valid; the inbox starts again from the top.');
        const labelId = filter.label ? store.labels.list().find((l) => l.name === filter.label)?.id ?? -1 : undefined;
        const storeFilter = {
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.channelId ? { channelId: filter.channelId } : {}),
          ...(filter.scope === 'mine' ? { assigneeId: actorId } : filter.scope === 'unassigned' ? { assigneeId: null } : {}),
          ...(labelId !== undefined ? { labelId } : {}),
        };
        const page = store.conversations.list(storeFilter, { limit, ...(at ? { after: { lastActivityAt: Number(at[1]), id: Number(at[2]) } } : {}) });
        const channels = channelsById();
        const labels = labelNames();
        const people = pagePeople(page.items.map((c) => c.assigneeId));
        const copies = heldCopies(page.items);
        return {
          items: page.items.map((c) => row(c, channels, labels, people, copies)),
          nextCursor: page.next ? `${page.next.lastActivityAt}:${page.next.id}` : null,
          total: store.conversations.count(storeFilter),
        };
      },
      counts(actorId) {
        const unread = store.conversations.unreadByChannel();
        return {
          mine: store.conversations.count({ unresolved: true, assigneeId: actorId }),
          unassigned: store.conversations.count({ unresolved: true, assigneeId: null }),
          all: store.conversations.count({ unresolved: true }),
          labels: store.labels.list().map((l) => l.name).slice(0, 200),
          channels: store.channels.list().map((c) => ({ id: c.id, kind: kindOf(c.kind), name: c.name, unread: unread.get(c.id) ?? 0 })),
        };
      },
      channelHealth: health,
      agents: () =>
        core.identity
          .listUsers()
          .filter((u) => !u.disabled && (u.role === 'agent' || u.role === 'lead'))
          .map((u) => ({ id: u.id, name: u.displayName || u.username })),
      conversation(id, { opener, lang }) {
        let c: ConversationSummary;
        try {
          c = store.conversations.get(id);
        } catch {
          return null;
        }
        // Only the latest page: older pages are read when the reader scrolls back (`olderMessages`).
        const { messages: page, outcomes } = store.conversations.page(id, { limit: MESSAGE_PAGE + 1 });
        const messages = page.length > MESSAGE_PAGE ? page.slice(1) : page;
        // The scam outcomes from the page's own rows (one walk of the conversation's index, not two).
        const checked = inboundFlags.forConversation({ messages, outcomes }, lang ?? 'en');
        if (opener) {
          // One transaction, one disk sync: the read mark, the scam checks' new outcomes and the audit entry.
          const changed = db.transaction(() => {
            const read = store.conversations.markRead(id);
            store.inboundChecks.record(id, checked.rules, checked.unrecorded);
            core.audit({ action: AUDIT_ACTIONS.conversationOpened, actor: opener.username, target: `conversation:${id}` });
            return read;
          })();
          // The read mark only zeroes the unread count: no need to read the conversation again.
          if (changed) c = { ...c, unread: 0 };
        }
        const channels = channelsById();
        const ch = channels.get(c.channelId);
        const lastInbound = store.conversations.lastInboundAt(id, page);
        const earlier = store.conversations.earlier(c.contact.id, id).map((e) => store.conversations.get(e));
        return {
          summary: row(c, channels),
          messages: messages.map((m) => messageRow(m, lang, checked.flags)),
          notes: store.notes.list(id).map((n) => ({ id: n.id, author: userRef(n.authorId), createdAt: n.createdAt, maskedText: n.maskedText })),
          customer: {
            name: c.contact.displayName ?? '',
            handle: c.contact.handle ?? '',
            fields: store.conversations.contactDetails(id),
            earlier: earlier.map((e) => ({ id: e.id, status: e.status, lastActivityAt: e.lastActivityAt, preview: e.preview ?? '', channelKind: kindOf(ch?.kind ?? 'demo') })),
          },
          replyWindow: replyWindowView(ch?.kind ?? 'demo', lastInbound, core.clock.now()),
          latestInboundId: store.conversations.latestInboundId(id),
          moreBefore: page.length > MESSAGE_PAGE,
        } satisfies ConversationDetailRow;
      },
      olderMessages({ actor, conversationId, before, lang }) {
        if (!store.conversations.platformIdOf(conversationId)) throw new DiwanError(ERROR_CODES.conversationUnknown, 'That conversation no longer exists. Pick another one from the inbox.');
        const { messages: page, outcomes } = store.conversations.page(conversationId, { limit: MESSAGE_PAGE + 1, before });
        const messages = page.length > MESSAGE_PAGE ? page.slice(1) : page;
        const checked = inboundFlags.forConversation({ messages, outcomes }, lang ?? 'en');
        db.transaction(() => {
          store.inboundChecks.record(conversationId, checked.rules, checked.unrecorded);
          core.audit({ action: AUDIT_ACTIONS.conversationOpened, actor: actor.username, target: `conversation:${conversationId}`, details: { olderThan: before.id, messages: messages.length } });
        })();
        return { messages: messages.map((m) => messageRow(m, lang, checked.flags)), moreBefore: page.length > MESSAGE_PAGE };
      },
      setStatus({ conversationId, status, snoozeUntil }) {
        if (status === 'snoozed' && snoozeUntil !== null && snoozeUntil <= core.clock.now()) {
          throw new DiwanError('snooze_in_past', 'Choose a snooze time in the future.');
        }
        store.conversations.setStatus(conversationId, status as StatusT, status === 'snoozed' && snoozeUntil !== null ? { until: snoozeUntil } : {});
        return summary(conversationId);
      },
      assign({ actor, conversationId, assigneeId }) {
        if (assigneeId && !core.identity.users.byId(assigneeId)) throw new DiwanError(ERROR_CODES.userUnknown, 'That person is not a Diwan user.');
        store.conversations.assign(conversationId, assigneeId);
        assignmentFeed(core).announce({ conversationId, handedOver: assigneeId !== null && assigneeId !== actor.id });
        return summary(conversationId);
      },
      addNote({ actor, conversationId, text }) {
        const n = store.notes.add(conversationId, actor.id, text);
        return { id: n.id, author: userRef(actor.id), createdAt: n.createdAt, maskedText: n.maskedText };
      },
      setLabels({ conversationId, labels }) {
        const current = store.conversations.get(conversationId);
        const existing = new Map(store.labels.list().map((l) => [l.name.toLowerCase(), l.id]));
        const wanted = new Set<number>();
        for (const name of labels) {
          const key = name.toLowerCase();
          wanted.add(existing.get(key) ?? store.labels.create(key).id);
        }
        for (const id of current.labelIds) if (!wanted.has(id)) store.labels.detach(conversationId, id);
        for (const id of wanted) store.labels.attach(conversationId, id);
        return summary(conversationId);
      },
      labels: () => store.labels.list().map((l) => ({ id: l.id, name: l.name })),
      saveLabel({ actor, id, name }) {
        const label = id === undefined ? store.labels.create(name) : store.labels.rename(id, name);
        core.audit({ action: id === undefined ? AUDIT_ACTIONS.labelCreated : AUDIT_ACTIONS.labelRenamed, actor: actor.username, target: `label:${label.id}` });
        return { id: label.id, name: label.name };
      },
      deleteLabel({ actor, id }) {
        const { conversations } = store.labels.remove(id);
        core.audit({ action: AUDIT_ACTIONS.labelDeleted, actor: actor.username, target: `label:${id}`, details: { conversations } });
      },
      resolveUnknownDelivery({ messageId, action }) {
        const conversationId = store.conversations.conversationOfMessage(messageId);
        const ob = store.outbox.ofMessage(messageId);
        if (conversationId === null || !ob) throw new DiwanError('not_found', 'That reply no longer exists.');
        if (ob.state !== 'unknown') throw new DiwanError('not_unknown', 'This reply is no longer in doubt; its state is shown beside it.');
        if (action === 'resend') store.outbox.retry(String(ob.id));
        else store.outbox.markFailed(String(ob.id), 'Marked as not delivered by an agent.', null);
        return messageById(conversationId, messageId);
      },
      search({ actor, query, channelId, status, from, to, limit }) {
        const channels = channelsById();
        // Every filter is applied inside the query, before the 200-hit cap, so the total counts matching hits.
        // The handler marks matches in the segments it shows; the store need not work out highlights for 200 hits.
        const filter = {
          ...(channelId ? { channelId } : {}),
          ...(status ? { status } : {}),
          ...(from !== undefined ? { from } : {}),
          ...(to !== undefined ? { to } : {}),
        };
        const { hits, narrowed } = store.search.searchNarrowed(query, { limit: 200, highlights: false, ...filter });
        const customers = store.search.customers(query, { limit: Math.min(limit, MAX_CUSTOMER_HITS), ...filter });
        core.audit({ action: AUDIT_ACTIONS.search, actor: actor.username, details: { terms: query.split(/\s+/).length, hits: hits.length, customers: customers.total } });
        // The shown hits' conversations in one statement (several hits often share one).
        const shown = hits.slice(0, limit);
        const who = store.conversations.customersOf(shown.map((h) => h.conversationId));
        return {
          total: hits.length,
          rows: shown.flatMap((h) => {
            const c = who.get(h.conversationId);
            if (!c) return [];
            return [{
              contactName: c.displayName ?? c.handle ?? '',
              status: c.status,
              conversationId: h.conversationId,
              messageId: h.messageId,
              channelKind: kindOf(channels.get(h.channelId)?.kind ?? 'demo'),
              sentAt: h.sentAt,
              direction: h.direction,
              maskedText: h.maskedText,
            }];
          }),
          customers: customers.hits.map((h) => ({
            conversationId: h.conversationId,
            channelKind: kindOf(channels.get(h.channelId)?.kind ?? 'demo'),
            contactName: h.displayName ?? h.handle ?? '',
            handle: h.handle ?? '',
            status: h.status,
            lastActivityAt: h.lastActivityAt,
          })),
          customersTotal: customers.total,
          ...(narrowed ? { narrowed } : {}),
        };
      },
    },

    composer: {
      cannedReplies: () => store.canned.list().map((c) => ({ id: c.id, shortcut: c.shortcut, title: c.title, body: c.body })),
      saveCannedReply({ actor, id, shortcut, title, body }) {
        const all = store.canned.list();
        const same = (a: string) => a.toLowerCase() === shortcut.trim().toLowerCase();
        const editing = id === undefined ? null : all.find((c) => c.id === id);
        if (id !== undefined && !editing) throw new DiwanError('not_found', 'That canned reply no longer exists; it may have been deleted.');
        if (all.some((c) => same(c.shortcut) && c.id !== id)) {
          throw new DiwanError('canned_shortcut_taken', `Another canned reply already uses the shortcut /${shortcut.trim()}. Choose another.`);
        }
        // The store keys a reply by its shortcut: a renamed shortcut is the old row removed and the new one saved, together.
        const saved = db.transaction(() => {
          if (editing && !same(editing.shortcut)) store.canned.remove(editing.id);
          return store.canned.save({ shortcut, title, body });
        })();
        core.audit({
          action: AUDIT_ACTIONS.settingsChanged,
          actor: actor.username,
          target: `canned_reply:${saved.shortcut}`,
          details: { change: editing ? 'edited' : 'created', ...(editing && !same(editing.shortcut) ? { renamedFrom: editing.shortcut } : {}) },
        });
        return { id: saved.id, shortcut: saved.shortcut, title: saved.title, body: saved.body };
      },
      deleteCannedReply({ actor, id }) {
        const existing = store.canned.list().find((c) => c.id === id);
        if (!existing) return;
        store.canned.remove(id);
        core.audit({ action: AUDIT_ACTIONS.settingsChanged, actor: actor.username, target: `canned_reply:${existing.shortcut}`, details: { change: 'deleted' } });
      },
      templateVariables({ actor, conversationId, cannedReplyId }) {
        const canned = store.canned.list().find((c) => c.id === cannedReplyId);
        let c: ConversationSummary;
        try {
          c = store.conversations.get(conversationId);
        } catch {
          return null;
        }
        if (!canned) return null;
        // Masked data only: a masked name stays a token and is reported missing by the filler.
        const name = c.contact.displayName ?? '';
        return {
          body: canned.body,
          variables: {
            'customer.firstName': name.split(/\s+/)[0] ?? '',
            'customer.name': name,
            'agent.name': actor.name.split(' ')[0] ?? actor.name,
            'channel.name': channelsById().get(c.channelId)?.name ?? '',
          },
        };
      },
      check({ actor, conversationId, text, lang }) {
        const d = core.guards.outbound.preview(text, { ...guardContext(actor, conversationId, text), lang });
        return { verdict: d.verdict, findings: d.findings.map((f) => ({ code: f.code, message: f.reason })), approvable: d.approvable };
      },
      queueReply({ actor, conversationId, text, humanAgentTag, seenInboundId, approvalToken, lang }) {
        const messageId = sendReply(core, { actor, conversationId, text, humanAgentTag, seenInboundId, ...(approvalToken ? { approvalToken } : {}), ...(lang ? { lang } : {}) });
        return messageById(conversationId, messageId);
      },
    },

    lead: {
      reviewQueue() {
        const resolved = store.conversations.list({ status: 'resolved' }, { limit: 200 }).items;
        const channels = channelsById();
        return resolved.map((c) => {
          const scores = core.review.scores(c.id);
          return {
            conversationId: c.id,
            channelKind: kindOf(channels.get(c.channelId)?.kind ?? 'demo'),
            agent: userRef(c.assigneeId),
            resolvedAt: c.lastActivityAt,
            score: scores.length ? Math.round(scores[scores.length - 1]!.score) : null,
          };
        });
      },
      report({ from, to }) {
        const channels = channelsById();
        const perChannel = store.reports.perChannel(from, to).map((r) => ({
          channelId: r.channelId,
          channelKind: kindOf(channels.get(r.channelId)?.kind ?? 'demo'),
          channelName: channels.get(r.channelId)?.name ?? r.channelId,
          inbound: r.inbound,
          outbound: r.outbound,
          conversations: r.conversations,
        }));
        const daily = store.reports.dailyInbound(from, to);
        const now = core.clock.now();
        const times = reportTimes(
          store.reports.episodes(from, to).map((e) => ({ ...e, firstResponseDueAt: e.openedAt + DEFAULT_FIRST_RESPONSE_MS })),
          now,
        );
        return { from, to, perChannel, daily: daily.slice(-400), ...times, slaTargetMs: DEFAULT_FIRST_RESPONSE_MS };
      },
      alerts() {
        return core.guards.earlyWarning.list(500).map((a) => alertDto(a, (ref) => conversationIdOf(ref)));
      },
      acknowledgeAlert({ actor, alertId }) {
        core.guards.earlyWarning.acknowledge(alertId, actor.username);
        const a = core.guards.earlyWarning.list(500).find((x) => x.id === alertId);
        if (!a) throw new DiwanError('not_found', 'That alert no longer exists.');
        return alertDto(a, (ref) => conversationIdOf(ref));
      },
    },

    admin: {
      channels() {
        const byChannel = new Map(health().map((h) => [h.channelId, h]));
        const unread = store.conversations.unreadByChannel();
        return store.channels.list().filter((c) => c.removedAt === null).map((c) => ({
          id: c.id,
          kind: kindOf(c.kind),
          name: c.name,
          enabled: c.enabled,
          health: byChannel.get(c.id) ?? { channelId: c.id, state: 'unknown' as const, checkedAt: null },
          unread: unread.get(c.id) ?? 0,
        }));
      },
      saveChannel({ actor, id, kind, name, settings }) {
        const before = store.channels.list().find((c) => c.id === id);
        if (!before) store.channels.create({ id, kind, name, config: settings });
        else if (before.removedAt !== null) store.channels.restore(id, { kind, name, config: settings ?? {} });
        else if (settings) store.channels.updateConfig(id, settings);
        core.audit({ action: AUDIT_ACTIONS.settingsChanged, actor: actor.username, target: `channel:${id}`, details: { kind, created: !before, ...(before?.removedAt ? { restored: true } : {}) } });
      },
      async testChannel({ actor, id }) {
        const channel = liveChannel(id);
        const check = await checkChannelCredentials({ vault: core.vault, clock: core.clock }, channelConfig(channel));
        core.audit({ action: AUDIT_ACTIONS.channelTested, actor: actor.username, target: `channel:${id}`, details: { kind: channel.kind, outcome: check.outcome } });
        return check;
      },
      async removeChannel({ actor, id }) {
        const channel = liveChannel(id);
        await core.channels.runtime.remove(id);
        // The keychain first: a channel marked removed never keeps a token behind it.
        const keychainCleared = await core.vault.delete(`channel:${id}`);
        const { conversations } = store.channels.markRemoved(id);
        core.audit({ action: AUDIT_ACTIONS.channelRemoved, actor: actor.username, target: `channel:${id}`, details: { kind: channel.kind, conversationsKept: conversations, keychainCleared } });
        return { conversationsKept: conversations };
      },
      recordCredentialsSaved({ actor, channelId, fields }) {
        core.audit({ action: AUDIT_ACTIONS.settingsChanged, actor: actor.username, target: `channel:${channelId}`, details: { credentials: fields.join(',') } });
      },
      device: () => deviceStatusOf(core),
    },
  };

  /** A channel the Channels tab lists (not removed), or a sentence saying it is not there. */
  function liveChannel(id: string) {
    const c = store.channels.list().find((x) => x.id === id && x.removedAt === null);
    if (!c) throw new DiwanError('channel_unknown', `There is no channel "${id}" any more; reload the Channels tab.`);
    return c;
  }

  function conversationIdOf(ref: string): number | null {
    const slash = ref.indexOf('/');
    if (slash < 0) return /^\d+$/.test(ref) ? Number(ref) : null;
    return store.conversations.byPlatform(ref.slice(0, slash), ref.slice(slash + 1));
  }
}

/** This computer as the gate and IT's policy see it (enrolment, policy in force, office-network verdict). */
export function deviceStatusOf(core: Core) {
  const policy = core.identity.currentPolicy;
  const verdict = core.gate.current();
  return {
    deviceId: core.identity.deviceIdentity.fingerprint,
    enrolled: core.identity.deviceEnrolled(),
    policy: { state: verdict?.policyVersion !== undefined || policy.enrolledDevices ? ('valid' as const) : ('missing' as const), version: verdict?.policyVersion ?? null },
    network: {
      verdict: verdict?.state === 'office' ? ('office' as const) : verdict?.state === 'off-network' ? ('off_network' as const) : ('unknown' as const),
      checkedAt: verdict?.at ?? null,
      detail: verdict?.reason ?? null,
    },
  };
}

/**
 * Conversations that changed in a batch the channels ingested, a reply's outcome, an assignment made at this console,
 * or (team mode) the hub's stream: the renderer refetches them. `assignedToMe` lists the ones handed to someone by
 * someone else; windows are not told apart here, so each asks `notifyAssigned`, which notifies only the assignee.
 */
export function watchInbox(core: Core, emit: (changed: { conversationIds: number[]; assignedToMe: number[] }) => void): () => void {
  const offIngested = core.channels.runtime.on('ingested', (e) => {
    const ids = e.conversationIds;
    if (ids.length) emit({ conversationIds: ids.slice(0, 500), assignedToMe: [] });
  });
  const offOutcome = core.channels.runtime.on('outcome', (e) => {
    const id = core.store.outbox.conversationOf(Number(e.outboxId));
    if (id !== null) emit({ conversationIds: [id], assignedToMe: [] });
  });
  const offAssigned = assignmentFeed(core).listen((a) => emit({ conversationIds: [a.conversationId], assignedToMe: a.handedOver ? [a.conversationId] : [] }));
  const offTeam = watchTeam(core, emit);
  // Copies held, released or discarded: the conversations their campaigns count on show a new "N copies held".
  const offHeld = core.guards.quarantine.onChange((channelId) => {
    const ids = core.guards.quarantine
      .campaignConversations(channelId)
      .map((ref) => core.store.conversations.byPlatform(channelId, ref))
      .filter((id): id is number => id !== null);
    if (ids.length) emit({ conversationIds: ids, assignedToMe: [] });
  });
  return () => {
    offHeld();
    offAssigned();
    offIngested();
    offOutcome();
    offTeam();
  };
}

function alertDto(
  a: { id: number; signal: string; raisedAt: number; windowCount: number; expected: number; conversationIds: string[]; acknowledgedAt: number | null },
  resolve: (ref: string) => number | null,
) {
  const ratio = a.expected > 0 ? a.windowCount / a.expected : a.windowCount;
  return {
    id: a.id,
    kind: a.signal,
    severity: (ratio >= 5 ? 'critical' : 'warning') as 'critical' | 'warning',
    createdAt: a.raisedAt,
    summary: `${a.windowCount} messages about "${a.signal.replace('_', ' ')}" in the last window (about ${Math.round(a.expected)} expected).`,
    conversationIds: [...new Set(a.conversationIds.map(resolve).filter((n): n is number => n !== null))].slice(0, 100),
    acknowledged: a.acknowledgedAt !== null,
  };
}
