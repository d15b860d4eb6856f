import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { openCore } from '../../main/core/app';
import { newSessionSlot, verifyPassword } from '../../main/core/auth';
import type { RunningCustodian } from '../../main/custodian';
import { HubStore, sqliteExecutor, type PreparedMessage } from '../../main/hub/store';
import { HubMoveIn } from '../../main/hub/store/move-in';
import { testKeychain } from '../helpers/keychain';
import { inbound } from '../helpers/store';
import { tmpDir } from '../helpers/tmp';
import { bothAdapters } from './adapters';
import { startTestCustodian } from './custody-fixture';
import { embeddedHubConfigFile, hubFiles, PASSWORD, type HubFiles } from './harness';

const it_ = { actor: 'it:test', device: null };

function prepared(id: string, over: Partial<PreparedMessage> = {}): PreparedMessage {
  return {
    platformMessageId: id,
    platformConversationId: 'chat-1',
    contact: { platformUserId: 'u-1' },
    direction: 'in',
    maskedText: `masked ${id}`,
    sealedText: null,
    sentAt: 1_000,
    attachments: [],
    fields: [],
    seal: () => ({ text: Buffer.from('sealed'), fields: [] }),
    ...over,
  };
}

const adapters = bothAdapters('hub-move-');

for (const [name, open] of Object.entries(adapters)) {
  describe(`moving a conversation in: ${name}`, () => {
    let store: HubStore;
    beforeAll(async () => {
      store = await open(() => 5_000);
      await store.migrate();
      await store.saveChannel({ id: 'tg', kind: 'telegram', name: 'bot', enabled: true, config: {} }, it_);
    });
    afterAll(async () => store?.close());

    it('brings a conversation in once, in one transaction, and never twice', async () => {
      const lead = await store.createUser({ username: 'lina', displayName: 'Lina', role: 'lead', passwordHash: 'x' }, it_);
      const moveIn = new HubMoveIn(store);
      const conversation = {
        source: { database: 'db-1', conversationId: 7 },
        channelId: 'tg',
        messages: [prepared('m1'), prepared('m2', { direction: 'out' })],
        status: 'resolved' as const,
        snoozedUntil: null,
        assigneeId: lead.id,
        labelIds: [],
        notes: [{ authorId: lead.id, maskedText: 'called back', createdAt: 2_000 }],
      };

      // A failure half-way (here: sealing the second message) leaves nothing behind, and the move can run again.
      const failing = { ...conversation, messages: [prepared('m1'), prepared('m2', { seal: () => { throw new Error('custodian gone'); } })] };
      await expect(moveIn.moveConversation(failing, it_)).rejects.toThrow(/custodian gone/);
      expect(await moveIn.alreadyMoved('db-1', 7)).toBe(false);
      expect(await store.conversations()).toHaveLength(0);

      const moved = await moveIn.moveConversation(conversation, it_);
      expect(moved).toMatchObject({ messages: 2 });
      const [c] = await store.conversations();
      expect(c).toMatchObject({ id: moved!.conversationId, status: 'resolved', assigneeId: lead.id });
      expect((await store.messages(c!.id)).map((m) => m.direction)).toEqual(['in', 'out']);
      expect(await store.q.all('SELECT masked_text FROM notes WHERE conversation_id = ?', [c!.id])).toEqual([{ masked_text: 'called back' }]);

      expect(await moveIn.moveConversation(conversation, it_)).toBeNull();
      expect(await moveIn.alreadyMoved('db-1', 7)).toBe(true);
      expect(await store.q.get<{ n: number }>('SELECT count(*) AS n FROM notes')).toMatchObject({ n: 1 });
      const audit = await store.q.all<{ action: string }>("SELECT action FROM audit WHERE action = 'conversation.moved_in'");
      expect(audit).toHaveLength(1);
    });
  });
}

