import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations, openDatabase } from '../../main/core/store';
import { InboundCheckRepository } from '../../main/core/store/inbound-checks';
import type { StoreContext } from '../../main/core/store/context';
import { tmpDir } from '../helpers/tmp';

// Migration 030 moves the inbound scam check's outcomes from `inbound_checks` onto the message rows (issue #26, round 14).

describe('migration 030: the scam check outcomes move onto their messages', () => {
  it('reads back every outcome of a file from before it as before, under each set of rules, and drops the table', () => {
    const file = path.join(tmpDir(), 'diwan.sqlite');
    const old = openDatabase(file, { migrations: migrations.filter((m) => m.version < 30) });
    old.exec(`INSERT INTO channels (id, kind, name, created_at) VALUES ('tg', 'telegram', 'tg', 1);
      INSERT INTO contacts (id, channel_id, platform_user_id, created_at) VALUES (1, 'tg', 'u', 1);
      INSERT INTO conversations (id, channel_id, platform_conversation_id, contact_id, last_activity_at, unread, created_at) VALUES (1, 'tg', 'c1', 1, 1, 0, 1), (2, 'tg', 'c2', 1, 1, 0, 1);`);
    const message = old.prepare("INSERT INTO messages (id, conversation_id, channel_id, platform_message_id, direction, masked_text, sent_at, stored_at) VALUES (?, ?, 'tg', ?, ?, 'x', ?, 1)");
    const check = old.prepare('INSERT INTO inbound_checks (conversation_id, message_id, rules, flagged, wording) VALUES (?, ?, ?, ?, ?)');
    const wording = JSON.stringify({ en: [{ code: 'lookalike', explanation: 'e' }], ar: [{ code: 'lookalike', explanation: 'ع' }], fa: [{ code: 'lookalike', explanation: 'ف' }] });
    for (let id = 1; id <= 40; id++) {
      const conversation = (id % 2) + 1;
      message.run(id, conversation, `m${id}`, id % 7 === 0 ? 'out' : 'in', id);
      if (id % 7 === 0 || id % 11 === 0) continue; // replies, and inbound messages never checked
      // Two sets of rules (an upgrade, a new policy); flagged with wording, flagged before migration 021 (no wording), not flagged.
      check.run(conversation, id, id < 25 ? 'rules-a' : 'rules-b', id % 5 === 0 ? 1 : 0, id % 5 === 0 && id % 10 !== 0 ? wording : null);
    }
    const before = (conversation: number, rules: string, from = 0, to = 1e9) =>
      new Map(
        (old.prepare('SELECT message_id, flagged, wording FROM inbound_checks WHERE conversation_id = ? AND rules = ? AND message_id BETWEEN ? AND ?').all(conversation, rules, from, to) as Array<{ message_id: number; flagged: number; wording: string | null }>).map((r) => [r.message_id, { flagged: r.flagged === 1, wording: r.wording }]),
      );
    const cases = [1, 2].flatMap((conversation) => ['rules-a', 'rules-b', 'rules-c'].flatMap((rules) => [[conversation, rules], [conversation, rules, 10, 30]] as Array<[number, string, number?, number?]>));
    const expected = cases.map(([conversation, rules, from, to]) => before(conversation, rules, from, to));
    expect(expected.reduce((n, m) => n + m.size, 0)).toBeGreaterThan(40);
    expect(expected.some((m) => [...m.values()].some((o) => o.flagged && o.wording === null))).toBe(true);
    expect(expected.some((m) => [...m.values()].some((o) => o.flagged && o.wording === wording))).toBe(true);
    old.close();

    const db = openDatabase(file);
    try {
      const checks = new InboundCheckRepository({ db } as unknown as StoreContext);
      const after = cases.map(([conversation, rules, from, to]) => checks.of(conversation, rules, from === undefined ? undefined : { from, to: to! }));
      expect(after).toEqual(expected);
      expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'inbound_checks'").pluck().get()).toBe(0);
      // Replies and messages never checked hold no outcome.
      expect(db.prepare("SELECT count(*) FROM messages WHERE check_rules IS NOT NULL AND (direction = 'out' OR id % 11 = 0)").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
