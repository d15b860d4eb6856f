import { z } from 'zod';

/** Shared building blocks for the contract's schemas. Strings are bounded so an oversized call is a bad request. */
export const Empty = z.object({}).strict();

export const KeychainStatusSchema = z.object({
  available: z.boolean(),
  problem: z.enum(['no_session_bus', 'no_secret_service', 'locked', 'refused', 'not_installed']).optional(),
  advice: z.string().optional(),
});

export const AppStatusSchema = z.object({
  appVersion: z.string(),
  dataDir: z.string(),
  databaseFile: z.string(),
  schemaVersion: z.number().int(),
  keychain: KeychainStatusSchema,
});

/** The office-network gate's verdict as the renderer may see it: states, codes and reasons, never a key or a challenge. */
export const NetworkStatusSchema = z.object({
  state: z.enum(['office', 'off-network', 'unmanaged', 'checking']),
  siteId: z.string().max(63).optional(),
  policyVersion: z.number().int().optional(),
  reason: z.string().max(2000),
  checkedAt: z.number().int().nullable(),
  locked: z.boolean(),
  lockReason: z.string().max(64).nullable(),
  checks: z
    .array(z.object({ name: z.string().max(100), ok: z.boolean(), code: z.string().max(64), reason: z.string().max(2000) }))
    .max(256),
});
