import fs from 'node:fs';
import { z } from 'zod';
import { APPROVABLE_REQUESTS, COLLAPSE_AT, DEFAULT_GUARD_POLICY } from '../core/guard';
import { EpochLengthSchema, parseCidr, RetainEpochsSchema } from '../core/policy';
import { DiwanError } from '../core/shared/errors';
import { looksLikeSecretName } from '../core/shared/secret-names';

/** The default fan-out window (bench/README.md, "Team hub", runs P–W; docs/IT-GUIDE.md, `stream`). */
export const STREAM_WINDOW_MS = 50;

const SURGE_DEFAULTS = { factor: DEFAULT_GUARD_POLICY.flood.surgeFactor, exitFactor: DEFAULT_GUARD_POLICY.flood.surgeExitFactor, minPerMinute: DEFAULT_GUARD_POLICY.flood.surgeMinPerMinute };
/** Surge mode's thresholds at the hub: enter above `factor` × the learned per-minute volume (and `minPerMinute`), leave below `exitFactor` ×. */
const surgeSettings = z
  .object({
    factor: z.number().min(1.5, 'must be at least 1.5 (times the channel\'s learned volume)').max(100, 'must be at most 100').default(SURGE_DEFAULTS.factor),
    exitFactor: z.number().min(1, 'must be at least 1 (times the channel\'s learned volume)').max(99, 'must be at most 99').default(SURGE_DEFAULTS.exitFactor),
    minPerMinute: z.number().int().min(10, 'must be at least 10 messages a minute').max(1_000_000, 'must be at most 1,000,000 messages a minute').default(SURGE_DEFAULTS.minPerMinute),
  })
  .strict()
  .refine((s) => s.exitFactor < s.factor, { message: 'must be smaller than factor, or surge mode would flap on and off', path: ['exitFactor'] });

const rate = z.object({ perMinute: z.number().positive().max(1e6), burst: z.number().int().positive().max(1e6) }).strict();
const cidr = z.string().max(64).refine((s) => parseCidr(s) !== null, { message: 'must be a range such as 10.20.0.0/16' });

