import crypto from 'node:crypto';
import type { Db } from '../store';
import { DiwanError } from '../shared/errors';
import type { AuditPort, Clock } from '../shared/ports';
import type { Vault } from '../vault';
import { AUDIT_ACTIONS } from '../audit/actions';
import type { DeviceIdentity } from './device';
import { checkPasswordRules, hashPassword, verifyAgainstDecoy, verifyPassword } from './passwords';
import { CUSTOMER_DATA_PERMISSIONS, PRIVILEGED_ROLES, ROLE_PERMISSIONS, roleHas, type Permission, type Role } from './permissions';
import { resolvePolicy, type IdentityPolicy, type ResolvedIdentityPolicy } from './policy';
import { hashRecoveryCode, newRecoveryCodes } from './recovery';
import { SessionManager, type Session, type SessionSlot } from './sessions';
import { LoginThrottle, type Attempt, type ThrottleRules } from './throttle';
import { newTotpSecret, totpQrDataUrl, totpStep, totpUri } from './totp';
import { RoleGrantRepo, type RoleGrantRequest } from './role-grants';
import { declineNote, roleGrantAuthority, SECOND_ADMIN_WINDOW_MS, secondAdminDeclineRefusal, secondAdminRefusal } from './second-admin';
import { checkUsername, normalizeUsername, UserRepo, type User } from './users';
import { ERROR_CODES } from '../shared/vocabulary';

export interface IdentityOptions {
  db: Db;
  vault: Vault;
  clock: Clock;
  audit: AuditPort;
  /** Namespaces the keychain accounts `totp:<databaseId>:<user id>`. */
  databaseId: string;
  policy?: IdentityPolicy;
  throttle?: ThrottleRules;
  /** Where a failing session listener is reported (by name only). */
  log?: (line: string) => void;
}

/** What the renderer may know about who is signed in. No secret, no session id. */
export interface SessionView {
  needsAdmin: boolean;
  signedIn: boolean;
  pendingSecondFactor: boolean;
  user: { id: string; username: string; displayName: string; role: Role } | null;
  permissions: Permission[];
  twoFactor: { enabled: boolean; required: boolean; mustEnrol: boolean };
  device: { fingerprint: string | null; enrolled: boolean };
}

export type AccessDenial = { code: 'unauthenticated' | 'forbidden' | 'device_not_enrolled'; message: string };

export type { RoleGrantRequest } from './role-grants';

const PENDING_SIGN_IN_MS = 5 * 60_000;
const ENROLMENT_MS = 10 * 60_000;

/**
 * Local accounts: first-run administrator, password (Argon2id) then TOTP or a recovery code, lock-out, sessions,
 * user management, and the permission check every IPC call passes.
 */
export class Identity {
  readonly users: UserRepo;
  readonly sessions: SessionManager;
  readonly throttle: LoginThrottle;
  private device: DeviceIdentity | null = null;
  private policy: ResolvedIdentityPolicy;
  private readonly pendingSignIns = new Map<string, { userId: string; username: string; expiresAt: number }>();
  private readonly enrolments = new Map<string, { secret: string; expiresAt: number }>();
  private readonly roleGrants: RoleGrantRepo;

  constructor(private readonly opts: IdentityOptions) {
    this.users = new UserRepo(opts.db);
    this.roleGrants = new RoleGrantRepo(opts.db);
    this.policy = resolvePolicy(opts.policy);
    this.sessions = new SessionManager(opts.db, opts.clock, opts.audit, () => this.policy.idleMs, opts.log);
    this.throttle = new LoginThrottle(opts.db, opts.clock, opts.throttle);
  }

  /** Called once the device key is loaded (the core's `ready()`). */
  start(device: DeviceIdentity): void {
    this.device = device;
  }

  get deviceIdentity(): DeviceIdentity {
    if (!this.device) throw new DiwanError('not_ready', 'Diwan is still starting; try again in a moment.');
    return this.device;
  }

  get currentPolicy(): ResolvedIdentityPolicy {
    return this.policy;
  }

  setPolicy(policy: IdentityPolicy): void {
    this.policy = resolvePolicy(policy);
  }

  deviceEnrolled(): boolean {
    const enrolled = this.policy.enrolledDevices;
    return !enrolled || (!!this.device && enrolled.has(this.device.fingerprint));
  }

