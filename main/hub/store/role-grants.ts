import { declineNote, PRIVILEGED_ROLES, roleGrantAuthority, secondAdminDeclineRefusal, secondAdminRefusal, type Role } from '../../core/auth';
import { DiwanError } from '../../core/shared/errors';
import type { RoleGrantView } from '../../core/team';
import type { SqlExecutor } from './executor';
import type { HubStore } from './hub-store';
import type { Actor, HubUser } from './types';

/** A privileged role asked for from a console, waiting for a second administrator (the wire shape consoles get). */
export type HubRoleGrant = RoleGrantView;

type Row = {
  id: number;
  user_id: number;
  username: string;
  role: Role;
  from_role: Role;
  requested_by_id: number;
  requested_by: string;
  requested_at: number;
  expires_at: number;
  enable_on_confirm: number;
};

const KIND = 'role_grant';
const NOBODY: ReadonlySet<string> = new Set();
const SELECT = `SELECT r.id, r.user_id, u.username, r.role, r.from_role, r.requested_by_id, b.username AS requested_by, r.requested_at, r.expires_at,
  r.enable_on_confirm FROM admin_requests r JOIN users u ON u.id = r.user_id JOIN users b ON b.id = r.requested_by_id WHERE r.kind = '${KIND}'`;

const toGrant = (r: Row): HubRoleGrant => ({
  id: Number(r.id),
  userId: Number(r.user_id),
  username: r.username,
  role: r.role,
  from: r.from_role,
  requestedById: Number(r.requested_by_id),
  requestedBy: r.requested_by,
  requestedAt: Number(r.requested_at),
  expiresAt: Number(r.expires_at),
});

export interface RoleGrantPolicy {
  /** The hub's policy (`sessions.roleGrantNeedsSecondAdmin`): a lead, administrator or auditor role given from a console waits for a second administrator. */
  needsSecondAdmin: boolean;
  /**
   * The people IT's signed policy names for a privileged role (`privilegedUserKey`), whom one administrator may give
   * exactly that role: the embedded hub reads its console's policy; a team hub names nobody.
   */
  privilegedUsers?: () => ReadonlySet<string>;
  /** How long a request waits (`SECOND_ADMIN_WINDOW_MS`). */
  windowMs: number;
}

/**
 * Accounts of any role and role changes asked for from a console, at the hub: the single-seat rules
 * (`core/auth/identity.ts`) on the store port. Lowering a role takes one administrator; a privileged role takes a
 * second one's confirmation when the hub's policy says so, unless IT's signed policy names the person for it
 * (`roleGrantAuthority`, the same rule), and until then a new account is a disabled agent nobody can sign in with.
 * Each change, its event and its audit entry commit together. IT's `diwan hub user add` on the hub host does not go
 * through here.
 */
export class HubRoleGrants {
  constructor(
    private readonly store: HubStore,
    private readonly policy: RoleGrantPolicy,
  ) {}

  /** The single-seat rule (`roleGrantAuthority`) where the hub's policy asks for a second administrator; else one is enough. */
  private authority(role: Role, username: string): ReturnType<typeof roleGrantAuthority> {
    if (!this.policy.needsSecondAdmin) return 'administrator';
    return roleGrantAuthority(role, username, this.policy.privilegedUsers?.() ?? NOBODY);
  }

  /** A new account; `passwordHash` is made by the caller (`HubAccounts.createUser` checks the name and password rules). */
  async create(
    u: { username: string; displayName: string; role: Role; passwordHash: string },
    requester: { id: number } & Actor,
  ): Promise<{ user: HubUser; grant: HubRoleGrant | null }> {
    const { id: requestedById, ...actor } = requester;
    return this.store.q.tx(async (t) => {
      await t.serializeEvents();
      const authority = this.authority(u.role, u.username);
      if (authority !== 'second-administrator') {
        return { user: await this.store.createUserIn(t, u, { ...actor, details: PRIVILEGED_ROLES.has(u.role) ? { authority } : {} }), grant: null };
      }
      const user = await this.store.createUserIn(t, { ...u, role: 'agent', disabled: true }, { ...actor, details: { authority: 'pending-second-administrator' } });
      return { user, grant: await this.requestIn(t, user, u.role, requestedById, actor, true) };
    });
  }

  /** Changes a person's role, or asks for it when a second administrator must confirm; returns the person as they are now. */
  async setRole(userId: number, role: Role, requester: { id: number } & Actor): Promise<{ user: HubUser; grant: HubRoleGrant | null }> {
    const { id: requestedById, ...actor } = requester;
    if (userId === requestedById) throw new DiwanError('role_change_self', 'Nobody can change their own role; ask another administrator.');
    return this.store.q.tx(async (t) => {
      await t.serializeEvents();
      const user = await this.userIn(t, userId);
      if (user.role === role) return { user, grant: null };
      const authority = this.authority(role, user.username);
      if (authority === 'second-administrator') return { user, grant: await this.requestIn(t, user, role, requestedById, actor, false) };
      await t.run('DELETE FROM admin_requests WHERE kind = ? AND user_id = ?', [KIND, userId]);
      return { user: await this.applyIn(t, user, role, actor, { authority }), grant: null };
    });
  }

  async pending(): Promise<HubRoleGrant[]> {
    return (await this.store.q.all<Row>(`${SELECT} AND r.expires_at > ? ORDER BY r.id`, [this.store.now()])).map(toGrant);
  }

