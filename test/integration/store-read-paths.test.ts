import { textWithoutTokens } from '../../main/core/masking';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { DEFAULT_GUARD_POLICY, resolveGuardPolicy } from '../../main/core/guard';
import { cachedStatement, migrations, openDatabase } from '../../main/core/store';
import { ftsExpression, queryTerms } from '../../main/core/store/search-text';
import { cachedStatementCount } from '../../main/core/store/statement-cache';
import { InboundFlags } from '../../main/ipc/inbound-flags';
import { inbound, storeCore } from '../helpers/store';
import { tmpDir } from '../helpers/tmp';

let core: Core | undefined;
afterEach(() => core?.close());

const STATUSES = ['open', 'pending', 'snoozed', 'resolved'] as const;
const ASSIGNEES = [null, 'u-1', 'u-2'] as const;

/** Conversations written straight into the tables (fast), as ingest would leave them. */
function seedConversations(c: Core, n: number, channelId = 'tg'): number[] {
  const db = c.db;
  const contact = db.prepare('INSERT INTO contacts (channel_id, platform_user_id, created_at) VALUES (?, ?, 1)');
  const conv = db.prepare(
    'INSERT INTO conversations (channel_id, platform_conversation_id, contact_id, last_activity_at, unread, created_at) VALUES (?, ?, ?, ?, ?, 1)',
  );
  const ids: number[] = [];
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const k = Number(contact.run(channelId, `seed-${channelId}-${i}`).lastInsertRowid);
      ids.push(Number(conv.run(channelId, `seed-${channelId}-${i}`, k, 1_700_000_000_000 + i * 1000, i % 3).lastInsertRowid));
    }
  })();
  return ids;
}

describe('inbox totals from the tallies (migration 008)', () => {
  it('equal a count of the rows after any sequence of ingest, status, assignment, read and channel removal', async () => {
    core = await storeCore();
    const c = core;
    c.store.channels.create({ id: 'wa', kind: 'whatsapp', name: 'WhatsApp' });
    let n = 0;
    const op = fc.oneof(
      fc.record({ kind: fc.constant('ingest' as const), conv: fc.nat(12), channel: fc.constantFrom('tg', 'wa'), dir: fc.constantFrom('in' as const, 'out' as const) }),
      fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status: fc.constantFrom(...STATUSES) }),
      fc.record({ kind: fc.constant('assign' as const), pick: fc.nat(), who: fc.constantFrom(...ASSIGNEES) }),
      fc.record({ kind: fc.constant('read' as const), pick: fc.nat() }),
    );
    const truth = (where: string, ...args: unknown[]) => c.db.prepare(`SELECT count(*) FROM conversations WHERE ${where}`).pluck().get(...args) as number;
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const ids = () => c.db.prepare('SELECT id FROM conversations ORDER BY id').pluck().all() as number[];
        for (const o of ops) {
          const all = ids();
          const pick = (k: number) => all[k % all.length]!;
          if (o.kind === 'ingest') {
            n++;
            c.store.sink.ingest(o.channel, [inbound(n, { platformMessageId: `p${n}`, platformConversationId: `c${o.conv}`, contact: { platformUserId: `u${o.conv}` }, direction: o.dir })]);
          } else if (!all.length) continue;
          else if (o.kind === 'status') c.store.conversations.setStatus(pick(o.pick), o.status, o.status === 'snoozed' ? { until: 2_000_000_000_000 } : {});
          else if (o.kind === 'assign') c.store.conversations.assign(pick(o.pick), o.who);
          else c.store.conversations.markRead(pick(o.pick));
        }
        const conv = c.store.conversations;
        expect(conv.count()).toBe(truth('1'));
        expect(conv.count({ unresolved: true })).toBe(truth("status != 'resolved'"));
        for (const s of STATUSES) expect(conv.count({ status: s, channelId: 'wa' })).toBe(truth("status = ? AND channel_id = 'wa'", s));
        expect(conv.count({ unresolved: true, assigneeId: null })).toBe(truth("status != 'resolved' AND assignee_id IS NULL"));
        expect(conv.count({ assigneeId: 'u-1' })).toBe(truth("assignee_id = 'u-1'"));
        expect(conv.count({ unreadOnly: true })).toBe(truth('unread > 0'));
        const unread = c.db.prepare("SELECT channel_id, sum(unread) FROM conversations WHERE status != 'resolved' GROUP BY channel_id").raw().all() as Array<[string, number]>;
        expect(Object.fromEntries([...conv.unreadByChannel()].filter(([, v]) => v > 0))).toEqual(Object.fromEntries(unread.filter(([, v]) => v > 0)));
      }),
      { numRuns: 30 },
    );
    // Removing a channel deletes its conversations by cascade; the tallies follow.
    c.store.channels.create({ id: 'gone', kind: 'x', name: 'X' });
    seedConversations(c, 20, 'gone');
    expect(c.store.conversations.count({ channelId: 'gone' })).toBe(20);
    c.db.prepare("DELETE FROM channels WHERE id = 'gone'").run();
    expect(c.store.conversations.count({ channelId: 'gone' })).toBe(0);
    expect(c.store.conversations.count()).toBe(truth('1'));
  });
});

