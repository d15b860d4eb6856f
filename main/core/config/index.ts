export { defaultDataDir, type PathEnv } from './paths';
export {
  readManagedConfig,
  buildDefaultsFromPackage,
  machineDir,
  MANAGED_KEYS,
  UPDATE_MODES,
  WINDOWS_POLICY_KEY,
  MAC_MANAGED_PLIST,
  type BuildDefaults,
  type ManagedConfig,
  type ManagedKey,
  type ManagedReaders,
  type ManagedSource,
  type UpdateMode,
} from './managed';
export { systemManagedReaders } from './managed-system';
