import { DiwanError } from '../shared/errors';
import { nextId, SEALED, sealedIdentity, sealOriginal, type StoreContext } from './context';
import { unknownConversation } from './conversations';
import { cachedStatement } from './statement-cache';

const MAX_NOTE = 8 * 1024;

export interface Note {
  id: number;
  conversationId: number;
  authorId: string | null;
  /** Masked like any message: an agent may paste a customer's value into a note. */
  maskedText: string;
  createdAt: number;
}

/** Internal notes on a conversation. */
export class NoteRepository {
  constructor(private readonly ctx: StoreContext) {}

  add(conversationId: number, authorId: string, text: string): Note {
    if (typeof text !== 'string' || !text.trim() || text.length > MAX_NOTE) {
      throw new DiwanError('note_bad_text', `A note is between 1 and ${MAX_NOTE} characters.`);
    }
    const { ctx } = this;
    return ctx.db
      .transaction(() => {
        if (!cachedStatement(ctx.db, 'SELECT 1 FROM conversations WHERE id = ?').get(conversationId)) throw unknownConversation(conversationId);
        const id = nextId(ctx.db, 'notes');
        const masked = ctx.masker(text).masked;
        const now = ctx.clock.now();
        cachedStatement(ctx.db, 'INSERT INTO notes (id, conversation_id, author_id, masked_text, text_enc, key_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(id, conversationId, authorId, masked, sealOriginal(ctx, sealedIdentity.noteText(ctx.custody.seat, id), text), SEALED, now);
        return { id, conversationId, authorId, maskedText: masked, createdAt: now };
      })
      .immediate();
  }

  list(conversationId: number): Note[] {
    return (
      cachedStatement(this.ctx.db, 'SELECT id, conversation_id, author_id, masked_text, created_at FROM notes WHERE conversation_id = ? ORDER BY created_at, id')
        .all(conversationId) as Array<{ id: number; conversation_id: number; author_id: string | null; masked_text: string; created_at: number }>
    ).map((r) => ({ id: r.id, conversationId: r.conversation_id, authorId: r.author_id, maskedText: r.masked_text, createdAt: r.created_at }));
  }
}

/** A label's name as typed: trimmed, 1 to 64 characters (the single-seat store and the hub share this rule). */
export function checkLabelName(name: string): string {
  const typed = String(name).trim();
  if (!typed || typed.length > 64) throw new DiwanError('label_bad_name', 'A label name is between 1 and 64 characters.');
  return typed;
}

/** A canned reply's shortcut (letters, digits, "-", "_"), title and body, checked the same way everywhere. */
export function checkCannedReply(input: { shortcut: string; title: string; body: string }): { shortcut: string; title: string; body: string } {
  const shortcut = String(input.shortcut).trim();
  if (!/^[\p{L}\p{N}_-]{1,32}$/u.test(shortcut)) {
    throw new DiwanError('canned_bad_shortcut', 'A shortcut is 1 to 32 letters, digits, "-" or "_".');
  }
  if (!input.title || input.title.length > 120 || !input.body || input.body.length > 4096) {
    throw new DiwanError('canned_bad_text', 'A canned reply has a title (up to 120 characters) and a body (up to 4096).');
  }
  return { shortcut, title: input.title, body: input.body };
}

const labelExists = (name: string) => new DiwanError('label_exists', `A label named "${name}" already exists; use it or choose another name.`);

export interface Label {
  id: number;
  name: string;
  color: string | null;
}

export class LabelRepository {
  constructor(private readonly ctx: StoreContext) {}

  create(name: string, color: string | null = null): Label {
    // a label is staff-typed text shown on every conversation it marks: a value typed into it is masked
    const clean = this.ctx.masker(checkLabelName(name)).masked;
    if (color !== null && !/^#[0-9a-f]{6}$/i.test(color)) throw new DiwanError('label_bad_color', 'A label colour is written #rrggbb.');
    try {
      const id = Number(
        cachedStatement(this.ctx.db, 'INSERT INTO labels (name, color, created_at) VALUES (?, ?, ?)').run(clean, color, this.ctx.clock.now()).lastInsertRowid,
      );
      return { id, name: clean, color };
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw labelExists(clean);
      throw e;
    }
  }

  list(): Label[] {
    return cachedStatement(this.ctx.db, 'SELECT id, name, color FROM labels ORDER BY name').all() as Label[];
  }

  attach(conversationId: number, labelId: number): void {
    try {
      cachedStatement(this.ctx.db, 'INSERT OR IGNORE INTO conversation_labels (conversation_id, label_id) VALUES (?, ?)').run(conversationId, labelId);
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new DiwanError('label_attach_unknown', `Conversation ${conversationId} or label ${labelId} does not exist.`);
      }
      throw e;
    }
  }

  detach(conversationId: number, labelId: number): void {
    cachedStatement(this.ctx.db, 'DELETE FROM conversation_labels WHERE conversation_id = ? AND label_id = ?').run(conversationId, labelId);
  }

  /** A new name for a label; the conversations it marks keep it. Names differ by more than letter case. */
  rename(labelId: number, name: string): Label {
    const clean = this.ctx.masker(checkLabelName(name)).masked;
    const existing = this.byId(labelId);
    try {
      cachedStatement(this.ctx.db, 'UPDATE labels SET name = ? WHERE id = ?').run(clean, labelId);
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw labelExists(clean);
      throw e;
    }
    return { ...existing, name: clean };
  }

  /** Deletes a label and takes it off every conversation it marked; returns how many those were. */
  remove(labelId: number): { conversations: number } {
    return this.ctx.db.transaction(() => {
      this.byId(labelId);
      const marked = cachedStatement(this.ctx.db, 'DELETE FROM conversation_labels WHERE label_id = ?').run(labelId).changes;
      cachedStatement(this.ctx.db, 'DELETE FROM labels WHERE id = ?').run(labelId);
      return { conversations: marked };
    })();
  }

  private byId(labelId: number): Label {
    const row = cachedStatement(this.ctx.db, 'SELECT id, name, color FROM labels WHERE id = ?').get(labelId) as Label | undefined;
    if (!row) throw new DiwanError('label_unknown', 'That label no longer exists; it may have been deleted. Reload the label list.');
    return row;
  }
}

export interface CannedReply {
  id: number;
  shortcut: string;
  title: string;
  body: string;
  updatedAt: number;
}

/** The company's prepared replies. Written by staff, not customers: kept in clear. */
export class CannedReplyRepository {
  constructor(private readonly ctx: StoreContext) {}

  save(input: { shortcut: string; title: string; body: string }): CannedReply {
    const { shortcut } = checkCannedReply(input);
    const now = this.ctx.clock.now();
    cachedStatement(this.ctx.db, 
        `INSERT INTO canned_replies (shortcut, title, body, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (shortcut) DO UPDATE SET title = excluded.title, body = excluded.body, updated_at = excluded.updated_at`,
      )
      .run(shortcut, input.title, input.body, now);
    return this.list().find((c) => c.shortcut.toLowerCase() === shortcut.toLowerCase())!;
  }

  list(): CannedReply[] {
    return (
      cachedStatement(this.ctx.db, 'SELECT id, shortcut, title, body, updated_at FROM canned_replies ORDER BY shortcut').all() as Array<{
        id: number;
        shortcut: string;
        title: string;
        body: string;
        updated_at: number;
      }>
    ).map((r) => ({ id: r.id, shortcut: r.shortcut, title: r.title, body: r.body, updatedAt: r.updated_at }));
  }

  remove(id: number): void {
    cachedStatement(this.ctx.db, 'DELETE FROM canned_replies WHERE id = ?').run(id);
  }
}
