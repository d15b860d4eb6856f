import crypto from 'node:crypto';
import { cachedStatement, type Db } from '../store';
import { DiwanError } from '../shared/errors';
import type { Role } from './permissions';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  totpEnabled: boolean;
  disabled: boolean;
  createdAt: number;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  totp_enabled: number;
  totp_last_step: number | null;
  disabled: number;
  created_at: number;
}

export interface UserSecrets {
  user: User;
  passwordHash: string;
  totpLastStep: number | null;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** Usernames are compared lower-cased; they never change, so the audit trail can name people by them. */
export function normalizeUsername(name: string): string {
  return name.trim().toLowerCase();
}

export function checkUsername(name: string): string {
  const u = normalizeUsername(name);
  if (!USERNAME.test(u)) {
    throw new DiwanError('username_invalid', 'A username is 2 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.');
  }
  return u;
}

export class UserRepo {
  constructor(private readonly db: Db) {}

  count(): number {
    return (cachedStatement(this.db, 'SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  list(): User[] {
    return (cachedStatement(this.db, 'SELECT * FROM users ORDER BY username').all() as UserRow[]).map(toUser);
  }

  byId(id: string): User | null {
    const row = cachedStatement(this.db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  /** People's names by id in one statement (an inbox page names up to 100 assignees); ids not found are left out. */
  namesOf(ids: readonly string[]): Map<string, { username: string; displayName: string }> {
    if (!ids.length) return new Map();
    const rows = cachedStatement(this.db, 'SELECT id, username, display_name FROM users WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as Array<{
      id: string;
      username: string;
      display_name: string;
    }>;
    return new Map(rows.map((r) => [r.id, { username: r.username, displayName: r.display_name }]));
  }

  secretsByUsername(username: string): UserSecrets | null {
    const row = cachedStatement(this.db, 'SELECT * FROM users WHERE username = ?').get(normalizeUsername(username)) as UserRow | undefined;
    return row ? { user: toUser(row), passwordHash: row.password_hash, totpLastStep: row.totp_last_step } : null;
  }

  secretsById(id: string): UserSecrets | null {
    const row = cachedStatement(this.db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row ? { user: toUser(row), passwordHash: row.password_hash, totpLastStep: row.totp_last_step } : null;
  }

  insert(u: { username: string; displayName: string; role: Role; passwordHash: string }, now: number): User {
    const id = crypto.randomUUID();
    try {
      cachedStatement(this.db, 'INSERT INTO users (id, username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, u.username, u.displayName, u.role, u.passwordHash, now, now);
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new DiwanError('username_taken', `There is already an account named "${u.username}".`);
      }
      throw e;
    }
    return this.byId(id)!;
  }

  update(id: string, fields: Partial<{ role: Role; disabled: boolean; passwordHash: string; totpEnabled: boolean; totpLastStep: number }>, now: number): void {
    const columns: Array<[string, string | number | undefined]> = [
      ['role', fields.role],
      ['disabled', fields.disabled === undefined ? undefined : fields.disabled ? 1 : 0],
      ['password_hash', fields.passwordHash],
      ['totp_enabled', fields.totpEnabled === undefined ? undefined : fields.totpEnabled ? 1 : 0],
      ['totp_last_step', fields.totpLastStep],
    ];
    const set = columns.filter(([, v]) => v !== undefined);
    const sets = set.map(([c]) => `${c} = ?`);
    const values = set.map(([, v]) => v!);
    if (!sets.length) return;
    cachedStatement(this.db, `UPDATE users SET ${sets.join(', ')}, updated_at = ? WHERE id = ?`).run(...values, now, id);
  }

  activeAdmins(): number {
    return (cachedStatement(this.db, "SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0").get() as { n: number }).n;
  }
}

function toUser(r: UserRow): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    totpEnabled: r.totp_enabled === 1,
    disabled: r.disabled === 1,
    createdAt: r.created_at,
  };
}
