import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubLabels } from '../../main/hub/store/labels';
import { HubStore, type HubEvent, type PreparedMessage } from '../../main/hub/store';
import { bothAdapters, recording } from './adapters';

/**
 * Set-based ingest on both adapters: a batch stores what the same messages stored one at a time would store
 * (duplicates inside the batch, new contacts and conversations part-way through, resolved conversations reopened by
 * a customer), with ids taken before sealing.
 */
const adapters = bothAdapters('hub-ingest-');

const actor = { actor: 'test', device: null };

interface Spec {
  id: string;
  conv: string;
  user: string;
  direction: 'in' | 'out';
  sentAt: number;
  fields: number;
}

function prepared(s: Spec): PreparedMessage {
  const fields = Array.from({ length: s.fields }, (_, n) => ({ type: n % 2 ? 'CARD' : 'PHONE', shown: `…${n}${s.id.length}` }));
  return {
    platformMessageId: s.id,
    platformConversationId: s.conv,
    contact: { platformUserId: s.user, displayName: `name of ${s.user}`, ...(s.user.endsWith('1') ? { handle: `@${s.user}` } : {}) },
    direction: s.direction,
    maskedText: `text of ${s.id} ٣٤ ۵۶`,
    sealedText: null,
    sentAt: s.sentAt,
    attachments: s.fields > 1 ? [{ kind: 'photo', n: s.fields }] : [],
    fields,
    seal: (messageId) => ({ text: Buffer.from(`text-${messageId}`), fields: fields.map((_, n) => Buffer.from(`field-${messageId}-${n}`)) }),
  };
}

/** What consoles can see of a channel, with the store's own ids replaced by the platform's (they differ by design). */
async function picture(store: HubStore, channelId: string, sinceSeq: number) {
  const convs = (await store.conversations({ channels: [channelId], limit: 500 })).sort((a, b) => a.id - b.id);
  const platformOf = new Map<number, string>();
  for (const c of convs) {
    const row = await store.q.get<{ p: string }>('SELECT platform_conversation_id AS p FROM conversations WHERE id = ?', [c.id]);
    platformOf.set(c.id, row!.p);
  }
  const conversations = [];
  for (const c of convs) {
    const messages = await store.messages(c.id, 1000);
    const sealed = [];
    for (const m of messages) for (const f of m.fields) sealed.push((await store.sealedField(m.id, f.n))!.sealed.toString() === `field-${m.id}-${f.n}`);
    conversations.push({
      platform: platformOf.get(c.id),
      status: c.status,
      version: c.version,
      lastMessageAt: c.lastMessageAt,
      contact: { displayName: c.contact.displayName, handle: c.contact.handle },
      messages: messages.map((m) => ({ text: m.maskedText, direction: m.direction, sentAt: m.sentAt, fields: m.fields, attachments: m.attachments })),
      sealedMatchesId: sealed.every(Boolean),
    });
  }
  const events = (await store.eventsAfter(sinceSeq, 100_000)).filter((e) => e.channelId === channelId).map((e) => withoutIds(e, platformOf));
  return { conversations, events };
}

function withoutIds(e: HubEvent, platformOf: Map<number, string>) {
  const p = e.payload as Record<string, unknown>;
  const { id: _id, conversationId: _c, contact, ...rest } = p as { id: number; conversationId?: number; contact?: { id: number } };
  const { id: _contactId, ...contactRest } = contact ?? { id: 0 };
  return { kind: e.kind, conversation: platformOf.get(e.conversationId!), payload: { ...rest, ...(contact ? { contact: contactRest } : {}) } };
}

