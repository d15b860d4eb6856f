import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreBackup } from '../../main/core/store';
import { CHUNK } from '../../main/core/store/backup-archive';
import { Vault } from '../../main/core/vault';
import { backupEmbeddedHub, restoreEmbeddedHub } from '../../main/hub/folder-backup';
import { HubStore, sqliteExecutor } from '../../main/hub/store';
import { testKeychain } from '../helpers/keychain';
import { tmpDir } from '../helpers/tmp';

const PASSPHRASE = 'ثلاثة عشر حرفاً وأكثر ۱۲۳';

/** A hub folder as the built-in hub leaves it: a migrated `hub.sqlite` with a few audit entries, and `files`. */
async function hubFolder(files: Record<string, Buffer>): Promise<string> {
  const dataDir = tmpDir();
  const dir = path.join(dataDir, 'hub');
  fs.mkdirSync(dir, { recursive: true });
  const store = new HubStore(sqliteExecutor(path.join(dir, 'hub.sqlite')), Date.now);
  await store.migrate();
  for (let i = 0; i < 3; i++) await store.audit({ actor: 'test', device: null, action: 'test.entry', details: { i } });
  await store.close();
  for (const [name, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), body);
  }
  return dataDir;
}

function listing(dir: string, rel = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const name = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, listing(dir, name));
    else if (!name.startsWith('hub.sqlite')) out[name] = crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, name))).digest('hex');
  }
  return out;
}

/** File names as people and the custodian make them: Latin, Arabic, Persian, digits, dots, dashes, one folder deep. */
const segment = fc
  .array(fc.constantFrom(...'abcxyz019-_ثبتپچژکگیۀ١٢٣۴۵۶'.split('')), { minLength: 1, maxLength: 12 })
  .map((cs) => cs.join(''))
  .filter((s) => !s.startsWith('.') && !s.startsWith('-'));
const fileName = fc.tuple(fc.option(segment, { nil: undefined }), segment, fc.constantFrom('.json', '.key.json', '.pem', '.log', '.txt'))
  .map(([folder, base, ext]) => (folder ? `${folder}/${base}${ext}` : `${base}${ext}`))
  .filter((n) => !n.startsWith('hub.sqlite'));
/** Sizes around the archive's record size, where a file's last record is full, short or empty. */
const size = fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constantFrom(CHUNK - 1, CHUNK, CHUNK + 1));

/**
 * Generated hub folders survive a backup and a restore byte for byte, on a keychain that never held their keys
 * (passphrase), and any single flipped byte of the archive is refused with nothing changed.
 */
describe('built-in hub folder archives (generated folders)', () => {
  it('restores every generated folder exactly and carries the hub keys with the passphrase', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fileName, size, { maxKeys: 5 }), fc.integer({ min: 0, max: 2 ** 31 }), async (sizes, seed) => {
        // Folders have no extension and files always one, so no name is both.
        const files = Object.fromEntries(Object.entries(sizes).map(([n, s], i) => [n, Buffer.alloc(s, (seed + i) % 251)]));
        const from = await hubFolder(files);
        const src = testKeychain();
        const srcVault = new Vault(src.keychain, src.service);
        const key = crypto.randomBytes(32).toString('base64');
        await srcVault.set('hub:custodian-key-encryption-key', key);
        const archive = path.join(tmpDir(), 'a.backup');
        const made = await backupEmbeddedHub({ dataDir: from, vault: srcVault, out: archive, passphrase: PASSPHRASE, appVersion: 'test', now: Date.now() });
        expect(made.files).toBe(Object.keys(files).length + 1);

        const to = tmpDir();
        const dst = testKeychain();
        const dstVault = new Vault(dst.keychain, dst.service);
        const r = await restoreEmbeddedHub({ dataDir: to, archive, vault: dstVault, passphrase: PASSPHRASE, now: Date.now() });
        expect(r.previous).toBeNull();
        expect(r.auditEntries).toBe(3);
        expect(listing(path.join(to, 'hub'))).toEqual(listing(path.join(from, 'hub')));
        expect(await dstVault.get('hub:custodian-key-encryption-key')).toBe(key);
        // The single-seat restore does not take it.
        await expect(restoreBackup({ archive, databaseFile: path.join(tmpDir(), 'diwan.sqlite'), vault: dstVault, passphrase: PASSPHRASE, now: Date.now() })).rejects.toMatchObject({
          code: 'backup_other_content',
        });
      }),
      { numRuns: 6 },
    );
  }, 180_000);

  it('refuses an archive with any one byte flipped, and changes nothing', async () => {
    const from = await hubFolder({ 'custodian-keys/epoch-1.key.json': Buffer.from('{"wrapped":"…"}'), 'custodian.log': Buffer.from('{"seq":1}\n') });
    const { keychain, service } = testKeychain();
    const vault = new Vault(keychain, service);
    await vault.set('hub:custodian-key-encryption-key', crypto.randomBytes(32).toString('base64'));
    const archive = path.join(tmpDir(), 'a.backup');
    await backupEmbeddedHub({ dataDir: from, vault, out: archive, appVersion: 'test', now: Date.now() });
    const bytes = fs.readFileSync(archive);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, mask) => {
        const damaged = Buffer.from(bytes);
        damaged[at]! ^= mask;
        const file = path.join(tmpDir(), 'd.backup');
        fs.writeFileSync(file, damaged);
        const to = tmpDir();
        await expect(restoreEmbeddedHub({ dataDir: to, archive: file, vault, now: Date.now() })).rejects.toMatchObject({ message: expect.stringMatching(/Nothing was changed/) });
        expect(fs.readdirSync(to)).toEqual([]);
      }),
      { numRuns: 40 },
    );
    // Cut short anywhere: refused too.
    const cut = path.join(tmpDir(), 'cut.backup');
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 7));
    await expect(restoreEmbeddedHub({ dataDir: tmpDir(), archive: cut, vault, now: Date.now() })).rejects.toMatchObject({ code: 'backup_damaged' });
  }, 120_000);
});
