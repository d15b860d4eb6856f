import fs from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../main/core/app';
import { markFieldRows, openDatabase, scheduleFieldMarks } from '../../main/core/store';
import { ConversationRepository } from '../../main/core/store/conversations';
import type { StoreContext } from '../../main/core/store/context';
import { databaseBefore, fixedClock, inbound, statementsRunBy, storeCore } from '../helpers/store';

let core: Core | undefined;
afterEach(() => core?.close());

// Issue #26, round 21: a conversation's first opening asked `message_fields` for every message of its page (at 3M
// messages 26.8 of its 77 pages read, each message's fields on a leaf of their own). A message row now says whether it
// has field rows, written with them, so the page asks only for the messages that have some, and nothing for a page of
// plain messages. These count statements and pages read (SQLite's read() calls on the serving thread), never time.

const WHOLE = '<p>the whole e-mail</p>';
const NOW = 1_800_000_000_000;

let own = 0;
/** Bytes this thread has read with read() so far, less what reading the counter itself read. */
function readBytes(): number {
  const text = fs.readFileSync('/proc/thread-self/io', 'latin1');
  const n = Number(/^rchar: (\d+)$/m.exec(text)![1]) - own;
  own += text.length;
  return n;
}

/** The page as the tables hold it: each message's field rows read directly, none skipped. */
function truth(db: Core['db'], conversationId: number, ids: number[]) {
  const q = db.prepare('SELECT n, type, start, end, value_enc IS NOT NULL AS revealable FROM message_fields WHERE message_id = ? ORDER BY n');
  return ids.map((id) => {
    const rows = q.all(id) as Array<{ n: number; type: string; start: number; end: number; revealable: number }>;
    const whole = rows.find((r) => r.type === 'ORIGINAL');
    return {
      id,
      conversationId,
      fields: rows.filter((r) => r !== whole).map((r) => ({ n: r.n, type: r.type, start: r.start, end: r.end, revealable: r.revealable === 1 })),
      original: whole ? { n: whole.n, revealable: whole.revealable === 1 } : null,
    };
  });
}

function shown(repo: ConversationRepository, conversationId: number, limit: number) {
  return repo.messages(conversationId, { limit }).map((m) => ({ id: m.id, conversationId, fields: m.fields, original: m.original }));
}

