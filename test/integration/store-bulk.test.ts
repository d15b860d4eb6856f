import { afterEach, describe, expect, it } from 'vitest';
import { bulkWrite } from '../../bench/store/bulk';
import { consoleState, DATASET_CHANNELS, datasetSlices, rng } from '../../bench/store/common';
import type { Core } from '../../main/core/app';
import { placeholderMasker, type ConversationFilter } from '../../main/core/store';
import { exportGrant, fixedClock, revealOriginal, storeCore } from '../helpers/store';

const cores: Core[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
});

const NOW = 1_750_000_000_000;
const TOTAL = 1_200;

async function fresh(): Promise<Core> {
  const core = await storeCore({ clock: fixedClock(NOW) });
  cores.push(core);
  for (const id of DATASET_CHANNELS) if (id !== 'tg') core.store.channels.create({ id, kind: id, name: id });
  return core;
}

/** Every row the ingest path writes, but the sealed bytes (each seat has its own keys; every seal its own IV). */
const TABLES: Record<string, string> = {
  contacts: 'SELECT id, channel_id, platform_user_id, handle, display_name, name_enc IS NOT NULL, key_version, created_at FROM contacts ORDER BY id',
  conversations: 'SELECT * FROM conversations ORDER BY id',
  messages: 'SELECT id, conversation_id, channel_id, platform_message_id, direction, author_id, masked_text, text_enc IS NOT NULL, key_version, sent_at, stored_at, delivery, delivery_reason, revision, revised_by FROM messages ORDER BY id',
  fields: 'SELECT message_id, n, type, start, end, value_enc IS NOT NULL, key_version FROM message_fields ORDER BY message_id, n',
  search: 'SELECT rowid, body FROM messages_fts ORDER BY rowid',
  checks: 'SELECT id, check_rules, check_flags FROM messages ORDER BY id',
  checkRules: 'SELECT * FROM inbound_rules ORDER BY id',
  tallies: 'SELECT * FROM conversation_tallies ORDER BY status, channel_id, assignee_id',
  cursors: 'SELECT * FROM channel_cursors ORDER BY channel_id',
  sequence: "SELECT seq FROM sqlite_sequence WHERE name = 'messages'",
  labels: 'SELECT * FROM conversation_labels ORDER BY conversation_id, label_id',
  contactWords: 'SELECT * FROM contact_words ORDER BY contact_id, word',
  searchTerms: 'SELECT term FROM search_terms ORDER BY term',
  contactDetails: 'SELECT * FROM contact_details ORDER BY conversation_id, token',
};

function answers(core: Core) {
  const { store } = core;
  const labels = core.db.prepare('SELECT id FROM labels ORDER BY id').pluck().all() as number[];
  const filters: ConversationFilter[] = [{}, { status: 'open' }, { channelId: 'wa' }, { assigneeId: null }, { assigneeId: 'agent-3' }, { labelId: labels[4]! }, { status: 'open', labelId: labels[2]! }, { unreadOnly: true }];
  const pages = filters.map((f) => {
    const first = store.conversations.list(f, { limit: 50 });
    return { first, second: first.next ? store.conversations.list(f, { limit: 50, after: first.next }) : null, count: store.conversations.count(f) };
  });
  const queries = ['refund', 'الفاتورة', 'سفارش', 'payment card', 'ال', 'pa', 'م', 'no such word'];
  const search = queries.map((q) => [store.search.search(q, { limit: 50 }), store.search.search(q, { limit: 50, status: 'open' })]);
  const names = core.db.prepare('SELECT display_name FROM contacts WHERE display_name IS NOT NULL ORDER BY id LIMIT 5').pluck().all() as string[];
  const customers = [...names.map((n) => n.split(' ')[0]!.slice(0, 3)), 'a', 'م', 'no such name'].map((q) => store.search.customers(q, { limit: 50 }));
  const ids = core.db.prepare('SELECT id FROM conversations ORDER BY id').pluck().all() as number[];
  const opened = ids.filter((_, i) => i % 37 === 0).map((id) => [store.conversations.get(id), store.conversations.messages(id, { limit: 200 })]);
  return { pages, search, customers, opened, unread: [...store.conversations.unreadByChannel()] };
}

describe('the bulk generator (bench/store/bulk.ts) against the ingest path, on the same generated messages', () => {
  it('leaves the same rows, search index and scam-check outcomes, gives the same answers, and its originals open', async () => {
    const viaIngest = await fresh();
    for (const { start, perChannel } of datasetSlices(TOTAL, rng(42))) {
      for (const [channel, msgs] of perChannel) viaIngest.store.sink.ingest(channel, msgs, String(start));
    }
    const bulk = await fresh();
    // Small transactions, so the test crosses their boundaries; every inbound message checked, as at ingest.
    const out = bulkWrite(bulk, datasetSlices(TOTAL, rng(42)), { masker: placeholderMasker, now: NOW, screenEvery: 1, tx: 700 });
    expect(out.messages).toBe(TOTAL);

    const flagged = bulk.db.prepare('SELECT count(*) FROM messages WHERE check_flags IS NOT NULL').pluck().get() as number;
    expect(flagged).toBeGreaterThan(0); // the comparison covers flagged outcomes too
    for (const [name, sql] of Object.entries(TABLES)) expect([name, bulk.db.prepare(sql).raw().all()]).toEqual([name, viaIngest.db.prepare(sql).raw().all()]);
    bulk.db.prepare("INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')").run();

    // The same console state on both (statuses, assignees, labels), then the same answers.
    for (const c of [viaIngest, bulk]) consoleState(c, rng(7));
    for (const name of ['conversations', 'tallies', 'labels']) expect([name, bulk.db.prepare(TABLES[name]!).raw().all()]).toEqual([name, viaIngest.db.prepare(TABLES[name]!).raw().all()]);
    expect(answers(bulk)).toEqual(answers(viaIngest));

    // Originals are sealed to the bulk seat's custodian under the identity the reveal path asks for.
    const field = bulk.db.prepare('SELECT message_id, n FROM message_fields ORDER BY message_id LIMIT 1').get() as { message_id: number; n: number };
    expect(revealOriginal(bulk.store, field.message_id, field.n).value).toBe(revealOriginal(viaIngest.store, field.message_id, field.n).value);
    const contact = bulk.db.prepare('SELECT id FROM contacts ORDER BY id LIMIT 1').pluck().get() as number;
    // A customer's export opens their sealed name and every sealed text.
    const exported = (c: Core) => c.store.subjects.export({ contactId: contact }, 'admin', exportGrant(c.store));
    expect(exported(bulk)).toEqual(exported(viaIngest));
  }, 300_000);
});
