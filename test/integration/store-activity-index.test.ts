import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations, openDatabase } from '../../main/core/store';
import { pageQuery, type ConversationFilter } from '../../main/core/store/conversations';
import type { Db } from '../../main/core/store/database';
import { tmpDir } from '../helpers/tmp';

// Migration 029 drops `conversations_by_activity`, which no inbox page reads since migration 026 and every ingested
// batch moved each touched conversation in (issue #26, round 13).

const STATUSES = ['open', 'pending', 'snoozed', 'resolved'] as const;
const FILTERS: ConversationFilter[] = [{}, { status: 'open' }, { channelId: 'wa' }, { assigneeId: 'u-1' }, { assigneeId: null }, { unreadOnly: true }, { status: 'pending', channelId: 'tg' }];

function pages(db: Db): unknown[] {
  return FILTERS.flatMap((f) => {
    const first = pageQuery(f, undefined);
    const rows = db.prepare(first.sql).all(...first.args, 5) as Array<{ id: number; last_activity_at: number }>;
    const last = rows.at(-1);
    const next = last ? pageQuery(f, { lastActivityAt: last.last_activity_at, id: last.id }) : undefined;
    return [rows, next ? db.prepare(next.sql).all(...next.args, 5) : []];
  });
}

const hasIndex = (db: Db) => db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'conversations_by_activity'").pluck().get();

describe('migration 029: the unread activity index goes', () => {
  it('lists every inbox page of a file from before it as before, and the index is gone', () => {
    const file = path.join(tmpDir(), 'diwan.sqlite');
    const old = openDatabase(file, { migrations: migrations.filter((m) => m.version < 29) });
    old.exec(`INSERT INTO channels (id, kind, name, created_at) VALUES ('tg', 'telegram', 'tg', 1), ('wa', 'whatsapp', 'wa', 1);
      INSERT INTO contacts (id, channel_id, platform_user_id, created_at) VALUES (1, 'tg', 'u', 1), (2, 'wa', 'v', 1);`);
    const add = old.prepare('INSERT INTO conversations (id, channel_id, platform_conversation_id, contact_id, status, assignee_id, unread, last_activity_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)');
    for (let i = 1; i <= 40; i++) add.run(i, i % 3 ? 'tg' : 'wa', `c${i}`, i % 3 ? 1 : 2, STATUSES[i % 4], i % 2 ? 'u-1' : null, i % 5, 100 + ((i * 7) % 13));
    const before = pages(old);
    expect(hasIndex(old)).toBe(1);
    old.close();
    const db = openDatabase(file);
    try {
      expect(hasIndex(db)).toBe(0);
      expect(pages(db)).toEqual(before);
      expect(before.flat().length).toBeGreaterThan(40);
    } finally {
      db.close();
    }
  });
});
