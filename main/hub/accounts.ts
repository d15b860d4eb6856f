import crypto from 'node:crypto';
import {
  checkPasswordRules,
  hashRecoveryCode,
  DEFAULT_THROTTLE,
  hashPassword,
  lockoutMs,
  roleHas,
  totpStep,
  verifyAgainstDecoy,
  verifyEd25519,
  verifyPassword,
  type Permission,
  type Role,
} from '../core/auth';
import { deviceAuthMessage } from '../core/connectors/relay-client/protocol';
import { DiwanError } from '../core/shared/errors';
import type { SessionCache } from './session-cache';
import type { HubStore, HubUser } from './store';
import { HubSecondFactor } from './store/second-factor';

export interface SignedIn {
  user: HubUser;
  device: string;
  tokenHash: string;
  /** Signed in only to set up the second factor the policy requires (the `enrol` stage); every other route refuses. */
  enrolling?: boolean;
}

/** How long a password-only sign-in may take to finish setting up a required second factor. */
const ENROL_SESSION_MS = 10 * 60_000;

/** The idle deadline is written when it would move by at least this much (see `keepAlive`). */
const EXTEND_EVERY_MS = 60_000;

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/**
 * Sign-in at the hub, the same on every node because everything lives in the database: a device proves its
 * enrolled key on a single-use nonce, then the user gives a password (lock-out per name, as on a single seat) and,
 * when enrolled or required, a TOTP code. Sessions are random bearer tokens kept hashed, ended on idle, disabling,
 * role change or second-factor reset.
 */
export class HubAccounts {
  constructor(
    private readonly store: HubStore,
    private readonly o: {
      now: () => number;
      idleMs: number;
      requireTwoFactor: boolean;
      random?: (n: number) => Buffer;
      /** The secret behind a stored TOTP secret (`OriginalsSealer.openSecondFactor`); stored values are used as they are without it. */
      openSecondFactor?: (userId: number, stored: string) => string;
      /** The node's cache of verified sessions (a PostgreSQL hub node with its LISTEN connection; `session-cache.ts`). */
      cache?: SessionCache;
    },
  ) {
    this.factors = new HubSecondFactor(store);
  }

  private readonly factors: HubSecondFactor;

  get requireTwoFactor(): boolean {
    return this.o.requireTwoFactor;
  }

  /** When a full session started now ends if idle (a set-up sign-in becomes one when its second factor is confirmed). */
  fullSessionDeadline(): number {
    return this.o.now() + this.o.idleMs;
  }

  private random(n: number) {
    return (this.o.random ?? crypto.randomBytes)(n);
  }

  async challenge(fingerprint: string): Promise<{ nonce: string; expiresAt: number }> {
    const d = await this.store.device(fingerprint);
    if (!d || d.revoked) throw new DiwanError('device_not_enrolled', 'This computer is not enrolled with the hub. Ask IT to enrol its device fingerprint (Admin → Device).');
    const nonce = this.random(24).toString('base64url');
    const expiresAt = this.o.now() + 60_000;
    await this.store.createChallenge(fingerprint, nonce, expiresAt);
    return { nonce, expiresAt };
  }

  async signIn(r: {
    username: string;
    password: string;
    fingerprint: string;
    nonce: string;
    timestamp: number;
    signature: string;
  }): Promise<{ token: string; stage: 'full' | 'second-factor' | 'enrol'; user: HubUser; expiresAt: number }> {
    const device = await this.store.device(r.fingerprint);
    if (!device || device.revoked) throw new DiwanError('device_not_enrolled', 'This computer is not enrolled with the hub. Ask IT to enrol its device fingerprint.');
    const fresh = await this.store.takeChallenge(r.fingerprint, r.nonce);
    if (!fresh || Math.abs(this.o.now() - r.timestamp) > 120_000) {
      throw new DiwanError('device_proof_stale', 'This sign-in\'s proof has expired, was used already, or was replaced by newer sign-ins started on this computer (at most eight wait at once). Sign in again; if it keeps failing, check this computer\'s clock.');
    }
    if (!verifyEd25519(device.publicKey, deviceAuthMessage(r.nonce, r.timestamp, r.fingerprint), r.signature)) {
      await this.store.audit({ actor: r.username.slice(0, 64), device: r.fingerprint, action: 'signin.refused', details: { why: 'device signature' } });
      throw new DiwanError('device_proof_invalid', 'This computer could not prove its enrolled key. Ask IT to check its enrolment.');
    }
    const user = await this.passwordChecked(r.username, r.password, r.fingerprint);
    // The policy requires a second factor this person has not set up: as on a single seat, the password opens a
    // sign-in that may only set one up (`routes/second-factor.ts`), and becomes a full one when the first code is right.
    if (!user.totpSecret && this.o.requireTwoFactor) return this.issue(user, r.fingerprint, 'enrol');
    return user.totpSecret ? this.issue(user, r.fingerprint, 'second-factor') : this.issue(user, r.fingerprint, 'full');
  }

