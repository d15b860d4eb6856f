import type { Role } from './permissions';
import { normalizeFingerprint } from './device';
import { normalizeUsername } from './users';
import { WHOLE_ORIGINAL } from '../shared/vocabulary';

/**
 * The part of IT's signed policy that identity enforces. The network work reads and verifies the signed policy
 * and hands this object to `Identity.setPolicy`; until then the defaults below apply (no device restriction,
 * second factor optional).
 */
export interface IdentityPolicy {
  /** Device fingerprints allowed to open customer data. Absent: any device. Present (even empty): only these. */
  enrolledDevices?: string[];
  /** Every account must use a second factor (TOTP); one without it may only enrol. */
  requireTwoFactor?: boolean;
  /** Minutes without an IPC call before a session ends and the console locks. */
  idleMinutes?: number;
  reveal?: Partial<RevealRules>;
  /** People IT names in the signed policy for a privileged role: one administrator may grant exactly that. */
  privilegedUsers?: Array<{ username: string; role: Role }>;
}

export interface RevealRules {
  /** How long a granted reveal lasts, in minutes. */
  grantMinutes: number;
  /** The field types (as the masking detectors name them) each role may reveal. A role not listed reveals nothing. */
  allowedTypes: Partial<Record<Role, string[]>>;
  /** Field types a team lead must approve before they are revealed. */
  approvalRequired: string[];
  /** How long a request may wait for approval, in minutes. */
  approvalWindowMinutes: number;
}

export interface ResolvedIdentityPolicy {
  enrolledDevices: ReadonlySet<string> | null;
  requireTwoFactor: boolean;
  idleMs: number;
  reveal: RevealRules;
  /** `username|role` pairs IT's signed policy names. */
  privilegedUsers: ReadonlySet<string>;
}

const REVEALABLE = ['PHONE', 'EMAIL', 'DOB', 'IBAN', 'NATIONAL_ID', 'CARD', 'CARD_EXPIRY', 'PASSPORT', WHOLE_ORIGINAL];

/**
 * Safe defaults: one-time codes and card security codes are never revealed; IDs, cards, IBANs and passports need a
 * lead's approval, and so does a whole original (an e-mail's HTML), which may hold any of them unmasked.
 */
const DEFAULT_REVEAL_RULES: RevealRules = {
  grantMinutes: 5,
  allowedTypes: { agent: REVEALABLE, lead: REVEALABLE },
  approvalRequired: ['NATIONAL_ID', 'CARD', 'IBAN', 'PASSPORT', WHOLE_ORIGINAL],
  approvalWindowMinutes: 60,
};

const DEFAULT_IDLE_MINUTES = 15;

export function resolvePolicy(p: IdentityPolicy = {}): ResolvedIdentityPolicy {
  return {
    enrolledDevices: p.enrolledDevices ? new Set(p.enrolledDevices.map(normalizeFingerprint)) : null,
    requireTwoFactor: p.requireTwoFactor ?? false,
    idleMs: Math.max(1, p.idleMinutes ?? DEFAULT_IDLE_MINUTES) * 60_000,
    reveal: { ...DEFAULT_REVEAL_RULES, ...p.reveal },
    privilegedUsers: new Set((p.privilegedUsers ?? []).map((u) => privilegedUserKey(u.username, u.role))),
  };
}

/** How `privilegedUsers` keeps a person the policy names for a role: `username|role`, the username as Diwan compares it. */
export function privilegedUserKey(username: string, role: Role): string {
  return `${normalizeUsername(username)}|${role}`;
}
