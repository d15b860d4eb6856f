import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations, openDatabase } from '../../main/core/store';
import { InboundCheckRepository } from '../../main/core/store/inbound-checks';
import type { StoreContext } from '../../main/core/store/context';
import { tmpDir } from '../helpers/tmp';

// Migration 030 puts the inbound scam check's outcomes on the message rows (issue #26, round 14). The outcomes of a file
// from before it were recorded under an older version's rules (the fingerprint names the version), so it drops them:
// every message is checked again when its conversation is first opened, as after any upgrade.

describe('migration 030: the scam check outcomes on their messages', () => {
  it("drops a file's older outcomes with their table, and records and reads new ones on the message rows, by rules and range", () => {
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
    const cases = [1, 2].flatMap((conversation) => ['rules-a', 'rules-b'].flatMap((rules) => [[conversation, rules], [conversation, rules, 10, 30]] as Array<[number, string, number?, number?]>));
    expect(old.prepare('SELECT count(*) FROM inbound_checks').pluck().get()).toBeGreaterThan(25);
    old.close();

    const db = openDatabase(file);
    try {
      const checks = new InboundCheckRepository({ db } as unknown as StoreContext);
      expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'inbound_checks'").pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM messages WHERE check_rules IS NOT NULL OR check_flags IS NOT NULL').pluck().get()).toBe(0);
      for (const [conversation, rules, from, to] of cases) expect(checks.of(conversation, rules, from === undefined ? undefined : { from, to: to! }).size).toBe(0);

      // Outcomes recorded after it: flagged with wording, flagged without (''), not flagged; replies take none.
      const inbound = (conversation: number) => db.prepare("SELECT id FROM messages WHERE conversation_id = ? AND direction = 'in' ORDER BY id").pluck().all(conversation) as number[];
      db.transaction(() => {
        for (const conversation of [1, 2]) {
          checks.record(conversation, 'rules-c', inbound(conversation).map((id) => [id, id % 5 === 0, id % 5 === 0 && id % 10 !== 0 ? wording : null] as [number, boolean, string | null]));
        }
        checks.record(1, 'rules-c', [[14, true, wording]]); // a reply (14 % 7 === 0): not an inbound message, nothing written
      })();
      for (const conversation of [1, 2]) {
        const ids = inbound(conversation);
        const want = new Map(ids.map((id) => [id, { flagged: id % 5 === 0, wording: id % 5 === 0 && id % 10 !== 0 ? wording : null }]));
        expect(checks.of(conversation, 'rules-c')).toEqual(want);
        expect(checks.of(conversation, 'rules-c', { from: 10, to: 30 })).toEqual(new Map([...want].filter(([id]) => id >= 10 && id <= 30)));
        expect(checks.of(conversation, 'rules-a').size).toBe(0);
      }
      expect(db.prepare("SELECT count(*) FROM messages WHERE check_rules IS NOT NULL AND direction = 'out'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
