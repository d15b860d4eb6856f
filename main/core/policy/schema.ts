import net from 'node:net';
import { z } from 'zod';
import { CustodyPolicySchema } from './custody-settings';
import { GuardSettingsSchema } from './guard-settings';
import { ED25519_PUBLIC_KEY_PATTERN } from './keys';

/**
 * The IT policy. A signed file is an envelope `{ format, policy, signatures }`; the signature covers the canonical
 * JSON of `policy` (see canonical.ts and docs/IT-GUIDE.md). Objects are strict: a misspelt field is an error, not
 * a silently ignored setting.
 */
export const POLICY_FORMAT = 'diwan-policy/1';
/** Domain-separation prefix of policy signatures. */
export const POLICY_SIGNATURE_DOMAIN = 'diwan-policy/1';

const SPKI_PIN = /^[A-Za-z0-9+/]{43}=$/;
const DNS_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

export const Cidr = z
  .string()
  .max(64)
  .refine((s) => parseCidr(s) !== null, { message: 'must be an IPv4 or IPv6 range such as 10.20.0.0/16 or 2001:db8:20::/48' });

export function parseCidr(s: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(s);
  if (!m) return null;
  const version = net.isIP(m[1]!);
  const prefix = Number(m[2]);
  if (version === 4 && prefix <= 32) return { address: m[1]!, prefix, family: 'ipv4' };
  if (version === 6 && prefix <= 128) return { address: m[1]!, prefix, family: 'ipv6' };
  return null;
}

const DnsName = z.string().max(253).transform((s) => s.toLowerCase().replace(/\.$/, '')).pipe(
  z.string().regex(DNS_NAME, 'must be a DNS name such as corp.example.com'),
);

const HttpsUrl = z
  .string()
  .max(2048)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' && !u.username && !u.password && !u.search && !u.hash;
    } catch {
      return false;
    }
  }, 'must be an https:// URL without credentials, query or fragment');

const BeaconUrl = HttpsUrl.refine((s) => new URL(s).pathname === '/', 'must be the beacon\'s origin only, e.g. https://beacon.hq.example:8443');

/** Sensitive-type names as the masking detectors use them: PHONE, CARD, IBAN, NATIONAL_ID, … */
const SensitiveType = z.string().regex(/^[A-Z][A-Z0-9_]{1,31}$/, 'must be a sensitive type name such as PHONE or CARD');
const Role = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'must be a role name such as agent or lead');

export const SiteSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and dashes, e.g. hq or branch-2'),
  name: z.string().min(1).max(200).optional(),
  ranges: z.array(Cidr).min(1).max(64),
  dnsSuffixes: z.array(DnsName).min(1).max(16).optional(),
  beacon: z.strictObject({
    url: BeaconUrl,
    pins: z.array(z.string().regex(SPKI_PIN, 'must be a base64 SHA-256 pin as `diwan beacon` prints it')).min(1).max(8),
    publicKey: z.string().regex(ED25519_PUBLIC_KEY_PATTERN, 'must be the beacon\'s Ed25519 public key as `diwan beacon` prints it'),
  }),
});

export const DEFAULT_CHECKS = { intervalSeconds: 300, graceSeconds: 5, freshnessSeconds: 5, maxClockSkewSeconds: 120 } as const;
export const DEFAULT_MASKING_HINTS: Record<string, number> = { PHONE: 2, CARD: 4 };

