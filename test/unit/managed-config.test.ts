import { describe, expect, it } from 'vitest';
import { readManagedConfig, type ManagedReaders } from '../../main/core/config/managed';
import { hasSubkey, parseRegQuery } from '../../main/core/config/managed-system';
import { generateReleaseKey } from '../../main/core/update';

const K1 = generateReleaseKey().publicKey;
const K2 = generateReleaseKey().publicKey;
const POLICY_A = '{"policy":"from GPO"}';
const POLICY_B = '{"policy":"from machine file"}';

interface Stores {
  files?: Record<string, string>;
  registry?: Record<string, Record<string, string>>;
  plists?: Record<string, Record<string, unknown>>;
  unreadable?: string[];
}

/** Injected readers over in-memory stores; records every location Diwan looked at. */
function readers(platform: NodeJS.Platform, s: Stores) {
  const asked: string[] = [];
  const deny = (p: string) => {
    if (s.unreadable?.includes(p)) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
  };
  const r: ManagedReaders = {
    platform,
    async readFile(p) {
      asked.push(`file ${p}`);
      deny(p);
      return s.files?.[p] !== undefined ? Buffer.from(s.files[p]!) : null;
    },
    async readRegistry(k) {
      asked.push(`registry ${k}`);
      deny(k);
      return s.registry?.[k] ?? null;
    },
    async readPlist(p) {
      asked.push(`plist ${p}`);
      deny(p);
      return s.plists?.[p] ?? null;
    },
  };
  return { r, asked };
}

const WIN_KEY = 'HKLM\\SOFTWARE\\Policies\\Diwan';
const WIN_DIR = 'C:\\ProgramData\\Diwan';
const MAC_PLIST = '/Library/Managed Preferences/com.diwan.console.plist';
const MAC_DIR = '/Library/Application Support/Diwan';

describe('managed configuration on Windows', () => {
  it('takes Group Policy over C:\\ProgramData, key by key', async () => {
    const { r, asked } = readers('win32', {
      registry: { [WIN_KEY]: { Policy: POLICY_A, RelayUrl: 'https://relay.corp.example/', ReleaseKeys: `${K1}\\0${K2}` } },
      files: {
        [`${WIN_DIR}\\policy.json`]: POLICY_B,
        [`${WIN_DIR}\\diwan.conf`]: JSON.stringify({ relayUrl: 'https://other.example', updateUrl: 'https://updates.corp.example/diwan/', updateMode: 'notify' }),
      },
    });
    const c = await readManagedConfig(r);
    expect(c.policyBytes?.toString()).toBe(POLICY_A);
    expect(c.policySource).toBe(`${WIN_KEY}\\Policy`);
    expect(c.relayUrl).toBe('https://relay.corp.example');
    expect(c.updateUrl).toBe('https://updates.corp.example/diwan');
    expect(c.updateMode).toBe('notify');
    expect(c.releaseKeys).toEqual([K1, K2]);
    expect(c.origin).toEqual({
      policy: `${WIN_KEY}\\Policy`,
      relayUrl: `${WIN_KEY}\\RelayUrl`,
      releaseKeys: `${WIN_KEY}\\ReleaseKeys`,
      updateUrl: `${WIN_DIR}\\diwan.conf`,
      updateMode: `${WIN_DIR}\\diwan.conf`,
    });
    expect(c.sources.map((s) => [s.tier, s.location, s.found])).toEqual([
      ['managed', WIN_KEY, true],
      ['machine', WIN_DIR, true],
      ['build', 'build defaults', false],
    ]);
    // fixed locations only: never %ProgramData% from a user's environment, never a plist or /etc
    expect(asked).toEqual([`registry ${WIN_KEY}`, `file ${WIN_DIR}\\policy.json`, `file ${WIN_DIR}\\diwan.conf`]);
  });

  it('reads a policy file named by PolicyFile, and prefers inline Policy when both are set', async () => {
    const file = 'C:\\Policies\\diwan-policy.json';
    const one = await readManagedConfig(readers('win32', { registry: { [WIN_KEY]: { PolicyFile: file } }, files: { [file]: POLICY_A } }).r);
    expect(one.policyBytes?.toString()).toBe(POLICY_A);
    expect(one.policySource).toBe(file);
    const both = await readManagedConfig(readers('win32', { registry: { [WIN_KEY]: { PolicyFile: file, Policy: POLICY_B } }, files: { [file]: POLICY_A } }).r);
    expect(both.policyBytes?.toString()).toBe(POLICY_B);
    expect(both.notes.join()).toMatch(/Both Policy and PolicyFile/);
  });

  it('falls back to C:\\ProgramData when there is no Group Policy', async () => {
    const c = await readManagedConfig(readers('win32', { files: { [`${WIN_DIR}\\policy.json`]: POLICY_B } }).r);
    expect(c.policySource).toBe(`${WIN_DIR}\\policy.json`);
    expect(c.sources[0]).toEqual({ tier: 'managed', location: WIN_KEY, found: false });
  });
});

