import { maskMessage } from '../masking';
import { checkReason } from './reason';
import { PRIVILEGED_ROLES, type Role } from './permissions';
import { privilegedUserKey } from './policy';

/**
 * Who grants a role, one copy for the single-seat console and the embedded hub: lowering a role, or a privileged role
 * (lead, admin, auditor) IT's signed policy names this person for (`privilegedUsers`, as `resolvePolicy` keeps them),
 * takes one administrator (`administrator`, `it-policy`); any other privileged role waits for a second one.
 */
export function roleGrantAuthority(role: Role, username: string, privilegedUsers: ReadonlySet<string>): 'administrator' | 'it-policy' | 'second-administrator' {
  if (!PRIVILEGED_ROLES.has(role)) return 'administrator';
  return privilegedUsers.has(privilegedUserKey(username, role)) ? 'it-policy' : 'second-administrator';
}

/** How long a request waits for a second administrator's confirmation. */
export const SECOND_ADMIN_WINDOW_MS = 24 * 60 * 60_000;

/** A change one administrator asked for that a second one must confirm (a privileged role, a second-factor reset). */
export interface SecondAdminRequest {
  requestedById: string;
  /** The account the change is for. */
  userId: string;
  expiresAt: number;
}

/**
 * Separation of duties, one copy for the single-seat console and the hub: a request is confirmed before it expires,
 * by an administrator who did not ask for it, and never for their own account. Returns why not, or null.
 */
export function secondAdminRefusal(request: SecondAdminRequest, confirmerId: string, now: number): 'expired' | 'same_admin' | 'self' | null {
  if (request.expiresAt <= now) return 'expired';
  if (request.requestedById === confirmerId) return 'same_admin';
  if (request.userId === confirmerId) return 'self';
  return null;
}

/**
 * Who may decline a waiting request: any administrator (the one who asked withdraws it), except the person the change
 * is for, who never decides on their own account. Expired requests are gone either way.
 */
export function secondAdminDeclineRefusal(request: SecondAdminRequest, declinerId: string, now: number): 'expired' | 'self' | null {
  if (request.expiresAt <= now) return 'expired';
  if (request.userId === declinerId) return 'self';
  return null;
}

/**
 * The sentence an administrator gives when declining, as recorded: it must say something (the reveal reason's rule)
 * and is masked like customer text, since it is kept in the trail for good.
 */
export function declineNote(text: string): string {
  return maskMessage(checkReason(text, 'Say in a few words why you decline this request (for example "not agreed with her team lead yet"); the person who asked and the auditor read it.')).masked;
}
