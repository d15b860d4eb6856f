import crypto from 'node:crypto';
import { ROLE_PERMISSIONS as ROLE_TABLE, ROLES, type Permission } from '../../../main/core/auth';
import { DiwanError } from '../../../main/core/shared/errors';
import type { Clock } from '../../../main/core/shared/ports';
import type {
  Actor,
  ChannelKindT,
  ConsoleServices,
  ConversationDetailRow,
  ConversationRow,
  MessageRow,
  StatusT,
} from '../../../main/ipc/console-port';
import type { SessionDto } from '../../../main/ipc/console-contract';
import { foldText } from '../../../main/ipc/handlers/segments';
import type { DemoDb } from './db';
import { addUser, demoMask, ensureChannels, hashPassword, prepareInsertMessage, seedCannedAndAlerts, seedConversations } from './seed';

/**
 * A simple, real (SQLite-backed) implementation of the console port for the test bridge, dev:web and bench/ui,
 * standing in for the store, identity, guards and connectors until they are bound at merge.
 */
type Role = (typeof ROLES)[number];
/** Identity's role table (main/core/auth/permissions.ts), as sets. */
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = Object.fromEntries(
  ROLES.map((r) => [r, new Set(ROLE_TABLE[r])]),
) as unknown as Record<Role, ReadonlySet<Permission>>;
export const REVEAL_MS = 60_000;
const SLA_FIRST_RESPONSE_MS = 3_600_000;

export interface DemoServices extends ConsoleServices {
  /** The console locks (off-network, idle): the session ends until the user signs in again. */
  lock(reason: string): void;
  /** A customer message arriving through the demo channel. Returns the conversation id. */
  receive(m: { channelId: string; contact: string; text: string; assignTo?: string | null }): number;
  notifications: Array<{ title: string; body: string }>;
  /** Pending delivery timers stop. */
  close(): void;
}

interface UserRow {
  id: string;
  username: string;
  name: string;
  role: Role;
  salt: Buffer;
  hash: Buffer;
  disabled: number;
  last_sign_in_at: number | null;
}

