import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { migrations, openDatabase, type ConversationFilter } from '../../main/core/store';
import { pageQuery } from '../../main/core/store/conversations';
import type { Db } from '../../main/core/store/database';
import { inbound, storeCore } from '../helpers/store';
import { tmpDir } from '../helpers/tmp';

// Migration 026: the inbox's pages come from `inbox_rows`. Each write path below is followed by the same check: every
// page of every filter class equals the plain query over conversations, contacts and labels (the query before 026),
// and the table itself equals what that query computes for every conversation.

let core: Core | undefined;
afterEach(() => core?.close());

const PLAIN = `SELECT c.id, c.channel_id, c.status, c.snoozed_until, c.assignee_id, c.last_activity_at, c.unread, k.id AS contact_id, k.handle, k.display_name,
    c.preview, (SELECT group_concat(cl.label_id) FROM conversation_labels cl WHERE cl.conversation_id = c.id) AS label_ids
  FROM conversations c JOIN contacts k ON k.id = c.contact_id`;

function filters(db: Db): ConversationFilter[] {
  const labelIds = db.prepare('SELECT id FROM labels ORDER BY id').pluck().all() as number[];
  const out: ConversationFilter[] = [{}, { status: 'open' }, { status: 'resolved' }, { status: 'snoozed' }, { channelId: 'tg' }, { channelId: 'wa' }, { assigneeId: 'u-1' }, { assigneeId: null }];
  out.push({ status: 'pending', channelId: 'wa' }, { assigneeId: 'u-1', status: 'open' }, { assigneeId: null, channelId: 'tg' }, { unreadOnly: true }, { unreadOnly: true, status: 'open' });
  for (const labelId of labelIds) out.push({ labelId }, { labelId, status: 'open' }, { labelId, assigneeId: null, unreadOnly: true });
  return out;
}

function plainPage(db: Db, f: ConversationFilter): number[] {
  const where = ['1'];
  const args: unknown[] = [];
  const add = (sql: string, ...arg: unknown[]) => {
    where.push(sql);
    args.push(...arg);
  };
  if (f.status) add('c.status = ?', f.status);
  if (f.channelId) add('c.channel_id = ?', f.channelId);
  if (f.assigneeId === null) add('c.assignee_id IS NULL');
  else if (f.assigneeId) add('c.assignee_id = ?', f.assigneeId);
  if (f.labelId !== undefined) add('c.id IN (SELECT conversation_id FROM conversation_labels WHERE label_id = ?)', f.labelId);
  if (f.unreadOnly) where.push('c.unread > 0');
  return db.prepare(`SELECT c.id FROM conversations c WHERE ${where.join(' AND ')} ORDER BY c.last_activity_at DESC, c.id DESC`).pluck().all(...args) as number[];
}

/** The fast list agrees with the plain query for every filter class, page by page, field by field. */
function expectSameAsPlain(c: Core): void {
  const db = c.db;
  const rows = db.prepare(`${PLAIN} ORDER BY c.id`).all() as Array<Record<string, unknown>>;
  const stored = db.prepare('SELECT conversation_id AS id, channel_id, status, snoozed_until, assignee_id, last_activity_at, unread, contact_id, handle, display_name, preview, label_ids FROM inbox_rows ORDER BY conversation_id').all();
  expect(stored).toEqual(rows);
  for (const f of filters(db)) {
    const got: number[] = [];
    let after;
    do {
      const page = c.store.conversations.list(f, { limit: 3, ...(after ? { after } : {}) });
      for (const item of page.items) expect(item).toEqual(c.store.conversations.get(item.id));
      got.push(...page.items.map((i) => i.id));
      after = page.next ?? undefined;
    } while (after);
    expect(got, JSON.stringify(f)).toEqual(plainPage(db, f));
  }
}

