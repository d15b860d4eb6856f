import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { customerWords } from '../../main/core/store';
import type { InboundMessage } from '../../main/core/shared/messages';
import { rowWritesOf, statementsOf } from '../helpers/statements';
import { exportGrant, inbound, storeCore } from '../helpers/store';

let cores: Core[] = [];
afterEach(() => {
  for (const c of cores) c.close();
  cores = [];
});
const open = async () => {
  const c = await storeCore();
  cores.push(c);
  return c;
};

/** Every contact's row as a reader sees it, and its words, by platform user id (ids compared separately). */
function contactsOf(c: Core) {
  return c.db
    .prepare('SELECT id, platform_user_id AS user, handle, display_name AS name, key_version, name_enc IS NOT NULL AS sealed, created_at FROM contacts ORDER BY id')
    .all() as Array<{ id: number; user: string; handle: string | null; name: string | null; key_version: number | null; sealed: number; created_at: number }>;
}
function wordsOf(c: Core): string[] {
  return (c.db.prepare('SELECT k.platform_user_id, w.word FROM contact_words w JOIN contacts k ON k.id = w.contact_id').raw().all() as Array<[string, string]>).map(([u, w]) => `${u} ${w}`).sort();
}
/** The index holds what `customerWords` gives for every contact's row as it is now. */
function expectWordsCurrent(c: Core): void {
  const want = contactsOf(c).flatMap((k) => customerWords(k.name, k.handle).map((w) => `${k.user} ${w}`)).sort();
  expect(wordsOf(c)).toEqual(want);
}
/** A contact's display name as the export opens it (the custodian, under the row's own id). */
function openedName(c: Core, contactId: number): string | null {
  return c.store.subjects.export({ contactId }, 'admin', exportGrant(c.store)).contact.displayName;
}

