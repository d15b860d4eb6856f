export { canonicalJson } from './canonical';
export { generateEd25519, keyIdOf, privateKeyFromPem, publicKeyFromBase64, publicKeyToBase64, signWithDomain, verifyWithDomain } from './keys';
export { loadPolicy, readPolicyFile, verifyPolicyText, type PolicyProblem, type PolicyResult, type PolicySourceOptions, type VerifyOptions } from './load';
export { GuardSettingsSchema, type GuardSettings } from './guard-settings';
export { CustodyPolicySchema, EpochLengthSchema, RetainEpochsSchema } from './custody-settings';
export { ISSUED_AT_TOLERANCE_MS, MAX_POLICY_BYTES, MAX_POLICY_DEPTH } from './limits';
export { machineLocations, type MachineLocations } from './locations';
export {
  DEFAULT_CHECKS,
  DEFAULT_MASKING_HINTS,
  describeIssues,
  parseCidr,
  POLICY_FORMAT,
  PolicySchema,
  type Policy,
  type PolicyInput,
  type Site,
} from './schema';
export { signPolicyDocument } from './sign';
export { BUILD_SIGNERS, loadTrustedSigners, SignersFileSchema, type SignerSourceOptions, type TrustedSigner } from './signers';
export { memoryVersionStore, settingsVersionStore, type PolicyVersionStore } from './version-store';
