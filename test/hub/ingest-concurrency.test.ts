import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubLabels } from '../../main/hub/store/labels';
import { HubStore, type PreparedMessage, type SqlExecutor } from '../../main/hub/store';
import { bothAdapters, secondNode } from './adapters';
import { until } from './harness';
import { preparedMessage } from './prepared-message';
import { countingRowVersions, type RowVersions } from './row-versions';

/**
 * Ingest on PostgreSQL when two nodes store batches for the same conversation at the same moment (a webhook delivery
 * on one node, a poll or a release on the other), and what a batch writes to the conversations it touches. The first
 * batch's transaction is held open at a barrier after all its statements, before COMMIT, until the second batch is
 * seen waiting for a lock (pg_stat_activity): no sleeps, no timing.
 */
const { postgres: open } = bothAdapters('hub-ingest-race-');
const actor = { actor: 'test', device: null };

/** `q` whose transactions, once their work is done, wait at `gate` before they commit; `done` resolves when one gets there. */
function heldBeforeCommit(q: SqlExecutor, gate: Promise<void>): { q: SqlExecutor; done: Promise<void> } {
  let reached!: () => void;
  const done = new Promise<void>((r) => (reached = r));
  return {
    done,
    q: {
      ...q,
      dialect: q.dialect,
      tx: (fn) =>
        q.tx(async (t) => {
          const out = await fn(t);
          reached();
          await gate;
          return out;
        }),
    },
  };
}

const message = (id: string, chat: string, sentAt: number, direction: 'in' | 'out' = 'in'): PreparedMessage =>
  preparedMessage(id, chat, sentAt, { direction, maskedText: `text of ${id} ۱۲ ١٢` });

