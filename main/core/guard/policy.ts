import { DiwanError } from '../shared/errors';

/**
 * What the IT-signed policy tells the guards. Every field has a safe default (`DEFAULT_GUARD_POLICY`);
 * `resolveGuardPolicy` fills the gaps and refuses values that would switch a guard off by accident.
 */
export interface GuardPolicy {
  /** The company's own registrable domains (e.g. `acme.com`); links elsewhere are warned about. */
  companyDomains: string[];
  /** Other domains replies may link to without a warning (payment provider, app stores…). */
  allowedLinkDomains: string[];
  /** Brand words that a look-alike domain would carry (`acme` in `acme-support-verify.com`). */
  brandNames: string[];
  /** When true, agents need only a phone number and an activation code: asking for the activation code is allowed,
   *  and the explanation of a held request for a national ID or full name says so. Whatever its value, a reply asking
   *  for a national ID or full name is never allowed silently: it waits for a lead's approval when
   *  `approvableRequests` lists it, and is blocked outright when it does not. */
  serviceNeedsOnlyPhoneAndActivationCode: boolean;
  /** Blocked requests a team lead may approve for one reply. Only `national_id` and `full_name` can be listed:
   *  a one-time code, password, PIN, full card number or CVV is never approvable, whatever the policy says. */
  approvableRequests: ApprovableRequest[];
  /** Official support phone numbers and handles; others presented as "support" are flagged. */
  officialSupportNumbers: string[];
  officialSupportHandles: string[];
  flood: {
    /** Per-sender token bucket: sustained messages per minute and burst. */
    senderPerMinute: number;
    senderBurst: number;
    /** Per-channel token bucket: sustained messages per second and burst. */
    channelPerSecond: number;
    channelBurst: number;
    /** Near-duplicates within this window collapse into one conversation with a counter. */
    duplicateWindowMs: number;
    /** Surge mode starts when the last minute's volume exceeds `surgeFactor` × its learned baseline. */
    surgeFactor: number;
    /** …and ends when it falls below `surgeExitFactor` × baseline. */
    surgeExitFactor: number;
    /** Volumes below this never start surge mode, whatever the baseline. */
    surgeMinPerMinute: number;
  };
  earlyWarning: {
    windowMs: number;
    /** An alert when a window's count is at least `spikeFactor` × the baseline rate… */
    spikeFactor: number;
    /** …and at least this many messages (a quiet hour with two reports is not a spike). */
    minCount: number;
    /** No second alert for the same signal within this time. */
    cooldownMs: number;
    /** Optional office endpoints; see docs/IT-GUIDE.md. */
    syslog?: { host: string; port: number; protocol: 'udp' | 'tcp'; appName?: string };
    webhook?: { url: string };
  };
}

export const APPROVABLE_REQUESTS = ['national_id', 'full_name'] as const;
export type ApprovableRequest = (typeof APPROVABLE_REQUESTS)[number];

export const DEFAULT_GUARD_POLICY: GuardPolicy = {
  companyDomains: [],
  allowedLinkDomains: [],
  brandNames: [],
  serviceNeedsOnlyPhoneAndActivationCode: false,
  approvableRequests: [...APPROVABLE_REQUESTS],
  officialSupportNumbers: [],
  officialSupportHandles: [],
  flood: {
    senderPerMinute: 20,
    senderBurst: 10,
    channelPerSecond: 50,
    channelBurst: 200,
    duplicateWindowMs: 10 * 60_000,
    surgeFactor: 5,
    surgeExitFactor: 2,
    surgeMinPerMinute: 300,
  },
  earlyWarning: {
    windowMs: 60_000,
    spikeFactor: 4,
    minCount: 5,
    cooldownMs: 30 * 60_000,
  },
};

export type GuardPolicyInput = Partial<Omit<GuardPolicy, 'flood' | 'earlyWarning'>> & {
  flood?: Partial<GuardPolicy['flood']>;
  earlyWarning?: Partial<GuardPolicy['earlyWarning']>;
};

export function resolveGuardPolicy(input: GuardPolicyInput = {}): GuardPolicy {
  const p: GuardPolicy = {
    ...DEFAULT_GUARD_POLICY,
    ...input,
    flood: { ...DEFAULT_GUARD_POLICY.flood, ...input.flood },
    earlyWarning: { ...DEFAULT_GUARD_POLICY.earlyWarning, ...input.earlyWarning },
  };
  p.companyDomains = p.companyDomains.map((d) => d.trim().toLowerCase()).filter(Boolean);
  p.allowedLinkDomains = p.allowedLinkDomains.map((d) => d.trim().toLowerCase()).filter(Boolean);
  p.brandNames = p.brandNames.map((d) => d.trim().toLowerCase()).filter(Boolean);
  const never = (p.approvableRequests as string[]).filter((k) => !(APPROVABLE_REQUESTS as readonly string[]).includes(k));
  if (never.length) {
    throw new DiwanError('guard_policy_invalid', `The guard policy lists "${never.join('", "')}" as approvable, but only ${APPROVABLE_REQUESTS.join(' and ')} can be: a one-time code, password, PIN, card number or CVV is never asked for, even with a lead's approval.`);
  }
  if (!p.brandNames.length) p.brandNames = p.companyDomains.map((d) => d.split('.')[0]!).filter((b) => b.length >= 3);
  for (const [k, v] of Object.entries({ ...p.flood, ...p.earlyWarning })) {
    if (typeof v === 'number' && !(Number.isFinite(v) && v > 0)) {
      throw new DiwanError('guard_policy_invalid', `The guard policy setting "${k}" must be a positive number (it is ${v}).`);
    }
  }
  if (p.flood.surgeExitFactor >= p.flood.surgeFactor) {
    throw new DiwanError('guard_policy_invalid', 'The guard policy\'s surgeExitFactor must be smaller than surgeFactor, or surge mode would flap.');
  }
  const hook = p.earlyWarning.webhook?.url;
  if (hook !== undefined) {
    let u: URL;
    try {
      u = new URL(hook);
    } catch {
      throw new DiwanError('guard_policy_invalid', 'The guard policy\'s alert webhook is not a valid URL.');
    }
    const loopback = u.hostname === '127.0.0.1' || u.hostname === '[::1]' || u.hostname === 'localhost';
    if (u.protocol !== 'https:' && !(u.protocol === 'http:' && loopback)) {
      throw new DiwanError('guard_policy_invalid', 'The guard policy\'s alert webhook must be an https:// address (plain http is accepted only on this computer).');
    }
  }
  return p;
}