  /** The second step: the current code from the authenticator, or one of the person's recovery codes (each works once). */
  async secondFactor(tokenHash: string, proof: string | { code?: string; recoveryCode?: string }): Promise<{ token: string; stage: 'full'; user: HubUser; expiresAt: number }> {
    const { code, recoveryCode } = typeof proof === 'string' ? { code: proof, recoveryCode: undefined } : proof;
    const s = await this.store.session(tokenHash);
    if (!s || s.stage !== 'second-factor') throw new DiwanError('session_invalid', 'Sign in again: that sign-in has ended.');
    const user = await this.store.userById(s.userId);
    if (!user?.totpSecret || user.disabled) throw new DiwanError('session_invalid', 'Sign in again: that sign-in has ended.');
    await this.codeChecked(user, s.device, { code, recoveryCode });
    await this.store.endSession(tokenHash);
    const details = recoveryCode ? { method: 'password+recovery_code', unusedCodesLeft: await this.factors.recoveryCodesLeft(user.id) } : undefined;
    return this.issue(user, s.device, 'full', details);
  }

  /**
   * An administrator's password, and code when they use two-step sign-in, checked for a command run on the hub's own
   * computer (`diwan db` in an embedded-hub data folder): the lock-out and refusal entries of a console sign-in, no
   * session. `device` names where it ran in the trail.
   */
  async verifyAdministrator(r: { username: string; password: string; code?: string; device: string }): Promise<HubUser> {
    const user = await this.passwordChecked(r.username, r.password, r.device);
    if (user.totpSecret) await this.codeChecked(user, r.device, { code: r.code });
    if (user.role !== 'admin') {
      await this.store.audit({ actor: user.username, device: r.device, action: 'signin.refused', details: { why: 'not an administrator' } });
      throw new DiwanError('forbidden', `"${user.username}" is not an administrator; this command needs one.`);
    }
    return user;
  }

  /** The password step: lock-out per name, a decoy check for unknown names, a refusal entry; the active user when right. */
  private async passwordChecked(username: string, password: string, device: string): Promise<HubUser> {
    const user = await this.store.userByName(username);
    const now = this.o.now();
    if (user && user.lockedUntil > now) throw lockedOut(user.lockedUntil - now);
    // Every name is counted, an account's (disabled or not) and a made-up one's alike: the lock-out tells nobody which exist.
    const ok = user
      ? await this.counted(user, () => verifyPassword(user.passwordHash, password), user.totpSecret || user.disabled ? 'gives back' : 'clears')
      : await this.countedUnknown(username, () => verifyAgainstDecoy(password));
    if (!user || !ok || user.disabled) {
      await this.store.audit({ actor: username.slice(0, 64), device, action: 'signin.refused', details: { why: user?.disabled ? 'disabled' : 'password' } });
      throw new DiwanError('signin_failed', 'That user name and password do not match an active account.');
    }
    return user;
  }

  /**
   * A signed-in person's current password, asked again before it is changed: the same lock-out as signing in (a held
   * session is no way round it), a refusal entry when wrong.
   */
  async currentPasswordChecked(user: HubUser, password: string, actor: { actor: string; device: string }): Promise<void> {
    if (await this.counted(user, () => verifyPassword(user.passwordHash, password), 'gives back')) return;
    await this.store.audit({ ...actor, action: 'user.password_change_refused', target: `user:${user.id}` });
    throw new DiwanError('password_wrong', 'Your current password is not right; nothing was changed.');
  }

