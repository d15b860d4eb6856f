import { z } from 'zod';

/**
 * How IT sets key epochs, one rule wherever it is written: the signed policy (a single-seat console's in-process
 * custodian), the custodian's configuration and the hub's embedded custodian. Each message is a sentence IT can act on.
 */
export const EpochLengthSchema = z.union(
  [
    z.strictObject({ months: z.number().int('must be a whole number of months').min(1, 'must be at least 1 month').max(120, 'must be at most 120 months') }),
    z.strictObject({ days: z.number().int('must be a whole number of days').min(1, 'must be at least 1 day').max(3650, 'must be at most 3,650 days') }),
  ],
  { error: 'must be { "months": N } (1–120) or { "days": N } (1–3,650)' },
);

export const RetainEpochsSchema = z
  .number()
  .int('must be a whole number of epochs')
  .min(1, 'must keep at least the current epoch (1)')
  .max(1200, 'must be at most 1,200 epochs');

/** The signed policy's `custody` section: how long a sealing key is current, and how many epochs keep their key. */
export const CustodyPolicySchema = z.strictObject({
  epoch: EpochLengthSchema.default({ months: 1 }),
  retainEpochs: RetainEpochsSchema.optional(),
});
