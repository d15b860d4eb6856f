import crypto from 'node:crypto';
import type { ResolvedIdentityPolicy } from '../core/auth';
import { APPROVAL_DOMAIN, fingerprintOfPem, GRANT_DOMAIN, REQUEST_DOMAIN, RevealGrantSchema, verifyStatement, type RevealGrant } from '../core/custody';
import { NEVER_REVEALABLE } from '../core/masking';

export type GrantRefusal =
  | 'grant_malformed'
  | 'grant_forged'
  | 'grant_other_team'
  | 'grant_expired'
  | 'grant_not_yet_valid'
  | 'grant_other_device'
  | 'request_forged'
  | 'request_mismatch'
  | 'request_stale'
  | 'grant_replayed'
  | 'device_unenrolled'
  | 'approval_missing'
  | 'approval_invalid'
  | 'type_never_revealed'
  | 'rate_limited'
  | 'policy_unavailable';

export interface GrantContext {
  team: string;
  now: number;
  /** The hub's grant-signing public keys (Ed25519), as IT configured them. */
  hubKeys: readonly crypto.KeyObject[];
  /** IT's signed policy, resolved; null with the reason when it cannot be read or verified. */
  policy: ResolvedIdentityPolicy | { unavailable: string };
  /** How far a device's request may be from the custodian's clock. */
  requestMaxAgeMs: number;
  /** Nonce or grant id already used within the request window. */
  seen(grantId: string, nonce: string): boolean;
  /** Reveals this device opened within the rate window. */
  recentOpens(device: string): number;
  ratePerWindow: number;
}

export type GrantVerdict = { ok: true; grant: RevealGrant } | { ok: false; code: GrantRefusal; reason: string; grant?: RevealGrant };

/**
 * Everything the custodian checks before it opens one value, in an order that trusts nothing before its signature:
 * shape → the hub's signature → team → expiry → the device's own request (its key, its fingerprint, the same field,
 * fresh, never seen) → enrolment in IT's signed policy → the lead's device countersignature where IT's policy says
 * approval is needed → the device's rate. Pure: the caller logs the verdict.
 */
export function checkGrant(wire: unknown, c: GrantContext): GrantVerdict {
  const refuse = (code: GrantRefusal, reason: string, grant?: RevealGrant): GrantVerdict => ({ ok: false, code, reason, grant });
  const w = wire as { grant?: unknown; signature?: unknown } | null;
  const parsed = RevealGrantSchema.safeParse(w?.grant);
  if (!parsed.success || typeof w?.signature !== 'string') return refuse('grant_malformed', 'The grant is not in the form the custodian accepts.');
  const g = parsed.data;
  if (!c.hubKeys.some((k) => verifyStatement(GRANT_DOMAIN, g, w.signature as string, k))) return refuse('grant_forged', 'The grant is not signed by a hub key IT configured.', g);
  if (g.team !== c.team) return refuse('grant_other_team', `The grant is for team "${g.team}", not this custodian's.`, g);
  if (g.expiresAt <= c.now) return refuse('grant_expired', 'The grant has expired.', g);
  if (g.issuedAt > c.now + c.requestMaxAgeMs) return refuse('grant_not_yet_valid', 'The grant is dated in the future; check the hub\'s clock.', g);

  const r = g.request.body;
  if (r.device !== g.device || fingerprintOfPem(g.devicePublicKey) !== g.device) {
    return refuse('grant_other_device', 'The grant names a different device from the one that asked for it.', g);
  }
  if (!verifyStatement(REQUEST_DOMAIN, r, g.request.signature, g.devicePublicKey)) return refuse('request_forged', 'The reveal request is not signed by the device\'s key.', g);
  if (r.revealId !== g.revealId || r.messageId !== g.messageId || r.field !== g.field) return refuse('request_mismatch', 'The device asked for a different field from the one granted.', g);
  if (Math.abs(c.now - r.at) > c.requestMaxAgeMs) return refuse('request_stale', 'The device\'s request is too old (or its clock is wrong); ask again.', g);
  if (c.seen(g.grantId, r.nonce)) return refuse('grant_replayed', 'This grant or request was already used.', g);

  if ('unavailable' in c.policy) return refuse('policy_unavailable', c.policy.unavailable, g);
  const enrolled = c.policy.enrolledDevices;
  if (!enrolled || !enrolled.has(g.device)) return refuse('device_unenrolled', 'The requesting device is not enrolled in IT\'s signed policy.', g);
  if ((NEVER_REVEALABLE as readonly string[]).includes(g.type)) return refuse('type_never_revealed', `${g.type} values are never revealed.`, g);

  if (c.policy.reveal.approvalRequired.includes(g.type)) {
    const a = g.approval;
    if (!a) return refuse('approval_missing', `IT's policy says ${g.type} reveals need a team lead's approval, and the grant carries no countersignature.`, g);
    const b = a.body;
    const matches =
      b.revealId === g.revealId && b.messageId === g.messageId && b.field === g.field && b.requesterDevice === g.device && b.requesterId === g.userId && b.reason === g.reason;
    const leadListed = c.policy.privilegedUsers.size === 0 || c.policy.privilegedUsers.has(`${b.approver.toLowerCase()}|lead`);
    if (
      !matches ||
      b.approverDevice === g.device ||
      fingerprintOfPem(a.approverPublicKey) !== b.approverDevice ||
      !enrolled.has(b.approverDevice) ||
      !leadListed ||
      !verifyStatement(APPROVAL_DOMAIN, b, a.signature, a.approverPublicKey)
    ) {
      return refuse('approval_invalid', 'The approval is not a valid countersignature by another enrolled team lead\'s device for this request.', g);
    }
  }
  if (c.recentOpens(g.device) >= c.ratePerWindow) return refuse('rate_limited', 'This device has revealed as many values as IT allows for now; try again later.', g);
  return { ok: true, grant: g };
}
