import { DiwanError } from '../../core/shared/errors';
import type { CannedReplyView } from '../../core/team/wire';
import type { HubStore } from './hub-store';
import type { Actor } from './types';

/** Title and body are masked like any staff text. */
export type HubCannedReply = CannedReplyView;

const keyOf = (shortcut: string) => shortcut.trim().toLocaleLowerCase('en');

const SELECT = 'SELECT id, shortcut, title, body, updated_at FROM canned_replies';
type Row = { id: number; shortcut: string; title: string; body: string; updated_at: number };
const toReply = (r: Row): HubCannedReply => ({ id: r.id, shortcut: r.shortcut, title: r.title, body: r.body, updatedAt: r.updated_at });

/**
 * The team's canned replies. A shortcut is unique per team regardless of letter case: a second reply with a taken
 * shortcut is refused, never written over the first. Every agent sees changes through the event stream.
 */
export class HubCannedReplies {
  constructor(private readonly store: HubStore) {}

  async list(): Promise<HubCannedReply[]> {
    return (await this.store.q.all<Row>(`${SELECT} ORDER BY shortcut_key`)).map(toReply);
  }

  /** Creates (no `id`) or edits one reply; the shortcut may change on an edit if no other reply has it. */
  async save(r: { id?: number; shortcut: string; title: string; body: string; authorId: number }, actor: Actor): Promise<HubCannedReply> {
    return this.store.q.tx(async (t) => {
      // The event lock first: the duplicate check and the write cannot interleave with another node's.
      await t.serializeEvents();
      const key = keyOf(r.shortcut);
      const before = r.id === undefined ? undefined : await t.get<Row>(`${SELECT} WHERE id = ?`, [r.id]);
      if (r.id !== undefined && !before) throw new DiwanError('canned_unknown', 'That canned reply no longer exists; it may have been deleted.');
      const taken = await t.get<{ id: number }>('SELECT id FROM canned_replies WHERE shortcut_key = ?', [key]);
      if (taken && taken.id !== r.id) throw new DiwanError('canned_shortcut_taken', `Another canned reply already uses the shortcut /${r.shortcut.trim()}. Choose another.`);
      const at = this.store.now();
      const id = before
        ? (await t.run('UPDATE canned_replies SET shortcut = ?, shortcut_key = ?, title = ?, body = ?, updated_at = ?, updated_by = ? WHERE id = ?', [r.shortcut, key, r.title, r.body, at, r.authorId, before.id]), before.id)
        : (await t.get<{ id: number }>('INSERT INTO canned_replies (shortcut, shortcut_key, title, body, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?) RETURNING id', [r.shortcut, key, r.title, r.body, at, r.authorId]))!.id;
      const saved: HubCannedReply = { id, shortcut: r.shortcut, title: r.title, body: r.body, updatedAt: at };
      await this.store.emit(t, 'canned.updated', 'team', saved);
      await this.store.appendAudit(t, {
        ...actor,
        action: before ? 'canned.edited' : 'canned.created',
        target: `canned_reply:${id}`,
        details: { shortcut: r.shortcut, ...(before && before.shortcut !== r.shortcut ? { renamedFrom: before.shortcut } : {}) },
      });
      return saved;
    });
  }

  async remove(id: number, actor: Actor): Promise<void> {
    await this.store.q.tx(async (t) => {
      await t.serializeEvents();
      const before = await t.get<Row>(`${SELECT} WHERE id = ?`, [id]);
      if (!before) throw new DiwanError('canned_unknown', 'That canned reply no longer exists; it may have been deleted.');
      await t.run('DELETE FROM canned_replies WHERE id = ?', [id]);
      await this.store.emit(t, 'canned.deleted', 'team', { id });
      await this.store.appendAudit(t, { ...actor, action: 'canned.deleted', target: `canned_reply:${id}`, details: { shortcut: before.shortcut } });
    });
  }
}
