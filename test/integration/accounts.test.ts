import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { AUDIT_ACTIONS } from '../../main/core/audit';
import { newSessionSlot, totpCode } from '../../main/core/auth';
import { loadOsKeychain } from '../../main/core/vault';
import { createMainDispatch } from '../../main/ipc';
import { testCore } from '../helpers/core';
import { caller, entriesOf, TEST_PASSWORD, TestClock } from '../helpers/identity';

let core: Core | undefined;
afterEach(() => core?.close());

async function setup(opts: Parameters<typeof testCore>[0] = {}) {
  const clock = new TestClock();
  const c = await testCore({ clock, ...opts });
  core = c;
  return { core: c, clock, call: caller(createMainDispatch(c)) };
}

async function withAdmin(opts: Parameters<typeof testCore>[0] = {}) {
  const t = await setup(opts);
  const admin = newSessionSlot();
  const r = await t.call(admin, 'createAdmin', { username: 'Admin', displayName: 'IT admin', password: TEST_PASSWORD });
  expect(r).toMatchObject({ ok: true, value: { signedIn: true, user: { username: 'admin', role: 'admin' } } });
  return { ...t, admin };
}

function secretOf(uri: string): string {
  return new URL(uri).searchParams.get('secret')!;
}

describe('first start and sign-in', () => {
  it('creates the administrator once, on first start, with an Argon2id hash', async () => {
    const t = await setup();
    const slot = newSessionSlot();
    expect(await t.call(slot, 'getSession')).toMatchObject({ ok: true, value: { needsAdmin: true, signedIn: false } });
    expect(await t.call(slot, 'createAdmin', { username: 'admin', password: 'short' })).toMatchObject({ ok: false, error: { code: 'password_too_short' } });
    expect(await t.call(slot, 'createAdmin', { username: 'admin', displayName: 'IT', password: TEST_PASSWORD })).toMatchObject({ ok: true });
    const again = await t.call(newSessionSlot(), 'createAdmin', { username: 'other', password: TEST_PASSWORD });
    expect(again).toMatchObject({ ok: false, error: { code: 'setup_done' } });
    const { password_hash } = t.core.db.prepare('SELECT password_hash FROM users').get() as { password_hash: string };
    expect(password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(entriesOf(t.core, AUDIT_ACTIONS.adminCreated)).toHaveLength(1);
    const view = await t.call(slot, 'getSession');
    expect(view).toMatchObject({ ok: true, value: { needsAdmin: false, signedIn: true, permissions: expect.arrayContaining(['users.manage']) } });
    expect(JSON.stringify(view)).not.toContain(slot.sessionId!);
  });

  it('signs in and out; a wrong password says nothing about which part was wrong', async () => {
    const t = await withAdmin();
    await t.call(t.admin, 'createUser', { username: 'amal', role: 'agent', password: TEST_PASSWORD });
    const slot = newSessionSlot();
    const unknown = await t.call(slot, 'signIn', { username: 'nobody', password: TEST_PASSWORD });
    const wrong = await t.call(slot, 'signIn', { username: 'amal', password: 'wrong password!!' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'sign_in_failed' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'sign_in_failed' } });
    expect(!unknown.ok && !wrong.ok && unknown.error.message === wrong.error.message).toBe(true);
    expect(await t.call(slot, 'signIn', { username: 'AMAL', password: TEST_PASSWORD })).toMatchObject({ ok: true, value: { status: 'signed_in' } });
    expect(await t.call(slot, 'getSession')).toMatchObject({ ok: true, value: { user: { username: 'amal', role: 'agent' } } });
    expect(await t.call(slot, 'signOut')).toMatchObject({ ok: true });
    expect(await t.call(slot, 'changePassword', { current: TEST_PASSWORD, next: 'another long password' })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect(entriesOf(t.core, AUDIT_ACTIONS.signInFailed).map((e) => e.details.reason)).toEqual(['unknown_user', 'bad_password']);
    expect(entriesOf(t.core, AUDIT_ACTIONS.signIn)).toHaveLength(1);
    expect(entriesOf(t.core, AUDIT_ACTIONS.signOut)).toHaveLength(1);
  });
});

describe('lock-out with growing delays (injected clock)', () => {
  it('locks after the 5th failure for 30 s, doubles with each further failure, caps at 15 min, and resets on success', async () => {
    const t = await withAdmin();
    await t.call(t.admin, 'createUser', { username: 'bilal', role: 'agent', password: TEST_PASSWORD });
    const slot = newSessionSlot();
    const bad = () => t.call(slot, 'signIn', { username: 'bilal', password: 'not the password' });
    for (let i = 0; i < 4; i++) expect(await bad()).toMatchObject({ ok: false, error: { code: 'sign_in_failed' } });
    const fifth = await bad();
    expect(fifth).toMatchObject({ ok: false, error: { code: 'sign_in_failed', details: { retryAfterSeconds: 30 } } });

    // While locked even the right password is refused, without being checked.
    t.clock.advance(29_000);
    expect(await t.call(slot, 'signIn', { username: 'bilal', password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'locked_out', details: { retryAfterSeconds: 1 } },
    });
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      t.clock.advance(t.core.identity.throttle.waitFor('bilal'));
      const r = await bad();
      delays.push(!r.ok ? Number(r.error.details?.retryAfterSeconds) : -1);
    }
    expect(delays).toEqual([60, 120, 240, 480, 900, 900, 900, 900]);
    t.clock.advance(900_000);
    expect(await t.call(slot, 'signIn', { username: 'bilal', password: TEST_PASSWORD })).toMatchObject({ ok: true });
    expect(t.core.identity.throttle.waitFor('bilal')).toBe(0);
    await t.call(slot, 'signOut');
    for (let i = 0; i < 4; i++) await bad();
    expect(t.core.identity.throttle.waitFor('bilal')).toBe(0);
    expect(entriesOf(t.core, AUDIT_ACTIONS.signInFailed).filter((e) => e.details.reason === 'locked_out')).toHaveLength(1);
  });

  it('checks no more passwords than the free attempts and the one that locks when a window sends its guesses at once', async () => {
    const t = await withAdmin();
    await t.call(t.admin, 'createUser', { username: 'bilal', role: 'agent', password: TEST_PASSWORD });
    const free = t.core.identity.throttle;
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => t.call(newSessionSlot(), 'signIn', { username: 'bilal', password: `guess number ${i}` })));
    const codes = answers.map((a) => (a.ok ? 'signed_in' : a.error.code));
    expect(codes.filter((c) => c === 'sign_in_failed').length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 'locked_out').length).toBeGreaterThanOrEqual(7);
    expect(entriesOf(t.core, AUDIT_ACTIONS.signInFailed).filter((e) => e.details.reason === 'bad_password').length).toBeLessThanOrEqual(5);
    expect(free.waitFor('bilal')).toBeGreaterThan(0);
    // A signed-in person's password change at once, from their window: the same count and lock.
    await t.call(newSessionSlot(), 'signOut');
    t.clock.advance(free.waitFor('bilal') + 24 * 60 * 60_000 + 1);
    const slot = newSessionSlot();
    expect(await t.call(slot, 'signIn', { username: 'bilal', password: TEST_PASSWORD })).toMatchObject({ ok: true });
    const changes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => t.call(slot, 'changePassword', { current: `guess number ${i}`, next: 'a brand new password phrase' })),
    );
    expect(changes.filter((c) => !c.ok && c.error.code === 'password_wrong').length).toBeLessThanOrEqual(5);
    expect(free.waitFor('bilal')).toBeGreaterThan(0);
  });

  it('throttles unknown usernames the same way, kept in the database', async () => {
    const t = await withAdmin();
    for (let i = 0; i < 5; i++) await t.call(newSessionSlot(), 'signIn', { username: 'ghost', password: 'whatever it is' });
    expect(t.core.identity.throttle.waitFor('ghost')).toBe(30_000);
    expect(t.core.db.prepare('SELECT failures FROM login_throttle WHERE username = ?').get('ghost')).toEqual({ failures: 5 });
  });
});

