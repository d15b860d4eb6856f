import type { Role } from '../shared/vocabulary';

/**
 * Every permission an IPC channel can require, and which role holds which. Deny by default: a channel must name
 * one, and a role has only what the table below lists.
 *
 * - `public`: needs no session (status, first-run setup, sign-in).
 * - `session`: any signed-in user, including one who must still enrol a second factor before anything else.
 * - `labels.manage`: the team's label list (names only, no customer data): team leads and administrators.
 * - `workflow.manage`: assignment rules, SLA targets, the business calendar and agents' capacity (hub).
 * - `team.board`: the lead's live board — who is on what, queues, SLA risk, per-agent figures (hub).
 */
export const PERMISSIONS = [
  'public',
  'session',
  'conversations.read',
  'conversations.write',
  'messages.send',
  'reveal.request',
  'reveal.approve',
  'review.read',
  'review.write',
  'export.transcripts',
  'reports.read',
  'audit.read',
  'users.manage',
  'channels.manage',
  'settings.manage',
  'labels.manage',
  'workflow.manage',
  'team.board',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export { ROLES, type Role } from '../shared/vocabulary';

/**
 * Separation of duties: the administrator manages people, channels and settings but reads no conversation;
 * the auditor reads the audit trail and nothing else; customer data is for agents and team leads.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  agent: ['session', 'conversations.read', 'conversations.write', 'messages.send', 'reveal.request'],
  lead: [
    'session',
    'conversations.read',
    'conversations.write',
    'messages.send',
    'reveal.request',
    'reveal.approve',
    'review.read',
    'review.write',
    'export.transcripts',
    'reports.read',
    'labels.manage',
    'workflow.manage',
    'team.board',
  ],
  admin: ['session', 'users.manage', 'channels.manage', 'settings.manage', 'reports.read', 'audit.read', 'labels.manage', 'workflow.manage'],
  auditor: ['session', 'audit.read'],
};

/**
 * Roles one administrator cannot grant alone: a lead approves reveals, an admin manages people, an auditor reads
 * the trail. Granting one needs a second administrator's confirmation, or IT naming the person in the signed policy.
 */
export const PRIVILEGED_ROLES: ReadonlySet<Role> = new Set<Role>(['lead', 'admin', 'auditor']);

/** Permissions that open customer data: refused on a device the IT policy has not enrolled. */
export const CUSTOMER_DATA_PERMISSIONS: ReadonlySet<Permission> = new Set([
  'conversations.read',
  'conversations.write',
  'messages.send',
  'reveal.request',
  'reveal.approve',
  'review.read',
  'review.write',
  'export.transcripts',
]);

export function roleHas(role: Role, permission: Permission): boolean {
  if (permission === 'public') return true;
  return ROLE_PERMISSIONS[role]?.includes(permission) ?? false;
}
