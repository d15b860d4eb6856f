import fs from 'node:fs';
import { z } from 'zod';
import { parseCidr } from '../core/policy';
import { DiwanError } from '../core/shared/errors';

const cidr = z.string().max(64).refine((s) => parseCidr(s) !== null, { message: 'must be a range such as 10.20.0.0/16' });

/**
 * One hub node's configuration (JSON). Secrets are never here: the TLS key, the originals key, channel tokens and
 * the database password come from the keychain or systemd credentials (`secrets`). Several nodes share a database
 * and differ only in `nodeId` and `listen`.
 */
export const hubConfigSchema = z
  .object({
    /** Names this node in logs, metrics and the channel lease table (letters, digits, "-", "_"). */
    nodeId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be 1 to 64 letters, digits, "-" or "_"'),
    /** Names the team in the associated data of every sealed original (so a blob from another team never opens). */
    team: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be 1 to 64 lower-case letters, digits, "-" or "_"').default('team'),
    database: z.union([
      z.object({ postgres: z.string().min(1).max(2048).describe('postgresql:// URL without a password; the password is the secret `database-password`') }).strict(),
      z.object({ sqlite: z.string().min(1).max(4096) }).strict(),
    ]),
    listen: z.object({ host: z.string().max(255).default('0.0.0.0'), port: z.number().int().min(0).max(65535).default(9443) }).strict(),
    /** The certificate (PEM) consoles pin; its private key is the secret `tls-key`. */
    tls: z.object({ certFile: z.string().min(1).max(4096) }).strict(),
    /** Consoles connect only from these ranges (the office networks of the IT-signed policy). */
    officeRanges: z.array(cidr).min(1).max(64),
    secrets: z
      .object({ source: z.enum(['auto', 'keychain', 'credentials']).default('auto'), keychainService: z.string().min(1).max(128).default('Diwan Hub') })
      .strict()
      .default({ source: 'auto', keychainService: 'Diwan Hub' }),
    sessions: z
      .object({
        /** A console session lasts this long without activity (each request and the open stream count). */
        idleMinutes: z.number().int().min(1).max(24 * 60).default(15),
        requireTwoFactor: z.boolean().default(false),
      })
      .strict()
      .default({ idleMinutes: 15, requireTwoFactor: false }),
    limits: z
      .object({
        /** Bytes queued to one console before the hub drops the connection (the console resumes from its cursor). */
        maxBufferedBytes: z.number().int().min(64 * 1024).max(256 * 1024 * 1024).default(4 * 1024 * 1024),
        maxFrameBytes: z.number().int().min(1024).max(1024 * 1024).default(64 * 1024),
        maxBodyBytes: z.number().int().min(1024).max(16 * 1024 * 1024).default(256 * 1024),
        maxConsoles: z.number().int().min(1).max(100_000).default(5_000),
      })
      .strict()
      .default({ maxBufferedBytes: 4 * 1024 * 1024, maxFrameBytes: 64 * 1024, maxBodyBytes: 256 * 1024, maxConsoles: 5_000 }),
    /** Team workflow timings (presence, the assignment sweep, live markers); docs/IT-GUIDE.md "Team workflow". */
    workflow: z
      .object({
        /** A console silent this long (killed, unplugged) is offline; its open stream renews presence at a third of it. */
        presenceTtlSeconds: z.number().int().min(2).max(600).default(45),
        /** How often each node sweeps: presence expiry, return to queue, the backlog, SLA breaches. */
        sweepSeconds: z.number().int().min(1).max(600).default(10),
        /** How long a "viewing"/"writing" marker shows without renewal. */
        markerTtlSeconds: z.number().int().min(2).max(120).default(8),
        /** The least time between two relayed renewals of one person's marker. */
        markerThrottleMs: z.number().int().min(0).max(60_000).default(1_000),
      })
      .strict()
      .default({ presenceTtlSeconds: 45, sweepSeconds: 10, markerTtlSeconds: 8, markerThrottleMs: 1_000 }),
    /** How often a node without a channel's lease tries to take it (default 2 s). */
    leaseRetryMs: z.number().int().min(100).max(600_000).default(2_000),
  })
  .strict();

export type HubConfig = z.infer<typeof hubConfigSchema>;

export function parseHubConfig(value: unknown, source = 'the hub configuration'): HubConfig {
  const r = hubConfigSchema.safeParse(value);
  if (!r.success) {
    const first = r.error.issues[0]!;
    const where = first.path.length ? first.path.join('.') : 'the top level';
    throw new DiwanError('hub_config_invalid', `${source} is not valid: ${where} ${first.message}.`);
  }
  return r.data;
}

export function loadHubConfig(file: string): HubConfig {
  let text: string;
  try {
    const st = fs.statSync(file);
    if (st.size > 1024 * 1024) throw new DiwanError('hub_config_invalid', `${file} is larger than 1 MiB; a hub configuration is a few lines of JSON.`);
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof DiwanError) throw e;
    throw new DiwanError('hub_config_unreadable', `The hub cannot read its configuration ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DiwanError('hub_config_invalid', `${file} is not JSON.`);
  }
  return parseHubConfig(json, file);
}
