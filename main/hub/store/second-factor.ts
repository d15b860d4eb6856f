import { DiwanError } from '../../core/shared/errors';
import type { HubStore } from './hub-store';
import type { Actor, HubUser } from './types';

/**
 * A person sets up their own two-step sign-in at the hub, as on a single seat: the secret waits (sealed, see
 * `OriginalsSealer.sealSecondFactor`) until a first code confirms it — in the database, so the confirmation may reach
 * another node than the start — then becomes the account's, with ten recovery codes kept only as hashes. Each change
 * and its audit entry (and the `user.updated` event) commit together.
 */
export class HubSecondFactor {
  constructor(private readonly store: HubStore) {}

  /** Starts (or restarts) a set-up; refused when the account already has a second factor. */
  async begin(userId: number, sealedSecret: string, expiresAt: number, actor: Actor): Promise<void> {
    await this.store.q.tx(async (t) => {
      const u = await t.get<{ totp_secret: string | null }>('SELECT totp_secret FROM users WHERE id = ?', [userId]);
      if (!u) throw new DiwanError('user_unknown', `There is no user with id ${userId}.`);
      if (u.totp_secret) throw alreadyEnabled();
      await t.run(
        'INSERT INTO totp_enrolments (user_id, sealed_secret, expires_at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET sealed_secret = excluded.sealed_secret, expires_at = excluded.expires_at',
        [userId, sealedSecret, expiresAt],
      );
      await this.store.appendAudit(t, { ...actor, action: 'user.second_factor_enrolment_started', target: `user:${userId}` });
    });
  }

  /** The set-up waiting for its first code, if it has not expired. */
  async pending(userId: number): Promise<{ sealedSecret: string; expiresAt: number } | null> {
    const r = await this.store.q.get<{ sealed_secret: string; expires_at: number }>('SELECT sealed_secret, expires_at FROM totp_enrolments WHERE user_id = ?', [userId]);
    return r && r.expires_at > this.store.now() ? { sealedSecret: r.sealed_secret, expiresAt: r.expires_at } : null;
  }

  /**
   * The first code was right: the waiting secret becomes the account's (compare-and-set on exactly that secret, so
   * two confirmations at once enrol it once), the code's time step counts as used, the recovery codes replace any
   * old ones, and the session that did it — a set-up sign-in included — becomes a full one. Other sessions end.
   */
  async confirm(
    userId: number,
    c: { sealedSecret: string; step: number; recoveryHashes: string[]; tokenHash: string; sessionExpiresAt: number },
    actor: Actor,
  ): Promise<HubUser> {
    return this.store.q.tx(async (t) => {
      await t.serializeEvents();
      const taken = await t.run('DELETE FROM totp_enrolments WHERE user_id = ? AND sealed_secret = ? AND expires_at > ?', [userId, c.sealedSecret, this.store.now()]);
      if (taken.changes !== 1) throw noEnrolment();
      const u = await t.get<{ totp_secret: string | null }>('SELECT totp_secret FROM users WHERE id = ?', [userId]);
      if (u?.totp_secret) throw alreadyEnabled();
      const user = await this.store.updateUserIn(t, userId, { totpSecret: c.sealedSecret }, { ...actor, action: 'user.second_factor_enrolled', keepSession: c.tokenHash });
      await t.run('UPDATE users SET totp_last_step = ? WHERE id = ?', [c.step, userId]);
      await t.run('DELETE FROM recovery_codes WHERE user_id = ?', [userId]);
      for (const h of c.recoveryHashes) await t.run('INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)', [userId, h]);
      await t.run("UPDATE sessions SET stage = 'full', expires_at = ? WHERE token_hash = ? AND user_id = ?", [c.sessionExpiresAt, c.tokenHash, userId]);
      return user;
    });
  }

  /** Uses one recovery code (once, across every node): false when it is not one of this person's unused codes. */
  async useRecoveryCode(userId: number, codeHash: string): Promise<boolean> {
    const r = await this.store.q.run('UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL', [this.store.now(), userId, codeHash]);
    return r.changes === 1;
  }

  async recoveryCodesLeft(userId: number): Promise<number> {
    return (await this.store.q.get<{ n: number }>('SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id = ? AND used_at IS NULL', [userId]))!.n;
  }
}

const alreadyEnabled = () => new DiwanError('totp_already_enabled', 'Two-step sign-in is already set up. Ask your administrator to reset it if you lost your phone.');
const noEnrolment = () => new DiwanError('no_enrolment', 'Start the set-up again: the QR code shown before has expired or was used.');
