import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../bridge/server';
import { testKeychain } from '../helpers/keychain';
import { interfaces, makeSigner, managedLocation, policyBody, siteFor, startTestBeacon, writeSignedPolicy } from '../helpers/network';
import { tmpDir } from '../helpers/tmp';
import { PASSWORD, startTeamHub, until } from './harness';

type Result = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
type User = { id: string; username: string; role: string; disabled: boolean; pendingRole?: string };

/** A window of the console: its own session cookie; each call goes through the contract, as the renderer's would. */
async function openWindow(bridge: RunningBridge, url: string) {
  const opened = await fetch(url, { redirect: 'manual' });
  const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
  const call = async (channel: string, request: unknown = {}) =>
    (await (
      await fetch(`${bridge.origin}/__bridge/ipc/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: bridge.origin }, body: JSON.stringify(request) })
    ).json()) as Result;
  const ok = async <T = unknown,>(channel: string, request: unknown = {}) => {
    const r = await call(channel, request);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
    return r.value as T;
  };
  return { call, ok };
}

/**
 * Administration for a team (issue 16 item 5): an administrator's console creates people of any role at the hub (two
 * nodes, their own processes, a real PostgreSQL) whose policy wants a second administrator for privileged roles; the
 * second administrator confirms from another window; the lead and the auditor then sign in with their roles; an agent
 * cannot do any of it; every step is in the hub's trail.
 */
describe('team mode: accounts of any role from the console', () => {
  let team: Awaited<ReturnType<typeof startTeamHub<'aziz' | 'bushra' | 'amal'>>>;
  let bridge: RunningBridge;

  beforeAll(async () => {
    team = await startTeamHub({
      users: [
        { username: 'aziz', role: 'admin' },
        { username: 'bushra', role: 'admin' },
        { username: 'amal', role: 'agent' },
      ],
      nodes: 2,
      nodeConfig: { sessions: { idleMinutes: 15, requireTwoFactor: false, roleGrantNeedsSecondAdmin: true } },
    });
    const beacon = await startTestBeacon('hq');
    const signer = makeSigner();
    const loc = managedLocation([signer]);
    writeSignedPolicy(loc.policyFile, policyBody([siteFor('hq', beacon, ['10.20.0.0/16'])], { hub: { url: team.lb.url, pin: team.files.pin } }), signer);
    const { keychain, service } = testKeychain();
    bridge = await startBridge({
      dataDir: tmpDir(),
      rendererDir: tmpDir(),
      keychain,
      keychainService: service,
      network: { ...loc, interfaces: () => interfaces({ eth0: ['10.20.1.5'] }), dnsSuffixes: async () => [], debounceMs: 10 },
    });
    await until(async () => (bridge.core.gate.current()?.state === 'office' ? true : null), 'the gate to find the office');
    await until(async () => (bridge.core.team()?.url === team.lb.url ? true : null), 'the console to take the hub from the policy');
    const device = bridge.core.identity.deviceIdentity;
    await team.seed.store.enrolDevice({ fingerprint: device.fingerprint, publicKey: device.publicKeyPem, label: 'admin desk' }, { actor: 'it:test' });
  }, 240_000);

  afterAll(async () => {
    await bridge?.close();
    await team?.close();
  }, 120_000);

  it('creates a lead and an auditor, confirmed by a second administrator, who then sign in with their roles', async () => {
    const aziz = await openWindow(bridge, bridge.url);
    const bushra = await openWindow(bridge, bridge.anotherWindow());
    const amal = await openWindow(bridge, bridge.anotherWindow());
    expect(await aziz.ok('signIn', { username: 'aziz', password: PASSWORD })).toMatchObject({ status: 'signed_in' });
    expect(await bushra.ok('signIn', { username: 'bushra', password: PASSWORD })).toMatchObject({ status: 'signed_in' });
    expect(await amal.ok('signIn', { username: 'amal', password: PASSWORD })).toMatchObject({ status: 'signed_in' });

    // An agent's console: the contract refuses before the hub; the hub would refuse too.
    expect(await amal.call('createUser', { username: 'x1', displayName: '', role: 'agent', password: PASSWORD })).toMatchObject({ ok: false });

    const lina = await aziz.ok<User>('createUser', { username: 'lina', displayName: 'Lina', role: 'lead', password: PASSWORD });
    expect(lina).toMatchObject({ role: 'agent', disabled: true, pendingRole: 'lead' });
    const audit = await aziz.ok<User>('createUser', { username: 'omar', displayName: 'Omar', role: 'agent', password: PASSWORD });
    expect(audit).toMatchObject({ role: 'agent', disabled: false });
    expect(await aziz.ok<User>('setUserRole', { userId: audit.id, role: 'auditor' })).toMatchObject({ role: 'agent', pendingRole: 'auditor' });
    const listed = await aziz.ok<{ users: User[] }>('listUsers');
    expect(listed.users.find((u) => u.username === 'lina')).toMatchObject({ pendingRole: 'lead' });

    // Not yet: Lina's account is disabled until confirmed.
    const linaDesk = await openWindow(bridge, bridge.anotherWindow());
    expect(await linaDesk.call('signIn', { username: 'lina', password: PASSWORD })).toMatchObject({ ok: false });

    const grants = await bushra.ok<{ requests: Array<{ grantId: string; username: string; role: string; requestedBy: string }> }>('listRoleGrants');
    expect(grants.requests.map((g) => [g.username, g.role, g.requestedBy])).toEqual([
      ['lina', 'lead', 'aziz'],
      ['omar', 'auditor', 'aziz'],
    ]);
    // The one who asked cannot confirm; the hub says why.
    const own = await aziz.call('confirmRoleGrant', { grantId: grants.requests[0]!.grantId });
    expect(own).toMatchObject({ ok: false, error: { code: 'role_request_same_admin' } });
    for (const g of grants.requests) await bushra.ok('confirmRoleGrant', { grantId: g.grantId });

    expect(await linaDesk.ok('signIn', { username: 'lina', password: PASSWORD })).toMatchObject({ status: 'signed_in' });
    expect(await linaDesk.ok('getSession')).toMatchObject({ user: { username: 'lina', role: 'lead' } });
    const omarDesk = await openWindow(bridge, bridge.anotherWindow());
    expect(await omarDesk.ok('signIn', { username: 'omar', password: PASSWORD })).toMatchObject({ status: 'signed_in' });
    expect(await omarDesk.ok('getSession')).toMatchObject({ user: { username: 'omar', role: 'auditor' } });

    // Lowering a role takes one administrator and ends the person's sessions.
    expect(await aziz.ok<User>('setUserRole', { userId: audit.id, role: 'agent' })).toMatchObject({ role: 'agent' });
    expect((await team.seed.store.userByName('omar'))!.role).toBe('agent');

    const trail = await team.seed.store.q.all<{ actor: string; action: string }>(
      "SELECT actor, action FROM audit WHERE action IN ('user.created', 'user.role_requested', 'user.role_changed') AND actor IN ('aziz', 'bushra') ORDER BY seq",
    );
    expect(trail.map((r) => `${r.actor} ${r.action}`)).toEqual([
      'aziz user.created',
      'aziz user.role_requested',
      'aziz user.created',
      'aziz user.role_requested',
      'bushra user.role_changed',
      'bushra user.role_changed',
      'aziz user.role_changed',
    ]);
    expect((await team.seed.store.verifyAudit()).broken).toBeNull();
  });
});