for (const [name, open] of Object.entries(adapters)) {
  describe(`set-based ingest: ${name}`, () => {
    let batched: HubStore;
    let single: HubStore;
    const now = () => 50_000;
    let channels = 0;
    const newChannel = async () => {
      const id = `ch-${++channels}`;
      for (const s of [batched, single]) await s.saveChannel({ id, kind: 'telegram', name: id, config: {}, enabled: true }, actor);
      return id;
    };
    beforeAll(async () => {
      batched = await open(now);
      single = await open(now);
      await batched.migrate();
      await single.migrate();
    });
    afterAll(async () => {
      await batched?.close();
      await single?.close();
    });

    it('counts duplicates inside the batch and against stored messages; the first copy wins', async () => {
      const ch = await newChannel();
      const a = prepared({ id: 'a', conv: 'c1', user: 'u1', direction: 'in', sentAt: 10, fields: 1 });
      const again = { ...prepared({ id: 'a', conv: 'c1', user: 'u1', direction: 'in', sentAt: 11, fields: 0 }), maskedText: 'second copy' };
      const b = prepared({ id: 'b', conv: 'c1', user: 'u1', direction: 'in', sentAt: 12, fields: 0 });
      const seq = await batched.latestEventSeq();
      expect(await batched.ingest(ch, [a, again, b, b], 'k1')).toMatchObject({ inserted: 2, duplicates: 2 });
      expect(await batched.ingest(ch, [b, prepared({ id: 'c', conv: 'c1', user: 'u1', direction: 'in', sentAt: 13, fields: 0 })], 'k2')).toMatchObject({ inserted: 1, duplicates: 1 });
      expect(await batched.channelCursor(ch)).toBe('k2');
      const [conv] = await batched.conversations({ channels: [ch] });
      expect((await batched.messages(conv!.id)).map((m) => m.maskedText)).toEqual(['text of a ٣٤ ۵۶', 'text of b ٣٤ ۵۶', 'text of c ٣٤ ۵۶']);
      expect((await batched.eventsAfter(seq)).filter((e) => e.channelId === ch).map((e) => e.kind)).toEqual([
        'conversation.updated',
        'message.added',
        'conversation.updated',
        'message.added',
        'conversation.updated',
        'message.added',
      ]);
      // A batch of nothing but duplicates still moves the cursor and writes no event.
      const before = await batched.latestEventSeq();
      expect(await batched.ingest(ch, [a, b], 'k3')).toMatchObject({ inserted: 0, duplicates: 2, conversationIds: [] });
      expect(await batched.latestEventSeq()).toBe(before);
      expect(await batched.channelCursor(ch)).toBe('k3');
    });

    it('opens a new contact and conversation in the middle of a batch, with per-message conversation views', async () => {
      const ch = await newChannel();
      await batched.ingest(ch, [prepared({ id: 'x1', conv: 'old', user: 'u1', direction: 'in', sentAt: 100, fields: 0 })]);
      const [old] = await batched.conversations({ channels: [ch] });
      await batched.setStatus(old!.id, 'resolved', actor);
      const seq = await batched.latestEventSeq();
      const r = await batched.ingest(ch, [
        prepared({ id: 'x2', conv: 'old', user: 'u1', direction: 'out', sentAt: 90, fields: 0 }),
        prepared({ id: 'y1', conv: 'new', user: 'u2', direction: 'in', sentAt: 200, fields: 2 }),
        prepared({ id: 'x3', conv: 'old', user: 'u1', direction: 'in', sentAt: 150, fields: 1 }),
        prepared({ id: 'y2', conv: 'new', user: 'u2', direction: 'in', sentAt: 190, fields: 0 }),
      ]);
      expect(r.inserted).toBe(4);
      const fresh = (await batched.conversations({ channels: [ch] })).find((c) => c.id !== old!.id)!;
      expect(r.conversationIds).toEqual([old!.id, fresh.id]);
      const views = (await batched.eventsAfter(seq))
        .filter((e) => e.kind === 'conversation.updated')
        .map((e) => e.payload as { id: number; status: string; version: number; lastMessageAt: number; contact: { displayName: string } });
      // An agent's message leaves a resolved conversation resolved; the customer's reopens it.
      expect(views.map((v) => [v.id, v.status, v.version, v.lastMessageAt])).toEqual([
        [old!.id, 'resolved', old!.version + 2, 100],
        [fresh.id, 'open', 2, 200],
        [old!.id, 'open', old!.version + 3, 150],
        [fresh.id, 'open', 3, 200],
      ]);
      expect(views[1]!.contact.displayName).toBe('name of u2');
      expect(await batched.conversation(fresh.id)).toMatchObject({ status: 'open', version: 3, lastMessageAt: 200 });
      const msgs = await batched.messages(fresh.id);
      expect(msgs.map((m) => m.maskedText)).toEqual(['text of y1 ٣٤ ۵۶', 'text of y2 ٣٤ ۵۶']);
      expect((await batched.sealedField(msgs[0]!.id, 1))!.sealed.toString()).toBe(`field-${msgs[0]!.id}-1`);
    });

    it('a batch stores exactly what its messages stored one at a time would (generated batches)', async () => {
      const spec = fc.record({
        id: fc.integer({ min: 1, max: 40 }).map((n) => `m${n}`),
        conv: fc.constantFrom('c1', 'c2', 'c3', 'c4'),
        user: fc.constantFrom('u1', 'u2', 'u3'),
        direction: fc.constantFrom('in' as const, 'out' as const),
        sentAt: fc.integer({ min: 1, max: 1_000 }),
        fields: fc.integer({ min: 0, max: 3 }),
      });
      const batches = fc.array(fc.record({ resolveFirst: fc.boolean(), cursor: fc.option(fc.string({ maxLength: 6 }), { nil: undefined }), messages: fc.array(spec, { maxLength: 12 }) }), {
        minLength: 1,
        maxLength: 4,
      });
      await fc.assert(
        fc.asyncProperty(batches, async (plan) => {
          const ch = await newChannel();
          const seqA = await batched.latestEventSeq();
          const seqB = await single.latestEventSeq();
          for (const b of plan) {
            if (b.resolveFirst) {
              for (const s of [batched, single]) for (const c of await s.conversations({ channels: [ch] })) await s.setStatus(c.id, 'resolved', actor);
            }
            const ra = await batched.ingest(ch, b.messages.map(prepared), b.cursor);
            let inserted = 0;
            for (const m of b.messages) inserted += (await single.ingest(ch, [prepared(m)], b.cursor)).inserted;
            if (!b.messages.length && b.cursor !== undefined) await single.ingest(ch, [], b.cursor);
            expect(ra.inserted).toBe(inserted);
            expect(ra.inserted + ra.duplicates).toBe(b.messages.length);
            expect(await batched.channelCursor(ch)).toBe(await single.channelCursor(ch));
          }
          const a = await picture(batched, ch, seqA);
          expect(a.conversations.every((c) => c.sealedMatchesId)).toBe(true);
          expect(a).toEqual(await picture(single, ch, seqB));
        }),
        { numRuns: 25 },
      );
    }, 120_000);

    it('stores a batch larger than one statement takes (chunks of 250 rows), ids and seals matching', async () => {
      const ch = await newChannel();
      const seq = await batched.latestEventSeq();
      const specs = Array.from({ length: 600 }, (_, i) => ({ id: `big${i}`, conv: `c${i % 300}`, user: `u${i % 280}`, direction: 'in' as const, sentAt: i, fields: i % 3 }));
      const r = await batched.ingest(ch, [...specs, specs[5]!].map(prepared), 'big');
      expect(r).toMatchObject({ inserted: 600, duplicates: 1 });
      expect(r.conversationIds).toHaveLength(300);
      const events = (await batched.eventsAfter(seq, 5_000)).filter((e) => e.channelId === ch);
      expect(events).toHaveLength(1200);
      const added = events.filter((e) => e.kind === 'message.added').map((e) => e.payload as { id: number; maskedText: string; fields: unknown[] });
      expect(added.map((m) => m.maskedText)).toEqual(specs.map((x) => `text of ${x.id} ٣٤ ۵۶`));
      expect(new Set(added.map((m) => m.id)).size).toBe(600);
      for (const m of added.filter((x, i) => x.fields.length === 2 && i % 7 === 2)) expect((await batched.sealedField(m.id, 1))!.sealed.toString()).toBe(`field-${m.id}-1`);
    });

    it.runIf(name === 'postgres')('PostgreSQL: a batch larger than 250 rows still costs four statements (columns as array parameters)', async () => {
      const ch = await newChannel();
      const seen: string[] = [];
      const counted = new HubStore(recording(batched.q, seen), now);
      const specs = Array.from({ length: 700 }, (_, i) => ({ id: `wide${i}`, conv: `c${i % 400}`, user: `u${i % 380}`, direction: 'in' as const, sentAt: i, fields: i % 3 }));
      expect(await counted.ingest(ch, specs.map(prepared))).toMatchObject({ inserted: 700, duplicates: 0 });
      expect(seen).toHaveLength(4);
    });

    it('a batch costs a fixed number of statements whatever its size, counted (PostgreSQL: four round trips)', async () => {
      const ch = await newChannel();
      const seen: string[] = [];
      const counted = new HubStore(recording(batched.q, seen), now);
      const batch = (from: number, n: number) =>
        Array.from({ length: n }, (_, i) => prepared({ id: `k${from + i}`, conv: `c${(from + i) % 10}`, user: `u${(from + i) % 10}`, direction: 'in', sentAt: from + i, fields: (from + i) % 3 }));
      const labels = new HubLabels(batched);
      const label = await labels.create('vip', actor);
      // New contacts and conversations; then the same conversations again (one carries a label, whose activity moves
      // with the batch); then a batch of duplicates only.
      const costs: number[] = [];
      for (const b of [batch(0, 50), batch(50, 120)]) {
        seen.length = 0;
        expect((await counted.ingest(ch, b)).inserted).toBe(b.length);
        costs.push(seen.length);
        if (costs.length === 1) await labels.setOnConversation((await batched.conversations({ channels: [ch] }))[0]!.id, [label.id], actor);
      }
      seen.length = 0;
      expect((await counted.ingest(ch, batch(0, 5))).duplicates).toBe(5);
      costs.push(seen.length);
      // SQLite runs in-process (no round trips to save): the statements of the two-statement path, one per table —
      // new conversations read and created (no UPDATE), existing ones read and updated.
      expect(costs).toEqual(name === 'postgres' ? [4, 4, 1] : [8, 9, 1]);
      const moved = await batched.q.get<{ at: number }>('SELECT last_message_at AS at FROM conversation_labels WHERE label_id = ?', [label.id]);
      const conversation = await batched.q.get<{ at: number }>('SELECT c.last_message_at AS at FROM conversations c JOIN conversation_labels l ON l.conversation_id = c.id WHERE l.label_id = ?', [label.id]);
      expect(Number(moved!.at)).toBe(Number(conversation!.at));
      expect(Number(moved!.at)).toBeGreaterThanOrEqual(50);
    });

    it('a failing seal leaves nothing of the batch behind', async () => {
      const ch = await newChannel();
      const seq = await batched.latestEventSeq();
      const bad = { ...prepared({ id: 'z2', conv: 'c9', user: 'u9', direction: 'in', sentAt: 1, fields: 1 }), seal: () => { throw new Error('sealing failed'); } };
      await expect(batched.ingest(ch, [prepared({ id: 'z1', conv: 'c8', user: 'u8', direction: 'in', sentAt: 1, fields: 1 }), bad], 'kz')).rejects.toThrow('sealing failed');
      expect(await batched.latestEventSeq()).toBe(seq);
      expect(await batched.conversations({ channels: [ch] })).toEqual([]);
      expect(await batched.channelCursor(ch)).toBeNull();
      // The ids it took are not reused in a way that breaks the next batch.
      expect(await batched.ingest(ch, [prepared({ id: 'z1', conv: 'c8', user: 'u8', direction: 'in', sentAt: 1, fields: 1 })])).toMatchObject({ inserted: 1 });
    });

    it('masking that fails while the first statement is in flight leaves nothing of the batch behind', async () => {
      const ch = await newChannel();
      const seq = await batched.latestEventSeq();
      const bad = { ...prepared({ id: 'y2', conv: 'c9', user: 'u9', direction: 'in', sentAt: 1, fields: 1 }), ready: () => { throw new Error('masking failed'); } };
      await expect(batched.ingest(ch, [prepared({ id: 'y1', conv: 'c8', user: 'u8', direction: 'in', sentAt: 1, fields: 1 }), bad], 'ky')).rejects.toThrow('masking failed');
      expect(await batched.latestEventSeq()).toBe(seq);
      expect(await batched.conversations({ channels: [ch] })).toEqual([]);
      expect(await batched.channelCursor(ch)).toBeNull();
    });

    it.runIf(name === 'postgres')('PostgreSQL: a messages statement the database refuses, after contacts and conversations were written, leaves nothing behind', async () => {
      const ch = await newChannel();
      const seq = await batched.latestEventSeq();
      // PostgreSQL refuses a NUL character in text: the batch's third statement fails.
      const bad = { ...prepared({ id: 'x2', conv: 'c9', user: 'u9', direction: 'in', sentAt: 1, fields: 1 }), maskedText: 'nul \u0000 here' };
      await expect(batched.ingest(ch, [prepared({ id: 'x1', conv: 'c8', user: 'u8', direction: 'in', sentAt: 1, fields: 1 }), bad], 'kx')).rejects.toThrow();
      expect(await batched.latestEventSeq()).toBe(seq);
      expect(await batched.conversations({ channels: [ch] })).toEqual([]);
      expect(await batched.q.get<{ n: number }>('SELECT COUNT(*)::int AS n FROM contacts WHERE channel_id = ?', [ch])).toEqual({ n: 0 });
      expect(await batched.q.get<{ n: number }>('SELECT COUNT(*)::int AS n FROM messages WHERE channel_id = ?', [ch])).toEqual({ n: 0 });
      expect(await batched.channelCursor(ch)).toBeNull();
    });
  });
}