/** What IT runs: `diwan hub import` from a single-seat data directory into a hub, with a custodian to seal to. */
describe('diwan hub import', () => {
  let files: HubFiles;
  let custodian: RunningCustodian;
  let configFile: string;
  let source = { dataDir: '', service: '' };
  const ID = '1234567897'; // a Saudi national ID (valid check digit)
  const ID_ARABIC = '١٢٣٤٥٦٧٨٩٧';
  const PHONE = '+966 55 123 4567';

  const cli = async (args: string[], stdin = '') => {
    const out: string[] = [];
    const sink = new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) });
    const code = await runCli(args, { stdin: Readable.from(stdin ? [stdin] : []), stdout: sink, stderr: sink, env: { DIWAN_KEYCHAIN_SERVICE: source.service, CREDENTIALS_DIRECTORY: files.credentials } });
    return { code, out: out.join('') };
  };

  beforeAll(async () => {
    files = await hubFiles();
    custodian = await startTestCustodian(files.custody);
    configFile = embeddedHubConfigFile(files, 'hub.json');

    expect((await cli(['hub', 'migrate', '--config', configFile])).code).toBe(0);
  }, 60_000);

  afterAll(async () => {
    await custodian?.close();
  });

  /** A single-seat install with people, two channels, labels, a canned reply and conversations (removed after the test). */
  async function singleSeat() {
    const { keychain, service } = testKeychain();
    const dataDir = tmpDir();
    source = { dataDir, service };
    const core = await openCore({ embedded: 'store', dataDir, keychain, keychainService: service });
    await core.ready();
    const slot = newSessionSlot();
    await core.identity.createAdmin(slot, { username: 'it-admin', displayName: 'IT', password: PASSWORD });
    const admin = core.identity.requireSession(slot);
    const amal = await core.identity.createUser(admin, { username: 'amal', displayName: 'Amal', role: 'agent', password: PASSWORD });
    core.store.channels.create({ id: 'tg', kind: 'telegram', name: 'Support bot', config: { settings: { longPollSeconds: 1 } } });
    core.store.channels.create({ id: 'mail', kind: 'email', name: 'Mailbox' });
    core.store.channels.create({ id: 'demo', kind: 'demo', name: 'Demo' });
    core.store.sink.ingest('tg', [
      inbound(1, { text: `my id is ${ID}, phone ${PHONE}` }),
      inbound(2, { text: `again: ${ID_ARABIC}` }),
      inbound(3, { text: 'thanks, bye', direction: 'out' }),
      inbound(4, { platformConversationId: 'chat2', contact: { platformUserId: 'u2', displayName: 'Second' }, text: 'where is my order 5521?', html: '<p>where is my order <b>5521</b>?</p>' }),
    ]);
    const first = core.store.conversations.byPlatform('tg', 'chat1')!;
    const second = core.store.conversations.byPlatform('tg', 'chat2')!;
    core.store.conversations.assign(first, amal.id);
    core.store.conversations.setStatus(first, 'resolved');
    core.store.conversations.setStatus(second, 'snoozed', { until: Date.now() + 3_600_000 });
    core.store.labels.attach(first, core.store.labels.create('VIP').id);
    core.store.notes.add(first, amal.id, `customer confirmed ${ID}`);
    core.store.canned.save({ shortcut: 'hi', title: 'Greeting', body: 'Hello, how can we help?' });
    await core.auditTrail.flush();
    core.close();
  }

  it('moves people, channels, labels, canned replies and conversations, sealed, for an administrator only; a second run adds nothing', async () => {
    await singleSeat();
    const missing = await cli(['hub', 'import', '--from', path.join(files.dir, 'nothing-here'), '--admin', 'it-admin', '--config', configFile], `${PASSWORD}\n`);
    expect(missing.out).toMatch(/no single-seat Diwan database/);
    expect(fs.existsSync(path.join(files.dir, 'nothing-here'))).toBe(false);
    expect((await cli(['hub', 'import', '--from', source.dataDir, '--config', configFile])).out).toMatch(/needs an administrator: add --admin NAME/);
    const agent = await cli(['hub', 'import', '--from', source.dataDir, '--admin', 'amal', '--config', configFile], `${PASSWORD}\n`);
    expect(agent.code).toBe(1);
    expect(agent.out).toMatch(/"amal" is not an administrator/);
    const before = new HubStore(sqliteExecutor(path.join(files.dir, 'hub.sqlite')), Date.now);
    try {
      expect(await before.conversations()).toHaveLength(0);
      expect(await before.userByName('amal')).toBeNull();
    } finally {
      await before.close();
    }

    const r = await cli(['hub', 'import', '--from', source.dataDir, '--admin', 'it-admin', '--config', configFile], `${PASSWORD}\n`);
    expect(r.out).toMatch(/Conversations: 2 moved \(4 messages\)\./);
    expect(r.out).toMatch(/demo not moved \(the hub does not run demo channels\)/);
    expect(r.out).toMatch(/mail not moved \(The channel "mail" is a email channel and needs "address" and "imapHost" and "smtpHost"/);
    expect(r.out).toMatch(/set the hub secrets tg\.token/);
    expect(r.code).toBe(0);

    const file = path.join(files.dir, 'hub.sqlite');
    const store = new HubStore(sqliteExecutor(file), Date.now);
    try {
      const amal = (await store.userByName('amal'))!;
      expect(amal.role).toBe('agent');
      const hash = await store.q.get<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = ?', [amal.id]);
      expect(await verifyPassword(hash!.password_hash, PASSWORD)).toBe(true);
      expect((await store.channels()).map((c) => [c.id, c.kind, c.config])).toEqual([['tg', 'telegram', { settings: { longPollSeconds: 1 } }]]);

      const conversations = await store.conversations();
      expect(conversations).toHaveLength(2);
      expect(conversations.find((c) => c.assigneeId !== amal.id)!.status).toBe('snoozed');
      const first = conversations.find((c) => c.assigneeId === amal.id)!;
      expect(first.status).toBe('resolved');
      const texts = (await store.messages(first.id)).map((m) => m.maskedText);
      expect(texts).toHaveLength(3);
      expect(texts.join('\n')).not.toContain(ID);
      expect(texts.join('\n')).not.toContain(ID_ARABIC);
      // The two fields of the first conversation, one in the second, and the second's e-mail HTML as its whole original.
      expect(await store.q.get<{ n: number }>('SELECT count(*) AS n FROM message_fields WHERE sealed IS NOT NULL')).toMatchObject({ n: 4 });
      expect(await store.q.get<{ n: number }>("SELECT count(*) AS n FROM message_fields WHERE type = 'ORIGINAL' AND sealed IS NOT NULL")).toMatchObject({ n: 1 });
      expect(await store.q.all('SELECT l.name FROM conversation_labels cl JOIN labels l ON l.id = cl.label_id WHERE cl.conversation_id = ?', [first.id])).toEqual([{ name: 'VIP' }]);
      const notes = await store.q.all<{ masked_text: string }>('SELECT masked_text FROM notes WHERE conversation_id = ?', [first.id]);
      expect(notes).toHaveLength(1);
      expect(notes[0]!.masked_text).not.toContain(ID);
      expect(await store.q.all('SELECT shortcut FROM canned_replies')).toEqual([{ shortcut: 'hi' }]);
    } finally {
      await store.close();
    }
    // Originals are sealed: the database file holds no value in any digit script.
    const bytes = fs.readFileSync(file).toString('utf8');
    for (const v of [ID, ID_ARABIC, '551234567', '<b>5521</b>']) expect(bytes).not.toContain(v);

    const again = await cli(['hub', 'import', '--from', source.dataDir, '--admin', 'it-admin', '--config', configFile], `${PASSWORD}\n`);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/Conversations: 0 moved \(0 messages\), 2 moved before/);
    expect(again.out).toMatch(/People: 0 created, 2 already at the hub/);
  });
});