  /**
   * One attempt at a person's password or code: counted toward the name's lock-out before it is checked, refused
   * unchecked while the name is locked (`signin_locked`). A right answer that ends the sign-in clears the count; a
   * right one that does not (a password still to be followed by a code, the current password to change it) takes back
   * only its own attempt.
   */
  private async counted(user: HubUser, check: () => Promise<boolean>, right: 'clears' | 'gives back'): Promise<boolean> {
    const now = this.o.now();
    const claim = await this.store.claimSignInAttempt(user.id, now, (failures) => lockoutMs(failures, DEFAULT_THROTTLE), DEFAULT_THROTTLE.forgetAfterMs);
    if ('refusedUntil' in claim) throw lockedOut(claim.refusedUntil - now);
    const ok = await check();
    if (ok && right === 'clears') await this.store.recordSignIn(user.id, { failures: 0, lockedUntil: 0 });
    else if (ok) await this.store.giveBackSignInAttempt(user.id, claim);
    return ok;
  }

  /** A name that is no account: counted as `counted` counts an account's, before its decoy check (always wrong). */
  private async countedUnknown(username: string, decoy: () => Promise<false>): Promise<false> {
    const now = this.o.now();
    const claim = await this.store.claimUnknownNameAttempt(username, now, (failures) => lockoutMs(failures, DEFAULT_THROTTLE), DEFAULT_THROTTLE.forgetAfterMs);
    if ('refusedUntil' in claim) throw lockedOut(claim.refusedUntil - now);
    return decoy();
  }

