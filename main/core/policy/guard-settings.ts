import { z } from 'zod';
import { APPROVABLE_REQUESTS, resolveGuardPolicy, type ApprovableRequest } from '../guard/policy';
import { isDiwanError } from '../shared/errors';

/**
 * The guard settings IT signs into the policy (`guard` object) and passes to `diwan guard --guard-policy`. Shapes and
 * ranges are checked here; the rules between settings (surge exit below surge entry, an https webhook) have one
 * copy, `resolveGuardPolicy`, whose refusal becomes this schema's message.
 */
const DNS_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
const Domain = z.string().max(253).transform((s) => s.trim().toLowerCase().replace(/\.$/, '')).pipe(z.string().regex(DNS_NAME, 'must be a DNS name such as acme.com'));
const Domains = z.array(Domain).max(256);
const Positive = z.number().positive('must be a positive number').finite();
const Duration = z.int('must be a whole number of milliseconds').min(1000, 'must be at least 1000 ms (one second)').max(7 * 24 * 3_600_000, 'must be at most a week');

const NEVER_APPROVABLE_MESSAGE = `only ${APPROVABLE_REQUESTS.map((r) => `"${r}"`).join(' and ')} can be approvable: a reply asking for a one-time code, password, PIN, card number or CVV is never approved, whatever the policy says`;

export const GuardSettingsSchema = z
  .strictObject({
    /** The company's registrable domains, beside the policy's top-level `allowedLinkDomains`. */
    companyDomains: Domains.optional(),
    /** Other domains replies may link to without a warning (payment provider, app stores). */
    allowedLinkDomains: Domains.optional(),
    brandNames: z.array(z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}-]{2,62}$/u, 'must be one word of 3 to 63 letters or digits, such as acme')).max(64).optional(),
    serviceNeedsOnlyPhoneAndActivationCode: z.boolean().optional(),
    approvableRequests: z
      .array(z.custom<ApprovableRequest>((r) => (APPROVABLE_REQUESTS as readonly unknown[]).includes(r), { message: NEVER_APPROVABLE_MESSAGE }))
      .max(APPROVABLE_REQUESTS.length)
      .refine((rs) => new Set(rs).size === rs.length, 'lists a request twice')
      .optional(),
    officialSupportNumbers: z.array(z.string().regex(/^\+?[0-9][0-9 ().-]{5,30}$/, 'must be a phone number such as +971 4 123 4567')).max(64).optional(),
    officialSupportHandles: z.array(z.string().regex(/^@?[\p{L}\p{N}_.]{2,64}$/u, 'must be an account name such as @acme_support')).max(64).optional(),
    flood: z
      .strictObject({
        senderPerMinute: Positive.optional(),
        senderBurst: Positive.optional(),
        channelPerSecond: Positive.optional(),
        channelBurst: Positive.optional(),
        duplicateWindowMs: Duration.optional(),
        surgeFactor: Positive.optional(),
        surgeExitFactor: Positive.optional(),
        surgeMinPerMinute: Positive.optional(),
      })
      .optional(),
    earlyWarning: z
      .strictObject({
        windowMs: Duration.optional(),
        spikeFactor: Positive.optional(),
        minCount: z.int().min(1).max(100_000).optional(),
        cooldownMs: Duration.optional(),
        syslog: z
          .strictObject({
            host: z.string().min(1).max(253),
            port: z.int().min(1).max(65_535),
            protocol: z.enum(['udp', 'tcp']),
            appName: z.string().regex(/^[\x21-\x7e]{1,48}$/, 'must be 1 to 48 printable ASCII characters without spaces').optional(),
          })
          .optional(),
        webhook: z.strictObject({ url: z.string().max(2048) }).optional(),
      })
      .optional(),
  })
  .superRefine((settings, ctx) => {
    try {
      resolveGuardPolicy(settings);
    } catch (e) {
      if (!isDiwanError(e)) throw e;
      ctx.addIssue({ code: 'custom', message: e.message });
    }
  });

export type GuardSettings = z.output<typeof GuardSettingsSchema>;
