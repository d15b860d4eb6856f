import crypto from 'node:crypto';
import type { Db } from '../store';
import type { AuditPort, Clock } from '../shared/ports';
import { AUDIT_ACTIONS } from '../audit/actions';
import type { Role } from './permissions';
import type { User } from './users';
import { Listeners } from '../shared/listeners';

/** A signed-in user on this device. Lives in main-process memory only: a restart signs everyone out. */
export interface Session {
  readonly id: string;
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly device: string;
  readonly startedAt: number;
  lastActiveAt: number;
  /** The policy requires a second factor this user has not enrolled yet: only enrolment and sign-out work. */
  mustEnrolTwoFactor: boolean;
}

/**
 * What a transport keeps per window (Electron) or per cookie (the test bridge): the id of its session, if any,
 * and of a sign-in waiting for its second factor. Never sent to the renderer.
 */
export interface SessionSlot {
  sessionId: string | null;
  pendingSignIn: string | null;
}

export function newSessionSlot(): SessionSlot {
  return { sessionId: null, pendingSignIn: null };
}

export type EndReason = 'sign-out' | 'idle' | 'os-lock' | 'suspend' | 'disabled' | 'role-changed' | 'shutdown' | (string & {});

/**
 * Live sessions with idle expiry on an injected clock. `lockAll` ends every session (OS lock, suspend, off-network);
 * listeners hear each end so the shell can lock the console.
 */
export class SessionManager {
  private readonly live = new Map<string, Session>();
  private readonly ended: Listeners<[session: Session, reason: EndReason]>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditPort,
    private readonly idleMs: () => number,
    log?: (line: string) => void,
  ) {
    this.ended = new Listeners('session ended', log);
  }

  /** Sessions the database still shows open belonged to a process that is gone. */
  closeLeftovers(): void {
    this.db.prepare("UPDATE user_sessions SET ended_at = ?, end_reason = 'restart' WHERE ended_at IS NULL").run(this.clock.now());
  }

  start(user: User, device: string, mustEnrolTwoFactor: boolean): Session {
    const now = this.clock.now();
    const session: Session = {
      id: crypto.randomBytes(32).toString('hex'),
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      device,
      startedAt: now,
      lastActiveAt: now,
      mustEnrolTwoFactor,
    };
    this.db.prepare('INSERT INTO user_sessions (id, user_id, device, started_at) VALUES (?, ?, ?, ?)').run(
      sessionRowId(session.id),
      user.id,
      device,
      now,
    );
    this.live.set(session.id, session);
    return session;
  }

  /** The live session, or null; a session idle for too long ends here (and is audited). */
  get(id: string | null): Session | null {
    if (!id) return null;
    const s = this.live.get(id);
    if (!s) return null;
    if (this.clock.now() - s.lastActiveAt >= this.idleMs()) {
      this.end(id, 'idle');
      return null;
    }
    return s;
  }

  touch(id: string): void {
    const s = this.live.get(id);
    if (s) s.lastActiveAt = this.clock.now();
  }

  end(id: string, reason: EndReason): void {
    const s = this.live.get(id);
    if (!s) return;
    this.live.delete(id);
    this.db.prepare('UPDATE user_sessions SET ended_at = ?, end_reason = ? WHERE id = ?').run(this.clock.now(), reason, sessionRowId(id));
    this.audit(
      reason === 'sign-out'
        ? { action: AUDIT_ACTIONS.signOut, actor: s.username }
        : { action: AUDIT_ACTIONS.sessionEnded, actor: s.username, details: { reason } },
    );
    this.ended.emit(s, reason);
  }

  endForUser(userId: string, reason: EndReason): void {
    for (const s of [...this.live.values()]) if (s.userId === userId) this.end(s.id, reason);
  }

  /** Ends every session; returns how many there were. */
  lockAll(reason: EndReason): number {
    const ids = [...this.live.keys()];
    for (const id of ids) this.end(id, reason);
    return ids.length;
  }

  /** Ends the sessions that have been idle too long (the shell calls this on a timer). */
  sweep(): void {
    for (const id of [...this.live.keys()]) this.get(id);
  }

  onEnd(listener: (session: Session, reason: EndReason) => void): () => void {
    return this.ended.add(listener);
  }
}

/** The database keeps a hash of the session id: the live id (a bearer secret) is never written to disk. */
function sessionRowId(id: string): string {
  return crypto.createHash('sha256').update(id).digest('hex').slice(0, 32);
}
