import { describe, expect, it } from 'vitest';
import { ROLES_WAIT_FOR_A_SECOND_ADMIN, teamConsoleSuite } from '../helpers/team-console';
import { PASSWORD } from './harness';

type User = { id: string; username: string; role: string; disabled: boolean; pendingRole?: string };

/**
 * Administration for a team (issue 16 item 5): an administrator's console creates people of any role at the hub (two
 * nodes, their own processes, a real PostgreSQL) whose policy wants a second administrator for privileged roles; the
 * second administrator confirms from another window; the lead and the auditor then sign in with their roles; an agent
 * cannot do any of it; every step is in the hub's trail.
 */
describe('team mode: accounts of any role from the console', () => {
  const desk = teamConsoleSuite(ROLES_WAIT_FOR_A_SECOND_ADMIN);

  it('creates a lead and an auditor, confirmed by a second administrator, who then sign in with their roles', async () => {
    const aziz = await desk.window();
    const bushra = await desk.window();
    const amal = await desk.window();
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
    const linaDesk = await desk.window();
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
    const omarDesk = await desk.window();
    expect(await omarDesk.ok('signIn', { username: 'omar', password: PASSWORD })).toMatchObject({ status: 'signed_in' });
    expect(await omarDesk.ok('getSession')).toMatchObject({ user: { username: 'omar', role: 'auditor' } });

    // Lowering a role takes one administrator and ends the person's sessions.
    expect(await aziz.ok<User>('setUserRole', { userId: audit.id, role: 'agent' })).toMatchObject({ role: 'agent' });
    expect((await desk.team.seed.store.userByName('omar'))!.role).toBe('agent');

    const trail = await desk.team.seed.store.q.all<{ actor: string; action: string }>(
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
    expect((await desk.team.seed.store.verifyAudit()).broken).toBeNull();
  });
});
