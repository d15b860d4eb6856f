import crypto from 'node:crypto';
import { z } from 'zod';
import { fingerprintOf } from '../shared/device-key';
import { canonicalJson } from '../policy/canonical';
import { verifyWithDomain } from '../policy/keys';

/**
 * The three signed statements of a reveal, each under its own domain so a signature for one is never valid as
 * another:
 * - the requesting DEVICE asks for one field and names a fresh X25519 key to receive it (so a hub cannot swap in a
 *   key of its own: the custodian seals only to a key the enrolled device signed);
 * - the approving lead's DEVICE approves that request (for types IT's policy says need approval);
 * - the HUB grants it (user, device, field, type, reason, expiry) after its own checks, carrying both.
 * The custodian checks all of them against IT's signed policy (`main/custodian/check-grant.ts`).
 */
export const REQUEST_DOMAIN = 'diwan-reveal-request/1';
export const APPROVAL_DOMAIN = 'diwan-reveal-approval/1';
export const GRANT_DOMAIN = 'diwan-reveal-grant/1';
/** A hub's audit head checkpointed at the custodian, signed with the hub's grant key. */
export const AUDIT_HEAD_DOMAIN = 'diwan-audit-head/1';

const fp = z.string().regex(/^[0-9a-f]{64}$/);
const b64key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const RevealRequestSchema = z.strictObject({
  v: z.literal(1),
  revealId: count,
  messageId: count,
  field: count,
  device: fp,
  /** The X25519 public key (raw, base64) the value is re-sealed to; made for this one request and then dropped. */
  recipient: b64key,
  nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  at: count,
});
export type RevealRequest = z.infer<typeof RevealRequestSchema>;

export const RevealApprovalSchema = z.strictObject({
  v: z.literal(1),
  revealId: count,
  messageId: count,
  field: count,
  requesterId: count,
  requesterDevice: fp,
  reason: z.string().max(2_000),
  approver: z.string().min(1).max(64),
  approverDevice: fp,
  at: count,
});
export type RevealApproval = z.infer<typeof RevealApprovalSchema>;

export const RevealGrantSchema = z.strictObject({
  v: z.literal(1),
  grantId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  team: z.string().min(1).max(64),
  revealId: count,
  messageId: count,
  field: count,
  type: z.string().regex(/^[A-Z][A-Z0-9_]{1,31}$/),
  user: z.string().min(1).max(64),
  userId: count,
  device: fp,
  devicePublicKey: z.string().min(1).max(1_000),
  reason: z.string().max(2_000),
  issuedAt: count,
  expiresAt: count,
  /** The sealed original, base64 (the hub cannot open it). */
  sealed: z.string().min(1).max(200_000),
  request: z.strictObject({ body: RevealRequestSchema, signature: z.string().max(200) }),
  approval: z.strictObject({ body: RevealApprovalSchema, signature: z.string().max(200), approverPublicKey: z.string().min(1).max(1_000) }).nullable(),
});
export type RevealGrant = z.infer<typeof RevealGrantSchema>;

/** The bytes a statement's signature covers: its domain, a newline, then its canonical JSON. */
export function signedText(domain: string, body: object): string {
  return `${domain}\n${canonicalJson(body)}`;
}

export function signStatement(domain: string, body: object, key: crypto.KeyObject): string {
  return crypto.sign(null, Buffer.from(signedText(domain, body), 'utf8'), key).toString('base64');
}

/** True when `signature` is `publicKeyPem`'s Ed25519 signature of `body` under `domain`. Never throws. */
export function verifyStatement(domain: string, body: object, signature: string, publicKey: crypto.KeyObject | string): boolean {
  try {
    const key = typeof publicKey === 'string' ? crypto.createPublicKey(publicKey) : publicKey;
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verifyWithDomain(domain, canonicalJson(body), signature, key);
  } catch {
    return false;
  }
}

/** The fingerprint of a PEM public key, or null when it is not an Ed25519 key. */
export function fingerprintOfPem(pem: string): string | null {
  try {
    const key = crypto.createPublicKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? fingerprintOf(key) : null;
  } catch {
    return null;
  }
}