  needsAdmin(): boolean {
    return this.users.count() === 0;
  }

  /**
   * The gate before every IPC handler: `public` needs nothing; anything else needs a live session whose role holds
   * the permission (a session that must still enrol a second factor holds only `session`); customer data also
   * needs an enrolled device. A permitted call counts as activity for the idle timeout.
   */
  check(slot: SessionSlot, permission: Permission): AccessDenial | null {
    if (permission === 'public') return null;
    const session = this.sessions.get(slot.sessionId);
    if (!session) {
      slot.sessionId = null;
      return { code: 'unauthenticated', message: 'Sign in to Diwan first.' };
    }
    const allowed = session.mustEnrolTwoFactor ? permission === 'session' : roleHas(session.role, permission);
    if (!allowed) {
      return session.mustEnrolTwoFactor
        ? { code: 'forbidden', message: 'Set up two-step sign-in first: IT requires it for every account.' }
        : { code: 'forbidden', message: 'Your role does not allow this. Ask your administrator if you need it.' };
    }
    if (CUSTOMER_DATA_PERMISSIONS.has(permission) && !this.deviceEnrolled()) {
      return {
        code: 'device_not_enrolled',
        message:
          'This computer is not enrolled in the IT policy, so Diwan opens no customer data here. ' +
          'Ask IT to enrol it: `diwan device id` prints the fingerprint they need.',
      };
    }
    this.sessions.touch(session.id);
    return null;
  }

  /** The session behind a slot; handlers call it after `check` passed. */
  requireSession(slot: SessionSlot): Session {
    const s = this.sessions.get(slot.sessionId);
    if (!s) throw new DiwanError('unauthenticated', 'Sign in to Diwan first.');
    return s;
  }

  view(slot: SessionSlot): SessionView {
    const session = this.sessions.get(slot.sessionId);
    const user = session ? this.users.byId(session.userId) : null;
    const pending = slot.pendingSignIn ? this.pendingSignIns.get(slot.pendingSignIn) : undefined;
    return {
      needsAdmin: this.needsAdmin(),
      signedIn: !!session,
      pendingSecondFactor: !session && !!pending && pending.expiresAt > this.opts.clock.now(),
      user: session ? { id: session.userId, username: session.username, displayName: session.displayName, role: session.role } : null,
      permissions: session ? (session.mustEnrolTwoFactor ? ['session'] : [...ROLE_PERMISSIONS[session.role]]) : [],
      twoFactor: { enabled: !!user?.totpEnabled, required: this.policy.requireTwoFactor, mustEnrol: !!session?.mustEnrolTwoFactor },
      device: { fingerprint: this.device?.fingerprint ?? null, enrolled: this.deviceEnrolled() },
    };
  }

  async createAdmin(slot: SessionSlot, input: { username: string; displayName: string; password: string }): Promise<SessionView> {
    const username = checkUsername(input.username);
    checkPasswordRules(input.password);
    const passwordHash = await hashPassword(input.password);
    const user = this.opts.db
      .transaction(() => {
        if (this.users.count() > 0) throw new DiwanError('setup_done', 'Diwan already has an administrator. Sign in instead.');
        return this.users.insert({ username, displayName: displayNameOf(input.displayName, username), role: 'admin', passwordHash }, this.opts.clock.now());
      })
      .immediate();
    this.opts.audit({ action: AUDIT_ACTIONS.adminCreated, actor: username, target: `user:${username}` });
    this.startSession(slot, user);
    return this.view(slot);
  }

  async signIn(slot: SessionSlot, input: { username: string; password: string }): Promise<{ status: 'signed_in' | 'second_factor' }> {
    this.signOut(slot);
    const username = normalizeUsername(input.username);
    this.refuseWhileLocked(username);
    const attempt = this.throttle.attempt(username);
    const secrets = this.users.secretsByUsername(username);
    const passwordOk = secrets ? await verifyPassword(secrets.passwordHash, input.password) : await verifyAgainstDecoy(input.password);
    if (!secrets || !passwordOk) this.failSignIn(username, secrets ? 'bad_password' : 'unknown_user', attempt);
    const user = secrets!.user;
    // Right: a code may still follow, and the count of wrong codes before this password stays.
    this.throttle.giveBack(username, attempt);
    if (user.disabled) {
      this.opts.audit({ action: AUDIT_ACTIONS.signInFailed, actor: username, details: { reason: 'disabled' } });
      throw new DiwanError('account_disabled', 'This account is disabled. Ask your administrator.');
    }
    if (user.totpEnabled) {
      const id = crypto.randomBytes(32).toString('hex');
      this.pendingSignIns.set(id, { userId: user.id, username, expiresAt: this.opts.clock.now() + PENDING_SIGN_IN_MS });
      slot.pendingSignIn = id;
      return { status: 'second_factor' };
    }
    this.throttle.succeed(username);
    this.startSession(slot, user);
    this.opts.audit({ action: AUDIT_ACTIONS.signIn, actor: username, details: { method: 'password', mustEnrolTwoFactor: this.policy.requireTwoFactor } });
    return { status: 'signed_in' };
  }

