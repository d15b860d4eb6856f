export { Vault, DEFAULT_SERVICE, type VaultAccount } from './vault';
export { FieldCipher, type KeyRing } from './cipher';
export { newKeyRing } from './key-ring';
export {
  loadOsKeychain,
  classifyKeychainError,
  keychainAdvice,
  type KeychainPort,
  type KeychainProblem,
  type KeychainStatus,
} from './keychain';
