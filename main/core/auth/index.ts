export {
  PERMISSIONS,
  ROLES,
  ROLE_PERMISSIONS,
  CUSTOMER_DATA_PERMISSIONS,
  PRIVILEGED_ROLES,
  roleHas,
  type Permission,
  type Role,
} from './permissions';
export { Identity, type IdentityOptions, type SessionView, type AccessDenial } from './identity';
export { SessionManager, newSessionSlot, type Session, type SessionSlot, type EndReason } from './sessions';
export { LoginThrottle, DEFAULT_THROTTLE, lockoutMs, type ThrottleRules } from './throttle';
export { checkReason } from './reason';
export { RevealService, revealReason, type OriginalsPort, type RevealGrantFacts, type FieldRef, type RevealOutcome, type PendingReveal } from './reveal';
export {
  loadOrCreateDeviceIdentity,
  fingerprintOf,
  formatFingerprint,
  normalizeFingerprint,
  verifyEd25519,
  DEVICE_ACCOUNT,
  type DeviceIdentity,
} from './device';
export { privilegedUserKey, resolvePolicy, type IdentityPolicy, type RevealRules, type ResolvedIdentityPolicy } from './policy';
export { totpCode, totpStep, newTotpSecret, totpUri, totpQrDataUrl } from './totp';
export { newRecoveryCodes, hashRecoveryCode } from './recovery';
export { hashPassword, verifyPassword, verifyAgainstDecoy, checkPasswordRules } from './passwords';
export type { User } from './users';
export { roleGrantAuthority, SECOND_ADMIN_WINDOW_MS, secondAdminRefusal, secondAdminDeclineRefusal, declineNote, type SecondAdminRequest } from './second-admin';
