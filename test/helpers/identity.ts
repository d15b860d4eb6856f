import type { Core } from '../../main/core/app';
import { newSessionSlot, type Role, type SessionSlot } from '../../main/core/auth';
import type { OriginalsPort } from '../../main/core/auth';
import type { MaskedTranscript, TranscriptPort } from '../../main/core/review';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { confirmAsSecondAdmin } from './console-people';
import { tmpDir } from './tmp';

/** A clock tests move by hand. */
export class TestClock {
  constructor(public t = Date.UTC(2025, 0, 6, 9, 0, 0)) {}
  now = () => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** Creates a user with the role and signs them in through the real sign-in; returns their session slot. */
export async function signedInAs(core: Core, role: Role, username: string = role): Promise<SessionSlot> {
  await core.ready();
  const admin = ensureAdminSession(core);
  const made = await core.identity.createUser(admin, { username, displayName: username, role, password: TEST_PASSWORD });
  if (made.pendingRole) confirmAsSecondAdmin(core, made.id);
  const slot = newSessionSlot();
  await core.identity.signIn(slot, { username, password: TEST_PASSWORD });
  return slot;
}

/** A session for the first administrator, made without going through the IPC layer. */
export function ensureAdminSession(core: Core) {
  const existing = core.identity.users.list().find((u) => u.role === 'admin');
  const user =
    existing ??
    core.identity.users.insert({ username: 'root-admin', displayName: 'Root', role: 'admin', passwordHash: 'x' }, core.clock.now());
  return core.identity.sessions.start(user, core.identity.deviceIdentity.fingerprint, false);
}

/**
 * Stand-ins for the store's originals and masked transcripts over real SQLite tables in a database file of the
 * test's own (the real store arrives with migration 002). The value of field i of a message is `fields[i].value`.
 */
export function testConversations(): OriginalsPort & TranscriptPort & {
  addMessage(m: { id: number; conversationId: number; direction: 'in' | 'out'; sentAt: number; maskedText: string; fields: Array<{ type: string; value: string }> }): void;
} {
  const db = new Database(path.join(tmpDir(), 'conversations.sqlite'));
  opened.push(db);
  db.exec(`
    CREATE TABLE IF NOT EXISTS t_messages (id INTEGER PRIMARY KEY, conversation_id INTEGER NOT NULL, direction TEXT NOT NULL, sent_at INTEGER NOT NULL, masked_text TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS t_fields (message_id INTEGER NOT NULL, idx INTEGER NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (message_id, idx));
  `);
  return {
    addMessage(m) {
      db.prepare('INSERT INTO t_messages VALUES (?, ?, ?, ?, ?)').run(m.id, m.conversationId, m.direction, m.sentAt, m.maskedText);
      m.fields.forEach((f, i) => db.prepare('INSERT INTO t_fields VALUES (?, ?, ?, ?)').run(m.id, i, f.type, f.value));
    },
    describeField(messageId, fieldIndex) {
      const row = db
        .prepare('SELECT m.conversation_id AS conversationId, f.type FROM t_fields f JOIN t_messages m ON m.id = f.message_id WHERE f.message_id = ? AND f.idx = ?')
        .get(messageId, fieldIndex) as { conversationId: number; type: string } | undefined;
      return row ?? null;
    },
    readOriginalField(messageId, fieldIndex) {
      const row = db.prepare('SELECT value FROM t_fields WHERE message_id = ? AND idx = ?').get(messageId, fieldIndex) as { value: string } | undefined;
      return row?.value ?? null;
    },
    maskedTranscript(conversationId): MaskedTranscript | null {
      const rows = db.prepare('SELECT * FROM t_messages WHERE conversation_id = ? ORDER BY sent_at').all(conversationId) as Array<{
        id: number;
        direction: 'in' | 'out';
        sent_at: number;
        masked_text: string;
      }>;
      if (!rows.length) return null;
      return {
        conversationId,
        channel: 'telegram',
        contact: 'Customer ••••21',
        messages: rows.map((r) => ({ id: String(r.id), direction: r.direction, sentAt: r.sent_at, author: r.direction === 'out' ? 'agent' : null, text: r.masked_text })),
      };
    },
  };
}

const opened: Database.Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** Calls a channel through the real main dispatcher as the given slot; returns the IpcResult. */
export function caller(dispatch: import('../../main/ipc').Dispatch) {
  return (slot: SessionSlot, channel: string, request: unknown = {}) => dispatch(channel, request, { trustedSender: true, session: slot });
}

/** The audit entries with a given action. */
export function entriesOf(core: Core, action: string) {
  return core.auditTrail.list({ limit: 10_000 }).filter((e) => e.action === action);
}
