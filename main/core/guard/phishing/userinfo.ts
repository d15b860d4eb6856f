import type { GuardPolicy } from '../policy';
import { domainIsWithin } from '../text/links';

/**
 * (round 34) "http://acme.com@evil.example/pay", "https://acme%40verify.top/", "acme:support@193.42.11.8/refund": in a
 * URL, what stands before "@" is a user name (RFC 3986's userinfo) and the browser goes to the host after it — a known
 * trick that puts the company's name or domain where the reader looks first. A link whose user part carries the
 * company's name is a look-alike whatever its host (a name, a bare IP, an ending no list knows), unless that host is the
 * company's own or an allowed site.
 *
 * Not an e-mail address: without a scheme, "@" is read as a URL's only when a path follows the host (a question's "?" is
 * none), the user part has a password (":"), the "@" is escaped ("%40") or the user part is the company's own domain
 * ("acme.com@…");
 * "billing@acme.com", "acme.support@gmail.com" and "mike.acme.user@gmail.com" stay addresses (judged by the sender rules).
 */
const USERINFO_LINK = /(?<![\p{L}\p{N}._%+:@/-])(https?:\/\/)?([\p{L}\p{N}._~!$&'*+,;=%-]+(?::[^\s@/?#]*)?)(@|%40)((?:[\p{L}\p{N}-]+\.)+[\p{L}\p{N}-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?(\/[^\s<>"']*|[?#][^\s<>"'?]+)?/giu;
const DOMAIN_SHAPED = /^(?:[\p{L}\p{N}-]+\.)+\p{L}{2,63}$/u;
/**
 * A user part that is the company's own site ("acme.com", "www.acme.com"): an address's name that merely ends in a word
 * some ending spells is not ("acme.support", "sarah.acme.fan": `.support` and `.fan` are endings too).
 */
const isOurDomain = (s: string, policy: GuardPolicy) => DOMAIN_SHAPED.test(s) && domainIsWithin(s.toLowerCase(), policy.companyDomains);

/** The links whose user part names the company, each as written (the host after "@" is where it leads). */
export function findUserinfoLinks(text: string, policy: GuardPolicy): { value: string; host: string }[] {
  if (!text.includes('@') && !/%40/i.test(text)) return [];
  const names = companyNames(policy);
  if (!names.length) return [];
  const out: { value: string; host: string }[] = [];
  for (const m of text.normalize('NFC').matchAll(USERINFO_LINK)) {
    const [whole, scheme, user, at, hostRaw, path] = m as unknown as [string, string | undefined, string, string, string, string | undefined];
    const host = hostRaw.toLowerCase().replace(/\.$/, '');
    const name = user.split(':')[0]!;
    const urlShaped = !!scheme || at !== '@' || user.includes(':') || !!path || isOurDomain(name, policy);
    if (!urlShaped) continue;
    if (domainIsWithin(host, [...policy.companyDomains, ...policy.allowedLinkDomains])) continue;
    const said = squash(safeDecode(user));
    if (!names.some((n) => said.includes(n))) continue;
    out.push({ value: whole.replace(/[.,;:!?)\]]+$/u, ''), host });
  }
  return out;
}

/** The company's names as letters only ("acme", "acmecom" for acme.com), three letters or more. */
function companyNames(policy: GuardPolicy): string[] {
  const names = new Set<string>();
  for (const b of policy.brandNames) names.add(squash(b));
  for (const d of policy.companyDomains) names.add(squash(d.split('.')[0]!));
  return [...names].filter((n) => n.length >= 3);
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
