import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../main/core/app';
import { LATEST_SCHEMA_VERSION } from '../../main/core/store';
import { Vault } from '../../main/core/vault';
import { testKeychain } from '../helpers/keychain';
import { exportGrant, inbound, revealOriginal } from '../helpers/store';
import { tmpDir } from '../helpers/tmp';

let core: Core | undefined;
afterEach(() => core?.close());

/** Every file under `dir` (the custodian's key files and log included), names and contents. */
function fingerprint(dir: string): string {
  const h = crypto.createHash('sha256');
  for (const f of (fs.readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const p = path.join(dir, f);
    h.update(f);
    if (fs.statSync(p).isFile()) h.update(fs.readFileSync(p));
  }
  return h.digest('hex');
}

async function populated() {
  const { keychain, service } = testKeychain();
  const dataDir = tmpDir();
  const c = await openCore({ embedded: 'store', dataDir, keychain, keychainService: service });
  c.store.channels.create({ id: 'tg', kind: 'telegram', name: 'bot' });
  c.store.sink.ingest('tg', [inbound(1, { text: 'call 0501234567' }), inbound(2)]);
  const dbId = c.store.dbId;
  c.close();
  return { keychain, service, dataDir, dbId, vault: new Vault(keychain, service) };
}

const CHILD_OPEN = `
  const { openCore } = await import('./main/core/app/index.ts');
  try { const c = await openCore({ embedded: 'store', dataDir: process.env.DIR, keychainService: process.env.SVC }); c.close(); console.log(JSON.stringify({ ok: true })); }
  catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })); }`;

function node(script: string, env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 });
}

describe('the data key lives in the OS keychain', () => {
  it('keeps one data key per database, under datakey:<db id>, and nothing secret in the settings table', async () => {
    const { vault, dbId, dataDir } = await populated();
    expect(await vault.accounts('datakey:')).toEqual([`datakey:${dbId}`]);
    // (store.field_marks_below: the background fill's cursor, a message id — migration 032)
    const raw = new Database(path.join(dataDir, 'diwan.sqlite'), { readonly: true });
    expect(raw.prepare('SELECT key FROM settings ORDER BY key').pluck().all()).toEqual(['custody.sealed', 'datakey.version', 'db.id', 'store.field_marks_below']);
    raw.close();
  });

  it('refuses a database with encrypted data whose key left the keychain, and writes nothing', async () => {
    const { keychain, service, dataDir, dbId, vault } = await populated();
    await vault.delete(`datakey:${dbId}`);
    const before = fingerprint(dataDir);
    await expect(openCore({ embedded: 'store', dataDir, keychain, keychainService: service })).rejects.toMatchObject({
      code: 'datakey_missing',
      message: expect.stringMatching(/not in the OS keychain.*diwan db restore.*Nothing was changed/),
    });
    expect(fingerprint(dataDir)).toBe(before);
    expect(await vault.accounts('datakey:')).toEqual([]);
  });

  it('explains a missing session bus at open and changes nothing (no file fallback)', async () => {
    const { dataDir, service } = await populated();
    const before = fingerprint(dataDir);
    const r = node(CHILD_OPEN, { DIR: dataDir, SVC: service, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/diwan-bus', DISPLAY: '' });
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ code: 'keychain_no_session_bus', message: expect.stringMatching(/D-Bus/) });
    expect(fingerprint(dataDir)).toBe(before);
  });

  it('explains a locked keychain (not "key missing") and changes nothing', () => {
    // Its own D-Bus session and GNOME Keyring: create data, lock the collection, open again.
    const dataDir = tmpDir();
    const home = tmpDir();
    const create = `
      const { openCore } = await import('./main/core/app/index.ts');
      const c = await openCore({ embedded: 'store', dataDir: process.env.DIR, keychainService: 'Diwan-locked-test' });
      c.store.channels.create({ id: 'tg', kind: 'telegram', name: 'bot' });
      c.store.sink.ingest('tg', [{ platformMessageId: '1', platformConversationId: 'c', contact: { platformUserId: 'u' }, direction: 'in', text: 'call 0501234567', sentAt: 1 }]);
      c.close();`;
    const lock = `gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets --method org.freedesktop.Secret.Service.Lock "['/org/freedesktop/secrets/collection/login']" >/dev/null`;
    const hash = `node -e "const fs=require('fs');const c=require('crypto').createHash('sha256');for(const f of fs.readdirSync(process.env.DIR,{recursive:true}).sort()){const p=process.env.DIR+'/'+f;c.update(f);if(fs.statSync(p).isFile())c.update(fs.readFileSync(p))}console.log(c.digest('hex'))"`;
    const r = spawnSync(
      'dbus-run-session',
      ['--', 'sh', '-c', `echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
        node --import tsx --input-type=module -e "$CREATE" && ${hash} && ${lock} &&
        SVC=Diwan-locked-test node --import tsx --input-type=module -e "$OPEN" && ${hash}`],
      { env: { ...process.env, HOME: home, DIR: dataDir, CREATE: create, OPEN: CHILD_OPEN }, encoding: 'utf8', timeout: 40_000 },
    );
    const [before, result, after] = r.stdout.trim().split('\n');
    expect(JSON.parse(result!)).toMatchObject({ code: 'keychain_locked', message: expect.stringMatching(/locked/) });
    expect(after).toBe(before);
  });

  it('refuses a newer-schema database before touching the keychain or the file', async () => {
    const { keychain, service } = testKeychain();
    const dataDir = tmpDir();
    const raw = new Database(path.join(dataDir, 'diwan.sqlite'));
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const before = fingerprint(dataDir);
    await expect(openCore({ embedded: 'store', dataDir, keychain, keychainService: service })).rejects.toMatchObject({ code: 'db_newer' });
    expect(fingerprint(dataDir)).toBe(before);
    expect(await new Vault(keychain, service).accounts()).toEqual([]);
  });
});

