import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { classifyKeychainError, Vault } from '../../main/core/vault';
import { testKeychain } from '../helpers/keychain';

describe('OS keychain vault (real GNOME Keyring under npm test)', () => {
  it('stores, reads, lists and deletes namespaced secrets', async () => {
    const { keychain, service } = testKeychain();
    const vault = new Vault(keychain, service);
    expect((await vault.probe()).available).toBe(true);
    await vault.set('channel:telegram-1', 'bot-token-value');
    await vault.set('datakey:db1', 'key-material');
    expect(await vault.get('channel:telegram-1')).toBe('bot-token-value');
    expect(await vault.accounts('channel:')).toEqual(['channel:telegram-1']);
    expect(await vault.delete('channel:telegram-1')).toBe(true);
    expect(await vault.get('channel:telegram-1')).toBeNull();
  });

  it('refuses to store an empty secret', async () => {
    const { keychain, service } = testKeychain();
    await expect(new Vault(keychain, service).set('device', '')).rejects.toThrow(/empty secret/);
  });

  it('explains a missing session bus instead of falling back to a file', () => {
    // A child with no reachable D-Bus: the real library's real error, classified.
    const script = `
      const { loadOsKeychain, Vault } = await import('./main/core/vault/index.ts');
      const v = new Vault(loadOsKeychain(), 'Diwan-test-nobus');
      console.log(JSON.stringify(await v.probe()));
      try { await v.set('device', 'x'); } catch (e) { console.log(JSON.stringify({ code: e.code })); }`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/diwan-bus', DISPLAY: '' },
      encoding: 'utf8',
    });
    const [probe, err] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(probe).toMatchObject({ available: false, problem: 'no_session_bus' });
    expect(probe.advice).toMatch(/D-Bus/);
    expect(err).toEqual({ code: 'keychain_no_session_bus' });
  });

  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no_session_bus'],
    ['Could not connect: No such file or directory', 'no_session_bus'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'no_secret_service'],
    ['Cannot create an item in a locked collection', 'locked'],
    ['Something else', 'refused'],
  ])('classifies "%s" as %s', (message, problem) => {
    expect(classifyKeychainError(new Error(message))).toBe(problem);
  });
});
