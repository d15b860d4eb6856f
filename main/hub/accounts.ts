import crypto from 'node:crypto';
import {
  checkPasswordRules,
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
import type { HubStore, HubUser } from './store';

export interface SignedIn {
  user: HubUser;
  device: string;
  tokenHash: string;
}

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
    private readonly o: { now: () => number; idleMs: number; requireTwoFactor: boolean; random?: (n: number) => Buffer },
  ) {}

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
  }): Promise<{ token: string; stage: 'full' | 'second-factor'; user: HubUser; expiresAt: number }> {
    const device = await this.store.device(r.fingerprint);
    if (!device || device.revoked) throw new DiwanError('device_not_enrolled', 'This computer is not enrolled with the hub. Ask IT to enrol its device fingerprint.');
    const fresh = await this.store.takeChallenge(r.fingerprint, r.nonce);
    if (!fresh || Math.abs(this.o.now() - r.timestamp) > 120_000) {
      throw new DiwanError('device_proof_stale', 'The sign-in proof is stale or was used already. Try again (check this computer\'s clock if it keeps failing).');
    }
    if (!verifyEd25519(device.publicKey, deviceAuthMessage(r.nonce, r.timestamp, r.fingerprint), r.signature)) {
      await this.store.audit({ actor: r.username.slice(0, 64), device: r.fingerprint, action: 'signin.refused', details: { why: 'device signature' } });
      throw new DiwanError('device_proof_invalid', 'This computer could not prove its enrolled key. Ask IT to check its enrolment.');
    }
    const user = await this.store.userByName(r.username);
    const now = this.o.now();
    if (user && user.lockedUntil > now) {
      throw new DiwanError('signin_locked', `Too many failed attempts. Try again in ${Math.ceil((user.lockedUntil - now) / 1000)} seconds.`);
    }
    const ok = user ? await verifyPassword(user.passwordHash, r.password) : await verifyAgainstDecoy(r.password);
    if (!user || !ok || user.disabled) {
      if (user && !user.disabled) {
        const failures = user.failures + 1;
        await this.store.recordSignIn(user.id, { failures, lockedUntil: now + lockoutMs(failures, DEFAULT_THROTTLE) });
      }
      await this.store.audit({ actor: r.username.slice(0, 64), device: r.fingerprint, action: 'signin.refused', details: { why: user?.disabled ? 'disabled' : 'password' } });
      throw new DiwanError('signin_failed', 'That user name and password do not match an active account.');
    }
    await this.store.recordSignIn(user.id, { failures: 0, lockedUntil: 0 });
    const needsCode = Boolean(user.totpSecret) || this.o.requireTwoFactor;
    if (needsCode && !user.totpSecret) {
      throw new DiwanError('second_factor_not_enrolled', 'Your account must use a second factor, and none is enrolled. Ask an administrator to enrol one for you.');
    }
    return needsCode ? this.issue(user, r.fingerprint, 'second-factor') : this.issue(user, r.fingerprint, 'full');
  }

  async secondFactor(tokenHash: string, code: string): Promise<{ token: string; stage: 'full'; user: HubUser; expiresAt: number }> {
    const s = await this.store.session(tokenHash);
    if (!s || s.stage !== 'second-factor') throw new DiwanError('session_invalid', 'Sign in again: that sign-in has ended.');
    const user = await this.store.userById(s.userId);
    if (!user?.totpSecret || user.disabled) throw new DiwanError('session_invalid', 'Sign in again: that sign-in has ended.');
    const step = totpStep(user.totpSecret, code.replace(/\s+/g, ''), this.o.now());
    if (step === null || !(await this.store.useTotpStep(user.id, step))) {
      const failures = user.failures + 1;
      await this.store.recordSignIn(user.id, { failures, lockedUntil: this.o.now() + lockoutMs(failures, DEFAULT_THROTTLE) });
      await this.store.audit({ actor: user.username, device: s.device, action: 'signin.refused', details: { why: 'second factor' } });
      throw new DiwanError('second_factor_invalid', 'That code is not right or was used already. Enter the current code from your authenticator.');
    }
    await this.store.endSession(tokenHash);
    return this.issue(user, s.device, 'full');
  }

  private async issue<S extends 'full' | 'second-factor'>(user: HubUser, device: string, stage: S): Promise<{ token: string; stage: S; user: HubUser; expiresAt: number }> {
    const token = this.random(32).toString('base64url');
    const expiresAt = this.o.now() + (stage === 'full' ? this.o.idleMs : 5 * 60_000);
    await this.store.createSession({ tokenHash: hashToken(token), userId: user.id, device, stage, expiresAt });
    if (stage === 'full') await this.store.audit({ actor: user.username, device, action: 'signin.succeeded' });
    return { token, stage, user, expiresAt };
  }

  /** The signed-in user behind a bearer token, if the session is complete, alive and the account active; extends it. */
  async authenticate(token: string | undefined): Promise<SignedIn | null> {
    if (!token || token.length > 256) return null;
    const tokenHash = hashToken(token);
    const s = await this.store.session(tokenHash);
    if (!s || s.stage !== 'full') return null;
    const user = await this.store.userById(s.userId);
    if (!user || user.disabled) return null;
    await this.keepAlive(s);
    return { user, device: s.device, tokenHash };
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
    if (!/^[\p{L}\p{N}._-]{2,64}$/u.test(u.username)) throw new DiwanError('username_invalid', 'A user name is 2 to 64 letters, digits, ".", "-" or "_".');
    checkPasswordRules(u.password);
    return this.store.createUser({ username: u.username, displayName: u.displayName.trim() || u.username, role: u.role, passwordHash: await hashPassword(u.password) }, actor);
  }
}

export function mustHave(user: HubUser, permission: Permission): void {
  if (!roleHas(user.role, permission)) throw new DiwanError('forbidden', 'Your role does not allow this.');
}