describe('label pages (migration 018: the label rows carry their conversation\'s activity, status, channel, assignee)', () => {
  it('equal the pages and totals (migration 025: from the label tallies) of a plain query after any sequence of labelling, status, assignment, activity and removal', async () => {
    core = await storeCore();
    const c = core;
    c.store.channels.create({ id: 'wa', kind: 'whatsapp', name: 'WhatsApp' });
    const ids = [...seedConversations(c, 150), ...seedConversations(c, 150, 'wa')];
    const labels = [c.store.labels.create('a').id, c.store.labels.create('b').id];
    const attach = c.db.prepare('INSERT OR IGNORE INTO conversation_labels (conversation_id, label_id) VALUES (?, ?)');
    ids.forEach((id, i) => i % 3 && attach.run(id, labels[i % 2]!));
    const op = fc.oneof(
      fc.record({ kind: fc.constant('label' as const), pick: fc.nat(), label: fc.nat(1), on: fc.boolean() }),
      fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status: fc.constantFrom(...STATUSES) }),
      fc.record({ kind: fc.constant('assign' as const), pick: fc.nat(), who: fc.constantFrom(...ASSIGNEES) }),
      fc.record({ kind: fc.constant('message' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
    );
    const filter = fc.record(
      { labelId: fc.constantFrom(...labels), status: fc.constantFrom(...STATUSES), channelId: fc.constantFrom('tg', 'wa'), assigneeId: fc.constantFrom(...ASSIGNEES), unreadOnly: fc.constant(true) },
      { requiredKeys: ['labelId'] },
    );
    let n = 0;
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), fc.array(filter, { minLength: 1, maxLength: 4 }), (ops, filters) => {
        for (const o of ops) {
          const all = c.db.prepare('SELECT id FROM conversations ORDER BY id').pluck().all() as number[];
          const id = all[o.pick % all.length]!;
          if (o.kind === 'label' && o.on) c.store.labels.attach(id, labels[o.label]!);
          else if (o.kind === 'label') c.store.labels.detach(id, labels[o.label]!);
          else if (o.kind === 'status') c.store.conversations.setStatus(id, o.status, o.status === 'snoozed' ? { until: 2_000_000_000_000 } : {});
          else if (o.kind === 'assign') c.store.conversations.assign(id, o.who);
          else if (o.kind === 'remove') c.db.prepare('DELETE FROM conversations WHERE id = ?').run(id);
          else {
            // A new message moves the conversation to the top (through the ingest path's own update).
            const platformId = c.db.prepare('SELECT platform_conversation_id FROM conversations WHERE id = ?').pluck().get(id) as string;
            const channel = c.db.prepare('SELECT channel_id FROM conversations WHERE id = ?').pluck().get(id) as string;
            n++;
            c.store.sink.ingest(channel, [inbound(n, { platformMessageId: `lp${n}`, platformConversationId: platformId, contact: { platformUserId: platformId }, sentAt: 1_800_000_000_000 + n * 1000 })]);
          }
        }
        for (const f of filters) {
          const where = ['c.id IN (SELECT conversation_id FROM conversation_labels WHERE label_id = ?)'];
          const args: unknown[] = [f.labelId];
          const add = (sql: string, arg?: unknown) => (where.push(sql), arg !== undefined && args.push(arg));
          if (f.status) add('c.status = ?', f.status);
          if (f.channelId) add('c.channel_id = ?', f.channelId);
          if (f.assigneeId === null) add('c.assignee_id IS NULL');
          else if (f.assigneeId) add('c.assignee_id = ?', f.assigneeId);
          if (f.unreadOnly) where.push('c.unread > 0');
          const want = c.db.prepare(`SELECT c.id FROM conversations c WHERE ${where.join(' AND ')} ORDER BY c.last_activity_at DESC, c.id DESC`).pluck().all(...args) as number[];
          const got: number[] = [];
          let after;
          do {
            const page = c.store.conversations.list(f, { limit: 7, ...(after ? { after } : {}) });
            got.push(...page.items.map((i) => i.id));
            after = page.next;
          } while (after);
          expect(got).toEqual(want);
          expect(c.store.conversations.count(f)).toBe(want.length);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a database labelled before migration 018 gets the copies filled in', () => {
    const file = path.join(tmpDir(), 'diwan.sqlite');
    const old = openDatabase(file, { migrations: migrations.filter((m) => m.version < 18) });
    old.exec(`INSERT INTO channels (id, kind, name, created_at) VALUES ('tg', 'telegram', 'tg', 1);
      INSERT INTO contacts (id, channel_id, platform_user_id, created_at) VALUES (1, 'tg', 'u', 1);
      INSERT INTO conversations (id, channel_id, platform_conversation_id, contact_id, last_activity_at, status, assignee_id, created_at)
        VALUES (1, 'tg', 'c1', 1, 500, 'pending', 'u-1', 1), (2, 'tg', 'c2', 1, 900, 'open', NULL, 1);
      INSERT INTO labels (id, name, created_at) VALUES (1, 'vip', 1);
      INSERT INTO conversation_labels (conversation_id, label_id) VALUES (1, 1), (2, 1);`);
    old.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT conversation_id, last_activity_at, status, channel_id, assignee_id FROM conversation_labels ORDER BY conversation_id').raw().all()).toEqual([
      [1, 500, 'pending', 'tg', 'u-1'],
      [2, 900, 'open', 'tg', ''],
    ]);
    // Migration 025: the label's tallies from those copies.
    expect(db.prepare('SELECT label_id, status, channel_id, assignee_id, conversations FROM label_tallies ORDER BY status').raw().all()).toEqual([
      [1, 'open', 'tg', '', 1],
      [1, 'pending', 'tg', 'u-1', 1],
    ]);
    db.close();
  });
});

