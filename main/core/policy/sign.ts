import crypto from 'node:crypto';
import { DiwanError } from '../shared/errors';
import { canonicalJson } from './canonical';
import { keyIdOf, publicKeyToBase64, signWithDomain } from './keys';
import { describeIssues, EnvelopeSchema, POLICY_FORMAT, POLICY_SIGNATURE_DOMAIN, PolicySchema } from './schema';

/**
 * Signs a policy for installation. `input` is either a bare policy body or an already signed file (then its policy
 * is signed again and this key's signature is added, replacing an older one by the same key, which is how a second
 * key is introduced before the first is retired). The body is validated first: nothing invalid gets signed.
 */
export function signPolicyDocument(input: unknown, privateKey: crypto.KeyObject): string {
  const existing = EnvelopeSchema.safeParse(input);
  const body = existing.success ? existing.data.policy : input;
  const parsed = PolicySchema.safeParse(body);
  if (!parsed.success) throw new DiwanError('policy_invalid', `The policy is not valid (${describeIssues(parsed.error)}). Nothing was signed.`);
  const keyId = keyIdOf(publicKeyToBase64(crypto.createPublicKey(privateKey)));
  const signature = signWithDomain(POLICY_SIGNATURE_DOMAIN, canonicalJson(body), privateKey);
  const others = existing.success ? (existing.data.signatures ?? []).filter((s) => s.keyId !== keyId) : [];
  return JSON.stringify({ format: POLICY_FORMAT, policy: body, signatures: [...others, { keyId, signature }] }, null, 2) + '\n';
}
