import Database from 'better-sqlite3';
import { customerWords } from '../store/search-text';
import { FieldCipher } from '../vault';
import type { CannedReplyView, ConversationView, LabelView, MessageView, PresenceView, TeamMember } from './wire';

/**
 * A team console's local copy of what its user may see, in its own SQLite file: masked conversations and messages
 * as the hub's event stream delivered them, the acknowledged cursor, and the console's own outbox. Nothing here is
 * an original: queued reply text is encrypted under a key from the OS keychain until the hub has taken it.
 */
/** A cached conversation or message is what the hub sent (`wire.ts`). */
export type CachedConversation = ConversationView;
export type CachedMessage = Omit<MessageView, 'attachments'> & { attachments?: unknown[] };

export interface CachedNote {
  id: number;
  conversationId: number;
  authorId: number | null;
  maskedText: string;
  at: number;
}

export interface CachedChannel {
  id: string;
  kind: string;
  name: string;
  enabled: boolean;
  /** As the hub node running the channel last reported it (`channel.health`); absent until one has. */
  health?: { state: 'ok' | 'degraded' | 'down' | 'unknown'; detail?: string; checkedAt: number | null };
}

export interface QueuedReply {
  clientId: string;
  conversationId: number;
  text: string;
  seenSeq: number;
  attempts: number;
  /** The author chose to send it over newer activity. */
  sendAnyway: boolean;
  /** The author ticked "human agent" (Messenger, Instagram: sent with the HUMAN_AGENT tag). */
  humanAgentTag: boolean;
}

/** What the hub tells this user alone or the leads: named in a note, a conversation taken back, an SLA breached. */
export const NOTIFICATION_KINDS = ['note.mention', 'conversation.returned', 'sla.breached'] as const;

export interface Notification {
  seq: number;
  kind: (typeof NOTIFICATION_KINDS)[number];
  conversationId: number;
  /** The event's payload: `by` and `maskedText` for a mention, `target` and `dueAt` for a breach, … */
  [field: string]: unknown;
}

export class TeamCache {
  readonly db: Database.Database;
  private readonly cipher: FieldCipher;

