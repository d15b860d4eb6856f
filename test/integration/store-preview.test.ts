import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { openDatabase } from '../../main/core/store';
import { databaseBefore, fixedClock, inbound, storeCore } from '../helpers/store';

let core: Core | undefined;
afterEach(() => core?.close());

const DAY = 86_400_000;
const NOW = 1_800_000_000_000;

/** Each conversation's newest message (by sent time, then id), read from the messages themselves. */
function truth(c: Core): Map<number, string | null> {
  const rows = c.db
    .prepare(
      `SELECT c.id, (SELECT m.masked_text FROM messages m WHERE m.conversation_id = c.id ORDER BY m.sent_at DESC, m.id DESC LIMIT 1) AS p
       FROM conversations c ORDER BY c.id`,
    )
    .raw()
    .all() as Array<[number, string | null]>;
  return new Map(rows);
}

/** What the inbox shows: every page of the list, and each conversation on its own. */
function shown(c: Core): Map<number, string | null> {
  const out = new Map<number, string | null>();
  let after;
  do {
    const page = c.store.conversations.list({}, { limit: 7, ...(after ? { after } : {}) });
    for (const item of page.items) {
      out.set(item.id, item.preview);
      expect(c.store.conversations.get(item.id).preview).toBe(item.preview);
    }
    after = page.next;
  } while (after);
  return new Map([...out].sort(([a], [b]) => a - b));
}

