import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { spkiPin } from '../../main/core/network';
import { loadOsKeychain, type KeychainPort } from '../../main/core/vault';
import { chooseHubSecrets, CredentialsDirSecrets, KeychainHubSecrets, parseHubConfig } from '../../main/hub';
import { relayBounds, webhookLimits } from '../../main/hub/config';
import { channelVault } from '../../main/hub/secrets';
import { testKeychain } from '../helpers/keychain';
import { tmpDir } from '../helpers/tmp';

function io(env: Record<string, string> = {}, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (arr: string[]) => new Writable({ write: (c, _e, cb) => (arr.push(String(c)), cb()) });
  return { io: { stdin: Readable.from(stdin ? [stdin] : []), stdout: sink(out), stderr: sink(err), env }, out: () => out.join(''), err: () => err.join('') };
}

const APP_SECRET = `app-${crypto.randomBytes(8).toString('hex')}`;
const WA_TOKEN = `EAA-${crypto.randomBytes(8).toString('hex')}`;

/** The relay's secret handling, now the hub's (moved with its tests): keychain or systemd credentials, never config. */
describe('hub secrets', () => {
  it('reads systemd credential files only when they are private, and only by plain names', async () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'wa-main.app-secret'), `${APP_SECRET}\n`, { mode: 0o400 });
    fs.writeFileSync(path.join(dir, 'wa-main.token'), WA_TOKEN, { mode: 0o644 });
    const s = new CredentialsDirSecrets(dir);
    expect(await s.get('wa-main.app-secret')).toBe(APP_SECRET);
    expect(await s.get('wa-main.verify-token')).toBeNull();
    await expect(s.get('wa-main.token')).rejects.toMatchObject({ code: 'hub_credential_exposed', message: expect.not.stringContaining(WA_TOKEN) });
    await expect(s.get('../etc/passwd')).rejects.toMatchObject({ code: 'hub_secret_bad_name' });
  });

  it('keeps secrets in the OS keychain as hub:<name> and prefers it when it works', async () => {
    const { keychain, service } = testKeychain();
    const chosen = await chooseHubSecrets({ source: 'auto', keychainService: service, env: { CREDENTIALS_DIRECTORY: tmpDir() }, keychain });
    expect(chosen).toBeInstanceOf(KeychainHubSecrets);
    await (chosen as KeychainHubSecrets).set('wa-main.verify-token', 'verify-1');
    expect(await keychain.getPassword(service, 'hub:wa-main.verify-token')).toBe('verify-1');
    expect(await chosen.get('wa-main.verify-token')).toBe('verify-1');
  });

  it('falls back to credentials when no keychain answers, and explains when neither is there', async () => {
    const fail = async () => {
      throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
    };
    const broken: KeychainPort = { getPassword: fail, setPassword: fail, deletePassword: async () => false, findCredentials: async () => [] };
    expect(await chooseHubSecrets({ source: 'auto', keychainService: 'x', env: { CREDENTIALS_DIRECTORY: tmpDir() }, keychain: broken })).toBeInstanceOf(CredentialsDirSecrets);
    await expect(chooseHubSecrets({ source: 'auto', keychainService: 'x', env: {}, keychain: broken })).rejects.toMatchObject({ code: 'hub_no_secret_store' });
    await expect(chooseHubSecrets({ source: 'credentials', keychainService: 'x', env: {}, keychain: broken })).rejects.toMatchObject({ code: 'hub_no_credentials' });
  });

  it("answers the connectors' vault from <id>.token: a token in its channel's field, X's JSON as it is; writes refused", async () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'wa.token'), WA_TOKEN, { mode: 0o400 });
    fs.writeFileSync(path.join(dir, 'xa.token'), JSON.stringify({ accessToken: 'a', refreshToken: 'r', clientId: 'c', expiresAt: 1 }), { mode: 0o400 });
    const kinds: Record<string, 'whatsapp' | 'x'> = { wa: 'whatsapp', xa: 'x' };
    const vault = channelVault(new CredentialsDirSecrets(dir), async (id) => kinds[id]);
    expect(JSON.parse((await vault.get('channel:wa'))!)).toEqual({ accessToken: WA_TOKEN });
    expect(JSON.parse((await vault.get('channel:xa'))!)).toMatchObject({ refreshToken: 'r' });
    expect(await vault.get('channel:unknown')).toBeNull();
    await expect(vault.set('channel:wa', 'x')).rejects.toMatchObject({ code: 'hub_secrets_read_only' });
  });

  it('takes webhook limits and flood rates in its configuration, and refuses nonsense with the path', () => {
    const base = { nodeId: 'n1', database: { sqlite: '/tmp/h.sqlite' }, listen: {}, tls: { certFile: 'c.pem' }, custodian: { url: 'https://custodian.office.example:9643', pin: 'A'.repeat(43) + '=' }, officeRanges: ['10.0.0.0/8'] };
    const example = parseHubConfig(JSON.parse(fs.readFileSync('docs/examples/hub.json', 'utf8')));
    expect(example.webhooks?.flood.perSender.burst).toBe(20);
    // The example's relay section is the defaults written out.
    expect(example.relay).toEqual({ maxWaitingPerDesk: 10_000, warnAfterHours: 24, maxAgeDays: 14, sweepMinutes: 10 });
    expect(example.relay).toEqual(relayBounds(parseHubConfig({ ...base })));
    expect(() => parseHubConfig({ ...base, relay: { sweepMinutes: 0 } })).toThrow(/relay\.sweepMinutes/);
    expect(() => parseHubConfig({ ...base, webhooks: { maxBodyBytes: 10 } })).toThrow(/webhooks\.maxBodyBytes/);
    expect(() => parseHubConfig({ ...base, webhooks: { flood: { perSender: { perMinute: -1, burst: 1 } } } })).toThrow(/webhooks\.flood\.perSender\.perMinute/);
  });

  it('takes surge and collapse thresholds as IT settings (the single seat\'s by default), and refuses them out of range in a sentence', () => {
    const base = { nodeId: 'n1', database: { sqlite: '/tmp/h.sqlite' }, listen: {}, tls: { certFile: 'c.pem' }, custodian: { url: 'https://custodian.office.example:9643', pin: 'A'.repeat(43) + '=' }, officeRanges: ['10.0.0.0/8'] };
    const flood = (f: unknown) => webhookLimits(parseHubConfig({ ...base, webhooks: { flood: f } })).flood;
    expect(webhookLimits(parseHubConfig(base)).flood).toMatchObject({ surge: { factor: 5, exitFactor: 2, minPerMinute: 300 }, collapseAfterCopies: 3, collapseAfterCopiesInSurge: 2 });
    expect(flood({})).toMatchObject({ surge: { factor: 5, exitFactor: 2, minPerMinute: 300 }, collapseAfterCopies: 3, collapseAfterCopiesInSurge: 2 });
    expect(flood({ surge: { factor: 8, minPerMinute: 1000 }, collapseAfterCopies: 6 })).toMatchObject({ surge: { factor: 8, exitFactor: 2, minPerMinute: 1000 }, collapseAfterCopies: 6, collapseAfterCopiesInSurge: 2 });
    const refused = (f: unknown) => {
      try {
        flood(f);
      } catch (e) {
        expect((e as { code: string }).code).toBe('hub_config_invalid');
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refused({ surge: { factor: 3, exitFactor: 4 } })).toBe('the hub configuration is not valid: webhooks.flood.surge.exitFactor must be smaller than factor, or surge mode would flap on and off.');
    expect(refused({ surge: { factor: 1.2 } })).toBe("the hub configuration is not valid: webhooks.flood.surge.factor must be at least 1.5 (times the channel's learned volume).");
    expect(refused({ surge: { minPerMinute: 5 } })).toBe('the hub configuration is not valid: webhooks.flood.surge.minPerMinute must be at least 10 messages a minute.');
    expect(refused({ collapseAfterCopies: 1 })).toBe('the hub configuration is not valid: webhooks.flood.collapseAfterCopies must be at least 2 (one copy is not a campaign).');
    expect(refused({ collapseAfterCopies: 3, collapseAfterCopiesInSurge: 4 })).toBe(
      'the hub configuration is not valid: webhooks.flood.collapseAfterCopiesInSurge must not be larger than collapseAfterCopies: surge mode collapses sooner, never later.',
    );
  });
});