describe('ingest: a new contact in one write (issue #26 round 17)', () => {
  it('inserts a new contact with its sealed name in one statement and its words with the batch\'s in one more', async () => {
    const c = await open();
    c.store.sink.ingest('tg', [inbound(1, { contact: { platformUserId: 'known', displayName: 'Known Person' } })]);
    // Three new contacts (two named, one with only a handle) and a known one, two messages each.
    const people: Array<InboundMessage['contact']> = [
      { platformUserId: 'n1', displayName: 'سارا حدادی', handle: 'sara_۴۲' },
      { platformUserId: 'n2', displayName: 'Omar Khalil 0551112222' },
      { platformUserId: 'n3', handle: 'no_name' },
      { platformUserId: 'known', displayName: 'Known Person' },
    ];
    const batch = people.flatMap((contact, k) => [0, 1].map((j) => inbound(10 + 2 * k + j, { platformConversationId: `chat-${contact.platformUserId}`, contact })));
    let writes: ReturnType<typeof rowWritesOf> = {};
    const { run } = statementsOf(c.db, () => (writes = rowWritesOf(c.db, ['contacts', 'contact_words'], () => void c.store.sink.ingest('tg', batch))));
    const about = (re: RegExp) => run.filter((s) => re.test(s));
    // Before: an INSERT, then an UPDATE naming it (sealing needed its id), then its words read back (SELECT), deleted
    // and inserted one statement a word: 3 + 2 + 3 + 3 statements here, and one a word.
    expect(about(/^INSERT INTO contacts\b/)).toHaveLength(3);
    expect(about(/^UPDATE contacts\b/)).toEqual([]);
    expect(about(/FROM contacts WHERE id = \?/)).toEqual([]);
    expect(about(/^DELETE FROM contact_words\b/)).toEqual([]);
    expect(about(/^INSERT INTO contact_words\b/)).toHaveLength(1);
    expect(about(/max\(id\)/)).toHaveLength(1);
    expect(writes.contacts).toEqual({ insert: 3, update: 0, delete: 0 });
    expect(writes.contact_words!.insert).toBe(customerWords('سارا حدادی', 'sara_۴۲').length + customerWords('Omar Khalil ⟦NUMBER·••22⟧', null).length + customerWords(null, 'no_name').length);

    // What a reader sees is what the two writes gave: ids in arrival order, the masked name, the handle, the sealed
    // original opened under the row's own id, and the words.
    const rows = contactsOf(c);
    expect(rows.map((r) => [r.id, r.user, r.handle, r.name, r.key_version, r.sealed])).toEqual([
      [1, 'known', null, 'Known Person', 0, 1],
      [2, 'n1', 'sara_۴۲', 'سارا حدادی', 0, 1],
      [3, 'n2', null, 'Omar Khalil ⟦NUMBER·••22⟧', 0, 1],
      [4, 'n3', 'no_name', null, null, 0],
    ]);
    expect([2, 3, 4].map((id) => openedName(c, id))).toEqual(['سارا حدادی', 'Omar Khalil 0551112222', null]);
    expectWordsCurrent(c);
    expect(c.store.search.customers('sara', { limit: 10 }).hits.map((h) => h.displayName)).toEqual(['سارا حدادی']);
    const inbox = c.db.prepare('SELECT display_name, handle FROM inbox_rows r JOIN conversations v ON v.id = r.conversation_id WHERE v.contact_id = 3').all();
    expect(inbox).toEqual([{ display_name: 'Omar Khalil ⟦NUMBER·••22⟧', handle: null }]);
  });

  it('binds the sealed name to the row it was written with: moved to another contact\'s row, it does not open', async () => {
    const c = await open();
    c.store.sink.ingest('tg', [
      inbound(1, { platformConversationId: 'a', contact: { platformUserId: 'a', displayName: 'Alice Original' } }),
      inbound(2, { platformConversationId: 'b', contact: { platformUserId: 'b', displayName: 'Bob Original' } }),
    ]);
    const [a, b] = contactsOf(c);
    expect([openedName(c, a!.id), openedName(c, b!.id)]).toEqual(['Alice Original', 'Bob Original']);
    c.db.prepare('UPDATE contacts SET name_enc = (SELECT name_enc FROM contacts WHERE id = ?) WHERE id = ?').run(a!.id, b!.id);
    // The custodian refuses it: the associated data names Alice's id, not Bob's.
    expect(() => openedName(c, b!.id)).toThrow(expect.objectContaining({ code: 'sealed_mismatch' }));
  });

  it('takes the id SQLite would give after the newest contact was erased, and keeps going from there', async () => {
    const c = await open();
    c.store.sink.ingest('tg', [1, 2, 3].map((k) => inbound(k, { platformConversationId: `c${k}`, contact: { platformUserId: `u${k}`, displayName: `Person ${k}` } })));
    c.store.subjects.erase({ channelId: 'tg', platformUserId: 'u3' }, 'admin');
    c.store.sink.ingest('tg', [4, 5].map((k) => inbound(k, { platformConversationId: `c${k}`, contact: { platformUserId: `u${k}`, displayName: `Person ${k}` } })));
    expect(contactsOf(c).map((r) => [r.id, r.user])).toEqual([[1, 'u1'], [2, 'u2'], [3, 'u4'], [4, 'u5']]);
    expect([3, 4].map((id) => openedName(c, id))).toEqual(['Person 4', 'Person 5']);
    expectWordsCurrent(c);
  });

  it('writes the words of a contact renamed in the batch that created it as its row holds them at the end', async () => {
    const c = await open();
    // A conversation re-keyed mid-batch (its contact is another user: only the conversation moves) forgets what the
    // batch knew of its contact, so the contact's next message is read afresh and renames the contact just inserted.
    c.store.sink.ingest('tg', [
      inbound(1, { platformConversationId: 'old', contact: { platformUserId: 'u', displayName: 'First Name', handle: 'h_7' }, movesTo: 'new' }),
      inbound(2, { platformConversationId: 'new', contact: { platformUserId: 'u', displayName: 'Second Name' } }),
    ]);
    expect(contactsOf(c).map((r) => [r.user, r.name, r.handle])).toEqual([['u', 'Second Name', 'h_7']]);
    expect(openedName(c, contactsOf(c)[0]!.id)).toBe('Second Name');
    // Without dropping its first words: 'first' would stay in the index, found by a name the customer no longer has.
    expectWordsCurrent(c);
    expect(c.store.search.customers('first', { limit: 10 }).total).toBe(0);
  });

  // Contacts arriving in batches, named or not, renamed in a later batch, their handle given or left out, in Arabic,
  // Persian and Latin, with digits of three scripts, unpaired surrogate halves and masked values: the rows and words
  // equal those of the same messages ingested one a batch, and the words are always the rows' words. (A batch names a
  // contact by its first message: each user speaks once a batch here, so the two ways see the same names.)
  it('stores what one-message batches store, for generated batches of new and renamed contacts', async () => {
    const piece = fc.constantFrom('Sara', 'سارا', 'مریم', 'الكريمي', '۴۲', '٤٢', '42', '0551112222', 'x\ud800y', '\udc00', 'Ömer', '');
    const name = fc.option(fc.array(piece, { minLength: 1, maxLength: 3 }).map((p) => p.join(' ').trim()), { nil: undefined });
    const handle = fc.option(fc.constantFrom('sara_42', 'مریم۴۲', 'h\ud801', 'omer.k'), { nil: undefined });
    const message = fc.record({ user: fc.nat(5), name, handle });
    const batches = fc.array(fc.uniqueArray(message, { minLength: 1, maxLength: 6, selector: (m) => m.user }), { minLength: 1, maxLength: 4 });
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(batches, async (bs) => {
        runs++;
        const [batched, single] = [await open(), await open()];
        let n = 0;
        for (const b of bs) {
          const msgs = b.map((m) => {
            n++;
            const contact = { platformUserId: `p${m.user}`, ...(m.name !== undefined ? { displayName: m.name } : {}), ...(m.handle !== undefined ? { handle: m.handle } : {}) };
            return inbound(n, { platformConversationId: `c${m.user}`, contact });
          });
          batched.store.sink.ingest('tg', msgs);
          for (const m of msgs) single.store.sink.ingest('tg', [m]);
          expectWordsCurrent(batched);
        }
        const strip = (rows: ReturnType<typeof contactsOf>) => rows.map(({ created_at: _, ...r }) => r);
        expect(strip(contactsOf(batched))).toEqual(strip(contactsOf(single)));
        expect(wordsOf(batched)).toEqual(wordsOf(single));
        for (const r of contactsOf(batched)) expect(openedName(batched, r.id)).toBe(openedName(single, r.id));
        for (const core of [batched, single]) core.close();
        cores = cores.filter((x) => x !== batched && x !== single);
      }),
      { numRuns: 25 },
    );
    expect(runs).toBe(25);
  });
});
