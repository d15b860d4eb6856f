import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_SCHEMA_VERSION, HubStore, type PreparedMessage } from '../../main/hub/store';
import { bothAdapters } from './adapters';

/** One suite, both adapters: the embedded SQLite store and the team hub's PostgreSQL store behave the same. */
const adapters = bothAdapters('hub-sqlite-');

const actor = { actor: 'test', device: null };

function prepared(id: string, text: string, over: Partial<PreparedMessage> = {}): PreparedMessage {
  return {
    platformMessageId: id,
    platformConversationId: 'chat-1',
    contact: { platformUserId: 'u-1', displayName: 'Ana' },
    direction: 'in',
    maskedText: text,
    sealedText: null,
    sentAt: 1_000,
    attachments: [],
    fields: [{ type: 'PHONE', shown: '…19' }],
    seal: (messageId) => ({ text: Buffer.from(`sealed-text-${messageId}`), fields: [Buffer.from(`sealed-field-${messageId}`)] }),
    ...over,
  };
}

for (const [name, open] of Object.entries(adapters)) {
  describe(`hub store conformance: ${name}`, () => {
    let store: HubStore;
    let t = 10_000;
    const now = () => t;
    beforeAll(async () => {
      store = await open(now);
      expect(await store.migrate()).toEqual({ from: 0, to: HUB_SCHEMA_VERSION });
      await store.saveChannel({ id: 'tg', kind: 'telegram', name: 'Telegram', config: {}, enabled: true }, actor);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('migrates once, and refuses a schema newer or older than the code with a sentence', async () => {
      expect(await store.migrate()).toEqual({ from: HUB_SCHEMA_VERSION, to: HUB_SCHEMA_VERSION });
      await store.checkSchema();
      await store.q.run("UPDATE hub_meta SET value = ? WHERE key = 'schema.version'", [String(HUB_SCHEMA_VERSION + 1)]);
      await expect(store.checkSchema()).rejects.toMatchObject({ code: 'hub_schema_newer' });
      await expect(store.migrate()).rejects.toMatchObject({ code: 'hub_schema_newer' });
      await store.q.run("UPDATE hub_meta SET value = ? WHERE key = 'schema.version'", ['0']);
      await expect(store.checkSchema()).rejects.toThrow(/diwan hub migrate/);
      await store.q.run("UPDATE hub_meta SET value = ? WHERE key = 'schema.version'", [String(HUB_SCHEMA_VERSION)]);
    });

    it('ingests idempotently, with the cursor and one event per change in the same transaction', async () => {
      const before = await store.latestEventSeq();
      const r = await store.ingest('tg', [prepared('m1', 'call me on ⟦PHONE·…19⟧'), prepared('m2', 'hello')], 'cursor-2');
      expect(r).toMatchObject({ inserted: 2, duplicates: 0 });
      expect(await store.channelCursor('tg')).toBe('cursor-2');
      const again = await store.ingest('tg', [prepared('m1', 'call me on ⟦PHONE·…19⟧')], 'cursor-3');
      expect(again).toMatchObject({ inserted: 0, duplicates: 1 });
      expect(await store.channelCursor('tg')).toBe('cursor-3');
      const events = await store.eventsAfter(before);
      expect(events.map((e) => e.kind)).toEqual(['conversation.updated', 'message.added', 'conversation.updated', 'message.added']);
      expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => a - b));
      const [conv] = await store.conversations();
      const msgs = await store.messages(conv!.id);
      expect(msgs.map((m) => m.maskedText)).toEqual(['call me on ⟦PHONE·…19⟧', 'hello']);
      expect(msgs[0]!.fields).toEqual([{ n: 0, type: 'PHONE', shown: '…19' }]);
      const sealed = await store.sealedField(msgs[0]!.id, 0);
      expect(sealed?.sealed.toString()).toBe(`sealed-field-${msgs[0]!.id}`);
    });

    it('a batch that fails half-way leaves nothing behind: no message, no event, the cursor unchanged', async () => {
      const seq = await store.latestEventSeq();
      const bad = prepared('m4', 'x', {
        seal: () => {
          throw new Error('sealing failed');
        },
      });
      await expect(store.ingest('tg', [prepared('m3', 'fine'), bad], 'cursor-9')).rejects.toThrow('sealing failed');
      expect(await store.latestEventSeq()).toBe(seq);
      expect(await store.channelCursor('tg')).toBe('cursor-3');
      const [conv] = await store.conversations();
      expect((await store.messages(conv!.id)).map((m) => m.maskedText)).not.toContain('fine');
    });

    it('assigns with compare-and-set: a stale version changes nothing and says why', async () => {
      const admin = await store.createUser({ username: 'amal', displayName: 'Amal', role: 'agent', passwordHash: 'h' }, actor);
      const [conv] = await store.conversations();
      const v = conv!.version;
      const done = await store.assign(conv!.id, admin.id, actor, v);
      expect(done.assigneeId).toBe(admin.id);
      await expect(store.assign(conv!.id, null, actor, v)).rejects.toMatchObject({ code: 'conflict' });
      expect((await store.conversation(conv!.id))!.assigneeId).toBe(admin.id);
      expect(await store.conversations({ assigneeId: admin.id })).toHaveLength(1);
      expect(await store.conversations({ assigneeId: null })).toHaveLength(0);
    });

    it('queues a reply once per (device, client id), and the outbox moves through its states', async () => {
      const [conv] = await store.conversations();
      const user = (await store.userByName('amal'))!;
      const reply = {
        conversationId: conv!.id,
        authorId: user.id,
        device: 'dev-a',
        clientId: 'c-1',
        maskedText: 'we will call you',
        fields: [],
        seal: () => ({ text: Buffer.from('sealed'), fields: [] }),
        outboxText: () => Buffer.from('outbox copy'),
        actor,
      };
      const first = await store.enqueueReply(reply);
      const second = await store.enqueueReply(reply);
      expect(second).toEqual({ ...first, duplicate: true });
      const claim = await store.claimOutbox('tg', t);
      expect(claim).toMatchObject({ outboxId: first.outboxId, attempts: 1, platformConversationId: 'chat-1' });
      expect(await store.claimOutbox('tg', t)).toBeNull();
      expect(await store.recoverInterrupted('tg')).toBe(1);
      expect(await store.outboxState('dev-a', 'c-1')).toBe('unknown');
      expect(claim!.sealedText?.toString()).toBe('outbox copy');
      await store.markOutbox(first.outboxId, 'sent', null, { platformMessageId: 'p-77' });
      // The channel's clear copy is erased once the platform has the reply.
      expect((await store.q.get<{ p: Buffer | null }>('SELECT pending_text AS p FROM outbox WHERE id = ?', [first.outboxId]))!.p).toBeNull();
      await store.markDelivery('tg', 'p-77', 'read');
      expect(await store.outboxState('dev-a', 'c-1')).toBe('read');
    });

    it('tells a reply author about newer customer messages and colleagues\' replies', async () => {
      const [conv] = await store.conversations();
      const seen = await store.latestEventSeq();
      const user = (await store.userByName('amal'))!;
      expect(await store.newerActivity(conv!.id, seen, user.id)).toBeNull();
      await store.ingest('tg', [prepared('m5', 'are you there?')]);
      expect(await store.newerActivity(conv!.id, seen, user.id)).toMatchObject({ kind: 'customer' });
    });

    it('keeps accounts: a duplicate name is refused, disabling ends every session', async () => {
      await expect(store.createUser({ username: 'amal', displayName: 'x', role: 'lead', passwordHash: 'h' }, actor)).rejects.toMatchObject({ code: 'user_exists' });
      const u = (await store.userByName('amal'))!;
      await store.createSession({ tokenHash: 'th-1', userId: u.id, device: 'dev-a', stage: 'full', expiresAt: t + 60_000 });
      expect(await store.session('th-1')).toMatchObject({ userId: u.id, stage: 'full' });
      await store.updateUser(u.id, { disabled: true, channels: ['tg'] }, { ...actor, action: 'user.disabled' });
      expect(await store.session('th-1')).toBeNull();
      expect((await store.userById(u.id))!).toMatchObject({ disabled: true, channels: ['tg'] });
      await store.createSession({ tokenHash: 'th-2', userId: u.id, device: 'dev-a', stage: 'full', expiresAt: t + 10 });
      t += 11;
      expect(await store.session('th-2')).toBeNull();
    });

    it('keeps how far each console has read, moving only forward, named by person and device', async () => {
      const u = (await store.userByName('amal'))!;
      await store.enrolDevice({ fingerprint: 'dev-cursor', publicKey: 'pk', label: 'front desk' }, actor);
      await store.ackCursor(u.id, 'dev-cursor', 5);
      await store.ackCursor(u.id, 'dev-cursor', 3);
      await store.ackCursor(u.id, 'dev-unknown', 2);
      const cursors = await store.consoleCursors();
      expect(cursors.map((c) => [c.username, c.device, c.seq]).sort()).toEqual([
        ['amal', 'dev-unknown', 2],
        ['amal', 'front desk', 5],
      ]);
    });

    it('decides a pending reveal exactly once', async () => {
      const [conv] = await store.conversations();
      const [msg] = await store.messages(conv!.id);
      const u = (await store.userByName('amal'))!;
      const lead = await store.createUser({ username: 'layla', displayName: 'Layla', role: 'lead', passwordHash: 'h' }, actor);
      const r = await store.createReveal({ messageId: msg!.id, fieldN: 0, requesterId: u.id, device: 'dev-a', reason: 'verify the caller', state: 'pending', expiresAt: t + 60_000 }, actor);
      expect(await store.pendingReveals()).toHaveLength(1);
      const decided = await store.decideReveal(r.id, lead.id, true, t + 300_000, actor);
      expect(decided).toMatchObject({ state: 'granted', approverId: lead.id });
      await expect(store.decideReveal(r.id, lead.id, false, t, actor)).rejects.toMatchObject({ code: 'reveal_not_pending' });
      const events = await store.eventsAfter(0, 10_000);
      expect(events.filter((e) => e.kind === 'reveal.decided').map((e) => e.audience)).toEqual([`user:${u.id}`, 'leads']);
    });

    it('does not approve a reveal request after its approval window, though nobody decided it', async () => {
      const [conv] = await store.conversations();
      const [msg] = await store.messages(conv!.id);
      const u = (await store.userByName('amal'))!;
      const lead = (await store.userByName('layla'))!;
      const r = await store.createReveal({ messageId: msg!.id, fieldN: 0, requesterId: u.id, device: 'dev-a', reason: 'verify the caller', state: 'pending', expiresAt: t + 60_000 }, actor);
      t += 60_000;
      expect((await store.pendingReveals()).map((p) => p.id)).not.toContain(r.id);
      // A hostile lead console asks anyway, by id: nothing changes and no approval is recorded.
      await expect(store.decideReveal(r.id, lead.id, true, t + 300_000, actor)).rejects.toMatchObject({ code: 'reveal_not_pending' });
      expect(await store.reveal(r.id)).toMatchObject({ state: 'pending', approverId: null, expiresAt: t });
      const trail = await store.q.all<{ action: string }>("SELECT action FROM audit WHERE action = 'reveal.approved' AND details LIKE ?", [`%"revealId":${r.id}%`]);
      expect(trail).toEqual([]);
    });

    it('counts attempts at a name that is no account as at an account, and sweeps such names a day after their last failure', async () => {
      const day = 24 * 60 * 60_000;
      const lockFor = (n: number) => (n > 4 ? 30_000 : 0);
      const u = (await store.userByName('amal'))!;
      const answers = { account: [] as unknown[], unknown: [] as unknown[] };
      for (let i = 0; i < 6; i++) {
        answers.account.push(await store.claimSignInAttempt(u.id, t, lockFor, day));
        answers.unknown.push(await store.claimUnknownNameAttempt('no-such-person', t, lockFor, day));
      }
      // The same answers for both: four free, the fifth locks, the sixth is refused unchecked.
      expect(answers.unknown).toEqual(answers.account);
      expect(answers.unknown.slice(4)).toEqual([{ counted: 5, lockedBefore: 0 }, { refusedUntil: t + 30_000 }]);
      await store.recordSignIn(u.id, { failures: 0, lockedUntil: 0 });
      // A day without a failure: both start again from one, and the made-up names of that day are swept.
      t += day + 60_000;
      expect(await store.claimSignInAttempt(u.id, t, lockFor, day)).toMatchObject({ counted: 1 });
      expect(await store.claimUnknownNameAttempt('another-made-up-name', t, lockFor, day)).toMatchObject({ counted: 1 });
      const names = await store.q.all<{ name: string }>('SELECT name FROM signin_names');
      expect(names.map((n) => n.name)).toEqual(['another-made-up-name']);
      await store.recordSignIn(u.id, { failures: 0, lockedUntil: 0 });
    });

    it('keeps a hash-chained audit trail that notices an edit', async () => {
      const ok = await store.verifyAudit();
      expect(ok.broken).toBeNull();
      expect(ok.entries).toBeGreaterThan(5);
      await store.q.run("UPDATE audit SET details = '{}' WHERE seq = (SELECT MIN(seq) FROM audit WHERE action = 'user.created')");
      const bad = await store.verifyAudit();
      expect(bad.broken?.why).toMatch(/edited/);
    });

    it('hands out event sequence numbers in commit order under concurrent writers', async () => {
      const start = await store.latestEventSeq();
      const batches = Array.from({ length: 8 }, (_, i) => store.ingest('tg', [prepared(`c${i}`, `m${i}`, { platformConversationId: `chat-c${i}` })]));
      await Promise.all(batches);
      const events = await store.eventsAfter(start, 1000);
      expect(events).toHaveLength(16);
      for (let i = 1; i < events.length; i++) expect(events[i]!.seq).toBeGreaterThan(events[i - 1]!.seq);
    });
  });
}
