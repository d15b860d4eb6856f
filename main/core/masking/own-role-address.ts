/**
 * Round 32: the company's own role address ("care@", "support@" at one of the company's domains, named by IT's signed
 * policy) is no customer's personal address: masking leaves it visible. The detector itself does not know the company's
 * domains (the accuracy benches run without a policy); the console's ingest masking passes them in the EMAIL hint.
 */
import type { DetectedSpan } from './types';

/** A mailbox's role, not a person: the local parts a company's service desk writes from. */
const ROLE_LOCAL = /^(?:support|info|help|helpdesk|contact|service|services|customer[-_.]?(?:service|care|support)|care|hello|team|no[-_.]?reply|do[-_.]?not[-_.]?reply|notifications?|alerts?|billing|sales|accounts|feedback|complaints)$/i;

/** `host` is one of `domains` or under one ("mail.acme.example" under "acme.example"). */
function within(host: string, domains: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return domains.some((d) => {
    const own = d.toLowerCase().replace(/^\*?\./, '').replace(/\.$/, '');
    return own.length > 0 && (h === own || h.endsWith('.' + own));
  });
}

/** The spans without the company's own role addresses: an EMAIL span whose local part is a role's, at `ownDomains`. */
export function withoutOwnRoleAddresses(text: string, spans: DetectedSpan[], ownDomains: readonly string[] | undefined): DetectedSpan[] {
  if (!ownDomains?.length || !spans.some((s) => s.type === 'EMAIL')) return spans;
  return spans.filter((s) => {
    if (s.type !== 'EMAIL') return true;
    const value = text.slice(s.start, s.end).replace(/\s+/g, '');
    const at = value.lastIndexOf('@');
    return !(at > 0 && ROLE_LOCAL.test(value.slice(0, at)) && within(value.slice(at + 1), ownDomains));
  });
}