describe('concurrent ingest of one conversation: postgres', () => {
  let one: HubStore;
  let two: HubStore;
  const now = () => 70_000;
  let channels = 0;
  const newChannel = async () => {
    const id = `race-${++channels}`;
    await one.saveChannel({ id, kind: 'telegram', name: id, config: {}, enabled: true }, actor);
    return id;
  };

  beforeAll(async () => {
    one = await open(now);
    await one.migrate();
    two = secondNode(one, now);
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
  });

  /** Batch `first` on node one held open before COMMIT while `second` on node two waits for it; both commit. */
  async function race(channelId: string, first: PreparedMessage[], second: PreparedMessage[]) {
    let open!: () => void;
    const held = heldBeforeCommit(one.q, new Promise<void>((r) => (open = r)));
    const a = one.ingest(channelId, first, undefined, held.q);
    await held.done;
    const b = two.ingest(channelId, second);
    // Node two's batch is blocked on a lock node one's open transaction holds (the conversation's row, or its
    // not-yet-committed insert): only then does node one commit.
    await until(
      async () =>
        Number((await one.q.get<{ n: string }>("SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"))!.n) > 0,
      'the second batch waiting for the first one’s lock',
    );
    open();
    return Promise.all([a, b]);
  }

  /** The conversation's one row, its messages and its events in seq order. */
  async function picture(channelId: string, chat: string, sinceSeq: number) {
    const rows = await one.q.all<{ id: number; version: number; last_message_at: string; opened_at: string | null }>(
      'SELECT id, version, last_message_at, opened_at FROM conversations WHERE channel_id = ? AND platform_conversation_id = ?',
      [channelId, chat],
    );
    expect(rows).toHaveLength(1);
    const id = Number(rows[0]!.id);
    const events = (await one.eventsAfter(sinceSeq, 10_000)).filter((e) => e.conversationId === id);
    return { row: rows[0]!, id, messages: await one.messages(id, 1_000), events };
  }

  function expectWholeHistory(p: Awaited<ReturnType<typeof picture>>, ids: string[], versionFrom: number, earlier: string[] = []) {
    expect(p.messages.map((m) => m.maskedText).sort()).toEqual([...earlier, ...ids].map((id) => `text of ${id} ۱۲ ١٢`).sort());
    // Every message bumped the conversation once, in commit order: conversation.updated, message.added, pair by pair,
    // the versions counting up one by one from where the conversation was — none lost to the other batch.
    expect(p.events.map((e) => e.kind)).toEqual(ids.flatMap(() => ['conversation.updated', 'message.added']));
    const versions = p.events.filter((e) => e.kind === 'conversation.updated').map((e) => (e.payload as { version: number }).version);
    expect(versions).toEqual(ids.map((_, i) => versionFrom + 1 + i));
    expect(p.row.version).toBe(versionFrom + ids.length);
    // What a console counts as unread: the customer messages it was told about.
    const added = p.events.filter((e) => e.kind === 'message.added').map((e) => e.payload as { direction: string; maskedText: string });
    const texts = new Set(ids.map((id) => `text of ${id} ۱۲ ١٢`));
    expect(added.filter((m) => m.direction === 'in')).toHaveLength(p.messages.filter((m) => texts.has(m.maskedText) && m.direction === 'in').length);
  }

  it('two batches that open the same new conversation at once: one conversation, every message, events in order', async () => {
    const ch = await newChannel();
    const seq = await one.latestEventSeq();
    const [a, b] = await race(ch, [message('a1', 'new', 10), message('a2', 'new', 30)], [message('b1', 'new', 20), message('b2', 'new', 40, 'out'), message('b3', 'new', 5)]);
    expect(a.inserted + b.inserted).toBe(5);
    expect(a.conversationIds).toEqual(b.conversationIds);
    const p = await picture(ch, 'new', seq);
    expectWholeHistory(p, ['a1', 'a2', 'b1', 'b2', 'b3'], 1);
    expect(Number(p.row.last_message_at)).toBe(40);
    expect(Number(p.row.opened_at)).toBe(10);
    expect(p.events.at(-2)!.payload).toMatchObject({ version: 6, lastMessageAt: 40, status: 'open' });
  });

  it('two batches that touch the same existing conversation at once: the second waits, nothing lost, events in order', async () => {
    const ch = await newChannel();
    await one.ingest(ch, [message('x0', 'old', 100)]);
    const [conv] = await one.conversations({ channels: [ch] });
    await one.setStatus(conv!.id, 'resolved', actor);
    const version = (await one.conversations({ channels: [ch] }))[0]!.version;
    const seq = await one.latestEventSeq();
    // The first batch reopens it (a customer's message); the second finds it open.
    const [a, b] = await race(ch, [message('x1', 'old', 150), message('x2', 'old', 160, 'out')], [message('y1', 'old', 120), message('y2', 'old', 200)]);
    expect(a.inserted + b.inserted).toBe(4);
    const p = await picture(ch, 'old', seq);
    expectWholeHistory(p, ['x1', 'x2', 'y1', 'y2'], version, ['x0']);
    expect(Number(p.row.last_message_at)).toBe(200);
    expect(Number(p.row.opened_at)).toBe(150);
    expect(p.events.at(-2)!.payload).toMatchObject({ status: 'open', lastMessageAt: 200 });
  });

  it('a batch writes an existing conversation once, only when it changes, and creates a new one in its final state', async () => {
    const ch = await newChannel();
    await one.ingest(ch, [message('o1', 'old', 100)]);
    const [old] = await one.conversations({ channels: [ch] });
    const labels = new HubLabels(one);
    const label = await labels.create(`vip-${ch}`, actor);
    await labels.setOnConversation(old!.id, [label.id], actor);
    const counts = new Map<string, RowVersions>();
    const q = countingRowVersions(one.q, ['conversations', 'conversation_labels'], (written) => {
      counts.clear();
      for (const [table, n] of written) counts.set(table, n);
    });

    // Three messages into the existing conversation, two into a new one.
    await one.ingest(ch, [message('o2', 'old', 110), message('n1', 'fresh', 120), message('o3', 'old', 130), message('n2', 'fresh', 140, 'out')], undefined, q);
    expect(counts.get('conversations')).toMatchObject({ ins: 1, upd: 1 });
    expect(counts.get('conversation_labels')).toMatchObject({ ins: 0, upd: 1 });
    const fresh = (await one.conversations({ channels: [ch] })).find((c) => c.id !== old!.id)!;
    expect(fresh).toMatchObject({ version: 3, lastMessageAt: 140, status: 'open' });
    expect(Number((await one.q.get<{ o: string }>('SELECT opened_at AS o FROM conversations WHERE id = ?', [fresh.id]))!.o)).toBe(120);

    // A late message that does not move the conversation's activity: the label row is not rewritten.
    await one.ingest(ch, [message('o0', 'old', 50, 'out')], undefined, q);
    expect(counts.get('conversations')).toMatchObject({ ins: 0, upd: 1 });
    expect(counts.get('conversation_labels')?.upd ?? 0).toBe(0);
    expect((await one.conversations({ channels: [ch] })).find((c) => c.id === old!.id)).toMatchObject({ lastMessageAt: 130, version: 5 });
  });
});
