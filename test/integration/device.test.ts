import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, formatFingerprint, loadOrCreateDeviceIdentity, normalizeFingerprint, verifyEd25519 } from '../../main/core/auth';
import { Vault } from '../../main/core/vault';
import { runCli } from '../../main/cli/run';
import { testKeychain } from '../helpers/keychain';

describe('device identity', () => {
  it('makes an Ed25519 key on first start, keeps the private key in the keychain only, and stays stable', async () => {
    const { keychain, service } = testKeychain();
    const vault = new Vault(keychain, service);
    const first = await loadOrCreateDeviceIdentity(vault);
    const again = await loadOrCreateDeviceIdentity(vault);
    expect(first.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(fingerprintOf(first.publicKeyPem)).toBe(first.fingerprint);
    expect(await vault.get('device')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(verifyEd25519(first.publicKeyPem, 'hello', first.sign('hello'))).toBe(true);
    expect(verifyEd25519(first.publicKeyPem, 'hellO', first.sign('hello'))).toBe(false);
  });

  it('refuses a keychain entry that is not an Ed25519 key, and says what to do', async () => {
    const { keychain, service } = testKeychain();
    const vault = new Vault(keychain, service);
    await vault.set('device', 'not a key');
    await expect(loadOrCreateDeviceIdentity(vault)).rejects.toMatchObject({ code: 'device_key_invalid', message: expect.stringMatching(/Ask IT/) });
  });

  it('prints the fingerprint in groups for IT, and accepts it back however it was written', async () => {
    const { service } = testKeychain();
    const out: string[] = [];
    const sink = new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) });
    const io = { stdin: Readable.from([]), stdout: sink, stderr: sink, env: { DIWAN_KEYCHAIN_SERVICE: service } };
    expect(await runCli(['device', 'id'], io)).toBe(0);
    const grouped = out.join('').match(/([0-9A-F]{4} ){15}[0-9A-F]{4}/)![0];
    out.length = 0;
    expect(await runCli(['device', 'id', '--json'], io)).toBe(0);
    const { fingerprint } = JSON.parse(out.join('')) as { fingerprint: string };
    expect(formatFingerprint(fingerprint)).toBe(grouped);
    expect(normalizeFingerprint(grouped)).toBe(fingerprint);
    expect(normalizeFingerprint(grouped.replace(/ /g, ':').toLowerCase())).toBe(fingerprint);
    out.length = 0;
    expect(await runCli(['device'], io)).toBe(2);
  });
});
