import fs from 'node:fs';
import { DiwanError, isDiwanError } from '../shared/errors';
import type { Clock } from '../shared/ports';
import { canonicalJson } from './canonical';
import { publicKeyFromBase64, verifyWithDomain } from './keys';
import { ISSUED_AT_TOLERANCE_MS, jsonNestingDepth, MAX_POLICY_BYTES, MAX_POLICY_DEPTH } from './limits';
import { describeIssues, EnvelopeSchema, POLICY_SIGNATURE_DOMAIN, PolicySchema, type Policy } from './schema';
import { loadTrustedSigners, type SignerSourceOptions, type TrustedSigner } from './signers';
import type { PolicyVersionStore } from './version-store';

export type PolicyProblem =
  | 'policy_missing'
  | 'policy_unreadable'
  | 'policy_malformed'
  | 'policy_unsigned'
  | 'policy_untrusted_signer'
  | 'policy_bad_signature'
  | 'policy_invalid'
  | 'policy_expired'
  | 'policy_not_yet_valid'
  | 'policy_too_large'
  | 'policy_too_deep'
  | 'policy_rollback'
  | 'signers_missing'
  | 'signers_insecure'
  | 'signers_unreadable'
  | 'signers_malformed';

export type PolicyResult =
  /** No signer key configured anywhere and no policy installed: development mode. */
  | { kind: 'unmanaged'; reason: string }
  /** `previousVersion`: the highest version this machine had accepted before (null: none), so a caller can tell a new policy. */
  | { kind: 'accepted'; policy: Policy; signer: string; file: string; previousVersion: number | null }
  | { kind: 'rejected'; code: PolicyProblem; reason: string };

export interface PolicySourceOptions extends SignerSourceOptions {
  policyFile: string;
  /** The policy as IT's managed configuration delivered it (registry, MDM, /etc/diwan); read instead of `policyFile`. */
  managedPolicy?: { bytes: Buffer; source: string };
  versions: PolicyVersionStore;
  clock: Clock;
}

const IT_GUIDE = 'docs/IT-GUIDE.md';

/**
 * Reads and verifies the policy, in an order that trusts nothing before its signature: signers → file → envelope →
 * signature → schema → expiry → rollback. Never throws; every refusal says exactly why and what IT must do.
 * Accepting a higher version raises the stored rollback floor.
 */
export function loadPolicy(opts: PolicySourceOptions): PolicyResult {
  let signers: TrustedSigner[];
  try {
    signers = loadTrustedSigners(opts);
  } catch (e) {
    if (isDiwanError(e)) return { kind: 'rejected', code: e.code as PolicyProblem, reason: e.message };
    throw e;
  }

  let text: string;
  try {
    text = opts.managedPolicy ? opts.managedPolicy.bytes.toString('utf8') : readPolicyFile(opts.policyFile);
  } catch (e) {
    if (isDiwanError(e)) return reject(e.code as PolicyProblem, e.message);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && signers.length === 0) {
      return {
        kind: 'unmanaged',
        reason:
          'No policy signer key is configured (none built in, none in the machine-wide folder) and no policy is installed: ' +
          'Diwan runs unmanaged, without the office-network gate. This is for development only.',
      };
    }
    if (code === 'ENOENT') {
      return reject('policy_missing', `No network policy is installed at ${opts.policyFile}. IT must sign one and install it there (${IT_GUIDE}, "Sign and install the policy").`);
    }
    return reject('policy_unreadable', `Diwan cannot read the network policy at ${opts.policyFile} (${code ?? 'error'}). IT must make it readable by every user.`);
  }
  return verifyPolicyText(text, { ...opts, signers });
}

export interface VerifyOptions {
  policyFile: string;
  signers: readonly TrustedSigner[];
  versions: PolicyVersionStore;
  clock: Clock;
}

