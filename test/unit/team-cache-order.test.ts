import crypto from 'node:crypto';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TeamCache, type CachedConversation } from '../../main/core/team/cache';
import type { MessageView } from '../../main/core/team/wire';
import { TeamRows } from '../../main/ipc/team/rows';
import { tmpDir } from '../helpers/tmp';

/**
 * A team console's cache fed by two paths that race: the hub's event stream (ordered, each event once past the cursor)
 * and the answer to a conversation's opening (`GET /v1/conversations/:id/messages`, kept by `TeamCache.adopt`), which
 * may leave the hub before or after any of the stream's events and arrive at any point among them. Whatever the order,
 * the cache must end with the hub's state: a customer's edit or a reply's delivery is never lost.
 */

type Event = { seq: number; kind: string; payload: Record<string, unknown> };

const CONVERSATION = 7;
const ORIGINAL = 101;
const NEW_VERSION = 102;
const REPLY = 103;

const conversation = (version: number, status: CachedConversation['status'] = 'open'): CachedConversation => ({
  id: CONVERSATION,
  channelId: 'tg',
  contact: { id: 5, displayName: 'Noura', handle: null },
  status,
  assigneeId: null,
  lastMessageAt: 1_000 + version,
  version,
});
const message = (id: number, direction: 'in' | 'out', maskedText: string): MessageView => ({
  id,
  conversationId: CONVERSATION,
  direction,
  authorId: null,
  maskedText,
  sentAt: 1_000 + id,
  fields: [],
  attachments: [],
  delivery: direction === 'out' ? 'queued' : null,
});

const openCache = () => new TeamCache(path.join(tmpDir('team-cache-order-'), 'cache.sqlite'), crypto.randomBytes(32));
const held = (cache: TeamCache, id: number) => cache.messages(CONVERSATION).find((m) => m.id === id);
const frame = (cache: TeamCache, ...events: Event[]) => cache.applyFrame(events.at(-1)!.seq, events);
const marks = { labelIds: [] as number[], snoozedUntil: null };

