/**
 * Social-media handles that dress a name up as the company's account (issue #21, round 11): "@brand.pay.support",
 * "brand.care", "Brand_KSA_Gifts", "brand.iran.official". A handle is split at its dots, underscores and hyphens and
 * judged as a domain's name is (`dressedName`: a name with official dress words or a country code inside), so no
 * brand need be listed; with the policy's brand names, a handle that carries a brand beside any other word and is not
 * one of `officialSupportHandles` imitates it too. Only a handle the message presents as an account that reached the
 * customer or claims to be official counts ("an account called …", "پیج …", "حساب اسمه …", "DM me", "is it yours?"),
 * and never the customer's own ("my username is …").
 */
import { TOKEN_CLOSE, TOKEN_OPEN } from '../../masking/tokens';
import { FREE_MAIL_PROVIDER } from '../../text/free-mail';
import type { GuardPolicy } from '../policy';
import { foldLetters, normalizeText } from '../text/clauses';
import type { MessageReading } from '../text/message-reading';
import { dressedName } from './domains';
import { mayHoldHandle } from './pretests';

const HANDLE = /(?<![\p{L}\p{N}@./\-_])@?[a-z][a-z0-9]*(?:[._-][a-z0-9]+)+(?![\p{L}\p{N}@/]|\.[a-z])|(?<![\p{L}\p{N}@./\-_])@[a-z][a-z0-9_.]{2,30}(?![\p{L}\p{N}@/])/giu;
const PRESENTED = new RegExp(`(?<![\\p{L}])(?:${[
  'account', 'page', 'handle', 'profile', 'channel', 'instagram', 'insta', 'ig', 'facebook', 'fb', 'twitter', 'tiktok', 'telegram', 'snapchat', 'dm\\S*', 'messag\\S*', 'contacted', 'wrote', 'reached', 'inbox\\S*', 'called', 'named', 'official', 'support', 'yours', '(?:sms|text|message|msg|mail|email|e-mail|call|alert|notification)s? from', 'sender', 'رساله من', 'مسج من', 'ايميل من', 'پيامك از', 'پيام از', 'اس ام اس از', 'is (?:it|this|that) (?:you|real|legit)',
  'حساب', 'صفحه', 'اكونت', 'اكاونت', 'اكانت', 'بيج', 'پيج', 'اسمه', 'باسم', 'به اسم', 'بنام', 'پيام', 'مسج', 'رساله', 'راسلني', 'كلمني', 'جاني', 'جالي', 'يقول', 'رسمي', 'الرسمي', 'تابع لكم', 'تابعين لكم', 'مال شما', 'مال شماست', 'انستا\\S*', 'اينستا\\S*', 'تويتر', 'تلگرام', 'فيسبوك',
].map(foldLetters).join('|')})`, 'u');
/** Endings of web addresses: the generic ones and every two-letter country code. */
const DOMAIN_ENDING = /^(?:com|net|org|info|biz|io|gov|edu|app|online|site|xyz|[a-z]{2})$/;
/**
 * (round 28) Tagalog's verb prefixes hyphenated onto an English verb — "ma-verify", "pa-confirm", "pang-login",
 * "na-receive" — are one word of Taglish, not a name dressed as a desk (a bare handle of two pieces, no "@").
 */
const TAGALOG_PREFIX = /^(?:i|ma|mag|maka|makapag|na|nag|naka|nakapag|pa|pag|pang|ipa|ka|ni)$/;
const OWN = /(?<![\p{L}])(?:my (?:username|user ?name|handle|account|email|e-mail|id|login)|يوزري|اسم المستخدم حقي|يوزرنيمم|آیدی ?م)(?:\s+(?:is|هو|هست))?\s*:?\s*$/iu;

/**
 * (round 22) A web address with a path or query: what is inside it ("…/details?id=com.brand.wallet", "/u/brand.care")
 * belongs to the address, which is judged as a link — an app store's page that names the brand is not an account.
 */
