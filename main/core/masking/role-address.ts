/**
 * Mailboxes that are a role, not a person: one home for the lists masking reads them by.
 */
import type { DetectedSpan } from './types';

/**
 * "noreply@", "no-reply@", "mailer-daemon@": a mailbox no person reads, a service's own sender, which stays visible;
 * "support@", "info@", "help@" only as a mail header's sender ("From: Grocer Support <support@…>", see
 * `roleSenderLine` in `detect.ts`) — said as "my email is info@mybusiness.ae" it is the customer's own address.
 */
const NO_PERSON_LOCAL = /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer[-_.]?daemon|postmaster|bounces?)$/i;
const SERVICE_LOCAL = /^(?:support|info|help|contact|service|customer[-_.]?(?:service|care|support)|care|hello|team|notifications?|alerts?|news(?:letter)?)$/i;
/** A company's desks beyond a service's senders: at the company's own domain these name no person either. */
const DESK_LOCAL = /^(?:helpdesk|services|billing|sales|accounts|feedback|complaints)$/i;

/** A mailbox no person reads ("noreply"). */
export function noPersonLocal(local: string): boolean {
  return NO_PERSON_LOCAL.test(local);
}

/** A service's mailbox ("support", "info"): a role only where something else says it is the service's. */
export function serviceLocal(local: string): boolean {
  return SERVICE_LOCAL.test(local);
}

/** A role's mailbox at a company's own domain: no person's, a service's or a desk's. */
function companyRoleLocal(local: string): boolean {
  return NO_PERSON_LOCAL.test(local) || SERVICE_LOCAL.test(local) || DESK_LOCAL.test(local);
}

/** `host` is one of `domains` or under one ("mail.acme.example" under "acme.example"). */
function within(host: string, domains: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return domains.some((d) => {
    const own = d.toLowerCase().replace(/^\*?\./, '').replace(/\.$/, '');
    return own.length > 0 && (h === own || h.endsWith('.' + own));
  });
}

/**
 * Round 32: the company's own role address ("care@", "support@" at one of the company's domains, named by IT's signed
 * policy) is no customer's personal address: masking leaves it visible. The detector itself does not know the
 * company's domains (the accuracy benches run without a policy); the console's ingest masking passes them in the EMAIL
 * hint. Returns the spans without those addresses.
 */
export function withoutOwnRoleAddresses(text: string, spans: DetectedSpan[], ownDomains: readonly string[] | undefined): DetectedSpan[] {
  if (!ownDomains?.length || !spans.some((s) => s.type === 'EMAIL')) return spans;
  return spans.filter((s) => {
    if (s.type !== 'EMAIL') return true;
    const value = text.slice(s.start, s.end).replace(/\s+/g, '');
    const at = value.lastIndexOf('@');
    return !(at > 0 && companyRoleLocal(value.slice(0, at)) && within(value.slice(at + 1), ownDomains));
  });
}
