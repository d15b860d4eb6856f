/**
 * Every permission an IPC channel can require. `public` needs no session (status, sign-in);
 * the Identity work maps roles to the rest. Deny by default: a channel must name one.
 */
export const PERMISSIONS = [
  'public',
  // the console (issue 8); Identity owns the final list and the role mapping
  'conversations.read',
  'conversations.reply',
  'conversations.manage',
  'fields.reveal',
  'search.use',
  'review.read',
  'reports.read',
  'alerts.read',
  'channels.manage',
  'users.manage',
  'audit.read',
  'device.read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];