describe('the preview kept on the conversation row (migration 019)', () => {
  it('is the newest message after any sequence of arrivals (late and simultaneous ones), edits, deletions, replies, echoes, retention and erasure', async () => {
    const clock = fixedClock(NOW);
    core = await storeCore({ clock });
    const c = core;
    const { store } = c;
    let n = 0;
    const conv = fc.constantFrom('a', 'b', 'c');
    const op = fc.oneof(
      fc.record({ kind: fc.constant('arrive' as const), conv, dir: fc.constantFrom('in' as const, 'out' as const), age: fc.nat(20), batch: fc.nat(3) }),
      fc.record({ kind: fc.constant('revise' as const), conv, pick: fc.nat(), how: fc.constantFrom('edited' as const, 'deleted' as const), age: fc.nat(20) }),
      fc.record({ kind: fc.constant('reply' as const), conv, echoFirst: fc.boolean() }),
      fc.record({ kind: fc.constant('retention' as const), days: fc.integer({ min: 1, max: 20 }) }),
      fc.record({ kind: fc.constant('erase' as const), conv }),
    );
    const idOf = (platformId: string) => c.db.prepare("SELECT id FROM conversations WHERE channel_id = 'tg' AND platform_conversation_id = ?").pluck().get(platformId) as number | undefined;
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        store.channels.setRetention('tg', 'keep', null);
        for (const o of ops) {
          if (o.kind === 'arrive') {
            // Several messages of one batch, some with the same sent time (the id decides between those).
            const batch = Array.from({ length: o.batch + 1 }, (_, k) => {
              n++;
              return inbound(n, { platformMessageId: `p${n}`, platformConversationId: o.conv, contact: { platformUserId: o.conv }, direction: o.dir, text: `text ${n}`, sentAt: NOW - o.age * DAY + (k >> 1) });
            });
            store.sink.ingest('tg', batch);
          } else if (o.kind === 'revise') {
            const ids = c.db.prepare("SELECT platform_message_id FROM messages WHERE conversation_id = ? AND platform_message_id IS NOT NULL ORDER BY id").pluck().all(idOf(o.conv) ?? -1) as string[];
            if (!ids.length) continue;
            n++;
            const text = o.how === 'edited' ? `edit ${n}` : `[Deleted message ${n}]`;
            store.sink.ingest('tg', [inbound(n, { platformMessageId: `p${n}`, platformConversationId: o.conv, contact: { platformUserId: o.conv }, text, sentAt: NOW - o.age * DAY, revises: { platformMessageId: ids[o.pick % ids.length]!, kind: o.how } })]);
          } else if (o.kind === 'reply') {
            const id = idOf(o.conv);
            if (id === undefined) continue;
            n++;
            const { outboxId } = store.outbox.enqueue({ conversationId: id, text: `reply ${n}`, authorId: 'agent-1' });
            const item = store.outbox.claim('tg', NOW);
            // The platform's echo of the reply, ingested before the send was recorded, is deleted by markSent.
            if (o.echoFirst) store.sink.ingest('tg', [inbound(n, { platformMessageId: `sent${n}`, platformConversationId: o.conv, contact: { platformUserId: o.conv }, direction: 'out', text: `reply ${n}`, sentAt: NOW + n })]);
            if (item) store.outbox.markSent(item.outboxId, `sent${n}`, NOW);
            else store.outbox.markSent(String(outboxId), `sent${n}`, NOW);
          } else if (o.kind === 'retention') {
            store.channels.setRetention('tg', 'all', o.days);
            store.runRetention(NOW);
            store.channels.setRetention('tg', 'keep', null);
          } else if (idOf(o.conv) !== undefined) {
            store.subjects.erase({ channelId: 'tg', platformUserId: o.conv }, 'admin');
          }
          expect(shown(c)).toEqual(truth(c));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('a late message (sent before the newest) leaves the preview; of two sent at the same time the later stored wins', async () => {
    core = await storeCore();
    const { store } = core;
    store.sink.ingest('tg', [inbound(5, { text: 'newest' })]);
    store.sink.ingest('tg', [inbound(1, { text: 'late arrival' })]);
    expect(store.conversations.list().items[0]!.preview).toBe('newest');
    store.sink.ingest('tg', [inbound(6, { platformMessageId: 'x', text: 'same time, first' }), inbound(6, { platformMessageId: 'y', text: 'same time, second' })]);
    expect(store.conversations.list().items[0]!.preview).toBe('same time, second');
  });

  it('retention that removes the newest falls back to the next newest; a conversation left empty is removed', async () => {
    core = await storeCore({ clock: fixedClock(NOW) });
    const { store } = core;
    store.sink.ingest('tg', [
      inbound(1, { platformConversationId: 'a', text: 'old a', sentAt: NOW - 10 * DAY }),
      inbound(2, { platformConversationId: 'b', text: 'kept b', sentAt: NOW - 1 * DAY }),
    ]);
    // An outbound reply dated in the past (a platform's own clock) is b's newest until retention removes it.
    store.sink.ingest('tg', [inbound(3, { platformConversationId: 'b', direction: 'out', text: 'old reply b', sentAt: NOW - 9 * DAY })]);
    expect(store.conversations.list().items.map((i) => i.preview)).toEqual(['kept b', 'old a']);
    store.channels.setRetention('tg', 'all', 7);
    store.runRetention(NOW);
    expect(store.conversations.list().items.map((i) => i.preview)).toEqual(['kept b']);
  });

  it('a database from before migration 019 gets every preview filled in', () => {
    const { file, db: old } = databaseBefore(
      19,
      `(1, 1, 'm1', 'in', 'first', 100), (2, 1, 'm2', 'in', 'newest of 1', 300), (3, 1, 'm3', 'in', 'late', 200),
       (4, 2, 'm4', 'out', 'tie, lower id', 900), (5, 2, 'm5', 'in', 'tie, higher id', 900)`,
    );
    old.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT id, preview, preview_sent_at, preview_message_id FROM conversations ORDER BY id').raw().all()).toEqual([
      [1, 'newest of 1', 300, 2],
      [2, 'tie, higher id', 900, 5],
      [3, null, null, null],
    ]);
    // A removed preview message is replaced by the next newest, by whatever path it was removed.
    db.prepare('DELETE FROM messages WHERE id = 2').run();
    expect(db.prepare('SELECT preview FROM conversations WHERE id = 1').pluck().get()).toBe('late');
    db.close();
  });
});
