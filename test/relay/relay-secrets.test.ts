import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { spkiPin } from '../../main/core/network';
import { Vault, type KeychainPort } from '../../main/core/vault';
import { parseRelayConfig } from '../../main/relay/config';
import { chooseRelaySecrets, CredentialsDirSecrets, KeychainRelaySecrets } from '../../main/relay/secrets';
import { startRelay } from '../../main/relay/server';
import { testKeychain } from '../helpers/keychain';
import { tmpDir } from '../helpers/tmp';
import { startEmulators } from './emulators';
import { APP_SECRET, BOT_TOKEN, postWebhook, relayEnv, VERIFY_TOKEN, WA_TOKEN, whatsappBody } from './harness';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function io(env: Record<string, string> = {}, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (arr: string[]) => new Writable({ write: (c, _e, cb) => (arr.push(String(c)), cb()) });
  return { io: { stdin: Readable.from(stdin ? [stdin] : []), stdout: sink(out), stderr: sink(err), env }, out: () => out.join(''), err: () => err.join('') };
}

const minimal = {
  dataDir: '/var/lib/diwan-relay',
  console: { certFile: 'relay-cert.pem' },
  officeRanges: ['10.20.0.0/16'],
  devices: [],
  channels: [{ id: 'wa-main', kind: 'whatsapp', settings: { phoneNumberId: '420000000000002' } }],
};

describe('relay secrets', () => {
  it('refuses a configuration that holds secrets, without repeating them', () => {
    const leaky = { ...minimal, channels: [{ ...minimal.channels[0], appSecret: 'abc123-very-secret' }], health: { token: 'xyz-health-456' } };
    let message = '';
    try {
      parseRelayConfig(leaky, 'relay.json');
    } catch (e) {
      message = (e as Error).message;
      expect((e as { code?: string }).code).toBe('relay_config_has_secret');
    }
    expect(message).toMatch(/"channels\[0\]\.appSecret", "health\.token".*diwan relay secret set/);
    expect(message).not.toMatch(/abc123|xyz-health/);
    expect(() => parseRelayConfig(minimal)).not.toThrow();
    expect(() => parseRelayConfig(JSON.parse(fs.readFileSync('docs/examples/relay.json', 'utf8')))).not.toThrow();
    expect(() => parseRelayConfig({ ...minimal, channels: [{ id: 'wa-main', kind: 'whatsapp' }] })).toThrow(/phoneNumberId/);
    expect(() => parseRelayConfig({ ...minimal, officeRanges: ['10.20.0.0/99'] })).toThrow(/officeRanges/);
  });

  it('reads systemd credential files only when they are private', async () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'wa-main.app-secret'), `${APP_SECRET}\n`, { mode: 0o400 });
    fs.writeFileSync(path.join(dir, 'wa-main.token'), WA_TOKEN, { mode: 0o644 });
    const s = new CredentialsDirSecrets(dir);
    expect(await s.get('wa-main.app-secret')).toBe(APP_SECRET);
    expect(await s.get('wa-main.verify-token')).toBeNull();
    await expect(s.get('wa-main.token')).rejects.toMatchObject({ code: 'relay_credential_exposed', message: expect.not.stringContaining(WA_TOKEN) });
    await expect(s.get('../etc/passwd')).rejects.toMatchObject({ code: 'relay_secret_bad_name' });
  });

  it('keeps secrets in the OS keychain as relay:<name> and prefers it when it works', async () => {
    const { keychain, service } = testKeychain();
    const chosen = await chooseRelaySecrets({ source: 'auto', keychainService: service, env: { CREDENTIALS_DIRECTORY: tmpDir() }, keychain });
    expect(chosen).toBeInstanceOf(KeychainRelaySecrets);
    await (chosen as KeychainRelaySecrets).set('wa-main.verify-token', VERIFY_TOKEN);
    expect(await keychain.getPassword(service, 'relay:wa-main.verify-token')).toBe(VERIFY_TOKEN);
    expect(await chosen.get('wa-main.verify-token')).toBe(VERIFY_TOKEN);
  });

  it('falls back to credentials when no keychain answers, and explains when neither is there', async () => {
    const broken: KeychainPort = {
      getPassword: async () => {
        throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
      },
      setPassword: async () => {
        throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
      },
      deletePassword: async () => false,
      findCredentials: async () => [],
    };
    const dir = tmpDir();
    expect(await chooseRelaySecrets({ source: 'auto', keychainService: 'x', env: { CREDENTIALS_DIRECTORY: dir }, keychain: broken })).toBeInstanceOf(CredentialsDirSecrets);
    await expect(chooseRelaySecrets({ source: 'auto', keychainService: 'x', env: {}, keychain: broken })).rejects.toMatchObject({ code: 'relay_no_secret_store' });
    await expect(chooseRelaySecrets({ source: 'credentials', keychainService: 'x', env: {}, keychain: broken })).rejects.toMatchObject({ code: 'relay_no_credentials' });
  });

  it('will not start without its secrets, and says which are missing', async () => {
    const emu = await startEmulators(BOT_TOKEN);
    cleanups.push(() => emu.close());
    const env = await relayEnv({ platformUrl: emu.url });
    fs.rmSync(path.join(env.credentials, 'wa-main.app-secret'));
    const err = await env.start().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'relay_secrets_missing', message: expect.stringMatching(/wa-main\.app-secret.*LoadCredential/) });
    expect(fs.existsSync(path.join(env.config.dataDir, 'relay.sqlite'))).toBe(false);
  });

  it('runs from the keychain (creating its queue key there) and keeps no customer text or secret in its files and logs', async () => {
    const emu = await startEmulators(BOT_TOKEN);
    cleanups.push(() => emu.close());
    const env = await relayEnv({ platformUrl: emu.url });
    const { keychain, service } = testKeychain();
    const secrets = new KeychainRelaySecrets(new Vault(keychain, service));
    for (const name of fs.readdirSync(env.credentials).filter((n) => n !== 'queue-key')) {
      await secrets.set(name, fs.readFileSync(path.join(env.credentials, name), 'utf8'));
    }
    const relay = await startRelay({ config: env.config, secrets, log: (l) => env.logs.push(l) });
    cleanups.push(() => relay.close());
    expect(await keychain.getPassword(service, 'relay:queue-key')).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect((await postWebhook(relay, whatsappBody(['wamid.S1'], '34600111222', 'my card is 4111 1111 1111 1111')))).toMatchObject({ status: 200 });
    await relay.close();
    const files = fs.readdirSync(env.config.dataDir).map((f) => fs.readFileSync(path.join(env.config.dataDir, f)));
    const bytes = Buffer.concat(files).toString('latin1');
    for (const leak of ['4111 1111', '34600111222', 'Ana Ruiz', APP_SECRET, VERIFY_TOKEN, WA_TOKEN, BOT_TOKEN]) expect(bytes).not.toContain(leak);
    const logs = JSON.stringify(env.logs);
    for (const leak of ['4111 1111', APP_SECRET, VERIFY_TOKEN, WA_TOKEN, BOT_TOKEN, BOT_TOKEN.split(':')[1]!]) expect(logs).not.toContain(leak);
    expect(env.logs.some((l) => l.event === 'relay.started')).toBe(true);
  });
});

