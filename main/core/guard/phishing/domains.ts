import type { GuardPolicy } from '../policy';
import { domainIsWithin, extractLinks, REDIRECT_TARGET, type Link } from '../text/links';
import { editDistance, scriptsOf, skeleton } from './confusables';

/** Public URL shorteners: a link through one hides where it leads. */
export const SHORTENERS = new Set([
  'bit.ly', 'bitly.com', 't.co', 'tinyurl.com', 'goo.gl', 'ow.ly', 'is.gd', 'buff.ly', 'cutt.ly', 'rebrand.ly', 'shorturl.at', 'tiny.cc',
  'rb.gy', 'bl.ink', 'lnkd.in', 's.id', 'v.gd', 't.ly', 'shorte.st', 'adf.ly', 'ouo.io', 'qr.net', 'x.co', 'u.to', 'clck.ru', 'tny.im',
  'bit.do', 'soo.gd', 'short.io', 'rotf.lol', 'wa.link', 'linktr.ee', 'tr.im', 'db.tt', 'han.gl', 'me2.do', 'gg.gg', 'trib.al', 'urlz.fr',
  // (round 25) services common in Iran, Afghanistan and the Gulf
  'b2n.ir', 'yun.ir', 'plink.ir', 'zaya.io', 'opizo.me', 'kutt.it', 't2m.io', 'cutt.us', 'shrtco.de', 'urlz.ir',
]);

/**
 * (round 25) An open redirector's path — `google.com/url?q=…`, `l.facebook.com/l.php?u=…`, `youtube.com/redirect?q=…`,
 * `linkedin.com/redir/redirect?url=…`, `site/out?url=…` — carrying the address of a site that is itself flagged (a
 * look-alike, a shortener): the reader sees a known name and lands on a disguised one, as through a shortener. A
 * redirect to an ordinary site ("google.com/url?q=https://en.wikipedia.org/…") is left alone; the target is also judged
 * as a link of its own (`extractLinks`).
 */
