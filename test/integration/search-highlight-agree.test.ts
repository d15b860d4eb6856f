import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrations, openDatabase } from '../../main/core/store';
import { ftsExpression, indexBody, queryTerms } from '../../main/core/store/search-text';
import { highlight, toSegments } from '../../main/ipc/handlers/segments';
import { matchesCanned } from '../../renderer/src/text';
import { tmpDir } from '../helpers/tmp';

/** Base letters and the variants people type for them (the forms search and highlighting must treat as one). */
const VARIANTS: Record<string, string[]> = {
  ا: ['ا', 'أ', 'إ', 'آ', 'ٱ', 'ٲ'],
  ي: ['ي', 'ی', 'ى', 'ئ', 'ې'],
  ك: ['ك', 'ک', 'ڪ'],
  ه: ['ه', 'ة', 'ۀ', 'ە'],
  و: ['و', 'ؤ'],
  e: ['e', 'E', 'é', 'É', 'è'],
  a: ['a', 'A', 'à', 'Á'],
};
const PLAIN = [...'بتسمنلرد', ...'xyzk', '1', '٤', '۴'];
const letter = fc.oneof(fc.constantFrom(...Object.keys(VARIANTS)), fc.constantFrom(...PLAIN));
/** A word as someone might write it: letters in any variant, with harakat, tatweel or a ZWNJ between some. */
const written = (base: string[]) =>
  fc.tuple(...base.map((b) => fc.tuple(fc.constantFrom(...(VARIANTS[b] ?? [b])), fc.constantFrom('', '', '', 'َ', 'ّ', 'ـ', '\u200c')))).map((parts) =>
    parts.map(([ch, mark]) => ch + mark).join(''),
  );
const baseWord = fc.array(letter, { minLength: 2, maxLength: 7 });

describe('search, the highlighter and the console filters fold the same way', () => {
  it('whatever the search index finds for a query, the highlighter marks in that message', () => {
    const db = openDatabase(path.join(tmpDir(), 'diwan.sqlite'));
    const insert = db.prepare('INSERT INTO messages_fts (rowid, body) VALUES (?, ?)');
    const find = db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid').pluck();
    const scenario = fc
      .array(fc.array(baseWord, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 })
      .chain((messages) =>
        fc.record({
          texts: fc.tuple(...messages.map((words) => fc.tuple(...words.map(written)).map((ws) => ws.join(' ')))),
          // the query: a word of some message, written another way, or the start of one (typed so far)
          query: fc
            .tuple(fc.nat(), fc.nat(), fc.boolean())
            .chain(([m, w, prefix]) => {
              const word = messages[m % messages.length]![w % messages[m % messages.length]!.length]!;
              return written(prefix ? word.slice(0, Math.max(2, word.length - 2)) : word);
            }),
        }),
      );
    fc.assert(
      fc.property(scenario, ({ texts, query }) => {
        db.exec("INSERT INTO messages_fts (messages_fts) VALUES ('delete-all')");
        texts.forEach((t, i) => insert.run(i + 1, indexBody(t)));
        const terms = queryTerms(query);
        const found = terms.length ? (find.all(ftsExpression(terms)) as number[]) : [];
        for (const id of found) {
          const marked = highlight(toSegments(texts[id - 1]!), query).filter((s) => s.kind === 'text' && s.match);
          expect(marked.length, `${query} in ${texts[id - 1]}`).toBeGreaterThan(0);
          // the console's own filters (canned replies, labels, audit) fold by the same rule, so they find it too
          expect(matchesCanned({ shortcut: '', title: '', body: texts[id - 1]! }, query), `${query} in ${texts[id - 1]}`).toBe(true);
        }
        return true;
      }),
      { numRuns: 300 },
    );
    db.close();
  });

  it('marks the variants the old highlighter missed (ڪ, ٲ, accents)', () => {
    const marks = (text: string, q: string) =>
      highlight(toSegments(text), q)
        .filter((s) => s.kind === 'text' && s.match)
        .map((s) => (s.kind === 'text' ? s.text : ''));
    expect(marks('ڪتاب جديد', 'كتاب')).toEqual(['ڪتاب']);
    expect(marks('ٲحمد هنا', 'احمد')).toEqual(['ٲحمد']);
    expect(marks('Le Café ouvre', 'cafe')).toEqual(['Café']);
    // and the console's filters, which once folded by a copy of their own that missed them too
    const filter = (body: string, q: string) => matchesCanned({ shortcut: '', title: '', body }, q);
    expect([filter('ڪتاب جديد', 'كتاب'), filter('ٲحمد هنا', 'احمد'), filter('Le Café ouvre', 'cafe'), filter('رقم ۴۴۷۱', '٤٤٧١')]).toEqual([true, true, true, true]);
  });
});