describe('diwan relay (command line)', () => {
  it('makes a certificate and key for the relay and prints the pin consoles need', async () => {
    const out = path.join(tmpDir(), 'tls');
    const t = io();
    expect(await runCli(['relay', 'tls', '--name', 'relay.office.example,127.0.0.1', '--out', out], t.io)).toBe(0);
    const cert = fs.readFileSync(path.join(out, 'relay-cert.pem'), 'utf8');
    expect(t.out()).toContain(`Pin for consoles: ${spkiPin(cert)}`);
    expect(fs.statSync(path.join(out, 'relay-key.pem')).mode & 0o777).toBe(0o600);
    expect(new crypto.X509Certificate(cert).subjectAltName).toMatch(/DNS:relay\.office\.example.*IP Address:127\.0\.0\.1/);
  });

  it('refuses to run with secrets in the configuration file, as a sentence', async () => {
    const file = path.join(tmpDir(), 'relay.json');
    fs.writeFileSync(file, JSON.stringify({ ...minimal, verifyToken: 'leaked-value-1' }));
    const t = io();
    expect(await runCli(['relay', '--config', file], t.io)).toBe(1);
    expect(t.err()).toMatch(/^diwan relay: .*"verifyToken".*look like secrets/);
    expect(t.err()).not.toContain('leaked-value-1');
  });

  it('stores a secret from stdin in the keychain', async () => {
    const { keychain, service } = testKeychain();
    const t = io({ DIWAN_RELAY_KEYCHAIN_SERVICE: service }, `${VERIFY_TOKEN}\n`);
    expect(await runCli(['relay', 'secret', 'set', 'wa-main.verify-token'], t.io)).toBe(0);
    expect(await keychain.getPassword(service, 'relay:wa-main.verify-token')).toBe(VERIFY_TOKEN);
    expect(t.out()).not.toContain(VERIFY_TOKEN);
  });
});