describe('team cache: a customer\'s edit and a reply\'s delivery whatever order the stream and an opening bring them in', () => {
  it('an edit the stream brings before its message (the opening\'s answer still on its way) marks the message when the answer comes', () => {
    const cache = openCache();
    frame(cache, { seq: 12, kind: 'message.revised', payload: { messageId: ORIGINAL, conversationId: CONVERSATION, revision: 'edited', revisedBy: NEW_VERSION } });
    // The answer left the hub before the edit was stored: the original unmarked, no new version.
    cache.adopt(conversation(1), [message(ORIGINAL, 'in', 'My card [card] was charged twice')], marks);
    expect(held(cache, ORIGINAL)).toMatchObject({ revision: 'edited', revisedBy: NEW_VERSION, maskedText: 'My card [card] was charged twice' });
    // As the person sees it: folded as the earlier version.
    expect(new TeamRows(cache, () => 0).message(held(cache, ORIGINAL)!).revision).toEqual({ kind: 'edited', by: NEW_VERSION });
    cache.close();
  });

  it('an opening answered from the state before the edit does not overwrite what the stream already brought', () => {
    const cache = openCache();
    frame(
      cache,
      { seq: 10, kind: 'conversation.updated', payload: conversation(2, 'pending') as unknown as Record<string, unknown> },
      { seq: 11, kind: 'message.added', payload: message(ORIGINAL, 'in', 'My card [card] was charged twice') as unknown as Record<string, unknown> },
    );
    frame(
      cache,
      { seq: 12, kind: 'message.added', payload: message(NEW_VERSION, 'in', 'My card was charged twice, please help') as unknown as Record<string, unknown> },
      { seq: 13, kind: 'message.revised', payload: { messageId: ORIGINAL, conversationId: CONVERSATION, revision: 'edited', revisedBy: NEW_VERSION } },
    );
    // The opening checked the cache before these frames (the conversation was not held), and its answer is older.
    cache.adopt(conversation(1, 'open'), [message(ORIGINAL, 'in', 'My card [card] was charged twice')], { labelIds: [4], snoozedUntil: null });
    expect(held(cache, ORIGINAL)).toMatchObject({ revision: 'edited', revisedBy: NEW_VERSION });
    expect(held(cache, NEW_VERSION)?.revision).toBeUndefined();
    expect(cache.conversation(CONVERSATION)).toMatchObject({ status: 'pending', version: 2 });
    // What the stream never said (its labels) the answer fills.
    expect(cache.labelIdsOf(CONVERSATION)).toEqual([4]);
    cache.close();
  });

  it('a delivery state the stream brings before the reply, or a frame seen again, is not lost', () => {
    const cache = openCache();
    frame(cache, { seq: 20, kind: 'message.delivery', payload: { messageId: REPLY, conversationId: CONVERSATION, delivery: 'delivered' } });
    frame(cache, { seq: 21, kind: 'message.delivery', payload: { messageId: REPLY, conversationId: CONVERSATION, delivery: 'read' } });
    cache.adopt(conversation(1), [message(REPLY, 'out', 'We are on it')], marks);
    expect(held(cache, REPLY)?.delivery).toBe('read');

    const again = openCache();
    const added: Event = { seq: 30, kind: 'message.added', payload: message(REPLY, 'out', 'We are on it') as unknown as Record<string, unknown> };
    frame(again, added);
    frame(again, { seq: 31, kind: 'message.delivery', payload: { messageId: REPLY, conversationId: CONVERSATION, delivery: 'sent' } });
    frame(again, added);
    expect(held(again, REPLY)?.delivery).toBe('sent');
    cache.close();
    again.close();
  });

  it('an erased conversation takes the updates still waiting for its messages with it', () => {
    const cache = openCache();
    frame(cache, { seq: 12, kind: 'message.revised', payload: { messageId: ORIGINAL, conversationId: CONVERSATION, revision: 'deleted', revisedBy: NEW_VERSION } });
    frame(cache, { seq: 13, kind: 'customer_data.removed', payload: { conversationIds: [CONVERSATION] } });
    cache.adopt(conversation(1), [message(ORIGINAL, 'in', 'hello')], marks);
    expect(held(cache, ORIGINAL)?.revision).toBeUndefined();
    cache.close();
  });

  it('property: any point for the opening\'s answer, any state it was read from, any framing — the hub\'s state', () => {
    // The hub's history: the conversation, an original, a reply; then edits, a deletion and delivery changes in any
    // order. The hub marks as store/revisions.ts does: a deletion outranks an edit, a later edit supersedes an earlier.
    const update = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const) }),
      fc.record({ kind: fc.constant('delete' as const) }),
      fc.record({ kind: fc.constant('delivery' as const), state: fc.constantFrom('sent', 'delivered', 'read', 'failed', 'unknown', 'queued') }),
      fc.record({ kind: fc.constant('status' as const), status: fc.constantFrom('open', 'pending', 'resolved') }),
    );
    fc.assert(
      fc.property(
        fc.array(update, { minLength: 1, maxLength: 10 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 20 }),
        fc.option(fc.tuple(fc.nat(), fc.nat())),
        (updates, from, read, at, sizes, second) => {
          const history: Event[] = [];
          let seq = 0;
          let version = 1;
          let nextId = NEW_VERSION;
          const push = (kind: string, payload: object) => history.push({ seq: ++seq, kind, payload: payload as Record<string, unknown> });
          push('conversation.updated', conversation(version));
          push('message.added', message(ORIGINAL, 'in', 'My card [card] was charged twice'));
          push('message.added', message(REPLY, 'out', 'We are on it'));
          let revision = null as { revision: 'edited' | 'deleted'; revisedBy: number } | null;
          for (const u of updates) {
            if (u.kind === 'delivery') push('message.delivery', { messageId: REPLY, conversationId: CONVERSATION, delivery: u.state });
            else if (u.kind === 'status') push('conversation.updated', conversation(++version, u.status));
            else {
              const by = ++nextId + 100;
              push('message.added', message(by, 'in', u.kind === 'edit' ? 'the edited text' : '[deleted]'));
              revision = revision?.revision === 'deleted' ? revision : { revision: u.kind === 'edit' ? 'edited' : 'deleted', revisedBy: by };
              push('message.revised', { messageId: ORIGINAL, conversationId: CONVERSATION, ...revision });
            }
          }
          const last = seq;
          // The hub's state after the event `k`, as its answer to an opening gives it.
          const stateAt = (k: number) => {
            let c = conversation(1);
            const ms = new Map<number, MessageView>();
            for (const e of history.filter((x) => x.seq <= k)) {
              const p = e.payload;
              if (e.kind === 'conversation.updated') c = p as unknown as CachedConversation;
              else if (e.kind === 'message.added') ms.set(p.id as number, p as unknown as MessageView);
              else if (e.kind === 'message.delivery') ms.set(REPLY, { ...ms.get(REPLY)!, delivery: p.delivery as string });
              else if (e.kind === 'message.revised') ms.set(ORIGINAL, { ...ms.get(ORIGINAL)!, revision: p.revision as 'edited', revisedBy: p.revisedBy as number });
            }
            return { conversation: c, messages: [...ms.values()] };
          };
          // The stream gives this person the events after `start` (before it, the channel was not theirs: none of
          // the conversation's events reached the cache), in frames of any size; the answer was read at `k` ≥ `start`
          // (the hub answers from a state at least as new as the events it had streamed when asked) and is kept
          // after any frame; a second opening's answer, read earlier, may come back later still.
          const start = from % (last + 1);
          const k = Math.max(start, 3) + (read % (last - Math.max(start, 3) + 1));
          const stream = history.filter((e) => e.seq > start);
          const frames: Event[][] = [];
          for (let i = 0, n = 0; i < stream.length; n++) {
            const size = sizes[n % sizes.length]!;
            frames.push(stream.slice(i, i + size));
            i += size;
          }
          const answerAfter = at % (frames.length + 1);
          // In memory: two hundred cache files would spend the test's time in fsync.
          const cache = new TeamCache(':memory:', crypto.randomBytes(32));
          const answer = (state: ReturnType<typeof stateAt>) => cache.adopt(state.conversation, state.messages, marks);
          frames.forEach((f, i) => {
            if (i === answerAfter) answer(stateAt(k));
            if (second && second[0] % frames.length === i) answer(stateAt(Math.max(start, 3) + (second[1] % (k - Math.max(start, 3) + 1))));
            cache.applyFrame(f.at(-1)!.seq, f);
          });
          if (answerAfter === frames.length) answer(stateAt(k));

          const hub = stateAt(last);
          const byId = (ms: Array<{ id: number }>) => [...ms].sort((a, b) => a.id - b.id);
          expect(byId(cache.messages(CONVERSATION))).toEqual(byId(hub.messages));
          expect(cache.conversation(CONVERSATION)).toEqual(hub.conversation);
          cache.close();
        },
      ),
      { numRuns: 150 },
    );
  });
});
