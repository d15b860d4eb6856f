import { maskMessage, type MaskingHints, type SensitiveType } from '../masking';
import type { Policy } from '../policy';
import type { Masker } from '../store';

/** The store's ingest masking step, done by the real detectors with the hints IT's policy allows. */
export function detectorMasker(hints: () => MaskingHints | undefined): Masker {
  const mask = (text: string) => {
    const r = maskMessage(text, hints());
    return {
      masked: r.masked,
      fields: r.fields.map((f) => ({ type: f.type, start: f.start, end: f.end, value: text.slice(f.originalStart, f.originalEnd) })),
      detected: r.spans,
    };
  };
  // The hints object is replaced whenever IT's policy changes them.
  return Object.assign(mask, { rules: hints });
}

/** The policy's per-type "show the last N characters" as masking hints, and the company's own domains for e-mails. */
export function maskingHintsFrom(policy: Policy): MaskingHints {
  const hints: MaskingHints = {};
  for (const [type, showLast] of Object.entries(policy.masking.hints)) hints[type as SensitiveType] = { showLast };
  // (round 32: the company's own domains — the policy's link domains and its guard's company domains, as the inbound
  // guard counts them — so the company's care@/support@ address a customer quotes stays visible)
  const ownDomains = [...new Set([...policy.allowedLinkDomains, ...(policy.guard?.companyDomains ?? [])])];
  if (ownDomains.length) hints.EMAIL = { ...hints.EMAIL, ownDomains };
  return hints;
}