/**
 * One hub node's configuration (JSON). Secrets are never here: the TLS key, the grant-signing key, the outbox key, channel tokens and
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
    /** The team's key custodian (`diwan custodian run`): its address and the pin of its certificate. */
    custodian: z.union([
      z.object({ url: z.string().url().max(2048), pin: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'must be a base64 SHA-256 pin as `diwan custodian tls` prints it') }).strict(),
      /** A team on one machine: the custodian in the hub's process, its key-encryption key the hub secret `custodian-key-encryption-key`. */
      z
        .object({
          embedded: z
            .object({
              keysDir: z.string().min(1).max(4096),
              logFile: z.string().min(1).max(4096),
              policy: z.object({ file: z.string().min(1).max(4096), signers: z.array(z.object({ name: z.string().min(1).max(200), publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/) }).strict()).min(1).max(8) }).strict(),
              epoch: EpochLengthSchema.default({ months: 1 }),
              retainEpochs: RetainEpochsSchema.optional(),
              revealsPerDevicePerHour: z.number().int().min(1).max(100_000).default(30),
            })
            .strict(),
        })
        .strict(),
    ]),
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
        /** Resetting a user's second factor from a console needs a second administrator's confirmation (IT's CLI stays allowed). */
        factorResetNeedsSecondAdmin: z.boolean().optional(),
        /** A lead, administrator or auditor role given from a console needs a second administrator's confirmation (IT's CLI stays allowed); default: on for PostgreSQL, off for SQLite. */
        roleGrantNeedsSecondAdmin: z.boolean().optional(),
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
    /** The event stream to consoles (docs/IT-GUIDE.md, "Team hub", `stream`). */
    stream: z
      .object({
        /**
         * New events reach consoles on ticks of this many ms aligned to the clock, each console one frame per tick
         * with everything read since; 0 sends each read at once (more, smaller frames: a TLS write each per console).
         */
        windowMs: z.number().int().min(0).max(1_000).default(STREAM_WINDOW_MS),
      })
      .strict()
      .optional(),
    /**
     * The outbound guard's settings for replies sent through the hub (the rest keep their safe defaults). Asking for a
     * national ID or a full name is always held for a lead's approval (refused outright when `approvableRequests` is
     * empty); `serviceNeedsOnlyPhoneAndActivationCode` decides whether agents may ask for the activation code.
     */
    guard: z
      .object({
        serviceNeedsOnlyPhoneAndActivationCode: z.boolean().optional(),
        approvableRequests: z.array(z.enum(APPROVABLE_REQUESTS)).max(APPROVABLE_REQUESTS.length).optional(),
        companyDomains: z.array(z.string().min(1).max(253)).max(100).optional(),
        allowedLinkDomains: z.array(z.string().min(1).max(253)).max(500).optional(),
      })
      .strict()
      .optional(),
    /** Webhook intake at `/webhooks/<channel id>` (WhatsApp, Messenger, Instagram, X), on every node. */
    webhooks: z
      .object({
        maxBodyBytes: z.number().int().min(1024).max(16 * 1024 * 1024).default(1024 * 1024),
        /** Webhook bodies read at once per node; with maxBodyBytes it bounds the memory bodies take (default 16 × 1 MiB). */
        maxConcurrentBodies: z.number().int().min(1).max(1024).default(16),
        /**
         * Flood control before storage, shared by the nodes: one sender, and one channel (all senders); copies of one
         * text from several new senders within `duplicateWindowSeconds` collapse (0 turns that off).
         */
        flood: z
          .object({
            perSender: rate.default({ perMinute: 30, burst: 20 }),
            perChannel: rate.default({ perMinute: 3000, burst: 500 }),
            duplicateWindowSeconds: z.number().int().min(0).max(7 * 86_400).default(600),
            /** When a channel is in surge mode (docs/IT-GUIDE.md, "Webhooks and flood control"); the single seat's defaults. */
            surge: surgeSettings.default(SURGE_DEFAULTS),
            /** Copies of one text from at least two senders at which collapse starts, outside and in surge mode. */
            collapseAfterCopies: z.number().int().min(2, 'must be at least 2 (one copy is not a campaign)').max(1000, 'must be at most 1000').default(COLLAPSE_AT.copies),
            collapseAfterCopiesInSurge: z.number().int().min(2, 'must be at least 2 (one copy is not a campaign)').max(1000, 'must be at most 1000').default(COLLAPSE_AT.inSurge),
          })
          .strict()
          .refine((f) => f.collapseAfterCopiesInSurge <= f.collapseAfterCopies, {
            message: 'must not be larger than collapseAfterCopies: surge mode collapses sooner, never later',
            path: ['collapseAfterCopiesInSurge'],
          })
          .default({
            perSender: { perMinute: 30, burst: 20 },
            perChannel: { perMinute: 3000, burst: 500 },
            duplicateWindowSeconds: 600,
            surge: SURGE_DEFAULTS,
            collapseAfterCopies: COLLAPSE_AT.copies,
            collapseAfterCopiesInSurge: COLLAPSE_AT.inSurge,
          }),
      })
      .strict()
      .optional(),
    /** How often the audit head is checkpointed at the custodian when it moved (default 60 s). */
    auditCheckpointSeconds: z.number().int().min(1).max(3600).default(60),
    /** A file the SIEM's agent ships: one JSON line per audit checkpoint (the head the custodian got too). */
    auditHeadFile: z.string().min(1).max(4096).optional(),
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
    /** Each channel's retention policy, applied by one node at a time (docs/IT-GUIDE.md, "Erasure requests and retention on a hub"). */
    retention: z
      .object({
        /** How often a node tries to take the retention lease and apply every policy. */
        everyMinutes: z.number().int().min(1).max(24 * 60).default(60),
        /** Messages (or conversations ÷ 20) per transaction. */
        batch: z.number().int().min(10).max(10_000).default(500),
        /** Transactions per run; a longer backlog is finished by the next runs. */
        maxBatchesPerRun: z.number().int().min(1).max(1_000_000).default(200),
      })
      .strict()
      .optional(),
    /**
     * Bounds of the queue a relayed channel's desks collect from (docs/IT-GUIDE.md, "A desk that does not collect"):
     * past `maxWaitingPerDesk` events, or `warnAfterHours` without collecting, the hub keeps accepting and says so in
     * /healthz, `diwan hub status` and /metrics; events older than `maxAgeDays` are erased unread and the erasure audited.
     */
    relay: z
      .object({
        maxWaitingPerDesk: z.number().int().min(10).max(10_000_000).default(10_000),
        warnAfterHours: z.number().int().min(1).max(24 * 365).default(24),
        maxAgeDays: z.number().int().min(1).max(365).default(14),
        /** How often each node erases events past the age limit (the erasure is idempotent across nodes). */
        sweepMinutes: z.number().int().min(1).max(24 * 60).default(10),
      })
      .strict()
      .optional(),
    /** How often a node without a channel's lease tries to take it (default 2 s). */
    leaseRetryMs: z.number().int().min(100).max(600_000).default(2_000),
    /**
     * Everyone in this team works on one computer (the console's built-in hub): a lead may approve a reveal on the
     * computer that asked for it, after signing in there with their own password. Needs the embedded custodian (a
     * separate custodian always wants the approving lead's own device); docs/SECURITY.md, "One machine, two people".
     */
    oneMachine: z.boolean().optional(),
  })
  .strict();

