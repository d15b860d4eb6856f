import { domainToASCII, domainToUnicode } from 'node:url';
import { parse } from 'tldts';

export interface Link {
  /** As written in the message. */
  raw: string;
  /** Host in ASCII (punycode) form, lower case. */
  host: string;
  /** Host as a person reads it (punycode decoded). */
  hostUnicode: string;
  /** Registrable domain (`acme.co.uk`), from the public suffix list. */
  domain: string;
  /** The registrable domain without its public suffix, as a person reads it (`acme`). */
  label: string;
  /** What comes before the registrable domain (`login.acme` in `login.acme.com.evil.net`), as read. */
  subdomain: string;
}

/**
 * A link starts where a run of letters, digits and dots starts: tried from inside one ("1.1.1.1…", "a.a.a.…"), every
 * label of a long run is a start and each is read to the run's end (quadratic). `LINK_CANDIDATE` is exported for the
 * step-counting test.
 */
export const LINK_CANDIDATE = /(?<![\p{L}\p{N}.])(?:https?:\/\/)?(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62})?\.)+(?:[\p{L}]{2,63}|xn--[a-z0-9-]+)(?::\d{1,5})?(?:[/?#][^\s<>"'،«»“”„‹›]*)?/giu;

/** Links and bare domains in text. Only hosts with a real public suffix count (`file.txt` is not a link). */
export function extractLinks(text: string): Link[] {
  const links: Link[] = [];
  const nfc = text.normalize('NFC');
  for (const m of nfc.matchAll(LINK_CANDIDATE)) {
    const before = nfc[m.index - 1];
    if (before === '@' || before === '.' ) continue;
    // (round 33) an e-mail address's name is no link: "acme.support@acme.com", "sarah.acme.fan@gmail.com" (a free-mail
    // name dressed as the company's is judged on its own, `findFreeMailSenders`); a scheme's "http://acme.com@…" stays one
    if (nfc[m.index + m[0].length] === '@' && !/^https?:/i.test(m[0])) continue;
    const raw = m[0].replace(/[.,;:!?)\]]+$/u, '');
    const link = toLink(raw, raw.replace(/^https?:\/\//i, '').split(/[/:?#]/)[0]!);
    if (link) links.push(link);
    // a redirector's target is where the reader lands: `google.com/url?q=http://acme-verify.com` is judged as that
    const target = REDIRECT_TARGET.exec(raw)?.[1];
    if (link && target) links.push(...extractLinks(safeDecode(target)).filter((l) => l.host !== link.host));
  }
  return links;
}

export const REDIRECT_TARGET = /[?&](?:q|url|u|target|dest|destination|redirect|redirect_uri|continue|link)=((?:https?(?::|%3A)|www\.)[^&\s]+)/i;
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62})?\.)+(?:[\p{L}]{2,63}|xn--[a-z0-9-]+))/giu;

/** The domains of e-mail addresses in text ("a mail from service-client@ooredoo-dz-promo.com"): who a message claims to come from. */
export function extractEmailDomains(text: string): Link[] {
  const out: Link[] = [];
  for (const m of text.normalize('NFC').matchAll(EMAIL)) {
    const link = toLink(m[0], m[1]!);
    if (link) out.push(link);
  }
  return out;
}

function toLink(raw: string, hostPart: string): Link | undefined {
  const host = domainToASCII(hostPart.replace(/\.$/, '').toLowerCase());
  if (!host) return undefined;
  const p = parse(host);
  if (!p.domain || !p.publicSuffix || (!p.isIcann && !/^https?:/i.test(raw))) return undefined;
  return {
    raw,
    host,
    hostUnicode: domainToUnicode(host),
    domain: p.domain,
    label: domainToUnicode(p.domainWithoutSuffix ?? p.domain.split('.')[0]!),
    subdomain: p.subdomain ? domainToUnicode(p.subdomain) : '',
  };
}

/** True when `domain` is `allowed` or a subdomain of it. */
export function domainIsWithin(host: string, allowed: readonly string[]): boolean {
  return allowed.some((a) => host === a || host.endsWith('.' + a));
}
