import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { detectorMasker } from '../../main/core/app/masker';
import { newSessionSlot } from '../../main/core/auth';
import { SEAT_GRANT_DOMAIN, signStatement, verifyCustodianLog, type SignedSeatGrant } from '../../main/core/custody';
import { FieldCipher, Vault } from '../../main/core/vault';
import { testCore } from '../helpers/core';
import { addPeople, ingestMessage, PEOPLE } from '../helpers/console';
import { TestClock } from '../helpers/identity';
import { testKeychain } from '../helpers/keychain';
import { exportGrant, revealOriginal } from '../helpers/store';
import { tmpDir } from '../helpers/tmp';

let core: Core | undefined;
afterEach(() => core?.close());

/** Values in every digit script, with and without separators, and the contact name and note that carry some. */
const TEXTS = [
  'رقم جوالي ٠٥٠١٢٣٤٥٦٧ اتصل بي',
  'شماره من ۰۹۱۲۳۴۵۶۷۸۹ است',
  'call me on +966 55 987 6543 please',
  'my card 4111 1111 1111 1111 was charged twice',
  'mail me at layla.q@example.com or 0551234567',
  'هويتي 1012345678 والايبان SA03 8000 0000 6080 1016 7519',
  'nothing sensitive here',
  'order ٤٤٥٥٦٦٧٧ and phone 0509876543',
];
const NAME = 'Layla ٠٥٥١١١٢٢٢٢';
const NOTE = 'customer confirmed 0551234567 by phone';

const logOf = (c: { dataDir: string }) => path.join(c.dataDir, 'custody', 'custodian.log');
const events = (c: { dataDir: string }) => verifyCustodianLog(logOf(c)).tail.map((e) => ({ event: e.event, code: e.code }));

/**
 * An install from before single-seat custody: the same rows, each original under the data key (`msg:<id>:text`,
 * `msg:<id>:field:<n>`, `contact:<id>:name`, `note:<id>:text`, key version 1), and no custodian keys anywhere.
 */
async function legacyInstall() {
  const { keychain, service } = testKeychain();
  const dataDir = tmpDir();
  const c = await testCore({ dataDir, keychain, keychainService: service });
  c.store.channels.create({ id: 'tg', kind: 'telegram', name: 'bot' });
  c.store.sink.ingest(
    'tg',
    TEXTS.map((text, i) => ({ platformMessageId: `m${i}`, platformConversationId: 'chat', contact: { platformUserId: 'u1', displayName: NAME }, direction: 'in' as const, text, sentAt: 1_700_000_000_000 + i })),
  );
  const conv = c.store.conversations.list().items[0]!;
  c.store.notes.add(conv.id, 'agent', NOTE);
  const dbId = c.store.dbId;
  const cipher = new FieldCipher((await c.vault.dataKeys(dbId))!);
  const masker = detectorMasker(() => undefined);
  const values: string[] = [];
  for (const [i, text] of TEXTS.entries()) {
    const id = c.db.prepare('SELECT id FROM messages WHERE platform_message_id = ?').pluck().get(`m${i}`) as number;
    c.db.prepare('UPDATE messages SET text_enc = ?, key_version = 1 WHERE id = ?').run(cipher.encrypt(`msg:${id}:text`, text), id);
    masker(text).fields.forEach((f, n) => {
      values.push(f.value);
      c.db.prepare('UPDATE message_fields SET value_enc = ?, key_version = 1 WHERE message_id = ? AND n = ?').run(cipher.encrypt(`msg:${id}:field:${n}`, f.value), id, n);
    });
  }
  c.db.prepare('UPDATE contacts SET name_enc = ?, key_version = 1 WHERE id = ?').run(cipher.encrypt(`contact:${conv.contact.id}:name`, NAME), conv.contact.id);
  const noteId = c.db.prepare('SELECT id FROM notes').pluck().get() as number;
  c.db.prepare('UPDATE notes SET text_enc = ?, key_version = 1 WHERE id = ?').run(cipher.encrypt(`note:${noteId}:text`, NOTE), noteId);
  c.db.prepare("DELETE FROM settings WHERE key = 'custody.sealed'").run();
  c.close();
  fs.rmSync(path.join(dataDir, 'custody'), { recursive: true });
  const vault = new Vault(keychain, service);
  await vault.delete(`custody-kek:${dbId}`);
  await vault.delete(`custody-grant:${dbId}`);
  expect(values.length).toBeGreaterThanOrEqual(8);
  return { dataDir, keychain, service, dbId, vault, values, contactId: conv.contact.id };
}