describe('migration 012 (search refolded)', () => {
  it('reindexes old rows so queries folded by the one rule find them', () => {
    const file = path.join(tmpDir(), 'diwan.sqlite');
    const old = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 11) });
    old.exec(`INSERT INTO channels (id, kind, name, created_at) VALUES ('tg', 'telegram', 'tg', 1);
      INSERT INTO contacts (id, channel_id, platform_user_id, created_at) VALUES (1, 'tg', 'u', 1);
      INSERT INTO conversations (id, channel_id, platform_conversation_id, contact_id, last_activity_at, created_at) VALUES (1, 'tg', 'c', 1, 1, 1);`);
    const add = old.prepare("INSERT INTO messages (conversation_id, channel_id, direction, masked_text, sent_at, stored_at) VALUES (1, 'tg', 'in', ?, 1, 1)");
    add.run('ہے سوال'); // Urdu yeh barree, which the index did not fold before
    add.run('محمدؐ سلام'); // a Quranic honorific mark
    // the old index, as migration 009 left it: these rows as the old folding indexed them
    old.exec("INSERT INTO messages_fts (messages_fts) VALUES ('delete-all')");
    old.prepare('INSERT INTO messages_fts (rowid, body) VALUES (?, ?)').run(1, 'ہے سوال');
    old.prepare('INSERT INTO messages_fts (rowid, body) VALUES (?, ?)').run(2, 'محمدؐ سلام');
    old.close();

    const db = openDatabase(file);
    const ids = (q: string) => db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid').pluck().all(ftsExpression(queryTerms(q)));
    expect(ids('ہی')).toEqual([1]);
    expect(ids('محمد')).toEqual([2]);
    expect(ids('سلام')).toEqual([2]);
    db.close();
  });
});

describe('migration 028 (digits of every script refolded)', () => {
  it('indexes again the messages and contacts written in digits the old rule kept as written, and only those', () => {
    const file = path.join(tmpDir(), 'diwan.sqlite');
    const old = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 27) });
    old.exec(`INSERT INTO channels (id, kind, name, created_at) VALUES ('tg', 'telegram', 'tg', 1);
      INSERT INTO contacts (id, channel_id, platform_user_id, display_name, created_at) VALUES (1, 'tg', 'u', 'दुकान ४७१२', 1);
      INSERT INTO contacts (id, channel_id, platform_user_id, display_name, created_at) VALUES (2, 'tg', 'v', 'Sara 4712', 1);
      INSERT INTO conversations (id, channel_id, platform_conversation_id, contact_id, last_activity_at, created_at) VALUES (1, 'tg', 'c', 1, 1, 1);`);
    const add = old.prepare("INSERT INTO messages (conversation_id, channel_id, direction, masked_text, sent_at, stored_at) VALUES (1, 'tg', 'in', ?, 1, 1)");
    const bodies = ['order २८५५१४ late', 'রসিদ ৭০৪২৮৮ ok', 'طلب ٤٤٧١٩ متأخر', 'plain 55120 text'];
    for (const b of bodies) add.run(b);
    // the index and the words as the four-script rule left them: other scripts' digits as written
    old.exec("INSERT INTO messages_fts (messages_fts) VALUES ('delete-all'); DELETE FROM search_terms; DELETE FROM contact_words;");
    const asBefore = (s: string) => s.toLowerCase().replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));
    bodies.forEach((b, i) => old.prepare('INSERT INTO messages_fts (rowid, body) VALUES (?, ?)').run(i + 1, asBefore(b)));
    old.prepare("INSERT INTO contact_words (word, contact_id) VALUES ('दुकान', 1), ('४७१२', 1), ('sara', 2), ('4712', 2)").run();
    old.close();

    const db = openDatabase(file);
    const ids = (q: string) => db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid').pluck().all(ftsExpression(queryTerms(q)));
    expect(ids('285514')).toEqual([1]);
    expect(ids('२८५५१४')).toEqual([1]);
    expect(ids('704288')).toEqual([2]);
    expect(ids('44719')).toEqual([3]);
    expect(ids('late')).toEqual([1]);
    expect(db.prepare("SELECT count(*) FROM search_terms WHERE term IN ('285514', '704288')").pluck().get()).toBe(2);
    expect(db.prepare("SELECT contact_id FROM contact_words WHERE word = '4712' ORDER BY contact_id").pluck().all()).toEqual([1, 2]);
    // a message with no other script's digit is not written again: one entry each, the FTS index's row count unchanged
    expect(db.prepare('SELECT count(*) FROM messages_fts').pluck().get()).toBe(4);
    db.close();
  });
});
