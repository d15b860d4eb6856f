import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DiwanError } from '../core/shared/errors';
import { fingerprintOf } from '../core/auth';
import { publicKeyFrom } from './device-keys';
import { parseCidr } from '../core/policy';
import { looksLikeSecretName } from '../core/shared/secret-names';

/** The channel kinds a relay serves: webhook-only Meta channels, and Telegram bots shared by several consoles. */
export const RELAY_KINDS = ['whatsapp', 'messenger', 'instagram', 'telegram'] as const;
export type RelayKind = (typeof RELAY_KINDS)[number];
export const WEBHOOK_KINDS: readonly RelayKind[] = ['whatsapp', 'messenger', 'instagram'];

const REQUIRED_SETTING: Partial<Record<RelayKind, string>> = { whatsapp: 'phoneNumberId', messenger: 'pageId', instagram: 'pageId' };

const cidr = z.string().max(64).refine((s) => parseCidr(s) !== null, { message: 'must be a range such as 10.20.0.0/16' });
const port = z.number().int().min(0).max(65535);
const rate = z.object({ perMinute: z.number().positive().max(1e6), burst: z.number().int().positive().max(1e6) }).strict();

const channel = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be 1 to 64 lower-case letters, digits, "-" or "_"'),
    kind: z.enum(RELAY_KINDS),
    /** Platform API root; tests point it at an emulator. */
    baseUrl: z.string().url().max(2048).optional(),
    /** e.g. WhatsApp `phoneNumberId`, Messenger `pageId`, Telegram `longPollSeconds`. */
    settings: z.record(z.string().max(64), z.union([z.string().max(1024), z.number(), z.boolean()])).optional(),
  })
  .strict();

const device = z.object({ name: z.string().min(1).max(128), publicKey: z.string().min(40).max(1024) }).strict();

export const relayConfigSchema = z
  .object({
    dataDir: z.string().min(1).max(4096),
    webhook: z
      .object({
        host: z.string().max(255).default('127.0.0.1'),
        port: port.default(8080),
        /** Serve the webhook port over the relay's own TLS certificate too (normally the reverse proxy terminates TLS). */
        tls: z.boolean().default(false),
        maxBodyBytes: z.number().int().min(1024).max(16 * 1024 * 1024).default(1024 * 1024),
        /** Webhook bodies read at once; with maxBodyBytes it bounds the memory bodies take (default 16 × 1 MiB). */
        maxConcurrentBodies: z.number().int().min(1).max(1024).default(16),
      })
      .strict()
      .default({ host: '127.0.0.1', port: 8080, tls: false, maxBodyBytes: 1024 * 1024, maxConcurrentBodies: 16 }),
    console: z
      .object({
        host: z.string().max(255).default('0.0.0.0'),
        port: port.default(9443),
        /** The relay's certificate (PEM) that consoles pin; its private key comes from the secret `tls-key`. */
        certFile: z.string().min(1).max(4096),
      })
      .strict(),
    officeRanges: z.array(cidr).min(1).max(64),
    devices: z.array(device).max(10_000),
    channels: z.array(channel).min(1).max(64),
    secrets: z
      .object({ source: z.enum(['auto', 'keychain', 'credentials']).default('auto'), keychainService: z.string().min(1).max(128).default('Diwan Relay') })
      .strict()
      .default({ source: 'auto', keychainService: 'Diwan Relay' }),
    flood: z
      .object({ perSender: rate.default({ perMinute: 30, burst: 20 }), perChannel: rate.default({ perMinute: 3000, burst: 500 }) })
      .strict()
      .default({ perSender: { perMinute: 30, burst: 20 }, perChannel: { perMinute: 3000, burst: 500 } }),
    /** Events older than this are removed even if an enrolled console never collected them. */
    retentionHours: z.number().positive().max(24 * 90).default(168),
    health: z
      .object({
        /** Who may read /healthz (default: the office ranges). */
        ranges: z.array(cidr).max(64).optional(),
        /** Require `Authorization: Bearer <secret health-token>` on /healthz. */
        protect: z.boolean().default(false),
      })
      .strict()
      .default({ protect: false }),
  })
  .strict()
  .superRefine((c, ctx) => {
    const ids = new Set<string>();
    c.channels.forEach((ch, i) => {
      if (ids.has(ch.id)) ctx.addIssue({ code: 'custom', path: ['channels', i, 'id'], message: `the channel id "${ch.id}" is used twice` });
      ids.add(ch.id);
      const needs = REQUIRED_SETTING[ch.kind];
      if (needs && ch.settings?.[needs] === undefined) {
        ctx.addIssue({ code: 'custom', path: ['channels', i, 'settings', needs], message: `a ${ch.kind} channel needs its "${needs}" setting` });
      }
    });
    c.devices.forEach((d, i) => {
      try {
        publicKeyFrom(d.publicKey);
      } catch {
        ctx.addIssue({ code: 'custom', path: ['devices', i, 'publicKey'], message: 'must be an Ed25519 public key (PEM, or the raw 32 bytes in base64)' });
      }
    });
  });

export type RelayConfig = z.infer<typeof relayConfigSchema>;
export type RelayChannelConfig = RelayConfig['channels'][number];

export interface EnrolledDevice {
  name: string;
  fingerprint: string;
  key: import('node:crypto').KeyObject;
}

export function enrolledDevices(config: RelayConfig): Map<string, EnrolledDevice> {
  const out = new Map<string, EnrolledDevice>();
  for (const d of config.devices) {
    const key = publicKeyFrom(d.publicKey);
    const fingerprint = fingerprintOf(key);
    out.set(fingerprint, { name: d.name, fingerprint, key });
  }
  return out;
}

/** Paths (like `channels[0].appSecret`) of string values under secret-looking keys. */
export function secretLookingKeys(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => secretLookingKeys(v, `${at}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
    const here = at ? `${at}.${k}` : k;
    if (typeof v === 'string' && looksLikeSecretName(k)) return [here];
    return secretLookingKeys(v, here);
  });
}

/** Reads and checks a relay configuration; paths in it are resolved against the file's folder. */
export function loadRelayConfig(file: string): RelayConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new DiwanError('relay_config_unreadable', `The relay cannot read its configuration ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new DiwanError('relay_config_not_json', `The relay configuration ${file} is not valid JSON.`);
  }
  const config = parseRelayConfig(raw, file);
  const base = path.dirname(path.resolve(file));
  return {
    ...config,
    dataDir: path.resolve(base, config.dataDir),
    console: { ...config.console, certFile: path.resolve(base, config.console.certFile) },
  };
}

export function parseRelayConfig(raw: unknown, where = 'the relay configuration'): RelayConfig {
  const leaked = secretLookingKeys(raw);
  if (leaked.length) {
    throw new DiwanError(
      'relay_config_has_secret',
      `${where} contains ${leaked.map((k) => `"${k}"`).join(', ')}, which look like secrets. Secrets never go in the configuration ` +
        'file: remove them, rotate them if the file was shared, and store them with `diwan relay secret set NAME` (OS keychain) ' +
        'or as systemd credentials (docs/IT-GUIDE.md, "Relay secrets").',
    );
  }
  const r = relayConfigSchema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new DiwanError('relay_config_invalid', `${where} is not valid: ${first.join('; ')}.`);
  }
  return r.data;
}
