/**
 * The set-up the generated guard-round tests share: the outbound guard under a policy that needs only a phone number
 * and an activation code (so ID and name requests block), the inbound flags under the default policy with the real
 * masking engine, and fast-check's small helpers.
 */
import fc from 'fast-check';
import { evaluateReply, inspectInbound, resolveGuardPolicy, type GuardPolicy } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';
import { standInDetectSensitive } from './guard';

export const strict = resolveGuardPolicy({ companyDomains: ['acme.com'], serviceNeedsOnlyPhoneAndActivationCode: true });
export const noPolicy = resolveGuardPolicy();
export const blocked = (t: string, policy: GuardPolicy = strict): boolean => evaluateReply(t, 'en', policy, standInDetectSensitive).some((f) => f.verdict === 'block');
export const flags = (t: string, policy: GuardPolicy = noPolicy): string[] => inspectInbound(t, 'en', { policy, detectSensitive }).flags.map((f) => f.code);
export const pick = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
export const RUNS = { numRuns: 40 };
/**
 * A made-up brand or company name in lower case, `min` to 8 letters — never one that opens with a secret's short name
 * ("pwdaaa.pay.support" reads as a password word and its value, which is the pasted-secret rule working, not a name).
 */
export const lowerName = (min = 4): fc.Arbitrary<string> =>
  fc.stringMatching(new RegExp(`^[a-z]{${min},8}$`)).filter((w) => !/^(?:pwd|psw|pw|pass|pin|otp|cvv|cvc|code)/.test(w));