export function verifyPolicyText(text: string, opts: VerifyOptions): PolicyResult {
  const where = opts.policyFile;
  if (opts.signers.length === 0) {
    return reject(
      'signers_missing',
      `A network policy is installed at ${where} but no key to check its signature is configured. ` +
        `IT must install the signer's public key in the machine-wide signer folder (${IT_GUIDE}, "Trust the signing key").`,
    );
  }
  if (Buffer.byteLength(text, 'utf8') > MAX_POLICY_BYTES) return reject('policy_too_large', tooLargeReason(where));
  if (jsonNestingDepth(text) > MAX_POLICY_DEPTH) {
    return reject(
      'policy_too_deep',
      `The network policy at ${where} nests more than ${MAX_POLICY_DEPTH} levels of brackets; no Diwan policy does. ` +
        'IT must install the file `diwan policy sign` wrote, unchanged.',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return reject('policy_malformed', `The network policy at ${where} is not valid JSON. IT must install the file \`diwan policy sign\` wrote, unchanged.`);
  }
  const envelope = EnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    if (json && typeof json === 'object' && 'version' in json && 'sites' in json) {
      return reject('policy_unsigned', `The network policy at ${where} is not signed. IT must sign it with \`diwan policy sign\` and install the signed file.`);
    }
    return reject('policy_malformed', `The network policy at ${where} is not a Diwan policy file (${describeIssues(envelope.error)}).`);
  }
  const sigs = envelope.data.signatures ?? [];
  if (sigs.length === 0) {
    return reject('policy_unsigned', `The network policy at ${where} carries no signature. IT must sign it with \`diwan policy sign\`.`);
  }
  const message = canonicalJson(envelope.data.policy);
  const known = sigs.map((s) => ({ s, signer: opts.signers.find((k) => k.keyId === s.keyId) })).filter((x) => x.signer);
  if (known.length === 0) {
    return reject(
      'policy_untrusted_signer',
      `The network policy at ${where} is signed by key ${sigs.map((s) => s.keyId).join(', ')}, which this computer does not trust. ` +
        `IT must sign with a trusted key, or install that key's public half in the signer folder.`,
    );
  }
  const good = known.find(({ s, signer }) => verifyWithDomain(POLICY_SIGNATURE_DOMAIN, message, s.signature, publicKeyFromBase64(signer!.publicKey)));
  if (!good) {
    return reject(
      'policy_bad_signature',
      `The network policy at ${where} does not match its signature: it was changed after signing, or damaged. ` +
        'IT must install the signed file again, unchanged.',
    );
  }
  const parsed = PolicySchema.safeParse(envelope.data.policy);
  if (!parsed.success) {
    return reject('policy_invalid', `The network policy at ${where} is signed but not valid for this Diwan (${describeIssues(parsed.error)}). IT must fix it and sign it again.`);
  }
  const policy = parsed.data;
  const now = opts.clock.now();
  if (Date.parse(policy.expiresAt) <= now) {
    return reject('policy_expired', `The network policy at ${where} (version ${policy.version}) expired at ${policy.expiresAt}. IT must sign and install a new one with a later expiry.`);
  }
  const issuedAt = Date.parse(policy.issuedAt);
  if (issuedAt > now + ISSUED_AT_TOLERANCE_MS) {
    return reject(
      'policy_not_yet_valid',
      `The network policy at ${where} (version ${policy.version}) says it was issued at ${policy.issuedAt}, which is still in the future ` +
        `by this computer's clock (${new Date(now).toISOString()}). Either this computer's clock is behind or the policy was signed with a wrong date; ` +
        'IT must fix the clock or sign the policy again with the current time.',
    );
  }
  const floor = opts.versions.get();
  if (floor !== null && policy.version < floor) {
    return reject(
      'policy_rollback',
      `The network policy at ${where} is version ${policy.version}, older than version ${floor} which this computer already accepted. ` +
        `An old policy cannot be put back; IT must install the current policy (version ${floor} or newer).`,
    );
  }
  if (floor === null || policy.version > floor) opts.versions.set(policy.version);
  return { kind: 'accepted', policy, signer: good.signer!.name, file: where, previousVersion: floor };
}

/**
 * A policy file's text, refusing (DiwanError `policy_too_large`) before reading anything larger than a policy can
 * be. File-system errors are thrown as they are.
 */
export function readPolicyFile(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const tooLarge = () => new DiwanError('policy_too_large', tooLargeReason(file));
    if (fs.fstatSync(fd).size > MAX_POLICY_BYTES) throw tooLarge();
    const buf = Buffer.alloc(MAX_POLICY_BYTES + 1);
    let n = 0;
    for (let r; n < buf.length && (r = fs.readSync(fd, buf, n, buf.length - n, null)) > 0; ) n += r;
    if (n > MAX_POLICY_BYTES) throw tooLarge(); // it grew while being read
    return buf.subarray(0, n).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

function tooLargeReason(where: string): string {
  return (
    `The network policy at ${where} is larger than ${MAX_POLICY_BYTES / 1024 / 1024} MiB; a real policy is a few kilobytes. ` +
    'IT must install the file `diwan policy sign` wrote, unchanged.'
  );
}

function reject(code: PolicyProblem, reason: string): PolicyResult {
  return { kind: 'rejected', code, reason };
}

