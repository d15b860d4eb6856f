import { declineNote, secondAdminDeclineRefusal, secondAdminRefusal } from '../../core/auth';
import { DiwanError } from '../../core/shared/errors';
import type { FactorResetView } from '../../core/team';
import type { HubStore } from './hub-store';
import { toMember } from './hub-store';
import type { Actor, HubUser } from './types';

/** A second-factor reset waiting for a second administrator (the wire shape consoles get). */
export type FactorResetRequest = FactorResetView;

type Row = { id: number; user_id: number; username: string; requested_by_id: number; requested_by: string; requested_at: number; expires_at: number };
const toRequest = (r: Row): FactorResetRequest => ({
  id: Number(r.id),
  userId: Number(r.user_id),
  username: r.username,
  requestedById: Number(r.requested_by_id),
  requestedBy: r.requested_by,
  requestedAt: Number(r.requested_at),
  expiresAt: Number(r.expires_at),
});

const KIND = 'second_factor_reset';
const SELECT = `SELECT r.id, r.user_id, u.username, r.requested_by_id, b.username AS requested_by, r.requested_at, r.expires_at
  FROM admin_requests r JOIN users u ON u.id = r.user_id JOIN users b ON b.id = r.requested_by_id WHERE r.kind = '${KIND}'`;

/**
 * Resetting a user's second factor when the hub's policy wants two administrators: one asks, a different one
 * confirms (the single-seat separation-of-duties rule, `secondAdminRefusal`), and the reset, its event and both audit
 * entries commit with the confirmation. IT's own `diwan hub user reset-2fa` on the hub host does not go through here.
 */
export class HubFactorResets {
  constructor(private readonly store: HubStore) {}

  /** Asking again while a request waits returns that request. */
  async request(userId: number, requestedById: number, expiresAt: number, actor: Actor): Promise<FactorResetRequest> {
    return this.store.q.tx(async (t) => {
      await t.serializeEvents();
      const user = await t.get<{ id: number }>('SELECT id FROM users WHERE id = ?', [userId]);
      if (!user) throw new DiwanError('user_unknown', `There is no user with id ${userId}.`);
      await t.run('DELETE FROM admin_requests WHERE kind = ? AND user_id = ? AND expires_at <= ?', [KIND, userId, this.store.now()]);
      const open = await t.get<Row>(`${SELECT} AND r.user_id = ?`, [userId]);
      if (open) return toRequest(open);
      const ins = await t.get<{ id: number }>('INSERT INTO admin_requests (kind, user_id, requested_by_id, requested_at, expires_at) VALUES (?, ?, ?, ?, ?) RETURNING id', [
        KIND,
        userId,
        requestedById,
        this.store.now(),
        expiresAt,
      ]);
      const request = toRequest((await t.get<Row>(`${SELECT} AND r.id = ?`, [ins!.id]))!);
      await this.store.emit(t, 'factor_reset.requested', 'admins', request);
      await this.store.appendAudit(t, { ...actor, action: 'user.second_factor_reset_requested', target: `user:${userId}`, details: { requestId: request.id } });
      return request;
    });
  }

  async pending(): Promise<FactorResetRequest[]> {
    return (await this.store.q.all<Row>(`${SELECT} AND r.expires_at > ? ORDER BY r.id`, [this.store.now()])).map(toRequest);
  }

  /** The second administrator's confirmation: never the one who asked, never for their own account, before it expires. */
  async confirm(requestId: number, confirmerId: number, actor: Actor): Promise<HubUser> {
    return this.store.q.tx(async (t) => {
      await t.serializeEvents();
      const row = await t.get<Row>(`${SELECT} AND r.id = ?`, [requestId]);
      const r = row ? toRequest(row) : null;
      const refusal = r ? secondAdminRefusal({ requestedById: String(r.requestedById), userId: String(r.userId), expiresAt: r.expiresAt }, String(confirmerId), this.store.now()) : 'expired';
      if (!r || refusal === 'expired') throw new DiwanError('reset_request_unknown', 'This reset request does not exist or has expired (requests wait 24 hours). Ask for the reset again.');
      if (refusal === 'same_admin') throw new DiwanError('reset_request_same_admin', 'You asked for this reset yourself; a second administrator must confirm it.');
      if (refusal === 'self') throw new DiwanError('reset_request_self', 'Nobody can confirm a reset of their own second factor; another administrator must.');
      await t.run('DELETE FROM admin_requests WHERE id = ?', [requestId]);
      const user = await this.store.updateUserIn(t, r.userId, { totpSecret: null }, {
        ...actor,
        action: 'user.second_factor_reset',
        details: { authority: 'second-administrator', requestedBy: r.requestedBy, requestId },
      });
      await this.store.emit(t, 'factor_reset.closed', 'admins', { id: requestId, userId: r.userId, member: toMember(user), outcome: 'confirmed' });
      return user;
    });
  }

  /**
   * An administrator declines a waiting reset with a sentence (`declineNote`, masked): the one who asked may
   * withdraw it, the person it is for may not decide. The second factor stays as it is. The request's removal, its
   * `factor_reset.closed` event and the audit entry commit together (the rule of `HubRoleGrants.decline`).
   */
  async decline(requestId: number, declinerId: number, reason: string, actor: Actor): Promise<HubUser> {
    const note = declineNote(reason);
    return this.store.q.tx(async (t) => {
      await t.serializeEvents();
      const row = await t.get<Row>(`${SELECT} AND r.id = ?`, [requestId]);
      const r = row ? toRequest(row) : null;
      const refusal = r ? secondAdminDeclineRefusal({ requestedById: String(r.requestedById), userId: String(r.userId), expiresAt: r.expiresAt }, String(declinerId), this.store.now()) : 'expired';
      if (!r || refusal === 'expired') throw new DiwanError('reset_request_unknown', 'This reset request does not exist or has expired (requests wait 24 hours).');
      if (refusal === 'self') throw new DiwanError('reset_request_self', 'Nobody can decide on a reset of their own second factor; another administrator must.');
      await t.run('DELETE FROM admin_requests WHERE id = ?', [requestId]);
      const user = (await this.store.userById(r.userId, t))!;
      await this.store.emit(t, 'factor_reset.closed', 'admins', { id: requestId, userId: r.userId, member: toMember(user), outcome: 'declined' });
      await this.store.appendAudit(t, {
        ...actor,
        action: 'user.second_factor_reset_declined',
        target: `user:${r.userId}`,
        details: { requestedBy: r.requestedBy, requestId, reason: note, ...(r.requestedById === declinerId ? { withdrawn: true } : {}) },
      });
      return user;
    });
  }
}
