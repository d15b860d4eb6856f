import type { Db } from '../store';
import type { Role } from './permissions';

/** A privileged role asked for by one administrator, waiting for a second one's confirmation. */
export interface RoleGrantRequest {
  grantId: string;
  userId: string;
  username: string;
  role: Role;
  from: Role;
  requestedBy: string;
  requestedById: string;
  requestedAt: number;
  expiresAt: number;
}

export type StoredRoleGrant = RoleGrantRequest & { enable: boolean };

interface Row {
  grant_id: string;
  user_id: string;
  username: string;
  role: Role;
  from_role: Role;
  requested_by: string;
  requested_by_id: string;
  requested_at: number;
  expires_at: number;
  enable: number;
}

const toGrant = (r: Row): StoredRoleGrant => ({
  grantId: r.grant_id,
  userId: r.user_id,
  username: r.username,
  role: r.role,
  from: r.from_role,
  requestedBy: r.requested_by,
  requestedById: r.requested_by_id,
  requestedAt: r.requested_at,
  expiresAt: r.expires_at,
  enable: r.enable === 1,
});

/** Role requests in the database (migration 011), so a restart keeps them. */
export class RoleGrantRepo {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      put: db.prepare(
        `INSERT INTO role_grants (grant_id, user_id, username, role, from_role, requested_by, requested_by_id, requested_at, expires_at, enable)
         VALUES (@grantId, @userId, @username, @role, @from, @requestedBy, @requestedById, @requestedAt, @expiresAt, @enable)`,
      ),
      get: db.prepare('SELECT * FROM role_grants WHERE grant_id = ?'),
      all: db.prepare('SELECT * FROM role_grants ORDER BY requested_at'),
      delete: db.prepare('DELETE FROM role_grants WHERE grant_id = ?'),
      deleteForUser: db.prepare('DELETE FROM role_grants WHERE user_id = ?'),
      deleteExpired: db.prepare('DELETE FROM role_grants WHERE expires_at <= ?'),
    };
  }

  put(g: StoredRoleGrant): void {
    this.s.put.run({ ...g, enable: g.enable ? 1 : 0 });
  }

  get(grantId: string): StoredRoleGrant | null {
    const r = this.s.get.get(grantId) as Row | undefined;
    return r ? toGrant(r) : null;
  }

  /** Those still waiting at `now` (expired ones are removed). */
  pending(now: number): StoredRoleGrant[] {
    this.s.deleteExpired.run(now);
    return (this.s.all.all() as Row[]).map(toGrant);
  }

  delete(grantId: string): void {
    this.s.delete.run(grantId);
  }

  deleteForUser(userId: string): void {
    this.s.deleteForUser.run(userId);
  }
}
