export { Vault, DEFAULT_SERVICE, type VaultAccount } from './vault';
export {
  loadOsKeychain,
  classifyKeychainError,
  keychainAdvice,
  type KeychainPort,
  type KeychainProblem,
  type KeychainStatus,
} from './keychain';