  /** The second step: a 6-digit code from the authenticator app, or one of the recovery codes (each works once). */
  async signInSecondFactor(slot: SessionSlot, input: { code?: string; recoveryCode?: string }): Promise<{ status: 'signed_in' }> {
    const pending = slot.pendingSignIn ? this.pendingSignIns.get(slot.pendingSignIn) : undefined;
    if (!pending || pending.expiresAt <= this.opts.clock.now()) {
      if (slot.pendingSignIn) this.pendingSignIns.delete(slot.pendingSignIn);
      slot.pendingSignIn = null;
      throw new DiwanError('no_pending_sign_in', 'Enter your username and password first.');
    }
    this.refuseWhileLocked(pending.username);
    if (!input.code && !input.recoveryCode) throw new DiwanError('code_missing', 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.');
    const attempt = this.throttle.attempt(pending.username);
    const now = this.opts.clock.now();
    let method: string;
    if (input.code) {
      const secret = await this.opts.vault.get(this.totpAccount(pending.userId));
      // From here to the update nothing awaits, so two calls with one code cannot both pass.
      const secrets = this.users.secretsById(pending.userId)!;
      const step = secret ? totpStep(secret, input.code.trim(), now) : null;
      if (step === null || (secrets.totpLastStep !== null && step <= secrets.totpLastStep)) this.failSignIn(pending.username, 'bad_code', attempt);
      this.users.update(pending.userId, { totpLastStep: step! }, now);
      method = 'password+totp';
    } else {
      const used = this.opts.db
        .prepare('UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL')
        .run(now, pending.userId, hashRecoveryCode(input.recoveryCode!));
      if (used.changes !== 1) this.failSignIn(pending.username, 'bad_recovery_code', attempt);
      method = 'password+recovery_code';
    }
    this.pendingSignIns.delete(slot.pendingSignIn!);
    slot.pendingSignIn = null;
    const user = this.users.byId(pending.userId)!;
    if (user.disabled) throw new DiwanError('account_disabled', 'This account is disabled. Ask your administrator.');
    this.throttle.succeed(pending.username);
    this.startSession(slot, user);
    const details: Record<string, string | number> = { method };
    if (method === 'password+recovery_code') details.unusedCodesLeft = this.recoveryCodesLeft(user.id);
    this.opts.audit({ action: AUDIT_ACTIONS.signIn, actor: pending.username, details });
    return { status: 'signed_in' };
  }

  signOut(slot: SessionSlot): void {
    if (slot.sessionId) this.sessions.end(slot.sessionId, 'sign-out');
    if (slot.pendingSignIn) this.pendingSignIns.delete(slot.pendingSignIn);
    slot.sessionId = null;
    slot.pendingSignIn = null;
  }

  /** Starts TOTP enrolment: the secret waits in memory (never on disk) until a first code confirms it. */
  async beginTotpEnrolment(session: Session): Promise<{ otpauthUri: string; qrDataUrl: string }> {
    if (this.users.byId(session.userId)?.totpEnabled) {
      throw new DiwanError('totp_already_enabled', 'Two-step sign-in is already set up. Ask your administrator to reset it if you lost your phone.');
    }
    const secret = newTotpSecret();
    this.enrolments.set(session.userId, { secret, expiresAt: this.opts.clock.now() + ENROLMENT_MS });
    const otpauthUri = totpUri(secret, session.username);
    return { otpauthUri, qrDataUrl: await totpQrDataUrl(otpauthUri) };
  }

  /** Confirms enrolment with a first code; returns the recovery codes, shown this once and kept only as hashes. */
  async confirmTotpEnrolment(session: Session, code: string): Promise<{ recoveryCodes: string[] }> {
    const now = this.opts.clock.now();
    const enrolment = this.enrolments.get(session.userId);
    if (!enrolment || enrolment.expiresAt <= now) {
      this.enrolments.delete(session.userId);
      throw new DiwanError('no_enrolment', 'Start the set-up again: the QR code shown before has expired.');
    }
    const step = totpStep(enrolment.secret, code.trim(), now);
    if (step === null) throw new DiwanError('totp_code_wrong', 'That code is not right. Check the time on your phone and enter the newest code.');
    await this.opts.vault.set(this.totpAccount(session.userId), enrolment.secret);
    const codes = newRecoveryCodes();
    this.opts.db.transaction(() => {
      this.opts.db.prepare('DELETE FROM recovery_codes WHERE user_id = ?').run(session.userId);
      const insert = this.opts.db.prepare('INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)');
      for (const c of codes) insert.run(session.userId, hashRecoveryCode(c));
      this.users.update(session.userId, { totpEnabled: true, totpLastStep: step }, now);
    })();
    this.enrolments.delete(session.userId);
    session.mustEnrolTwoFactor = false;
    this.opts.audit({ action: AUDIT_ACTIONS.totpEnrolled, actor: session.username, target: `user:${session.username}` });
    return { recoveryCodes: codes };
  }

  async changePassword(session: Session, input: { current: string; next: string }): Promise<void> {
    this.refuseWhileLocked(session.username);
    const attempt = this.throttle.attempt(session.username);
    const secrets = this.users.secretsById(session.userId)!;
    if (!(await verifyPassword(secrets.passwordHash, input.current))) {
      throw new DiwanError('password_wrong', 'Your current password is not right.' + lockSentence(attempt.lockedForMs));
    }
    this.throttle.giveBack(session.username, attempt);
    checkPasswordRules(input.next);
    this.users.update(session.userId, { passwordHash: await hashPassword(input.next) }, this.opts.clock.now());
    this.opts.audit({ action: AUDIT_ACTIONS.passwordChanged, actor: session.username, target: `user:${session.username}` });
  }

  listUsers(): Array<User & { pendingRole?: Role }> {
    const pending = new Map(this.listRoleGrants().map((g) => [g.userId, g.role]));
    return this.users.list().map((u) => (pending.has(u.id) ? { ...u, pendingRole: pending.get(u.id)! } : u));
  }

  /**
   * A privileged role the IT policy does not name this person for is created as a disabled agent account with a
   * role request a second administrator must confirm (`confirmRoleGrant`); until then nobody can sign in with it.
   */
  async createUser(actor: Session, input: { username: string; displayName: string; role: Role; password: string }): Promise<User & { pendingRole?: Role }> {
    const username = checkUsername(input.username);
    checkPasswordRules(input.password);
    const authority = roleGrantAuthority(input.role, username, this.policy.privilegedUsers);
    const needsSecond = authority === 'second-administrator';
    const now = this.opts.clock.now();
    const passwordHash = await hashPassword(input.password);
    const user = this.opts.db.transaction(() => {
      const u = this.users.insert({ username, displayName: displayNameOf(input.displayName, username), role: needsSecond ? 'agent' : input.role, passwordHash }, now);
      if (needsSecond) this.users.update(u.id, { disabled: true }, now);
      return this.users.byId(u.id)!;
    })();
    this.opts.audit({
      action: AUDIT_ACTIONS.userCreated,
      actor: actor.username,
      target: `user:${username}`,
      details: { role: user.role, ...(PRIVILEGED_ROLES.has(input.role) ? { authority: needsSecond ? 'pending-second-administrator' : 'it-policy' } : {}) },
    });
    return needsSecond ? this.requestRole(actor, user, input.role, true) : user;
  }

  /** Lowering a role, or granting one IT's policy names this person for, takes one administrator; any other privileged grant waits for a second. */
  setRole(actor: Session, userId: string, role: Role): User & { pendingRole?: Role } {
    const user = this.targetUser(userId);
    if (user.role === role) return user;
    const authority = roleGrantAuthority(role, user.username, this.policy.privilegedUsers);
    if (authority === 'second-administrator') return this.requestRole(actor, user, role, false);
    this.clearRoleGrants(userId);
    return this.applyRole(actor, user, role, { authority });
  }

  /** Role requests still waiting for a second administrator. */
  listRoleGrants(): RoleGrantRequest[] {
    return this.roleGrants
      .pending(this.opts.clock.now())
      .map((g) => ({
        grantId: g.grantId,
        userId: g.userId,
        username: g.username,
        role: g.role,
        from: g.from,
        requestedBy: g.requestedBy,
        requestedById: g.requestedById,
        requestedAt: g.requestedAt,
        expiresAt: g.expiresAt,
      }));
  }

  /** The second administrator's confirmation: never the one who asked, never the person who gets the role. */
  confirmRoleGrant(actor: Session, grantId: string): User {
    const grant = this.roleGrants.get(grantId);
    const refusal = grant ? secondAdminRefusal(grant, actor.userId, this.opts.clock.now()) : 'expired';
    if (!grant || refusal === 'expired') {
      this.roleGrants.delete(grantId);
      throw new DiwanError('role_request_not_found', 'This role request does not exist or has expired (requests wait 24 hours). Ask for the role again.');
    }
    if (refusal === 'same_admin') {
      throw new DiwanError('role_request_same_admin', 'You asked for this role yourself; a second administrator must confirm it.');
    }
    if (refusal === 'self') throw new DiwanError('role_request_self', 'Nobody can confirm a role for their own account.');
    const user = this.targetUser(grant.userId);
    if (user.role !== grant.from) {
      this.roleGrants.delete(grantId);
      throw new DiwanError('role_request_stale', `${user.username}'s role changed since this request was made; ask for the role again.`);
    }
    this.roleGrants.delete(grantId);
    return this.applyRole(actor, user, grant.role, {
      authority: 'second-administrator',
      requestedBy: grant.requestedBy,
      ...(grant.enable ? { enabled: true } : {}),
    });
  }

  /**
   * An administrator declines a waiting role request with a sentence (`declineNote`): the one who asked may withdraw
   * it, the person it is for may not decide on it. A new account made for the request stays a disabled agent.
   */
  declineRoleGrant(actor: Session, grantId: string, reason: string): User {
    const note = declineNote(reason);
    const grant = this.roleGrants.get(grantId);
    const refusal = grant ? secondAdminDeclineRefusal(grant, actor.userId, this.opts.clock.now()) : 'expired';
    if (!grant || refusal === 'expired') {
      this.roleGrants.delete(grantId);
      throw new DiwanError('role_request_not_found', 'This role request does not exist or has expired (requests wait 24 hours).');
    }
    if (refusal === 'self') throw new DiwanError('role_request_self', 'Nobody can decide on a role for their own account.');
    this.roleGrants.delete(grantId);
    this.opts.audit({
      action: AUDIT_ACTIONS.userRoleDeclined,
      actor: actor.username,
      target: `user:${grant.username}`,
      details: { from: grant.from, to: grant.role, requestedBy: grant.requestedBy, reason: note, ...(grant.requestedById === actor.userId ? { withdrawn: true } : {}) },
    });
    return this.targetUser(grant.userId);
  }

  private requestRole(actor: Session, user: User, role: Role, enable: boolean): User & { pendingRole: Role } {
    this.clearRoleGrants(user.id);
    const now = this.opts.clock.now();
    const grantId = crypto.randomUUID();
    this.roleGrants.put({
      grantId,
      userId: user.id,
      username: user.username,
      role,
      from: user.role,
      requestedBy: actor.username,
      requestedById: actor.userId,
      requestedAt: now,
      expiresAt: now + SECOND_ADMIN_WINDOW_MS,
      enable,
    });
    this.opts.audit({ action: AUDIT_ACTIONS.userRoleRequested, actor: actor.username, target: `user:${user.username}`, details: { from: user.role, to: role } });
    return { ...user, pendingRole: role };
  }

  private clearRoleGrants(userId: string): void {
    this.roleGrants.deleteForUser(userId);
  }

  private applyRole(actor: Session, user: User, role: Role, details: Record<string, string | boolean>): User {
    if (user.role === 'admin' && !user.disabled && role !== 'admin' && this.users.activeAdmins() <= 1) {
      throw new DiwanError('last_admin', 'This is the only active administrator; make someone else administrator first.');
    }
    const now = this.opts.clock.now();
    this.users.update(user.id, { role, ...(details.enabled ? { disabled: false } : {}) }, now);
    this.opts.audit({ action: AUDIT_ACTIONS.userRoleChanged, actor: actor.username, target: `user:${user.username}`, details: { from: user.role, to: role, ...details } });
    this.sessions.endForUser(user.id, 'role-changed');
    return this.users.byId(user.id)!;
  }

  setDisabled(actor: Session, userId: string, disabled: boolean): User {
    const user = this.targetUser(userId);
    if (user.disabled === disabled) return user;
    if (disabled && user.id === actor.userId) throw new DiwanError('disable_self', 'You cannot disable your own account.');
    if (disabled && user.role === 'admin' && this.users.activeAdmins() <= 1) {
      throw new DiwanError('last_admin', 'This is the only active administrator; make someone else administrator first.');
    }
    this.users.update(userId, { disabled }, this.opts.clock.now());
    this.opts.audit({ action: disabled ? AUDIT_ACTIONS.userDisabled : AUDIT_ACTIONS.userEnabled, actor: actor.username, target: `user:${user.username}` });
    if (disabled) this.sessions.endForUser(userId, 'disabled');
    return this.users.byId(userId)!;
  }

  /** For a user who lost both their phone and their recovery codes: they enrol again at next sign-in. */
  async resetTwoFactor(actor: Session, userId: string): Promise<User> {
    const user = this.targetUser(userId);
    await this.opts.vault.delete(this.totpAccount(userId));
    this.opts.db.transaction(() => {
      this.opts.db.prepare('DELETE FROM recovery_codes WHERE user_id = ?').run(userId);
      this.users.update(userId, { totpEnabled: false }, this.opts.clock.now());
    })();
    this.opts.audit({ action: AUDIT_ACTIONS.totpReset, actor: actor.username, target: `user:${user.username}` });
    this.sessions.endForUser(userId, 'two-factor-reset');
    return this.users.byId(userId)!;
  }

  recoveryCodesLeft(userId: string): number {
    return (this.opts.db.prepare('SELECT count(*) AS n FROM recovery_codes WHERE user_id = ? AND used_at IS NULL').get(userId) as { n: number }).n;
  }

  private totpAccount(userId: string): `totp:${string}` {
    return `totp:${this.opts.databaseId}:${userId}`;
  }

  private startSession(slot: SessionSlot, user: User): void {
    const session = this.sessions.start(user, this.deviceIdentity.fingerprint, this.policy.requireTwoFactor && !user.totpEnabled);
    slot.sessionId = session.id;
    slot.pendingSignIn = null;
  }

  private refuseWhileLocked(username: string): void {
    const wait = this.throttle.waitFor(username);
    if (wait <= 0) return;
    this.opts.audit({ action: AUDIT_ACTIONS.signInFailed, actor: username, details: { reason: 'locked_out' } });
    throw new DiwanError('locked_out', `Too many failed attempts. Try again in ${Math.ceil(wait / 1000)} seconds.`, {
      retryAfterSeconds: Math.ceil(wait / 1000),
    });
  }

  /** A wrong password or code, already counted by `attempt` before it was checked. */
  private failSignIn(username: string, reason: string, attempt: Attempt): never {
    const { failures, lockedForMs } = attempt;
    this.opts.audit({
      action: AUDIT_ACTIONS.signInFailed,
      actor: username,
      details: { reason, failures, lockedForSeconds: Math.ceil(lockedForMs / 1000) },
    });
    const what = reason === 'bad_code' ? 'That code is not right.' : reason === 'bad_recovery_code' ? 'That recovery code is not right or was already used.' : 'The username or password is not right.';
    throw new DiwanError('sign_in_failed', what + lockSentence(lockedForMs), lockedForMs ? { retryAfterSeconds: Math.ceil(lockedForMs / 1000) } : undefined);
  }

  private targetUser(userId: string): User {
    const user = this.users.byId(userId);
    if (!user) throw new DiwanError(ERROR_CODES.userUnknown, 'There is no such account.');
    return user;
  }
}

function displayNameOf(displayName: string, username: string): string {
  return displayName.trim() || username;
}

function lockSentence(lockedForMs: number): string {
  return lockedForMs > 0 ? ` Too many failed attempts: try again in ${Math.ceil(lockedForMs / 1000)} seconds.` : '';
}