const ADDRESS_WITH_PATH = /(?<![\p{L}\p{N}@])(?:https?:\/\/)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+[/?#]\S*/giu;

/** A masked value's token ("⟦NATIONAL_ID·••12⟧") stands where the value was: never an account's name ("account national_id"). */
const MASKED_VALUE = new RegExp(`${TOKEN_OPEN}[^${TOKEN_OPEN}${TOKEN_CLOSE}\\n]*${TOKEN_CLOSE}`, 'gu');
const blank = (a: string): string => ' '.repeat(a.length);

/** `reading`: the message's reading when the inbound check has made it (`MessageReading`), so the text is not read again. */
export function findImitatingHandles(text: string, policy: Pick<GuardPolicy, 'brandNames' | 'companyDomains' | 'officialSupportHandles'>, reading?: MessageReading): string[] {
  const read = reading ? reading.written.form(false) : normalizeText(text);
  // (blanking removes words, never adds one: a text not presenting an account unblanked does not blanked either)
  if (!mayHoldHandle(read) || !PRESENTED.test(read)) return [];
  const unmasked = read.includes(TOKEN_OPEN) ? read.replace(MASKED_VALUE, blank) : read;
  const t = /[/?#]/.test(unmasked) ? unmasked.replace(ADDRESS_WITH_PATH, blank) : unmasked;
  if (t !== read && !PRESENTED.test(t)) return [];
  const official = policy.officialSupportHandles.map((h) => h.toLowerCase().replace(/^@/, ''));
  const brands = [...policy.brandNames, ...policy.companyDomains.map((d) => d.split('.')[0]!)].map((b) => b.toLowerCase()).filter((b) => b.length >= 3);
  const found: string[] = [];
  for (const m of t.matchAll(HANDLE)) {
    const handle = m[0].replace(/^@/, '');
    if (official.includes(handle) || OWN.test(t.slice(Math.max(0, m.index - 30), m.index))) continue;
    const split = handle.split(/[._-]+/).filter(Boolean);
    // (round 36) a record's number at the end ("HOM-IR-33918", "TRV-US-12345": a product, a country, a serial) is no piece
    // of a name: a policy number a voice note reads out is not an account dressed with a country code
    const parts = !m[0].startsWith('@') && split.length >= 3 && /^\d{3,}$/.test(split[split.length - 1]!) ? split.slice(0, -1) : split;
    // a web address is judged as a link is ("arabbank.com.jo", "www.…"): a handle has no domain ending
    if (parts.length < 2 || (!m[0].startsWith('@') && !handle.includes('_') && (split[0] === 'www' || DOMAIN_ENDING.test(split[split.length - 1]!)))) continue;
    if (parts.length === 2 && !m[0].startsWith('@') && /^[a-z]+-[a-z]+$/i.test(handle) && TAGALOG_PREFIX.test(parts[0]!.toLowerCase())) continue;
    const withBrand = brands.some((b) => parts.some((p) => p === b || p.startsWith(b)) && parts.length >= 2);
    if (withBrand || dressedName(parts.join('-'))) found.push(m[0]);
  }
  return found;
}

/**
 * (round 33) A free-mail address whose name carries the company's ("acme.ksa.billing@gmail.com", "acme.maroc.factures@
 * hotmail.com"), judged as a handle is (the brand beside another word, or a name dressed as a desk): a company writes from
 * its own domain, so such a sender presented to the customer imitates it. Never the customer's own ("my email is …",
 * "reply to …", "ایمیلم …"; round 34: "my own email na …", Pidgin's copula).
 */
const FREE_MAIL_ADDRESS = /(?<![\p{L}\p{N}._%+-])([a-z0-9][a-z0-9._%+-]*)@([a-z0-9-]+)\.(?:[a-z]{2,10})(?:\.[a-z]{2})?(?![\p{L}\p{N}.-]|\.[a-z])/giu;
const OWN_ADDRESS = /(?<![\p{L}])(?:my (?:own |personal |private |new )?(?:e-?mail|mail|address|email address|gmail|inbox)|reply (?:to|on)|send (?:it|them|this|that|the \S+|me \S+)(?: \S+)? (?:to|on)|(?:email|write to|contact) me (?:at|on)|ايميلي|بريدي|ایمیلم|ايميلم|ایمیل من|mon (?:mail|e-?mail|adresse))(?:\s+(?:is|na|be|هو|هست|est|:))?\s*:?\s*$/iu;
export function findFreeMailSenders(text: string, policy: Pick<GuardPolicy, 'brandNames' | 'companyDomains'>): string[] {
  if (!text.includes('@')) return [];
  const brands = [...policy.brandNames, ...policy.companyDomains.map((d) => d.split('.')[0]!)].map((b) => b.toLowerCase().replace(/\s+/g, '')).filter((b) => b.length >= 3);
  const found: string[] = [];
  for (const m of text.matchAll(FREE_MAIL_ADDRESS)) {
    if (!FREE_MAIL_PROVIDER.test(m[2]!) || OWN_ADDRESS.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    const parts = m[1]!.toLowerCase().split(/[._%+-]+/).filter(Boolean);
    if (parts.length < 2) continue;
    const withBrand = brands.some((b) => parts.some((p) => p === b || p.startsWith(b)));
    if (withBrand || dressedName(parts.join('-'))) found.push(m[0]);
  }
  return found;
}
