import Database from 'better-sqlite3';
import { FieldCipher } from '../vault';
import type { ConversationView, MessageView, PresenceView, TeamMember } from './wire';

/**
 * A team console's local copy of what its user may see, in its own SQLite file: masked conversations and messages
 * as the hub's event stream delivered them, the acknowledged cursor, and the console's own outbox. Nothing here is
 * an original: queued reply text is encrypted under a key from the OS keychain until the hub has taken it.
 */
/** A cached conversation or message is what the hub sent (`wire.ts`). */
export type CachedConversation = ConversationView;
export type CachedMessage = Omit<MessageView, 'attachments'> & { attachments?: unknown[] };

export interface QueuedReply {
  clientId: string;
  conversationId: number;
  text: string;
  seenSeq: number;
  attempts: number;
  /** The author chose to send it over newer activity. */
  sendAnyway: boolean;
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
      CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY, conversation_id INTEGER NOT NULL, body TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS messages_conversation ON messages(conversation_id, id);
      CREATE TABLE IF NOT EXISTS team (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS outbox (
        n INTEGER PRIMARY KEY AUTOINCREMENT, client_id TEXT NOT NULL UNIQUE, conversation_id INTEGER NOT NULL,
        sealed BLOB NOT NULL, seen_seq INTEGER NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
        reason TEXT, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS presence (user_id INTEGER PRIMARY KEY, body TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS notifications (seq INTEGER PRIMARY KEY, body TEXT NOT NULL);
    `);
    // Caches written before "send anyway" existed gain its column.
    if (!(this.db.prepare('PRAGMA table_info(outbox)').all() as Array<{ name: string }>).some((c) => c.name === 'send_anyway')) {
      this.db.exec('ALTER TABLE outbox ADD COLUMN send_anyway INTEGER NOT NULL DEFAULT 0');
    }
    this.cipher = new FieldCipher({ current: 1, keys: new Map([[1, outboxKey]]) });
  }

  cursor(): number {
    return (this.db.prepare('SELECT seq FROM cursor WHERE id = 1').get() as { seq: number } | undefined)?.seq ?? 0;
  }

  /** Applies one frame of the stream and moves the cursor, in one transaction: a crash never skips an event. */
  applyFrame(upTo: number, events: Array<{ seq: number; kind: string; payload: unknown }>): void {
    const putConversation = this.db.prepare('INSERT INTO conversations (id, last_message_at, body) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET last_message_at = excluded.last_message_at, body = excluded.body');
    const putMessage = this.db.prepare('INSERT INTO messages (id, conversation_id, body) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body');
    const putMember = this.db.prepare('INSERT INTO team (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body');
    const getMessage = this.db.prepare('SELECT body FROM messages WHERE id = ?').pluck();
    const putPresence = this.db.prepare('INSERT INTO presence (user_id, body) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET body = excluded.body');
    const putNotification = this.db.prepare('INSERT INTO notifications (seq, body) VALUES (?, ?) ON CONFLICT (seq) DO NOTHING');
    this.db.transaction(() => {
      for (const e of events) {
        const p = e.payload as Record<string, unknown>;
        if (e.kind === 'conversation.updated') {
          const c = p as unknown as CachedConversation;
          putConversation.run(c.id, c.lastMessageAt, JSON.stringify(c));
        } else if (e.kind === 'message.added') {
          const m = p as unknown as CachedMessage & { clientId?: string };
          putMessage.run(m.id, m.conversationId, JSON.stringify(m));
          if (m.clientId) this.markAccepted(m.clientId);
        } else if (e.kind === 'message.delivery') {
          const raw = getMessage.get(p.messageId as number) as string | undefined;
          if (raw) putMessage.run(p.messageId, p.conversationId, JSON.stringify({ ...(JSON.parse(raw) as CachedMessage), delivery: p.delivery }));
        } else if (e.kind === 'user.updated') {
          putMember.run(p.id, JSON.stringify(p));
        } else if (e.kind === 'presence.updated') {
          putPresence.run(p.userId, JSON.stringify(p));
        } else if ((NOTIFICATION_KINDS as readonly string[]).includes(e.kind)) {
          putNotification.run(e.seq, JSON.stringify({ ...p, seq: e.seq, kind: e.kind }));
        }
      }
      this.db.prepare('INSERT INTO cursor (id, seq) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq WHERE cursor.seq < excluded.seq').run(upTo);
    })();
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

  queueReply(r: { clientId: string; conversationId: number; text: string; seenSeq: number; now: number }): void {
    this.db
      .prepare("INSERT INTO outbox (client_id, conversation_id, sealed, seen_seq, state, created_at) VALUES (?, ?, ?, ?, 'queued', ?)")
      .run(r.clientId, r.conversationId, this.cipher.encrypt(`team-outbox:${r.clientId}`, r.text), r.seenSeq, r.now);
  }

  /** Queued replies in the order they were written. */
  queued(): QueuedReply[] {
    const rows = this.db.prepare("SELECT client_id, conversation_id, sealed, seen_seq, attempts, send_anyway FROM outbox WHERE state = 'queued' ORDER BY n").all() as Array<{
      client_id: string;
      conversation_id: number;
      sealed: Buffer;
      seen_seq: number;
      attempts: number;
      send_anyway: number;
    }>;
    return rows.map((r) => ({
      clientId: r.client_id,
      conversationId: r.conversation_id,
      text: this.cipher.decrypt(`team-outbox:${r.client_id}`, r.sealed),
      seenSeq: r.seen_seq,
      attempts: r.attempts,
      sendAnyway: Boolean(r.send_anyway),
    }));
  }

  /** The hub took the reply: its text leaves this machine's disk (the hub keeps it sealed). */
  markAccepted(clientId: string): void {
    this.db.prepare("UPDATE outbox SET state = 'accepted', sealed = X'' WHERE client_id = ? AND state <> 'accepted'").run(clientId);
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
