import crypto from 'node:crypto';
import type { Db } from '../store';
import { DiwanError } from '../shared/errors';
import type { AuditPort, Clock } from '../shared/ports';
import { AUDIT_ACTIONS } from '../audit/actions';
import { maskMessage, NEVER_REVEALABLE } from '../masking';
import type { ResolvedIdentityPolicy } from './policy';
import { checkReason } from './reason';
import type { Session } from './sessions';
import { ERROR_CODES } from '../shared/vocabulary';

/**
 * How the reveal service reaches a masked field's original: `storeOriginals` (`app/store-ports.ts`) implements it
 * over the store, which keeps originals encrypted, and `openCore` passes it in. `describeField` never returns the value.
 */
export interface OriginalsPort {
  describeField(messageId: number, fieldIndex: number): { conversationId: number; type: string } | null;
  /**
   * The original of one field, opened for a granted, unexpired reveal: `grant` is what the reveal rules decided
   * (who, why, until when, approved by whom), for the store to have signed and the custodian to check and log.
   */
  readOriginalField(messageId: number, fieldIndex: number, grant: RevealGrantFacts): string | null;
}

export interface RevealGrantFacts {
  revealId: string;
  user: string;
  userId: string;
  reason: string;
  type: string;
  expiresAt: number;
  /** The team lead who approved it, with their own sign-in. */
  approval: { approver: string; approverId: string; at: number } | null;
}

/** A masked field: the store's message row id and the field's index in that message. */
export interface FieldRef {
  messageId: number;
  fieldIndex: number;
}

export type RevealOutcome =
  | { status: 'granted'; grantId: string; fieldType: string; expiresAt: number; value: string }
  | { status: 'pending'; requestId: string; fieldType: string };

export interface PendingReveal {
  requestId: string;
  requestedBy: string;
  conversationId: number;
  messageId: number;
  fieldIndex: number;
  fieldType: string;
  reason: string;
  requestedAt: number;
}

/** A `reveal_requests` row. Its id columns are TEXT (the first schema's opaque ids); `fieldOf` reads them back as numbers. */
interface RequestRow {
  id: string;
  user_id: string;
  conversation_id: string;
  message_id: string;
  field_index: number;
  field_type: string;
  reason: string;
  status: 'pending' | 'granted' | 'denied';
  requested_at: number;
  decided_by: string | null;
  decided_at: number | null;
  expires_at: number | null;
}

/**
 * The reason a reveal is asked for, as it will be recorded; refuses what says nothing (`checkReason`). It is stored and
 * audited for good (and exported to the SIEM): a value typed into it is masked like customer text.
 */
export function revealReason(text: string): string {
  return maskMessage(checkReason(text)).masked;
}

/**
 * Reveal grants: one field, for one user, for a limited time, with a reason; types the policy marks need a
 * team lead's approval first. The original leaves this service only through `request` (when granted at once)
 * and `read` (for the user's own granted, unexpired grant).
 */