async function seeded(): Promise<Core> {
  core = await storeCore();
  const c = core;
  c.store.channels.create({ id: 'wa', kind: 'whatsapp', name: 'WhatsApp' });
  for (let i = 1; i <= 12; i++) {
    c.store.sink.ingest(i % 3 ? 'tg' : 'wa', [
      inbound(i, { platformConversationId: `c${i}`, contact: { platformUserId: `u${i % 5}`, displayName: `Customer ${i % 5}` }, text: `hello ${i}` }),
    ]);
  }
  const vip = c.store.labels.create('vip').id;
  const late = c.store.labels.create('late').id;
  const ids = c.db.prepare('SELECT id FROM conversations ORDER BY id').pluck().all() as number[];
  ids.forEach((id, i) => {
    if (i % 2) c.store.labels.attach(id, vip);
    if (i % 3 === 0) c.store.labels.attach(id, late);
    if (i % 4 === 1) c.store.conversations.assign(id, 'u-1');
  });
  c.store.conversations.setStatus(ids[2]!, 'pending');
  c.store.conversations.setStatus(ids[5]!, 'resolved');
  expectSameAsPlain(c);
  return c;
}

const ids = (c: Core) => c.db.prepare('SELECT id FROM conversations ORDER BY id').pluck().all() as number[];

