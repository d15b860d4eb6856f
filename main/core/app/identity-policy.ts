import { ROLES, type IdentityPolicy, type Role } from '../auth';
import type { Policy } from '../policy';

/**
 * The identity part of a signed IT policy, in the shape the auth module reads. The policy sets reveal rules per
 * field type; a grant lasts the shortest duration the policy names, to the second (one grant length for all types,
 * erring short, never longer than IT allowed).
 * A policy that names no reveal rules keeps Diwan's defaults.
 */
export function identityPolicyFrom(policy: Policy): IdentityPolicy {
  const out: IdentityPolicy = {
    requireTwoFactor: policy.requireTwoFactor,
    enrolledDevices: policy.enrolledDevices,
    privilegedUsers: policy.privilegedUsers,
  };
  const rules = Object.entries(policy.reveal);
  if (rules.length === 0) return out;
  const allowedTypes: Partial<Record<Role, string[]>> = {};
  for (const [type, rule] of rules) {
    for (const role of rule.roles) if (isRole(role)) (allowedTypes[role] ??= []).push(type);
  }
  out.reveal = {
    allowedTypes,
    approvalRequired: rules.filter(([, r]) => r.requiresApproval).map(([t]) => t),
    grantMinutes: Math.min(...rules.map(([, r]) => r.durationSeconds)) / 60,
  };
  return out;
}

function isRole(name: string): name is Role {
  return (ROLES as readonly string[]).includes(name);
}
