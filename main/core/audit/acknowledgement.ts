import crypto from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../policy/canonical';
import { keyIdOf, publicKeyFromBase64, publicKeyToBase64, signWithDomain, verifyWithDomain } from '../policy/keys';
import type { TrustedSigner } from '../policy/signers';
import { DiwanError } from '../shared/errors';

/**
 * IT's signed acceptance of an audit trail found tampered with: it names the database and the entry the trail ends
 * at now, and a short validity, so it accepts exactly this finding — not a later one, not another machine's.
 * Signed with a policy signing key (the keys this computer trusts for its network policy), never by `--yes`.
 */
export const ACK_FORMAT = 'diwan-audit-ack/1';
const ACK_DOMAIN = 'diwan-audit-ack/1';

const AckBodySchema = z.strictObject({
  databaseId: z.string().regex(/^[0-9a-f]{8,64}$/),
  lastSeq: z.number().int().min(0),
  issuedAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
  reason: z.string().min(1).max(500),
});
export type AuditAckBody = z.infer<typeof AckBodySchema>;

const AckFileSchema = z.strictObject({
  format: z.literal(ACK_FORMAT),
  ack: AckBodySchema,
  signatures: z.array(z.strictObject({ keyId: z.string().max(64), signature: z.string().max(200) })).min(1).max(8),
});

export function signAuditAcknowledgement(body: AuditAckBody, key: crypto.KeyObject): string {
  const parsed = AckBodySchema.parse(body);
  const keyId = keyIdOf(publicKeyToBase64(crypto.createPublicKey(key)));
  return `${JSON.stringify({ format: ACK_FORMAT, ack: parsed, signatures: [{ keyId, signature: signWithDomain(ACK_DOMAIN, canonicalJson(parsed), key) }] }, null, 2)}\n`;
}

/** The acknowledgement's body when a trusted key signed it for this database and this trail end, still valid. */
export function verifyAuditAcknowledgement(text: string, signers: readonly TrustedSigner[], expected: { databaseId: string; lastSeq: number; now: number }): AuditAckBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DiwanError('ack_malformed', 'The acknowledgement file is not JSON.');
  }
  const f = AckFileSchema.safeParse(json);
  if (!f.success) throw new DiwanError('ack_malformed', `The acknowledgement file is not a ${ACK_FORMAT} document as \`diwan audit ack-sign\` writes it.`);
  const b = f.data.ack;
  const signed = f.data.signatures.some((s) => {
    const signer = signers.find((k) => k.keyId === s.keyId);
    return signer ? verifyWithDomain(ACK_DOMAIN, canonicalJson(b), s.signature, publicKeyFromBase64(signer.publicKey)) : false;
  });
  if (!signed) throw new DiwanError('ack_untrusted', 'The acknowledgement is not signed by a policy signing key this computer trusts.');
  if (b.databaseId !== expected.databaseId) throw new DiwanError('ack_other_database', `The acknowledgement is for database ${b.databaseId}, not this one (${expected.databaseId}).`);
  if (b.lastSeq !== expected.lastSeq) {
    throw new DiwanError('ack_stale', `The acknowledgement accepts a trail ending at entry ${b.lastSeq}; this trail ends at ${expected.lastSeq}. Run \`diwan audit verify\` and ask IT for a new one.`);
  }
  if (Date.parse(b.expiresAt) <= expected.now || Date.parse(b.issuedAt) > expected.now + 300_000) {
    throw new DiwanError('ack_expired', 'The acknowledgement is outside its validity; ask IT for a new one.');
  }
  return b;
}
