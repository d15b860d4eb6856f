/**
 * Every permission an IPC channel can require. `public` needs no session (status, sign-in);
 * the Identity work maps roles to the rest. Deny by default: a channel must name one.
 */
export const PERMISSIONS = ['public'] as const;

export type Permission = (typeof PERMISSIONS)[number];