  constructor(file: string, outboxKey: Buffer) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS cursor (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS conversations (id INTEGER PRIMARY KEY, last_message_at INTEGER NOT NULL, body TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY, conversation_id INTEGER NOT NULL, body TEXT NOT NULL, seq INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS early_updates (message_id INTEGER PRIMARY KEY, conversation_id INTEGER NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS messages_conversation ON messages(conversation_id, id);
      CREATE TABLE IF NOT EXISTS team (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS labels (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS conversation_labels (conversation_id INTEGER PRIMARY KEY, label_ids TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS canned_replies (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, conversation_id INTEGER NOT NULL, body TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS notes_conversation ON notes(conversation_id, id);
      CREATE TABLE IF NOT EXISTS channels (id TEXT PRIMARY KEY, body TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS read_marks (conversation_id INTEGER PRIMARY KEY, message_id INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS outbox (
        n INTEGER PRIMARY KEY AUTOINCREMENT, client_id TEXT NOT NULL UNIQUE, conversation_id INTEGER NOT NULL,
        sealed BLOB NOT NULL, seen_seq INTEGER NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
        reason TEXT, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS presence (user_id INTEGER PRIMARY KEY, body TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS notifications (seq INTEGER PRIMARY KEY, body TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS snoozes (conversation_id INTEGER PRIMARY KEY, until INTEGER NOT NULL);
    `);
    // Added after the first team release: which hub message a reply became (absent in older cache files).
    const cols = this.db.prepare("SELECT name FROM pragma_table_info('outbox')").pluck().all() as string[];
    if (!cols.includes('message_id')) this.db.exec('ALTER TABLE outbox ADD COLUMN message_id INTEGER');
    // Caches written before "send anyway" existed gain its column.
    if (!(this.db.prepare('PRAGMA table_info(outbox)').all() as Array<{ name: string }>).some((c) => c.name === 'send_anyway')) {
      this.db.exec('ALTER TABLE outbox ADD COLUMN send_anyway INTEGER NOT NULL DEFAULT 0');
    }
    // And before a reply kept its author's "human agent" tick until the hub took it.
    if (!(this.db.prepare('PRAGMA table_info(outbox)').all() as Array<{ name: string }>).some((c) => c.name === 'human_agent_tag')) {
      this.db.exec('ALTER TABLE outbox ADD COLUMN human_agent_tag INTEGER NOT NULL DEFAULT 0');
    }
    // And before customer search read names from a column (issue #26): every cached conversation's customer's words,
    // as the store's search folds them, so a search by name parses only the conversations whose customer matches.
    if (!(this.db.prepare('PRAGMA table_info(conversations)').all() as Array<{ name: string }>).some((c) => c.name === 'names')) {
      this.db.transaction(() => {
        this.db.exec('ALTER TABLE conversations ADD COLUMN names TEXT');
        const set = this.db.prepare('UPDATE conversations SET names = ? WHERE id = ?');
        for (const r of this.db.prepare('SELECT id, body FROM conversations').all() as Array<{ id: number; body: string }>) {
          set.run(namesColumn(JSON.parse(r.body) as CachedConversation), r.id);
        }
      })();
    }
    // And before a message kept the sequence number of the event that last wrote it (`messageWriter`).
    if (!(this.db.prepare('PRAGMA table_info(messages)').all() as Array<{ name: string }>).some((c) => c.name === 'seq')) {
      this.db.exec('ALTER TABLE messages ADD COLUMN seq INTEGER NOT NULL DEFAULT 0');
    }
    this.cipher = new FieldCipher({ current: 1, keys: new Map([[1, outboxKey]]) });
  }

  cursor(): number {
    return (this.db.prepare('SELECT seq FROM cursor WHERE id = 1').get() as { seq: number } | undefined)?.seq ?? 0;
  }

  /** Applies one frame of the stream and moves the cursor, in one transaction: a crash never skips an event. */
  applyFrame(upTo: number, events: Array<{ seq: number; kind: string; payload: unknown }>): void {
    this.apply(events, upTo);
  }

  /**
   * A conversation the hub gave on request (`GET /v1/conversations/:id/messages`) that this cache did not hold — one
   * from before this person could read its channel: kept as its stream events would keep it. The cursor does not
   * move; later events for it arrive on the stream as for any other.
   */
  adopt(conversation: CachedConversation, messages: MessageView[], marks: { labelIds: readonly number[]; snoozedUntil: number | null }): void {
    const conversationId = conversation.id;
    // The answer may be older than what the stream brought while it was on its way (or than another opening's answer):
    // it only fills what the cache lacks. A conversation held by now is the stream's, and so are its labels and wake-up
    // time once the cache holds them; of the answer's messages only those not held are kept (seq 0, `messageWriter`).
    const held = this.conversation(conversationId);
    const labelled = this.db.prepare('SELECT 1 FROM conversation_labels WHERE conversation_id = ?').get(conversationId) !== undefined;
    const snoozed = (held ?? conversation).status === 'snoozed' && marks.snoozedUntil !== null && this.snoozedUntil(conversationId) === null;
    const events = [
      ...(held ? [] : [{ seq: 0, kind: 'conversation.updated', payload: conversation }]),
      ...(labelled ? [] : [{ seq: 0, kind: 'conversation.labels', payload: { conversationId, labelIds: marks.labelIds } }]),
      ...(snoozed ? [{ seq: 0, kind: 'conversation.snoozed', payload: { conversationId, until: marks.snoozedUntil } }] : []),
      ...messages.filter((m) => m.conversationId === conversationId).map((m) => ({ seq: 0, kind: 'message.added', payload: m })),
    ];
    this.apply(events, null);
  }

  private apply(events: Array<{ seq: number; kind: string; payload: unknown }>, upTo: number | null): void {
    const putConversation = this.db.prepare(
      'INSERT INTO conversations (id, last_message_at, body, names) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET last_message_at = excluded.last_message_at, body = excluded.body, names = excluded.names',
    );
    const getConversation = this.db.prepare('SELECT body FROM conversations WHERE id = ?').pluck();
    const conversationOf = (id: unknown) => {
      const raw = getConversation.get(id as number) as string | undefined;
      return raw ? (JSON.parse(raw) as CachedConversation) : null;
    };
    const messages = this.messageWriter();
    const putMember = this.db.prepare('INSERT INTO team (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body');
    const putNote = this.db.prepare('INSERT INTO notes (id, conversation_id, body) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body');
    const putChannel = this.db.prepare('INSERT INTO channels (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body');
    const getChannel = this.db.prepare('SELECT body FROM channels WHERE id = ?').pluck();
    const channelOf = (id: unknown) => {
      const raw = getChannel.get(id as string) as string | undefined;
      return raw ? (JSON.parse(raw) as CachedChannel) : null;
    };
    const putPresence = this.db.prepare('INSERT INTO presence (user_id, body) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET body = excluded.body');
    const putNotification = this.db.prepare('INSERT INTO notifications (seq, body) VALUES (?, ?) ON CONFLICT (seq) DO NOTHING');
    const putSnooze = this.db.prepare('INSERT INTO snoozes (conversation_id, until) VALUES (?, ?) ON CONFLICT (conversation_id) DO UPDATE SET until = excluded.until');
    const dropSnooze = this.db.prepare('DELETE FROM snoozes WHERE conversation_id = ?');
    this.db.transaction(() => {
      for (const e of events) {
        const p = e.payload as Record<string, unknown>;
        if (e.kind === 'conversation.updated') {
          const c = p as unknown as CachedConversation;
          // The held-copy count arrives on its own (`conversation.copies`) and stays until it changes.
          const copies = conversationOf(c.id)?.heldCopies;
          const kept = copies ? { ...c, heldCopies: copies } : c;
          putConversation.run(kept.id, kept.lastMessageAt, JSON.stringify(kept), namesColumn(kept));
          // Any status but `snoozed` ends a snooze (woken, or set by someone); its time arrives as `conversation.snoozed`.
          if (c.status !== 'snoozed') dropSnooze.run(c.id);
        } else if (e.kind === 'conversation.copies') {
          const c = conversationOf(p.conversationId);
          const n = typeof p.heldCopies === 'number' && Number.isSafeInteger(p.heldCopies) && p.heldCopies > 0 ? p.heldCopies : 0;
          if (c) {
            const { heldCopies: _old, ...rest } = c;
            const next: CachedConversation = n ? { ...rest, heldCopies: n } : rest;
            putConversation.run(next.id, next.lastMessageAt, JSON.stringify(next), namesColumn(next));
          }
        } else if (e.kind === 'conversation.snoozed') {
          putSnooze.run(p.conversationId, p.until);
        } else if (e.kind === 'message.added') {
          const m = p as unknown as CachedMessage & { clientId?: string };
          messages.add(m, e.seq);
          if (m.clientId) this.markAccepted(m.clientId, m.id);
        } else if (e.kind === 'message.delivery') {
          messages.update(p.messageId, p.conversationId, { delivery: p.delivery }, e.seq);
        } else if (e.kind === 'message.revised') {
          // The customer edited or deleted it: the old version stays, marked, beside the message that superseded it.
          messages.update(p.messageId, p.conversationId, { revision: p.revision, revisedBy: p.revisedBy }, e.seq);
        } else if (e.kind === 'user.updated') {
          putMember.run(p.id, JSON.stringify(p));
        } else if (e.kind === 'note.added') {
          putNote.run(p.id, p.conversationId, JSON.stringify(p));
        } else if (e.kind === 'channel.updated') {
          // A change of name or settings keeps the health the channel's node reported.
          const health = channelOf(p.id)?.health;
          putChannel.run(p.id, JSON.stringify({ ...p, ...(health ? { health } : {}) }));
        } else if (e.kind === 'channel.health') {
          const c = channelOf(p.channelId);
          if (c) putChannel.run(c.id, JSON.stringify({ ...c, health: { state: p.state, ...(p.detail ? { detail: p.detail } : {}), checkedAt: p.checkedAt } }));
        } else if (e.kind === 'customer_data.removed') {
          this.dropRemoved(p as { conversationIds?: unknown; messageIds?: unknown });
        } else if (e.kind === 'presence.updated') {
          putPresence.run(p.userId, JSON.stringify(p));
        } else if ((NOTIFICATION_KINDS as readonly string[]).includes(e.kind)) {
          putNotification.run(e.seq, JSON.stringify({ ...p, seq: e.seq, kind: e.kind }));
        } else {
          this.applyTeamData(e.kind, p);
        }
      }
      if (upTo !== null) {
        this.db.prepare('INSERT INTO cursor (id, seq) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq WHERE cursor.seq < excluded.seq').run(upTo);
      }
    })();
  }

  /**
   * The one rule for a message's state, whatever order the stream and a fetched answer bring it in. Each message keeps
   * the sequence number of the newest event that wrote it; an event not newer than that (a frame seen again) changes
   * nothing, and a fetched answer (`seq` 0: it may be older than the stream) only adds a message not held. An update
   * (`message.delivery`, `message.revised`) of a message not held yet — the stream brought it while the conversation's
   * fetch was on its way, or before this person could read the message's channel — waits in `early_updates` and is laid
   * over the message when it arrives, unless the message's own event is newer.
   */
  private messageWriter() {
    const get = this.db.prepare('SELECT body, seq FROM messages WHERE id = ?');
    const put = this.db.prepare('INSERT INTO messages (id, conversation_id, body, seq) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body, seq = excluded.seq');
    const getEarly = this.db.prepare('SELECT body, seq FROM early_updates WHERE message_id = ?');
    const putEarly = this.db.prepare(
      'INSERT INTO early_updates (message_id, conversation_id, seq, body) VALUES (?, ?, ?, ?) ON CONFLICT (message_id) DO UPDATE SET seq = excluded.seq, body = excluded.body',
    );
    const dropEarly = this.db.prepare('DELETE FROM early_updates WHERE message_id = ?');
    // Nearly always none wait: a frame's messages then cost no look-up there.
    let anyEarly = this.db.prepare('SELECT EXISTS (SELECT 1 FROM early_updates)').pluck().get() === 1;
    type Row = { body: string; seq: number };
    return {
      add: (m: CachedMessage, seq: number) => {
        const held = get.get(m.id) as Row | undefined;
        if (held && (seq === 0 || seq <= held.seq)) return;
        const early = anyEarly ? (getEarly.get(m.id) as Row | undefined) : undefined;
        if (early) dropEarly.run(m.id);
        const later = early && (seq === 0 || early.seq > seq) ? early : null;
        put.run(m.id, m.conversationId, JSON.stringify(later ? { ...m, ...(JSON.parse(later.body) as object) } : m), later ? later.seq : seq);
      },
      update: (id: unknown, conversationId: unknown, fields: Record<string, unknown>, seq: number) => {
        const held = get.get(id as number) as Row | undefined;
        if (held) {
          if (seq > held.seq) put.run(id, conversationId, JSON.stringify({ ...(JSON.parse(held.body) as CachedMessage), ...fields }), seq);
          return;
        }
        const early = getEarly.get(id as number) as Row | undefined;
        if (early && seq <= early.seq) return;
        putEarly.run(id, conversationId, seq, JSON.stringify({ ...(early ? (JSON.parse(early.body) as object) : {}), ...fields }));
        anyEarly = true;
      },
    };
  }

  /**
   * A customer erased at the hub, or retention: their conversations (with messages, notes, labels, marks, snooze and
   * this console's replies still waiting for them) or single old messages leave the cache in the frame's transaction.
   */
  private dropRemoved(p: { conversationIds?: unknown; messageIds?: unknown }): void {
    const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x)) : []);
    for (const id of ids(p.conversationIds)) {
      for (const table of ['messages', 'early_updates', 'notes', 'conversation_labels', 'read_marks', 'snoozes', 'outbox']) {
        this.db.prepare(`DELETE FROM ${table} WHERE conversation_id = ?`).run(id);
      }
      this.db.prepare('DELETE FROM conversations WHERE id = ?').run(id);
    }
    const dropMessage = this.db.prepare('DELETE FROM messages WHERE id = ?');
    const dropEarly = this.db.prepare('DELETE FROM early_updates WHERE message_id = ?');
    for (const id of ids(p.messageIds)) {
      dropMessage.run(id);
      dropEarly.run(id);
    }
  }

  /** Labels and canned replies: the team's lists, and which labels mark which conversation (as the hub keeps them). */
  private applyTeamData(kind: string, p: Record<string, unknown>): void {
    if (kind === 'label.updated') {
      this.db.prepare('INSERT INTO labels (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body').run(p.id, JSON.stringify(p));
    } else if (kind === 'label.deleted') {
      this.db.prepare('DELETE FROM labels WHERE id = ?').run(p.id);
      // The hub takes a deleted label off every conversation in the same transaction; the cache follows.
      const rows = this.db.prepare('SELECT conversation_id, label_ids FROM conversation_labels').all() as Array<{ conversation_id: number; label_ids: string }>;
      const put = this.db.prepare('UPDATE conversation_labels SET label_ids = ? WHERE conversation_id = ?');
      for (const r of rows) {
        const ids = JSON.parse(r.label_ids) as number[];
        if (ids.includes(p.id as number)) put.run(JSON.stringify(ids.filter((id) => id !== p.id)), r.conversation_id);
      }
    } else if (kind === 'conversation.labels') {
      this.db
        .prepare('INSERT INTO conversation_labels (conversation_id, label_ids) VALUES (?, ?) ON CONFLICT (conversation_id) DO UPDATE SET label_ids = excluded.label_ids')
        .run(p.conversationId, JSON.stringify(p.labelIds));
    } else if (kind === 'canned.updated') {
      this.db.prepare('INSERT INTO canned_replies (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body').run(p.id, JSON.stringify(p));
    } else if (kind === 'canned.deleted') {
      this.db.prepare('DELETE FROM canned_replies WHERE id = ?').run(p.id);
    }
  }

  /** When a snoozed conversation wakes (the hub wakes it; the inbox shows the time meanwhile); null when not snoozed. */
  snoozedUntil(conversationId: number): number | null {
    return (this.db.prepare('SELECT until FROM snoozes WHERE conversation_id = ?').pluck().get(conversationId) as number | undefined) ?? null;
  }

  labels(): LabelView[] {
    return (this.db.prepare('SELECT body FROM labels').pluck().all() as string[]).map((b) => JSON.parse(b) as LabelView).sort((a, b) => a.name.localeCompare(b.name));
  }

  labelIdsOf(conversationId: number): number[] {
    const ids = this.db.prepare('SELECT label_ids FROM conversation_labels WHERE conversation_id = ?').pluck().get(conversationId) as string | undefined;
    return ids ? (JSON.parse(ids) as number[]) : [];
  }

  cannedReplies(): CannedReplyView[] {
    return (this.db.prepare('SELECT body FROM canned_replies').pluck().all() as string[]).map((b) => JSON.parse(b) as CannedReplyView).sort((a, b) => a.shortcut.localeCompare(b.shortcut));
  }

  /**
   * One page of the inbox, newest activity first, after the position `after` (the last row of the previous page).
   * `assigneeId` null means unassigned; undefined means anyone.
   */
  page(f: { assigneeId?: number | null; status?: string; channelId?: string; labelId?: number; after?: { at: number; id: number }; limit: number }): { items: CachedConversation[]; total: number } {
    const where: string[] = [];
    const args: unknown[] = [];
    const when = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      args.push(...values);
    };
    if (f.assigneeId === null) when("json_extract(body, '$.assigneeId') IS NULL");
    else if (f.assigneeId !== undefined) when("json_extract(body, '$.assigneeId') = ?", f.assigneeId);
    if (f.status) when("json_extract(body, '$.status') = ?", f.status);
    if (f.channelId) when("json_extract(body, '$.channelId') = ?", f.channelId);
    if (f.labelId !== undefined) {
      when('EXISTS (SELECT 1 FROM conversation_labels cl, json_each(cl.label_ids) j WHERE cl.conversation_id = conversations.id AND j.value = ?)', f.labelId);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = this.db.prepare(`SELECT COUNT(*) FROM conversations ${filter}`).pluck().get(...args) as number;
    const after = f.after ? `${where.length ? 'AND' : 'WHERE'} (last_message_at < ? OR (last_message_at = ? AND id < ?))` : '';
    const rows = this.db
      .prepare(`SELECT body FROM conversations ${filter} ${after} ORDER BY last_message_at DESC, id DESC LIMIT ?`)
      .pluck()
      .all(...args, ...(f.after ? [f.after.at, f.after.at, f.after.id] : []), f.limit) as string[];
    return { items: rows.map((b) => JSON.parse(b) as CachedConversation), total };
  }

  /** The newest message of a conversation (the inbox preview). */
  lastMessage(conversationId: number): CachedMessage | null {
    const b = this.db.prepare('SELECT body FROM messages WHERE conversation_id = ? ORDER BY id DESC LIMIT 1').pluck().get(conversationId) as string | undefined;
    return b ? (JSON.parse(b) as CachedMessage) : null;
  }

  /** Customer messages this person has not opened yet (kept on this computer: reading is per person). */
  unread(conversationId: number): number {
    const mark = (this.db.prepare('SELECT message_id FROM read_marks WHERE conversation_id = ?').pluck().get(conversationId) as number | undefined) ?? 0;
    return this.db
      .prepare("SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND id > ? AND json_extract(body, '$.direction') = 'in'")
      .pluck()
      .get(conversationId, mark) as number;
  }

  /** Unread customer messages per channel, in one query (the inbox counts ask on every change). */
  unreadByChannel(): Map<string, number> {
    const rows = this.db
      .prepare(
        `SELECT json_extract(c.body, '$.channelId') AS channel, COUNT(*) AS n FROM messages m
           JOIN conversations c ON c.id = m.conversation_id
           LEFT JOIN read_marks r ON r.conversation_id = m.conversation_id
          WHERE m.id > COALESCE(r.message_id, 0) AND json_extract(m.body, '$.direction') = 'in'
          GROUP BY channel`,
      )
      .all() as Array<{ channel: string; n: number }>;
    return new Map(rows.map((r) => [r.channel, r.n]));
  }

  markRead(conversationId: number): void {
    this.db
      .prepare('INSERT INTO read_marks (conversation_id, message_id) SELECT ?, coalesce(MAX(id), 0) FROM messages WHERE conversation_id = ? ON CONFLICT (conversation_id) DO UPDATE SET message_id = excluded.message_id')
      .run(conversationId, conversationId);
  }

  /** Messages whose masked text holds every folded term, newest first (`fold` is the console's search folding). */
  search(terms: string[], fold: (s: string) => string, limit: number): CachedMessage[] {
    const out: CachedMessage[] = [];
    for (const b of this.db.prepare('SELECT body FROM messages ORDER BY id DESC').pluck().iterate() as IterableIterator<string>) {
      const m = JSON.parse(b) as CachedMessage;
      const text = fold(m.maskedText);
      if (terms.every((t) => text.includes(t))) out.push(m);
      if (out.length >= limit) break;
    }
    return out;
  }

  /**
   * Each customer's most recent conversation whose customer answers `terms` (`customerMatches`: every term begins a
   * word of the name or handle) and that `keep` accepts, most recent first: the first `limit` of them, and how many
   * customers matched (counting stops at `countUpTo`). The names are tested in SQL on the `names` column (the
   * customer's words, each after a space), so only the conversations of matching customers are parsed.
   */
  latestPerCustomer(terms: string[], keep: (c: CachedConversation) => boolean, limit: number, countUpTo: number): { conversations: CachedConversation[]; total: number } {
    const seen = new Set<number>();
    const out: CachedConversation[] = [];
    const distinct = [...new Set(terms)].slice(0, 8);
    if (!distinct.length) return { conversations: out, total: 0 };
    const sql = `SELECT body FROM conversations WHERE ${distinct.map(() => "instr(names, ' ' || ?) > 0").join(' AND ')} ORDER BY last_message_at DESC, id DESC`;
    for (const b of this.db.prepare(sql).pluck().iterate(...distinct) as IterableIterator<string>) {
      const c = JSON.parse(b) as CachedConversation;
      if (seen.has(c.contact.id) || !keep(c)) continue;
      seen.add(c.contact.id);
      if (out.length < limit) out.push(c);
      if (seen.size >= countUpTo) break;
    }
    return { conversations: out, total: seen.size };
  }

  conversations(limit = 200): CachedConversation[] {
    return (this.db.prepare('SELECT body FROM conversations ORDER BY last_message_at DESC, id DESC LIMIT ?').pluck().all(limit) as string[]).map((b) => JSON.parse(b) as CachedConversation);
  }

  conversation(id: number): CachedConversation | null {
    const b = this.db.prepare('SELECT body FROM conversations WHERE id = ?').pluck().get(id) as string | undefined;
    return b ? (JSON.parse(b) as CachedConversation) : null;
  }

  messages(conversationId: number): CachedMessage[] {
    return (this.db.prepare('SELECT body FROM messages WHERE conversation_id = ? ORDER BY id').pluck().all(conversationId) as string[]).map((b) => JSON.parse(b) as CachedMessage);
  }

  notes(conversationId: number): CachedNote[] {
    return (this.db.prepare('SELECT body FROM notes WHERE conversation_id = ? ORDER BY id').pluck().all(conversationId) as string[]).map((b) => JSON.parse(b) as CachedNote);
  }

  channels(): CachedChannel[] {
    return (this.db.prepare('SELECT body FROM channels ORDER BY id').pluck().all() as string[]).map((b) => JSON.parse(b) as CachedChannel);
  }

  /** The hub's list of colleagues at sign-in (later changes arrive as `user.updated` events). */
  putTeam(members: TeamMember[]): void {
    const put = this.db.prepare('INSERT INTO team (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body');
    this.db.transaction(() => {
      for (const m of members) put.run(m.id, JSON.stringify(m));
    })();
  }

  putChannels(channels: CachedChannel[]): void {
    const put = this.db.prepare('INSERT INTO channels (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body');
    this.db.transaction(() => {
      for (const c of channels) put.run(c.id, JSON.stringify(c));
    })();
  }

  team(): TeamMember[] {
    return (this.db.prepare('SELECT body FROM team ORDER BY id').pluck().all() as string[]).map((b) => JSON.parse(b));
  }

  presence(): PresenceView[] {
    return (this.db.prepare('SELECT body FROM presence ORDER BY user_id').pluck().all() as string[]).map((b) => JSON.parse(b) as PresenceView);
  }

  /** Newest first. */
  notifications(limit = 100): Notification[] {
    return (this.db.prepare('SELECT body FROM notifications ORDER BY seq DESC LIMIT ?').pluck().all(limit) as string[]).map((b) => JSON.parse(b) as Notification);
  }

  /** A held reply its author sends anyway: queued again, flagged, in its original place in the order. */
  requeueAnyway(clientId: string): void {
    this.db.prepare("UPDATE outbox SET state = 'queued', send_anyway = 1, reason = NULL WHERE client_id = ? AND state = 'held'").run(clientId);
  }

  queueReply(r: { clientId: string; conversationId: number; text: string; seenSeq: number; now: number; humanAgentTag?: boolean }): void {
    this.db
      .prepare("INSERT INTO outbox (client_id, conversation_id, sealed, seen_seq, state, created_at, human_agent_tag) VALUES (?, ?, ?, ?, 'queued', ?, ?)")
      .run(r.clientId, r.conversationId, this.cipher.encrypt(`team-outbox:${r.clientId}`, r.text), r.seenSeq, r.now, r.humanAgentTag ? 1 : 0);
  }

  /** Queued replies in the order they were written. */
  queued(): QueuedReply[] {
    const rows = this.db.prepare("SELECT client_id, conversation_id, sealed, seen_seq, attempts, send_anyway, human_agent_tag FROM outbox WHERE state = 'queued' ORDER BY n").all() as Array<{
      client_id: string;
      conversation_id: number;
      sealed: Buffer;
      seen_seq: number;
      attempts: number;
      send_anyway: number;
      human_agent_tag: number;
    }>;
    return rows.map((r) => ({
      clientId: r.client_id,
      conversationId: r.conversation_id,
      text: this.cipher.decrypt(`team-outbox:${r.client_id}`, r.sealed),
      seenSeq: r.seen_seq,
      attempts: r.attempts,
      sendAnyway: Boolean(r.send_anyway),
      humanAgentTag: Boolean(r.human_agent_tag),
    }));
  }

  /** The hub took the reply: its text leaves this machine's disk (the hub keeps it sealed). */
  markAccepted(clientId: string, messageId?: number): void {
    this.db.prepare("UPDATE outbox SET state = 'accepted', sealed = X'', message_id = coalesce(?, message_id) WHERE client_id = ?").run(messageId ?? null, clientId);
  }

  /** A reply refused at once while its author waited: it is not kept (the draft stays in the composer). */
  dropQueued(clientId: string): void {
    this.db.prepare("DELETE FROM outbox WHERE client_id = ? AND state <> 'accepted'").run(clientId);
  }

  /** Replies of one conversation that the hub has not taken yet (queued offline, or held with the hub's reason). */
  waiting(conversationId: number): Array<{ n: number; clientId: string; text: string; state: 'queued' | 'held'; reason: string | null; createdAt: number }> {
    const rows = this.db
      .prepare("SELECT n, client_id, sealed, state, reason, created_at FROM outbox WHERE conversation_id = ? AND state IN ('queued', 'held') ORDER BY n")
      .all(conversationId) as Array<{ n: number; client_id: string; sealed: Buffer; state: 'queued' | 'held'; reason: string | null; created_at: number }>;
    return rows.map((r) => ({ n: r.n, clientId: r.client_id, text: this.cipher.decrypt(`team-outbox:${r.client_id}`, r.sealed), state: r.state, reason: r.reason, createdAt: r.created_at }));
  }

  outboxEntry(clientId: string): { n: number; state: string; reason: string | null; messageId: number | null } | null {
    const r = this.db.prepare('SELECT n, state, reason, message_id FROM outbox WHERE client_id = ?').get(clientId) as
      | { n: number; state: string; reason: string | null; message_id: number | null }
      | undefined;
    return r ? { n: r.n, state: r.state, reason: r.reason, messageId: r.message_id } : null;
  }

  /** The hub refused it for good (a guard, a newer message): it waits for the agent, with the hub's sentence. */
  markHeld(clientId: string, reason: string): void {
    this.db.prepare("UPDATE outbox SET state = 'held', reason = ?, attempts = attempts + 1 WHERE client_id = ?").run(reason, clientId);
  }

  outboxStates(): Array<{ clientId: string; state: string; reason: string | null }> {
    return (this.db.prepare('SELECT client_id AS clientId, state, reason FROM outbox ORDER BY n').all() as Array<{ clientId: string; state: string; reason: string | null }>);
  }

  close(): void {
    this.db.close();
  }
}

/**
 * The `names` column of a cached conversation: its customer's words (`customerWords`), each after a space. A
 * payload without a contact or a name (as some tests and older hubs send) has none.
 */
function namesColumn(c: CachedConversation): string {
  const contact = c.contact as Partial<CachedConversation['contact']> | undefined;
  return customerWords(contact?.displayName ?? null, contact?.handle ?? null).map((w) => ' ' + w).join('');
}
