import crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../main/core/app';
import { placeholderMasker } from '../../main/core/store';
import { pagesWrittenBy, rowWritesOf, statementsOf } from '../helpers/statements';
import { inbound, storeCore } from '../helpers/store';

let core: Core | undefined;
afterEach(() => core?.close());

/**
 * What one batch costs the database thread, counted (issue #26 round 10: the ingest path's work beyond a raw writer
 * of the same rows). Counts, never time: statements run, rows written by the store and by its triggers.
 */
describe('ingest: work per batch (issue #26 round 10)', () => {
  const batchOf = (from: number, conversations: number, each: number) =>
    Array.from({ length: conversations * each }, (_, i) =>
      inbound(from + i, { platformConversationId: `chat${i % conversations}`, contact: { platformUserId: `u${i % conversations}`, displayName: `Customer ${i % conversations}` } }),
    );

  it('updates each conversation a batch touches once, preview included, and its inbox row once', async () => {
    core = await storeCore();
    const c = core;
    c.store.sink.ingest('tg', batchOf(0, 4, 1));
    const batch = batchOf(100, 4, 3);
    let writes: ReturnType<typeof rowWritesOf> | undefined;
    const { run } = statementsOf(c.db, () => (writes = rowWritesOf(c.db, ['conversations', 'inbox_rows', 'conversation_tallies'], () => c.store.sink.ingest('tg', batch))));
    // Before: the activity and unread counts, then the preview, each its own UPDATE firing the inbox row's trigger.
    expect(run.filter((s) => s.startsWith('UPDATE conversations'))).toHaveLength(4);
    expect(writes!.conversations!.update).toBe(4);
    expect(writes!.inbox_rows!.update).toBe(4);
    // Before migration 027: 8, the tally's row taken out and put back for each unread count that moved.
    expect(writes!.conversation_tallies).toEqual({ insert: 0, update: 4, delete: 0 });
    const previews = c.db.prepare('SELECT platform_conversation_id AS p, preview FROM conversations ORDER BY p').all();
    expect(previews).toEqual([0, 1, 2, 3].map((k) => ({ p: `chat${k}`, preview: `hello ${100 + 8 + k}` })));
  });

  it('writes a conversation the batch starts once after its insert, opened in the same UPDATE (round 16)', async () => {
    core = await storeCore();
    const c = core;
    c.store.sink.ingest('tg', batchOf(0, 4, 1));
    // Two messages in each of the 4 known conversations; 3 new conversations with customer messages (their first one
    // not the first sent), 2 new ones with only replies (a platform's echo of an agent's message sent elsewhere).
    const fresh = (n: number, k: number, over: Parameters<typeof inbound>[1]) => inbound(n, { platformConversationId: `new${k}`, contact: { platformUserId: `n${k}` }, ...over });
    const batch = [
      ...batchOf(100, 4, 2),
      ...[0, 1, 2].flatMap((k) => [fresh(200 + k, k, { sentAt: 9_000 + k }), fresh(210 + k, k, { sentAt: 8_000 + k }), fresh(220 + k, k, { direction: 'out', sentAt: 7_000 })]),
      ...[3, 4].map((k) => fresh(230 + k, k, { direction: 'out', sentAt: 6_000 + k })),
    ];
    let writes: ReturnType<typeof rowWritesOf> | undefined;
    const { run } = statementsOf(c.db, () => (writes = rowWritesOf(c.db, ['conversations', 'inbox_rows'], () => c.store.sink.ingest('tg', batch))));
    // Before: a new conversation with a customer message was updated twice after its insert (activity, then opening).
    expect(run.filter((s) => s.startsWith('UPDATE conversations'))).toHaveLength(9);
    expect(writes!.conversations).toEqual({ insert: 5, update: 9, delete: 0 });
    expect(writes!.inbox_rows!.insert).toBe(5);
    const row = c.db.prepare("SELECT status, opened_at, unread, last_activity_at FROM conversations WHERE platform_conversation_id = ?");
    for (const k of [0, 1, 2]) expect(row.get(`new${k}`)).toEqual({ status: 'open', opened_at: 8_000 + k, unread: 2, last_activity_at: 9_000 + k });
    for (const k of [3, 4]) expect(row.get(`new${k}`)).toEqual({ status: 'open', opened_at: null, unread: 0, last_activity_at: 6_000 + k });
    expect(c.store.conversations.count({ status: 'open' })).toBe(9);
  });

  it('notes a batch\'s search terms in one statement, records its scam check outcomes with its messages, and checks its duplicates in one', async () => {
    core = await storeCore();
    const c = core;
    c.store.sink.ingest('tg', batchOf(0, 2, 1));
    const batch = [...batchOf(0, 2, 1), ...batchOf(200, 5, 2)];
    const { run } = statementsOf(c.db, () => expect(c.store.sink.ingest('tg', batch)).toMatchObject({ inserted: 10, duplicates: 2 }));
    // Before: one statement per message for each.
    expect(run.filter((s) => s.includes('INTO search_terms'))).toHaveLength(1);
    // Round 12: one statement a batch into \`inbound_checks\`; since migration 030 none, the outcome is in the message's insert.
    expect(run.filter((s) => /inbound_checks|^UPDATE messages/.test(s))).toEqual([]);
    expect(c.db.prepare('SELECT count(*) FROM messages WHERE check_rules IS NOT NULL').pluck().get()).toBe(12);
    expect(run.filter((s) => /FROM messages\b.* platform_message_id/.test(s))).toHaveLength(1);
    expect(c.db.prepare("SELECT count(*) FROM search_terms WHERE term = 'hello'").pluck().get()).toBe(1);
  });

  it('writes the batch\'s search entries out once, at its end, though it opens conversations and its messages give contact details', async () => {
    core = await storeCore();
    const c = core;
    // Segments are counted by their ids in the index's data (rowid >> 37); with no automatic merges each write-out
    // of FTS5's pending entries stays a segment of its own.
    c.db.exec("INSERT INTO messages_fts (messages_fts, rank) VALUES ('automerge', 0)");
    const segments = () => c.db.prepare('SELECT count(DISTINCT id >> 37) FROM messages_fts_data WHERE id >> 37 > 0').pluck().get() as number;
    // Before: 2 — the second conversation's insert (its triggers' statement journal) wrote out the first message's entry.
    c.store.sink.ingest('tg', batchOf(0, 2, 1));
    expect(segments()).toBe(1);
    const batch = batchOf(100, 2, 4).map((m, i) => ({ ...m, text: `write to me at person${i}@example.com note${i}` }));
    const writes = rowWritesOf(c.db, ['contact_details'], () => c.store.sink.ingest('tg', batch));
    expect(writes.contact_details!.insert + writes.contact_details!.update).toBe(8);
    // Before: each contact-details upsert (its statement journal) made FTS5 write out what it held, a segment a message.
    expect(segments()).toBe(2);
    expect(c.store.search.search('note3')).toHaveLength(1);
  });

  it('looks up the contacts, conversations and aliases a batch names in one statement (round 12)', async () => {
    core = await storeCore();
    const c = core;
    c.store.sink.ingest('tg', batchOf(0, 4, 1));
    // Three messages in each of the 4 known conversations, two new ones from new contacts, one of them with an alias.
    const batch = [
      ...batchOf(100, 4, 3),
      inbound(200, { platformConversationId: 'new1', contact: { platformUserId: 'n1', displayName: 'New One' }, aliases: ['new1-alias'] }),
      inbound(201, { platformConversationId: 'new2', contact: { platformUserId: 'n2', displayName: 'New Two' } }),
      inbound(202, { platformConversationId: 'new1-alias', contact: { platformUserId: 'n1', displayName: 'New One' } }),
    ];
    const { run } = statementsOf(c.db, () => expect(c.store.sink.ingest('tg', batch)).toMatchObject({ inserted: 15 }));
    const lookups = run.filter((s) => s.startsWith('SELECT') && /platform_user_id|platform_conversation_id|alias/.test(s));
    // Before: one look-up per contact and per conversation each batch names, and per alias of a conversation not found (18).
    expect(lookups).toHaveLength(1);
    // Each table is searched by the batch's ids (both columns of its key), never walked for each id.
    const plan = (c.db.prepare(`EXPLAIN QUERY PLAN ${lookups[0]!}`).all({ channel: 'tg', users: '[]', conversations: '[]' }) as Array<{ detail: string }>).map((r) => r.detail);
    const searches = plan.filter((d) => /contacts|conversations|conversation_aliases|\b[cva]\b/.test(d) && !d.startsWith('SCAN j'));
    expect(searches).toHaveLength(3);
    for (const d of searches) expect(d).toMatch(/channel_id=\? AND (platform_user_id|platform_conversation_id|alias)=\?/);
    const conversationOf = c.db.prepare('SELECT conversation_id FROM messages WHERE platform_message_id = ?').pluck();
    // The message keyed by the alias written earlier in the same batch joins that conversation.
    expect(conversationOf.get('m202')).toBe(conversationOf.get('m200'));
    expect(c.db.prepare('SELECT count(*) FROM conversations').pluck().get()).toBe(6);
  });

  it('still finds a re-delivered message whose platform id is not well-formed text (a lone surrogate)', async () => {
    core = await storeCore();
    const c = core;
    const odd = inbound(1, { platformMessageId: 'm\ud800x' });
    expect(c.store.sink.ingest('tg', [odd, inbound(2)])).toMatchObject({ inserted: 2, duplicates: 0 });
    expect(c.store.sink.ingest('tg', [odd, inbound(2), inbound(3)])).toMatchObject({ inserted: 1, duplicates: 2 });
  });

  it('does not mask a contact\'s display name again while it has not changed', async () => {
    const names: string[] = [];
    core = await storeCore({
      masker: (text: string) => {
        if (text.startsWith('Customer')) names.push(text);
        return placeholderMasker(text);
      },
    });
    const c = core;
    c.store.sink.ingest('tg', batchOf(0, 3, 2));
    expect(names).toHaveLength(3);
    names.length = 0;
    c.store.sink.ingest('tg', batchOf(100, 3, 2));
    // Before: once per contact per batch, on the database thread.
    expect(names).toEqual([]);
    // A new name is masked and stored; the same name again is not masked again.
    c.store.sink.ingest('tg', [inbound(300, { contact: { platformUserId: 'u1', displayName: 'Customer One 0551112222' }, platformConversationId: 'chat1' })]);
    c.store.sink.ingest('tg', [inbound(301, { contact: { platformUserId: 'u1', displayName: 'Customer One 0551112222' }, platformConversationId: 'chat1' })]);
    expect(names).toEqual(['Customer One 0551112222']);
    expect(c.db.prepare("SELECT display_name FROM contacts WHERE platform_user_id = 'u1'").pluck().get()).toBe('Customer One ⟦NUMBER·••22⟧');
  });

  it('digests each contact\'s name once a batch in one call, with no HMAC object (round 15)', async () => {
    core = await storeCore();
    const c = core;
    c.store.sink.ingest('tg', batchOf(0, 3, 2));
    const hmac = vi.spyOn(crypto, 'createHmac');
    const hash = vi.spyOn(crypto, 'hash');
    try {
      c.store.sink.ingest('tg', batchOf(100, 3, 2));
      // Before: an HMAC object a contact a batch (3.6 µs each against 1.5 µs for the one-shot digest).
      expect(hmac).not.toHaveBeenCalled();
      expect(hash).toHaveBeenCalledTimes(3);
    } finally {
      hmac.mockRestore();
      hash.mockRestore();
    }
  });

  it('moves a touched conversation only in the indexes an inbox page reads, and opens or reopens it as before (round 13)', async () => {
    core = await storeCore();
    const c = core;
    // Enough conversations that each index of `conversations` spans several pages.
    for (let k = 0; k < 4; k++) c.store.sink.ingest('tg', batchOf(k * 1000, 400, 1).map((m, i) => ({ ...m, platformMessageId: `s${k}-${i}` })));
    const indexes = (c.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'conversations'").pluck().all() as string[]);
    const batch = batchOf(9000, 400, 1).filter((_, i) => i % 10 === 0);
    const pages = pagesWrittenBy(c.db, () => expect(c.store.sink.ingest('tg', batch)).toMatchObject({ inserted: 40 }));
    const moved = indexes.filter((name) => pages.has(name)).sort();
    // Before: conversations_by_activity (read by no statement since migration 026) and conversations_opened (the
    // opening time, assigned unchanged on every batch) too, a page each per touched conversation at this size.
    expect(moved).toEqual(['conversations_by_assignee', 'conversations_by_channel', 'conversations_by_status']);

    // A new conversation is opened at its first customer message of the batch, a resolved one reopened.
    const row = c.db.prepare("SELECT status, opened_at FROM conversations WHERE platform_conversation_id = ?");
    c.store.sink.ingest('tg', [inbound(9500, { platformConversationId: 'fresh', sentAt: 5_000 }), inbound(9501, { platformConversationId: 'fresh', sentAt: 4_000 })]);
    expect(row.get('fresh')).toEqual({ status: 'open', opened_at: 4_000 });
    const id = c.store.conversations.byPlatform('tg', 'fresh')!;
    c.store.conversations.setStatus(id, 'resolved');
    c.store.sink.ingest('tg', [{ ...inbound(9502, { platformConversationId: 'fresh', sentAt: 7_000 }), direction: 'out' }]);
    expect(row.get('fresh')).toEqual({ status: 'resolved', opened_at: 4_000 });
    c.store.sink.ingest('tg', [inbound(9503, { platformConversationId: 'fresh', sentAt: 9_000 })]);
    expect(row.get('fresh')).toEqual({ status: 'open', opened_at: 9_000 });
    expect(c.store.conversations.count({ status: 'open' })).toBe(401);
    expect(c.store.conversations.count({ status: 'resolved' })).toBe(0);
  });

  it('keeps the newest customer message on the conversation\'s row, writing no index of its own (round 16)', async () => {
    core = await storeCore();
    const c = core;
    // Enough conversations, each with a few customer messages, that an index keyed by conversation spans many pages.
    for (let k = 0; k < 4; k++) c.store.sink.ingest('tg', batchOf(k * 1000, 400, 1).map((m, i) => ({ ...m, platformMessageId: `s${k}-${i}` })));
    const batch = batchOf(9000, 400, 1).filter((_, i) => i % 10 === 0);
    const messageIndexes = c.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'messages'").pluck().all() as string[];
    const pages = pagesWrittenBy(c.db, () => expect(c.store.sink.ingest('tg', batch)).toMatchObject({ inserted: 40 }));
    // Before (migration 031): messages_inbound too, a page per conversation the batch brought a customer message to.
    expect(messageIndexes.filter((name) => pages.has(name)).sort()).toEqual(['messages_by_channel_time', 'messages_by_conversation', 'sqlite_autoindex_messages_1']);
    const newest = c.db.prepare("SELECT conversation_id AS id, max(id) AS latest FROM messages WHERE direction = 'in' GROUP BY conversation_id").all() as Array<{ id: number; latest: number }>;
    expect(newest).toHaveLength(400);
    for (const { id, latest } of newest) expect(c.store.conversations.latestInboundId(id)).toBe(latest);
  });

  it('writes the scam check\'s outcomes on the pages its messages\' insert writes, none of their own (round 14)', async () => {
    core = await storeCore();
    const c = core;
    // Enough conversations, each with a few checked messages, that a table clustered by conversation spans many pages.
    for (let k = 0; k < 4; k++) c.store.sink.ingest('tg', batchOf(k * 1000, 400, 1).map((m, i) => ({ ...m, platformMessageId: `s${k}-${i}` })));
    const batch = batchOf(9000, 400, 1).filter((_, i) => i % 10 === 0);
    const pages = pagesWrittenBy(c.db, () => expect(c.store.sink.ingest('tg', batch)).toMatchObject({ inserted: 40 }));
    // Before (migration 030): \`inbound_checks\`, a page per touched conversation at this size.
    expect([...pages.keys()].filter((name) => /inbound/.test(name) && name !== 'messages_inbound')).toEqual([]);
    const ids = c.db.prepare("SELECT id FROM messages WHERE platform_message_id LIKE 'm9%'").pluck().all() as number[];
    expect(ids).toHaveLength(40);
    const rules = c.db.prepare('SELECT rules FROM inbound_rules').pluck().all() as string[];
    expect(rules).toHaveLength(1);
    // Every message of the batch is recorded as checked, not flagged, and read back by the opening's range.
    const conversationId = c.db.prepare('SELECT conversation_id FROM messages WHERE id = ?').pluck().get(ids[0]) as number;
    expect([...c.store.inboundChecks.of(conversationId, rules[0]!).values()]).toEqual(Array(5).fill({ flagged: false, wording: null }));
  });
});