describe('TOTP second factor and recovery codes', () => {
  async function enrolled() {
    const t = await withAdmin();
    const begin = await t.call(t.admin, 'beginTotpEnrolment');
    if (!begin.ok) throw new Error(JSON.stringify(begin));
    const { otpauthUri, qrDataUrl } = begin.value as { otpauthUri: string; qrDataUrl: string };
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Diwan:admin\?.*algorithm=SHA1&digits=6&period=30/);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const secret = secretOf(otpauthUri);
    expect(await t.call(t.admin, 'confirmTotpEnrolment', { code: '000000' === totpCode(secret, t.clock.t) ? '111111' : '000000' })).toMatchObject({
      ok: false,
      error: { code: 'totp_code_wrong' },
    });
    const confirm = await t.call(t.admin, 'confirmTotpEnrolment', { code: totpCode(secret, t.clock.t) });
    if (!confirm.ok) throw new Error(JSON.stringify(confirm));
    const { recoveryCodes } = confirm.value as { recoveryCodes: string[] };
    await t.call(t.admin, 'signOut');
    t.clock.advance(90_000);
    return { ...t, secret, recoveryCodes };
  }

  async function passwordStep(t: Awaited<ReturnType<typeof enrolled>>) {
    const slot = newSessionSlot();
    expect(await t.call(slot, 'signIn', { username: 'admin', password: TEST_PASSWORD })).toMatchObject({ ok: true, value: { status: 'second_factor' } });
    expect(await t.call(slot, 'getSession')).toMatchObject({ ok: true, value: { signedIn: false, pendingSecondFactor: true } });
    expect(await t.call(slot, 'listUsers')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    return slot;
  }

  it('counts codes sent at once from one window before checking them, and keeps the count when the password is given again', async () => {
    const t = await enrolled();
    const current = new Set([-1, 0, 1].map((d) => totpCode(t.secret, t.clock.t + d * 30_000)));
    const wrong = Array.from({ length: 40 }, (_, i) => String(100_000 + i * 7_919)).filter((c) => !current.has(c));
    let slot = await passwordStep(t);
    const answers = await Promise.all(Array.from({ length: 12 }, () => t.call(slot, 'signInSecondFactor', { code: wrong.pop()! })));
    expect(answers.filter((a) => !a.ok && a.error.code === 'sign_in_failed').length).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => !a.ok && a.error.code === 'locked_out').length).toBeGreaterThanOrEqual(7);
    // After the lock, the right password does not start the count of codes again.
    t.clock.advance(t.core.identity.throttle.waitFor('admin'));
    slot = await passwordStep(t);
    expect(await t.call(slot, 'signInSecondFactor', { code: wrong.pop()! })).toMatchObject({ ok: false, error: { code: 'sign_in_failed', details: { retryAfterSeconds: 60 } } });
  });

  it('accepts the code of the current step and one step either side, never twice, never further off', async () => {
    const t = await enrolled();
    const codeAt = (offsetSteps: number) => totpCode(t.secret, t.clock.t + offsetSteps * 30_000);

    let slot = await passwordStep(t);
    expect(await t.call(slot, 'signInSecondFactor', { code: codeAt(-2) })).toMatchObject({ ok: false, error: { code: 'sign_in_failed' } });
    expect(await t.call(slot, 'signInSecondFactor', { code: codeAt(2) })).toMatchObject({ ok: false, error: { code: 'sign_in_failed' } });
    expect(await t.call(slot, 'signInSecondFactor', { code: codeAt(-1) })).toMatchObject({ ok: true, value: { status: 'signed_in' } });
    await t.call(slot, 'signOut');

    slot = await passwordStep(t);
    expect(await t.call(slot, 'signInSecondFactor', { code: codeAt(-1) })).toMatchObject({ ok: false, error: { code: 'sign_in_failed' } });
    expect(await t.call(slot, 'signInSecondFactor', { code: codeAt(1) })).toMatchObject({ ok: true });
    await t.call(slot, 'signOut');

    // The same code again (a replay within its window) is refused.
    slot = await passwordStep(t);
    expect(await t.call(slot, 'signInSecondFactor', { code: codeAt(1) })).toMatchObject({ ok: false });
    expect(entriesOf(t.core, AUDIT_ACTIONS.signIn).map((e) => e.details.method)).toEqual(['password+totp', 'password+totp']);
  });

  it('gives ten recovery codes that each work once, stored only as hashes', async () => {
    const t = await enrolled();
    expect(t.recoveryCodes).toHaveLength(10);
    expect(new Set(t.recoveryCodes).size).toBe(10);
    for (const c of t.recoveryCodes) expect(c).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const stored = JSON.stringify(t.core.db.prepare('SELECT * FROM recovery_codes').all());
    for (const c of t.recoveryCodes) expect(stored).not.toContain(c.replace(/-/g, ''));

    let slot = await passwordStep(t);
    expect(await t.call(slot, 'signInSecondFactor', { recoveryCode: t.recoveryCodes[3]!.toLowerCase() })).toMatchObject({ ok: true });
    await t.call(slot, 'signOut');
    slot = await passwordStep(t);
    expect(await t.call(slot, 'signInSecondFactor', { recoveryCode: t.recoveryCodes[3] })).toMatchObject({ ok: false, error: { code: 'sign_in_failed' } });
    expect(await t.call(slot, 'signInSecondFactor', { code: '123456', recoveryCode: t.recoveryCodes[4] })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await t.call(slot, 'signInSecondFactor', { recoveryCode: t.recoveryCodes[4] })).toMatchObject({ ok: true });
    const methods = entriesOf(t.core, AUDIT_ACTIONS.signIn).map((e) => [e.details.method, e.details.unusedCodesLeft]);
    expect(methods).toEqual([
      ['password+recovery_code', 9],
      ['password+recovery_code', 8],
    ]);
  });

  it('the second step expires and cannot be skipped', async () => {
    const t = await enrolled();
    const slot = await passwordStep(t);
    t.clock.advance(5 * 60_000 + 1);
    expect(await t.call(slot, 'signInSecondFactor', { code: totpCode(t.secret, t.clock.t) })).toMatchObject({
      ok: false,
      error: { code: 'no_pending_sign_in' },
    });
    expect(await t.call(newSessionSlot(), 'signInSecondFactor', { code: '123456' })).toMatchObject({ ok: false, error: { code: 'no_pending_sign_in' } });
  });

  it('when the policy makes it mandatory, a user without it can only enrol', async () => {
    const t = await withAdmin({ identityPolicy: { requireTwoFactor: true } });
    const view = await t.call(t.admin, 'getSession');
    expect(view).toMatchObject({ ok: true, value: { permissions: ['session'], twoFactor: { required: true, mustEnrol: true } } });
    expect(await t.call(t.admin, 'listUsers')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const begin = await t.call(t.admin, 'beginTotpEnrolment');
    const secret = secretOf((begin as { value: { otpauthUri: string } }).value.otpauthUri);
    expect(await t.call(t.admin, 'confirmTotpEnrolment', { code: totpCode(secret, t.clock.t) })).toMatchObject({ ok: true });
    expect(await t.call(t.admin, 'listUsers')).toMatchObject({ ok: true });
  });
});