export class RevealService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditPort,
    private readonly originals: OriginalsPort,
    private readonly policy: () => ResolvedIdentityPolicy,
    private readonly usernameOf: (userId: string) => string,
  ) {}

  request(session: Session, field: FieldRef, reasonText: string): RevealOutcome {
    const reason = revealReason(reasonText);
    const info = this.originals.describeField(field.messageId, field.fieldIndex);
    if (!info) throw new DiwanError('field_not_found', 'That masked field no longer exists.');
    const rules = this.policy().reveal;
    const target = `message:${field.messageId}#${field.fieldIndex}`;
    // a policy may widen the revealable types, but never to one-time codes or card security codes
    if (!(rules.allowedTypes[session.role] ?? []).includes(info.type) || (NEVER_REVEALABLE as readonly string[]).includes(info.type)) {
      this.audit({ action: AUDIT_ACTIONS.revealRefused, actor: session.username, target, details: { type: info.type, conversation: info.conversationId } });
      throw new DiwanError('reveal_not_allowed', `Your role may not reveal ${info.type} fields.`);
    }
    const now = this.clock.now();
    const id = crypto.randomUUID();
    const needsApproval = rules.approvalRequired.includes(info.type);
    const expiresAt = needsApproval ? null : now + rules.grantMinutes * 60_000;
    this.db
      .prepare(
        `INSERT INTO reveal_requests (id, user_id, conversation_id, message_id, field_index, field_type, reason, status, requested_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, session.userId, info.conversationId, field.messageId, field.fieldIndex, info.type, reason, needsApproval ? 'pending' : 'granted', now, expiresAt);
    const details = { type: info.type, reason, conversation: info.conversationId };
    if (needsApproval) {
      this.audit({ action: AUDIT_ACTIONS.revealRequested, actor: session.username, target, details });
      return { status: 'pending', requestId: id, fieldType: info.type };
    }
    this.audit({ action: AUDIT_ACTIONS.revealGranted, actor: session.username, target, details: { ...details, approver: null, expiresAt: expiresAt! } });
    const value = this.original(field, { revealId: id, user: session.username, userId: session.userId, reason, type: info.type, expiresAt: expiresAt!, approval: null });
    return { status: 'granted', grantId: id, fieldType: info.type, expiresAt: expiresAt!, value };
  }

  /** The original of the caller's own grant, while it lasts. Anything else is refused the same way. */
  read(session: Session, grantId: string): { value: string; fieldType: string; expiresAt: number } {
    const row = this.db.prepare('SELECT * FROM reveal_requests WHERE id = ?').get(grantId) as RequestRow | undefined;
    if (!row || row.user_id !== session.userId) throw notGranted();
    if (row.status === 'pending') {
      const stale = row.requested_at <= this.clock.now() - this.policy().reveal.approvalWindowMinutes * 60_000;
      if (stale) throw new DiwanError(ERROR_CODES.revealRequestStale, 'No team lead answered this request in time. Ask again with a reason if you still need it.');
      throw new DiwanError(ERROR_CODES.revealPending, 'A team lead has not approved this reveal yet.');
    }
    if (row.status === 'denied') throw new DiwanError(ERROR_CODES.revealDenied, 'A team lead declined this reveal request.');
    if (row.status !== 'granted' || row.expires_at === null) throw notGranted();
    if (row.expires_at <= this.clock.now()) throw new DiwanError('reveal_expired', 'This reveal has expired; request it again with a reason.');
    const approval = row.decided_by ? { approver: this.usernameOf(row.decided_by), approverId: row.decided_by, at: row.decided_at ?? row.requested_at } : null;
    const value = this.original(
      fieldOf(row),
      { revealId: row.id, user: session.username, userId: session.userId, reason: row.reason, type: row.field_type, expiresAt: row.expires_at, approval },
    );
    return { value, fieldType: row.field_type, expiresAt: row.expires_at };
  }

  /**
   * The caller's own requests a lead decides, while they matter: waiting (not stale), granted and not expired, or
   * declined within the approval window. What the console shows again after its person signs out and back in (a lead
   * may have signed in on this computer meanwhile). Never a value; newest first, at most 100.
   */
  own(session: Session): Array<{ requestId: string; messageId: number; fieldIndex: number; fieldType: string; state: 'pending' | 'granted' | 'denied' }> {
    const now = this.clock.now();
    const since = now - this.policy().reveal.approvalWindowMinutes * 60_000;
    const rows = this.db
      .prepare(
        `SELECT * FROM reveal_requests WHERE user_id = ? AND (
           (status = 'pending' AND requested_at > ?) OR
           (decided_by IS NOT NULL AND ((status = 'granted' AND expires_at > ?) OR (status = 'denied' AND decided_at > ?))))
         ORDER BY requested_at DESC LIMIT 100`,
      )
      .all(session.userId, since, now, since) as RequestRow[];
    return rows.map((r) => ({ requestId: r.id, ...fieldOf(r), fieldType: r.field_type, state: r.status }));
  }

  /** Requests waiting for a lead, oldest first; a lead never sees their own (someone else must approve them). */
  pending(session: Session): PendingReveal[] {
    const since = this.clock.now() - this.policy().reveal.approvalWindowMinutes * 60_000;
    const rows = this.db
      .prepare("SELECT * FROM reveal_requests WHERE status = 'pending' AND requested_at > ? AND user_id != ? ORDER BY requested_at LIMIT 200")
      .all(since, session.userId) as RequestRow[];
    return rows.map((r) => ({
      requestId: r.id,
      requestedBy: this.usernameOf(r.user_id),
      conversationId: Number(r.conversation_id),
      ...fieldOf(r),
      fieldType: r.field_type,
      reason: r.reason,
      requestedAt: r.requested_at,
    }));
  }

  decide(approver: Session, requestId: string, approve: boolean): { status: 'granted' | 'denied'; expiresAt: number | null } {
    const now = this.clock.now();
    const rules = this.policy().reveal;
    const row = this.db.prepare('SELECT * FROM reveal_requests WHERE id = ?').get(requestId) as RequestRow | undefined;
    if (!row || row.status !== 'pending') throw new DiwanError('request_not_pending', 'This request is no longer waiting for approval.');
    if (row.user_id === approver.userId) throw new DiwanError(ERROR_CODES.selfApproval, 'Another team lead must approve your own reveal request.');
    if (row.requested_at <= now - rules.approvalWindowMinutes * 60_000) {
      throw new DiwanError('request_stale', 'This request waited too long; the agent must ask again.');
    }
    const expiresAt = approve ? now + rules.grantMinutes * 60_000 : null;
    const changed = this.db
      .prepare("UPDATE reveal_requests SET status = ?, decided_by = ?, decided_at = ?, expires_at = ? WHERE id = ? AND status = 'pending'")
      .run(approve ? 'granted' : 'denied', approver.userId, now, expiresAt, requestId);
    if (changed.changes !== 1) throw new DiwanError('request_not_pending', 'This request is no longer waiting for approval.');
    this.audit({
      action: approve ? AUDIT_ACTIONS.revealApproved : AUDIT_ACTIONS.revealDenied,
      actor: approver.username,
      target: `message:${row.message_id}#${row.field_index}`,
      details: {
        type: row.field_type,
        reason: row.reason,
        requestedBy: this.usernameOf(row.user_id),
        approver: approver.username,
        conversation: row.conversation_id,
        ...(expiresAt ? { expiresAt } : {}),
      },
    });
    return { status: approve ? 'granted' : 'denied', expiresAt };
  }

  private original(field: FieldRef, grant: RevealGrantFacts): string {
    const value = this.originals.readOriginalField(field.messageId, field.fieldIndex, grant);
    if (value === null) throw new DiwanError('field_not_found', 'That masked field no longer exists.');
    return value;
  }
}

function fieldOf(row: RequestRow): FieldRef {
  return { messageId: Number(row.message_id), fieldIndex: row.field_index };
}

function notGranted(): DiwanError {
  return new DiwanError('reveal_not_granted', 'You have no reveal grant for this field. Request one with a reason.');
}