describe('managed configuration on macOS', () => {
  it('takes the MDM profile over /Library/Application Support', async () => {
    const { r, asked } = readers('darwin', {
      plists: { [MAC_PLIST]: { UpdateUrl: 'https://updates.corp.example', UpdateMode: 'auto', ReleaseKeys: [K2] } },
      files: {
        [`${MAC_DIR}/policy.json`]: POLICY_B,
        [`${MAC_DIR}/diwan.conf`]: JSON.stringify({ updateUrl: 'https://ignored.example', relayUrl: 'wss://relay.corp.example:8443' }),
      },
    });
    const c = await readManagedConfig(r);
    expect(c).toMatchObject({ updateUrl: 'https://updates.corp.example', updateMode: 'auto', releaseKeys: [K2], relayUrl: 'wss://relay.corp.example:8443' });
    expect(c.policySource).toBe(`${MAC_DIR}/policy.json`);
    expect(c.origin.updateUrl).toBe(`${MAC_PLIST} UpdateUrl`);
    expect(asked).toEqual([`plist ${MAC_PLIST}`, `file ${MAC_DIR}/policy.json`, `file ${MAC_DIR}/diwan.conf`]);
  });
});

describe('managed configuration on Linux', () => {
  it('reads /etc/diwan only', async () => {
    const { r, asked } = readers('linux', {
      files: { '/etc/diwan/policy.json': POLICY_B, '/etc/diwan/diwan.conf': JSON.stringify({ relayUrl: 'https://relay.corp.example', releaseKeys: [K1] }) },
    });
    const c = await readManagedConfig(r);
    expect(c).toMatchObject({ policySource: '/etc/diwan/policy.json', relayUrl: 'https://relay.corp.example', releaseKeys: [K1], updateMode: 'off' });
    expect(asked).toEqual(['file /etc/diwan/policy.json', 'file /etc/diwan/diwan.conf']);
  });
});

