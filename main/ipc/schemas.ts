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