const BLOBS = [
  { table: 'messages', blob: 'text_enc', name: (r: Record<string, number>) => `msg:${r.id}:text`, key: 'id' },
  { table: 'message_fields', blob: 'value_enc', name: (r: Record<string, number>) => `msg:${r.message_id}:field:${r.n}`, key: 'message_id, n' },
  { table: 'contacts', blob: 'name_enc', name: (r: Record<string, number>) => `contact:${r.id}:name`, key: 'id' },
  { table: 'notes', blob: 'text_enc', name: (r: Record<string, number>) => `note:${r.id}:text`, key: 'id' },
];

/**
 * Runs the re-seal in a child, acknowledging `batches` progress lines and killing it (SIGKILL) at the next: by
 * then exactly `batches + 1` batches have committed (a line is printed after its batch commits).
 */
async function resealKilledAfter(env: { dataDir: string; service: string }, batches: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/reseal-child.ts'], {
    env: { ...process.env, DIR: env.dataDir, SVC: env.service, BATCH: '3' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let seen = 0;
  for await (const line of readline.createInterface({ input: child.stdout! })) {
    if (!line.startsWith('{"table"')) continue;
    seen++;
    if (seen > batches) {
      child.kill('SIGKILL');
      break;
    }
    child.stdin!.write('\n');
  }
  expect(await exited).toBe('SIGKILL');
  return seen;
}

describe('single-seat custody: upgrading an install', () => {
  it('re-seals every original, resumes after a kill mid-way (counted in batches), is idempotent, and leaves the data key opening nothing', async () => {
    const env = await legacyInstall();
    expect(await resealKilledAfter(env, 1)).toBe(2);

    // Killed mid-way: whole rows of either kind, nothing half-written.
    const raw = new Database(path.join(env.dataDir, 'diwan.sqlite'), { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    const kinds = raw.prepare('SELECT key_version, count(*) AS n FROM messages GROUP BY key_version ORDER BY key_version').all();
    raw.close();
    expect(kinds).toEqual([
      { key_version: 0, n: 6 },
      { key_version: 1, n: TEXTS.length - 6 },
    ]);

    core = await testCore({ dataDir: env.dataDir, keychain: env.keychain, keychainService: env.service });
    for (const t of BLOBS) expect(core.db.prepare(`SELECT count(*) FROM ${t.table} WHERE key_version != 0`).pluck().get()).toBe(0);
    const revealed: string[] = [];
    for (const m of core.store.conversations.messages(core.store.conversations.list().items[0]!.id, { limit: 50 })) {
      for (const f of m.fields) revealed.push(revealOriginal(core.store, m.id, f.n).value);
    }
    expect(revealed.sort()).toEqual([...env.values].sort());
    const exported = core.store.subjects.export({ contactId: env.contactId }, 'admin', exportGrant(core.store));
    expect(exported.contact.displayName).toBe(NAME);
    expect(exported.conversations[0]!.messages.map((m) => m.text)).toEqual(TEXTS);
    expect(exported.conversations[0]!.notes).toMatchObject([{ text: NOTE }]);
    expect(core.store.reseal()).toEqual({ sealed: 0 });
    core.close();
    core = undefined;

    // A copy of the database and the old data key: every blob refuses it, and no original is in the file.
    const copy = path.join(tmpDir(), 'copy.sqlite');
    fs.copyFileSync(path.join(env.dataDir, 'diwan.sqlite'), copy);
    const oldKey = new FieldCipher((await env.vault.dataKeys(env.dbId))!);
    const db = new Database(copy, { readonly: true });
    let tried = 0;
    for (const t of BLOBS) {
      for (const r of db.prepare(`SELECT ${t.key}, ${t.blob} AS blob FROM ${t.table} WHERE ${t.blob} IS NOT NULL`).all() as Array<Record<string, number> & { blob: Buffer }>) {
        tried++;
        expect(() => oldKey.decrypt(t.name(r), r.blob)).toThrow();
      }
    }
    db.close();
    expect(tried).toBeGreaterThan(env.values.length);
    const bytes = fs.readFileSync(copy);
    for (const v of [...env.values, NAME, NOTE]) expect(bytes.includes(Buffer.from(v, 'utf8')), v).toBe(false);
  }, 120_000);
});

describe('single-seat custody: the in-process custodian checks every grant and logs it', () => {
  async function seat(clock = new TestClock()) {
    const c = (core = await testCore({ clock }));
    await addPeople(c);
    c.store.channels.create({ id: 'demo', kind: 'demo', name: 'Demo' });
    const conv = ingestMessage(c, { contact: 'Layla', text: 'call me on 0551234567 — card 4111 1111 1111 1111' });
    const m = c.store.conversations.messages(conv)[0]!;
    const phone = m.fields.find((f) => f.type === 'PHONE')!;
    const card = m.fields.find((f) => f.type === 'CARD')!;
    const grant = (n: number, type: string, over: Partial<SignedSeatGrant['grant']> = {}) =>
      c.store.custody.sign({
        kind: 'reveal',
        user: 'sam',
        userId: 'u-sam',
        reason: 'callback',
        revealId: crypto.randomUUID(),
        revealExpiresAt: clock.now() + 600_000,
        messageId: m.id,
        field: n,
        type,
        approval: null,
        contactId: null,
        ...over,
      });
    const open = (g: SignedSeatGrant, n = phone.n) => c.store.conversations.revealField(m.id, n, g).value;
    return { c, m, phone, card, grant, open, clock };
  }

  it('refuses a forged, expired, replayed or unapproved grant, each in its hash-chained log, and opens a valid one', async () => {
    const { c, phone, card, grant, open, clock } = await seat();
    const refused = (f: () => unknown, code: string) => expect(f).toThrow(expect.objectContaining({ code }));

    const tampered = grant(phone.n, 'PHONE');
    refused(() => open({ ...tampered, grant: { ...tampered.grant, user: 'someone-else' } }), 'grant_forged');
    const foreign = grant(phone.n, 'PHONE');
    refused(() => open({ grant: foreign.grant, signature: signStatement(SEAT_GRANT_DOMAIN, foreign.grant, crypto.generateKeyPairSync('ed25519').privateKey) }), 'grant_forged');

    const late = grant(phone.n, 'PHONE');
    clock.advance(121_000);
    refused(() => open(late), 'grant_expired');
    refused(() => open(grant(phone.n, 'PHONE', { revealExpiresAt: clock.now() - 1 })), 'grant_expired');

    const once = grant(phone.n, 'PHONE');
    expect(open(once)).toBe('0551234567');
    refused(() => open(once), 'grant_replayed');

    refused(() => open(grant(card.n, 'CARD'), card.n), 'approval_missing');
    refused(() => open(grant(card.n, 'CARD', { approval: { approver: 'sam', approverId: 'u-sam', at: clock.now() } }), card.n), 'approval_invalid');
    expect(open(grant(card.n, 'CARD', { approval: { approver: 'lina', approverId: 'u-lina', at: clock.now() } }), card.n)).toBe('4111 1111 1111 1111');
    // A grant for one field does not open another (the sealed value is bound to its message, field and type).
    refused(() => open(grant(phone.n, 'PHONE'), card.n), 'sealed_mismatch');

    expect(verifyCustodianLog(logOf(c)).broken).toBeNull();
    expect(events(c).filter((e) => e.event.startsWith('reveal.'))).toEqual([
      { event: 'reveal.refused', code: 'grant_forged' },
      { event: 'reveal.refused', code: 'grant_forged' },
      { event: 'reveal.refused', code: 'grant_expired' },
      { event: 'reveal.refused', code: 'grant_expired' },
      { event: 'reveal.opened', code: undefined },
      { event: 'reveal.refused', code: 'grant_replayed' },
      { event: 'reveal.refused', code: 'approval_missing' },
      { event: 'reveal.refused', code: 'approval_invalid' },
      { event: 'reveal.opened', code: undefined },
      { event: 'reveal.refused', code: 'sealed_mismatch' },
    ]);
    const log = fs.readFileSync(logOf(c), 'utf8');
    expect(log).not.toContain('0551234567');
    expect(log).not.toContain('4111 1111');
  });

  it('a reveal through the console\'s rules: the agent asks, the lead approves with their own sign-in, the audit trail first, then the custodian', async () => {
    const { c, m, card } = await seat();
    const signIn = async (who: keyof typeof PEOPLE) => {
      const slot = newSessionSlot();
      await c.identity.signIn(slot, { username: PEOPLE[who].username, password: PEOPLE[who].password });
      return c.identity.requireSession(slot);
    };
    const agent = await signIn('agent');
    const asked = c.reveal.request(agent, { messageId: m.id, fieldIndex: card.n }, 'Customer disputes a charge');
    expect(asked).toMatchObject({ status: 'pending' });
    expect(events(c).filter((e) => e.event.startsWith('reveal.'))).toEqual([]);
    c.reveal.decide(await signIn('lead'), asked.status === 'pending' ? asked.requestId : '', true);
    const read = c.reveal.read(agent, asked.status === 'pending' ? asked.requestId : '');
    expect(read.value).toBe('4111 1111 1111 1111');

    const opened = verifyCustodianLog(logOf(c)).tail.filter((e) => e.event === 'reveal.opened');
    expect(opened).toMatchObject([{ user: 'sam', type: 'CARD', messageId: m.id, field: card.n, revealId: asked.status === 'pending' ? asked.requestId : '' }]);
    const audited = c.auditTrail.list().filter((e) => e.action.startsWith('reveal.'));
    expect(audited.map((e) => e.action)).toEqual(['reveal.requested', 'reveal.approved']);
    expect(audited.every((e) => e.at <= opened[0]!.at)).toBe(true);
  });
});

describe('single-seat custody: key epochs and crypto-shredding', () => {
  it('retention destroys an old epoch: its originals are gone for good, masked text and search stay, the new epoch opens', async () => {
    const clock = new TestClock(Date.UTC(2026, 0, 10, 9));
    const c = (core = await testCore({ clock, custody: { epoch: { days: 1 }, retainEpochs: 1 } }));
    c.store.channels.create({ id: 'demo', kind: 'demo', name: 'Demo' });
    const first = ingestMessage(c, { contact: 'Omar', text: 'old number 0551234567 refund' });
    const old = c.store.conversations.messages(first)[0]!;
    expect(revealOriginal(c.store, old.id, 0).value).toBe('0551234567');

    clock.advance(86_400_000);
    const second = ingestMessage(c, { contact: 'Huda', text: 'new number 0509876543 refund' });
    const fresh = c.store.conversations.messages(second)[0]!;
    expect(c.store.custody.custodian.epochs().shredded).toHaveLength(1);

    expect(() => revealOriginal(c.store, old.id, 0)).toThrow(expect.objectContaining({ code: 'epoch_shredded' }));
    expect(revealOriginal(c.store, fresh.id, 0).value).toBe('0509876543');
    expect(c.store.conversations.messages(first)[0]!.maskedText).toMatch(/^old number .+ refund$/);
    expect(c.store.search.search('refund', { limit: 10 }).length).toBe(2);
    const contactId = c.store.conversations.get(first).contact.id;
    const exported = c.store.subjects.export({ contactId }, 'admin', exportGrant(c.store));
    expect(exported.conversations[0]!.messages[0]!.text).toBe(old.maskedText);
    expect(events(c).map((e) => e.event)).toContain('epoch.shredded');
  });
});
