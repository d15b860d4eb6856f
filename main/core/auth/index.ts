export {
  PERMISSIONS,
  ROLES,
  ROLE_PERMISSIONS,
  CUSTOMER_DATA_PERMISSIONS,
  roleHas,
  isRole,
  type Permission,
  type Role,
} from './permissions';
export { Identity, type IdentityOptions, type SessionView, type AccessDenial } from './identity';
export { SessionManager, newSessionSlot, type Session, type SessionSlot, type EndReason } from './sessions';
export { LoginThrottle, DEFAULT_THROTTLE, type ThrottleRules } from './throttle';
export { RevealService, noOriginals, type OriginalsPort, type FieldRef, type RevealOutcome, type PendingReveal, MIN_REASON, MAX_REASON } from './reveal';
export {
  loadOrCreateDeviceIdentity,
  fingerprintOf,
  formatFingerprint,
  normalizeFingerprint,
  verifyEd25519,
  DEVICE_ACCOUNT,
  type DeviceIdentity,
} from './device';
export { resolvePolicy, DEFAULT_REVEAL_RULES, DEFAULT_IDLE_MINUTES, type IdentityPolicy, type RevealRules, type ResolvedIdentityPolicy } from './policy';
export { totpCode, totpUri, TOTP_ISSUER } from './totp';
export { MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } from './passwords';
export type { User } from './users';