export const PolicySchema = z.strictObject({
  version: z.int().min(1).max(2_147_483_647),
  issuedAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
  organization: z.string().min(1).max(200).optional(),
  sites: z
    .array(SiteSchema)
    .min(1)
    .max(64)
    .refine((sites) => new Set(sites.map((s) => s.id)).size === sites.length, 'site ids must be unique'),
  checks: z
    .strictObject({
      /** How often the gate re-checks while nothing changes. */
      intervalSeconds: z.int().min(30).max(86_400).default(DEFAULT_CHECKS.intervalSeconds),
      /** How long a slow beacon may delay the verdict; beyond it the verdict is off-network. */
      graceSeconds: z.int().min(1).max(60).default(DEFAULT_CHECKS.graceSeconds),
      /** How long after sending its challenge an answer may arrive (a relayed answer is slow). */
      freshnessSeconds: z.int().min(1).max(300).default(DEFAULT_CHECKS.freshnessSeconds),
      /** How far the beacon's clock and this computer's may differ. */
      maxClockSkewSeconds: z.int().min(1).max(3600).default(DEFAULT_CHECKS.maxClockSkewSeconds),
    })
    .default({ ...DEFAULT_CHECKS }),
  masking: z
    .strictObject({
      /** Per sensitive type: how many trailing characters a masked token may show. Types not listed show none. */
      hints: z.record(SensitiveType, z.int().min(0).max(4)),
    })
    .default({ hints: { ...DEFAULT_MASKING_HINTS } }),
  /** Per sensitive type: who may reveal the original, for how long, and whether a lead must approve. Not listed: nobody. */
  reveal: z
    .record(
      SensitiveType,
      z.strictObject({
        roles: z.array(Role).max(16),
        durationSeconds: z.int().min(1).max(3600),
        requiresApproval: z.boolean(),
      }),
    )
    .default({}),
  /** Device fingerprints allowed to run Diwan; absent means device binding is not enforced by policy. */
  enrolledDevices: z.array(z.string().regex(/^[A-Za-z0-9:+/=_-]{8,128}$/, 'must be a device fingerprint as Diwan shows it')).max(10_000).optional(),
  requireTwoFactor: z.boolean().default(true),
  /**
   * People who may hold a privileged role (lead, admin, auditor) on one administrator's word. Anyone else needs a
   * second administrator to confirm the grant.
   */
  privilegedUsers: z
    .array(
      z.strictObject({
        username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'must be a Diwan username (lower case)'),
        role: z.enum(['lead', 'admin', 'auditor']),
      }),
    )
    .max(1000)
    .default([]),
  /** The company's own domains: links to them are not flagged by the guards. */
  allowedLinkDomains: z.array(DnsName).max(256).default([]),
  /**
   * The team's hub: consoles sign in there and follow its event stream instead of keeping their own inbox. Its
   * address (or its load balancer's) and the pin of its certificate, as `diwan hub tls` prints it.
   */
  hub: z
    .strictObject({ url: HttpsUrl, pin: z.string().regex(SPKI_PIN, 'must be a base64 SHA-256 pin as `diwan hub tls` prints it') })
    .optional(),
  /** The guards' settings (docs/IT-GUIDE.md, "Guard policy"); absent means the built-in defaults. */
  guard: GuardSettingsSchema.optional(),
  /**
   * A single-seat console's key epochs (docs/IT-GUIDE.md, "Key epochs"): how long one sealing key is current and how
   * many epochs keep their key; older epochs' originals are destroyed. Absent: monthly, every epoch kept.
   */
  custody: CustodyPolicySchema.optional(),
  /** The on-premises relay for webhook channels and shared bots: its office address and the pin of its certificate. */
  relay: z
    .strictObject({ url: HttpsUrl, pin: z.string().regex(SPKI_PIN, 'must be a base64 SHA-256 pin as `diwan hub tls` (or an earlier release\'s `diwan relay tls`) prints it') })
    .optional(),
});

export type Policy = z.output<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;
export type Site = z.output<typeof SiteSchema>;

export const SignatureSchema = z.strictObject({
  keyId: z.string().min(1).max(64),
  signature: z.string().min(1).max(200),
});

/** Parsed before any signature is checked: only the shape needed to verify, nothing of the policy is trusted yet. */
export const EnvelopeSchema = z.strictObject({
  format: z.literal(POLICY_FORMAT),
  policy: z.record(z.string(), z.unknown()),
  signatures: z.array(SignatureSchema).max(8).optional(),
});

export type PolicyEnvelope = z.output<typeof EnvelopeSchema>;

/** zod issues as short lines a person can fix: `sites.0.beacon.url: must be an https:// URL …`. */
export function describeIssues(error: z.ZodError, max = 8): string {
  const lines = error.issues.slice(0, max).map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
  if (error.issues.length > max) lines.push(`… and ${error.issues.length - max} more`);
  return lines.join('; ');
}
