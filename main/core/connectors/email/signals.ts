import { extractLinks, inspectLinkDomain, skeleton, type GuardPolicy } from '../../guard';
import { domainIsWithin } from '../../guard/text/links';

/**
 * What the message itself says about who sent it, for the agent to see before trusting it: the receiving server's
 * SPF / DKIM / DMARC verdicts (`Authentication-Results`, RFC 8601), a display name that claims the company from a
 * foreign domain, and a sender domain that imitates the company's (the phishing guard's look-alike rules).
 */

export type AuthMethod = 'spf' | 'dkim' | 'dmarc';
export type AuthVerdicts = Partial<Record<AuthMethod, string>>;

export interface SenderSignal {
  code: 'auth_fail' | 'display_name_claim' | 'lookalike_sender';
  explanation: string;
}

const FAILING = new Set(['fail', 'softfail', 'permerror', 'temperror', 'none', 'neutral', 'policy']);

/**
 * The verdicts of the `Authentication-Results` header our own server added. Only a header whose authserv-id is the
 * configured one counts when one is configured (anyone can write such a header into a message); otherwise the
 * topmost header, which the last server — the receiving one — prepended.
 */
export function authVerdicts(headers: string[], authservId?: string): AuthVerdicts {
  const chosen = authservId
    ? headers.find((h) => authservOf(h) === authservId.toLowerCase())
    : headers[0];
  if (!chosen) return {};
  const out: AuthVerdicts = {};
  const body = stripComments(chosen).slice(chosen.indexOf(';') + 1);
  for (const m of body.matchAll(/(?:^|;)\s*(spf|dkim|dmarc)\s*=\s*([a-z]+)/gi)) {
    const method = m[1]!.toLowerCase() as AuthMethod;
    const result = m[2]!.toLowerCase();
    // DKIM may appear once per signature: one passing signature is enough.
    if (out[method] === 'pass') continue;
    out[method] = result;
  }
  return out;
}

function authservOf(header: string): string {
  return stripComments(header).split(';')[0]!.trim().split(/\s+/)[0]!.toLowerCase();
}

function stripComments(s: string): string {
  let out = s;
  for (let i = 0; i < 5 && /\([^()]*\)/.test(out); i++) out = out.replace(/\([^()]*\)/g, ' ');
  return out;
}

export interface SenderFacts {
  displayName: string;
  address: string;
  authenticationResults: string[];
}

/** Every reason to distrust the sender that the message itself carries; empty for an ordinary customer. */
export function senderSignals(facts: SenderFacts, policy: GuardPolicy, authservId?: string): SenderSignal[] {
  const signals: SenderSignal[] = [];
  const verdicts = authVerdicts(facts.authenticationResults, authservId);
  const failed = (Object.entries(verdicts) as Array<[AuthMethod, string]>).filter(([, v]) => FAILING.has(v));
  if (failed.length) {
    signals.push({
      code: 'auth_fail',
      explanation: `The receiving server could not confirm the sender: ${failed.map(([k, v]) => `${k.toUpperCase()} ${v}`).join(', ')}.`,
    });
  }
  const domain = facts.address.split('@')[1]?.toLowerCase() ?? '';
  const own = [...policy.companyDomains, ...policy.allowedLinkDomains];
  const fromCompany = domain !== '' && domainIsWithin(domain, own);
  if (!fromCompany && domain && claimsCompany(facts.displayName, policy)) {
    signals.push({
      code: 'display_name_claim',
      explanation: `The sender's name "${facts.displayName}" presents itself as the company, but the address is at ${domain}.`,
    });
  }
  const link = domain ? extractLinks(domain)[0] : undefined;
  if (link && !fromCompany) {
    const flag = inspectLinkDomain(link, policy).find((f) => f.code === 'lookalike' || f.code === 'mixed_script');
    if (flag) {
      signals.push({
        code: 'lookalike_sender',
        explanation: flag.company
          ? `The sender's domain ${flag.domain} imitates ${flag.company}.`
          : `The sender's domain ${flag.domain} mixes alphabets, a common disguise.`,
      });
    }
  }
  return signals;
}

/** A display name carrying a brand word or one of the company's domains (also written with look-alike letters). */
function claimsCompany(displayName: string, policy: GuardPolicy): boolean {
  if (!displayName.trim()) return false;
  const nameSkeleton = skeleton(displayName.toLowerCase());
  const brands = [...policy.brandNames, ...policy.companyDomains.map((d) => d.split('.')[0]!)].map((b) => skeleton(b)).filter((b) => b.length >= 3);
  const words = displayName.toLowerCase().split(/[^\p{L}\p{N}.]+/u).map((w) => skeleton(w));
  if (brands.some((b) => (b.length >= 4 ? nameSkeleton.includes(b) : words.includes(b)))) return true;
  const embedded = /[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/.exec(displayName)?.[1]?.toLowerCase();
  return Boolean(embedded && domainIsWithin(embedded, policy.companyDomains));
}

export type AutomaticKind = 'bounce' | 'auto-reply';

export interface AutomaticFacts {
  from: string;
  contentType: string;
  headers: Map<string, string>;
}

/**
 * Mail no person wrote: delivery reports (RFC 3464, or a mailer-daemon's old-style notice) and automatic replies
 * (RFC 3834 `Auto-Submitted`, and the vendor headers that predate it). Neither is a customer message.
 */
export function automaticKind(f: AutomaticFacts): AutomaticKind | null {
  const local = f.from.split('@')[0]?.toLowerCase() ?? '';
  if (/multipart\/report/i.test(f.contentType) && /report-type\s*=\s*"?delivery-status/i.test(f.contentType)) return 'bounce';
  if (f.headers.has('x-failed-recipients')) return 'bounce';
  if ((local === 'mailer-daemon' || local === 'postmaster') && !f.from.includes('+')) return 'bounce';
  const autoSubmitted = f.headers.get('auto-submitted')?.trim().toLowerCase();
  if (autoSubmitted && !autoSubmitted.startsWith('no')) return 'auto-reply';
  if (f.headers.has('x-autoreply') || f.headers.has('x-autorespond')) return 'auto-reply';
  const precedence = f.headers.get('precedence')?.trim().toLowerCase();
  if (precedence === 'auto_reply' || precedence === 'junk') return 'auto-reply';
  return null;
}

/** The Message-ID of the message a delivery report is about: named in the report's copy of the original headers. */
export function bouncedMessageId(rawAfterHeaders: string): string | null {
  const m = /^Message-ID:\s*<([^<>\s]{1,998})>/im.exec(rawAfterHeaders);
  return m ? m[1]! : null;
}
