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