const REDIRECT_PATH = /^\/(?:[a-z]{1,2}\/)?(?:url|l\.php|redirect|redir(?:\/redirect)?|away(?:\.php)?|out|go|link|click|r|exit|leave)\/?(?:[?#]|$)/i;
function redirectsToFlagged(link: Link, policy: GuardPolicy, own: readonly string[]): boolean {
  const rest = link.raw.replace(/^https?:\/\//i, '');
  const slash = rest.search(/[/?]/);
  if (slash < 0 || !REDIRECT_PATH.test(rest.slice(slash))) return false;
  const target = REDIRECT_TARGET.exec(link.raw)?.[1];
  if (!target) return false;
  const to = extractLinks(safeDecode(target))[0];
  return to !== undefined && to.domain !== link.domain && !domainIsWithin(to.host, own) && !REDIRECT_TARGET.test(to.raw) && inspectLinkDomain(to, policy).length > 0;
}
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export type LookalikeHow = 'homoglyph' | 'typo' | 'extra_words' | 'other_ending' | 'subdomain_trick' | 'dressed_name' | 'country_label' | 'digit_for_letter' | 'fake_ending';

export interface DomainFlag {
  code: 'lookalike' | 'shortener' | 'mixed_script';
  domain: string;
  company?: string;
  how?: LookalikeHow;
}

/** Why a link is suspicious, or nothing when it is the company's own, allow-listed, or unrelated. */
export function inspectLinkDomain(link: Link, policy: GuardPolicy): DomainFlag[] {
  const flags: DomainFlag[] = [];
  const own = [...policy.companyDomains, ...policy.allowedLinkDomains];
  if (domainIsWithin(link.host, own)) return flags;
  if (SHORTENERS.has(link.domain) || SHORTENERS.has(link.host) || looksShortened(link) || redirectsToFlagged(link, policy, own)) flags.push({ code: 'shortener', domain: link.domain });

  const scripts = scriptsOf(link.hostUnicode);
  if (scripts.size > 1) flags.push({ code: 'mixed_script', domain: link.hostUnicode });

  const regLabel = link.label;
  const sk = skeleton(regLabel);
  const subSk = skeleton(link.subdomain);
  for (const company of policy.companyDomains) {
    const companyLabel = company.split('.')[0]!;
    const ck = skeleton(companyLabel);
    const brands = new Set([ck, ...policy.brandNames.map(brandKey)].filter((b) => b.length >= 3));
    let how: LookalikeHow | undefined;
    if (sk === ck) how = regLabel === companyLabel ? 'other_ending' : 'homoglyph';
    else if (ck.length >= 4 && editDistance(sk, ck, 2) <= (ck.length >= 6 ? 2 : 1)) how = 'typo';
    else if ([...brands].some((b) => containsBrand(regLabel, sk, b))) how = 'extra_words';
    else if ([...brands].some((b) => brandAcrossDashes(sk, b))) how = [...brands].some((b) => brandAcrossDashes(sk, b) === 'whole') ? 'typo' : 'extra_words';
    else if ([...brands].some((b) => mistypedFirstPiece(regLabel, b))) how = 'typo';
    else if ([...brands].some((b) => containsBrand(link.subdomain, subSk, b))) how = 'subdomain_trick';
    if (how) {
      flags.push({ code: 'lookalike', domain: link.hostUnicode, company, how });
      break;
    }
  }
  // a brand IT listed without its domain ("halapay" → help@havapay.com): a misspelling or look-alike letters of it
  if (!flags.some((f) => f.code === 'lookalike')) {
    const listed = new Set(policy.companyDomains.map((c) => skeleton(c.split('.')[0]!)));
    for (const brand of policy.brandNames) {
      const bk = brandKey(brand);
      if (bk.length < 4 || listed.has(bk)) continue;
      const how: LookalikeHow | undefined = sk === bk ? (regLabel.toLowerCase() === bk ? undefined : 'homoglyph') : editDistance(sk, bk, 2) <= (bk.length >= 6 ? 2 : 1) ? 'typo' : undefined;
      if (how) {
        flags.push({ code: 'lookalike', domain: link.hostUnicode, company: brand, how });
        break;
      }
    }
  }
  if (!flags.some((f) => f.code === 'lookalike')) {
    const ending = link.domain.slice(link.label.length + 1);
    const name = dressedName(link.label) ?? nameInFrontOfDress(link) ?? (THROWAWAY_ENDINGS.has(ending) && link.label.includes('-') ? link.label.split('-').find((p) => p.length >= 2) : undefined);
    if (name) flags.push({ code: 'lookalike', domain: link.hostUnicode, company: name, how: 'dressed_name' });
  }
  // a name spelt in letters that only look Latin (`xn--zaytn-nva.com` is `zaytün.com`): no brand need be listed to see the disguise
  if (!flags.some((f) => f.code === 'lookalike' || f.code === 'mixed_script') && /(?:^|\.)xn--/.test(link.host) && /[^\p{ASCII}]/u.test(link.label) && /^[a-z0-9-]{3,}$/.test(skeleton(link.label))) {
    flags.push({ code: 'lookalike', domain: link.hostUnicode, company: skeleton(link.label), how: 'homoglyph' });
  }
  // a government's name worn in front of someone else's domain: `khadamati-gov.services.info-sa.com`; a government's
  // own sites sit under its suffix (`absher.gov.sa`, where `gov.sa` is the public suffix, so nothing is in front of it)
  if (!flags.some((f) => f.code === 'lookalike') && link.subdomain.split(/[.-]/).some((p) => GOVERNMENT.test(p)) && !link.domain.split('.').some((p) => GOVERNMENT.test(p))) {
    flags.push({ code: 'lookalike', domain: link.hostUnicode, company: link.subdomain.split(/[.-]/).find((p) => p.length >= 3 && !GOVERNMENT.test(p)) ?? 'gov', how: 'dressed_name' });
  }
  // (after the government's name, which names the site better: `khadamati-gov.services.info-sa.com`)
  if (!flags.some((f) => f.code === 'lookalike')) {
    const name = countrySuffixed(link.label, link.domain.slice(link.label.length + 1));
    if (name) flags.push({ code: 'lookalike', domain: link.hostUnicode, company: name, how: 'dressed_name' });
  }
  if (!flags.some((f) => f.code === 'lookalike')) {
    const name = countryLabelTrick(link, policy);
    if (name) flags.push({ code: 'lookalike', domain: link.hostUnicode, company: name, how: 'country_label' });
  }
  // (round 30) `brand.com.uk`: a generic ending's word bought under a country's ending where companies do not register
  // under it — what a reader takes for the site (`brand.com`) is a name in front of someone else's domain
  if (!flags.some((f) => f.code === 'lookalike') && link.subdomain && GENERIC_ENDINGS.has(link.label) && NO_GENERIC_SECOND_LEVEL.has(link.domain.slice(link.label.length + 1))) {
    const name = link.subdomain.split('.').pop()!;
    if (/^\p{L}[\p{L}\p{N}-]{2,}$/u.test(name) && name !== 'www') flags.push({ code: 'lookalike', domain: link.hostUnicode, company: name, how: 'fake_ending' });
  }
  // (round 30) `r1hlago.com`, `talabg0.net`: a name spelt with a 0 or a 1 between letters, in place of an o or an l
  if (!flags.some((f) => f.code === 'lookalike') && digitForLetter(link.label)) flags.push({ code: 'lookalike', domain: link.hostUnicode, company: link.label, how: 'digit_for_letter' });
  return flags;
}

/**
 * Words scam sites hang on a name to look official — what the visitor is to do there (verify, update, log in, pay,
 * claim) or whose desk it claims to be (support, billing, customer care, the bank, the telecom).
 */
const OFFICIAL_DRESS = new Set([
  'secure', 'security', 'safe', 'safety', 'verify', 'verification', 'verified', 'validate', 'validation', 'update', 'updates', 'upd', 'login', 'logon', 'signin',
  'account', 'accounts', 'acct', 'support', 'help', 'helpdesk', 'care', 'customer', 'customers', 'client', 'clients', 'service', 'services', 'billing',
  'bill', 'bills', 'payment', 'payments', 'pay', 'refund', 'refunds', 'portal', 'online', 'center', 'centre', 'resolution', 'kyc', 'unlock', 'unblock',
  'sec', 'secu', 'notify', 'notif', 'confirm', 'confirmation', 'auth', 'authentication', 'alert', 'alerts', 'notice', 'reward', 'rewards', 'bonus', 'gift', 'gifts', 'prize', 'offer',
  'offers', 'promo', 'claim', 'wallet', 'recovery', 'reset', 'restore', 'bank', 'banking', 'telecom', 'official', 'team', 'desk', 'check', 'access',
  'member', 'members', 'id', 'identity', 'web', 'net', 'app', 'mobile', 'tax', 'post', 'delivery', 'parcel', 'track', 'tracking', 'fee', 'fees',
  // the same dress in French, Persian and Arabic transliteration: `ooredoo-client-securite`, `shaparak-pardakht`, `vam-…`
  'client', 'securite', 'compte', 'paiement', 'colis', 'livraison', 'remboursement', 'cadeau', 'pardakht', 'vam', 'sabt', 'eghdam', 'tasvieh',
  'poshtibani', 'khadamat', 'khedmat', 'da3m', 'tahdith', 'tafeel', 'taf3il',
  // what job, prize and parcel scams hang on a name: `acme-careers-jobs.com`, `acme-raffle-ph.com`, `acme-afghan-shop.com`
  'career', 'careers', 'job', 'jobs', 'hiring', 'hire', 'hr', 'recruit', 'recruiting', 'recruitment', 'recruiter', 'vacancy', 'vacancies', 'employment',
  'raffle', 'lottery', 'draw', 'giveaway', 'winner', 'winners', 'lucky', 'promos', 'anniversary', 'shop', 'customs', 'courier', 'shipping', 'express',
  // orders and re-activation (`noon-ksa-orders`, `etisalat-reactivate`), and Persian festival, prize and renewal words (`digikala-jashnvare`)
  'order', 'orders', 'activate', 'activation', 'reactivate', 'reactivation', 'bvn', 'jashnvare', 'jashnvareh', 'jayeze', 'jaize', 'hediye', 'hedie',
  'takhfif', 'tamdid', 'sabtenam', 'yarane', 'yaraneh', 'ehraz', 'etebar',
  // what fine and government scams hang on a name: `dubaipolice-fines.com`, `absher-gov.…`
  'fine', 'fines', 'traffic', 'violation', 'violations', 'penalty', 'gov', 'government', 'eservices', 'khadamati',
]);
/**
 * Endings that cost next to nothing and that companies rarely use for their own sites; a hyphenated name on one
 * (`poste-dz-algerie.online`) is dressed up by its ending alone.
 */
const THROWAWAY_ENDINGS = new Set(['online', 'site', 'xyz', 'top', 'icu', 'click', 'live', 'buzz', 'shop', 'store', 'info', 'support', 'help', 'services', 'cc', 'tk', 'ml', 'ga', 'cf', 'gq', 'cyou', 'rest', 'quest', 'sbs', 'cfd', 'lol', 'vip', 'work', 'link']);
/** Country words and codes that neither dress nor name (`zain-jo-billing`, `cih-maroc-secure`). */
const GOVERNMENT = /^(?:gov|govt|gouv|government|gob|hukumat|dowlat)$/;
const COUNTRY_WORDS = 'ksa|uae|usa|egypt|egy|misr|maroc|morocco|iran|jordan|saudi|qatar|kuwait|oman|bahrain|dubai';
const PLACE_WORDS = new RegExp(`^(?:[a-z]{2}|${COUNTRY_WORDS}|global|intl|international)$`);

/**
 * `snapp-pay-support.ir.net`, `talabat-rewards.ae.org`: a country ending (`.ir`) bought as a name under another ending
 * (`.net`), so the address reads as a site in that country. What a person reads as the name is the label in front of
 * it; a brand there, or a name dressed in official words, is the trick. Returns the name.
 */
/** Country endings a look-alike borrows (the region's, and the big ones); a two-letter company name (`ea.com`) is not one. */
const COUNTRY_CODES = new Set(['ir', 'ae', 'sa', 'eg', 'iq', 'jo', 'kw', 'qa', 'om', 'bh', 'lb', 'sy', 'ps', 'ye', 'ma', 'dz', 'tn', 'ly', 'sd', 'tr', 'pk', 'af', 'in', 'uk', 'gb', 'us', 'eu', 'de', 'fr', 'ca', 'au', 'ru', 'cn',
  // (round 32) Central Asia's and more of Africa's and Asia's, whose customers write in (not those that spell an English word:
  // am, my, so, id, me, it, go)
  'tj', 'uz', 'kz', 'kg', 'tm', 'az', 'ng', 'ke', 'gh', 'ph', 'bd', 'lk', 'np', 'sg', 'et', 'tz', 'ug', 'rw', 'sn']);
const GENERIC_ENDINGS = new Set(['com', 'net', 'org', 'co', 'info', 'biz']);
/**
 * (round 30) Country endings whose registry takes no `com.`/`net.`/`org.` second level (the United Kingdom, Japan, South
 * Korea, New Zealand, South Africa, Israel register under `co.`): a `com.uk` is someone's own domain, not an ending.
 */
const NO_GENERIC_SECOND_LEVEL = new Set(['uk', 'jp', 'kr', 'nz', 'za', 'il', 'id', 'th', 'ck', 'fk']);
/**
 * (round 30) A registrable label of letters with a 0 or a 1 standing between two letters (`r1hla`, `t0ur`), or a 0 at its
 * end or start (`rihlag0`), and no other digit: the look-alike of a name with o or l. A label with other digits (`w3schools`,
 * `web2go`, `4shared`, `office365`) is a name of its own; so is one of four letters or fewer.
 */
function digitForLetter(label: string): boolean {
  const l = label.toLowerCase();
  // (a 0 may also end or start it, as an o does: `rihlag0`, `0range`; a 1 starts it only as an l before a vowel, `1otus`
  // — `1password` is a name — and never ends it: `formula1`, `1und1`)
  if (!/^[a-z01]{5,}$/.test(l) || /1$/.test(l) || !/[a-z][01]+[a-z]|[a-z]{2}0$|^0[a-z]{2}|^1[aeiou][a-z]/.test(l)) return false;
  return (l.match(/[a-z]/g) ?? []).length >= 4;
}
function countryLabelTrick(link: Link, policy: GuardPolicy): string | undefined {
  if (!COUNTRY_CODES.has(link.label) || !GENERIC_ENDINGS.has(link.domain.slice(3)) || !link.subdomain) return undefined;
  const read = link.subdomain.split('.').pop()!;
  const brands = [...policy.companyDomains.map((c) => c.split('.')[0]!), ...policy.brandNames].map(skeleton).filter((b) => b.length >= 3);
  const brand = brands.find((b) => containsBrand(read, skeleton(read), b));
  // (round 31) …or any name run together with a word (`barqmobile.kw.net`, `falakpay.qa.com`): a company's site for that
  // country sits under the country's own ending (`.kw`, `.com.kw`), never as a name in front of `kw.net` — the shape is
  // the trick whether or not the policy knows the name
  return brand ?? dressedName(read) ?? (/^\p{L}[\p{L}\p{N}-]{3,}$/u.test(read) && !NOT_A_NAME_LABEL.has(read) ? read : undefined);
}
/** Labels in front of a domain that name a host's role, not a company (`www.kw.net`, `mail.sa.com`). */
const NOT_A_NAME_LABEL = new Set(['www', 'mail', 'smtp', 'imap', 'webmail', 'ftp', 'api', 'cdn', 'static', 'blog', 'shop', 'news']);

/**
 * (round 29) `wahamart-ca.com`, `brand-af.net`, `brand-egypt.com`: a name with a country's code or name hyphenated after
 * it, on a generic ending, reads as a company's site for that country — which sits under the country's own ending (IT
 * lists it, round 28) or in a path, not hyphenated onto the name. "in" is left out: `sign-in`, `check-in` are words.
 * Returns the name.
 */
const COUNTRY_AFTER_NAME = new RegExp(`^(?:${[...COUNTRY_CODES].filter((c) => c !== 'in').join('|')}|${COUNTRY_WORDS})$`);
function countrySuffixed(label: string, ending: string): string | undefined {
  const parts = label.toLowerCase().split('-');
  if (parts.length !== 2 || !(GENERIC_ENDINGS.has(ending) || THROWAWAY_ENDINGS.has(ending)) || !COUNTRY_AFTER_NAME.test(parts[1]!)) return undefined;
  const name = parts[0]!;
  // (round 32) …its first letter may be a digit put for one (`4cme-tj.com`), as long as letters make the rest of it
  return (/^\p{L}[\p{L}\p{N}]{3,}$/u.test(name) || /^\p{N}\p{L}{3,}$/u.test(name)) && !isDress(name) && !GENERIC_ENDINGS.has(name) && !THROWAWAY_ENDINGS.has(name) ? name : undefined;
}

/**
 * "hsbc-secure-verify.com", "zain-jo-billing.info", "irancell-support-online.com": a registrable name made of
 * hyphenated words, one of them a name and at least one official dress, is how a site passes itself off as a
 * brand the policy may not list. Returns the name it dresses up.
 */
export function dressedName(label: string): string | undefined {
  const parts = label.toLowerCase().split('-').filter(Boolean);
  // a first word is the brand's place, so only a listed dress counts there (`postbank-secure` dresses `postbank`)
  // …or a country code stands inside a longer name (`noon-ksa-deals`): a branch's country is not hyphenated into a brand
  const countryInside = parts.length >= 3 && parts.slice(1).some((p) => PLACE_WORDS.test(p));
  // (round 30) …or a service word after a name (`rihla-ferry`, `brand-tickets`): the desk a travel or ticket scam borrows
  const serviceAfterName = parts.length === 2 && SERVICE_WORDS.has(parts[1]!) && parts[0]!.length >= 4 && !PLAIN_WORDS.has(parts[0]!);
  if (parts.length < 2 || (!parts.slice(1).some(isDress) && !OFFICIAL_DRESS.has(parts[0]!) && !countryInside && !serviceAfterName)) return undefined;
  const name = (p: string) => p.length >= 2 && !OFFICIAL_DRESS.has(p) && /^\p{L}[\p{L}\p{N}]*$/u.test(p);
  // a brand goes first, so a first word may be two letters (`we-telecom-egypt`, `du-billing`); later ones are country codes
  return parts.find((p, i) => name(p) && (i === 0 || !PLACE_WORDS.test(p)));
}

/**
 * (round 30) What a company sells, hung on its name by a scam site (`brand-ferry.com`, `brand-flights.net`): a service's
 * word after a name (two pieces only). `PLAIN_WORDS`: a first piece that describes rather than names (`cheap-flights`,
 * `direct-ferries`) is an ordinary site's.
 */
const SERVICE_WORDS = new Set(['ferry', 'ferries', 'flight', 'flights', 'booking', 'bookings', 'ticket', 'tickets', 'trip', 'trips', 'tour', 'tours', 'hotel', 'hotels', 'holiday', 'holidays', 'bus', 'taxi', 'esim', 'recharge', 'topup', 'bundle', 'bundles', 'roaming', 'grocery', 'loan', 'loans']);
const PLAIN_WORDS = new Set(['cheap', 'cheaper', 'best', 'easy', 'direct', 'fast', 'quick', 'smart', 'great', 'good', 'happy', 'super', 'mega', 'city', 'local', 'global', 'world', 'travel', 'book', 'find', 'compare', 'last', 'minute', 'just', 'your', 'our', 'free', 'green', 'blue', 'red', 'gold', 'royal', 'grand', 'star', 'first', 'budget', 'luxury', 'family', 'student', 'every', 'daily', 'online']);
/** Dress words run together or with a prefix count as dress: `redelivery`, `ebilling`, `customercare`, `mysupport`. */
const DRESS_PREFIX = /^(?:re|e|my|i|m|online|web|get|go)/;
const LONG_DRESS = [...OFFICIAL_DRESS].filter((d) => d.length >= 5);
function isDress(word: string): boolean {
  // a z for the plural's s (`rewardz`)
  const part = word.replace(/(?<=[a-z]{3})z$/, 's');
  if (OFFICIAL_DRESS.has(part)) return true;
  // …and a long dress word after a short one nobody lists (`bvnupdate`, `kycverify`)
  if (LONG_DRESS.some((d) => part.endsWith(d) && part.length - d.length <= 4)) return true;
  return isDressCompound(part.replace(DRESS_PREFIX, '')) || isDressCompound(part);
}

/**
 * `alrajhi-sa.verify-services.com`, `zaincity-sd.net-login.com`: a registrable name made only of dress words, with the
 * name (and a country code) in the subdomain in front of it, which is what a reader takes for the site. Returns the name.
 */
function nameInFrontOfDress(link: Link): string | undefined {
  const parts = link.label.split('-').filter(Boolean);
  if (parts.length < 2 || !parts.every(isDress) || !link.subdomain) return undefined;
  const labels = link.subdomain.split('.');
  // `zaytun.ir.verify-account.com`: a country code in front of the dress reads as the name's country, the name before it
  // (round 28) …and so does a generic ending: `brand.com.refund-center.net` reads as `brand.com`
  if (labels.length >= 2 && (COUNTRY_CODES.has(labels[labels.length - 1]!) || GENERIC_ENDINGS.has(labels[labels.length - 1]!)) && /^\p{L}{3,}$/u.test(labels[labels.length - 2]!) && !isDress(labels[labels.length - 2]!)) return labels[labels.length - 2];
  const read = labels.pop()!;
  const pieces = read.split('-').filter(Boolean);
  if (pieces.length < 2) return undefined;
  return dressedName(read) ?? (pieces.slice(1).every((p) => PLACE_WORDS.test(p)) && /^\p{L}{3,}$/u.test(pieces[0]!) ? pieces[0] : undefined);
}
/** The word is made wholly of dress words of four letters or more (`customercare`, `paymentportal`, `delivery`). */
function isDressCompound(w: string, depth = 0): boolean {
  if (OFFICIAL_DRESS.has(w) && w.length >= 4) return true;
  if (depth > 2) return false;
  for (let i = 4; i <= w.length - 4; i++) if (OFFICIAL_DRESS.has(w.slice(0, i)) && isDressCompound(w.slice(i), depth + 1)) return true;
  return false;
}

/** A language and a country, as pages name their translations (`en-us`, `ar_SA`, `fa-IR`). */
const LOCALE = /^(?:en|ar|fa|fr|de|es|it|pt|ru|zh|ja|ko|tr|ur|hi|id|ms|nl|sv|pl)[-_][a-z]{2}$/i;
/** The names of the listed services (four letters or more, so `t.co`'s "t" or `bit.do`'s "bit" does not name one). */
const SHORTENER_NAMES = new Set([...SHORTENERS].map((d) => d.split('.')[0]!).filter((n) => n.length >= 4));

/** Words for a short link in a host's name, in the languages shortening services are named in. */
const SAYS_SHORT_LINK = /short|shrt|kurz|court|corto|curto|tiny|snip|link|lnk|url/i;

/**
 * A shortened link by its shape, for the many services no list keeps up with: a short name (at most six letters,
 * `tiny.one`, `sh0rt.xyz`, `qq.gg`) and a path that is one random-looking key — letters mixed with digits or with
 * capitals (`/Ab3dE9`, `/x7Kp2`), optionally behind a one- or two-letter folder (`/r/8fK2`). Page paths
 * (`/help/contact`, `/p/12345`, `/acme-gift`) do not look like that.
 */
export function looksShortened(link: Link): boolean {
  const rest = link.raw.replace(/^https?:\/\//i, '');
  const slash = rest.indexOf('/');
  if (slash < 0) return false;
  // a listed service's name under another ending, with any one-part key (`cutt.us/mrj-gift`, `tinyurl.ir/x`): shorteners copy
  // names; a page deeper in a site (`trib.com/news/story`) is not one
  if (SHORTENER_NAMES.has(link.label.toLowerCase()) && /^\/[^/?#]+\/?(?:[?#]|$)/.test(rest.slice(slash))) return true;
  // a longer name that says what it is (`kurzelinks.de`, `linkcourt.fr`, `myshorturl.net`) is judged by its key like a short one
  if (link.label.length > 6 && !SAYS_SHORT_LINK.test(link.label)) return false;
  const m = /^\/(?:[a-z]{1,2}\/)?([A-Za-z0-9_-]{2,12})\/?$/.exec(rest.slice(slash).split(/[?#]/)[0]!);
  if (!m) return false;
  const key = m[1]!;
  // two tiny random groups behind a host of at most three letters: `xy.io/ab-cd`, `qr.tz/k8-Pw`
  // (…but not a page's language and country: `xy.io/en-us`)
  if (link.label.length <= 3 && /^[A-Za-z0-9]{2,5}[-_][A-Za-z0-9]{2,5}$/.test(key) && !LOCALE.test(key)) return true;
  const hasDigit = /\d/.test(key);
  const hasLetter = /[A-Za-z]/.test(key);
  // a key of two or three characters (`x7k.ir/Ab3`, `q3x.ir/k9`) only behind a host of at most four, letters mixed with digits
  if (key.length < 4) return link.label.length <= 4 && hasLetter && (hasDigit || (/[a-z]/.test(key) && /[A-Z]/.test(key)));
  return hasLetter && (hasDigit || (/[a-z]/.test(key) && /[A-Z]/.test(key)));
}

/** (round 29) A brand as a label would spell it: "Sahra Mart" is `sahramart`, its space or dash dropped. */
const brandKey = (brand: string) => skeleton(brand).replace(/[\s-]+/g, '');

/**
 * (round 29) The brand spelt across a label's dashes, from a piece's start to a piece's end: `sahra-mart.com`, `ac-me.com`
 * (`'whole'`: the label is the brand, a dash put in), `sahra-mart-ca.com` (`'part'`: with other pieces). A brand inside a
 * piece is `containsBrand`'s; one begun or ended inside a piece (`bac-medical` for "acme") is a coincidence of letters.
 */
function brandAcrossDashes(sk: string, brand: string): 'whole' | 'part' | undefined {
  if (!sk.includes('-')) return undefined;
  const pieces = sk.split('-').filter(Boolean);
  for (let i = 0; i < pieces.length; i++) {
    let joined = pieces[i]!;
    for (let j = i + 1; j < pieces.length && joined.length < brand.length; j++) {
      joined += pieces[j]!;
      if (joined === brand) return i === 0 && j === pieces.length - 1 ? 'whole' : 'part';
    }
  }
  return undefined;
}

/**
 * (round 36) `acem-lns.com`, `hiamya-claims.net`: the brand, two of its letters swapped (or, for a name of six letters or
 * more, one letter off), as the first piece of a hyphenated name — the brand's place, with more words after it.
 */
function mistypedFirstPiece(raw: string, brand: string): boolean {
  const pieces = raw.split('-');
  if (pieces.length < 2 || brand.length < 4) return false;
  const first = skeleton(pieces[0]!);
  if (first === brand || editDistance(first, brand, 1) !== 1) return false;
  return brand.length >= 6 || (first.length === brand.length && [...first].sort().join('') === [...brand].sort().join(''));
}

/** Long brand names are found anywhere in a label; short ones (3 letters) only as a whole hyphen- or dot-separated word. */
function containsBrand(raw: string, sk: string, brand: string): boolean {
  if (brand.length >= 4) return sk.includes(brand);
  return raw.split(/[-.]/).some((piece) => skeleton(piece) === brand);
}