describe('search filters', () => {
  it('applies the status filter before the cap, so an older match in an open conversation is found and counted', async () => {
    core = await storeCore();
    const c = core;
    const batch = Array.from({ length: 5 }, (_, i) => inbound(i, { platformConversationId: 'open-one', contact: { platformUserId: 'a' }, text: `invoice ${i}` }));
    c.store.sink.ingest('tg', batch);
    const newer = Array.from({ length: 250 }, (_, i) => inbound(100 + i, { platformConversationId: 'busy', contact: { platformUserId: 'b' }, text: `invoice again ${i}` }));
    c.store.sink.ingest('tg', newer);
    const busy = c.db.prepare("SELECT id FROM conversations WHERE platform_conversation_id = 'busy'").pluck().get() as number;
    c.store.conversations.setStatus(busy, 'resolved');
    expect(c.store.search.search('invoice', { limit: 200 })).toHaveLength(200);
    const open = c.store.search.search('invoice', { limit: 200, status: 'open' });
    expect(open).toHaveLength(5);
    expect(c.store.search.search('invoice', { limit: 200, status: 'resolved' })).toHaveLength(200);
    const sentAt = open.map((h) => h.sentAt).sort();
    expect(c.store.search.search('invoice', { limit: 200, status: 'open', from: sentAt[1], to: sentAt[3] })).toHaveLength(3);
  });
});

describe('statement reuse', () => {
  it('one statement per distinct SQL text, however many calls; the cache stays bounded', async () => {
    core = await storeCore();
    const c = core;
    seedConversations(c, 30);
    c.store.conversations.list({ status: 'open' });
    c.store.conversations.count({ status: 'open', assigneeId: null });
    const after = cachedStatementCount(c.db);
    for (let i = 0; i < 200; i++) {
      c.store.conversations.list({ status: 'open' }, { limit: 10 });
      c.store.conversations.count({ status: 'open', assigneeId: null });
      c.identity.users.byId(`nobody-${i}`);
    }
    expect(cachedStatementCount(c.db)).toBeLessThanOrEqual(after + 2);
    for (let i = 0; i < 700; i++) cachedStatement(c.db, `SELECT ${i}`);
    expect(cachedStatementCount(c.db)).toBe(512);
  });
});