  /** The second-factor step: the current TOTP code (each time step once) or a recovery code (each once); a wrong one counts toward the lock-out. */
  private async codeChecked(user: HubUser, device: string, proof: { code?: string; recoveryCode?: string }): Promise<void> {
    const { code, recoveryCode } = proof;
    if (!code && !recoveryCode) throw new DiwanError('code_missing', 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.');
    const ok = await this.counted(user, async () => {
      if (!code) return this.factors.useRecoveryCode(user.id, hashRecoveryCode(recoveryCode!));
      const step = totpStep(this.totpSecretOf(user), code.replace(/\s+/g, ''), this.o.now());
      return step !== null && (await this.store.useTotpStep(user.id, step));
    }, 'clears');
    if (!ok) {
      await this.store.audit({ actor: user.username, device, action: 'signin.refused', details: { why: code ? 'second factor' : 'recovery code' } });
      throw new DiwanError(
        'second_factor_invalid',
        code ? 'That code is not right or was used already. Enter the current code from your authenticator.' : 'That recovery code is not right or was used already.',
      );
    }
  }

  /** The TOTP secret behind what the store keeps for this person (sealed under the hub's outbox key). */
  totpSecretOf(user: Pick<HubUser, 'id' | 'totpSecret'>): string {
    if (!user.totpSecret) throw new DiwanError('second_factor_not_enrolled', 'This account has no second factor set up.');
    return this.o.openSecondFactor ? this.o.openSecondFactor(user.id, user.totpSecret) : user.totpSecret;
  }

  private async issue<S extends 'full' | 'second-factor' | 'enrol'>(
    user: HubUser,
    device: string,
    stage: S,
    details?: Record<string, unknown>,
  ): Promise<{ token: string; stage: S; user: HubUser; expiresAt: number }> {
    const token = this.random(32).toString('base64url');
    const expiresAt = this.o.now() + (stage === 'full' ? this.o.idleMs : stage === 'enrol' ? ENROL_SESSION_MS : 5 * 60_000);
    await this.store.createSession({ tokenHash: hashToken(token), userId: user.id, device, stage, expiresAt });
    if (stage === 'full') await this.store.audit({ actor: user.username, device, action: 'signin.succeeded', ...(details ? { details } : {}) });
    if (stage === 'enrol') await this.store.audit({ actor: user.username, device, action: 'signin.must_enrol_second_factor' });
    return { token, stage, user, expiresAt };
  }

  /**
   * The signed-in user behind a bearer token, if the session is complete, alive and the account active; extends it.
   * With `enrolling`, a set-up sign-in (stage `enrol`) is accepted too, marked as such.
   */
  async authenticate(token: string | undefined, enrolling = false): Promise<SignedIn | null> {
    if (!token || token.length > 256) return null;
    const tokenHash = hashToken(token);
    const cache = this.o.cache;
    const hit = await cache?.get(tokenHash);
    if (hit) {
      this.keepAliveLater(hit.session);
      return { user: hit.user, device: hit.session.device, tokenHash };
    }
    const stamp = cache?.stamp() ?? 0;
    const s = await this.store.session(tokenHash);
    if (!s || !(s.stage === 'full' || (enrolling && s.stage === 'enrol'))) return null;
    const user = await this.store.userById(s.userId);
    if (!user || user.disabled) return null;
    if (s.stage === 'enrol') return { user, device: s.device, tokenHash, enrolling: true };
    await this.keepAlive(s);
    cache?.put(stamp, s, user);
    return { user, device: s.device, tokenHash };
  }

  /** Fills the cache with every live complete session (up to its size) in three statements, before consoles ask. */
  async warmCache(limit: number): Promise<void> {
    const cache = this.o.cache;
    if (!cache) return;
    const stamp = cache.stamp();
    const sessions = await this.store.liveSessions(limit);
    const users = await this.store.usersByIds(sessions.map((s) => s.userId));
    for (const s of sessions) {
      const user = users.get(s.userId);
      if (user) cache.put(stamp, s, user);
    }
  }

  private readonly extending = new Map<string, number>();
  private extendTimer: NodeJS.Timeout | null = null;

  /**
   * `keepAlive` for a session answered from the cache: the new deadline is written with others in one statement
   * within a second, so a reconnect storm costs no write per console. The entry moves at once, so it asks once.
   */
  private keepAliveLater(s: { tokenHash: string; expiresAt: number }): void {
    const deadline = this.o.now() + this.o.idleMs;
    if (deadline - s.expiresAt < Math.min(EXTEND_EVERY_MS, this.o.idleMs / 10)) return;
    s.expiresAt = deadline;
    this.extending.set(s.tokenHash, deadline);
    this.extendTimer ??= setTimeout(() => {
      this.extendTimer = null;
      const deadlines = [...this.extending].map(([tokenHash, expiresAt]) => ({ tokenHash, expiresAt }));
      this.extending.clear();
      // Out of reach: the deadline moves with the session's next use instead.
      void this.store.extendSessions(deadlines).catch(() => {});
    }, 1_000);
    this.extendTimer.unref();
  }

  /** Keeps a session alive while its console follows the stream; false once it has ended. */
  async touch(tokenHash: string): Promise<boolean> {
    const s = await this.store.session(tokenHash);
    if (!s || s.stage !== 'full') return false;
    await this.keepAlive(s);
    return true;
  }

  /**
   * Moves the idle deadline, but writes it only when it has not moved for a minute: every request and every
   * reconnecting stream authenticates, and a write each time cost a round trip when hundreds of consoles move to
   * this node at once. The idle limit is therefore kept to within a minute (a tenth of it when shorter).
   */
  private async keepAlive(s: { tokenHash: string; expiresAt: number }): Promise<void> {
    const deadline = this.o.now() + this.o.idleMs;
    if (deadline - s.expiresAt >= Math.min(EXTEND_EVERY_MS, this.o.idleMs / 10)) await this.store.extendSession(s.tokenHash, deadline);
  }

  signOut(tokenHash: string) {
    return this.store.endSession(tokenHash);
  }

  async createUser(u: { username: string; displayName: string; role: Role; password: string }, actor: { actor: string; device?: string | null }): Promise<HubUser> {
    return this.store.createUser(await this.newAccount(u), actor);
  }

  /** A new account's row as the store keeps it, once its name and password pass the rules (the password hashed). */
  async newAccount(u: { username: string; displayName: string; role: Role; password: string }): Promise<{ username: string; displayName: string; role: Role; passwordHash: string }> {
    if (!/^[\p{L}\p{N}._-]{2,64}$/u.test(u.username)) throw new DiwanError('username_invalid', 'A user name is 2 to 64 letters, digits, ".", "-" or "_".');
    checkPasswordRules(u.password);
    return { username: u.username, displayName: u.displayName.trim() || u.username, role: u.role, passwordHash: await hashPassword(u.password) };
  }
}

function lockedOut(waitMs: number): DiwanError {
  return new DiwanError('signin_locked', `Too many failed attempts. Try again in ${Math.ceil(waitMs / 1000)} seconds.`);
}

export function mustHave(user: HubUser, permission: Permission): void {
  if (!roleHas(user.role, permission)) throw new DiwanError('forbidden', 'Your role does not allow this.');
}