  /** The second administrator's confirmation: never the one who asked, never the person who gets the role, before it expires. */
  async confirm(requestId: number, confirmerId: number, actor: Actor): Promise<HubUser> {
    return this.store.q.tx(async (t) => {
      await t.serializeEvents();
      const row = await t.get<Row>(`${SELECT} AND r.id = ?`, [requestId]);
      const g = row ? toGrant(row) : null;
      const refusal = g ? secondAdminRefusal({ requestedById: String(g.requestedById), userId: String(g.userId), expiresAt: g.expiresAt }, String(confirmerId), this.store.now()) : 'expired';
      if (!g || refusal === 'expired') throw new DiwanError('role_request_not_found', 'This role request does not exist or has expired (requests wait 24 hours). Ask for the role again.');
      if (refusal === 'same_admin') throw new DiwanError('role_request_same_admin', 'You asked for this role yourself; a second administrator must confirm it.');
      if (refusal === 'self') throw new DiwanError('role_request_self', 'Nobody can confirm a role for their own account.');
      await t.run('DELETE FROM admin_requests WHERE id = ?', [requestId]);
      const user = await this.userIn(t, g.userId);
      if (user.role !== g.from) throw new DiwanError('role_request_stale', `${user.username}'s role changed since this request was made; ask for the role again.`);
      const enable = row!.enable_on_confirm === 1;
      const after = await this.applyIn(t, user, g.role, actor, { authority: 'second-administrator', requestedBy: g.requestedBy, requestId, ...(enable ? { enabled: true } : {}) }, enable);
      await this.store.emit(t, 'role_grant.closed', 'admins', { id: requestId, userId: g.userId, outcome: 'confirmed' });
      return after;
    });
  }

  /**
   * An administrator declines a waiting request with a sentence (`declineNote`, masked): the one who asked may
   * withdraw it, the person it is for may not decide. A new account made for it stays a disabled agent. The request's
   * removal, its `role_grant.closed` event and the audit entry commit together.
   */
  async decline(requestId: number, declinerId: number, reason: string, actor: Actor): Promise<HubUser> {
    const note = declineNote(reason);
    return this.store.q.tx(async (t) => {
      await t.serializeEvents();
      const row = await t.get<Row>(`${SELECT} AND r.id = ?`, [requestId]);
      const g = row ? toGrant(row) : null;
      const refusal = g ? secondAdminDeclineRefusal({ requestedById: String(g.requestedById), userId: String(g.userId), expiresAt: g.expiresAt }, String(declinerId), this.store.now()) : 'expired';
      if (!g || refusal === 'expired') throw new DiwanError('role_request_not_found', 'This role request does not exist or has expired (requests wait 24 hours).');
      if (refusal === 'self') throw new DiwanError('role_request_self', 'Nobody can decide on a role for their own account.');
      await t.run('DELETE FROM admin_requests WHERE id = ?', [requestId]);
      await this.store.emit(t, 'role_grant.closed', 'admins', { id: requestId, userId: g.userId, outcome: 'declined' });
      await this.store.appendAudit(t, {
        ...actor,
        action: 'user.role_declined',
        target: `user:${g.userId}`,
        details: { from: g.from, to: g.role, requestedBy: g.requestedBy, requestId, reason: note, ...(g.requestedById === declinerId ? { withdrawn: true } : {}) },
      });
      return (await this.store.userById(g.userId, t))!;
    });
  }

  private async userIn(t: SqlExecutor, id: number): Promise<HubUser> {
    const row = await t.get<{ id: number }>('SELECT id FROM users WHERE id = ?', [id]);
    if (!row) throw new DiwanError('user_unknown', `There is no user with id ${id}.`);
    return (await this.store.userById(id, t))!;
  }

  private async requestIn(t: SqlExecutor, user: HubUser, role: Role, requestedById: number, actor: Actor, enable: boolean): Promise<HubRoleGrant> {
    // One request per person: a new one replaces what was waiting.
    await t.run('DELETE FROM admin_requests WHERE kind = ? AND user_id = ?', [KIND, user.id]);
    const now = this.store.now();
    const ins = await t.get<{ id: number }>(
      'INSERT INTO admin_requests (kind, user_id, requested_by_id, requested_at, expires_at, role, from_role, enable_on_confirm) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
      [KIND, user.id, requestedById, now, now + this.policy.windowMs, role, user.role, enable ? 1 : 0],
    );
    const grant = toGrant((await t.get<Row>(`${SELECT} AND r.id = ?`, [ins!.id]))!);
    await this.store.emit(t, 'role_grant.requested', 'admins', grant);
    await this.store.appendAudit(t, { ...actor, action: 'user.role_requested', target: `user:${user.id}`, details: { from: user.role, to: role, requestId: grant.id } });
    return grant;
  }

  private async applyIn(t: SqlExecutor, user: HubUser, role: Role, actor: Actor, details: Record<string, unknown>, enable = false): Promise<HubUser> {
    if (user.role === 'admin' && !user.disabled && role !== 'admin') {
      const admins = await t.get<{ n: number }>("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0");
      if (Number(admins!.n) <= 1) throw new DiwanError('last_admin', 'This is the only active administrator; make someone else administrator first.');
    }
    return this.store.updateUserIn(t, user.id, { role, ...(enable ? { disabled: false } : {}) }, { ...actor, action: 'user.role_changed', details: { from: user.role, to: role, ...details } });
  }
}