describe('inbound scam flags', () => {
  it('stored before checks at ingest: checked once per message under the same rules, only flagged ones worded again', async () => {
    core = await storeCore();
    const c = core;
    const texts = ['they sent bit.ly/3abc', 'hello there', 'where is my order', 'ok thanks'];
    c.store.sink.ingest('tg', texts.map((text, i) => inbound(i, { text })));
    // As a database written before the scam check ran at ingest (or under other rules) holds them: no outcomes.
    c.db.exec('UPDATE messages SET check_rules = NULL, check_flags = NULL');
    const id = c.store.conversations.list().items[0]!.id;
    let policy = DEFAULT_GUARD_POLICY;
    const flags = new InboundFlags(() => policy, c.store.inboundChecks);
    const page = () => c.store.conversations.page(id);

    const first = flags.forConversation(page(), 'en');
    expect([...first.flags.values()].map((f) => f.map((x) => x.code))).toEqual([['shortener']]);
    expect(first.unrecorded.map(([, flagged]) => flagged)).toEqual([true, false, false, false]);
    c.store.inboundChecks.record(id, first.rules, first.unrecorded);

    const again = flags.forConversation(page(), 'ar');
    expect(again.unrecorded).toEqual([]);
    expect([...again.flags.values()][0]![0]!.explanation).not.toBe([...first.flags.values()][0]![0]!.explanation);
    // A fresh process (empty memory) reads the outcomes back: still nothing to check but the flagged message.
    const fresh = new InboundFlags(() => policy, c.store.inboundChecks);
    expect(fresh.forConversation(page(), 'en')).toEqual({ ...first, unrecorded: [] });

    // New rules (IT signed another policy): every message is checked again.
    policy = resolveGuardPolicy({ companyDomains: ['acme.com'] });
    const changed = flags.forConversation(page(), 'en');
    expect(changed.rules).not.toBe(first.rules);
    expect(changed.unrecorded).toHaveLength(4);
  });

  it('a message whose text changed since it was cached is checked again', () => {
    const flags = new InboundFlags(() => DEFAULT_GUARD_POLICY);
    const a = flags.flags(1, 'they sent bit.ly/3abc', 'en');
    expect(flags.flags(1, 'they sent bit.ly/3abc', 'en')).toBe(a);
    expect(flags.flags(1, 'erased', 'en')).toEqual([]);
  });
});

describe('migration 009 (search prefix indexes)', () => {
  it('refills the search index from the masked text, as ingest indexes it, with prefix indexes', () => {
    const file = path.join(tmpDir(), 'diwan.sqlite');
    const old = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 7) });
    old.exec(`INSERT INTO channels (id, kind, name, created_at) VALUES ('tg', 'telegram', 'tg', 1);
      INSERT INTO contacts (id, channel_id, platform_user_id, created_at) VALUES (1, 'tg', 'u', 1);
      INSERT INTO conversations (id, channel_id, platform_conversation_id, contact_id, last_activity_at, created_at) VALUES (1, 'tg', 'c', 1, 1, 1);`);
    const texts = ['أين الفاتورة؟', 'payment ⟦CARD·••11⟧ pending', 'سفارش من کی می‌رسد', 'ﻻ شكراً'];
    const add = old.prepare("INSERT INTO messages (conversation_id, channel_id, direction, masked_text, sent_at, stored_at) VALUES (1, 'tg', 'in', ?, 1, 1)");
    for (const t of texts) add.run(t);
    old.close();

    const db = openDatabase(file);
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'messages_fts'").pluck().get() as string;
    expect(sql).toMatch(/prefix = '2 3'/);
    const ids = (q: string) => db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid').pluck().all(ftsExpression(queryTerms(q)));
    expect(ids('فاتوره')).toEqual([1]); // teh marbuta folded, article stripped, as at ingest
    expect(ids('ال')).toEqual([1]);
    expect(ids('pa')).toEqual([2]);
    expect(ids('سفارش')).toEqual([3]);
    expect(ids('لا')).toEqual([4]); // the presentation-form ligature unfolded
    for (const t of texts) expect(db.prepare('SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?').pluck().get(ftsExpression(queryTerms(textWithoutTokens(t))))).toBe(1);
    // Migration 015: a masked token is no word of the message, so its type's name finds nothing.
    expect(ids('card')).toEqual([]);
    expect(ids('payment pending')).toEqual([2]);
    db.close();
  });
});
