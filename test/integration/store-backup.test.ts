import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, restoreDatabase, type Core } from '../../main/core/app';
import { Vault, type KeychainPort } from '../../main/core/vault';
import { testKeychain } from '../helpers/keychain';
import { inbound, revealOriginal, storeEnv } from '../helpers/store';
import { tmpDir } from '../helpers/tmp';

let core: Core | undefined;
afterEach(() => core?.close());

const PASSPHRASE = 'correct horse battery staple';

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

let keychain: KeychainPort;

async function withData() {
  const env = await storeEnv();
  core = env.core;
  keychain = env.keychain;
  core.store.sink.ingest('tg', [inbound(1, { text: 'iban 1234 5678 9012' }), inbound(2, { text: 'ok' })]);
  return core;
}

describe('backup and restore', () => {
  it('restores a passphrase archive on another machine (empty keychain): masked text yes, originals no (the custodian\'s keys stay behind)', async () => {
    const c = await withData();
    const archive = path.join(tmpDir(), 'diwan.backup');
    await c.store.backup(archive, { passphrase: PASSPHRASE });
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600);
    c.store.sink.ingest('tg', [inbound(3)]); // after the backup: not in it
    const dbId = c.store.dbId;

    const other = testKeychain();
    const dataDir = tmpDir();
    const r = await restoreDatabase({ dataDir, archive, passphrase: PASSPHRASE, keychain: other.keychain, keychainService: other.service });
    expect(r).toMatchObject({ dbId, previous: null });
    const restored = await openCore({ embedded: 'store', dataDir, keychain: other.keychain, keychainService: other.service });
    try {
      expect(restored.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(2);
      const id = restored.db.prepare("SELECT id FROM messages WHERE platform_message_id = 'm1'").pluck().get() as number;
      expect(restored.store.conversations.messages(restored.store.conversations.list().items[0]!.id).map((m) => m.maskedText)).toContain('iban ⟦NUMBER·••12⟧');
      // The archive carries ciphertext and the data key (for replies not yet sent), never the custodian's keys.
      expect(() => revealOriginal(restored.store, id, 0)).toThrow(expect.objectContaining({ code: 'epoch_unknown' }));
    } finally {
      restored.close();
    }
  });

  it('restores a keychain-protected archive over a damaged database, keeping the damaged one aside', async () => {
    const c = await withData();
    const archive = path.join(tmpDir(), 'nightly.backup');
    await c.store.backup(archive);
    const { dataDir } = c;
    const file = c.databaseFile;
    const service = c.vault.service;
    c.close();
    fs.writeFileSync(file, 'garbage that is not a database at all, long enough to have a header');
    await expect(openCore({ embedded: 'store', dataDir, keychain, keychainService: service })).rejects.toMatchObject({ code: 'db_corrupt' });

    const r = await restoreDatabase({ dataDir, archive, keychain, keychainService: service });
    expect(fs.readFileSync(r.previous!, 'utf8')).toMatch(/^garbage/);
    core = await openCore({ embedded: 'store', dataDir, keychain, keychainService: service });
    expect(core.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(2);
    // The same machine still has the custodian's keys: originals open again.
    const id = core.db.prepare("SELECT id FROM messages WHERE platform_message_id = 'm1'").pluck().get() as number;
    expect(revealOriginal(core.store, id, 0).value).toBe('1234 5678 9012');
  });

  it.each([
    ['a wrong passphrase', 'backup_wrong_passphrase', (_a: string) => {}, 'not the passphrase at all'],
    ['no passphrase', 'backup_needs_passphrase', (_a: string) => {}, undefined],
    ['a truncated archive', 'backup_damaged', (a: string) => fs.truncateSync(a, fs.statSync(a).size - 30), PASSPHRASE],
    ['a flipped byte', 'backup_damaged', (a: string) => flip(a, fs.statSync(a).size - 100), PASSPHRASE],
    ['a damaged header', 'backup_not_archive', (a: string) => flip(a, 2), PASSPHRASE],
    ['extra bytes after the end', 'backup_damaged', (a: string) => fs.appendFileSync(a, 'x'), PASSPHRASE],
  ])('refuses %s with a clear error and changes nothing', async (_label, code, damage, passphrase) => {
    const c = await withData();
    const archive = path.join(tmpDir(), 'diwan.backup');
    await c.store.backup(archive, { passphrase: PASSPHRASE });
    damage(archive);
    c.store.sink.ingest('tg', [inbound(9)]);
    c.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = fingerprint(c.dataDir);
    const keysBefore = await c.vault.dataKeys(c.store.dbId);
    await expect(
      restoreDatabase({ dataDir: c.dataDir, archive, passphrase, keychain, keychainService: c.vault.service }),
    ).rejects.toMatchObject({ code, message: expect.stringMatching(/./) });
    expect(fingerprint(c.dataDir)).toBe(before);
    expect(await c.vault.dataKeys(c.store.dbId)).toEqual(keysBefore);
  });

  it('refuses a weak passphrase and an existing output file', async () => {
    const c = await withData();
    const dir = tmpDir();
    await expect(c.store.backup(path.join(dir, 'a'), { passphrase: 'short' })).rejects.toMatchObject({ code: 'backup_weak_passphrase' });
    fs.writeFileSync(path.join(dir, 'b'), 'keep me');
    await expect(c.store.backup(path.join(dir, 'b'))).rejects.toMatchObject({ code: 'backup_exists' });
    expect(fs.readFileSync(path.join(dir, 'b'), 'utf8')).toBe('keep me');
    expect(fs.readdirSync(c.dataDir).filter((f) => f.includes('backup'))).toEqual([]);
  });

  it('refuses a keychain archive where the backup key is not in the keychain', async () => {
    const c = await withData();
    const archive = path.join(tmpDir(), 'k.backup');
    await c.store.backup(archive);
    const other = testKeychain();
    const dataDir = tmpDir();
    await expect(restoreDatabase({ dataDir, archive, keychain: other.keychain, keychainService: other.service })).rejects.toMatchObject({
      code: 'backup_key_missing',
    });
    expect(fs.readdirSync(dataDir)).toEqual([]);
    expect(await new Vault(other.keychain, other.service).accounts()).toEqual([]);
  });
});

function flip(file: string, at: number) {
  const b = fs.readFileSync(file);
  b[at]! ^= 0xff;
  fs.writeFileSync(file, b);
}
