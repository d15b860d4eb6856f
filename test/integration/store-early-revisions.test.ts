import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { inbound, storeCore } from '../helpers/store';

let core: Core | undefined;
afterEach(() => core?.close());

/**
 * An edit or deletion that reaches the single-seat store before the message it changes (a webhook overtaking a poll,
 * or the two in one batch the other way round): its own entry is stored at once, and the original is marked when it
 * arrives, in the order the revisions came, reported in `revised` (which the runtime audits) — never silently lost.
 */
describe('revisions that arrive before their originals (real SQLite, real keychain)', () => {
  const marks = (c: Core) =>
    c.db
      .prepare('SELECT m.platform_message_id AS id, m.revision, r.platform_message_id AS by FROM messages m LEFT JOIN messages r ON r.id = m.revised_by ORDER BY m.id')
      .all() as Array<{ id: string; revision: string | null; by: string | null }>;

  it('waits for the original in a later batch and marks it then; a deletion that came after an edit outranks it', async () => {
    core = await storeCore();
    const { store } = core;
    const first = store.sink.ingest('tg', [
      inbound(10, { platformMessageId: 'e1', text: 'the edited text', revises: { platformMessageId: 'o1', kind: 'edited' } }),
      inbound(11, { platformMessageId: 'e2', text: 'edited first', revises: { platformMessageId: 'o2', kind: 'edited' } }),
      inbound(12, { platformMessageId: 'd2', text: '[Deleted message o2]', revises: { platformMessageId: 'o2', kind: 'deleted' } }),
    ]);
    expect(first.revised).toBeUndefined();
    expect(core.db.prepare('SELECT original, kind FROM early_revisions ORDER BY by_message').all()).toEqual([
      { original: 'o1', kind: 'edited' },
      { original: 'o2', kind: 'edited' },
      { original: 'o2', kind: 'deleted' },
    ]);

    const later = store.sink.ingest('tg', [inbound(1, { platformMessageId: 'o1', text: 'the first text' }), inbound(2, { platformMessageId: 'o2', text: 'wrong chat' })]);
    expect(later.revised).toEqual([
      { platformMessageId: 'o1', kind: 'edited' },
      { platformMessageId: 'o2', kind: 'edited' },
      { platformMessageId: 'o2', kind: 'deleted' },
    ]);
    expect(marks(core).filter((m) => m.id.startsWith('o'))).toEqual([
      { id: 'o1', revision: 'edited', by: 'e1' },
      { id: 'o2', revision: 'deleted', by: 'd2' },
    ]);
    expect(core.db.prepare('SELECT count(*) FROM early_revisions').pluck().get()).toBe(0);
    // The conversation view's rows carry the mark.
    const [conv] = store.conversations.list().items;
    expect(store.conversations.messages(conv!.id).find((m) => m.maskedText === 'wrong chat')?.revision).toMatchObject({ kind: 'deleted' });
  });

  it('marks an original that comes after its edit in the same batch', async () => {
    core = await storeCore();
    const r = core.store.sink.ingest('tg', [
      inbound(2, { platformMessageId: 'e1', text: 'edited', revises: { platformMessageId: 'o1', kind: 'edited' } }),
      inbound(1, { platformMessageId: 'o1', text: 'first' }),
    ]);
    expect(r.revised).toEqual([{ platformMessageId: 'o1', kind: 'edited' }]);
    expect(marks(core)).toEqual([
      { id: 'e1', revision: null, by: null },
      { id: 'o1', revision: 'edited', by: 'e1' },
    ]);
    expect(core.db.prepare('SELECT count(*) FROM early_revisions').pluck().get()).toBe(0);
  });
});