describe('the inbox rows (migration 026) follow every write path', () => {
  it('a new message: a customer message, a new conversation, a reply, a renamed customer', async () => {
    const c = await seeded();
    c.store.sink.ingest('tg', [inbound(100, { platformConversationId: 'c1', contact: { platformUserId: 'u1', displayName: 'Customer 1' }, sentAt: 1_800_000_000_000 })]);
    expectSameAsPlain(c);
    c.store.sink.ingest('wa', [inbound(101, { platformConversationId: 'new', contact: { platformUserId: 'u-new', displayName: 'Newcomer' }, sentAt: 1_800_000_001_000 })]);
    expectSameAsPlain(c);
    c.store.outbox.enqueue({ conversationId: ids(c)[3]!, text: 'We will call you today.', authorId: 'u-1' });
    expectSameAsPlain(c);
    // The customer changed their shown name on the platform: every conversation of theirs shows the new one.
    c.store.sink.ingest('tg', [inbound(102, { platformConversationId: 'c11', contact: { platformUserId: 'u1', displayName: 'Renamed One' }, sentAt: 1_800_000_002_000 })]);
    expectSameAsPlain(c);
    expect(c.db.prepare("SELECT count(*) FROM inbox_rows WHERE display_name = 'Renamed One'").pluck().get()).toBeGreaterThan(1);
  });

  it('read, assignment and state changes (snooze and its wake-up)', async () => {
    const c = await seeded();
    const [a, b, d] = ids(c);
    c.store.conversations.markRead(a!);
    expectSameAsPlain(c);
    c.store.conversations.assign(b!, 'u-2');
    c.store.conversations.assign(a!, null);
    expectSameAsPlain(c);
    c.store.conversations.setStatus(d!, 'snoozed', { until: 1_700_000_500_000 });
    expectSameAsPlain(c);
    expect(c.store.conversations.wakeDue(1_700_000_600_000)).toEqual([d]);
    expectSameAsPlain(c);
    c.store.conversations.setStatus(b!, 'resolved');
    expectSameAsPlain(c);
  });

  it('labels: attached, taken off, and a label deleted', async () => {
    const c = await seeded();
    const [vip, late] = c.store.labels.list().map((l) => l.id);
    const all = ids(c);
    c.store.labels.attach(all[0]!, vip!);
    c.store.labels.attach(all[0]!, late!);
    expectSameAsPlain(c);
    c.store.labels.detach(all[1]!, vip!);
    expectSameAsPlain(c);
    c.store.labels.remove(late!);
    expectSameAsPlain(c);
    expect(c.db.prepare('SELECT count(*) FROM inbox_rows WHERE label_ids IS NOT NULL').pluck().get()).toBeGreaterThan(0);
  });

  it('erasure of a customer, retention, and a removed channel', async () => {
    const c = await seeded();
    c.store.subjects.erase({ channelId: 'tg', platformUserId: 'u1' }, 'admin');
    expectSameAsPlain(c);
    // Retention deletes old messages; a conversation left empty goes, one with newer messages gets a new preview.
    c.store.sink.ingest('tg', [inbound(200, { platformConversationId: 'c2', contact: { platformUserId: 'u2', displayName: 'Customer 2' }, sentAt: 1_900_000_000_000 })]);
    c.store.channels.setRetention('tg', 'all', 30);
    c.store.runRetention(1_900_000_000_000);
    expectSameAsPlain(c);
    expect(c.store.conversations.list({ channelId: 'tg' }).items.map((i) => i.preview)).toEqual(['hello 200']);
    c.db.prepare("DELETE FROM channels WHERE id = 'wa'").run();
    expectSameAsPlain(c);
    expect(c.db.prepare('SELECT count(*) FROM inbox_rows').pluck().get()).toBe(1);
  });

  it('a page reads one range: inbox_rows by its key, the filter from an index, never a conversation or contact row', async () => {
    const c = await seeded();
    for (const f of filters(c.db)) {
      for (const after of [undefined, { lastActivityAt: 1_700_000_006_000, id: 6 }]) {
        const { sql, args } = pageQuery(f, after);
        const plan = (c.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args, 50) as Array<{ detail: string }>).map((p) => p.detail);
        const detail = plan.join('\n');
        expect(detail, JSON.stringify(f)).not.toMatch(/contacts|TEMP B-TREE|AUTOMATIC/);
        expect(detail).toMatch(/^(SCAN r|SEARCH r USING PRIMARY KEY)/m);
        for (const line of plan) {
          if (/\bc\b/.test(line)) expect(line).toMatch(/^SEARCH c USING COVERING INDEX conversations_by_(status|channel|assignee) \(/);
          if (/\bl\b/.test(line)) expect(line).toMatch(/^SEARCH l USING COVERING INDEX conversation_labels_recent \(label_id=\?/);
          if (/\br\b/.test(line) && !/^SCAN r$/.test(line)) expect(line).toMatch(/^SEARCH r USING PRIMARY KEY \(last_activity_at=\? AND conversation_id=\?\)$|^SEARCH r USING PRIMARY KEY \(\(last_activity_at,conversation_id\)<\(\?,\?\)\)$/);
        }
      }
    }
  });
});

describe('migration 026 on a file from before it', () => {
  it('fills the inbox rows from the conversations, contacts and labels already there', () => {
    const file = path.join(tmpDir(), 'diwan.sqlite');
    const old = openDatabase(file, { migrations: migrations.filter((m) => m.version < 26) });
    old.exec(`INSERT INTO channels (id, kind, name, created_at) VALUES ('tg', 'telegram', 'tg', 1);
      INSERT INTO contacts (id, channel_id, platform_user_id, handle, display_name, created_at) VALUES (1, 'tg', 'u', '@sara', 'Sara', 1), (2, 'tg', 'v', NULL, NULL, 1);
      INSERT INTO conversations (id, channel_id, platform_conversation_id, contact_id, last_activity_at, status, assignee_id, unread, preview, snoozed_until, created_at)
        VALUES (1, 'tg', 'c1', 1, 500, 'pending', 'u-1', 2, 'hi', NULL, 1), (2, 'tg', 'c2', 2, 900, 'snoozed', NULL, 0, NULL, 5000, 1), (3, 'tg', 'c3', 1, 700, 'open', NULL, 1, 'yo', NULL, 1);
      INSERT INTO labels (id, name, created_at) VALUES (1, 'vip', 1), (2, 'late', 1);
      INSERT INTO conversation_labels (conversation_id, label_id) VALUES (1, 2), (1, 1), (3, 2);`);
    const before = old.prepare(`${PLAIN} ORDER BY c.last_activity_at DESC, c.id DESC`).all();
    old.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT conversation_id AS id, channel_id, status, snoozed_until, assignee_id, last_activity_at, unread, contact_id, handle, display_name, preview, label_ids FROM inbox_rows ORDER BY last_activity_at DESC').all()).toEqual(before);
    expect(db.prepare('SELECT conversation_id, label_ids FROM inbox_rows ORDER BY conversation_id').raw().all()).toEqual([[1, '1,2'], [2, null], [3, '2']]);
    db.close();
  });
});
