import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { newTotpSecret, totpCode } from '../../main/core/auth';
import type { RunningCustodian } from '../../main/custodian';
import { HUB_SCHEMA_VERSION, loadHubConfig, startHubNode, type RunningHub } from '../../main/hub';
import { CredentialsDirSecrets } from '../../main/hub';
import { TestDesk } from '../helpers/hub-desk';
import { startTestCustodian } from './custody-fixture';
import { embeddedHubConfigFile, hubFiles, PASSWORD, type HubFiles } from './harness';

function cli(stdin = '') {
  const out: string[] = [];
  const sink = new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) });
  return { io: { stdin: Readable.from(stdin ? [stdin] : []), stdout: sink, stderr: sink, env: { CREDENTIALS_DIRECTORY: '' } }, out: () => out.join('') };
}

/**
 * The same hub code on the embedded SQLite adapter, set up the way IT does it from the command line: migrate,
 * users, a device, then a node; and a team's administration through the API (create, disable, re-enable, reset the
 * second factor, channels), with the permission table enforced.
 */
describe('hub on SQLite, administered from the command line and the API', () => {
  let files: HubFiles;
  let configFile: string;
  let hub: RunningHub;
  let custodian: RunningCustodian;
  const agent = new Agent({ connect: { rejectUnauthorized: false } });
  const desk = new TestDesk();
  const { publicKeyPem, fingerprint } = desk;
  const run = async (args: string[], stdin = '') => {
    const c = cli(stdin);
    c.io.env.CREDENTIALS_DIRECTORY = files.credentials;
    const code = await runCli(['hub', ...args, '--config', configFile], c.io);
    return { code, out: c.out() };
  };

  async function call(method: 'GET' | 'POST', p: string, json?: unknown, token?: string) {
    const r = await request(`${hub.url}${p}`, {
      method,
      dispatcher: agent,
      headers: { ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: json !== undefined ? JSON.stringify(json) : undefined,
    });
    return { status: r.statusCode, body: (await r.body.json()) as Record<string, unknown> };
  }

  async function passwordStep(username: string) {
    return desk.signIn((p, json) => call('POST', p, json), username, PASSWORD);
  }

  async function signIn(username: string): Promise<string> {
    const s = await passwordStep(username);
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    expect(s.body.stage).toBe('full');
    return String(s.body.token);
  }

  beforeAll(async () => {
    files = await hubFiles();
    custodian = await startTestCustodian(files.custody);
    configFile = embeddedHubConfigFile(files, 'embedded.json');
    fs.writeFileSync(path.join(files.dir, 'device.pem'), publicKeyPem);
  });

  afterAll(async () => {
    await hub?.close();
    await custodian?.close();
    await agent.close();
  });

  it('says a fresh database needs migrating, migrates once, then reports in words', async () => {
    const before = await run(['status']);
    expect(before.code).toBe(1);
    expect(before.out).toMatch(/diwan hub migrate/);
    expect((await run(['migrate'])).out).toMatch(new RegExp(`from schema 0 to ${HUB_SCHEMA_VERSION}\\b`));
    expect((await run(['migrate'])).out).toMatch(new RegExp(`already at schema ${HUB_SCHEMA_VERSION}\\b`));
    expect(await run(['user', 'add', 'admin1', '--role', 'admin'], PASSWORD)).toMatchObject({ code: 0 });
    expect(await run(['user', 'add', 'amal', '--role', 'agent'], PASSWORD)).toMatchObject({ code: 0 });
    expect((await run(['user', 'add', 'weak', '--role', 'agent'], 'short')).code).not.toBe(0);
    expect((await run(['device', 'enrol', '--public-key', path.join(files.dir, 'device.pem'), '--label', 'front desk'])).out).toContain(fingerprint);
    expect((await run(['channel', 'add', '--id', 'tg', '--kind', 'telegram', '--name', 'Support bot'])).code).toBe(0);
    // A channel relayed to desks (protocol v1) names enrolled devices only; fingerprints as Diwan shows them are fine.
    const relayed = (relayTo: unknown) => run(['channel', 'add', '--id', 'wa', '--kind', 'whatsapp', '--name', 'WhatsApp', '--settings', JSON.stringify({ phoneNumberId: '420000000000002', relayTo })]);
    const stranger = 'ab'.repeat(32);
    const refused = await relayed([stranger]);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toContain(`device ${stranger} in relayTo is not enrolled at this hub. Enrol it first`);
    expect((await run(['channel', 'add', '--id', 'tg2', '--kind', 'telegram', '--name', 'Bot', '--settings', JSON.stringify({ relayTo: [fingerprint] })])).out).toMatch(/only webhook channels .* can be relayed to desks/);
    expect((await relayed(['not-a-fingerprint'])).out).toMatch(/is not a device fingerprint \(64 hexadecimal digits\)/);
    expect((await relayed([fingerprint.toUpperCase().replace(/(.{4})/g, '$1:').slice(0, -1)])).code).toBe(0);
    expect((await run(['status'])).out).toContain('channel wa (whatsapp): enabled, relayed to 1 desk');
    const status = await run(['status']);
    expect(status.code).toBe(0);
    expect(status.out).toMatch(/audit: intact, \d+ entries/);
    expect((await run(['user', 'list'])).out).toMatch(/amal\tagent\tactive/);
  });

  it('runs the hub on SQLite and administers the team through the API, by role', async () => {
    hub = await startHubNode({ config: loadHubConfig(configFile), secrets: new CredentialsDirSecrets(files.credentials), log: () => {} });
    const admin = await signIn('admin1');
    const agentToken = await signIn('amal');

    // An agent may not administer; an administrator may not read conversations.
    expect((await call('POST', '/v1/admin/users', { username: 'x1', role: 'agent', password: PASSWORD }, agentToken)).status).toBe(403);
    expect((await call('GET', '/v1/conversations', undefined, admin)).status).toBe(403);

    // Any role from a console (this hub's policy wants no second administrator for it); audited at the hub.
    const lead = await call('POST', '/v1/admin/users', { username: 'lina', role: 'lead', password: PASSWORD }, admin);
    expect(lead).toMatchObject({ status: 200, body: { member: { username: 'lina', role: 'lead', disabled: false }, roleGrant: null } });
    expect(((await passwordStep('lina')).body.user as { role: string }).role).toBe('lead');
    const made = await hub.store.q.get<{ actor: string; details: string }>("SELECT actor, details FROM audit WHERE action = 'user.created' ORDER BY seq DESC LIMIT 1");
    expect(made!.actor).toBe('admin1');
    expect(JSON.parse(made!.details)).toMatchObject({ username: 'lina', role: 'lead', authority: 'administrator' });
    const created = await call('POST', '/v1/admin/users', { username: 'badr', displayName: 'Badr', role: 'agent', password: PASSWORD }, admin);
    expect(created.status).toBe(200);
    const badrId = (created.body.member as { id: number }).id;
    const badr = await signIn('badr');
    expect((await call('GET', '/v1/me', undefined, badr)).status).toBe(200);

    expect((await call('POST', `/v1/admin/users/${badrId}`, { disabled: true }, admin)).status).toBe(200);
    expect((await call('GET', '/v1/me', undefined, badr)).status).toBe(401);
    expect((await call('POST', `/v1/admin/users/${badrId}`, { disabled: false, channels: ['tg'] }, admin)).body).toMatchObject({ channels: ['tg'] });
    expect((await call('POST', `/v1/admin/users/${badrId}`, { resetSecondFactor: true }, admin)).status).toBe(200);

    // With a second factor enrolled, the password step gives a token good only for the code.
    const secret = newTotpSecret();
    await hub.store.updateUser(badrId, { totpSecret: secret }, { actor: 'it:test', action: 'user.second_factor_enrolled' });
    const half = await passwordStep('badr');
    expect(half.body.stage).toBe('second-factor');
    expect((await call('GET', '/v1/me', undefined, String(half.body.token))).status).toBe(401);
    const wrong = await call('POST', '/v1/sign-in/second-factor', { code: '000000' === totpCode(secret, Date.now()) ? '111111' : '000000' }, String(half.body.token));
    expect(wrong).toMatchObject({ status: 403, body: { error: 'second_factor_invalid' } });
    const full = await call('POST', '/v1/sign-in/second-factor', { code: totpCode(secret, Date.now()) }, String(half.body.token));
    expect(full.body.stage).toBe('full');
    expect((await call('GET', '/v1/me', undefined, String(full.body.token))).status).toBe(200);

    const team = await call('GET', '/v1/team', undefined, agentToken);
    expect((team.body.members as Array<{ username: string }>).map((m) => m.username)).toEqual(['admin1', 'amal', 'badr', 'lina']);
    const audit = await run(['status']);
    expect(audit.out).toMatch(/audit: intact/);
  });

  it("lets IT reset a second factor on the hub host (IT's own authority, no second administrator), audited under IT's name", async () => {
    const badr = (await hub.store.userByName('badr'))!;
    await hub.store.updateUser(badr.id, { totpSecret: newTotpSecret() }, { actor: 'it:test', action: 'user.second_factor_enrolled' });
    const r = await run(['user', 'reset-2fa', 'badr']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Removed the second factor of "badr"/);
    expect((await hub.store.userById(badr.id))!.totpSecret).toBeNull();
    const last = await hub.store.q.get<{ actor: string; target: string }>("SELECT actor, target FROM audit WHERE action = 'user.second_factor_reset' ORDER BY seq DESC LIMIT 1");
    expect(last).toEqual({ actor: expect.stringMatching(/^it:/), target: `user:${badr.id}` });
    expect((await run(['status'])).out).toMatch(/audit: intact/);
  });
});