describe('diwan hub and the retired diwan relay (command line)', () => {
  it('makes a certificate and key for the hub and prints the pin consoles need', async () => {
    const out = path.join(tmpDir(), 'tls');
    const t = io();
    expect(await runCli(['hub', 'tls', '--name', 'hub.office.example,127.0.0.1', '--out', out], t.io)).toBe(0);
    const cert = fs.readFileSync(path.join(out, 'hub-cert.pem'), 'utf8');
    expect(t.out()).toContain(`Pin for consoles: ${spkiPin(cert)}`);
    expect(fs.statSync(path.join(out, 'hub-key.pem')).mode & 0o777).toBe(0o600);
    expect(new crypto.X509Certificate(cert).subjectAltName).toMatch(/DNS:hub\.office\.example.*IP Address:127\.0\.0\.1/);
  });

  it('stores a secret from stdin in the keychain, never echoing it', async () => {
    const { service } = testKeychain();
    const t = io({}, `${APP_SECRET}\n`);
    expect(await runCli(['hub', 'secret', 'set', 'wa-main.app-secret', '--keychain-service', service], t.io)).toBe(0);
    expect(await loadOsKeychain().getPassword(service, 'hub:wa-main.app-secret')).toBe(APP_SECRET);
    expect(t.out()).not.toContain(APP_SECRET);
    await loadOsKeychain().deletePassword(service, 'hub:wa-main.app-secret');
  });

  it.each([
    [['--config', '/etc/diwan-relay/relay.json'], /`diwan hub run --config FILE`/],
    [['secret', 'set', 'wa-main.app-secret'], /`diwan hub secret set wa-main\.app-secret`/],
    [['tls', '--name', 'relay.example', '--out', '/tmp/x'], /`diwan hub tls --name HOST --out DIR`/],
  ])('`diwan relay %s` says in one sentence that the relay is part of the hub, and what replaces it', async (args, replacement) => {
    const t = io();
    expect(await runCli(['relay', ...args], t.io)).toBe(2);
    expect(t.err()).toMatch(/^The relay is now part of the hub/);
    expect(t.err()).toMatch(replacement);
    expect(t.err().trim().split('\n')).toHaveLength(1);
    expect(t.out()).toBe('');
  });
});