describe('precedence against the build and the user', () => {
  it('uses the build defaults only for what IT left unset', async () => {
    const build = { updateUrl: 'https://build.example/feed', releaseKeys: [K1] };
    const none = await readManagedConfig(readers('linux', {}).r, { buildDefaults: build });
    expect(none).toMatchObject({ updateUrl: 'https://build.example/feed', updateMode: 'auto', releaseKeys: [K1], policySource: 'none' });
    expect(none.origin.updateUrl).toBe('build defaults');
    const it = await readManagedConfig(readers('linux', { files: { '/etc/diwan/diwan.conf': JSON.stringify({ updateUrl: 'https://it.example', releaseKeys: [K2] }) } }).r, {
      buildDefaults: build,
    });
    expect(it).toMatchObject({ updateUrl: 'https://it.example', releaseKeys: [K2] });
  });

  it('never lets a user configuration override an IT-managed key, and says so', async () => {
    const { r } = readers('win32', { registry: { [WIN_KEY]: { RelayUrl: 'https://relay.corp.example', UpdateUrl: 'https://updates.corp.example' } } });
    const c = await readManagedConfig(r, {
      userConfig: { relayUrl: 'https://attacker.example', updateUrl: 'https://attacker.example/feed', releaseKeys: [K2], policy: 'x', theme: 'dark' },
    });
    expect(c.relayUrl).toBe('https://relay.corp.example');
    expect(c.updateUrl).toBe('https://updates.corp.example');
    expect(c.releaseKeys).toEqual([]);
    expect(c.notes.filter((n) => /user's configuration is ignored/.test(n))).toHaveLength(4);
    expect(c.notes.join('\n')).toMatch(/"relayUrl" in the user's configuration is ignored: only IT sets it/);
    expect(c.notes.join('\n')).not.toMatch(/theme/);
  });

  it('ignores the user configuration even when IT set nothing', async () => {
    const c = await readManagedConfig(readers('linux', {}).r, { userConfig: { relayUrl: 'https://attacker.example' } });
    expect(c.relayUrl).toBeUndefined();
    expect(c.notes).toHaveLength(1);
  });

  it('turns updates off, with a note, when a mode is set without a feed', async () => {
    const c = await readManagedConfig(readers('linux', { files: { '/etc/diwan/diwan.conf': '{"updateMode":"auto"}' } }).r);
    expect(c.updateMode).toBe('off');
    expect(c.notes.join()).toMatch(/no update feed/);
  });
});

describe('a broken IT configuration fails closed with the place to fix', () => {
  const conf = (body: string) => readers('linux', { files: { '/etc/diwan/diwan.conf': body } }).r;
  it.each([
    ['not JSON', '{relay', /diwan\.conf is not valid: it is not valid JSON/],
    ['an array', '[]', /must be a JSON object/],
    ['a plain-http feed', '{"updateUrl":"http://updates.corp"}', /updateUrl is not valid: it must be an https URL/],
    ['credentials in a URL', '{"relayUrl":"https://u:p@relay"}', /user name or password/],
    ['an unknown mode', '{"updateMode":"sometimes"}', /auto, notify, off/],
    ['a bad release key', '{"releaseKeys":["abc"]}', /not a release public key/],
    ['an unknown key', '{"relayURL":"https://relay"}', /unknown keys \(relayURL\)/],
  ])('%s', async (_n, body, message) => {
    await expect(readManagedConfig(conf(body))).rejects.toMatchObject({ code: 'managed_config_invalid', message: expect.stringMatching(message) });
  });

  it('a relative or missing PolicyFile', async () => {
    await expect(readManagedConfig(readers('win32', { registry: { [WIN_KEY]: { PolicyFile: 'policy.json' } } }).r)).rejects.toThrow(/absolute path/);
    await expect(readManagedConfig(readers('win32', { registry: { [WIN_KEY]: { PolicyFile: 'D:\\nope.json' } } }).r)).rejects.toThrow(/does not exist/);
  });

  it('an empty policy document', async () => {
    await expect(readManagedConfig(readers('linux', { files: { '/etc/diwan/policy.json': '' } }).r)).rejects.toThrow(/policy document is empty/);
  });

  it('a store that exists but cannot be read', async () => {
    await expect(readManagedConfig(readers('darwin', { unreadable: [MAC_PLIST] }).r)).rejects.toMatchObject({
      code: 'managed_config_unreadable',
      message: expect.stringMatching(/com\.diwan\.console\.plist exists but cannot be read \(EACCES\)/),
    });
  });
});

describe('reg query output', () => {
  const out = [
    '',
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Diwan',
    '    RelayUrl    REG_SZ    https://relay.corp.example',
    '    ReleaseKeys    REG_MULTI_SZ    aaa\\0bbb',
    '    Update Mode    REG_SZ    notify',
    '    Empty    REG_SZ    ',
    '',
  ].join('\r\n');

  it('parses values, including names with spaces and REG_MULTI_SZ', () => {
    expect(parseRegQuery(out)).toEqual({ RelayUrl: 'https://relay.corp.example', ReleaseKeys: 'aaa\\0bbb', 'Update Mode': 'notify', Empty: '' });
  });

  it('finds a subkey in the parent listing', () => {
    const parent = '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Diwan\r\n';
    expect(hasSubkey(parent, WIN_KEY)).toBe(true);
    expect(hasSubkey(parent.replace('\\Diwan', '\\Other'), WIN_KEY)).toBe(false);
  });
});

describe('build defaults from the packaged package.json', () => {
  it('reads the update feed and release keys electron-builder embedded, and validates them', async () => {
    const { buildDefaultsFromPackage } = await import('../../main/core/config');
    expect(buildDefaultsFromPackage({ name: 'diwan' })).toEqual({});
    expect(buildDefaultsFromPackage({ diwan: { updateUrl: 'https://u.example/', releaseKeys: [K1] } })).toEqual({ updateUrl: 'https://u.example', releaseKeys: [K1] });
    expect(() => buildDefaultsFromPackage({ diwan: { updateUrl: 'ftp://u' } })).toThrow(/build defaults updateUrl is not valid/);
  });
});