export type HubConfig = z.infer<typeof hubConfigSchema>;

/** Without a `webhooks` section: 1 MiB bodies, 16 read at once, 30/min (burst 20) per sender, 3000/min (burst 500) per channel. */
export function webhookLimits(config: HubConfig): NonNullable<HubConfig['webhooks']> {
  return config.webhooks ?? hubConfigSchema.shape.webhooks.unwrap().parse({});
}

/** Without a `relay` section: 10,000 events or 24 hours uncollected per desk raise a problem; 14 days erases; swept every 10 minutes. */
export function relayBounds(config: HubConfig): NonNullable<HubConfig['relay']> {
  return config.relay ?? hubConfigSchema.shape.relay.unwrap().parse({});
}

/** Without a `stream` section: a fan-out window of STREAM_WINDOW_MS. */
export function streamSettings(config: HubConfig): NonNullable<HubConfig['stream']> {
  return config.stream ?? hubConfigSchema.shape.stream.unwrap().parse({});
}

/** Without a `retention` section: every hour, 500 per transaction, at most 200 transactions a run. */
export function retentionSettings(config: HubConfig): NonNullable<HubConfig['retention']> {
  return config.retention ?? hubConfigSchema.shape.retention.unwrap().parse({});
}

export function parseHubConfig(value: unknown, source = 'the hub configuration'): HubConfig {
  const r = hubConfigSchema.safeParse(value);
  if (!r.success) {
    const first = r.error.issues[0]!;
    const where = first.path.length ? first.path.join('.') : 'the top level';
    throw new DiwanError('hub_config_invalid', `${source} is not valid: ${where} ${first.message}.`);
  }
  if (r.data.oneMachine && !('embedded' in r.data.custodian)) {
    throw new DiwanError(
      'hub_config_invalid',
      `${source} is not valid: oneMachine is for a team on one computer with the embedded custodian; a separate custodian refuses an approval countersigned by the computer that asked. Remove oneMachine, or use custodian.embedded.`,
    );
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

/** Paths (like `settings.appSecret`) of string values under secret-looking keys. */
export function secretLookingKeys(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => secretLookingKeys(v, `${at}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
    const here = at ? `${at}.${k}` : k;
    if (typeof v === 'string' && looksLikeSecretName(k)) return [here];
    return secretLookingKeys(v, here);
  });
}

/** Channel settings live in the database in the clear: a value under a secret-looking name is refused, unrepeated. */
export function refuseSecretSettings(settings: unknown, where: string): void {
  const leaked = secretLookingKeys(settings, 'settings');
  if (!leaked.length) return;
  throw new DiwanError(
    'hub_settings_have_secret',
    `${where} has ${leaked.map((k) => `"${k}"`).join(', ')}, which look like secrets. Secrets never go in channel settings: ` +
      'store them with `diwan hub secret set NAME` (OS keychain) or as systemd credentials, and rotate them if they were shared (docs/IT-GUIDE.md, "Hub secrets").',
  );
}

/** The ids a channel's parser needs to tell the business from the customer (the relay configuration's rule, moved). */
const REQUIRED_SETTINGS: Record<string, readonly string[]> = {
  whatsapp: ['phoneNumberId'],
  messenger: ['pageId'],
  // Webhook intake runs on any node without the connector's start-up look-up of the linked professional account.
  instagram: ['pageId', 'accountId'],
  email: ['address', 'imapHost', 'smtpHost'],
};

export function refuseMissingSettings(kind: string, settings: Record<string, unknown> | undefined, where: string): void {
  const missing = (REQUIRED_SETTINGS[kind] ?? []).filter((k) => settings?.[k] === undefined || settings[k] === '');
  if (missing.length) {
    throw new DiwanError('hub_settings_missing', `${where} is a ${kind} channel and needs ${missing.map((k) => `"${k}"`).join(' and ')} in --settings (${kind === 'email' ? 'the mailbox address and its mail servers' : "the ids from the platform's app settings"}).`);
  }
}