export function createDemoServices(opts: {
  db: DemoDb;
  clock: Clock;
  emit?: (changed: { conversationIds: number[]; assignedToMe: number[] }) => void;
  deliveryDelayMs?: number;
  /** How long a reveal grant lasts (default one minute). */
  revealMs?: number;
}): DemoServices {
  const { db, clock } = opts;
  const emit = opts.emit ?? (() => {});
  const timers = new Set<NodeJS.Timeout>();
  const notifications: Array<{ title: string; body: string }> = [];
  const insertMessage = prepareInsertMessage(db);
  let signedIn: string | null = null;
  let lockReason: string | null = null;

  const user = (id: string) => db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  const session = (): SessionDto => {
    const count = (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
    if (count === 0) return { state: 'setup', user: null, lockReason: null };
    if (lockReason) return { state: 'locked', user: null, lockReason };
    const u = signedIn ? user(signedIn) : undefined;
    if (!u) return { state: 'signed_out', user: null, lockReason: null };
    return { state: 'signed_in', user: { id: u.id, name: u.name, role: u.role, permissions: [...ROLE_PERMISSIONS[u.role]] }, lockReason: null };
  };
  const actorOf = (): Actor | null => {
    if (lockReason || !signedIn) return null;
    const u = user(signedIn);
    return u ? { id: u.id, name: u.name, role: u.role, permissions: ROLE_PERMISSIONS[u.role] } : null;
  };

  // ── audit: a hash chain, so the viewer has something honest to verify ──
  const audit = (action: string, actor: string, target: string | null, details: Record<string, string | number | boolean>) => {
    const prev = db.prepare('SELECT hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
    const at = clock.now();
    const body = JSON.stringify(details);
    const hash = chainHash(prev?.hash ?? '', at, actor, action, target, body);
    db.prepare('INSERT INTO audit (at, actor, action, target, details, hash) VALUES (?, ?, ?, ?, ?, ?)').run(at, actor, action, target, body, hash);
  };

  // ── conversations ──
  const SUMMARY_SQL = `SELECT c.*, ch.kind AS channel_kind, ch.name AS channel_name, u.name AS assignee_name
    FROM conversations c JOIN channels ch ON ch.id = c.channel_id LEFT JOIN users u ON u.id = c.assignee_id`;
  interface SummarySqlRow {
    id: number; channel_id: string; channel_kind: ChannelKindT; channel_name: string; contact_name: string; contact_handle: string;
    contact_fields: string; contact_key: string; status: StatusT; snoozed_until: number | null; assignee_id: string | null;
    assignee_name: string | null; unread: number; preview: string; last_activity_at: number; last_inbound_at: number | null;
    created_at: number; score: number | null; resolved_at: number | null;
  }
  const labelsOf = (ids: number[]): Map<number, string[]> => {
    const map = new Map<number, string[]>();
    if (!ids.length) return map;
    const rows = db.prepare(`SELECT conversation_id AS id, label FROM conversation_labels WHERE conversation_id IN (${ids.map(() => '?').join(',')}) ORDER BY label`).all(...ids) as Array<{ id: number; label: string }>;
    for (const r of rows) map.set(r.id, [...(map.get(r.id) ?? []), r.label]);
    return map;
  };
  const toRow = (r: SummarySqlRow, labels: string[]): ConversationRow => ({
    id: r.id,
    channelId: r.channel_id,
    channelKind: r.channel_kind,
    channelName: r.channel_name,
    contactName: r.contact_name,
    preview: r.preview,
    status: r.status,
    snoozedUntil: r.snoozed_until,
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? r.assignee_id } : null,
    unread: r.unread,
    labels,
    lastActivityAt: r.last_activity_at,
  });
  const summary = (id: number): ConversationRow => {
    const r = db.prepare(`${SUMMARY_SQL} WHERE c.id = ?`).get(id) as SummarySqlRow | undefined;
    if (!r) throw new DiwanError('not_found', 'That conversation no longer exists. Pick another one from the inbox.');
    return toRow(r, labelsOf([id]).get(id) ?? []);
  };
  const messageRow = (m: { id: number; direction: 'in' | 'out'; sent_at: number; masked_text: string; delivery: string | null; delivery_reason: string | null; author_id: string | null; author_name: string | null }): MessageRow => ({
    id: m.id,
    direction: m.direction,
    sentAt: m.sent_at,
    maskedText: m.masked_text,
    author: m.author_id ? { id: m.author_id, name: m.author_name ?? m.author_id } : null,
    ...(m.delivery ? { delivery: { state: m.delivery as NonNullable<MessageRow['delivery']>['state'], ...(m.delivery_reason ? { reason: m.delivery_reason } : {}) } } : {}),
  });
  const MESSAGE_SQL = 'SELECT m.*, u.name AS author_name FROM messages m LEFT JOIN users u ON u.id = m.author_id';
  const message = (id: number): MessageRow => {
    const m = db.prepare(`${MESSAGE_SQL} WHERE m.id = ?`).get(id) as Parameters<typeof messageRow>[0] | undefined;
    if (!m) throw new DiwanError('not_found', 'That message no longer exists.');
    return messageRow(m);
  };
  const changed = (ids: number[], assigned: number[] = []) => emit({ conversationIds: ids, assignedToMe: assigned });

  const replyWindow = (kind: ChannelKindT, lastInboundAt: number | null): ConversationDetailRow['replyWindow'] => {
    const now = clock.now();
    const since = lastInboundAt ?? 0;
    if (kind === 'messenger' || kind === 'instagram') {
      if (now < since + 86_400_000) return { kind: 'open', closesAt: since + 86_400_000, rule: '7d-human-agent' };
      if (now < since + 7 * 86_400_000) return { kind: 'human_agent', closesAt: since + 7 * 86_400_000, rule: '7d-human-agent' };
      return { kind: 'closed', closesAt: since + 7 * 86_400_000, rule: '7d-human-agent' };
    }
    if (kind === 'whatsapp') {
      return now < since + 86_400_000 ? { kind: 'open', closesAt: since + 86_400_000, rule: '24h' } : { kind: 'closed', closesAt: since + 86_400_000, rule: '24h' };
    }
    return { kind: 'none', closesAt: null, rule: 'none' };
  };

  const scheduleDelivery = (messageId: number, conversationId: number) => {
    const step = opts.deliveryDelayMs ?? 300;
    const advance = (state: string, after: number) => {
      const t = setTimeout(() => {
        timers.delete(t);
        db.prepare('UPDATE messages SET delivery = ? WHERE id = ?').run(state, messageId);
        changed([conversationId]);
      }, after);
      timers.add(t);
    };
    advance('sent', step);
    advance('delivered', step * 2);
  };

  const guardCheck = (text: string) => {
    const findings: Array<{ code: string; message: string }> = [];
    if (/\b(code|otp|password|passcode|pin|cvv|verification)\b/i.test(text) || /رمز|كود|كلمة المرور|کد|گذرواژه/.test(text)) {
      findings.push({ code: 'asks_for_secret', message: 'This reply asks the customer for a code or password. Support never asks for those; remove the request.' });
    }
    if (/(?:\d[ -]?){13,19}/.test(text)) findings.push({ code: 'card_number', message: 'This reply contains what looks like a full card number.' });
    if (/https?:\/\//i.test(text) && !/https:\/\/(www\.)?example\.com/i.test(text)) {
      findings.push({ code: 'external_link', message: 'This reply links outside the company domain. Check the link before sending.' });
    }
    const block = findings.some((f) => f.code !== 'external_link');
    return { verdict: (block ? 'block' : findings.length ? 'warn' : 'allow') as 'allow' | 'warn' | 'block', findings };
  };

  const startDemo = (actor: Actor | null) => {
    const now = clock.now();
    if ((db.prepare('SELECT COUNT(*) AS n FROM conversations').get() as { n: number }).n > 0) return;
    ensureChannels(db, now);
    const agents = (db.prepare('SELECT id FROM users ORDER BY id').all() as Array<{ id: string }>).map((u) => u.id);
    seedConversations(db, { count: 60, now, agentIds: agents });
    seedCannedAndAlerts(db, now);
    if (actor) audit('demo.start', actor.id, null, {});
  };

  return {
    notifications,
    close: () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
    lock(reason) {
      lockReason = reason;
      signedIn = null;
      audit('session.lock', 'system', null, { reason });
    },
    receive(m) {
      const now = clock.now();
      const contactKey = `${m.channelId}:${m.contact}`;
      const existing = db.prepare("SELECT id FROM conversations WHERE contact_key = ? AND status != 'resolved' ORDER BY id DESC LIMIT 1").get(contactKey) as { id: number } | undefined;
      const assignee = m.assignTo ?? null;
      const id = existing?.id ??
        Number(
          db.prepare(
            `INSERT INTO conversations (channel_id, contact_name, contact_handle, contact_key, status, assignee_id, unread, last_activity_at, last_inbound_at, created_at)
             VALUES (?, ?, ?, ?, 'open', ?, 0, ?, ?, ?)`,
          ).run(m.channelId, m.contact, `@${m.contact.split(' ')[0]!.toLowerCase()}`, contactKey, assignee, now, now, now).lastInsertRowid,
        );
      const { masked } = insertMessage({ conversationId: id, direction: 'in', text: m.text, sentAt: now });
      db.prepare("UPDATE conversations SET preview = ?, unread = unread + 1, last_activity_at = ?, last_inbound_at = ?, status = CASE status WHEN 'resolved' THEN 'open' ELSE status END WHERE id = ?").run(masked, now, now, id);
      changed([id], assignee && assignee === signedIn && !existing ? [id] : []);
      return id;
    },

    session: {
      current: session,
      actor: actorOf,
      async setupAdministrator(input) {
        if (session().state !== 'setup') throw new DiwanError('already_set_up', 'Diwan already has an administrator. Sign in instead.');
        const id = `u-${crypto.randomBytes(4).toString('hex')}`;
        addUser(db, { id, username: input.username, name: input.name, role: 'admin', password: input.password });
        audit('user.create_admin', id, `user:${id}`, {});
        signedIn = id;
        lockReason = null;
        return session();
      },
      async signIn(input) {
        const u = db.prepare('SELECT * FROM users WHERE username = ?').get(input.username) as UserRow | undefined;
        const { hash } = hashPassword(input.password, u?.salt ?? Buffer.alloc(16));
        if (!u || u.disabled || !crypto.timingSafeEqual(hash, u.hash)) {
          audit('session.sign_in_failed', 'system', null, {});
          throw new DiwanError('sign_in_failed', 'That username and password do not match. Check them and try again.');
        }
        signedIn = u.id;
        lockReason = null;
        db.prepare('UPDATE users SET last_sign_in_at = ? WHERE id = ?').run(clock.now(), u.id);
        audit('session.sign_in', u.id, `user:${u.id}`, {});
        return session();
      },
      signOut() {
        if (signedIn) audit('session.sign_out', signedIn, null, {});
        signedIn = null;
        return session();
      },
    },

    inbox: {
      listConversations({ actorId, filter, cursor, limit }) {
        const where: string[] = [];
        const args: Array<string | number> = [];
        if (filter.scope === 'mine') {
          where.push('c.assignee_id = ?');
          args.push(actorId);
        }
        if (filter.scope === 'unassigned') where.push('c.assignee_id IS NULL');
        if (filter.channelId) {
          where.push('c.channel_id = ?');
          args.push(filter.channelId);
        }
        if (filter.status) {
          where.push('c.status = ?');
          args.push(filter.status);
        }
        if (filter.label) {
          where.push('c.id IN (SELECT conversation_id FROM conversation_labels WHERE label = ?)');
          args.push(filter.label);
        }
        const total = (db.prepare(`SELECT COUNT(*) AS n FROM conversations c ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`).get(...args) as { n: number }).n;
        const page = [...where];
        const pageArgs = [...args];
        const at = cursor ? /^(\d+):(\d+)$/.exec(cursor) : null;
        if (cursor && !at) throw new DiwanError('bad_cursor', 'The list position was not valid; the inbox starts again from the top.');
        if (at) {
          page.push('(c.last_activity_at < ? OR (c.last_activity_at = ? AND c.id < ?))');
          pageArgs.push(Number(at[1]), Number(at[1]), Number(at[2]));
        }
        const rows = db.prepare(`${SUMMARY_SQL} ${page.length ? 'WHERE ' + page.join(' AND ') : ''} ORDER BY c.last_activity_at DESC, c.id DESC LIMIT ?`).all(...pageArgs, limit) as SummarySqlRow[];
        const labels = labelsOf(rows.map((r) => r.id));
        const last = rows[rows.length - 1];
        return {
          items: rows.map((r) => toRow(r, labels.get(r.id) ?? [])),
          nextCursor: rows.length === limit && last ? `${last.last_activity_at}:${last.id}` : null,
          total,
        };
      },
      counts(actorId) {
        const q = (sql: string, ...a: string[]) => (db.prepare(`SELECT COUNT(*) AS n FROM conversations WHERE status != 'resolved' ${sql}`).get(...a) as { n: number }).n;
        return {
          mine: q('AND assignee_id = ?', actorId),
          unassigned: q('AND assignee_id IS NULL'),
          all: q(''),
          labels: (db.prepare('SELECT DISTINCT label FROM conversation_labels ORDER BY label LIMIT 200').all() as Array<{ label: string }>).map((r) => r.label),
          channels: db.prepare("SELECT ch.id, ch.kind, ch.name, COALESCE(u.n, 0) AS unread FROM channels ch LEFT JOIN (SELECT channel_id, SUM(unread) AS n FROM conversations WHERE status != 'resolved' GROUP BY channel_id) u ON u.channel_id = ch.id ORDER BY ch.id").all() as Array<{ id: string; kind: ChannelKindT; name: string; unread: number }>,
        };
      },
      channelHealth: health,
      agents() {
        return db.prepare("SELECT id, name FROM users WHERE disabled = 0 ORDER BY name").all() as Array<{ id: string; name: string }>;
      },
      conversation(id, { markRead }) {
        const r = db.prepare(`${SUMMARY_SQL} WHERE c.id = ?`).get(id) as SummarySqlRow | undefined;
        if (!r) return null;
        if (markRead && r.unread) {
          db.prepare('UPDATE conversations SET unread = 0 WHERE id = ?').run(id);
          r.unread = 0;
        }
        const messages = (db.prepare(`${MESSAGE_SQL} WHERE m.conversation_id = ? ORDER BY m.sent_at, m.id LIMIT 2000`).all(id) as Array<Parameters<typeof messageRow>[0]>).map(messageRow);
        const notes = (db.prepare('SELECT n.*, u.name AS author_name FROM notes n LEFT JOIN users u ON u.id = n.author_id WHERE conversation_id = ? ORDER BY created_at').all(id) as Array<{ id: number; author_id: string | null; author_name: string | null; created_at: number; masked_text: string }>).map((n) => ({
          id: n.id,
          author: n.author_id ? { id: n.author_id, name: n.author_name ?? n.author_id } : null,
          createdAt: n.created_at,
          maskedText: n.masked_text,
        }));
        const earlier = db.prepare('SELECT c.id, c.status, c.last_activity_at, c.preview, ch.kind FROM conversations c JOIN channels ch ON ch.id = c.channel_id WHERE contact_key = ? AND c.id != ? ORDER BY last_activity_at DESC LIMIT 20').all(r.contact_key, id) as Array<{ id: number; status: StatusT; last_activity_at: number; preview: string; kind: ChannelKindT }>;
        return {
          summary: toRow(r, labelsOf([id]).get(id) ?? []),
          messages,
          notes,
          customer: {
            name: r.contact_name,
            handle: r.contact_handle,
            fields: JSON.parse(r.contact_fields) as Array<{ label: string; maskedText: string }>,
            earlier: earlier.map((e) => ({ id: e.id, status: e.status, lastActivityAt: e.last_activity_at, preview: e.preview, channelKind: e.kind })),
          },
          replyWindow: replyWindow(r.channel_kind, r.last_inbound_at),
        };
      },
      async reveal({ actor, messageId, fieldIndex, reason }) {
        const f = db.prepare('SELECT type, value FROM fields WHERE message_id = ? AND n = ?').get(messageId, fieldIndex) as { type: string; value: string } | undefined;
        if (!f) throw new DiwanError('field_not_found', 'That masked value is no longer stored (retention may have removed it).');
        const expiresAt = clock.now() + (opts.revealMs ?? REVEAL_MS);
        audit('field.reveal', actor.id, `message:${messageId}`, { fieldIndex, type: f.type, reason });
        return { value: f.value, type: f.type, expiresAt };
      },
      setStatus({ actor, conversationId, status, snoozeUntil }) {
        const now = clock.now();
        summary(conversationId);
        db.prepare("UPDATE conversations SET status = ?, snoozed_until = ?, resolved_at = CASE WHEN ? = 'resolved' THEN ? ELSE NULL END, resolution_ms = CASE WHEN ? = 'resolved' THEN ? - created_at ELSE resolution_ms END WHERE id = ?")
          .run(status, status === 'snoozed' ? snoozeUntil : null, status, now, status, now, conversationId);
        audit('conversation.status', actor.id, `conversation:${conversationId}`, { status });
        changed([conversationId]);
        return summary(conversationId);
      },
      assign({ actor, conversationId, assigneeId }) {
        summary(conversationId);
        if (assigneeId && !user(assigneeId)) throw new DiwanError('no_such_user', 'That person is not a Diwan user.');
        db.prepare('UPDATE conversations SET assignee_id = ? WHERE id = ?').run(assigneeId, conversationId);
        audit('conversation.assign', actor.id, `conversation:${conversationId}`, { assignee: assigneeId ?? 'none' });
        changed([conversationId], assigneeId === signedIn && assigneeId !== actor.id ? [conversationId] : []);
        return summary(conversationId);
      },
      addNote({ actor, conversationId, text }) {
        summary(conversationId);
        const { masked } = demoMask(text);
        const now = clock.now();
        const id = Number(db.prepare('INSERT INTO notes (conversation_id, author_id, masked_text, created_at) VALUES (?, ?, ?, ?)').run(conversationId, actor.id, masked, now).lastInsertRowid);
        audit('conversation.note', actor.id, `conversation:${conversationId}`, {});
        return { id, author: { id: actor.id, name: actor.name }, createdAt: now, maskedText: masked };
      },
      setLabels({ actor, conversationId, labels }) {
        summary(conversationId);
        db.transaction(() => {
          db.prepare('DELETE FROM conversation_labels WHERE conversation_id = ?').run(conversationId);
          const ins = db.prepare('INSERT INTO conversation_labels (conversation_id, label) VALUES (?, ?)');
          for (const l of labels) ins.run(conversationId, l.toLowerCase());
        })();
        audit('conversation.labels', actor.id, `conversation:${conversationId}`, { count: labels.length });
        return summary(conversationId);
      },
      resolveUnknownDelivery({ actor, messageId, action }) {
        const m = message(messageId);
        if (m.delivery?.state !== 'unknown') throw new DiwanError('not_unknown', 'This reply is no longer in doubt; its state is shown beside it.');
        const conv = (db.prepare('SELECT conversation_id AS id FROM messages WHERE id = ?').get(messageId) as { id: number }).id;
        if (action === 'resend') {
          db.prepare("UPDATE messages SET delivery = 'queued', delivery_reason = NULL WHERE id = ?").run(messageId);
          scheduleDelivery(messageId, conv);
        } else {
          db.prepare("UPDATE messages SET delivery = 'failed', delivery_reason = 'Marked as not delivered by an agent.' WHERE id = ?").run(messageId);
        }
        audit('reply.unknown_resolved', actor.id, `message:${messageId}`, { action });
        return message(messageId);
      },
      search({ query, channelId, status, from, to, limit }) {
        const terms = foldText(query).split(/\s+/).filter(Boolean).slice(0, 8);
        const where = terms.map(() => "m.search_text LIKE ? ESCAPE '\\'");
        const args: Array<string | number> = terms.map((t) => `%${t.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
        if (channelId) {
          where.push('c.channel_id = ?');
          args.push(channelId);
        }
        if (status) {
          where.push('c.status = ?');
          args.push(status);
        }
        if (from !== undefined) {
          where.push('m.sent_at >= ?');
          args.push(from);
        }
        if (to !== undefined) {
          where.push('m.sent_at <= ?');
          args.push(to);
        }
        const base = `FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN channels ch ON ch.id = c.channel_id WHERE ${where.join(' AND ')}`;
        const total = (db.prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 ${base} LIMIT 1000)`).get(...args) as { n: number }).n;
        const rows = db.prepare(`SELECT m.id, m.conversation_id, m.sent_at, m.direction, m.masked_text, ch.kind ${base} ORDER BY m.sent_at DESC LIMIT ?`).all(...args, limit) as Array<{ id: number; conversation_id: number; sent_at: number; direction: 'in' | 'out'; masked_text: string; kind: ChannelKindT }>;
        const who = actorOf();
        if (who) audit('search', who.id, null, { terms: terms.length, hits: total });
        return { total, rows: rows.map((r) => ({ conversationId: r.conversation_id, messageId: r.id, channelKind: r.kind, sentAt: r.sent_at, direction: r.direction, maskedText: r.masked_text })) };
      },
      startDemoWorkspace: startDemo,
    },

    composer: {
      cannedReplies: () => db.prepare('SELECT id, shortcut, title, body FROM canned ORDER BY shortcut').all() as Array<{ id: number; shortcut: string; title: string; body: string }>,
      templateVariables({ actor, conversationId, cannedReplyId }) {
        const c = db.prepare('SELECT body FROM canned WHERE id = ?').get(cannedReplyId) as { body: string } | undefined;
        const conv = db.prepare(`${SUMMARY_SQL} WHERE c.id = ?`).get(conversationId) as SummarySqlRow | undefined;
        if (!c || !conv) return null;
        return {
          body: c.body,
          variables: {
            'customer.firstName': conv.contact_name.split(' ')[0] ?? '',
            'customer.name': conv.contact_name,
            'agent.name': actor.name.split(' ')[0] ?? actor.name,
            'channel.name': conv.channel_name,
          },
        };
      },
      check: ({ text }) => guardCheck(text),
      queueReply({ actor, conversationId, text, humanAgentTag }) {
        const now = clock.now();
        const { id, masked } = insertMessage({ conversationId, direction: 'out', text, sentAt: now, authorId: actor.id, delivery: 'queued' });
        db.prepare('UPDATE conversations SET preview = ?, last_activity_at = ?, first_response_ms = COALESCE(first_response_ms, ? - created_at) WHERE id = ?').run(masked, now, now, conversationId);
        audit('reply.send', actor.id, `conversation:${conversationId}`, { message: id, humanAgentTag });
        scheduleDelivery(id, conversationId);
        changed([conversationId]);
        return message(id);
      },
    },

    lead: {
      reviewQueue() {
        return (db.prepare("SELECT c.id, ch.kind, c.assignee_id, u.name, c.resolved_at, c.score FROM conversations c JOIN channels ch ON ch.id = c.channel_id LEFT JOIN users u ON u.id = c.assignee_id WHERE c.status = 'resolved' ORDER BY c.resolved_at DESC LIMIT 200").all() as Array<{ id: number; kind: ChannelKindT; assignee_id: string | null; name: string | null; resolved_at: number | null; score: number | null }>).map((r) => ({
          conversationId: r.id,
          channelKind: r.kind,
          agent: r.assignee_id ? { id: r.assignee_id, name: r.name ?? r.assignee_id } : null,
          resolvedAt: r.resolved_at,
          score: r.score,
        }));
      },
      score({ actor, conversationId, score, comment }) {
        summary(conversationId);
        db.prepare('UPDATE conversations SET score = ?, score_comment = ? WHERE id = ?').run(score, comment, conversationId);
        audit('review.score', actor.id, `conversation:${conversationId}`, { score });
        const item = this.reviewQueue().find((i) => i.conversationId === conversationId);
        return item ?? { conversationId, channelKind: summary(conversationId).channelKind, agent: null, resolvedAt: null, score };
      },
      report({ from, to }) {
        const perChannel = (db.prepare(`SELECT ch.id, ch.kind, ch.name, SUM(m.direction = 'in') AS inbound, SUM(m.direction = 'out') AS outbound, COUNT(DISTINCT m.conversation_id) AS conversations
            FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN channels ch ON ch.id = c.channel_id
            WHERE m.sent_at BETWEEN ? AND ? GROUP BY ch.id ORDER BY ch.id`).all(from, to) as Array<{ id: string; kind: ChannelKindT; name: string; inbound: number; outbound: number; conversations: number }>).map((r) => ({ channelId: r.id, channelKind: r.kind, channelName: r.name, inbound: r.inbound, outbound: r.outbound, conversations: r.conversations }));
        const day = (col: string) => `strftime('%Y-%m-%d', ${col} / 1000, 'unixepoch')`;
        const inbound = db.prepare(`SELECT ${day('sent_at')} AS d, COUNT(*) AS n FROM messages WHERE direction = 'in' AND sent_at BETWEEN ? AND ? GROUP BY d`).all(from, to) as Array<{ d: string; n: number }>;
        const resolved = db.prepare(`SELECT ${day('resolved_at')} AS d, COUNT(*) AS n FROM conversations WHERE resolved_at BETWEEN ? AND ? GROUP BY d`).all(from, to) as Array<{ d: string; n: number }>;
        const days = new Map<string, { day: string; inbound: number; resolved: number }>();
        for (const r of inbound) days.set(r.d, { day: r.d, inbound: r.n, resolved: 0 });
        for (const r of resolved) days.set(r.d, { ...(days.get(r.d) ?? { day: r.d, inbound: 0 }), resolved: r.n });
        const col = (c: string) => (db.prepare(`SELECT ${c} AS v FROM conversations WHERE created_at BETWEEN ? AND ? AND ${c} IS NOT NULL ORDER BY ${c}`).all(from, to) as Array<{ v: number }>).map((r) => r.v);
        const fr = col('first_response_ms');
        const res = col('resolution_ms');
        return {
          from,
          to,
          perChannel,
          daily: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)).slice(-400),
          firstResponseMs: { p50: pct(fr, 0.5), p90: pct(fr, 0.9) },
          resolutionMs: { p50: pct(res, 0.5), p90: pct(res, 0.9) },
          slaBreaches: fr.filter((v) => v > SLA_FIRST_RESPONSE_MS).length,
          slaTargetMs: SLA_FIRST_RESPONSE_MS,
        };
      },
      alerts() {
        return (db.prepare('SELECT * FROM alerts ORDER BY created_at DESC LIMIT 500').all() as Array<{ id: number; kind: string; severity: 'info' | 'warning' | 'critical'; created_at: number; summary: string; conversation_ids: string; acknowledged: number }>).map(alertDto);
      },
      acknowledgeAlert({ actor, alertId }) {
        const changedRows = db.prepare('UPDATE alerts SET acknowledged = 1 WHERE id = ?').run(alertId).changes;
        if (!changedRows) throw new DiwanError('not_found', 'That alert no longer exists.');
        audit('alert.acknowledge', actor.id, `alert:${alertId}`, {});
        return alertDto(db.prepare('SELECT * FROM alerts WHERE id = ?').get(alertId) as Parameters<typeof alertDto>[0]);
      },
    },

    admin: {
      channels() {
        const unread = new Map((db.prepare("SELECT channel_id AS id, SUM(unread) AS n FROM conversations WHERE status != 'resolved' GROUP BY channel_id").all() as Array<{ id: string; n: number }>).map((r) => [r.id, r.n]));
        const healthById = new Map(health().map((h) => [h.channelId, h]));
        return (db.prepare('SELECT * FROM channels ORDER BY id').all() as Array<{ id: string; kind: ChannelKindT; name: string; enabled: number }>).map((c) => ({
          id: c.id,
          kind: c.kind,
          name: c.name,
          enabled: !!c.enabled,
          health: healthById.get(c.id) ?? { channelId: c.id, state: 'unknown' as const, checkedAt: null },
          unread: unread.get(c.id) ?? 0,
        }));
      },
      saveChannel({ actor, id, kind, name }) {
        db.prepare('INSERT INTO channels (id, kind, name, health) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name').run(id, kind, name, 'unknown');
        audit('channel.save', actor.id, `channel:${id}`, { kind });
      },
      recordCredentialsSaved({ actor, channelId, fields }) {
        audit('channel.credentials', actor.id, `channel:${channelId}`, { fields: fields.join(',') });
      },
      users() {
        return (db.prepare('SELECT * FROM users ORDER BY name').all() as UserRow[]).map(userDto);
      },
      setRole({ actor, userId, role }) {
        if (userId === actor.id && role !== 'admin') throw new DiwanError('own_role', 'You cannot take the administrator role from yourself. Ask another administrator.');
        if (!db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, userId).changes) throw new DiwanError('no_such_user', 'That person is not a Diwan user.');
        audit('user.role', actor.id, `user:${userId}`, { role });
        return userDto(user(userId)!);
      },
      device() {
        return {
          deviceId: 'demo-device',
          enrolled: true,
          policy: { state: 'valid' as const, signedBy: 'Demo IT (not a real policy)', expiresAt: clock.now() + 90 * 86_400_000 },
          network: { verdict: lockReason === 'off-network' ? ('off_network' as const) : ('office' as const), checkedAt: clock.now(), detail: 'Demo workspace: no beacon is checked.' },
        };
      },
      audit({ before, limit }) {
        return (db.prepare(`SELECT seq, at, actor, action, target, details FROM audit ${before ? 'WHERE seq < ?' : ''} ORDER BY seq DESC LIMIT ?`).all(...(before ? [before, limit] : [limit])) as Array<{ seq: number; at: number; actor: string; action: string; target: string | null; details: string }>);
      },
      verifyAudit() {
        let prev = '';
        let checked = 0;
        for (const r of db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as Iterable<{ seq: number; at: number; actor: string; action: string; target: string | null; details: string; hash: string }>) {
          if (chainHash(prev, r.at, r.actor, r.action, r.target, r.details) !== r.hash) return { ok: false, checked, brokenAt: r.seq };
          prev = r.hash;
          checked++;
        }
        return { ok: true, checked, brokenAt: null };
      },
    },

    notifier: {
      notify(n) {
        notifications.push(n);
        return true;
      },
    },
  };

  function health() {
    return (db.prepare('SELECT id, health, health_detail, checked_at FROM channels ORDER BY id').all() as Array<{ id: string; health: 'ok' | 'degraded' | 'down' | 'unknown'; health_detail: string | null; checked_at: number | null }>).map((c) => ({
      channelId: c.id,
      state: c.health,
      checkedAt: c.checked_at,
      ...(c.health === 'degraded' ? { detail: c.health_detail ?? 'The platform is answering slowly; messages may arrive late.' } : {}),
    }));
  }
}

function chainHash(prev: string, at: number, actor: string, action: string, target: string | null, details: string): string {
  return crypto.createHash('sha256').update(JSON.stringify([prev, at, actor, action, target, details])).digest('hex');
}

function pct(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function alertDto(r: { id: number; kind: string; severity: 'info' | 'warning' | 'critical'; created_at: number; summary: string; conversation_ids: string; acknowledged: number }) {
  return { id: r.id, kind: r.kind, severity: r.severity, createdAt: r.created_at, summary: r.summary, conversationIds: JSON.parse(r.conversation_ids) as number[], acknowledged: !!r.acknowledged };
}

function userDto(u: UserRow) {
  return { id: u.id, name: u.name, username: u.username, role: u.role, twoFactor: false, disabled: !!u.disabled, lastSignInAt: u.last_sign_in_at };
}

export { addUser, seedConversations, seedCannedAndAlerts, ensureChannels };
