import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrations, openDatabase } from '../../main/core/store';
import type { Db } from '../../main/core/store/database';
import { rowWritesOf } from '../helpers/statements';
import { tmpDir } from '../helpers/tmp';

// Migration 027: an unread count that moves within one tally is one write to `conversation_tallies`; a change of
// status, channel or assignee still moves the conversation between tallies. The tallies must always equal a count
// over the conversations themselves.

const RECOUNT = `SELECT status, channel_id, coalesce(assignee_id, '') AS assignee_id, count(*) AS conversations, sum(unread) AS unread
  FROM conversations GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
const TALLIES = 'SELECT status, channel_id, assignee_id, conversations, unread FROM conversation_tallies WHERE conversations > 0 ORDER BY 1, 2, 3';
const STATUSES = ['open', 'pending', 'snoozed', 'resolved'] as const;

function oldFile(): string {
  const file = path.join(tmpDir(), 'diwan.sqlite');
  const old = openDatabase(file, { migrations: migrations.filter((m) => m.version < 27) });
  old.exec(`INSERT INTO channels (id, kind, name, created_at) VALUES ('tg', 'telegram', 'tg', 1), ('wa', 'whatsapp', 'wa', 1);
    INSERT INTO contacts (id, channel_id, platform_user_id, created_at) VALUES (1, 'tg', 'u', 1), (2, 'wa', 'v', 1);`);
  const add = old.prepare("INSERT INTO conversations (id, channel_id, platform_conversation_id, contact_id, status, assignee_id, unread, last_activity_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)");
  for (let i = 1; i <= 12; i++) add.run(i, i % 3 ? 'tg' : 'wa', `c${i}`, i % 3 ? 1 : 2, STATUSES[i % 4], i % 2 ? 'u-1' : null, i % 5, 100 + i);
  old.close();
  return file;
}

describe('migration 027: one tally write when only the unread count moves', () => {
  it('keeps every conversation and every tally of a file from before it, and then writes one tally row per unread change', () => {
    const file = oldFile();
    const before = openDatabase(file, { migrations: migrations.filter((m) => m.version < 27) });
    const rows = before.prepare('SELECT * FROM conversations ORDER BY id').all() as Array<Record<string, unknown>>;
    const tallies = before.prepare(TALLIES).all();
    before.close();
    const db = openDatabase(file);
    try {
      // Later migrations add columns (031: latest_inbound_id); every column the file had keeps its values.
      const now = db.prepare('SELECT * FROM conversations ORDER BY id').all() as Array<Record<string, unknown>>;
      expect(now.map((r) => Object.fromEntries(Object.keys(rows[0]!).map((k) => [k, r[k]])))).toEqual(rows);
      expect(db.prepare(TALLIES).all()).toEqual(tallies);
      expect(tallies).toEqual(db.prepare(RECOUNT).all());
      // Before 027: two row updates (out of the tally, back into the same one).
      const writes = rowWritesOf(db, ['conversation_tallies'], () => db.prepare('UPDATE conversations SET unread = unread + 3 WHERE id IN (1, 2)').run());
      expect(writes.conversation_tallies).toEqual({ insert: 0, update: 2, delete: 0 });
      expect(db.prepare(TALLIES).all()).toEqual(db.prepare(RECOUNT).all());
    } finally {
      db.close();
    }
  });

  it('keeps the tallies equal to a recount through any sequence of changes', () => {
    const db: Db = openDatabase(oldFile());
    try {
      const change = fc.record({
        id: fc.integer({ min: 1, max: 12 }),
        status: fc.option(fc.constantFrom(...STATUSES), { nil: undefined }),
        channel: fc.option(fc.constantFrom('tg', 'wa'), { nil: undefined }),
        assignee: fc.option(fc.constantFrom('u-1', 'u-2', null), { nil: undefined }),
        unread: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
      });
      fc.assert(
        fc.property(fc.array(change, { maxLength: 20 }), (changes) => {
          db.exec('SAVEPOINT p');
          try {
            for (const c of changes) {
              // Any mix of the four columns; none at all deletes the conversation.
              const set = Object.entries({ status: c.status, channel_id: c.channel, assignee_id: c.assignee, unread: c.unread }).filter(([, v]) => v !== undefined);
              if (!set.length) {
                db.prepare('DELETE FROM conversations WHERE id = ?').run(c.id);
                continue;
              }
              db.prepare(`UPDATE conversations SET ${set.map(([col]) => `${col} = ?`).join(', ')} WHERE id = ?`).run(...set.map(([, v]) => v), c.id);
              expect(db.prepare(TALLIES).all()).toEqual(db.prepare(RECOUNT).all());
            }
            expect(db.prepare(TALLIES).all()).toEqual(db.prepare(RECOUNT).all());
          } finally {
            db.exec('ROLLBACK TO p; RELEASE p');
          }
        }),
        { numRuns: 200 },
      );
    } finally {
      db.close();
    }
  });
});
