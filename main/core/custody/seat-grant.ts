import type crypto from 'node:crypto';
import { z } from 'zod';
import { NEVER_REVEALABLE } from '../masking';
import { verifyStatement } from './grant';

/**
 * The single-seat console's grant: the one statement its reveal rules (role, reason, lead approval, audit first)
 * sign for the in-process custodian to open ONE value (`kind: 'reveal'`), or an administrator's export of one
 * customer (`kind: 'export'`). Each statement is good once (its nonce) and for two minutes at most; the reveal it
 * carries out keeps its own, longer expiry (`revealExpiresAt`).
 */
export const SEAT_GRANT_DOMAIN = 'diwan-seat-grant/1';
/** A statement lives at most this long, so the custodian's log window always covers its replay check. */
export const SEAT_GRANT_MAX_LIFE_MS = 120_000;

const id = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const at = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const SeatGrantSchema = z.strictObject({
  v: z.literal(1),
  kind: z.enum(['reveal', 'export']),
  seat: z.string().regex(/^seat-[0-9a-f]{8,64}$/),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  issuedAt: at,
  expiresAt: at,
  user: z.string().min(1).max(64),
  userId: z.string().min(1).max(64),
  reason: z.string().max(2_000),
  /** reveal: the reveal request, its field and the grant's own end. */
  revealId: z.string().min(1).max(64).nullable(),
  revealExpiresAt: at.nullable(),
  messageId: id.nullable(),
  field: z.number().int().min(0).max(10_000).nullable(),
  type: z.string().regex(/^[A-Z][A-Z0-9_]{1,31}$/).nullable(),
  /** The team lead who approved it, signed in with their own password (types the policy says need approval). */
  approval: z.strictObject({ approver: z.string().min(1).max(64), approverId: z.string().min(1).max(64), at }).nullable(),
  /** export: the customer whose records are opened. */
  contactId: id.nullable(),
});
export type SeatGrant = z.infer<typeof SeatGrantSchema>;
export interface SignedSeatGrant {
  grant: SeatGrant;
  signature: string;
}

export type SeatRefusal =
  | 'grant_malformed'
  | 'grant_forged'
  | 'grant_other_seat'
  | 'grant_expired'
  | 'grant_not_yet_valid'
  | 'grant_too_long'
  | 'grant_replayed'
  | 'grant_wrong_kind'
  | 'approval_missing'
  | 'approval_invalid'
  | 'type_never_revealed'
  | 'rate_limited';

export interface SeatGrantContext {
  seat: string;
  kind: SeatGrant['kind'];
  now: number;
  /** The public half of the console's grant key (from this seat's keychain). */
  grantKey: crypto.KeyObject;
  /** Types IT's policy (or the defaults) say need a team lead's approval. */
  approvalRequired: readonly string[];
  seen(nonce: string): boolean;
  recentOpens(userId: string): number;
  ratePerWindow: number;
}

export type SeatGrantVerdict = { ok: true; grant: SeatGrant } | { ok: false; code: SeatRefusal; reason: string; grant?: SeatGrant };

/** Everything the in-process custodian checks before it opens, trusting nothing before the signature. Pure. */
export function checkSeatGrant(wire: unknown, c: SeatGrantContext): SeatGrantVerdict {
  const refuse = (code: SeatRefusal, reason: string, grant?: SeatGrant): SeatGrantVerdict => ({ ok: false, code, reason, grant });
  const w = wire as Partial<SignedSeatGrant> | null;
  const parsed = SeatGrantSchema.safeParse(w?.grant);
  if (!parsed.success || typeof w?.signature !== 'string') return refuse('grant_malformed', 'The grant is not in the form the custodian accepts.');
  const g = parsed.data;
  if (!verifyStatement(SEAT_GRANT_DOMAIN, g, w.signature, c.grantKey)) return refuse('grant_forged', "The grant is not signed by this console's reveal rules.", g);
  if (g.seat !== c.seat) return refuse('grant_other_seat', 'The grant was issued for another database.', g);
  if (g.kind !== c.kind) return refuse('grant_wrong_kind', `A ${g.kind} grant cannot be used for a ${c.kind}.`, g);
  if (g.expiresAt - g.issuedAt > SEAT_GRANT_MAX_LIFE_MS) return refuse('grant_too_long', 'The grant claims a longer life than the custodian allows.', g);
  if (g.issuedAt > c.now + 30_000) return refuse('grant_not_yet_valid', 'The grant is dated in the future.', g);
  if (g.expiresAt <= c.now || (g.revealExpiresAt !== null && g.revealExpiresAt <= c.now)) return refuse('grant_expired', 'The grant has expired.', g);
  if (c.seen(g.nonce)) return refuse('grant_replayed', 'This grant was already used.', g);
  if (g.kind === 'reveal') {
    if (g.revealId === null || g.messageId === null || g.field === null || g.type === null || g.revealExpiresAt === null) {
      return refuse('grant_malformed', 'A reveal grant names its reveal, message, field, type and expiry.', g);
    }
    if ((NEVER_REVEALABLE as readonly string[]).includes(g.type)) return refuse('type_never_revealed', `${g.type} values are never revealed.`, g);
    if (c.approvalRequired.includes(g.type)) {
      if (!g.approval) return refuse('approval_missing', `${g.type} reveals need a team lead's approval, and the grant carries none.`, g);
      if (g.approval.approverId === g.userId) return refuse('approval_invalid', 'A reveal cannot be approved by the person who asked for it.', g);
    }
  } else if (g.contactId === null) {
    return refuse('grant_malformed', 'An export grant names its customer.', g);
  }
  if (c.recentOpens(g.userId) >= c.ratePerWindow) return refuse('rate_limited', 'This user has opened as many originals as allowed for now; try again later.', g);
  return { ok: true, grant: g };
}
