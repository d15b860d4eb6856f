import fs from 'node:fs';
import { z } from 'zod';
import { EpochLengthSchema, parseCidr, RetainEpochsSchema } from '../core/policy';
import { ED25519_PUBLIC_KEY_PATTERN } from '../core/policy/keys';
import { DiwanError } from '../core/shared/errors';

const cidr = z.string().max(64).refine((s) => parseCidr(s) !== null, { message: 'must be a range such as 10.20.0.0/16' });
const edKey = z.string().regex(ED25519_PUBLIC_KEY_PATTERN, 'must be an Ed25519 public key (base64 of 32 bytes)');

/**
 * The custodian's configuration (JSON). No secret is here: the TLS key and the key-encryption key (or passphrase)
 * come from the keychain or systemd credentials.
 */
export const custodianConfigSchema = z
  .object({
    /** The team whose originals this custodian opens (must match the hub's `team`). */
    team: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
    listen: z.object({ host: z.string().max(255).default('127.0.0.1'), port: z.number().int().min(0).max(65535).default(9643) }).strict(),
    /** The certificate (PEM) hubs pin; its private key is the secret `tls-key`. */
    tls: z.object({ certFile: z.string().min(1).max(4096) }).strict(),
    /** Only hub nodes in these ranges may connect. */
    hubRanges: z.array(cidr).min(1).max(64),
    /** The hubs' grant-signing public keys (`diwan hub grant-key` prints one). */
    hubGrantKeys: z.array(edKey).min(1).max(8),
    /** IT's signed policy and the keys it must be signed with: the list of enrolled devices and the approval rules. */
    policy: z.object({ file: z.string().min(1).max(4096), signers: z.array(z.object({ name: z.string().min(1).max(200), publicKey: edKey }).strict()).min(1).max(8) }).strict(),
    keys: z
      .object({
        dir: z.string().min(1).max(4096),
        /** `secret`: the secret `key-encryption-key`; `passphrase`: the secret `passphrase`, stretched with scrypt. */
        protection: z.enum(['secret', 'passphrase']).default('secret'),
      })
      .strict(),
    /** How long one sealing key is current. */
    epoch: EpochLengthSchema.default({ months: 1 }),
    /** Keep this many epochs' keys (the current one included); older ones are destroyed at start and daily. Absent: keep all. */
    retainEpochs: RetainEpochsSchema.optional(),
    log: z.object({ file: z.string().min(1).max(4096) }).strict(),
    rateLimit: z
      .object({ perDevice: z.number().int().min(1).max(100_000).default(30), windowMinutes: z.number().int().min(1).max(24 * 60).default(60) })
      .strict()
      .default({ perDevice: 30, windowMinutes: 60 }),
    secrets: z
      .object({ source: z.enum(['auto', 'keychain', 'credentials']).default('auto'), keychainService: z.string().min(1).max(128).default('Diwan Custodian') })
      .strict()
      .default({ source: 'auto', keychainService: 'Diwan Custodian' }),
  })
  .strict();

export type CustodianConfig = z.infer<typeof custodianConfigSchema>;

export function parseCustodianConfig(value: unknown, source = 'the custodian configuration'): CustodianConfig {
  const r = custodianConfigSchema.safeParse(value);
  if (!r.success) {
    const first = r.error.issues[0]!;
    throw new DiwanError('custodian_config_invalid', `${source} is not valid: ${first.path.length ? first.path.join('.') : 'the top level'} ${first.message}.`);
  }
  return r.data;
}

export function loadCustodianConfig(file: string): CustodianConfig {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DiwanError('custodian_config_unreadable', `The custodian cannot read its configuration ${file} (${(e as NodeJS.ErrnoException).code ?? 'not JSON'}).`);
  }
  return parseCustodianConfig(json, file);
}
