import { DiwanError } from '../../core/shared/errors';
import type { LabelView } from '../../core/team/wire';
import type { SqlExecutor } from './executor';
import type { HubStore } from './hub-store';
import { syncLabelActivity } from './label-activity';
import type { Actor } from './types';

/** A label's name is masked like any staff text: a value typed into it never reaches another desk. */
export type HubLabel = LabelView;

/** Two names that differ only in letter case (or surrounding spaces) are the same label. */
const keyOf = (name: string) => name.trim().toLocaleLowerCase('en');

const labelExists = (name: string) => new DiwanError('label_exists', `A label named "${name}" already exists; use it or choose another name.`);
const labelUnknown = () => new DiwanError('label_unknown', 'That label no longer exists; it may have been deleted. Reload the label list.');

/**
 * The team's label list and the labels on each conversation. Names arrive masked (the API masks staff text); every
 * change commits with its event row and audit entry. Writers take the event lock first, so the check for a duplicate
 * name and the write cannot interleave with another node's.
 */
export class HubLabels {
  constructor(private readonly store: HubStore) {}

  async list(): Promise<HubLabel[]> {
    return this.store.q.all<HubLabel>('SELECT id, name FROM labels ORDER BY name_key, id');
  }

  async create(maskedName: string, actor: Actor): Promise<HubLabel> {
    return this.store.q.tx(async (t) => {
      await t.serializeEvents();
      if (await t.get('SELECT id FROM labels WHERE name_key = ?', [keyOf(maskedName)])) throw labelExists(maskedName);
      const row = await t.get<{ id: number }>('INSERT INTO labels (name, name_key, created_at) VALUES (?, ?, ?) RETURNING id', [maskedName, keyOf(maskedName), this.store.now()]);
      const label = { id: row!.id, name: maskedName };
      await this.store.emit(t, 'label.updated', 'team', label);
      await this.store.appendAudit(t, { ...actor, action: 'label.created', target: `label:${label.id}` });
      return label;
    });
  }

  async rename(id: number, maskedName: string, actor: Actor): Promise<HubLabel> {
    return this.store.q.tx(async (t) => {
      await t.serializeEvents();
      if (!(await t.get('SELECT id FROM labels WHERE id = ?', [id]))) throw labelUnknown();
      if (await t.get('SELECT id FROM labels WHERE name_key = ? AND id <> ?', [keyOf(maskedName), id])) throw labelExists(maskedName);
      await t.run('UPDATE labels SET name = ?, name_key = ? WHERE id = ?', [maskedName, keyOf(maskedName), id]);
      const label = { id, name: maskedName };
      await this.store.emit(t, 'label.updated', 'team', label);
      await this.store.appendAudit(t, { ...actor, action: 'label.renamed', target: `label:${id}` });
      return label;
    });
  }

  /** Deleting a label takes it off every conversation it marked, in the same transaction. */
  async remove(id: number, actor: Actor): Promise<void> {
    await this.store.q.tx(async (t) => {
      await t.serializeEvents();
      if (!(await t.get('SELECT id FROM labels WHERE id = ?', [id]))) throw labelUnknown();
      const marked = await t.run('DELETE FROM conversation_labels WHERE label_id = ?', [id]);
      await t.run('DELETE FROM labels WHERE id = ?', [id]);
      await this.store.emit(t, 'label.deleted', 'team', { id });
      await this.store.appendAudit(t, { ...actor, action: 'label.deleted', target: `label:${id}`, details: { conversations: marked.changes } });
    });
  }

  /** Replaces a conversation's labels with exactly these (each must exist); consoles that may read it get the set. */
  async setOnConversation(conversationId: number, labelIds: readonly number[], actor: Actor): Promise<number[]> {
    const wanted = [...new Set(labelIds)].sort((a, b) => a - b);
    return this.store.q.tx(async (t) => {
      await t.serializeEvents();
      const view = await this.store.conversationIn(t, conversationId);
      if (!view) throw new DiwanError('conversation_unknown', 'That conversation does not exist.');
      if (wanted.length) {
        const found = await t.all<{ id: number }>(`SELECT id FROM labels WHERE id IN (${wanted.map(() => '?').join(', ')})`, wanted);
        if (found.length !== wanted.length) throw labelUnknown();
      }
      const before = await this.labelIdsIn(t, conversationId);
      await t.run('DELETE FROM conversation_labels WHERE conversation_id = ?', [conversationId]);
      for (const id of wanted) await t.run('INSERT INTO conversation_labels (conversation_id, label_id) VALUES (?, ?)', [conversationId, id]);
      await syncLabelActivity(t, [conversationId]);
      await this.store.emit(t, 'conversation.labels', 'conversation', { conversationId, labelIds: wanted }, { channelId: view.channelId, conversationId });
      await this.store.appendAudit(t, {
        ...actor,
        action: 'conversation.labels',
        target: `conversation:${conversationId}`,
        details: { added: wanted.filter((id) => !before.includes(id)), removed: before.filter((id) => !wanted.includes(id)) },
      });
      return wanted;
    });
  }

  /** The labels on each of these conversations (one query, for a page of the conversation list). */
  async labelIdsOf(conversationIds: readonly number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>(conversationIds.map((id) => [id, []]));
    if (!conversationIds.length) return out;
    const rows = await this.store.q.all<{ conversation_id: number; label_id: number }>(
      `SELECT conversation_id, label_id FROM conversation_labels WHERE conversation_id IN (${conversationIds.map(() => '?').join(', ')}) ORDER BY label_id`,
      [...conversationIds],
    );
    for (const r of rows) out.get(Number(r.conversation_id))?.push(Number(r.label_id));
    return out;
  }

  private async labelIdsIn(t: SqlExecutor, conversationId: number): Promise<number[]> {
    return (await t.all<{ label_id: number }>('SELECT label_id FROM conversation_labels WHERE conversation_id = ? ORDER BY label_id', [conversationId])).map((r) => Number(r.label_id));
  }
}