describe('a page of messages asks for the field rows of the messages that have some (issue #26, round 21)', () => {
  it('a page of plain messages runs no statement on message_fields and reads fewer pages on a new connection', async () => {
    core = await storeCore({ clock: fixedClock(NOW) });
    // Two conversations written in turns, so each one's messages lie apart in the file; only "fields" has masked
    // values (e-mail addresses and phone numbers the placeholder masker takes) and a whole original.
    for (let i = 0; i < 120; i++) {
      core.store.sink.ingest('tg', [
        inbound(2 * i, { platformConversationId: 'plain', contact: { platformUserId: 'p' }, text: `plain words ${'x'.repeat(300)} ${i}` }),
        inbound(2 * i + 1, {
          platformConversationId: 'fields',
          contact: { platformUserId: 'f' },
          text: `write to a${i}@example.com or call +1 202 555 01${String(i % 100).padStart(2, '0')} ${'y'.repeat(300)}`,
          ...(i % 7 === 0 ? { html: WHOLE } : {}),
        }),
      ]);
    }
    const id = (p: string) => core!.db.prepare("SELECT id FROM conversations WHERE platform_conversation_id = ?").pluck().get(p) as number;
    const plain = id('plain');
    const withFields = id('fields');
    const file = core.databaseFile;
    core.close();
    core = undefined;

    const db = openDatabase(file);
    try {
      const repo = new ConversationRepository({ db } as unknown as StoreContext);
      const ran = statementsRunBy(db, () => repo.messages(plain, { limit: 51 }));
      expect(ran.filter((s) => /message_fields/.test(s))).toEqual([]);
      // A page with field rows asks them, and every page its attachments, by the page's ids: a key lookup each.
      const asked = statementsRunBy(db, () => repo.messages(withFields, { limit: 51 })).filter((s) => /FROM (message_fields|attachments) WHERE/.test(s));
      expect(asked.map((q) => (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all('[1]') as Array<{ detail: string }>)[0]!.detail)).toEqual([
        'SEARCH message_fields USING PRIMARY KEY (message_id=?)',
        'SEARCH attachments USING INDEX attachments_by_message (message_id=?)',
      ]);
      const ids = (p: number) => repo.messages(p, { limit: 51 }).map((m) => m.id);
      expect(shown(repo, withFields, 51)).toEqual(truth(db, withFields, ids(withFields)));
      expect(shown(repo, withFields, 51).filter((m) => m.original).length).toBeGreaterThan(0);
    } finally {
      db.close();
    }

    // Pages read by the first opening of the plain page, on a connection with nothing cached (SQLite's own cache is
    // per connection; rchar counts what it read whether the OS had the page or not).
    if (!fs.existsSync('/proc/thread-self/io')) return;
    const fresh = openDatabase(file);
    try {
      const pageSize = fresh.pragma('page_size', { simple: true }) as number;
      const repo = new ConversationRepository({ db: fresh } as unknown as StoreContext);
      fresh.prepare('SELECT 1 FROM conversations WHERE id = ?').get(plain);
      const before = readBytes();
      repo.messages(plain, { limit: 51 });
      const pages = Math.round((readBytes() - before) / pageSize);
      expect(pages).toBeLessThanOrEqual(PLAIN_PAGE_READS);
    } finally {
      fresh.close();
    }
  });

  it('shows every message its field rows, for any mix of plain, masked and e-mail messages in any order', async () => {
    core = await storeCore({ clock: fixedClock(NOW) });
    const c = core;
    const repo = new ConversationRepository({ db: c.db } as unknown as StoreContext);
    let n = 0;
    const kind = fc.constantFrom('plain', 'masked', 'email', 'email-masked');
    const digits = fc.constantFrom('0123456789', '٠١٢٣٤٥٦٧٨٩', '۰۱۲۳۴۵۶۷۸۹');
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind, conv: fc.constantFrom('a', 'b', 'c'), age: fc.nat(50), digits, words: fc.constantFrom('سلام', 'hello', 'درود', '⟦ not a token ⟧') }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 40 }),
        (messages, limit) => {
          c.store.sink.ingest(
            'tg',
            messages.map((m) => {
              n++;
              const phone = `+1 202 555 ${[...String(1000 + (n % 9000))].map((d) => m.digits[Number(d)]).join('')}`;
              const masked = m.kind === 'masked' || m.kind === 'email-masked';
              return inbound(n, {
                platformMessageId: `p${n}`,
                platformConversationId: m.conv,
                contact: { platformUserId: m.conv },
                text: masked ? `${m.words} mail u${n}@example.org ${phone}` : `${m.words} ${n}`,
                sentAt: NOW - m.age * 60_000,
                ...(m.kind.startsWith('email') ? { html: `<b>${n}</b>` } : {}),
              });
            }),
          );
          // A reply written in the console, with a masked value every other run.
          const a = c.db.prepare("SELECT id FROM conversations WHERE platform_conversation_id = 'a'").pluck().get() as number | undefined;
          if (a !== undefined) c.store.outbox.enqueue({ conversationId: a, text: n % 2 ? `call me on +1 202 555 01${n % 10}9` : `thanks ${n}`, authorId: 'agent-1' });
          // Every row's mark is what its field rows say.
          const wrong = c.db.prepare('SELECT id FROM messages m WHERE has_fields IS NOT EXISTS (SELECT 1 FROM message_fields f WHERE f.message_id = m.id)').all();
          expect(wrong).toEqual([]);
          for (const conv of ['a', 'b', 'c']) {
            const id = c.db.prepare("SELECT id FROM conversations WHERE platform_conversation_id = ?").pluck().get(conv) as number | undefined;
            if (id === undefined) continue;
            const page = shown(repo, id, limit);
            expect(page).toEqual(truth(c.db, id, page.map((m) => m.id)));
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('messages stored before migration 032', () => {
  /** Each message's mark, and whether it has field rows, read from the tables. */
  const marks = (db: Core['db']) =>
    db.prepare('SELECT id, has_fields, EXISTS (SELECT 1 FROM message_fields f WHERE f.message_id = m.id) AS has FROM messages m ORDER BY id').all() as Array<{ id: number; has_fields: number | null; has: number }>;

  it('are asked for as before until the background fill marks them, a batch a transaction, resuming where it stopped', () => {
    const { file, db: old } = databaseBefore(
      32,
      `(1, 1, 'm1', 'in', 'a ⟦EMAIL·a…⟧', 100), (2, 1, 'm2', 'in', 'plain', 200), (3, 2, 'm3', 'in', 'x', 300),
       (4, 1, 'm4', 'out', 'an e-mail with its whole original', 400), (5, 1, 'm5', 'in', 'plain', 500),
       (7, 1, 'm7', 'in', 'b ⟦PHONE·…12⟧', 700), (8, 3, 'm8', 'in', 'plain', 800)`,
    );
    old.exec(`INSERT INTO message_fields (message_id, n, type, start, end) VALUES
      (1, 0, 'EMAIL', 2, 13), (4, 0, 'ORIGINAL', 33, 33), (7, 0, 'PHONE', 2, 14), (7, 1, 'ORIGINAL', 14, 14)`);
    old.close();

    let db = openDatabase(file);
    const repo = () => new ConversationRepository({ db } as unknown as StoreContext);
    const page = (r: ConversationRepository) => shown(r, 1, 10);
    expect(marks(db).every((m) => m.has_fields === null)).toBe(true);
    // Unmarked rows are asked for: the page shows every field row.
    const expected = truth(db, 1, [1, 2, 4, 5, 7]);
    expect(page(repo())).toEqual(expected);
    expect(expected.filter((m) => m.fields.length || m.original).map((m) => m.id)).toEqual([1, 4, 7]);

    // A message stored now is marked by its insert; the fill starts below it.
    db.exec(`INSERT INTO messages (id, conversation_id, platform_message_id, direction, masked_text, sent_at, channel_id, stored_at, has_fields)
      VALUES (9, 1, 'm9', 'in', 'new', 900, 'tg', 1, 0)`);
    expect(markFieldRows(db, 3)).toBe(true); // ids 6–8
    expect(marks(db).map((m) => m.has_fields)).toEqual([null, null, null, null, null, 1, 0, 0]);
    // Interrupted: a batch that fails leaves the rows and the cursor as they were.
    expect(() =>
      db.transaction(() => {
        db.prepare("UPDATE settings SET value = '1' WHERE key = 'store.field_marks_below'").run();
        throw new Error('power cut');
      })(),
    ).toThrow('power cut');
    db.close();
    db = openDatabase(file);
    expect(page(repo())).toEqual([...expected, ...truth(db, 1, [9])]);
    expect(markFieldRows(db, 3)).toBe(true); // ids 3–5
    expect(markFieldRows(db, 3)).toBe(false); // ids 1–2, the oldest
    expect(markFieldRows(db, 3)).toBe(false);
    expect(marks(db).map((m) => [m.id, m.has_fields])).toEqual(marks(db).map((m) => [m.id, m.has]));
    expect(page(repo())).toEqual([...expected, ...truth(db, 1, [9])]);
    // Marked: a page of plain messages asks nothing.
    expect(statementsRunBy(db, () => repo().messages(3)).filter((s) => /message_fields/.test(s))).toEqual([]);
    db.close();
  });

  it('the console runs the fill in the background, a batch a timer, until every row is marked', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `(${i + 1}, 1, 'm${i + 1}', 'in', 'plain', ${i})`).join(', ');
    const { file, db: old } = databaseBefore(32, rows);
    old.exec("INSERT INTO message_fields (message_id, n, type, start, end) VALUES (7, 0, 'EMAIL', 0, 5)");
    old.close();
    const db = openDatabase(file);
    const errors: unknown[] = [];
    const batches = vi.fn(markFieldRows);
    const stop = scheduleFieldMarks({ db, delayMs: 0, everyMs: 0, onError: (e) => errors.push(e), mark: (d) => batches(d, 4) });
    try {
      await vi.waitFor(() => expect(marks(db).filter((m) => m.has_fields === null)).toEqual([]));
      expect(marks(db).map((m) => m.has_fields)).toEqual(marks(db).map((m) => m.has));
      await new Promise((r) => setTimeout(r, 20));
      expect(batches).toHaveBeenCalledTimes(8); // 30 ids, 4 a batch; none after the last
      expect(errors).toEqual([]);
    } finally {
      stop();
      db.close();
    }
  });

  it('a file whose oldest messages are gone ends the fill without walking the ids below them', () => {
    const { file, db: old } = databaseBefore(32, `(100000, 1, 'm1', 'in', 'a ⟦EMAIL·a…⟧', 100), (100001, 1, 'm2', 'in', 'plain', 200)`);
    old.exec("INSERT INTO message_fields (message_id, n, type, start, end) VALUES (100000, 0, 'EMAIL', 2, 13)");
    old.close();
    const db = openDatabase(file);
    try {
      expect(markFieldRows(db, 1)).toBe(true); // 100001
      expect(markFieldRows(db, 1)).toBe(false); // 100000, and nothing below it
      expect(marks(db).map((m) => m.has_fields)).toEqual([1, 0]);
    } finally {
      db.close();
    }
  });
});

/** 25 here: the page's rows and the conversation's index entries; 29 with the reader before round 21 (`message_fields`' leaves). */
const PLAIN_PAGE_READS = 26;