describe('sessions end on idle, OS lock and suspend', () => {
  it('ends a session idle past the policy limit; activity keeps it alive', async () => {
    const t = await withAdmin({ identityPolicy: { idleMinutes: 10 } });
    for (let i = 0; i < 3; i++) {
      t.clock.advance(9 * 60_000);
      expect(await t.call(t.admin, 'listUsers')).toMatchObject({ ok: true });
    }
    // getSession is public: polling it does not keep a session alive.
    t.clock.advance(9 * 60_000);
    await t.call(t.admin, 'getSession');
    t.clock.advance(60_000);
    t.core.identity.sessions.sweep();
    expect(await t.call(t.admin, 'listUsers')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(entriesOf(t.core, AUDIT_ACTIONS.sessionEnded).map((e) => e.details.reason)).toEqual(['idle']);
  });

  it('lockAll ends every session and tells listeners why', async () => {
    const t = await withAdmin();
    const other = newSessionSlot();
    await t.call(t.admin, 'createUser', { username: 'lina', role: 'agent', password: TEST_PASSWORD });
    await t.call(other, 'signIn', { username: 'lina', password: TEST_PASSWORD });
    const heard: string[] = [];
    t.core.identity.sessions.onEnd((s, reason) => heard.push(`${s.username}:${reason}`));
    expect(t.core.identity.sessions.lockAll('os-lock')).toBe(2);
    expect(heard.sort()).toEqual(['admin:os-lock', 'lina:os-lock']);
    for (const slot of [t.admin, other]) expect(await t.call(slot, 'getSession')).toMatchObject({ ok: true, value: { signedIn: false } });
    const rows = t.core.db.prepare('SELECT end_reason FROM user_sessions').all();
    expect(rows).toEqual([{ end_reason: 'os-lock' }, { end_reason: 'os-lock' }]);
  });
});

describe('user management', () => {
  it('disabling a user ends their sessions and refuses sign-in; the last administrator is protected', async () => {
    const t = await withAdmin();
    const created = await t.call(t.admin, 'createUser', { username: 'omar', displayName: 'Omar', role: 'agent', password: TEST_PASSWORD });
    const omarId = (created as { value: { id: string } }).value.id;
    const omar = newSessionSlot();
    await t.call(omar, 'signIn', { username: 'omar', password: TEST_PASSWORD });
    expect(await t.call(t.admin, 'setUserDisabled', { userId: omarId, disabled: true })).toMatchObject({ ok: true, value: { disabled: true } });
    expect(await t.call(omar, 'getSession')).toMatchObject({ ok: true, value: { signedIn: false } });
    expect(await t.call(omar, 'signIn', { username: 'omar', password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'account_disabled' } });

    const adminId = (await t.call(t.admin, 'getSession') as { value: { user: { id: string } } }).value.user.id;
    expect(await t.call(t.admin, 'setUserRole', { userId: adminId, role: 'agent' })).toMatchObject({ ok: false, error: { code: 'last_admin' } });
    expect(await t.call(t.admin, 'setUserDisabled', { userId: adminId, disabled: true })).toMatchObject({ ok: false });
    expect(await t.call(t.admin, 'setUserRole', { userId: omarId, role: 'lead' })).toMatchObject({ ok: true, value: { role: 'agent', pendingRole: 'lead' } });
    expect(await t.call(t.admin, 'createUser', { username: 'omar', role: 'agent', password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'username_taken' },
    });
    const users = await t.call(t.admin, 'listUsers');
    expect(JSON.stringify(users)).not.toMatch(/argon2|password/i);
    expect(entriesOf(t.core, AUDIT_ACTIONS.userRoleRequested)).toEqual([
      expect.objectContaining({ actor: 'admin', target: 'user:omar', details: { from: 'agent', to: 'lead' } }),
    ]);
  });
});

describe('separation of duties: privileged roles', () => {
  it('an administrator alone cannot make a team lead with a password she knows and approve reveals with it', async () => {
    const t = await withAdmin();
    // the attack: a lead account whose password the administrator chose
    const made = await t.call(t.admin, 'createUser', { username: 'mallory', role: 'lead', password: TEST_PASSWORD });
    expect(made).toMatchObject({ ok: true, value: { role: 'agent', disabled: true, pendingRole: 'lead' } });
    const mallory = newSessionSlot();
    expect(await t.call(mallory, 'signIn', { username: 'mallory', password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'account_disabled' } });
    const requests = await t.call(t.admin, 'listRoleGrants');
    expect(requests).toMatchObject({ ok: true, value: { requests: [{ username: 'mallory', role: 'lead', from: 'agent', requestedBy: 'admin' }] } });
    const grantId = (requests as { value: { requests: Array<{ grantId: string }> } }).value.requests[0]!.grantId;
    // she cannot confirm her own request, nor make another administrator alone to do it
    expect(await t.call(t.admin, 'confirmRoleGrant', { grantId })).toMatchObject({ ok: false, error: { code: 'role_request_same_admin' } });
    expect(await t.call(t.admin, 'createUser', { username: 'sock', role: 'admin', password: TEST_PASSWORD })).toMatchObject({
      ok: true,
      value: { role: 'agent', disabled: true, pendingRole: 'admin' },
    });
    expect(t.core.identity.users.activeAdmins()).toBe(1);
    // every privileged role and every path is held the same way
    for (const role of ['lead', 'admin', 'auditor'] as const) {
      const u = await t.call(t.admin, 'createUser', { username: `x-${role}`, role: 'agent', password: TEST_PASSWORD });
      const r = await t.call(t.admin, 'setUserRole', { userId: (u as { value: { id: string } }).value.id, role });
      expect(r, role).toMatchObject({ ok: true, value: { role: 'agent', pendingRole: role } });
    }
    expect(entriesOf(t.core, AUDIT_ACTIONS.userRoleChanged)).toEqual([]);
  });

  it('a role request waiting for a second administrator survives a restart, still needs a second administrator, and expires after 24 hours', async () => {
    const t = await withAdmin();
    const lina = (await t.call(t.admin, 'createUser', { username: 'lina', role: 'lead', password: TEST_PASSWORD })) as { value: { id: string } };
    expect(await t.call(t.admin, 'createUser', { username: 'omar', role: 'admin', password: TEST_PASSWORD })).toMatchObject({ ok: true });
    const before = t.core.identity.listRoleGrants();
    expect(before.map((g) => g.username).sort()).toEqual(['lina', 'omar']);
    t.core.close();
    const again = await testCore({ dataDir: t.core.dataDir, keychain: loadOsKeychain(), keychainService: t.core.vault.service, clock: t.clock });
    core = again;
    await again.ready();
    expect(again.identity.listRoleGrants()).toEqual(before);
    // the administrator who asked still cannot confirm her own request after the restart
    const call = caller(createMainDispatch(again));
    const admin = newSessionSlot();
    expect(await call(admin, 'signIn', { username: 'admin', password: TEST_PASSWORD })).toMatchObject({ ok: true });
    const omarGrant = before.find((g) => g.username === 'omar')!.grantId;
    expect(await call(admin, 'confirmRoleGrant', { grantId: omarGrant })).toMatchObject({ ok: false, error: { code: 'role_request_same_admin' } });
    t.clock.advance(25 * 60 * 60_000);
    expect(again.identity.listRoleGrants()).toEqual([]);
    expect(again.identity.users.byId(lina.value.id)).toMatchObject({ role: 'agent', disabled: true });
  });

  it('a second administrator confirms (audited with both names); IT can name people for a role in the signed policy instead', async () => {
    const t = await withAdmin();
    // IT's signed policy names dana as an administrator: one administrator's word is enough for exactly that
    t.core.identity.setPolicy({ privilegedUsers: [{ username: 'dana', role: 'admin' }] });
    expect(await t.call(t.admin, 'createUser', { username: 'dana', role: 'admin', password: TEST_PASSWORD })).toMatchObject({
      ok: true,
      value: { role: 'admin', disabled: false },
    });
    expect(entriesOf(t.core, AUDIT_ACTIONS.userCreated).at(-1)).toMatchObject({ details: { role: 'admin', authority: 'it-policy' } });
    const lina = await t.call(t.admin, 'createUser', { username: 'lina', role: 'lead', password: TEST_PASSWORD });
    const linaId = (lina as { value: { id: string } }).value.id;
    const dana = newSessionSlot();
    expect(await t.call(dana, 'signIn', { username: 'dana', password: TEST_PASSWORD })).toMatchObject({ ok: true });
    const grantId = t.core.identity.listRoleGrants()[0]!.grantId;
    expect(await t.call(dana, 'confirmRoleGrant', { grantId })).toMatchObject({ ok: true, value: { id: linaId, role: 'lead', disabled: false } });
    expect(entriesOf(t.core, AUDIT_ACTIONS.userRoleChanged)).toEqual([
      expect.objectContaining({
        actor: 'dana',
        target: 'user:lina',
        details: { from: 'agent', to: 'lead', authority: 'second-administrator', requestedBy: 'admin', enabled: true },
      }),
    ]);
    expect(await t.call(newSessionSlot(), 'signIn', { username: 'lina', password: TEST_PASSWORD })).toMatchObject({ ok: true });
    // used once; nobody confirms a role for themselves; a request does not outlive 24 hours
    expect(await t.call(dana, 'confirmRoleGrant', { grantId })).toMatchObject({ ok: false, error: { code: 'role_request_not_found' } });
    const danaId = t.core.identity.users.list().find((u) => u.username === 'dana')!.id;
    await t.call(t.admin, 'setUserRole', { userId: danaId, role: 'auditor' });
    const own = t.core.identity.listRoleGrants().find((g) => g.userId === danaId)!;
    expect(await t.call(dana, 'confirmRoleGrant', { grantId: own.grantId })).toMatchObject({ ok: false, error: { code: 'role_request_self' } });
    // lowering a role takes one administrator
    expect(await t.call(t.admin, 'setUserRole', { userId: linaId, role: 'agent' })).toMatchObject({ ok: true, value: { role: 'agent' } });
    t.clock.advance(24 * 60 * 60_000);
    expect(t.core.identity.listRoleGrants()).toEqual([]);
  });

  it('a second administrator declines with a sentence (masked in the trail); the one who asked may withdraw; nobody decides on their own role', async () => {
    const t = await withAdmin();
    t.core.identity.setPolicy({ privilegedUsers: [{ username: 'dana', role: 'admin' }] });
    await t.call(t.admin, 'createUser', { username: 'dana', role: 'admin', password: TEST_PASSWORD });
    const dana = newSessionSlot();
    expect(await t.call(dana, 'signIn', { username: 'dana', password: TEST_PASSWORD })).toMatchObject({ ok: true });
    const made = (await t.call(t.admin, 'createUser', { username: 'lina', role: 'lead', password: TEST_PASSWORD })) as { value: { id: string } };
    const grant = t.core.identity.listRoleGrants().find((g) => g.username === 'lina')!;
    expect(grant).toMatchObject({ requestedBy: 'admin', requestedById: t.core.identity.users.list().find((u) => u.username === 'admin')!.id });
    // A sentence that says nothing is refused and the request stays.
    expect(await t.call(dana, 'declineRoleGrant', { grantId: grant.grantId, reason: '...' })).toMatchObject({ ok: false, error: { code: 'reason_required' } });
    expect(t.core.identity.listRoleGrants()).toHaveLength(1);
    expect(await t.call(dana, 'declineRoleGrant', { grantId: grant.grantId, reason: 'Not agreed with her lead; ring me on +966 55 123 4567' })).toMatchObject({
      ok: true,
      value: { id: made.value.id, role: 'agent', disabled: true },
    });
    expect(t.core.identity.listRoleGrants()).toEqual([]);
    const declined = entriesOf(t.core, AUDIT_ACTIONS.userRoleDeclined);
    expect(declined).toEqual([expect.objectContaining({ actor: 'dana', target: 'user:lina', details: expect.objectContaining({ from: 'agent', to: 'lead', requestedBy: 'admin' }) })]);
    expect(JSON.stringify(declined)).toContain('Not agreed with her lead');
    expect(JSON.stringify(declined)).not.toContain('123 4567');
    // Withdrawn by the one who asked; the person it is for cannot decide on it.
    const danaId = t.core.identity.users.list().find((u) => u.username === 'dana')!.id;
    await t.call(t.admin, 'setUserRole', { userId: danaId, role: 'auditor' });
    const own = t.core.identity.listRoleGrants()[0]!;
    expect(await t.call(dana, 'declineRoleGrant', { grantId: own.grantId, reason: 'I would rather stay an administrator' })).toMatchObject({ ok: false, error: { code: 'role_request_self' } });
    expect(await t.call(t.admin, 'declineRoleGrant', { grantId: own.grantId, reason: 'Asked for the wrong person' })).toMatchObject({ ok: true, value: { role: 'admin' } });
    expect(entriesOf(t.core, AUDIT_ACTIONS.userRoleDeclined).at(-1)).toMatchObject({ details: expect.objectContaining({ withdrawn: true }) });
    expect(await t.call(t.admin, 'declineRoleGrant', { grantId: own.grantId, reason: 'Asked for the wrong person' })).toMatchObject({ ok: false, error: { code: 'role_request_not_found' } });
  });
});