describe('key rotation', () => {
  it('re-encrypts what the data key still holds (replies not yet sent) under a new key, and leaves sealed originals alone', async () => {
    const { keychain, service, dataDir, dbId, vault } = await populated();
    core = await openCore({ embedded: 'store', dataDir, keychain, keychainService: service });
    const { store } = core;
    const conv = store.conversations.list().items[0]!;
    store.notes.add(conv.id, 'a', 'note with 1234567');
    const replies = Array.from({ length: 20 }, (_, i) => store.outbox.enqueue({ conversationId: conv.id, text: `reply ${i} to 0509998877`, authorId: 'a' }).messageId);
    const msgId = store.conversations.messages(conv.id).find((m) => m.maskedText.startsWith('call'))!.id;
    const sealedBefore = core.db.prepare('SELECT value_enc FROM message_fields WHERE message_id = ?').pluck().get(msgId) as Buffer;

    core.close();

    core = await openCore({ embedded: 'store', dataDir, keychain, keychainService: service });
    const r = await core.store.rotateKey({ batchSize: 7 });
    expect(r).toMatchObject({ version: 2, resumed: false, reencrypted: 20 });
    expect([...(await vault.dataKeys(dbId))!.keys.keys()]).toEqual([2]);
    // Unsent replies moved to the new data key; every sealed original kept its blob (the custodian's, not the data key's).
    expect(core.db.prepare(`SELECT DISTINCT key_version FROM messages WHERE id IN (${replies.join(',')})`).pluck().all()).toEqual([2]);
    expect(core.db.prepare('SELECT DISTINCT key_version FROM message_fields').pluck().all()).toEqual([0]);
    expect(core.db.prepare('SELECT value_enc FROM message_fields WHERE message_id = ?').pluck().get(msgId)).toEqual(sealedBefore);
    expect(core.store.outbox.claim('tg', Date.now())!.text).toBe('reply 0 to 0509998877');
    expect(revealOriginal(core.store, msgId, 0).value).toBe('0501234567');
    expect(core.store.subjects.export({ contactId: conv.contact.id }, 'a', exportGrant(core.store)).conversations[0]!.notes).toMatchObject([{ text: 'note with 1234567' }]);

    const again = await core.store.rotateKey();
    expect(again).toMatchObject({ version: 3, resumed: false });
  });

  it('a process still holding the old key refuses to write under it after another rotated it', async () => {
    const { keychain, service, dataDir } = await populated();
    core = await openCore({ embedded: 'store', dataDir, keychain, keychainService: service });
    const other = await openCore({ embedded: 'store', dataDir, keychain, keychainService: service });
    await other.store.rotateKey();
    other.close();
    const conversationId = core.store.conversations.list().items[0]!.id;
    expect(() => core!.store.outbox.enqueue({ conversationId, text: 'hi', authorId: 'a' })).toThrow(expect.objectContaining({ code: 'datakey_changed' }));
    expect(core.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(2);
  });
});
