/**
 * The detector: one pass over the normalised text finds candidates (runs of digit groups, e-mail addresses,
 * IBAN-shaped and passport-shaped tokens); each is validated by its rule (check digits, numbering plans,
 * calendars) and, where no rule exists, by the cue words around it.
 */
import { emiratesIdValid, egyptIdValid, IBAN_LENGTHS, ibanChecksumValid, ibanValid, iranCodeValid, israeliIdValid, luhnValid, saudiIdValid } from './checksums';
import { clauseCueBefore, cueBefore, cueRightBefore, labelAfter, messageHasCueBefore, dateCue, correctionBefore, followedByCurrency, labelFarAfter, labelFarBefore, messageHasCue, numberCue, numberCueAfter, numberCueBefore, otpLabelRightBefore, phoneWordBefore, receivedBefore, recordLabelBefore, sentenceStart, type ContextText } from './context';
import { execAtEnd, MONTH_LAST_WORDS, MONTH_RIGHT_BEFORE, MONTH_WORDS, numericDateValid, ordinalDayStart, plausibleYear, TEXT_DATE_AFTER_YEAR, TEXT_DATE_BEFORE_YEAR } from './dates';
import { BACK_OF_CARD, BORN_IN_YEAR_WORDS, CARD_CONTEXT, Cue, cueAt, cueOf, CVV_CONTEXT, CVV_DESCRIBED, CVV_NAMED, isQualifierCue, isWeakCue, NEGATIVE_CUES, PASSPORT_CONTEXT } from './lexicon';
import { foldRange, isArabicLetter, NORM_TABLE, normaliseTransient, toOriginalEnd, toOriginalStart } from './detection-text';
import { DIGIT_CLASS, digitValue } from '../text/fold';
import { forgetAfterTurn } from '../text/forget-after-turn';
import { FREE_MAIL_PROVIDER } from '../text/free-mail';
import { inChatPrefix } from './chat-export';
import { AFFIXED_ID_RE, CODICE_FISCALE_RE, CODICE_FISCALE_WORD, codiceFiscaleValid, hkidValid, POSTAL_ITEM, provesItself } from './foreign-ids';
import { readTypedNumbers } from './number-reader';
import { readerSteps } from './reader-steps';
import { sentToShortNumber } from './promo-code';
import { noPersonLocal, serviceLocal } from './role-address';
import { companyNumber, compactDateTime, CONFIRMATION_NUMBER_BEFORE, simSerial, currencySignBefore, RECORD_ONLY_BEFORE, SERIAL_OF_BEFORE, FAIL_CLOSED_CONFIDENCE, FAIL_CLOSED_DIGITS, UNIT_AFTER, VERSION_BEFORE, Visible, yearRange } from './fail-closed';

const NORM = NORM_TABLE;
import { checkInternational, CUED_REGIONS, validLocal, validNational, validNsn } from './phone-plan';
import { myKadShape, southAfricanIdShape } from './id-shapes';
import type { DetectedSpan, DetectOptions, SensitiveType } from './types';

export const DEFAULT_REGION_HINTS: readonly string[] = ['SA', 'AE', 'EG', 'IR', 'GB', 'US'];
/** Calling codes our customers write without "+" or "00" ("966 59 203 6319", "965 6555 1234"): the Middle East and North Africa, Iran, Turkey, South Asia, the UK. */
const CC_WITHOUT_PLUS = ['966', '971', '965', '974', '973', '968', '962', '961', '963', '964', '967', '970', '20', '212', '213', '216', '218', '249', '98', '90', '92', '93', '44', '234', '233', '254'];

interface Found {
  type: SensitiveType;
  start: number;
  end: number;
  confidence: number;
}

interface Scan extends ContextText {
  regions: readonly string[];
  found: Found[];
  /** Normalised ranges already explained (e-mails, URLs, IBANs, dates): digit runs inside them are skipped. */
  claimed: number[];
  cueAt: number;
  cueEnd: number;
  cue: Cue | 0;
  /** Message-level hints, looked up on first need: -1 unknown, 0 no, 1 yes. */
  cardTalk: number;
  cvvTalk: number;
  cvvNamed: number;
  passportTalk: number;
  otpTalk: number;
  persian: number;
  mistake: number;
  lineTalk: number;
  ageTalk: number;
  /** Dates no word gives a role to (start, end pairs): a birth date restated ("= 4 Oct 1986") is found among them. */
  plainDates: number[];
  /**
   * Long runs nothing explained (fail closed, round 18): masked once every other reading is done, where no value was
   * found since (a near copy of a found phone is that phone, not an ID).
   */
  unexplained: Found[];
  /** Where the last long run a record's label explained ends (-1: none), for the next number of its list. */
  recordEnd: number;
}

function cardTalk(scan: Scan): boolean {
  if (scan.cardTalk < 0) scan.cardTalk = CARD_CONTEXT.test(scan.norm) || scan.found.some((f) => f.type === 'CARD') ? 1 : 0;
  return scan.cardTalk === 1;
}

const PERSIAN_LETTERS = /[\u067e\u0686\u0698\u06af\u06a9\u06cc]/;

/** The message uses letters only Persian has (پ چ ژ گ ک ی). */
function persianText(scan: Scan): boolean {
  if (scan.persian < 0) scan.persian = PERSIAN_LETTERS.test(scan.norm) ? 1 : 0;
  return scan.persian === 1;
}

function cvvTalk(scan: Scan): boolean {
  if (scan.cvvTalk < 0) scan.cvvTalk = CVV_CONTEXT.test(scan.norm) ? 1 : 0;
  return scan.cvvTalk === 1;
}

/**
 * Three digits right after words that describe a card's security code ("the code on the back", "رمز الأمان", "کد پشت
 * کارت"), with no other record's word nearer: the customer answering an earlier question names no card.
 */
function cvvDescribedBefore(scan: Scan, start: number, end: number): boolean {
  if (!cvvTalk(scan) || followedByCurrency(scan, end) || !CVV_DESCRIBED.test(scan.norm.slice(Math.max(0, start - 60), start))) return false;
  const c = cueFor(scan, start, end);
  return !c || c === Cue.CVV || c === Cue.OTP || c === Cue.OTP_WEAK || c === Cue.CARD || c === Cue.ID_CARD || c === Cue.PHONE_WEAK;
}

/** The message names the security code ("cvv", "سی وی وی"), not just "security" or "the back". */
function cvvNamed(scan: Scan): boolean {
  if (scan.cvvNamed < 0) scan.cvvNamed = CVV_NAMED.test(scan.norm) ? 1 : 0;
  return scan.cvvNamed === 1;
}

/**
 * The message says a value is wrong, rejected or not the writer's ("غلط", "نامعتبره", "invalid", "the correct one
 * is…", "مش بتاعتي"): the number the system refused is then no value of the writer's, as every earlier set labels it, so
 * a cue alone (without the value's check) does not make it one.
 */
const MISTAKE_TALK = /wrong|mistake|invalid|not valid|incorrect|correct (?:one|is|number)|typo|rejected|not mine|ghalat|eshtebah|sahih|na ?motabar|غلط|خطأ|خاطئ|صحيح|الصح(?![\u0621-\u064a])|مرفوض|رفض|بالغلط|مش بتاع|ليس لي|ليست لي|اشتباه|نادرست|نامعتبر|معتبر نیست|درستش|صحیح|غلطه|غلط اس/i;

function mistakeTalk(scan: Scan): boolean {
  if (scan.mistake < 0) scan.mistake = MISTAKE_TALK.test(scan.norm) ? 1 : 0;
  return scan.mistake === 1;
}

/**
 * The message is about a phone line — its calls, credit, SIM or signal ("الرقم 92845116 ما يستقبل مكالمات", "the
 * number 66193402 has no signal"): a bare "number" word then names a phone, even before one block of digits.
 */
const LINE_TALK = /(?<![\p{L}])(?:ال|و|ب)*(?:خط|خطي|مكالم[اةه]ت?|مكالمه|يستقبل|يتصل|رصيد|شريح[هة]|سيم|تغطي[هة]|الشبك[هة]|شبك[هة]|باق[هة]|تعبئ[هة]|عبيت|معبي)(?![\p{L}])|\b(?:sim|signal|calls?|credit|recharged?|top ?up|coverage|roaming|no service)\b|شارژ|سیم ?کارت|آنتن|تماس/iu;

function lineTalk(scan: Scan): boolean {
  if (scan.lineTalk < 0) scan.lineTalk = LINE_TALK.test(scan.norm) ? 1 : 0;
  return scan.lineTalk === 1;
}

function passportTalk(scan: Scan): boolean {
  if (scan.passportTalk < 0) scan.passportTalk = PASSPORT_CONTEXT.test(scan.norm) ? 1 : 0;
  return scan.passportTalk === 1;
}

const isCodeCue = (c: Cue): boolean => c === Cue.OTP || c === Cue.OTP_WEAK;

/**
 * A word for a one-time code anywhere in the message ("the code never came … 453630"), not one a national ID's or a
 * tracking number's word right after it qualifies ("کد ملی", "کد رهگیری": that document's or parcel's number).
 */
const QUALIFIES_CODE = (c: Cue): boolean => c === Cue.NID || c === Cue.TRACK;
function otpTalk(scan: Scan): boolean {
  if (scan.otpTalk < 0) scan.otpTalk = messageHasCue(scan, isCodeCue, QUALIFIES_CODE) ? 1 : 0;
  return scan.otpTalk === 1;
}

/** The domain after an "@" (and one optional space or line break: "adaeze.okafor@\noutlook.com"), read from the "@" with a sticky regex. */
const EMAIL_DOMAIN_RE = /[ \n]?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/y;
/**
 * Round 30: a domain broken by spaces around its dots ("gmail . com", "hotmail . co . uk"), often with "without spaces"
 * after it: read only with a space on both sides of each broken dot and lower-case parts after the name, the last of two to six letters.
 */
const SPACED_DOMAIN_RE = /[ \n]?[A-Za-z0-9-]+(?:(?: \. |\.)[a-z0-9-]+)* \. [a-z]{2,6}(?![A-Za-z0-9])/y;
/**
 * Addresses written out to dodge filters: "sara.k88 at gmail dot com", "sara(at)gmail(dot)com", "sara [at] gmail.com".
 * A bare " at " needs a "dot" word or a mail provider's name after it, so "meet me at home.com" is not an address.
 */
/** The "@" said in French, Spanish or German (round 30); "chez" only inside an address, being a common word. */
const AT_WORDS_ABROAD = 'arobase|arroba|ät';
/** The dot said as a word, in English and (round 30) French, Spanish, German and Turkish. */
const DOT_WORDS = 'dot|point|punto|punkt|nokta';
const AT = String.raw`\s*(?:\(at\)|\[at\]|\{at\})\s*|\s+(?:at|chez|${AT_WORDS_ABROAD})\s+`;
const DOT = String.raw`\s*(?:\(dot\)|\[dot\]|\{dot\})\s*|\s+(?:${DOT_WORDS})\s+|\.`;
// the name may be written out too: "john dot smith", "sara underscore k" (round 9, class D)
const LOCAL_PART = String.raw`[A-Za-z0-9][A-Za-z0-9._%+-]*(?:\s+(?:dot|underscore|dash|hyphen)\s+[A-Za-z0-9][A-Za-z0-9._%+-]*)*`;
const WRITTEN_EMAIL_RE = new RegExp(String.raw`(?<![A-Za-z0-9._%+-])${LOCAL_PART}(${AT})([A-Za-z0-9-]+)((?:(?:${DOT})[A-Za-z0-9-]+)*)(${DOT})([A-Za-z]{2,6})(?![A-Za-z0-9])`, 'gi');
const AT_AFTER = /(?:\s+(?:dot|underscore|dash|hyphen)\s+[A-Za-z0-9]+)*\s+at\s+[A-Za-z0-9]/y;

const MAIL_WORD = /dot|mail|outlook|icloud|live|yahoo/i;
const OTHER_AT = new RegExp(` (?:${AT_WORDS_ABROAD}) `, 'i');
const DOT_WORD = new RegExp(DOT_WORDS, 'i');

/** Runs on every message, so it only walks the occurrences of "at" (usually none in Arabic or Persian text). */
function mayHaveWrittenEmail(s: string): boolean {
  // (round 30: the "@" said in French, Spanish or German: "arobase", "arroba", "ät")
  if (OTHER_AT.test(s)) return true;
  for (let i = s.indexOf('at', 1); i >= 0; i = s.indexOf('at', i + 2)) {
    const b = s.charCodeAt(i - 1);
    const a = s.charCodeAt(i + 2);
    if ((b === 0x28 && a === 0x29) || (b === 0x5b && a === 0x5d) || (b === 0x7b && a === 0x7d)) return true;
    if (b === 0x20 && a === 0x20) return MAIL_WORD.test(s);
  }
  return false;
}

function findWrittenEmails(scan: Scan): void {
  WRITTEN_EMAIL_RE.lastIndex = 0;
  for (let m = WRITTEN_EMAIL_RE.exec(scan.norm); m; m = WRITTEN_EMAIL_RE.exec(scan.norm)) {
    if (claimedAt(scan, m.index) >= 0) continue;
    const plainAt = !m[1]!.includes('at)') && !m[1]!.includes('at]') && !m[1]!.includes('at}');
    const wordDot = DOT_WORD.test(m[3]! + m[4]!);
    // "reach me at john dot smith at outlook dot com", "… me at mostafa.kamal at gmail dot com": a second "at" after
    // the match means the first was a word; the address may start after it
    AT_AFTER.lastIndex = m.index + m[0].length;
    if (plainAt && ((!wordDot && !FREE_MAIL_PROVIDER.test(m[2]!)) || AT_AFTER.test(scan.norm))) {
      WRITTEN_EMAIL_RE.lastIndex = m.index + m[0].indexOf(m[1]!) + m[1]!.length;
      continue;
    }
    add(scan, 'EMAIL', m.index, m.index + m[0].length, 0.8);
  }
}
const URL_RE = /(?:https?:\/\/|www\.)[^\s]+|(?<![@A-Za-z0-9.])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\/[^\s]*/g;
// "AE 98 0461 …": a space, dash or underscore may follow the country code; groups split by spaces, dashes,
// underscores, line breaks or a dot ("IR96.0190.…"; a dot and a space end a sentence instead), or a dash between spaces
// ("KZ29 - 7281 - …", round 36)
const IBAN_RE = /(?<![A-Za-z0-9])[A-Za-z]{2}[ _-]?\d{2}(?:(?:[ \n_-]{0,2}| - |\.| ?(?:[\uD83C-\uD83E][\uDC00-\uDFFF]|[\u2600-\u27BF\u2B00-\u2BFF])\uFE0F? ?)[A-Za-z0-9]){10,34}/g;
// "A58806017", "a 3366246", "A-58806017", "A_43334427", "AB-1209834", "A-5880 6017", "12X345678", "P1234567A" (the
// Philippines' letter at both ends, also "P 4471 223A": tried first after the letters, or "P 4471" would end the match), "B 85 79 84 55" (read out in pairs), "A 12 345 000" (in thousands); findPassports checks the rest
const PASSPORT_RE = /(?<![A-Za-z0-9])(?:([A-Za-z]{1,3})([ _-]?)(?:\d{4}[ -]?\d{3}[A-Za-z]|\d{3,9}(?:[ -]\d{3,5}){0,2}|\d{2}(?:[ -]\d{2}){2,3}|\d{1,2}(?:[ -]\d{3}){2})|\d{2}[A-Za-z]\d{6})(?![A-Za-z0-9])/g;

/** Words naming a record's own number (an order, a shipment, a transfer, a ticket), not an account a phone belongs to. */
const RECORD_CUES: ReadonlySet<Cue> = new Set<Cue>([Cue.ORDER, Cue.TRACK, Cue.REF, Cue.TICKET, Cue.TRIP]);
const ID_CUES: ReadonlySet<Cue> = new Set<Cue>([Cue.NID, Cue.ID_WEAK, Cue.ID_CARD]);

// Local copies of the character tests: this file's loops are the hot path, and a call through a module binding
// costs more than the test itself when the code runs unbundled (tsx in the CLI and the benchmark).
function isLatinLetter(c: number): boolean {
  return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function startsWithAny(d: string, prefixes: readonly string[]): boolean {
  for (const p of prefixes) if (d.startsWith(p)) return true;
  return false;
}

function claimedAt(scan: Scan, i: number): number {
  const c = scan.claimed;
  for (let k = 0; k < c.length; k += 2) if (i >= c[k]! && i < c[k + 1]!) return c[k + 1]!;
  return -1;
}

function add(scan: Scan, type: SensitiveType, start: number, end: number, confidence: number): void {
  const e = type === 'DOB' ? eraMarkEnd(scan.norm, end) : end;
  scan.found.push({ type, start, end: e, confidence });
  scan.claimed.push(start, e);
  // (a card found makes the message one about a card, also where that was asked before it was found)
  if (type === 'CARD') scan.cardTalk = 1;
}

/**
 * A calendar's era mark right after a date (normalised: the tatweel of "هـ" is gone): "١٤١٢ هـ", "۱۳۶۸ ه.ق", "ه.ش",
 * "ش", "1409 AH", "A.H.", "1369/07/23 h.sh". Part of the date, so none of it is left beside the mask.
 */
const ERA_MARK = /(?: ?)(?:ه[. ]?[شق]|[هشق]|A\.H\.?|AH|S\.H\.?|SH|H\.S\.?|HS|H|h\.sh|h\.q)(?![\p{L}\p{N}])/uy;

/** "هـ": the tatweel that draws the era mark out is dropped by normalisation, but belongs to the mark. */
function withTatweel(text: string, end: number): number {
  while (text.charCodeAt(end) === 0x640) end++;
  return end;
}

function eraMarkEnd(s: string, end: number): number {
  ERA_MARK.lastIndex = end;
  return ERA_MARK.test(s) ? ERA_MARK.lastIndex : end;
}

// ------------------------------------------------------------------ e-mail, URL, IBAN, passport tokens

/**
 * A local part's characters; Arabic letters too right against the "@": an address typed with the keyboard left on
 * Arabic ("غخعسثبزئ@gmail.com"; "انستقرام @rashid.store" is a word and a handle).
 */
function isLocalPartChar(c: number, arabic: boolean): boolean {
  return isDigit(c) || isLatinLetter(c) || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d || (arabic && isArabicLetter(c));
}

/**
 * Addresses, found from each "@" outwards (a regex that starts at every letter costs far more): the local part
 * before it (one space allowed before the "@": "omar.h @ hotmail.com"), the domain after it.
 */
function findEmails(scan: Scan): void {
  const s = scan.norm;
  let after = 0;
  for (let at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
    if (at < after) continue;
    let p = at - 1;
    const spaced = s.charCodeAt(p) === 0x20;
    // "name.surname1948⏎@provider.ca": an address broken by a line just before its "@"
    const broken = !spaced && s.charCodeAt(p) === 0x0a;
    if (spaced || broken) p--;
    const localEnd = p + 1;
    while (p >= after && isLocalPartChar(s.charCodeAt(p), !spaced)) p--;
    // ("ahmed . ali @ gmail . com": the local part's dots broken by spaces too, where the "@" is)
    while (spaced && p - 3 >= after && s.slice(p - 2, p + 1) === ' . ' && isLocalPartChar(s.charCodeAt(p - 3), false)) {
      p -= 3;
      while (p >= after && isLocalPartChar(s.charCodeAt(p), false)) p--;
    }
    let start = p + 1;
    // the local part starts with a letter or digit
    while (start < localEnd && !(isDigit(s.charCodeAt(start)) || isLatinLetter(s.charCodeAt(start)) || isArabicLetter(s.charCodeAt(start)))) start++;
    if (start >= localEnd) continue;
    EMAIL_DOMAIN_RE.lastIndex = at + 1;
    SPACED_DOMAIN_RE.lastIndex = at + 1;
    // (the spaced reading only where the plain one finds no domain: "x@gmail.com . then" keeps its address)
    const m = EMAIL_DOMAIN_RE.exec(s) ?? (s.indexOf(' . ', at) >= 0 ? SPACED_DOMAIN_RE.exec(s) : null);
    if (!m) continue;
    let end = at + 1 + m[0].length;
    while (s.charCodeAt(end - 1) === 0x2e || s.charCodeAt(end - 1) === 0x2d) end--;
    const local = s.slice(start, localEnd);
    // (broken by a line, only a local part no word has: a dot, an underscore or a digit in it)
    if (broken && !/[._\d]/.test(local)) continue;
    // (a service's own sender stays visible, claimed so no other reader takes its digits)
    if (noPersonLocal(local) || roleSenderLine(s, start, local)) scan.claimed.push(start, end);
    else add(scan, 'EMAIL', start, end, 0.99);
    after = end;
  }
}

/** A link with another scheme ("viber://chat?number=…", "whatsapp://send?phone=…"): looked for only where "://" is. */
const SCHEME_URL_RE = /(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9+.-]{1,15}:\/\/[^\s]+/g;

/** A "://" after a scheme other than http(s). */
function otherScheme(s: string): boolean {
  for (let i = s.indexOf('://'); i >= 0; i = s.indexOf('://', i + 3)) if (!s.endsWith('http', i) && !s.endsWith('https', i)) return true;
  return false;
}

function claimUrls(scan: Scan, schemes: boolean): void {
  if (schemes) claimLinks(scan, SCHEME_URL_RE);
  claimLinks(scan, URL_RE);
}

function claimLinks(scan: Scan, re: RegExp): void {
  re.lastIndex = 0;
  for (let m = re.exec(scan.norm); m; m = re.exec(scan.norm)) {
    if (claimedAt(scan, m.index) >= 0) continue;
    findInUrl(scan, m.index, m.index + m[0].length);
    scan.claimed.push(m.index, m.index + m[0].length);
  }
}

/**
 * Values carried by a link: "wa.me/9665…", "t.me/+98…" (Telegram's link to a phone), "whatsapp.com/send?phone=…",
 * "viber://chat?number=%2B63…", "?card=4636…&exp=0928", "/pay/4636…". A query parameter's name is its label ("?id=" is
 * too vague: tracking links use it); a bare path segment can only be a checksummed card or ID. The value may open
 * with "+", its percent-encoding "%2B" or the international prefix "00".
 */
const URL_VALUE_RE = /(?:wa\.me\/|t\.me\/(?=\+)|[?&#;/]([A-Za-z][A-Za-z0-9_.-]{0,30})=|\/)(\+|%2[Bb])?(\d{3,19})(?![A-Za-z0-9])/g;
/**
 * A query parameter's name is the label of its value (round 25: "?nid=29803150102345" is the ID, though its digits pass
 * Luhn): the parts of the name ("national_id", "idNumber", "passport_no", "order_id") are looked up like words, a
 * record's or an amount's part first ("order_id" is an order's, whatever its digits pass), then the part that names a
 * value; "id" alone is too vague (tracking links use it) but names an ID beside a word for "number" ("id_number").
 */
const PARAM_CUES: Readonly<Record<string, Cue>> = {
  cc: Cue.CARD, pan: Cue.CARD, cardnumber: Cue.CARD, cardno: Cue.CARD,
  otp: Cue.OTP, code: Cue.OTP, pin: Cue.OTP, vcode: Cue.OTP,
  exp: Cue.EXPIRY, expiry: Cue.EXPIRY,
  cvv: Cue.CVV, cvc: Cue.CVV, cvv2: Cue.CVV,
  nid: Cue.NID, iqama: Cue.NID, national: Cue.NID, nationalid: Cue.NID, melli: Cue.NID, codemelli: Cue.NID, eid: Cue.NID, idnumber: Cue.NID, idno: Cue.NID,
  passport: Cue.PASSPORT, passportno: Cue.PASSPORT, pp: Cue.PASSPORT,
};
const ID_NUMBER_PARTS: ReadonlySet<string> = new Set(['number', 'no', 'num', 'nr']);

function paramCue(name: string): Cue | undefined {
  const parts = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_.-]+/);
  let named: Cue | undefined;
  for (const p of parts) {
    const c = PARAM_CUES[p] ?? cueOf(p);
    if (c === undefined) continue;
    if (NEGATIVE_CUES.has(c)) return c;
    if (c === Cue.ID_WEAK) {
      if (parts.some((q) => ID_NUMBER_PARTS.has(q))) named ??= Cue.NID;
    } else if (c !== Cue.PHONE_WEAK) named ??= c;
  }
  return named ?? PARAM_CUES[parts.join('')];
}

/** Parts of a parameter's name ("customer_phone", "phoneNumber", "numero_tel", "msisdn") that make it a phone's. */
const PHONE_PARAM_PARTS: ReadonlySet<string> = new Set(['phone', 'phones', 'phoneno', 'mobile', 'mobileno', 'mobil', 'mob', 'msisdn', 'whatsapp', 'wa', 'viber', 'cell', 'cellphone', 'gsm', 'tel', 'telephone', 'telefon', 'telefono', 'telefone', 'sms', 'contact']);
/** Parts that only say "number" ("?number=", "to_number"): a phone's only when nothing else in the name says whose. */
const NUMBER_PARAM_PARTS: ReadonlySet<string> = new Set(['number', 'numero', 'num', 'no', 'nr', 'to', 'recipient', 'user', 'my', 'chat']);

/** How strongly a query parameter's name says its value is a phone: 2 a phone word, 1 only "number", 0 not. */
function phoneParam(name: string): number {
  const parts = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_.-]+/);
  if (parts.some((p) => PHONE_PARAM_PARTS.has(p))) return 2;
  // ("pay/v/731044?m=0917…": a payment link's lone "m" is its mobile's, when the number is valid as one)
  if (name === 'm') return 1;
  return parts.some((p) => p === 'number' || p === 'numero' || p === 'num') && parts.every((p) => NUMBER_PARAM_PARTS.has(p)) ? 1 : 0;
}

function findInUrl(scan: Scan, from: number, to: number): void {
  const url = scan.norm.slice(from, to);
  URL_VALUE_RE.lastIndex = 0;
  for (let m = URL_VALUE_RE.exec(url); m; m = URL_VALUE_RE.exec(url)) {
    const d = m[3]!;
    const prefix = m[2] ?? '';
    const start = from + m.index + m[0].length - d.length - prefix.length;
    const name = m[1];
    const phoneLink = m[0].startsWith('wa.me') || m[0].startsWith('t.me');
    let phoneName = phoneLink ? 2 : name ? phoneParam(name) : 0;
    // "…/invoice?number=2024…": a bare "number" in a link to a record is the record's
    if (phoneName === 1 && linkNamesRecord(url, m.index)) phoneName = 0;
    const v = phoneName
      ? linkedPhone(scan, d, prefix !== '', phoneName === 2)
      : (urlValue(d, name ? paramCue(name) : undefined) ?? (name ? (GENERIC_ID_PARAM.test(name) ? genericIdValue(url, d) : verifyLinkCode(url, m.index, name, d)) : (pathCode(scan, url, m.index, d) ?? verifyLinkCode(url, m.index, '', d))));
    if (v) add(scan, v, start, start + prefix.length + d.length, 0.85);
    else if (name && prefix === '' && d.length === 10 && checkedLinkId(url, m.index, name, d)) add(scan, 'NATIONAL_ID', start, start + d.length, 0.85);
  }
  // "?user=ahmed.k%40gmail.com", "?to=omar(at)gmail.com": an address a link carries percent-encoded or with its "@"
  // written out is the customer's address as surely as a plain one
  ENCODED_EMAIL_RE.lastIndex = 0;
  for (let m = ENCODED_EMAIL_RE.exec(url); m; m = ENCODED_EMAIL_RE.exec(url)) {
    if (!noPersonLocal(m[1]!) && claimedAt(scan, from + m.index) < 0) add(scan, 'EMAIL', from + m.index, from + m.index + m[0].length, 0.9);
  }
  // "?passport=N4471829": a passport's letters and digits after a parameter its name labels a passport's
  URL_PASSPORT_RE.lastIndex = 0;
  for (let m = URL_PASSPORT_RE.exec(url); m; m = URL_PASSPORT_RE.exec(url)) {
    if (paramCue(m[1]!) === Cue.PASSPORT) add(scan, 'PASSPORT', from + m.index + m[0].length - m[2]!.length, from + m.index + m[0].length, 0.85);
  }
}

/** A local part (its "+" and "." may be encoded too), an encoded or written-out "@", a domain with its dots. */
const ENCODED_EMAIL_RE = /(?<=[=:,])((?:[A-Za-z0-9._+-]|%2[BbEe]){1,64})(?:%40|%28at%29|\(at\)|%5Bat%5D|\[at\])[A-Za-z0-9-]{1,63}(?:(?:\.|%2[Ee]|\(dot\)|\[dot\])[A-Za-z0-9-]{1,63}){1,4}(?![A-Za-z0-9-])/gi;

const SENDER_HEADER = /(?:^|\n)[ \t>]{0,4}(?:from|reply-to|sender|de|von|من|از)\s{0,3}:[^\n]{0,80}$/i;

/** A service's address on a forwarded mail's sender line. */
function roleSenderLine(s: string, start: number, local: string): boolean {
  return serviceLocal(local) && SENDER_HEADER.test(s.slice(Math.max(0, start - 96), start));
}

/**
 * "pay.example/v/731044?m=0917…": four to eight digits as a path's segment, in a link whose query carries the
 * customer's phone, are the code the link was sent with; a record's word in the link before them keeps an order's
 * visible ("shop/order/731044?ref=app" has no phone either).
 */
function pathCode(scan: Scan, url: string, at: number, d: string): SensitiveType | null {
  if (d.length < 4 || d.length > 8 || url.indexOf('?') < at || linkNamesRecord(url, at)) return null;
  PERSONAL_PARAM_RE.lastIndex = 0;
  for (let m = PERSONAL_PARAM_RE.exec(url); m; m = PERSONAL_PARAM_RE.exec(url)) {
    const phone = phoneParam(m[1]!);
    const value = /^\+?[0-9]{7,15}/.exec(url.slice(m.index + m[0].length));
    if (phone && value && linkedPhone(scan, value[0].replace('+', ''), value[0][0] === '+', phone === 2)) return 'OTP';
  }
  return null;
}

/**
 * Round 30: "…/verify?c=482913", "…/confirm?k=5830", "…/activate?pin=…", "…/auth/check?passcode=…", "…/verify/551902": four
 * to eight digits in a link whose host or path says it verifies someone (verify, confirm, activate, auth, login, 2fa, otp,
 * validate, a bare "v" segment) are the code the link was sent with, when their parameter's name is a code's (code, otp,
 * pin, token, key, pass…) or a single letter or two ("c", "k", "vc"), or when they are the path's segment right after
 * the verifying word. A record's word anywhere before them in the link (order, invoice, booking…) keeps them visible.
 */
const VERIFY_LINK_WORD = /(?:^|[/.?&_-])(?:verify|verif|verification|verifications|confirm|confirmation|activate|activation|auth|authenticate|authentication|otp|2fa|mfa|login|signin|sign-in|validate|validation|v)(?=$|[/.?&_-])/gi;
const CODE_PARAM_NAME = /^(?:[a-z]{1,2}|[a-z_]*(?:code|otp|pin|token|key|pass|passcode|tan|secret)[a-z0-9_]*)$/i;

/** Short names links use for other things: a time, a version, a page, a language, a query, a size, a step. */
const NOT_CODE_PARAM = /^(?:t|ts|v|ver|p|pg|q|n|s|r|l|lg|ln|id|x|y|w|h|sz|st|ui|at|ms|tz|yr|dt|cb|rnd)$/i;

function verifyLinkCode(url: string, at: number, name: string, d: string): SensitiveType | null {
  if (d.length < 4 || d.length > 8 || compactDateTime(d) || linkNamesRecord(url, at, true)) return null;
  if (name && (!CODE_PARAM_NAME.test(name) || NOT_CODE_PARAM.test(name) || phoneParam(name) || paramCue(name) !== undefined)) return null;
  const head = url.slice(url.indexOf('//') >= 0 ? url.indexOf('//') + 2 : 0, at + (name ? 0 : 1));
  VERIFY_LINK_WORD.lastIndex = 0;
  for (let m = VERIFY_LINK_WORD.exec(head); m; m = VERIFY_LINK_WORD.exec(head)) {
    // (a path's digits only right after the verifying segment: "/verify/551902", not "/verify/help/2024")
    if (name || m.index + m[0].length === head.length - 1) return 'OTP';
  }
  return null;
}

/**
 * Round 31: "…/verify?id=1633190010", "…/estelam?code=9934588951&tel=09…": ten digits that pass the Saudi or the
 * Iranian check, as the value of a code's or an identity's parameter (code, c, id, uid…, not a time's: t, ts, time,
 * exp…) in a link that names no record, are the customer's ID ("the number in the link is my ID"); the code's reading
 * stops at eight digits. Fourteen- and fifteen-digit IDs are read by `urlValue` whatever their parameter.
 */
const TIME_PARAM = /^(?:t|ts|_t|time|timestamp|date|exp|expires?|since|until|v|ver|version)$/i;
function checkedLinkId(url: string, at: number, name: string, d: string): boolean {
  if (TIME_PARAM.test(name) || !(saudiIdValid(d) || iranCodeValid(d))) return false;
  if (!CODE_PARAM_NAME.test(name) && !GENERIC_ID_PARAM.test(name)) return false;
  return !linkNamesRecord(url, at);
}

/** A parameter named only "id" ("uid", "user_id", "customerId"): too vague alone, since every link's records use it. */
const GENERIC_ID_PARAM = /^(?:id|uid|user_?id|userid|customer_?id|customerid|client_?id)$/i;
/** Parameters that carry a person's data: a phone, a code, a name, a birth date. */
const PERSONAL_PARAM_RE = /[?&#;]([A-Za-z][A-Za-z0-9_.-]{0,30})=/g;
const PERSON_NAME_PARAM = /^(?:name|full_?name|fullname|first_?name|last_?name|fname|lname|dob|birth_?date|birthdate)$/i;

/**
 * "verify?mobile=0551847203&id=1222628131": a generic "id" beside a phone's, a code's or a name's parameter in the same
 * link is the person's identity number when its digits have an ID's shape — its country's check where it has one (ten
 * digits: Saudi or Iranian; fourteen: Egyptian; fifteen: Emirati), eight to twelve digits where none is known.
 */
function genericIdValue(url: string, d: string): SensitiveType | null {
  const n = d.length;
  const shaped = n === 10 ? saudiIdValid(d) || iranCodeValid(d) : n === 14 ? egyptIdValid(d) : n === 15 ? emiratesIdValid(d) : n >= 8 && n <= 12;
  if (!shaped) return null;
  PERSONAL_PARAM_RE.lastIndex = 0;
  for (let m = PERSONAL_PARAM_RE.exec(url); m; m = PERSONAL_PARAM_RE.exec(url)) {
    const name = m[1]!;
    if (phoneParam(name) === 2 || PERSON_NAME_PARAM.test(name)) return 'NATIONAL_ID';
    const c = paramCue(name);
    if (c === Cue.OTP || c === Cue.OTP_WEAK || c === Cue.CARD || c === Cue.PASSPORT) return 'NATIONAL_ID';
  }
  return null;
}

const URL_PASSPORT_RE = /[?&#;]([A-Za-z][A-Za-z0-9_.-]{0,30})=([A-Za-z]{1,3}[0-9]{5,9})(?![A-Za-z0-9])/g;

const LINK_WORD = /[A-Za-z]{3,}/g;

/** A word of the link before `to` (its host and path) names a record: an order, an invoice, a shipment, a booking (an account's, unless `accountVerifies`). */
function linkNamesRecord(url: string, to: number, accountVerifies = false): boolean {
  LINK_WORD.lastIndex = 0;
  for (let m = LINK_WORD.exec(url); m && m.index < to; m = LINK_WORD.exec(url)) {
    const c = cueOf(m[0].toLowerCase()) as Cue;
    // ("/account/verify?c=…": an account's page that verifies its holder names no record of the code's)
    if (NEGATIVE_CUES.has(c) && !(accountVerifies && c === Cue.ACCOUNT)) return true;
  }
  return false;
}

/**
 * The value of a phone's parameter (or a wa.me link): a number valid with its country code (after "+", "%2B", "00"
 * or none: "?mobile=96566002066"), or valid in a customer's region with its trunk "0". A phone's own word in the name
 * accepts a number of a possible length for its country too (a link carries nothing else there).
 */
function linkedPhone(scan: Scan, d: string, plus: boolean, phoneWord: boolean): SensitiveType | null {
  const intl = !plus && d.startsWith('00') ? d.slice(2) : d;
  const v = checkInternational(intl);
  if (v === 'valid' || (v === 'possible' && phoneWord && (plus || intl !== d || intl.length >= 10))) return 'PHONE';
  if (!plus && d[0] === '0' && d[1] !== '0' && nationalPhone(scan, d)) return 'PHONE';
  // ("?mobile=9876012345": a phone's own word names the value, whichever country's plan it is written in)
  return phoneWord && intl.length >= 7 && intl.length <= 15 ? 'PHONE' : null;
}

function urlValue(d: string, cue: Cue | undefined): SensitiveType | null {
  const n = d.length;
  // (the name first: a record's parameter keeps its digits visible, an ID's names them whatever Luhn says)
  if (cue !== undefined && NEGATIVE_CUES.has(cue)) return null;
  if (cue === Cue.NID) return n >= 7 && n <= 18 ? 'NATIONAL_ID' : null;
  if (cue === Cue.PASSPORT) return n >= 6 && n <= 9 ? 'PASSPORT' : null;
  if (cue === Cue.IBAN) return n >= 16 && n <= 30 ? 'IBAN' : null;
  if (cardNumber(d)) return 'CARD';
  if ((n === 15 && emiratesIdValid(d)) || (n === 14 && egyptIdValid(d))) return 'NATIONAL_ID';
  switch (cue) {
    case Cue.CARD:
      return n === 16 ? 'CARD' : null;
    case Cue.OTP:
    case Cue.OTP_WEAK:
      return n >= 4 && n <= 8 ? 'OTP' : null;
    case Cue.CVV:
      return n === 3 || n === 4 ? 'CVV' : null;
    case Cue.EXPIRY:
      return n === 4 && validMonth(d.slice(0, 2)) ? 'CARD_EXPIRY' : null;
    default:
      return null;
  }
}

/** An IBAN's word right before `start`, or ending the line above it ("شبا:⏎IR…"). */
function ibanLabelled(scan: Scan, start: number): boolean {
  return numberCueBefore(scan, start) === Cue.IBAN || labelLineAbove(scan.norm, start) === Cue.IBAN;
}

/** The cue of a label that ends the line above a value opening its own line ("IBAN:", "شماره شبا:"). */
function labelLineAbove(s: string, start: number): Cue | undefined {
  let p = start - 1;
  while (p >= 0 && (s.charCodeAt(p) === 0x20 || s.charCodeAt(p) === 0x09)) p--;
  if (p < 0 || s.charCodeAt(p) !== 0x0a) return undefined;
  p--;
  while (p >= 0 && (s.charCodeAt(p) === 0x20 || s.charCodeAt(p) === 0x3a || s.charCodeAt(p) === 0xff1a)) p--;
  const we = p + 1;
  while (p >= 0 && isLetter(s.charCodeAt(p))) p--;
  return p + 1 < we ? cueAt(s, p + 1, we) : undefined;
}

function findIbans(scan: Scan): void {
  const s = scan.norm;
  IBAN_RE.lastIndex = 0;
  for (let m = IBAN_RE.exec(s); m; m = IBAN_RE.exec(s)) {
    const start = m.index;
    const country = s.slice(start, start + 2).toUpperCase();
    const len = IBAN_LENGTHS[country];
    IBAN_RE.lastIndex = start + 2;
    if (!len || claimedAt(scan, start) >= 0) continue;
    // letters and digits read (the compact form is built only for a candidate of the right length)
    let n = 0;
    let i = start;
    // letters after the check digits only in an IBAN written joined or in fours: "at 10 am tomorrow …" is words
    let group = 0;
    let unevenGroups = false;
    let bbanLetters = false;
    // "GB58 MONZ 991317 30983389": a bank code in capitals as the first group of the account part, then digits in
    // any grouping, is how British and Irish IBANs are printed (words never look like that)
    let bankCodeOnly = true;
    let bbanGroups = 0;
    // "QA58DOHB0000123456\n7890ABCDEFG": a joined IBAN a line break cuts once (round 36) — one break, no other gap
    let breaks = 0;
    let gaps = 0;
    // "IT29 J6 661641 5190651 2031W461": capitals among the digits in groups of any length, where words would be lower-case (round 36)
    let bbanLower = false;
    for (; i < s.length && n < len; i++) {
      const c = s.charCodeAt(i);
      if (isDigit(c) || isLatinLetter(c)) {
        if (++n > 4) {
          if (!group) bbanGroups++;
          group++;
          if (!isDigit(c)) {
            bbanLetters = true;
            if (bbanGroups !== 1 || c > 0x5a) bankCodeOnly = false;
            if (c > 0x5a) bbanLower = true;
          }
        }
      } else if (c === 0x20 || c === 0x0a || c === 0x2d || c === 0x5f || (c === 0x2e && isAlnumAt(s, i + 1))) {
        if (group && group !== 4) unevenGroups = true;
        group = 0;
        gaps++;
        if (c === 0x0a) breaks++;
      } else break;
    }
    const brokenOnce = breaks === 1 && gaps === 1;
    const lettersByCheck = bbanLetters && unevenGroups && !bankCodeOnly;
    if (n === len && !isAlnumAt(s, i) && (!lettersByCheck || brokenOnce || !bbanLower)) {
      // a mistyped IBAN (mod-97 fails) is still one right after its word: "IBAN", "الآيبان", "شماره شبا" (round 9, class A)
      // (capitals in uneven groups, or a joined IBAN broken once, only by its check: mod 97 is their proof)
      const valid = ibanChecksumValid(alnumUpper(s, start, i));
      if (valid || (!lettersByCheck && (!bbanLetters || bankCodeOnly) && ibanLabelled(scan, start) && !mistakeTalk(scan))) {
        add(scan, 'IBAN', start, i, valid ? 0.99 : 0.7);
        IBAN_RE.lastIndex = i;
        continue;
      }
    }
    // "IR44 0351 3940 7465 2832 7148 1": a country's IBAN a character short or long whose mod-97 holds is an IBAN whatever
    // its length (round 32; a random token passes one time in 97, and only 24 to 34 characters of this shape are read)
    const off = offLengthIban(s, start, len, () => ibanLabelled(scan, start));
    if (off > 0) {
      add(scan, 'IBAN', start, off, 0.9);
      IBAN_RE.lastIndex = off;
      continue;
    }
    // "DZ56 l938 5I99 9O8O …": an IBAN read by OCR with letters for the digits they resemble is one when, those undone,
    // its country's length holds digits only and its check digits pass (as sure as a typed IBAN whose check passes)
    if (n === len && bbanLetters && !isAlnumAt(s, i) && ocrIbanValid(alnumUpper(s, start, i), s, start, i)) {
      add(scan, 'IBAN', start, i, 0.99);
      IBAN_RE.lastIndex = i;
      continue;
    }
    // "شبا:⏎IR۷۱ ۰۱۷۰ … ۴۰۷": a digit or two too many or too few, right after an IBAN's own word, is a mistyped IBAN
    if (!bbanLetters && n >= len - 2 && ibanLabelled(scan, start) && !mistakeTalk(scan)) {
      let j = i;
      while (j < s.length && n < len + 3) {
        const c = s.charCodeAt(j);
        if (isDigit(c)) n++;
        else if (!((c === 0x20 || c === 0x2d) && isDigit(s.charCodeAt(j + 1)))) break;
        j++;
      }
      while (j > start && !isAlnumAt(s, j - 1)) j--;
      if (n >= len - 2 && n <= len + 2 && !isAlnumAt(s, j)) {
        add(scan, 'IBAN', start, j, 0.6);
        IBAN_RE.lastIndex = j;
      }
    }
  }
}

/**
 * The end of the longest IBAN-shaped token from `start` — a country's two letters, two check digits, then digits alone
 * (a bank code of capitals may open them: "KW57 NBOK 0000 …"), joined or grouped by spaces, dashes or underscores —
 * of 24 to 34 letters and digits, not its country's length, whose mod-97 holds over the whole token; -1 otherwise.
 */
function offLengthIban(s: string, start: number, len: number, labelled: () => boolean): number {
  const ends: number[] = [];
  let n = 0;
  let body = '';
  let i = start;
  for (; i < s.length && n < 35; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c) || (n < 2 && isLatinLetter(c)) || (n >= 4 && n < 8 && c >= 0x41 && c <= 0x5a && !/\d/.test(body))) {
      n++;
      if (n > 4) body += s[i];
      if (n >= 24 && n !== len && !isAlnumAt(s, i + 1)) ends.push(i + 1);
    } else {
      const next = s.charCodeAt(i + 1);
      if (!((c === 0x20 || c === 0x2d || c === 0x5f) && n >= 2 && (isDigit(next) || (n === 4 && next >= 0x41 && next <= 0x5a)))) break;
    }
  }
  // (the whole token first, then the longest prefix that passes; after an IBAN's word, a token within two characters of
  // its country's length whose prefix passes by chance is a mistyped IBAN, masked whole)
  for (let k = ends.length - 1; k >= 0; k--) {
    if (ibanChecksumValid(alnumUpper(s, start, ends[k]!))) return ends[k] === i || n > len + 2 || !labelled() ? ends[k]! : i;
  }
  return -1;
}

/** Letters an OCR reads for digits (l, I → 1; O → 0; S → 5; B → 8; Z → 2), as the fifteenth round reads them in digit runs. */
const OCR_DIGIT: Readonly<Record<string, string>> = { L: '1', I: '1', O: '0', S: '5', B: '8', Z: '2' };

/** Past its country's letters, every letter of the IBAN one an OCR reads for a digit, and the undone IBAN passes mod 97. */
function ocrIbanValid(compact: string, s: string, from: number, to: number): boolean {
  let undone = compact.slice(0, 2);
  for (let k = 2; k < compact.length; k++) {
    const ch = compact[k]!;
    if (ch >= '0' && ch <= '9') undone += ch;
    else if (OCR_DIGIT[ch]) undone += OCR_DIGIT[ch];
    else return false;
  }
  // (a lower-case letter other than l and o is a word's, not an OCR slip)
  for (let k = from + 2; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0x61 && c <= 0x7a && c !== 0x6c && c !== 0x6f) return false;
  }
  return ibanChecksumValid(undone);
}

/** The ASCII letters (in capitals) and digits of s[from, to). */
function alnumUpper(s: string, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) out += s[i];
    else if (isLatinLetter(c)) out += String.fromCharCode(c & ~0x20);
  }
  return out;
}

function isAlnumAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return isDigit(c) || isLatinLetter(c);
}

/** Six to nine digits after the letters; a dash or underscore after them, or digits in two groups, only with capitals ("A-588…"). */
function passportShape(token: string, letters: string, sep: string): boolean {
  let digits = 0;
  let gaps = 0;
  for (let i = letters.length + sep.length; i < token.length; i++) {
    if (isDigit(token.charCodeAt(i))) digits++;
    else gaps++;
  }
  if (digits < 6 || digits > 9) return false;
  return (sep !== '-' && sep !== '_' && gaps === 0) || letters === letters.toUpperCase();
}

/** No word, or only a word for "number" or "id". */
function numberLike(c: Cue | 0): boolean {
  return !c || c === Cue.PHONE_WEAK || c === Cue.ID_WEAK;
}

/**
 * In a message about a passport, the words around a passport's digits say nothing else: no word, a word for "number",
 * or a phone word that cannot be meant ("le nouveau numéro 512 884 093": French "numéro" is a phone word, but no
 * phone reads so: six to nine digits are a phone only in a national format, never with a calling code).
 */
function passportNumberCue(scan: Scan, d: string, start: number, end: number, oneByOne: boolean): boolean {
  let c = cueFor(scan, start, end);
  // "…رقم الباسبور في الحجز، القديم تعطل والجديد 049 517 067": a record word in an earlier clause does not label it
  if (c && !numberLike(c) && numberCueBefore(scan, start) === c && numberLike(clauseCueBefore(scan, start))) c = 0;
  if (c && RECORD_CUES.has(c) && (numberHead(scan, start) === Cue.PASSPORT || recordInPassportPhrase(scan, start))) c = 0;
  if (!(numberLike(c) || c === Cue.PHONE) || !passportTalk(scan)) return false;
  // (digits one by one are never read as a phone, so the phone word cannot claim them)
  return c !== Cue.PHONE || oneByOne || (!cuedNationalPhone(d) && !nationalPhone(scan, d));
}

/** Words that put a record in a place ("on my booking", "في الحجز", "توی رزرو"), and the little words between. */
const folded = (words: string[]): ReadonlySet<string> => new Set(words.map((w) => foldRange(w, 0, w.length)));
const PLACE_WORDS = folded(['on', 'in', 'at', 'from', 'inside', 'with', 'sur', 'dans', 'في', 'فى', 'على', 'من', 'عند', 'ف', 'fi', 'f', 'در', 'توی', 'تو', 'روی', 'از']);
const ARTICLE_WORDS = folded(['my', 'the', 'our', 'your', 'this', 'that', 'ma', 'mon', 'la', 'le']);

/**
 * "the passport number on my booking is 49 551 7067", "رقم الجواز اللي في الحجز هو …", "شماره پاسپورت توی رزرو …": the
 * nearest word before the number that names anything names a record in a place phrase, after a passport's word in
 * the same sentence — the record is where the passport's number is written, not what the number is. A record word
 * that labels ("booking number for my passport trip …", "رقم حجز الجواز …") has no place word before it.
 */
function recordInPassportPhrase(scan: Scan, start: number): boolean {
  const s = scan.norm;
  const from = sentenceStart(scan, start);
  let p = start - 1;
  for (let words = 0; words < 6; words++) {
    while (p >= from && !isLetter(s.charCodeAt(p))) {
      if (isDigit(s.charCodeAt(p))) return false;
      p--;
    }
    if (p < from) return false;
    const we = p + 1;
    while (p >= from && isLetter(s.charCodeAt(p))) p--;
    const word = foldRange(s, p + 1, we);
    const cue = cueOf(word);
    if (cue === undefined) continue;
    if (!RECORD_CUES.has(cue)) return false;
    const recordStart = p + 1;
    let before = '';
    for (let k = 0; k < 3; k++) {
      while (p >= from && !isLetter(s.charCodeAt(p))) p--;
      if (p < from) break;
      const e = p + 1;
      while (p >= from && isLetter(s.charCodeAt(p))) p--;
      before = foldRange(s, p + 1, e);
      if (!ARTICLE_WORDS.has(before)) break;
    }
    // ("بالحجز", "فالحجز": the place word glued to the record's)
    const glued = word.length > 3 && (word.charCodeAt(0) === 0x628 || word.charCodeAt(0) === 0x641) && word.charCodeAt(1) === 0x627 && word.charCodeAt(2) === 0x644;
    return (glued || PLACE_WORDS.has(before)) && PASSPORT_CONTEXT.test(s.slice(from, recordStart));
  }
  return false;
}

/** Words for "number" that name what they number by the word before them (Latin: "booking number") or after them ("رقم الحجز", "شماره پیگیری"). */
const NUMBER_AFTER_NAME = folded(['number', 'no', 'nr', 'num', 'numero', 'numéro', 'id', 'ref']);
const NUMBER_BEFORE_NAME = folded(['رقم', 'شماره', 'نمره', 'نمرة', 'کد', 'كود']);

/**
 * What the word for "number" nearest before the value (in its sentence) names, when that is a passport or a record:
 * "booking number for my passport renewal is 49 551 7067", "رقم حجز موعد الجواز …", "شماره پیگیری تمدید پاسپورت …" are
 * a record's (the passport is only what the record is for); "passport number for my booking is …", "رقم جواز صاحب
 * الحجز …" a passport's. 0 when the nearest named number names neither.
 */
function numberHead(scan: Scan, start: number): Cue | 0 {
  const s = scan.norm;
  const from = sentenceStart(scan, start);
  let p = start - 1;
  let after = '';
  for (let words = 0; words < 10; words++) {
    while (p >= from && !isLetter(s.charCodeAt(p))) {
      if (isDigit(s.charCodeAt(p))) return 0;
      p--;
    }
    if (p < from) return 0;
    const we = p + 1;
    while (p >= from && isLetter(s.charCodeAt(p))) p--;
    const word = foldRange(s, p + 1, we);
    let named: string | undefined;
    if (NUMBER_BEFORE_NAME.has(word)) named = after;
    else if (NUMBER_AFTER_NAME.has(word)) {
      let q = p;
      while (q >= from && !isLetter(s.charCodeAt(q))) q--;
      const e = q + 1;
      while (q >= from && isLetter(s.charCodeAt(q))) q--;
      named = q + 1 < e ? foldRange(s, q + 1, e) : '';
    }
    if (named !== undefined) {
      const cue = named ? cueOf(named) : undefined;
      if (cue === Cue.PASSPORT || (cue !== undefined && RECORD_CUES.has(cue))) return cue;
    }
    after = word;
  }
  return 0;
}

const recordHeaded = (scan: Scan, start: number): boolean => RECORD_CUES.has(numberHead(scan, start) as Cue);

function findPassports(scan: Scan): void {
  PASSPORT_RE.lastIndex = 0;
  for (let m = PASSPORT_RE.exec(scan.norm); m; m = PASSPORT_RE.exec(scan.norm)) {
    const start = m.index;
    const end = start + m[0].length;
    if (claimedAt(scan, start) >= 0) continue;
    if (m[1] && !passportShape(m[0], m[1], m[2]!)) continue;
    // ("A123456(3)": a Hong Kong identity card with its check in brackets, left to findAffixedIds)
    if (scan.norm.charCodeAt(end) === 0x28 && hkidValid(scan.norm.slice(start, end + 3))) continue;
    // three capitals glued to six or seven digits ("TAE184302", Tanzania's and others') are a passport's only where a
    // passport's word names them: never a code's
    const three = m[1]?.length === 3;
    if (three && (m[2] || m[1] !== m[1]!.toUpperCase() || end - start > 10)) continue;
    // "passport no 1234567": a label word is not a letter prefix (the digits alone are found as a number)
    if (m[1] && m[0].includes(' ') && cueOf(m[1].toLowerCase()) !== undefined) continue;
    // "my passport number is 49551706": two small letters before a space are a word, not a prefix (the digits are
    // found on their own)
    if (m[1] && m[1].length === 2 && m[2] === ' ' && m[1] !== m[1].toUpperCase()) continue;
    const cue = numberCue(scan, start, end);
    if (cue === Cue.PASSPORT) add(scan, 'PASSPORT', start, end, 0.85);
    // "گذرنامه اینجانب به شماره H37931107", "passportam K 3893 0320": a passport's shape in a message about a
    // passport, labelled by nothing else than a word for "number" (in its own clause: "رقم جواز السفر … في الحجز غير
    // صحيح، والصحيح هو A-72572258" — the booking word belongs to the clause before)
    else if (m[1] && passportTalk(scan) && (numberLike(cue) || numberLike(clauseCueBefore(scan, start)))) add(scan, 'PASSPORT', start, end, 0.75);
    // "G-482913 is your Google verification code": a letter-prefixed one-time code
    else if (three) {
      if ((!cue || isWeakCue(cue)) && passportNamedFar(scan, start, end, true)) add(scan, 'PASSPORT', start, end, 0.7);
    } else if ((cue === Cue.OTP || cue === Cue.OTP_WEAK) && end - start <= 10) add(scan, 'OTP', start, end, 0.8);
    // (a letter-prefixed number is no phone, so "numéro" may stand between)
    else if (m[1] && (!cue || isWeakCue(cue) || cue === Cue.PHONE) && passportNamedFar(scan, start, end, true)) add(scan, 'PASSPORT', start, end, 0.7);
    // "code G-719204 … sent again G-384112": a second code written as the first one found (its letters, separator and
    // digits' count) in a message about codes is a code too, as for digits alone (`codeWrittenAlike`)
    else if (m[1] && (!cue || !isQualifierCue(cueRightBefore(scan, start) ?? Cue.OTP_WEAK)) && otpTalk(scan) && letterCodeWrittenAlike(scan, m[0], m[1].length + m[2]!.length)) add(scan, 'OTP', start, end, 0.7);
  }
}

/** A letter-prefixed code already found with the same letters, separator and number of digits as `token`. */
function letterCodeWrittenAlike(scan: Scan, token: string, prefix: number): boolean {
  const s = scan.norm;
  const f = scan.found;
  for (let k = 0; k < f.length; k++) {
    const x = f[k]!;
    if (x.type !== 'OTP' || x.end - x.start !== token.length) continue;
    const other = s.slice(x.start, x.end);
    if (other !== token && other.slice(0, prefix).toUpperCase() === token.slice(0, prefix).toUpperCase() && /^[0-9]+$/.test(other.slice(prefix))) return true;
  }
  return false;
}

/**
 * A passport's word further from its number: several words before it in its sentence ("le numéro du passeport de ma
 * mère c'est le 204519837", "باسبور ديالي لي خرج من القنصلية فيه …") or after it in its clause ("AB1234567 hada howa le
 * passeport"), with only words for "number" or "code" between.
 */
function passportNamedFar(scan: Scan, start: number, end: number, noPhone: boolean): boolean {
  const passes = (c: Cue): boolean => isWeakCue(c) || c === Cue.BIRTH || c === Cue.EXPIRY || c === Cue.EVENT || (noPhone && c === Cue.PHONE);
  return labelFarBefore(scan, start, Cue.PASSPORT, passes) || labelFarAfter(scan, end, Cue.PASSPORT, passes);
}

/**
 * National IDs made of letters and digits (round 9, class B): India's PAN (five letters, four digits, a letter; the
 * fourth letter says who holds it), the UK National Insurance number (two letters, three pairs of digits, a letter
 * A–D, often spaced — a capital when a space stands before it: "BK000000 c'est" is no NINO), Singapore's NRIC/FIN (S, T, F, G or M, seven digits, a letter). Their shapes are common enough
 * in product codes that each needs an identity word in its sentence before it ("PAN", "NI number", "NRIC", "ID"…).
 */
const LETTER_ID_RE = /(?<![A-Za-z0-9])(?:[A-Za-z]{3}[PCHFATBLJGpchfatbljg][A-Za-z][0-9]{4}[A-Za-z]|[A-CEGHJ-PR-TW-Za-ceghj-pr-tw-z]{2} ?[0-9]{2} ?[0-9]{2} ?[0-9]{2}(?:[A-Da-d]| [A-D])|[STFGMstfgm][0-9]{7}[A-Za-z])(?![A-Za-z0-9])/g;
const LETTER_ID_WORDS = /\b(?:pan|nino|ni|nric|fin|ic|insurance|national|identity|id|kyc)\b/i;

function findLetterIds(scan: Scan): void {
  const s = scan.norm;
  // an Italian codice fiscale: by its check letter, or after its own word
  CODICE_FISCALE_RE.lastIndex = 0;
  for (let m = CODICE_FISCALE_RE.exec(s); m; m = CODICE_FISCALE_RE.exec(s)) {
    const start = m.index;
    if (claimedAt(scan, start) >= 0 || !(codiceFiscaleValid(m[0]) || CODICE_FISCALE_WORD.test(s.slice(Math.max(0, start - 24), start)))) continue;
    if (!recordLabelBefore(scan, start, isRecord)) add(scan, 'NATIONAL_ID', start, start + m[0].length, 0.85);
    scan.claimed.push(start, start + m[0].length);
  }
  LETTER_ID_RE.lastIndex = 0;
  for (let m = LETTER_ID_RE.exec(s); m; m = LETTER_ID_RE.exec(s)) {
    const start = m.index;
    if (claimedAt(scan, start) >= 0) continue;
    const cue = numberCueBefore(scan, start);
    if (cue !== Cue.NID && cue !== Cue.ID_WEAK && cue !== Cue.ID_CARD && !LETTER_ID_WORDS.test(s.slice(Math.max(sentenceStart(scan, start), start - 40), start))) {
      // without an identity (or passport) word the shape is a code ("the model PP 12 34 56 A"), whose letters name
      // nothing (the "PP" is no passport's word), so its digits are read as no value of their own
      if (cue !== Cue.PASSPORT) scan.claimed.push(start, start + m[0].length);
      continue;
    }
    add(scan, 'NATIONAL_ID', start, start + m[0].length, 0.8);
  }
}

/**
 * Other countries' IDs with a letter before or after the digits (`foreign-ids.ts`): an ID where its shape proves it
 * and no record's or passport's word labels it, or where an ID's word stands before it in its sentence or after it in
 * its clause ("872314567X that is my identity card no"). Letters apart from the digits by a space are a prefix only
 * in capitals that are no word ("ID 12345678", "is 12345678" are a label and a word).
 */
/** Between an ID's word and its value: "number", "card" ("carte d'identité", "identity card no"). */
const idCardWords = (c: Cue): boolean => isWeakCue(c) || c === Cue.CARD || c === Cue.ID_CARD;

function findAffixedIds(scan: Scan): void {
  const s = scan.norm;
  AFFIXED_ID_RE.lastIndex = 0;
  for (let m = AFFIXED_ID_RE.exec(s); m; m = AFFIXED_ID_RE.exec(s)) {
    const start = m.index;
    const end = start + m[0].length;
    if (claimedAt(scan, start) >= 0 || POSTAL_ITEM.test(m[0])) continue;
    const letters = m[1];
    if (letters && s.charCodeAt(start + letters.length) === 0x20 && (letters !== letters.toUpperCase() || NOT_DESIGNATORS.has(letters) || cueOf(letters.toLowerCase()) !== undefined)) continue;
    const cue = numberCue(scan, start, end);
    if (cue === Cue.PASSPORT || RECORD_OR_ACCOUNT.has(cue as Cue)) continue;
    // (in a message about a passport, a passport's shape is the passport's unless an ID's word labels it right before)
    const proven = !letters && provesItself(m[0]);
    if (passportTalk(scan) && !ID_CUES.has(cue as Cue) && !proven) continue;
    const named = ID_CUES.has(cue as Cue) || labelFarBefore(scan, start, Cue.NID, idCardWords) || labelFarAfter(scan, end, Cue.NID, idCardWords);
    if (named || proven) add(scan, 'NATIONAL_ID', start, end, named ? 0.8 : 0.75);
  }
}

// ------------------------------------------------------------------ digit runs

/** A card written digit by digit ("4 1 1 1 …") is 19 groups at most. */
const MAX_GROUPS = 20;

/** A run of digit groups joined by short separators, e.g. "+966 (0)55 123-4567" or "12/05/1990". */
interface Run {
  /** Start and end (exclusive) of each group; only the first `n` entries are the run's. */
  gs: Int32Array;
  ge: Int32Array;
  n: number;
  /** Index of the "+" (or "(") that opens the run, if any. */
  lead: number;
  plus: boolean;
}

/**
 * A group that belongs to a code or a path ("INV-44622", "1Z999", "_14", "/123"), not to a number on its own. An "="
 * does not glue: "ID=2182979746" is a labelled value (URLs are claimed before digit runs are read).
 */
function gluedBefore(s: string, p: number): boolean {
  if (p === 0) return false;
  const c = s.charCodeAt(p - 1);
  if (isLatinLetter(c)) return true;
  switch (c) {
    case 0x5f: case 0x26: case 0x40: case 0x25: case 0x24: case 0xa3: case 0x20ac: case 0x2f: case 0x5c:
      return true;
    case 0x2d: case 0x2e:
      return p >= 2 && (isLatinLetter(s.charCodeAt(p - 2)) || isDigit(s.charCodeAt(p - 2)));
    default:
      return false;
  }
}

const LABEL_CUES: ReadonlySet<Cue> = new Set<Cue>([Cue.OTP, Cue.OTP_WEAK, Cue.NID, Cue.ID_WEAK, Cue.PASSPORT, Cue.PHONE, Cue.CVV]);

/**
 * A digit group glued to a word that labels a sensitive value: by a dash ("OTP-482913", "ID-2182979746"), directly
 * ("otp4829", "iqama2437319763"), by a slash ("cvv/530") or, for "no."/"nr." only, by a full stop ("iqama no.2437319763").
 */
function labelGlued(scan: Scan, p: number): boolean {
  const s = scan.norm;
  const sep = s.charCodeAt(p - 1);
  const we = sep === 0x2d || sep === 0x2e || sep === 0x2f ? p - 1 : p;
  // glued directly, the digits must be a value's length of their own: the "2" of "cvv2" is part of the word
  if (we === p && !(isDigit(s.charCodeAt(p + 3)) && isDigit(s.charCodeAt(p + 2)) && isDigit(s.charCodeAt(p + 1)))) return false;
  let k = we - 1;
  while (k >= 0 && isLatinLetter(s.charCodeAt(k))) k--;
  if (k + 1 >= we || (k >= 0 && isDigit(s.charCodeAt(k)))) return false;
  const c = cueAt(s, k + 1, we);
  if (c === undefined) return false;
  return sep === 0x2e ? c === Cue.PHONE_WEAK : LABEL_CUES.has(c);
}

/**
 * "callme0661234578", "howa0612345678", "reachme07912345678": a mobile number with its trunk zero typed against the
 * word before it (small letters: a code in capitals, "AB0612345678", stays one token), not a record's word.
 */
function gluedMobile(scan: Scan, p: number, e: number): boolean {
  const s = scan.norm;
  if (e - p < 9 || e - p > 12 || s.charCodeAt(p) !== 0x30 || isLatinLetter(s.charCodeAt(e)) || isDigit(s.charCodeAt(e))) return false;
  let k = p - 1;
  while (k >= 0 && s.charCodeAt(k) >= 0x61 && s.charCodeAt(k) <= 0x7a) k--;
  if (p - k - 1 < 2 || (k >= 0 && (isLatinLetter(s.charCodeAt(k)) || isDigit(s.charCodeAt(k))))) return false;
  const word = cueAt(s, k + 1, p);
  if (word !== undefined && NEGATIVE_CUES.has(word)) return false;
  const d = s.slice(p, e);
  return nationalPhone(scan, d) || cuedNationalPhone(d);
}

function gluedAfter(s: string, e: number, digits: number): boolean {
  if (e >= s.length) return false;
  const c = s.charCodeAt(e);
  if (isLatinLetter(c)) return !(digits >= 9 && spokenSuffix(s, e));
  if (c === 0x40 || c === 0x25) return true;
  if (c === 0x5f) return !isDigit(s.charCodeAt(e + 1)); // "4453_2894_…" is one number, "12_abc" a name
  if ((c === 0x2d || c === 0x2f || c === 0x2e) && e + 1 < s.length && isLatinLetter(s.charCodeAt(e + 1))) return true;
  return false;
}

/**
 * "09134422504e", "0501234567am": one to three small letters that end the word are a Finglish or Arabizi ending
 * ("-e" is, "-am" my) glued to a long number, not part of a code like "INV44622x1".
 */
function spokenSuffix(s: string, e: number): boolean {
  let k = e;
  while (k < s.length && s.charCodeAt(k) >= 0x61 && s.charCodeAt(k) <= 0x7a) k++;
  if (k - e > 3 || k === e) return false;
  const c = s.charCodeAt(k);
  return k >= s.length || !(isDigit(c) || isLatinLetter(c) || c === 0x40 || c === 0x5f || ((c === 0x2e || c === 0x2d) && isAlnumAt(s, k + 1)));
}

/** Length of the separator between two digit groups starting at `i` (0: none). */
function separatorAt(s: string, i: number): number {
  let k = i;
  let dash = 0;
  let dot = 0;
  let slash = 0;
  let nl = 0;
  let paren = 0;
  let joiner = 0;
  let tab = 0;
  while (k < s.length && k - i < 4) {
    const c = s.charCodeAt(k);
    if (c === 0x20) {
      /* space */
    } else if (c === 0x09) tab++;
    else if (c === 0x2d) dash++;
    else if (c === 0x2e) dot++;
    else if (c === 0x2f) slash++;
    else if (c === 0x0a) nl++;
    else if (c === 0x28 || c === 0x29) paren++;
    else if (c === 0x2c || c === 0x5f) joiner++; // "4453_2894", "٤٦٣٦٬٩٦٦١" (Arabic thousands separator)
    else break;
    k++;
  }
  const n = k - i;
  if (n === 0 || k >= s.length || !isDigit(s.charCodeAt(k))) return 0;
  if (dash > 1 || dot > 1 || slash > 1 || nl > 1 || paren > 2) return 0;
  if (dot && n > 1) return 0; // ". " ends a sentence
  if (dot + dash + slash > 1) return 0;
  if (joiner && n > 1) return 0;
  // a chat export's next line opens with its timestamp, never the rest of a value
  if (nl && inChatPrefix(s, k) >= 0) return 0;
  // "4\t8\t1\t9": a tab joins single digits (a code typed in a form's boxes), never columns of numbers
  if (tab && (n > 1 || isDigit(s.charCodeAt(i - 2)) || isDigit(s.charCodeAt(k + 1)))) return 0;
  return n;
}

/** The run readRun found (one at a time, so one object is reused: no allocation per run). */
const RUN: Run = { gs: new Int32Array(MAX_GROUPS), ge: new Int32Array(MAX_GROUPS), n: 0, lead: 0, plus: false };

/** Reads the run of digit groups at `i` into RUN (RUN.n = 0 when there is none) and returns where to go on. */
function readRun(s: string, i: number, scan: Scan): number {
  const { gs, ge } = RUN;
  let n = 0;
  RUN.n = 0;
  let p = i;
  let digits = 0;
  for (;;) {
    readerSteps.count++;
    let e = p;
    while (e < s.length && isDigit(s.charCodeAt(e))) e++;
    digits += e - p;
    // "OTP-482913": a label glued by a dash still labels the number
    const glued = gluedAfter(s, e, digits) || (n === 0 && gluedBefore(s, p) && !labelGlued(scan, p) && !gluedMobile(scan, p, e));
    if (glued) {
      // "16-Oct-1974", "1990-Jun-05", "23-Mar-96": a year glued to a month name by a dash, dot or slash
      if (n === 0 && (e - p === 4 || e - p === 2) && textDateAround(scan, p, e)) return e;
      // "15MAR1990", "15Mar90": day, month abbreviation and year glued together, as printed on passports and tickets
      if (n === 0 && e - p <= 2) {
        const end = compactTextDate(scan, p);
        if (end > 0) return end;
      }
      if (n === 0) {
        while (e < s.length && (isDigit(s.charCodeAt(e)) || isLatinLetter(s.charCodeAt(e)))) e++;
        return e;
      }
      break;
    }
    if (claimedAt(scan, p) >= 0) break;
    // (round 34) "x 6\n2) 87139…": a list item's number opening a line is no group of a value, before or after it
    if (listMarker(s, p, e)) {
      if (n === 0) return e;
      break;
    }
    // "15-01-2025 09:30": an hour after the date is a time's, never the rest of a number
    if (n > 0 && e - p <= 2 && s.charCodeAt(e) === 0x3a && isDigit(s.charCodeAt(e + 1)) && isDigit(s.charCodeAt(e + 2))) break;
    gs[n] = p;
    ge[n++] = e;
    const sep = separatorAt(s, e);
    if (!sep || n >= MAX_GROUPS) break;
    p = e + sep;
  }
  if (!n) return i + 1;
  const first = gs[0]!;
  let lead = first;
  let plus = false;
  if (s.charCodeAt(first - 1) === 0x2b) {
    lead = s.charCodeAt(first - 2) === 0x28 ? first - 2 : first - 1; // "(+20) 128…" keeps its bracket
    plus = true;
  } else if (s.charCodeAt(first - 1) === 0x28) {
    lead = first - 1;
    if (s.charCodeAt(first - 2) === 0x2b) {
      lead = first - 2;
      plus = true;
    }
  } else if (s.charCodeAt(first - 1) === 0x20 && s.charCodeAt(first - 2) === 0x2b) {
    lead = first - 2;
    plus = true;
  }
  RUN.n = n;
  RUN.lead = lead;
  RUN.plus = plus;
  return ge[n - 1]!;
}

function groupDigits(s: string, run: Run, a: number, b: number): string {
  let d = '';
  for (let k = a; k <= b; k++) d += s.slice(run.gs[k], run.ge[k]);
  return d;
}

/** The one separator character used between groups a..b, or '' when mixed / spaces only. */
function dateSeparator(s: string, run: Run, a: number, b: number): string {
  let sep = 0;
  for (let k = a; k < b; k++) {
    let c = 0;
    for (let i = run.ge[k]!; i < run.gs[k + 1]!; i++) {
      const x = s.charCodeAt(i);
      if (x === 0x20 || x === 0x0a) continue;
      if (c) return '';
      c = x;
    }
    if ((c !== 0x2f && c !== 0x2d && c !== 0x2e) || (sep && sep !== c)) return '';
    sep = c;
  }
  return sep ? String.fromCharCode(sep) : '';
}

function spacedDate(s: string, run: Run, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (run.gs[k + 1]! - run.ge[k]! !== 1 || s.charCodeAt(run.ge[k]!) !== 0x20) return false;
  return numericDateValid(s.slice(run.gs[a], run.ge[a]), s.slice(run.gs[a + 1], run.ge[a + 1]), s.slice(run.gs[b], run.ge[b]));
}

function isNanpLayout(s: string, run: Run, a: number, b: number): boolean {
  const lens = [];
  for (let k = a; k <= b; k++) lens.push(run.ge[k]! - run.gs[k]!);
  const j = lens.join(',');
  return j === '3,3,4' || j === '1,3,3,4';
}

/**
 * One-time codes are one group, groups of 2+ digits ("123 456") or single digits ("2 6 2 4", "3-4-6-3") split by
 * spaces or dashes (single digits by dots too: "4.8.2.9"), never "3.20.7" or "1 23 4".
 */
function otpLayout(s: string, run: Run, a: number, b: number): boolean {
  const singles = run.ge[a]! - run.gs[a]! === 1;
  for (let k = a; k <= b; k++) {
    if (run.ge[k]! - run.gs[k]! < 2 !== singles && a !== b) return false;
    // a code typed one digit per line ("4\n8\n2\n9") is still one code
    if (k < b && !otpSeparator(s, run.ge[k]!, run.gs[k + 1]!) && !(singles && run.gs[k + 1]! - run.ge[k]! === 1 && s.charCodeAt(run.ge[k]!) === 0x0a)) return false;
  }
  return true;
}

/** Groups of one or two digits with one space between each, some of each length ("7 30 5", "48 19 2"). */
function smallSpacedGroups(s: string, run: Run, a: number, b: number): boolean {
  if (a === b) return false;
  for (let k = a; k <= b; k++) {
    if (run.ge[k]! - run.gs[k]! > 2) return false;
    if (k < b && (run.gs[k + 1]! - run.ge[k]! !== 1 || s.charCodeAt(run.ge[k]!) !== 0x20)) return false;
  }
  return true;
}

/** " ", "-", " - " or a line break ("482\n913") between two groups of a code; a dot or a tab only between single digits ("4.8.2.9", "٤٫٨٫٢٫٩"). */
function otpSeparator(s: string, from: number, to: number): boolean {
  const c = s.charCodeAt(from);
  if (to - from === 1) return c === 0x20 || c === 0x2d || c === 0x0a || c === 0x09 || (c === 0x2e && from - 1 >= 0 && !isDigit(s.charCodeAt(from - 2)) && !isDigit(s.charCodeAt(to + 1)));
  return to - from === 3 && c === 0x20 && s.charCodeAt(from + 1) === 0x2d && s.charCodeAt(from + 2) === 0x20;
}

function nationalPhone(scan: Scan, d: string): boolean {
  for (const r of scan.regions) if (validNational(r, d, true)) return true;
  return false;
}

/** A number with its calling code but no "+" ("966 59 203 6319"): in groups, or after a phone word. */
function noPlusPhone(scan: Scan, d: string, start: number, end: number, groups: number): boolean {
  if (!startsWithAny(d, CC_WITHOUT_PLUS) || checkInternational(d) !== 'valid') return false;
  const c = cueFor(scan, start, end);
  // "account no. 966551646062": with its calling code, the number an account is under is its phone
  if (c === Cue.ACCOUNT) return true;
  return !NEGATIVE_CUES.has(c as Cue) && (c === Cue.PHONE || c === Cue.PHONE_WEAK || groups > 1);
}

/** "تنتهي بـ", "ينتهي بالرقم", "المنتهية بأرقام": a card's number ends with the four digits after it. */
const CARD_ENDS_WITH_BEFORE = /(?:^|[^\u0600-\u06ff])(?:ب?ت|ي)?نته[يى]\s*(?:بـ?|بال?(?:رقم|ارقام|أرقام)|برقم|بأرقام)\s*:?\s*$/u;

/** Labels that name a record's or an account's own number, which is no phone even when it reads as one. */
const RECORD_OR_ACCOUNT: ReadonlySet<Cue> = new Set<Cue>([...RECORD_CUES, Cue.ACCOUNT]);
const isRecord = (c: Cue): boolean => RECORD_CUES.has(c);
const isAccount = (c: Cue): boolean => c === Cue.ACCOUNT;

/**
 * A number labelled as a record's or an account's ("رقم الطلب ٠١١٣٥٢٦٠٦٢", "account no. 0298765431", "ticket
 * number 0501234567", "شماره حساب ۰۱۰…"), unless a phone word comes before the label (see recordLabelBefore).
 * An account or customer word alone is no label ("Client 054…" is how a customer's name and phone arrive): the label
 * must say "number" too.
 */
function recordLabelled(scan: Scan, start: number, phoneShaped = true): boolean {
  if (recordLabelBefore(scan, start, isRecord)) return true;
  if (!recordLabelBefore(scan, start, isAccount)) return false;
  const before = scan.norm.slice(Math.max(sentenceStart(scan, start), start - 40), start);
  return NUMBER_WORD_BEFORE.test(before) || (!phoneShaped && ACCOUNT_NOUN_BEFORE.test(before));
}

/** "number" in the languages of the account labels: no., nr, ID, #, n°, numéro, رقم, شماره, نمبر; Arabizi "ra2m", Finglish "shomare", Cyrillic "номер"/"рақам". */
const NUMBER_WORD_BEFORE = /(?:\b(?:no|nr|num|number|id|numero|numéro|shomare|shomareh|ra2m|ra8m|ra9m|raqam|rqm)\b|#|n°|№|رقم|شماره|نمبر|نمره|номер|рақам)/iu;
/**
 * (round 33) An account's own noun names its number as a person's ("customer", "client", "عميل") does not: "acct
 * 1049…", "7sab", "hesab", "eshterak", "حساب", "اشتراك" — except before a number a phone's plan reads, where a wallet's
 * account is its phone ("JazzCash account 0300…"): that one still needs "number".
 */
const ACCOUNT_NOUN_BEFORE = /(?:\b(?:acct|account|accounts|acount|accont|accout|acconut|accnt|acnt|7sab|7sabi|7esab|hesab|hesabam|eshterak\w*)\b|حساب|اشتراك|اشتراک)/iu;

/** A phone's word before the value in its clause (not just after it). */
function phoneCueBefore(scan: Scan, start: number): boolean {
  const c = numberCueBefore(scan, start);
  return c === Cue.PHONE || c === Cue.PHONE_WEAK;
}

/** A number valid in one of the cued regions written without the trunk zero it would take there. */
function bareNationalPhone(d: string): boolean {
  for (const r of CUED_REGIONS) if (validNsn(r, d)) return true;
  return false;
}

function cuedNationalPhone(d: string): boolean {
  for (const r of CUED_REGIONS) if (validLocal(r, d)) return true;
  return false;
}

type Verdict = { type: SensitiveType; confidence: number } | 'date' | null;

/** The number cue around [start, end), computed once per classified range. */
function cueFor(scan: Scan, start: number, end: number): Cue | 0 {
  if (scan.cueAt !== start || scan.cueEnd !== end) {
    scan.cueAt = start;
    scan.cueEnd = end;
    const c = numberCue(scan, start, end);
    scan.cue = c === Cue.ACCOUNT ? accountCue(scan, start) : c;
  }
  return scan.cue;
}

/**
 * What groups a..b (two or more) are by their layout: a security code or a passport read out, or nothing at all (a
 * record's year/serial, slashes and spaces mixed); `undefined` when the layout says nothing. Kept out of `classify`,
 * whose hot path is the single block.
 */
function groupedValue(scan: Scan, run: Run, a: number, b: number, d: string, start: number, end: number): Verdict | undefined {
  const s = scan.norm;
  const n = d.length;
  const groups = b - a + 1;
  // "cryptogramme visuel: 2 8 9": a security code read out digit by digit after its word
  if ((n === 3 || n === 4) && groups === n && cvvTalk(scan) && cardTalk(scan) && spaceOrDashJoined(s, run, a, b) && cueFor(scan, start, end) === Cue.CVV) return { type: 'CVV', confidence: 0.8 };
  // "re your question (the code on the back) – 8 1 5"
  if (n === 3 && groups === n && spaceOrDashJoined(s, run, a, b) && cvvDescribedBefore(scan, start, end)) return { type: 'CVV', confidence: 0.75 };
  // "N° 2024/118834": a year and a serial joined by a slash number a record (an invoice, a contract); groups joined
  // by slashes and by spaces or dashes at once are no one value ("2024/744770 2 500")
  const slashes = slashLayout(s, run, a, b);
  if (slashes !== NONE && areaCodeSlash(scan, run, a, b, d, start)) return { type: 'PHONE', confidence: 0.75 };
  if (slashes === MIXED || (slashes === ALL && groups === 2 && run.ge[a]! - run.gs[a]! === 4 && plausibleYear(+d.slice(0, 4), 4))) return null;
  if (yearMonthSerial(s, run, a, b)) return null;
  // "PP no. 763 945 433", "رقم الباسبور تاعي 487 568 649": a passport's digits read out in groups, or one by one
  // (never a date, "12 05 2030"; a round figure, "1 100 000", only with a passport's length after its own word
  // ("107 032 000"), with no currency beside it nor an amount's word before ("هزینه تمدید پاسپورت 1 100 000"))
  if (n < 6 || n > 9 || !(groups <= 4 || groups === n) || !spaceOrDashJoined(s, run, a, b) || (groups === 3 && spacedDate(s, run, a, b))) return undefined;
  const round = thousands(run, a, b) && d.endsWith('000');
  if (round && (n < 8 || followedByCurrency(scan, end) || cueRightBefore(scan, start) === Cue.CURRENCY || cueBefore(scan, start, Cue.AMOUNT, 4))) return undefined;
  if (cueFor(scan, start, end) === Cue.PASSPORT) return recordHeaded(scan, start) ? null : { type: 'PASSPORT', confidence: 0.8 };
  if (round) return undefined;
  // "پاسپورتمو عوض کردم، شماره‌ی جدید ۸۱۲ ۹۰۳ ۴۴۱", "my passport got renewed and the new one is 830 116 254": with no
  // word of their own but "number", in a sentence that names a passport (a round figure is an amount: "هزینه
  // پاسپورت ۱ ۲۵۰ ۰۰۰")
  if (!d.endsWith('00') && passportNumberCue(scan, d, start, end, groups === n) && passportNamedBefore(scan, d, start) && !recordHeaded(scan, start)) return { type: 'PASSPORT', confidence: 0.7 };
  return undefined;
}

/**
 * A passport is named in the number's sentence, or in the sentence before when the digits cannot be read as a phone
 * ("I renewed my passport. The new number is 495 517 067.").
 */
function passportNamedBefore(scan: Scan, d: string, start: number): boolean {
  const s = scan.norm;
  const from = sentenceStart(scan, start);
  if (PASSPORT_CONTEXT.test(s.slice(from, start))) return true;
  if (from < 2 || cuedNationalPhone(d) || nationalPhone(scan, d)) return false;
  return PASSPORT_CONTEXT.test(s.slice(sentenceStart(scan, from - 1), from));
}

/**
 * "bghit nbdl numero dyali f compte, jdid howa 0630 46 96 71": an account word that does not label the number (a
 * record's label sits right before it) says nothing about it; "رقمي المربوط بالحساب 055…": a phone word before the
 * account's says what the number is.
 */
function accountCue(scan: Scan, start: number): Cue | 0 {
  if (recordLabelBefore(scan, start, isAccount)) return Cue.ACCOUNT;
  return phoneWordBefore(scan, start) ? Cue.PHONE : 0;
}

/** A group "(0)" after the first: the trunk zero written in brackets after a calling code. */
function bracketedTrunk(s: string, run: Run, a: number, b: number): boolean {
  for (let k = a + 1; k <= b; k++) {
    const g = run.gs[k]!;
    if (run.ge[k] === g + 1 && s.charCodeAt(g) === 0x30 && s.charCodeAt(g - 1) === 0x28 && s.charCodeAt(g + 1) === 0x29) return true;
  }
  return false;
}

/** Cues that name a value's type outright: a card's, an identity document's, an IBAN's word. */
const NAMING_CUES: ReadonlySet<Cue> = new Set<Cue>([Cue.CARD, Cue.ID_CARD, Cue.NID, Cue.ID_WEAK, Cue.IBAN]);

/**
 * An identity document's own word right before the digits (two little words or a comma before such a word between at most; a comma right before the digits closes the label's clause: "دو تا خط دارم رو یه کد ملی، ۰۹۳۰…" is a line): the national
 * number ("الرقم الوطني (تبعي): ", "national number: ", "کد ملی من"), the personal or national ID card ("بطاقة شخصية
 * رقم", "بطاقة التعريف", "national ID card no."), the identity itself ("رقم الهوية، هي …", "رقم هويتي", "QID", "NNI",
 * "CPR", "civil ID", "تذکره ام"). Such a label decides the type, not the length: the digits after it are the ID even
 * where a phone's plan reads them (Syria's eleven digits and the West Bank's nine open with "0", a Mauritanian NNI's ten
 * read as a British number).
 */
/** The Israeli identity's Hebrew name and its spellings in Arabic and Latin letters: "ת.ז.", "تعودات زهوت", "teudat zehut". */
const ISRAELI_ID_NAME = String.raw`(?:ال)?تعود(?:ات|اة|ة|ه|ت|اه) ?(?:زهوت|زيهوت|زهوط)|t(?:e|a)?ud(?:at|ath)?[\s\-]?zehut|ת\.?ז\.?|תעודת זהות`;
const ID_LABEL_GLUE = String.raw`(?:[\s،,:：.\-]+(?:و?(?:رقمها|رقمه|رقمو|نمرتها)|its|the|namba|nambari|ni|yangu|changu|ya|tabi|تبعي|تبعى|ديالي|حقي|متاعي|تاعي|بتاعي|مالي|هي|هو|هيا|هوا|is|ko|of|number|no|num|nr|رقم|ام|من|رو|مال|شماره|نمبر|نمبرش|ش))`;
const ID_LABEL_RIGHT_BEFORE = new RegExp(
  String.raw`(?:national (?:id|identity)(?: card)?(?: (?:number|no\.?|num))?|(?<![a-z])(?:id|identity|identification)(?<!(?:order|booking|transaction|tracking|customer|user|account|invoice|ticket|reference|ref|member|case|claim|session|device|employee|student|staff|request|product|item|reservation|payment|shipment|parcel|policy|client|login|app|chat|trip|flight|package|return|refund|subscription|bill|meter) (?:id|identity|identification))(?: card)? (?:number|no\.?|num|nr)|(?:ال)?بطاقت[يی] (?:ال)?(?:شخصي[ةه]|تعريف|وطني[ةه])|national (?:number|no\.?)|(?<![a-z])(?:qid|nni|cpr|cnic|nin|nida|civil id|emirates id|id card|identity card|identification card|kitambulisho|carte (?:nationale )?d'identit[ée]|pi[èe]ce d'identit[ée])(?: (?:number|no\.?))?|(?:ال)?رقم[يی]? (?:ال)?(?:وطني|قومي|مدني)|(?:ال)?(?:بطاق|هوي)[ةه] (?:ال)?(?:شخصي[ةه]|تعريف|وطني[ةه])|(?:ال)?هوي(?:ت[يی]|[ةه])|[کك]د ?مل[يی]|شماره مل[يی]|تذ[کك]ر[ةه]?|${ISRAELI_ID_NAME})(?:\s*\((?:${ISRAELI_ID_NAME})\))?${ID_LABEL_GLUE}{0,3}[\s:：\-]*$`,
  'i',
);

/**
 * Groups joined by "/" or "-" (a space either side at most), not a date of four-digit year: the layouts of IDs that
 * carry a serial, a district or a check group ("6 digits/2/1", "NN-NN-NN-NNNNN").
 */
function idGroupLayout(s: string, run: Run, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!/^ ?[/-] ?$/.test(s.slice(run.ge[k]!, run.gs[k + 1]!))) return false;
  const g = (k: number): string => s.slice(run.gs[k], run.ge[k]);
  // (a date of any order, "12-05-26", "1409/06", a range of years, "2023/2024", "1445-1446", is no ID: in two or three
  // groups, none is a year of any calendar)
  if (b - a <= 2) for (let k = a; k <= b; k++) if (run.ge[k]! - run.gs[k]! === 4 && plausibleYear(+g(k), 4)) return false;
  return !(b - a === 2 && numericDateValid(g(a), g(a + 1), g(b)));
}

/** Digits a national check accepts (Saudi, Iranian, Emirati, Egyptian, Malaysian): read by their own rules. */
function checkedId(d: string): boolean {
  const n = d.length;
  return (n === 10 && (saudiIdValid(d) || iranCodeValid(d))) || (n === 15 && emiratesIdValid(d)) || (n === 14 && egyptIdValid(d)) || myKadShape(d);
}

/** Nine digits that pass the Israeli check under an identity word are the ID, whatever phone they read as ("رقم هويتي ٠٥٤…"). */
function israeliIdLabelled(scan: Scan, d: string, start: number, end: number): boolean {
  return israeliIdValid(d) && ID_CUES.has(cueFor(scan, start, end) as Cue);
}

function idLabelRightBefore(scan: Scan, start: number): boolean {
  return ID_LABEL_RIGHT_BEFORE.test(scan.norm.slice(Math.max(0, start - 48), start));
}

/**
 * The same labels right after the value, in a list where each value is followed by its own ("٠٩١٢… این شماره
 * همراهمه، ۰۷۰۸… هم کد ملی", "… is my ID", "… هي رقم هويتي"): they decide over a phone word the value before left in
 * the clause. A little word or two ("هم", "هي", "is my") between at most.
 */
const ID_LABEL_RIGHT_AFTER = new RegExp(
  String.raw`^[\s،,:\-]*(?:(?:is|was|also|too|هي|هو|هيا|هوا|هم|و|این|اینم)\s+){0,2}(?:(?:my|the|his|her)\s+)?(?:national (?:id|identity|number|code)|(?<![a-z])(?:id|iqama|qid|nni|cpr|cnic|nin|civil id|emirates id)(?![a-z])|(?:ال)?رقم[يی]? (?:ال)?(?:هوي|وطني|قومي|مدني)|(?:ال)?هوي(?:ت[يی]|[ةه])|[کك]د ?مل[يی]|شماره مل[يی]|تذ[کك]ر[ةه])[\p{L}\u200c]*`,
  'iu',
);

function idLabelRightAfter(scan: Scan, end: number): boolean {
  const m = ID_LABEL_RIGHT_AFTER.exec(scan.norm.slice(end, end + 40));
  // ("0551234567, ID 1104827330": a label with a number after it is that number's)
  return !!m && !LABELS_NEXT.test(scan.norm.slice(end + m[0].length, end + m[0].length + 24));
}

/** What follows a label that labels the next number: two words at most ("number", "بتاعي"), then a digit. */
const LABELS_NEXT = new RegExp(String.raw`^(?:[\s:：#\-]*[\p{L}\u200c]+){0,2}[\s:：#\-]*[${DIGIT_CLASS}]`, 'u');

/**
 * A value whose type a cue right before it names, by its shape alone (round 9, the r8 blind set's classes A, B and
 * E): customers mistype and a one-digit-wrong card number is still a card number, so after "card number", "رقم
 * البطاقة", "شماره کارت" a card's length and grouping is a card whatever Luhn says; after an ID's word ("الهوية",
 * "کد ملی", "الرقم المدني", "CNIC", "Aadhaar", "SSN", "NIN", "تذکره") eight to fifteen digits in an ID's grouping are an
 * ID of whichever country, check digit or not; after a Sheba or IBAN word, the digits of an account number with its
 * country left off are the IBAN. Checksums stay the path for values with no cue. The cue must stand before the value in
 * its clause (an order's, an amount's or a reference's word nearer the value wins, as in every other rule).
 */
function namedByCue(scan: Scan, run: Run, a: number, b: number, d: string, start: number, end: number): Verdict {
  const s = scan.norm;
  const n = d.length;
  const groups = b - a + 1;
  // the shape first, the words only for what could be one (most numbers here are phones and valid values, read by
  // the rules after this one)
  // digits read out one by one ("1 0 2 4 …", what a dictated ID becomes) or a document's own grouping; a single digit
  // after the groups belongs to them ("784 1986 3757079 1" is read whole, not as a value and a count)
  if (!(groups <= 5 || groups === n) || s.charCodeAt(start - 1) === 0x23 || (b < run.n - 1 && run.ge[b + 1]! - run.gs[b + 1]! === 1)) return null;
  // a value its own check accepts is read by the checks (an Egyptian ID after "البطاقة" is the identity card's)
  if ((n === 10 && (saudiIdValid(d) || iranCodeValid(d))) || (n === 15 && emiratesIdValid(d)) || (n === 14 && egyptIdValid(d))) return null;
  const luhn = n >= 13 && n <= 19 && cardNumber(d);
  if (luhn && (n === 16 || fours(run, a, b))) return null;
  // "0" opens only an Iranian code's ten digits (or an account's digits after a Sheba word): a mobile number with its
  // trunk zero after "ID" is the phone it reads as
  // — unless its label names the national number itself ("الرقم الوطني 0312…", Syria's eleven digits)
  // — or an ID's word right before it labels nine digits in threes that pass Luhn (Canada's SIN, "SIN-am 046 316 931")
  if (d[0] === '0' && n < 16 && (n !== 10 || (!persianText(scan) && (nationalPhone(scan, d) || cuedNationalPhone(d)))) && !idLabelRightBefore(scan, start) && !(n === 9 && groups === 3 && luhnValid(d) && numberCueBefore(scan, start) === Cue.NID)) return null;
  let c = cueFor(scan, start, end);
  // (a card's word before fewer digits than a card's: "my civil id, the one on the card, is …")
  if (!NAMING_CUES.has(c as Cue) || numberCueBefore(scan, start) !== c || (c === Cue.CARD && n < 13)) {
    if (n > 15 || !idNamedFar(scan, run, a, b, d, start, end, c)) return null;
    c = Cue.NID;
  }
  if (mistakeTalk(scan)) return null;
  // (a number after an ID's word that passes Luhn by chance, "CNIC 92016-4071309-0", is still the ID)
  if (luhn && (c === Cue.CARD || c === Cue.ID_CARD || c === Cue.IBAN)) return null;
  // (Sheba digits that pass with "IR" before them are read by that check, more surely)
  if (c === Cue.IBAN) return n >= 16 && !(n === 24 && ibanValid('IR' + d)) ? { type: 'IBAN', confidence: 0.7 } : null;
  // a card's length written as one block, in fours, or as an American Express card's 4-6-5; fourteen digits from 2 or 3
  // after "البطاقة" are an Egyptian identity card's number (a card's would start 4 or 5)
  const egyptShape = c === Cue.ID_CARD && n === 14 && (d[0] === '2' || d[0] === '3');
  if ((c === Cue.CARD || c === Cue.ID_CARD) && !egyptShape && n >= 13 && n <= 19 && (groups === 1 || groups === n || fours(run, a, b) || (n === 15 && groups === 3 && run.ge[a]! - run.gs[a]! === 4)) && d.charCodeAt(0) >= 0x32 && d.charCodeAt(0) <= 0x36) {
    // "PhilSys card number …", "national ID card …": a national ID's word before the card word names an identity card,
    // and digits that fail Luhn are its number, not a payment card's
    return !luhn && cueBefore(scan, start, Cue.NID, 4) ? { type: 'NATIONAL_ID', confidence: 0.7 } : { type: 'CARD', confidence: 0.7 };
  }
  // (sixteen digits that fail Luhn after a national ID's own word are that ID: a PhilSys or an Indonesian NIK)
  if (c === Cue.CARD || n > 16 || (n === 16 && c !== Cue.NID)) return null;
  // "26606132294947 7ad": a last digit glued to a word ("7ad", Arabizi) is the word's, not the value's; "ورا البطاقة 800
  // 123 4567": a phone's layout after the card word is the number printed on the card, not the card's owner's ID
  if ((b > a && run.ge[b]! - run.gs[b]! === 1 && isLatinLetter(s.charCodeAt(run.ge[b]!))) || (c === Cue.ID_CARD && isNanpLayout(s, run, a, b) && !idLabelRightBefore(scan, start))) return null;
  if (thousands(run, a, b) && d.endsWith('000')) return null;
  return { type: 'NATIONAL_ID', confidence: 0.7 };
}

/**
 * An identity document's word a few words before an ID's digits, with words between that label nothing else ("they
 * asked for my SSN to verify, it's 523-71-4408", "الرقم المدني عشان التحقق وهو …", "my civil id, the one on the card,
 * is …"): a purpose's word ("verify", "التحقق") cannot name a value longer than a code, a phone's word ("as I said on the
 * phone") not digits no phone reads, a card's word not digits shorter than a card's; a record's, an amount's or
 * another document's word between stops the look-up, and a round figure is an amount.
 */
function idNamedFar(scan: Scan, run: Run, a: number, b: number, d: string, start: number, end: number, c: Cue | 0): boolean {
  if (d.endsWith('000') || cueRightBefore(scan, start) === Cue.CURRENCY || followedByCurrency(scan, end)) return false;
  // (whether a phone reads the digits is asked only of a phone's word: most numbers here have none)
  let phoneLike: boolean | undefined;
  const readsAsPhone = (): boolean => (phoneLike ??= !ssnLayout(run, a, b) && (nationalPhone(scan, d) || cuedNationalPhone(d) || bareNationalPhone(d) || checkInternational(d) === 'valid'));
  const passes = (x: Cue): boolean => isWeakCue(x) || x === Cue.ID_CARD || (x === Cue.OTP && d.length > 8) || (x === Cue.PHONE && !readsAsPhone()) || (x === Cue.CARD && d.length < 13);
  if (c && !passes(c)) return false;
  return labelFarBefore(scan, start, Cue.NID, passes);
}

/**
 * "my phone 97150123456", "واتساب 96650123456": a calling code without its "+" and a digit short or long, right after a
 * phone's own word (not just "number"), is still the phone. Asked last, after every surer reading (and before the card
 * check for digits that pass Luhn by chance).
 */
function phoneNearLength(scan: Scan, d: string, start: number, end: number): boolean {
  // (the remembered cue first: most numbers here have none)
  return d.length >= 10 && d.length <= 14 && cueFor(scan, start, end) === Cue.PHONE && startsWithAny(d, CC_WITHOUT_PLUS) && numberCueBefore(scan, start) === Cue.PHONE && checkInternational(d) !== 'valid';
}

/** "one-time password", "لمرة واحدة", "یکبار مصرف", "code à usage unique", "رمز پویا", "كلمة سر مؤقتة", "رمز الدخول": a code's own name. */
const ONE_TIME_NAME = /لمر[ةه] واحد[ةه]|یک[ \u200c]?بار[ \u200c]?مصرف|usage unique|one[- ]?time|پویا|(?:سر|مرور) (?:ال)?مؤقت|(?:رمز|كود|کد) (?:ال)?(?:دخول|تحقق|تفعيل|ورود|تایید)|verification code|code de (?:v[ée]rification|confirmation)/i;

function oneTimeNamedBefore(scan: Scan, start: number): boolean {
  return ONE_TIME_NAME.test(scan.norm.slice(sentenceStart(scan, start), start));
}

/** A currency or amount word right before the number ("SAR 1500"), unless it is an earlier number's ("250 ريال: 829104"). */
function amountRightBefore(scan: Scan, start: number): boolean {
  const c = cueRightBefore(scan, start);
  if (c !== Cue.CURRENCY && c !== Cue.AMOUNT) return false;
  return !/[0-9][ \u00a0]*\p{L}+[ :=-]*$/u.test(scan.norm.slice(Math.max(0, start - 24), start));
}

/** A social security number's 3-2-4 layout ("078-05-1120"). */
function ssnLayout(run: Run, a: number, b: number): boolean {
  return b - a === 2 && run.ge[a]! - run.gs[a]! === 3 && run.ge[a + 1]! - run.gs[a + 1]! === 2 && run.ge[b]! - run.gs[b]! === 4;
}

/** A card's word in the value's sentence before it ("paid by card, order 4563…" may still be the card). */
function cardTalkBefore(scan: Scan, start: number): boolean {
  return CARD_CONTEXT.test(scan.norm.slice(sentenceStart(scan, start), start));
}

/** Decide what groups a..b of a run are. */
function classify(scan: Scan, run: Run, a: number, b: number): Verdict {
  readerSteps.count++;
  const s = scan.norm;
  const d = groupDigits(s, run, a, b);
  const n = d.length;
  const start = a === 0 ? run.lead : run.gs[a]!;
  const end = run.ge[b]!;
  const groups = b - a + 1;

  // "٤٦٣٦٬٩٦٦١٬…": groups joined by commas in fours are a card or nothing, in thousands ("1,250,000") an amount;
  // any other grouping ("٠٧٬٠٢٨٠٬٣١٠٩") is read like groups joined by spaces
  if (groups > 1 && commaJoined(s, run, a, b)) {
    if (fours(run, a, b) && n >= 13) return cardNumber(d) ? { type: 'CARD', confidence: 0.9 } : null;
    if (thousands(run, a, b)) return null;
  }
  if (n <= 8 && groups === 1 && contrastedWithRecord(scan, start, n)) return null;
  // "S/N 0092 4410 7781", "الايمي حق جوالي 3568…": a serial's or a device's identifier word right before beats a
  // phone's, an ID's or a card's shape (an IMEI is fifteen Luhn-valid digits); whyVisible keeps it visible
  if (n >= 8 && SERIAL_OF_BEFORE.test(foldRange(s, Math.max(0, start - 28), start))) return null;
  // "send code 88210 to 300044 to win": a code the customer is told to send to a short number, and that number (promo-code.ts)
  if (n <= 8 && groups === 1 && sentToShortNumber(s, start, end)) return null;
  // (round 34) "17801-0C010", "90915-YZZE1": a catalogue's part number (digits, a dash, then letters and digits) is no
  // code; "Н-0048127": digits after a lone Cyrillic capital and a dash are that certificate's serial — an identity's
  // word before them still names an ID
  if (n <= 8 && ((s.charCodeAt(run.ge[a]!) === 0x2d && PART_NUMBER.test(s.slice(start, start + 20)) && cueFor(scan, start, end) !== Cue.OTP) || (s.charCodeAt(start - 1) === 0x2d && cyrillicSerial(scan, start, cueFor(scan, start, end))))) return null;
  // (round 34) "the code from 88355", "الكود اللي جاني من 88355": a short number right after "from" is the sender of
  // a message, not a code (Persian "من" is "I": only "از" there)
  if (n >= 4 && n <= 6 && groups === 1 && (s.charCodeAt(start - 1) === 0x20 || s.charCodeAt(start - 1) === 0x3a || s.charCodeAt(start - 1) === 0x0a) && fromSender(scan, start)) return null;
  // "confirmation number 7731-204-66", "رقم التأكيد ٥٥٢٠١١٨٧٣": a booking's confirmation number right before is the company's record
  // (read at the run's start, so no part of its groups is taken for a code either)
  if (run.ge[run.n - 1]! - run.gs[0]! >= 6 && confirmationTalk(s) && CONFIRMATION_NUMBER_BEFORE.test(s.slice(Math.max(0, run.gs[0]! - 40), run.gs[0]))) return null;
  if (n === 4 && groups === 1 && yearBesideAge(scan, start, end, +d)) return { type: 'DOB', confidence: 0.7 };
  // "کد نوبت ۷۷۴۱۰۲", "appointment code 553018": a code word that an appointment's, a request's or a device's word
  // qualifies is that record's reference, not a one-time code
  if (n <= 8 && cueFor(scan, start, end) === Cue.OTP_WEAK && (RECORD_ONLY_BEFORE.test(foldRange(s, Math.max(0, start - 32), start)) || RECORD_CODE_BEFORE.test(s.slice(Math.max(0, start - 24), start)))) return null;
  if (n <= 6 && (groups === 1 || groups === 2)) {
    const v = cardSideValue(scan, run, a, b, d, start, end);
    if (v) return v;
  }
  // "exp is 0 8 / 2 7": beside a card, its expiry typed digit by digit
  if (groups === 4 && n === 4 && validMonth(d.slice(0, 2)) && /^ ?[/-] ?$/.test(s.slice(run.ge[a + 1]!, run.gs[a + 2]!)) && afterCard(scan, start) && scan.found[scan.found.length - 1]!.type !== 'CARD_EXPIRY') {
    return { type: 'CARD_EXPIRY', confidence: 0.7 };
  }

  // "NRC 345612/11/1", "citizenship no. 27-01-74-05123", "nagarikta number 05-02-71-00456": digits in groups joined by
  // slashes or dashes, an ID's length, right after an identity word, are that ID of whichever country (a date's
  // groups after it, "national ID 12/05/2028", stay the date rules')
  // (an ID a check proves is left to its check; a ticket's or an order's word nearer wins: "التذكرة رقم 065-…" is a
  // ticket, whatever "تذكرة" means in Dari)
  if (groups >= 2 && n >= 6 && n <= 14 && idGroupLayout(s, run, a, b) && !checkedId(d) && (idLabelRightBefore(scan, start) || numberCueBefore(scan, start) === Cue.NID) && !RECORD_CUES.has(cueFor(scan, start, end) as Cue) && !recordLabelled(scan, start, false)) return { type: 'NATIONAL_ID', confidence: 0.75 };
  // "NIDA number 19850312-11101-00001-23", "ID no. 19900721 14123 00002 17": fifteen to twenty-four digits in groups
  // joined by single spaces or dashes right after an identity label are that ID, of whichever country (a card's fours
  // that pass Luhn are left to the card's rule)
  if (groups >= 3 && n >= 15 && n <= 24 && spaceOrDashJoined(s, run, a, b) && !(fours(run, a, b) && luhnValid(d)) && !checkedId(d) && idLabelRightBefore(scan, start) && !recordLabelled(scan, start)) return { type: 'NATIONAL_ID', confidence: 0.75 };
  if (groups === 3 && dateSeparator(s, run, a, b)) {
    if (numericDateValid(s.slice(run.gs[a], run.ge[a]), s.slice(run.gs[a + 1], run.ge[a + 1]), s.slice(run.gs[a + 2], run.ge[a + 2]))) {
      const role = dateCue(scan, start, end);
      if (role === Cue.BIRTH) return { type: 'DOB', confidence: 0.85 };
      if (!role) scan.plainDates.push(start, end);
      return 'date';
    }
    // "the app shows my DOB as 1990-31-12": a date no calendar has, which the words call a birth date, still holds the
    // customer's digits
    const lens = `${run.ge[a]! - run.gs[a]!}${run.ge[a + 1]! - run.gs[a + 1]!}${run.ge[b]! - run.gs[b]!}`;
    if (/^(?:4[12][12]|[12][12][24])$/.test(lens) && dateCue(scan, start, end) === Cue.BIRTH) return { type: 'DOB', confidence: 0.6 };
  }
  // "DOB 05 06 1990", "birth 1988 12 05" (round 32: the year first): spaces only, so it is a date only where the words
  // say it is a birth date
  if (groups === 3 && (run.ge[b]! - run.gs[b]! === 4 || run.ge[a]! - run.gs[a]! === 4) && spacedDate(s, run, a, b) && dateCue(scan, start, end) === Cue.BIRTH) return { type: 'DOB', confidence: 0.75 };
  if (groups === 2 && s.charCodeAt(run.ge[a]!) === 0x2e && run.gs[a + 1] === run.ge[a]! + 1) return null; // a decimal number
  // "DOB 19900312", "تاريخ الميلاد ١٣٦٩١٠٠٧", "born 12031990": a date written without separators, after a birth word
  if (n === 8 && groups === 1 && (numericDateValid(d.slice(0, 4), d.slice(4, 6), d.slice(6)) || numericDateValid(d.slice(0, 2), d.slice(2, 4), d.slice(4))) && dateCue(scan, start, end) === Cue.BIRTH) {
    return { type: 'DOB', confidence: 0.7 };
  }

  // "880412-14-5523": a MyKad in its own layout, a birth date, a place code and four digits (see id-shapes.ts)
  if (groups === 3 && myKadShape(d) && run.ge[a]! - run.gs[a]! === 6 && run.ge[a + 1]! - run.gs[a + 1]! === 2 && !recordLabelBefore(scan, start, isRecord)) return { type: 'NATIONAL_ID', confidence: 0.8 };
  if (groups > 1) {
    const v = groupedValue(scan, run, a, b, d, start, end);
    if (v !== undefined) return v;
  }
  // "PP no. 763945433": a passport's digits after its word
  if (n >= 6 && n <= 9 && groups === 1) {
    const c = cueFor(scan, start, end);
    if (c === Cue.PASSPORT) return recordHeaded(scan, start) ? null : { type: 'PASSPORT', confidence: 0.8 };
    // a passport's length (eight or nine digits) with its word further away, and no phone, amount or round figure in it
    if ((n === 8 || n === 9) && (!c || isWeakCue(c)) && !d.endsWith('000') && !(d[0] === '0' && (nationalPhone(scan, d) || cuedNationalPhone(d))) && !followedByCurrency(scan, end) && passportNamedFar(scan, start, end, false)) {
      return { type: 'PASSPORT', confidence: 0.7 };
    }
    // "the passport number on my booking is 495517067" (digits no phone reads)
    if (RECORD_CUES.has(c as Cue)) {
      // "passport number for my booking is …": the word for "number" names the passport, as a passport word would
      if (numberHead(scan, start) === Cue.PASSPORT) return { type: 'PASSPORT', confidence: 0.75 };
      if (recordInPassportPhrase(scan, start) && !cuedNationalPhone(d) && !nationalPhone(scan, d)) return { type: 'PASSPORT', confidence: 0.7 };
    }
  }
  if (n === 10 && ID_CUES.has(cueFor(scan, start, end) as Cue) && (saudiIdValid(d) || iranCodeValid(d))) return { type: 'NATIONAL_ID', confidence: 0.95 };
  const plus = a === 0 && run.plus;
  // "my ID number is 5203145009085": a South African ID (its birth date, citizenship digit and Luhn check) is the ID
  // a card's check also passes by chance — unless a card's word stands in its sentence before or right after it
  if (n === 13 && !plus && southAfricanIdShape(d) && !cardTalkBefore(scan, start) && !CARD_CONTEXT.test(s.slice(end, end + 24)) && !RECORD_CUES.has(cueFor(scan, start, end) as Cue) && !recordLabelBefore(scan, start, isRecord)) return { type: 'NATIONAL_ID', confidence: 0.85 };
  if (n >= 8 && n <= 30 && !plus && !(d.startsWith('00') && n >= 11)) {
    const v = namedByCue(scan, run, a, b, d, start, end);
    if (v) return v;
  }
  if (plus || (d.startsWith('00') && n >= 11)) {
    const v = checkInternational(plus ? d : d.slice(2));
    if (v === 'valid') return { type: 'PHONE', confidence: 0.95 };
    // "0044 (0) 7700 900123": a trunk zero in brackets after the calling code is a phone's own notation, as sure as a "+"
    if (v === 'possible' && (plus || bracketedTrunk(s, run, a, b))) return { type: 'PHONE', confidence: 0.7 };
    // "my mobile is +966 50 123 456": a digit short (or one too many) right after a phone's word is still the phone
    if (plus && n >= 8 && n <= 15 && phoneCueBefore(scan, start)) return { type: 'PHONE', confidence: 0.6 };
    if (plus) return null;
  }
  if (n === 15 && emiratesIdValid(d)) return { type: 'NATIONAL_ID', confidence: 0.97 };
  if (n === 14 && egyptIdValid(d)) return { type: 'NATIONAL_ID', confidence: 0.9 };
  // "964 780 9781 163": a phone written in its own groups beats a card number that passes Luhn by chance
  if (n === 13 && groups > 1 && !fours(run, a, b) && noPlusPhone(scan, d, start, end, groups)) return { type: 'PHONE', confidence: 0.8 };
  // (digits that pass Luhn by chance after a phone's word: see phoneNearLength)
  if (!plus && cardNumber(d) && phoneNearLength(scan, d, start, end)) return { type: 'PHONE', confidence: 0.6 };
  // "رقم الفاتورة 4563…": a record's own label right before a Luhn-valid number says what it is (one in ten
  // sixteen-digit references passes Luhn by chance)
  if (cardNumber(d)) return recordLabelBefore(scan, start, isRecord) && !cardTalkBefore(scan, start) ? null : { type: 'CARD', confidence: 0.95 };
  if (n === 24 && ibanValid('IR' + d)) return { type: 'IBAN', confidence: 0.9 };

  if (n === 10 && (saudiIdValid(d) || iranCodeValid(d))) {
    const c = cueFor(scan, start, end);
    // (round 34: no cue of its own, the second number of a plural label's list: "refs 2039… and 2048…")
    if ((!c || RECORD_OR_ACCOUNT.has(c as Cue)) && recordLabelled(scan, start, d[0] === '0' && (nationalPhone(scan, d) || cuedNationalPhone(d)))) return null;
    if (ID_CUES.has(c as Cue) || idLabelRightAfter(scan, end) || idLabelRightBefore(scan, start)) return { type: 'NATIONAL_ID', confidence: 0.95 };
    // (round 30: "I called 800 200 0080": a toll-free line in a phone's 3-3-4 layout is the company's, whatever an
    // Iranian check digit says by chance; the customer's own is a phone)
    if (TOLL_FREE_NANP.test(d) && isNanpLayout(s, run, a, b)) return OWN_PHONE_BEFORE.test(s.slice(Math.max(0, start - 24), start)) ? { type: 'PHONE', confidence: 0.75 } : null;
    // "(201) 447-2910": an area code in brackets before a NANP number is a phone's own notation, whatever a Saudi or
    // Iranian check digit says by chance
    if (a === 0 && s.charCodeAt(start) === 0x28 && s.charCodeAt(run.ge[a]!) === 0x29 && run.ge[a]! - run.gs[a]! === 3 && /^[2-9]\d\d[2-9]/.test(d)) return { type: 'PHONE', confidence: 0.8 };
    // …unless the message is in Persian: an Iranian phone has eleven digits, so ten with a "0" are a national code —
    // except written in a phone's groups ("056 248 7816"): national codes are written joined or 3-6-1
    if (d[0] === '0' && nationalPhone(scan, d) && (!persianText(scan) || c === Cue.PHONE || c === Cue.PHONE_WEAK || isNanpLayout(s, run, a, b))) return { type: 'PHONE', confidence: 0.85 };
    // "961 3 968 776": a calling code and a phone's grouping, whatever the ID check digit says by chance
    if (groups > 1 && noPlusPhone(scan, d, start, end, groups)) return { type: 'PHONE', confidence: 0.75 };
    // "نمبر تیلفون مه ۰۷۰۱۸۰۴۱۲۲": a phone word (not just "number") names a neighbouring country's mobile
    // ("پدرم … نمبرش ۰۷۹۹۳۱۲۴۸۷": a person's number, "his number", in Dari, names an Afghan mobile too)
    if (d[0] === '0' && (c === Cue.PHONE || (c === Cue.PHONE_WEAK && MY_NUMBER_BEFORE.test(s.slice(Math.max(0, start - 16), start)))) && cuedNationalPhone(d)) return { type: 'PHONE', confidence: 0.75 };
    // "0612131033" with no label: a regional mobile (a tenth of them pass the Iranian check by chance), unless the
    // message is written in Persian, where an Iranian code is the likelier reading
    if (d[0] === '0' && !NEGATIVE_CUES.has(c as Cue) && !persianText(scan) && cuedNationalPhone(d)) return { type: 'PHONE', confidence: 0.7 };
    const nanpLayout = isNanpLayout(s, run, a, b);
    if ((c === Cue.PHONE && (nanpLayout || validNational('US', d, false))) || (c === Cue.PHONE_WEAK && nanpLayout)) return { type: 'PHONE', confidence: 0.7 };
    if (NEGATIVE_CUES.has(c as Cue)) return null;
    return { type: 'NATIONAL_ID', confidence: 0.9 };
  }

  // "ssn 078-05-1120": a social security number's 3-2-4 layout after a national-ID word (it can pass as a phone)
  if (n === 9 && ssnLayout(run, a, b) && cueFor(scan, start, end) === Cue.NID) return { type: 'NATIONAL_ID', confidence: 0.8 };
  // a trunk "0" and a valid national number: order and reference numbers rarely look like this, so only a label of
  // their own as the word right before one block of digits vetoes it ("رقم الطلب ٠١١٣٥٢٦٠٦٢", "نمبر حواله 0516225585")
  // ("کد ملی ثبت شده (۰۴۸۱۲۰۶۹۴۰) نادرست است": in Persian, where a phone has eleven digits, ten after a national-ID word
  // that fail its check are a mistyped code, not a phone)
  // (nor after an identity document's own label, in a message that talks of an error: "رقم الهوية تبعي ٠٣١٧… بيطلع خطأ"
  // is the ID the label names, left to the rules after this one)
  if (n >= 9 && n <= 12 && d[0] === '0' && nationalPhone(scan, d) && !recordLabelled(scan, start) && !(n === 10 && persianText(scan) && cueFor(scan, start, end) === Cue.NID) && !idLabelRightBefore(scan, start) && !idLabelRightAfter(scan, end) && !israeliIdLabelled(scan, d, start, end)) return { type: 'PHONE', confidence: 0.9 };
  // ten digits only when written in groups ("961 3 123 456"): a bare ten-digit block is an ID's or an account's length
  if ((n >= 11 || (n === 10 && groups > 1)) && n <= 13 && noPlusPhone(scan, d, start, end, groups)) return { type: 'PHONE', confidence: 0.8 };
  if (n >= 8 && n <= 12 && (groups <= 4 || pairs(run, a, b))) {
    const c = cueFor(scan, start, end);
    // a bare "number" word is too vague for one block of digits ("ورقمه #53725092" is an order's): it must be written
    // in groups; a number with a trunk "0" and no word at all must be in groups ("0661 23 45 67") or a mobile's full
    // length ("07701234567"), and not labelled as an ID or an order
    const unlabelled = d[0] === '0' && !NEGATIVE_CUES.has(c as Cue) && !ID_CUES.has(c as Cue);
    // ("الرقم 66774123 اتصلوا علي", "رقمي … call me": a bare "number" word, or none, and a phone's word right after)
    const cued = c === Cue.PHONE || (groups > 1 && (c === Cue.PHONE_WEAK || (n >= 9 && unlabelled))) || (groups === 1 && ((n >= 10 && unlabelled) || (c === Cue.PHONE_WEAK && lineTalk(scan)))) || ((!c || c === Cue.PHONE_WEAK) && numberCueAfter(scan, end) === Cue.PHONE);
    // (round 30: "my ID number is 0751028841": an identity label right before names the ID, whichever phone it reads as)
    if (cued && s.charCodeAt(start - 1) !== 0x23 && cuedNationalPhone(d) && !idLabelRightBefore(scan, start)) return { type: 'PHONE', confidence: 0.75 };
    // "رقم جوالي 733456789": a mobile as dialled at home where no trunk zero is written (Yemen, nine digits from 7),
    // after a phone's own word
    if (c === Cue.PHONE && n === 9 && (d[0] === '7' || d[0] === '9') && !d.endsWith('0000') && s.charCodeAt(start - 1) !== 0x23 && bareNationalPhone(d)) return { type: 'PHONE', confidence: 0.7 };
  }
  if ((n === 10 || (n === 11 && d[0] === '1')) && scan.regions.includes('US')) {
    const nanp = n === 10 ? d : d.slice(1);
    // NANP shape: area code and exchange both start 2-9. Written 3-3-4 or "(NNN) NNN-NNNN" it is a phone even when the
    // area code is not (yet) assigned; written as a bare run of digits it needs a phone cue.
    if (/^[2-9]\d\d[2-9]/.test(nanp)) {
      const c = cueFor(scan, start, end);
      // "I called 1-800-672-4455": a toll-free line is a company's, left to the fail-closed rule's company numbers
      // (decided, SECURITY) — never a number the customer calls their own
      // (round 30: without its leading 1 too, "800 744 5452" in any digit script — the company's line, not the customer's)
      if ((n === 11 || TOLL_FREE_NANP.test(nanp)) && companyNumber(n === 11 ? d : `1${d}`) && !OWN_PHONE_BEFORE.test(s.slice(Math.max(0, start - 24), start))) return null;
      const valid = validNational('US', nanp, false);
      if (valid && (c === Cue.PHONE || c === Cue.PHONE_WEAK)) return { type: 'PHONE', confidence: 0.75 };
      // ("MTCN 502-339-1184": a record's own label right before the layout says what it is)
      if ((isNanpLayout(s, run, a, b) || s.charCodeAt(start) === 0x28) && !(RECORD_CUES.has(c as Cue) && recordLabelled(scan, start))) return { type: 'PHONE', confidence: valid ? 0.8 : 0.65 };
    }
  }

  if (!plus && phoneNearLength(scan, d, start, end)) return { type: 'PHONE', confidence: 0.6 };
  const layout = n < 4 || n > 8 ? 0 : (groups <= 3 || n === groups) && otpLayout(s, run, a, b) ? 1 : groups <= 4 && smallSpacedGroups(s, run, a, b) ? 2 : 0;
  if (layout) {
    const mixed = layout === 2;
    let c = cueFor(scan, start, end);
    // "le code c'est 48 19 2", "l code howa 7 30 5": digits typed in ones and twos mixed are a code only after a code's word
    if (mixed && c !== Cue.OTP && c !== Cue.OTP_WEAK) return null;
    // "the last one I got was 371649": "last" says which one, not "the last four digits"
    if (c === Cue.LAST4 && n > 4) c = 0;
    // "a text saying 119 302, use this to log in": a word for a message or a number before, what it is for after
    if (c === Cue.PHONE || c === Cue.PHONE_WEAK) c = numberCueAfter(scan, end) || c;
    // "الرقم اللي بعتهولي على الموبايل كان ١١٥٨", "the number you sent me is 729586": too short for a phone, and sent
    if ((c === Cue.PHONE || c === Cue.PHONE_WEAK) && n <= 6 && receivedBefore(scan, start, 8)) c = Cue.OTP;
    // "الكود اللي وصلني على الجوال ٤٨٢٩": too short for a phone, so the phone word names where the code came, and
    // a code word a little further back names what it is
    if ((c === Cue.PHONE || c === Cue.PHONE_WEAK) && (cueBefore(scan, start, Cue.OTP, 6, true) || cueBefore(scan, start, Cue.OTP_WEAK, 6, true))) c = Cue.OTP;
    // "I got 449012", "وصلني ٤٤٩٠١٢", "برام اومد ۴۴۹۰۱۲": a code's length (six digits, or digits typed one by one or
    // in groups) right after a word for receiving it, with no word for anything else; "received 150000" is an amount
    if (!c && (n === 6 || groups > 1) && !d.endsWith('000') && s.charCodeAt(start - 1) !== 0x23 && receivedBefore(scan, start, 6)) c = Cue.OTP;
    // (round 35: "دفعت ٢٥٠ دينار واجاني هاد ٤ ٨ ١ ٩ ٠ ٦": an amount's currency further back names the amount, not
    // this number; the word for receiving it among the three words right before does, with no currency after it)
    if (c === Cue.CURRENCY && (n === 6 || groups > 1) && !d.endsWith('000') && !followedByCurrency(scan, end) && receivedBefore(scan, start, 3)) c = Cue.OTP;
    // "Why una dey send me OTP wey I no request? 384920 just land now now.", "کد نخواسته بودم. ۸۲۷۱۴۰ همین الان رسید": a code
    // named in the sentence before, this one opening with the number and saying it arrived; the word that ends the
    // earlier sentence ("request?") labels nothing here
    if (c && !isCodeCue(c) && opensSentence(s, start) && ARRIVED_AFTER.test(s.slice(end, end + 32)) && !followedByCurrency(scan, end) && otpTalk(scan)) c = Cue.OTP;
    // "the code never came … when it did, 453630 said expired", "Your OTP for txn … on card XX8217 is 744263": a
    // code's length with no word of its own, in a message about a code whose code is not found yet ("my otp is
    // 4 4 0 9 not 4410": the other number is not it); round numbers stay visible (amounts)
    let confidence = 0.85;
    // ("they sent 2 codes 1st was 43 40 83 2nd was 5 8 0 5 7 5": where codes are named in the plural, each is one)
    // ("the first code 5521 didn't work, then the second one 6630": a number written as a found code is written, its
    // digits and its layout, is a second code; "my otp is 4 4 0 9 not 4410" contrasts two layouts; round 35: so in a
    // message whose first code no code word named, "اجاني هاد ٤٨١ ٩٠٦ وبعدين ٥٥١ ٢٠٩")
    if (!c && !d.endsWith('00') && s.charCodeAt(start - 1) !== 0x23 && !MASKED_GROUP_BEFORE.test(s.slice(Math.max(0, start - 8), start)) && (!scan.found.some((f) => f.type === 'OTP') || CODES_PLURAL.test(s) || codeWrittenAlike(scan, n, end - start)) && (otpTalk(scan) || codeWrittenAlike(scan, n, end - start))) {
      c = Cue.OTP_WEAK;
      confidence = 0.7;
    }
    // "كلمة المرور لمرة واحدة لعملية الشراء بمبلغ 250 ريال هي 482913": a bank's message names its one-time code, then
    // an amount's words stand between the name and the code; the first code-length number after the name that is not
    // the amount itself is the code
    if ((!c || c === Cue.CURRENCY) && !d.endsWith('00') && !followedByCurrency(scan, end) && !scan.found.some((f) => f.type === 'OTP') && oneTimeNamedBefore(scan, start) && !amountRightBefore(scan, start)) c = Cue.OTP;
    // (a pin of a card, "pin e kartam 4419", "card pin 4419": the card's word says whose code it is)
    if (c === Cue.CARD && n <= 6 && cueBefore(scan, start, Cue.OTP_WEAK, 3)) c = Cue.OTP_WEAK;
    // "رمز التحقق 900000 SAR": a code label right before the number names it, whatever word follows (a code
    // misread as an amount leaks it; an amount is labelled by an amount word, which the label test rules out)
    if (
      (c === Cue.OTP || c === Cue.OTP_WEAK) &&
      (!followedByCurrency(scan, end) || otpLabelRightBefore(scan, start)) &&
      !(looksLikeYear(d) && !numberCueBefore(scan, start)) &&
      !(c === Cue.OTP_WEAK && groups === 1 && n <= 4 && flightDesignatorBefore(s, start)) &&
      !(n === 4 && groups === 1 && plausibleYear(+d, 4) && YEAR_WORD_BEFORE.test(foldRange(s, Math.max(0, start - 12), start)))
    ) {
      return { type: 'OTP', confidence };
    }
  }
  return null;
}

/** "6037-99**-****-4072", "**** **** **** 4417": a card's last digits after its masked groups, as a bank prints them. */
const MASKED_GROUP_BEFORE = /[*•●xX]{2,}[ \u00a0-]?$/;

/** Right after a number: it arrived ("just land", "came", "has arrived", "همین الان رسید", "وصلني", "اومد", "jus enter"). */
const ARRIVED_AFTER = /^[ ,]*(?:(?:just|jus|don|done|has|have|finally|now|only|همین|الان|الآن|تازه|هسا|توو|هلق|هلا|هسه|توا|قبل|شوي)[ ,]+){0,3}(?:land(?:ed)?|enter(?:ed)?|came|come|arrived?|reached|دخل|رسید|رسيد|اومد|آمد|امد|جاني|جاتني|جا|اجاني|إجاني|اجتني|اجا|إجا|وصل\p{L}*)(?![\p{L}])/iu;

/** The number opens its sentence: only spaces since the text's start, a line break, or a sentence's end (. ! ? ؟). */
function opensSentence(s: string, start: number): boolean {
  let p = start - 1;
  while (p >= 0 && (s.charCodeAt(p) === 0x20 || s.charCodeAt(p) === 0x09)) p--;
  return p < 0 || '.!?\u061f\n'.includes(s[p]!);
}

function codeWrittenAlike(scan: Scan, digits: number, width: number): boolean {
  for (const f of scan.found) {
    if (f.type !== 'OTP' || f.end - f.start !== width) continue;
    let n = 0;
    for (let i = f.start; i < f.end; i++) if (isDigit(scan.norm.charCodeAt(i))) n++;
    if (n === digits) return true;
  }
  return false;
}

/**
 * A payment card number: 13–19 digits, a card network's first digit, Luhn. Fifteen digits only for American Express
 * (34, 37): a phone's IMEI and an Emirates ID are fifteen Luhn-valid digits too.
 */
function cardNumber(d: string): boolean {
  const n = d.length;
  if (n < 13 || n > 19 || !'234569'.includes(d[0]!)) return false;
  if (n === 15 && !(d[0] === '3' && (d[1] === '4' || d[1] === '7'))) return false;
  return luhnValid(d);
}

/** Groups of four digits (the last may be shorter): how cards are written, unlike amounts ("1,200,000,000,000"). */
function fours(run: Run, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (run.ge[k]! - run.gs[k]! !== 4) return false;
  return run.ge[b]! - run.gs[b]! <= 4;
}

/** "1,250,000": one to three digits, then groups of three. */
function thousands(run: Run, a: number, b: number): boolean {
  if (run.ge[a]! - run.gs[a]! > 3) return false;
  for (let k = a + 1; k <= b; k++) if (run.ge[k]! - run.gs[k]! !== 3) return false;
  return true;
}

/**
 * "03/518 227", "01/345678", "71/482 913": a Lebanese number written with a slash after its area code or mobile
 * prefix (eight digits, the slash only there); never what follows a card ("07/29 1234" is an expiry and a code).
 */
function areaCodeSlash(scan: Scan, run: Run, a: number, b: number, d: string, start: number): boolean {
  if (d.length !== 8 || b - a > 2 || run.ge[a]! - run.gs[a]! !== 2 || (d[0] !== '0' && d[0] !== '7' && d[0] !== '8')) return false;
  const s = scan.norm;
  for (let k = a; k < b; k++) {
    let slash = false;
    for (let i = run.ge[k]!; i < run.gs[k + 1]!; i++) if (s.charCodeAt(i) === 0x2f) slash = true;
    if (slash !== (k === a)) return false;
  }
  return validNational('LB', d, false) && !afterCard(scan, start);
}

/** "07 14 26 11 08": a number read out in pairs. */
function pairs(run: Run, a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if (run.ge[k]! - run.gs[k]! !== 2) return false;
  return true;
}

const NONE = 0;
const ALL = 1;
const MIXED = 2;

/** Are groups a..b joined by slashes: not at all, all of them, or some (mixed with other separators)? */
/**
 * "2024/11/00471", "٢٠٢٣-١١-٠٤٨٧١": a year, a month and a serial of four to six digits, joined by one separator, open a
 * record's number (a challan, a student's, a file's) with the date it was made; no date has a day that long.
 */
function yearMonthSerial(s: string, run: Run, a: number, b: number): boolean {
  if (b !== a + 2) return false;
  const sep = dateSeparator(s, run, a, b);
  if (sep !== '/' && sep !== '-') return false;
  const y = run.ge[a]! - run.gs[a]!;
  const m = run.ge[a + 1]! - run.gs[a + 1]!;
  const serial = run.ge[b]! - run.gs[b]!;
  return y === 4 && plausibleYear(+s.slice(run.gs[a], run.ge[a]), 4) && (m === 1 || m === 2) && validMonth(s.slice(run.gs[a + 1], run.ge[a + 1]).padStart(2, '0')) && serial >= 4 && serial <= 6;
}

function slashLayout(s: string, run: Run, a: number, b: number): number {
  let slash = 0;
  for (let k = a; k < b; k++) {
    for (let i = run.ge[k]!; i < run.gs[k + 1]!; i++) {
      if (s.charCodeAt(i) === 0x2f) {
        slash++;
        break;
      }
    }
  }
  return slash === 0 ? NONE : slash === b - a ? ALL : MIXED;
}

/** Groups joined by a space or a dash each (no slash, dot or comma, which make dates and amounts). */
function spaceOrDashJoined(s: string, run: Run, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const gap = run.gs[k + 1]! - run.ge[k]!;
    const c = s.charCodeAt(run.ge[k]!);
    if (gap !== 1 || (c !== 0x20 && c !== 0x2d)) return false;
  }
  return true;
}

function commaJoined(s: string, run: Run, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (s.charCodeAt(run.ge[k]!) === 0x2c) return true;
  return false;
}

/**
 * What is printed beside a card number: its expiry ("exp 09/29", "0127", "۱۴۰۵/۰۸") after an expiry word when the
 * message is about a card (a document's expiry date stays visible), and its security code ("cvv 713", "الرمز اللي
 * ورا ٧١٣").
 */
function cardSideValue(scan: Scan, run: Run, a: number, b: number, d: string, start: number, end: number): Verdict {
  const s = scan.norm;
  const n = d.length;
  // a card must be talked about: "security deposit 500", "ورا ٣ ايام" are not security codes
  if (a === b && (n === 3 || n === 4) && !followedByCurrency(scan, end)) {
    // "4643… 11/27 904": a three-digit number right after a card's expiry is its security code (four for an
    // American Express card's: "amex 3782 822463 10005 exp 09/27 code 7316")
    if ((n === 3 || amexFound(scan)) && afterCard(scan, start) && scan.found[scan.found.length - 1]!.type === 'CARD_EXPIRY') return { type: 'CVV', confidence: 0.75 };
  }
  if (a === b && (n === 3 || n === 4) && cvvTalk(scan) && cardTalk(scan) && !followedByCurrency(scan, end)) {
    const c = cueFor(scan, start, end);
    // "الرقم اللي ورا البطاقة ١٢٣": the card word is nearest, the word for "back" before it says what the number is
    // ("كود الأمان ديال la carte هو 452", "cryptogramme de ma carte visa c'est 323": French and Maghrebi put more
    // little words between)
    if (c === Cue.CVV || ((c === Cue.CARD || c === Cue.ID_CARD) && cueBefore(scan, start, Cue.CVV, 8))) return { type: 'CVV', confidence: 0.85 };
    if (BACK_OF_CARD.test(s.slice(Math.max(0, start - 40), start))) return { type: 'CVV', confidence: 0.75 };
  }
  if (a === b && n === 3 && cvvDescribedBefore(scan, start, end)) return { type: 'CVV', confidence: 0.75 };
  if (a === b && n === 3 && cardTalk(scan) && !followedByCurrency(scan, end)) {
    const c = cueFor(scan, start, end);
    // "الكود تاع اللور 540" in a message about a card: a code of three digits is the card's (one-time codes are 4–8)
    if (c === Cue.OTP || c === Cue.OTP_WEAK) return { type: 'CVV', confidence: 0.75 };
  }
  if (a === b && n === 3 && cardTalk(scan) && !followedByCurrency(scan, end)) {
    const c = cueFor(scan, start, end);
    // "l code li mor lcarte 825", "the code of my card 825": the card word is nearest, a code word just before it
    if ((c === Cue.CARD || c === Cue.ID_CARD) && (cueBefore(scan, start, Cue.OTP, 6) || cueBefore(scan, start, Cue.OTP_WEAK, 6))) return { type: 'CVV', confidence: 0.7 };
    // "ال cvv بتاع الكارت؟ طيب هو 440": the code named in an earlier sentence, the number with no word of its own
    if (!numberCueBefore(scan, start) && cvvNamed(scan)) return { type: 'CVV', confidence: 0.7 };
  }
  // "09/29", "0929", and "exp 09 29" (a space only: the expiry word right before decides below)
  const joined = b === a + 1 && (dateSeparator(s, run, a, b) !== '' || (run.gs[b]! - run.ge[a]! === 1 && s.charCodeAt(run.ge[a]!) === 0x20));
  const monthYear = a === b ? n === 4 && monthAt(s, run.gs[a]!) : joined && monthYearGroups(s.slice(run.gs[a], run.ge[a]), s.slice(run.gs[b], run.ge[b]));
  // (round 33: "بطاقتي تنتهي بـ 1226", "تنتهي بالرقم 0427": the card "ends with" four digits — its last four, not
  // its expiry, which "تنتهي" alone or "تنتهي في" says; after a whole card's number, its expiry as before)
  if (monthYear && a === b && CARD_ENDS_WITH_BEFORE.test(s.slice(Math.max(0, start - 32), start)) && !scan.found.some((f) => f.type === 'CARD')) return null;
  // right after the card number it is that card's expiry, with or without a word for it
  if (monthYear && cardTalk(scan) && dateCue(scan, start, end) === Cue.EXPIRY && paymentCardsExpiry(scan, start, end)) return { type: 'CARD_EXPIRY', confidence: 0.8 };
  // ("4310… cvv 417 date 03-26": the code may come first)
  if (monthYear && afterCard(scan, start) && scan.found[scan.found.length - 1]!.type !== 'CARD_EXPIRY') return { type: 'CARD_EXPIRY', confidence: 0.75 };
  // (round 40) "شماره کارتم … ولی نمیدونم cvv2 کجاست تاریخش 1405/09", "card … cvv2 where? date 09/27": a generic date
  // word right before a month and year, in a message with a card's number (or a card's and a code's word), is the
  // card's expiry — unless a birth, delivery, appointment or document word claims the date
  if (monthYear && GENERIC_DATE_BEFORE.test(s.slice(Math.max(0, start - 40), start)) && (scan.found.some((f) => f.type === 'CARD') || (cardTalk(scan) && cvvNamed(scan))) && !scan.found.some((f) => f.type === 'CARD_EXPIRY') && !dateCue(scan, start, end) && paymentCardsExpiry(scan, start, end)) return { type: 'CARD_EXPIRY', confidence: 0.7 };
  return null;
}

/**
 * A generic date word and at most two little words right before the value: "date", "the date on it", "its date",
 * "تاریخ", "تاریخش", "تاريخها", "التاريخ", "tarikh", "tarikhesh", "дата", "санааш".
 */
const GENERIC_DATE_BEFORE =
  /(?:^|[^\p{L}])(?:dates?|(?:ال)?تاريخ(?:ها|ه)?|تاریخ(?:ش|شم|ش هم)?|tarikh(?:esh|e|ash)?|t[aâ]rikh(?:esh)?|дата(?:аш|и)?|сана(?:аш|и)?)(?:[\s:=-]+(?:on it|on the card|of it|of the card|is|it'?s|هست|هي|هو|روش|عليها|ash|hast|:)){0,2}[\s:=-]*$/iu;

/**
 * An expiry month in a message about a card is the card's, unless the words name a document ("my passport expires
 * 05/29" stays visible) or a gift card or voucher.
 */
function paymentCardsExpiry(scan: Scan, start: number, end: number): boolean {
  const c = cueFor(scan, start, end);
  // ("my ID card expires 09/2027", "بطاقة الهوية تنتهي …", "کارت ملی …": the card is a document)
  return c !== Cue.PASSPORT && c !== Cue.NID && !cueBefore(scan, start, Cue.PROMO, 5) && !cueBefore(scan, start, Cue.NID, 6, true) && !cueBefore(scan, start, Cue.ID_WEAK, 6, true) && !documentsExpiry(scan, start) && !policysDate(scan.norm.slice(Math.max(0, start - 40), start));
}

/**
 * Round 36: an insurance policy's word a few words before, in the same clause ("policy expires 10/29", "بیمه‌نامه تا
 * ۱۰/۲۹"): the policy's date. Not when a card's expiry label stands between ("card … for the insurance renewal, expiry
 * 09/29", "… لدفع التأمين صالحة حتى ٠٩/٢٩", "برای بیمه انقضا ۱۴۰۶/۰۲"): there the label names the card's date, and an
 * insurer's customers pay their premiums by card.
 */
function policysDate(before: string): boolean {
  const m = POLICY_BEFORE.exec(before);
  return !!m && !CARD_EXPIRY_LABEL.test(m[1]!);
}
const POLICY_BEFORE = /(?:policy|insurance|بوليص|وثيق[ةه] (?:ال)?تأمين|تأمين|بیمه|полис)([^\n\d.!?؟,،;]{0,24})$/i;
const CARD_EXPIRY_LABEL = /\bexp(?:iry|\.)?(?![a-z])|valid|good thru|صالح|انتهاء|انقضا|تاريخ|تاریخ|мӯҳлат|срок/i;

/** Between a document's number and its expiry: a few words on the same line ("G2840193 (expires June 2029)"). */
const DOCUMENT_TO_EXPIRY = /^[^\n\d]{0,32}$/;

/**
 * "Passport no: G2840193 (expires June 2029)", "رقم الجواز N49210387 ينتهي ٠٦/٢٠٢٩": an expiry right after a passport's
 * or an ID's number is the document's, whatever card a message names elsewhere ("Ghana card", "my debit card").
 */
function documentsExpiry(scan: Scan, start: number): boolean {
  let last: Found | undefined;
  for (const f of scan.found) if (f.end <= start && (!last || f.end > last.end)) last = f;
  return !!last && (last.type === 'PASSPORT' || last.type === 'NATIONAL_ID') && DOCUMENT_TO_EXPIRY.test(scan.norm.slice(last.end, start));
}

function validMonth(mm: string): boolean {
  return mm.length <= 2 && +mm >= 1 && +mm <= 12;
}

/** Two ASCII digits at `i` make a month (01–12). */
function monthAt(s: string, i: number): boolean {
  const m = (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;
  return m >= 1 && m <= 12;
}

/** "09/29", "9-2029", "2029/09", "1405/08" (Jalali cards print year first), the groups already joined by one separator. */
function monthYearGroups(g1: string, g2: string): boolean {
  if (g1.length === 4) return plausibleYear(+g1, 4) && g2.length === 2 && validMonth(g2);
  return validMonth(g1) && (g2.length === 2 || (g2.length === 4 && plausibleYear(+g2, 4)));
}

/**
 * "RQ 4102", "EP 0612", "SV 1472", "W6 2211": an airline's two-character designator, in capitals and not a word
 * ("IS", "MY", "NO", "ID"), then a space: a flight number, not a code.
 */
function flightDesignatorBefore(s: string, start: number): boolean {
  if (start < 3 || s.charCodeAt(start - 1) !== 0x20) return false;
  const a = s.charCodeAt(start - 3);
  const b = s.charCodeAt(start - 2);
  const cap = (c: number): boolean => c >= 0x41 && c <= 0x5a;
  if (!((cap(a) && cap(b)) || (cap(a) && isDigit(b)) || (isDigit(a) && cap(b)))) return false;
  if (start >= 4 && (isDigit(s.charCodeAt(start - 4)) || isLatinLetter(s.charCodeAt(start - 4)))) return false;
  return !NOT_DESIGNATORS.has(s.slice(start - 3, start - 1)) && cueOf(s.slice(start - 3, start - 1).toLowerCase()) === undefined;
}
/** Two-letter words written in capitals in front of a number ("MY CODE IS 4829"). */
const NOT_DESIGNATORS: ReadonlySet<string> = new Set(['IS', 'MY', 'NO', 'IT', 'IN', 'ON', 'AT', 'TO', 'OF', 'OR', 'BE', 'SO', 'WE', 'ME', 'US', 'HE', 'UP', 'GO', 'DO', 'IF', 'AN', 'AS', 'BY', 'OK', 'ID', 'NR', 'PW', 'KE', 'VA', 'YA', 'YE', 'ES', 'EH']);

/** A year word right before a year ("سال ۱۴۰۲", "سنة ١٤٤٥", "year 2023"): a year, not a code. */
const YEAR_WORD_BEFORE = /(?<![\p{L}])(?:سال|سنه|عام|year|sal|sene|sana)\s*[:]?\s*$/iu;

/** One-time codes named in the plural: "codes", "otps", "اكواد", "رموز", "کدها". */
const CODES_PLURAL = /\b(?:codes|otps|pins)\b|اكواد|أكواد|رموز|کدها|کد ها|کدهای/i;

function looksLikeYear(d: string): boolean {
  return d.length === 4 && (d.startsWith('19') || d.startsWith('20'));
}

/**
 * Where a run may be cut into separate values: at a line break, a spaced dash or a bare comma ("055…,056…"). Elsewhere a run is one value or
 * nothing, so "2436 9817 3631 1272" (a card number that fails Luhn) never yields a "phone" from its last groups.
 */
function cutAllowed(s: string, run: Run, k: number): boolean {
  const from = run.ge[k]!;
  const to = run.gs[k + 1]!;
  if (to - from === 1 && s.charCodeAt(from) === 0x2c) return true;
  if (to - from === 3 && s.charCodeAt(from) === 0x20 && s.charCodeAt(from + 1) === 0x2d && s.charCodeAt(from + 2) === 0x20) return true;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 0x0a) return true;
  return false;
}

function isWordStart(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return isLatinLetter(c) || isArabicLetter(c);
}

/** The run's last group is one or two digits after a single space, followed by a word, after a group of 3+ digits. */
function countAtEnd(s: string, run: Run): boolean {
  const G = run.n;
  if (G < 2) return false;
  const ls = run.gs[G - 1]!;
  const le = run.ge[G - 1]!;
  return le - ls <= 2 && ls - run.ge[G - 2]! === 1 && s.charCodeAt(ls - 1) === 0x20 && run.ge[G - 2]! - run.gs[G - 2]! >= 3 && s.charCodeAt(le) === 0x20 && isWordStart(s, le + 1);
}

/**
 * "N° 2024/118834 2 500 DA", "0551234567 185 000 ريال": where the amount at the end of a run, written in thousands
 * before its currency, starts (a group index; run.n when there is none). An amount is one to three digits, then groups
 * of three after one space, comma or dot, and never opens with a "0" or a "+" (phones in threes do).
 */
function amountStart(scan: Scan, run: Run): number {
  const G = run.n;
  const s = scan.norm;
  let k = G - 1;
  while (k > 0 && run.ge[k]! - run.gs[k]! === 3 && run.gs[k]! - run.ge[k - 1]! === 1 && THOUSANDS_GAP.has(s.charCodeAt(run.ge[k - 1]!)) && run.ge[k - 1]! - run.gs[k - 1]! <= 3) k--;
  // the currency test is a word look-up: only for what can be an amount
  if (k === G - 1 || s.charCodeAt(run.gs[k]!) === 0x30 || (k === 0 && run.plus) || !followedByCurrency(scan, run.ge[G - 1]!)) return G;
  return k;
}
const THOUSANDS_GAP: ReadonlySet<number> = new Set([0x20, 0x2c, 0x2e]);

/**
 * Where an amount in thousands joined by commas at the end of a run starts ("1,250,000", "۳٬۲۱۰٬۰۰۰"; run.n when there
 * is none): one to three digits, not opening with "0", then groups of three each after a comma — two commas or more,
 * or one before "000". No phone, ID or card is written so.
 */
function commaThousandsStart(s: string, run: Run): number {
  const G = run.n;
  let k = G - 1;
  while (k > 0 && run.ge[k]! - run.gs[k]! === 3 && run.gs[k]! - run.ge[k - 1]! === 1 && s.charCodeAt(run.ge[k - 1]!) === 0x2c) k--;
  const commas = G - 1 - k;
  if (commas === 0 || run.ge[k]! - run.gs[k]! > 3 || s.charCodeAt(run.gs[k]!) === 0x30 || (k === 0 && run.plus)) return G;
  if (commas === 1 && s.slice(run.gs[G - 1]!, run.ge[G - 1]!) !== '000') return G;
  return k;
}

/** Digits s[p, e) number a list's item: one or two at a line's start, then ")" or "." and a space ("2) 87139…", "3. 0C010"). */
function listMarker(s: string, p: number, e: number): boolean {
  if (e - p > 2 || (p > 0 && s.charCodeAt(p - 1) !== 0x0a)) return false;
  const c = s.charCodeAt(e);
  return (c === 0x29 || c === 0x2e) && s.charCodeAt(e + 1) === 0x20;
}

/** Words for how many times something was tried after a number: "3 times", "٣ مرات", "۴ بار", "2 fois". */
const TRIES_AFTER = folded(['times', 'time', 'x', 'fois', 'mal', 'marrat', 'marat', 'mara', 'marra', 'bar', 'dafe', 'مرات', 'مره', 'مرة', 'مرتين', 'بار', 'دفعه', 'دفعات', 'نوبت']);

/** The folded, lower-cased word after a single space at `e` ('' when none). */
function wordAfter(s: string, e: number): string {
  if (s.charCodeAt(e) !== 0x20) return '';
  let q = e + 1;
  while (q < s.length && isLetter(s.charCodeAt(q))) q++;
  return foldRange(s, e + 1, q).toLowerCase();
}

/** Reads a run into values, then masks what is left of it that is long and unexplained (fail closed). */
function handleRun(scan: Scan, run: Run): void {
  const found = scan.found.length;
  const claimed = scan.claimed.length;
  readValues(scan, run);
  if (run.n) failClosed(scan, run, found, claimed);
}

function readValues(scan: Scan, run: Run): void {
  if (run.n === 1 && wordedExpiry(scan, run)) return;
  if (run.n >= 2) {
    // an amount with its currency is never a value, and no value reaches into it
    const k = amountStart(scan, run);
    if (k < run.n) {
      scan.claimed.push(run.gs[k]!, run.ge[run.n - 1]!);
      run.n = k;
      if (!k) return;
    }
  }
  // (round 34) "۳٬۲۱۰٬۰۰۰", "1,250,000": an amount in thousands joined by commas (the Arabic separator reads as one) is
  // no value, with or without its currency, nor is any group of it (after a "cvv2" line its "000" was a second code)
  if (run.n >= 2) {
    const k = commaThousandsStart(scan.norm, run);
    if (k < run.n) {
      scan.claimed.push(run.gs[k]!, run.ge[run.n - 1]!);
      run.n = k;
      if (!k) return;
    }
  }
  // (round 34) "I called 800 729 9277 3 times", "… ٣ مرات", "۴ بار": a count of the tries after the number is no group
  // of it, unless the whole run is a value its digits prove
  if (countAtEnd(scan.norm, run) && TRIES_AFTER.has(wordAfter(scan.norm, run.ge[run.n - 1]!)) && !wholeRunValid(scan, run)) run.n--;
  // "cvv 2 250", "سی وی وی ۲ ۲۵۰": the "2" belongs to the label ("cvv2")
  if (run.n >= 2 && run.ge[0]! - run.gs[0]! === 1 && scan.norm.charCodeAt(run.gs[0]!) === 0x32 && cueRightBefore(scan, run.gs[0]!) === Cue.CVV) {
    run.gs.copyWithin(0, 1, run.n);
    run.ge.copyWithin(0, 1, run.n);
    run.n--;
    run.lead = run.gs[0]!;
    run.plus = false;
  }
  const G = run.n; // at most MAX_GROUPS (readRun), so a bit mask of groups fits an int
  // "(021) 2915 9252 2 hafte", "+966 55 123 4567 5 times": a value without its last group, which is a count of the
  // word after it, is read first
  // ("0114 78 900 25 ابعتولي", "کد ملی 5710 1246 48 هست": unless the whole run is a value its digits prove, the last
  // group said with it; nor after an identity document's own label: "بطاقة التعريف متاعي 1293 0548 76 والتطبيق …")
  if (countAtEnd(scan.norm, run) && !wholeRunValid(scan, run) && !idLabelRightBefore(scan, run.lead) && classifyGroups(scan, run, 0, G - 2, 0, false, G - 1, G - 1)) return;
  if (classifyGroups(scan, run, 0, G - 1, 0, false, G, G) || G < 2) return;
  // "4119… exp 04/28 / 530": what follows a card is its expiry and code, cut wherever they meet
  if (afterCard(scan, run.gs[0]!)) {
    classifyGroups(scan, run, 0, G - 1, 0, true, G - 1, 1);
    return;
  }
  // "4643 8238 8257 4379 11/27 904": the whole run is no value, but it opens with a card; what follows is read on its
  // own, after the card (its expiry and security code, typically)
  const c = cardPrefix(run, scan.norm);
  if (c < 0 || NEGATIVE_CUES.has(cueFor(scan, run.gs[0]!, run.ge[G - 1]!) as Cue)) {
    classifyGroups(scan, run, 0, G - 1, 0, false, G - 1, 1);
    return;
  }
  add(scan, 'CARD', run.gs[0]!, run.ge[c]!, 0.9);
  classifyGroups(scan, run, c + 1, G - 1, (1 << (c + 1)) - 1, true, G - c - 1, 1);
}

const PART_NUMBER = /^[0-9]{4,6}-(?=[0-9A-Z]{4,7}(?![0-9A-Za-z]))[0-9]*[A-Z]/;
const CYRILLIC_SERIAL_BEFORE = /(?:^|[^\p{L}])[\u0410-\u042f\u0401]-$/u;
/** An identity document's word before a Cyrillic serial, in the languages that write one: it is the document's number. */
const CYRILLIC_ID_NEAR = /удостовер|личн|паспорт|шиносном|шахс|инн|иин|снилс|идентиф|\bid\b|identity|national|passport/iu;

function cyrillicSerial(scan: Scan, start: number, c: Cue | 0): boolean {
  const s = scan.norm;
  if (!CYRILLIC_SERIAL_BEFORE.test(s.slice(Math.max(0, start - 3), start)) || ID_CUES.has(c as Cue) || c === Cue.PASSPORT) return false;
  return !CYRILLIC_ID_NEAR.test(s.slice(Math.max(sentenceStart(scan, start), start - 48), start));
}
const FROM_BEFORE = /(?:^|[^\p{L}])(?:from|frm|از)\s*:?\s*$/iu;
const FROM_BEFORE_AR = /(?:^|[^\p{L}])من\s*$/u;
/** What either needs, asked first: their patterns try a letter class at every unit of the words before (8 times the cost). */
const MAY_BE_FROM = /fr|از|من/i;

/** A short sender's number: right after "from" (a code's or a message's word in its sentence before it). */
function fromSender(scan: Scan, start: number): boolean {
  const before = scan.norm.slice(Math.max(sentenceStart(scan, start), start - 48), start);
  if (!MAY_BE_FROM.test(before) || !(FROM_BEFORE.test(before) || (!persianText(scan) && FROM_BEFORE_AR.test(before)))) return false;
  return SENDER_TALK.test(before);
}
const SENDER_TALK = /code|sms|text|message|msg|كود|رمز|رساله|رسالة|مسج|کد|پیامک|پيامك|payam|resala|masg/iu;

/** Is group k of the run inside a value found or a range claimed since the run was read? */
function groupTaken(scan: Scan, run: Run, k: number, found: number, claimed: number): boolean {
  const gs = run.gs[k]!;
  const ge = run.ge[k]!;
  for (let f = found; f < scan.found.length; f++) if (scan.found[f]!.start < ge && gs < scan.found[f]!.end) return true;
  for (let c = claimed; c < scan.claimed.length; c += 2) if (scan.claimed[c]! < ge && gs < scan.claimed[c + 1]!) return true;
  return false;
}

function digitsIn(run: Run, a: number, b: number): number {
  let n = 0;
  for (let k = a; k <= b; k++) n += run.ge[k]! - run.gs[k]!;
  return n;
}

/**
 * Fail closed (round 18): each stretch of groups no value took, FAIL_CLOSED_DIGITS digits or more, is masked unless
 * `whyVisible` names what it is. A stretch whose pieces (cut where a run may be cut: a comma, " - ", a line break)
 * each hold that many digits is several values, one each; otherwise it is one.
 */
function failClosed(scan: Scan, run: Run, found: number, claimed: number): void {
  let total = 0;
  for (let k = 0; k < run.n; k++) total += run.ge[k]! - run.gs[k]!;
  if (total < FAIL_CLOSED_DIGITS) return;
  for (let a = 0; a < run.n; ) {
    if (groupTaken(scan, run, a, found, claimed)) {
      a++;
      continue;
    }
    let b = a;
    while (b + 1 < run.n && !groupTaken(scan, run, b + 1, found, claimed)) b++;
    if (digitsIn(run, a, b) >= FAIL_CLOSED_DIGITS) {
      let pieces = 0;
      let short = false;
      for (let p = a, k = a; k <= b; k++) {
        if (k < b && !cutAllowed(scan.norm, run, k)) continue;
        pieces++;
        if (digitsIn(run, p, k) < FAIL_CLOSED_DIGITS) short = true;
        p = k + 1;
      }
      if (pieces === 1 || short) maskUnexplained(scan, run, a, b);
      else {
        for (let p = a, k = a; k <= b; k++) {
          if (k < b && !cutAllowed(scan.norm, run, k)) continue;
          maskUnexplained(scan, run, p, k);
          p = k + 1;
        }
      }
    }
    a = b + 1;
  }
}

function maskUnexplained(scan: Scan, run: Run, a: number, b: number): void {
  const d = groupDigits(scan.norm, run, a, b);
  const start = a === 0 ? run.lead : run.gs[a]!;
  const end = run.ge[b]!;
  if (whyVisible(scan, run, a, b, d, start, end)) return;
  // "A 33662460", "K-۹۵۸۱۲۰۴۶": one or two letters right before seven to nine digits are a passport's, masked with them
  // (never a little word in capitals, "IS", "NO", nor a purchase order's "PO")
  const letters = d.length <= 9 && a === 0 && !run.plus ? PASSPORT_LETTERS_BEFORE.exec(scan.norm.slice(Math.max(0, start - 4), start)) : null;
  if (letters && !NOT_DESIGNATORS.has(letters[0].trim()) && letters[0].trim() !== 'PO' && letters[0].trim() !== 'I') {
    scan.unexplained.push({ type: 'PASSPORT', start: start - letters[0].length, end, confidence: FAIL_CLOSED_CONFIDENCE });
    return;
  }
  const type = typeByShape(scan, run, a, b, d, start, end);
  scan.unexplained.push({ type, start: type === 'PHONE' ? start : run.gs[a]!, end, confidence: FAIL_CLOSED_CONFIDENCE });
}

const PASSPORT_LETTERS_BEFORE = /(?<![A-Za-z0-9])[A-Z]{1,2} ?$/;

/** Masks the long runs nothing explained, unless a later reading found a value in them. */
function addUnexplained(scan: Scan): void {
  for (const u of scan.unexplained) {
    if (!scan.found.some((f) => f.start < u.end && u.start < f.end)) add(scan, u.type, u.start, u.end, u.confidence);
  }
}

/**
 * Why a long number no detector typed stays visible: the first of the reasons in fail-closed.ts (`Visible`) that
 * holds, or null when none does and it is masked.
 */
function whyVisible(scan: Scan, run: Run, a: number, b: number, d: string, start: number, end: number): Visible | null {
  const s = scan.norm;
  const n = d.length;
  const groups = b - a + 1;
  // the words' cue, but a record's word after the number only as its label ("850712-14-5567 for the claim" is no
  // claim's number; "48213957 is my order number" is)
  // (an account's word a few words before explains it too: "رقم الاشتراك بالكهربا …"; a phone under an account was
  // typed before this)
  let c = cueFor(scan, start, end);
  // (round 34) "Н-0048127": a certificate's serial after its letter and a dash (classify)
  if (a === 0 && s.charCodeAt(start - 1) === 0x2d && cyrillicSerial(scan, start, c)) return Visible.RECORD;
  const before = numberCueBefore(scan, start);
  if (c && !before && numberCueAfter(scan, end) === c) c = labelAfter(scan, end) ?? 0;
  if (!c && before === Cue.ACCOUNT) c = before;
  // "0509… رقم جوالي و 1033995278 رقم الطلب": in a list, a record's own label right after the number names it, whatever
  // the value before left in the clause
  // (an order's, a parcel's or a ticket's word, or another record's after a "number" word: "… 1990… خطأ" is an error
  // said of the number, not its label)
  // (and never a label with a number after it: "(015) 28038355 والشكوى رقم 7781234" is the complaint's label of the
  // number after it)
  const after = labelAfter(scan, end);
  if (after !== undefined && NEGATIVE_CUES.has(after) && (after === Cue.ORDER || after === Cue.TRACK || after === Cue.TICKET || NUMBER_WORD_AFTER.test(s.slice(end, end + 12))) && !DIGIT_SOON.test(s.slice(end, end + 28))) return recordAt(scan, end);
  // ("please transfer to 2753 1084": a transfer's word names where it goes, not its own number)
  if (c === Cue.REF && transferOrCallReads(scan, start, d)) return null;
  // (an amount's or a currency's word before it only with no other number between: "took 3000 SAR, and 3000001")
  if ((c === Cue.AMOUNT || c === Cue.CURRENCY) && (amountRightBefore(scan, start) || !/[0-9]/.test(s.slice(Math.max(sentenceStart(scan, start), start - 40), start)))) return Visible.AMOUNT;
  if (NEGATIVE_CUES.has(c as Cue) || recordLabelBefore(scan, start, isRecordOrAccount) || recordHeaded(scan, start) || recordListed(scan, start)) return recordAt(scan, end);
  if (!c && !before && recordNamedAfter(scan, end)) return recordAt(scan, end);
  if (n <= 8 && groups === 1 && sentToShortNumber(s, start, end)) return Visible.SENT_TO_SHORT_NUMBER;
  if (RECORD_ONLY_BEFORE.test(foldRange(s, Math.max(0, start - 32), start)) || SERIAL_OF_BEFORE.test(foldRange(s, Math.max(0, start - 28), start))) return recordAt(scan, end);
  // "فين الأوردر بتاعي؟ رقمه …", "شحنتي سمسا رقم …": a bare "number" word, in a message about a record, is its number
  // ("my number" is the customer's own)
  if (c === Cue.PHONE_WEAK && messageHasCueBefore(scan, start, isRecord) && !MY_NUMBER_BEFORE.test(s.slice(Math.max(0, start - 16), start))) return recordAt(scan, end);
  // a date, then more ("2024-05-03 14:22:10"): the run reader joined a date and its time
  if (groups >= 3 && (dateSeparator(s, run, a, a + 2) || spacedDate(s, run, a, a + 2)) && numericDateValid(s.slice(run.gs[a], run.ge[a]), s.slice(run.gs[a + 1], run.ge[a + 1]), s.slice(run.gs[a + 2], run.ge[a + 2]))) return Visible.DATE_OR_TIME;
  let p = start - 1;
  while (p >= 0 && s.charCodeAt(p) === 0x20) p--;
  if (s.charCodeAt(p) === 0x23) return Visible.RECORD;
  if (slashLayout(s, run, a, b) !== NONE) {
    if (groups === 2 && yearRange(s.slice(run.gs[a], run.ge[a]), s.slice(run.gs[b], run.ge[b]))) return Visible.YEAR_RANGE;
    return Visible.RECORD;
  }
  if (yearMonthSerial(s, run, a, b)) return Visible.RECORD;
  if (groups === 2 && s.charCodeAt(run.ge[a]!) === 0x2d && yearRange(s.slice(run.gs[a], run.ge[a]), s.slice(run.gs[b], run.ge[b]))) return Visible.YEAR_RANGE;
  if (followedByCurrency(scan, end) || currencySignBefore(s.slice(Math.max(0, start - 12), start))) return Visible.AMOUNT;
  // a decimal part ("1234567.50"), or thousands groups joined by commas or dots, or by spaces after a short first
  // group or closing on zeros ("1 250 000"), never opening with a "0" (phones in threes do)
  if (groups > 1 && s.charCodeAt(run.ge[b - 1]!) === 0x2e && run.gs[b] === run.ge[b - 1]! + 1 && run.ge[b]! - run.gs[b]! <= 2) return Visible.AMOUNT;
  if (groups > 1 && d[0] !== '0' && thousands(run, a, b) && (commaJoined(s, run, a, b) || dotJoined(s, run, a, b) || run.ge[a]! - run.gs[a]! < 3 || d.endsWith('000'))) return Visible.AMOUNT;
  if (groups >= 3 && dotJoined(s, run, a, b)) return Visible.VERSION;
  if (VERSION_BEFORE.test(s.slice(Math.max(0, start - 12), start))) return Visible.VERSION;
  // a round figure ("10000000", "2 000 000"): no identity number is one digit and zeros
  if (/^[1-9]0+$/.test(d)) return Visible.AMOUNT;
  if (simSerial(d, s.slice(Math.max(0, start - 40), start))) return Visible.SIM_SERIAL;
  if (n >= 20) return Visible.TRACKING_FORMAT;
  if (groups === 1 && compactDateTime(d)) return Visible.DATE_OR_TIME;
  if (UNIT_AFTER.test(s.slice(end, end + 14))) return Visible.QUANTITY;
  // (a MyKad of someone born in 1980 opens with "8001": its date and place code say which it is)
  // ("رقم الهوية 2080000001 غلط": digits after an ID's own label are its, whatever a toll-free number's shape says)
  // (round 30: "877 200 0000", a North American toll-free line in its 3-3-4 layout without its 1, is one too)
  if ((companyNumber(d) || (TOLL_FREE_NANP.test(d) && isNanpLayout(scan.norm, run, a, b))) && !myKadShape(d) && !idLabelRightBefore(scan, start)) return Visible.COMPANY_NUMBER;
  return null;
}

const DIGIT_SOON = new RegExp(`^[^\\n]*[${DIGIT_CLASS}]`, 'u');
const NUMBER_WORD_AFTER = /^[\s،,:]*(?:رقم|number|no\b|nr\b|شماره|نمبر|نمره)/i;

/** A confirmation's word anywhere in the text, asked once per text (the label's pattern is then read before each run). */
const CONFIRMATION_WORD = /conf|ت[أا]كيد|ت[أا][یي][یي]?د/i;
let confirmationText = '';
let confirmationSeen = false;
// the memo holds the message's original: it lives only as long as the call that read it (SECURITY.md)
const forgetConfirmationText = forgetAfterTurn(() => {
  confirmationText = '';
});
function confirmationTalk(s: string): boolean {
  if (s !== confirmationText) {
    confirmationText = s;
    confirmationSeen = CONFIRMATION_WORD.test(s);
    forgetConfirmationText();
  }
  return confirmationSeen;
}

/** A North American toll-free number without its leading 1: 800, 833, 844, 855, 866, 877, 888, then an exchange from 2. */
const TOLL_FREE_NANP = /^8(?:00|33|44|55|66|77|88)[2-9]\d{6}$/;
/** "my number", "my phone is", "رقمي": the customer's own line. */
const OWN_PHONE_BEFORE = /(?:\bmy (?:number|num|no|phone|mobile|cell|line|whatsapp)(?: number)?(?: is)?|رقمي|جوالي|موبايلي|تلفوني)[ :.#]{0,3}$/i;

/** "my number", "her number", "هي رقمها", "هو رقمه": a person's number, not a record's. */
const MY_NUMBER_BEFORE = /(?:\b(?:my|her|his|their) (?:number|num|no)(?: is)?\b|(?:^|[^\p{L}])و?(?:هي|هو|هيا|هوا) رقم(?:ها|ه|و)|(?:^|[^\p{L}])(?:نمبر|شمار)(?:ش|م|ت))(?: است| اس)? ?[.:#]? *$/iu;

/**
 * "رقم الوالد", "رقم أخوي في السودان", "رقم امي": the "number" word, then a person's — a relative or a spouse, with its
 * article or a possessive ending — and a few words of where they are at most.
 */
const PERSON_NUMBER_BEFORE = /(?:^|[^\p{L}])رقم (?:ال)?(?:والد[يهة]?|والدت[يهة]|اب[وي]ي?|ابو[يهة]?|ام[يهة]|أم[يهة]|اخو[يهة]?|أخو[يهة]?|اخت[يهة]|أخت[يهة]|زوج[يهة]?|زوجت[يهة]|خال[يهة]|خالت[يهة]|عم[يهة]|عمت[يهة]|ولد[يهة]|بنت[يهة]|ابن[يهة]|جد[يهة]|جدت[يهة])(?: [\p{L}]{1,12}){0,3}[ :]{0,3}$/u;

/** "… that is the order number", "… c'est ma facture", "… هذا رقم الطلب": the value, then a word of being, then what it is. */
const BEING_AFTER = /^[ ,:\u00a0-]*(?:that'?s|that is|this is|it'?s|it is|is|was|c'?est|هذا|هذه|هاذا|هاذي|ده|دي|دا|این|اینم|اینه)[ \u00a0]+(?:(?:the|my|our|your|an?|le|la|mon|ma)[ \u00a0]+)?([\p{L}]+)(?:[ \u00a0]+([\p{L}]+))?/iu;

/** The value is said to be a record's by the words after it (the label after its value, past a word of being). */
function recordNamedAfter(scan: Scan, end: number): boolean {
  const m = BEING_AFTER.exec(scan.norm.slice(end, end + 48));
  if (!m) return false;
  const secondAt = m[2] ? m[0].length - m[2].length : m[0].length;
  const first = end + m[0].lastIndexOf(m[1]!, secondAt - 1);
  const cue = cueAt(scan.norm, first, first + m[1]!.length);
  if (cue !== undefined && NEGATIVE_CUES.has(cue)) return true;
  // "رقم الطلب", "numéro de commande": a word for "number" first, then the record's
  if (m[2] && (cue === undefined || isWeakCue(cue))) {
    const second = end + secondAt;
    const cue2 = cueAt(scan.norm, second, second + m[2].length);
    return cue2 !== undefined && NEGATIVE_CUES.has(cue2);
  }
  return false;
}

function recordAt(scan: Scan, end: number): Visible {
  scan.recordEnd = end;
  return Visible.RECORD;
}

/** The next number of a list a record's label opened ("order 4643 8238 and 8257 4379", "الطلب ١٢٣… و٤٥٦…"). */
function recordListed(scan: Scan, start: number): boolean {
  return scan.recordEnd >= 0 && start - scan.recordEnd <= 8 && RECORD_LIST_GAP.test(scan.norm.slice(scan.recordEnd, start));
}
const RECORD_LIST_GAP = /^ ?(?:[/&]|and|or|et|und|va|wa|w|و|یا|او) ?$/iu;

function dotJoined(s: string, run: Run, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (s.charCodeAt(run.ge[k]!) !== 0x2e || run.gs[k + 1] !== run.ge[k]! + 1) return false;
  return true;
}

const isRecordOrAccount = (c: Cue): boolean => RECORD_OR_ACCOUNT.has(c);


/**
 * The likelier type of a long number nothing explained, by its shape: a word that names a type; eight or nine digits
 * in a message about a passport; a phone's trunk zero or calling code and a valid number; thirteen to nineteen digits
 * that pass Luhn, or a card's length and layout from a card's first digits; otherwise a national ID (a mask with a
 * plausible type beats a leak).
 */
const SHAPE_REGIONS: readonly string[] = [...DEFAULT_REGION_HINTS, 'ID'];

/** Words after a number naming the country whose numbering plan it is written in ("… عماني", "(Indonesia)"). */
const COUNTRY_WORDS: ReadonlyMap<string, string> = new Map([
  ...(['عماني', 'عمانيه', 'عمانی', 'omani', 'oman'] as const).map((w) => [w, 'OM'] as const),
  ...(['كويتي', 'كويتيه', 'kuwaiti', 'kuwait'] as const).map((w) => [w, 'KW'] as const),
  ...(['قطري', 'قطريه', 'qatari', 'qatar'] as const).map((w) => [w, 'QA'] as const),
  ...(['بحريني', 'بحرينيه', 'bahraini', 'bahrain'] as const).map((w) => [w, 'BH'] as const),
  ...(['سعودي', 'سعوديه', 'saudi', 'ksa'] as const).map((w) => [w, 'SA'] as const),
  ...(['اماراتي', 'اماراتيه', 'emirati', 'uae'] as const).map((w) => [w, 'AE'] as const),
  ...(['مصري', 'مصريه', 'egyptian', 'egypt'] as const).map((w) => [w, 'EG'] as const),
  ...(['اردني', 'jordanian', 'jordan'] as const).map((w) => [w, 'JO'] as const),
  ...(['يمني', 'yemeni', 'yemen'] as const).map((w) => [w, 'YE'] as const),
  ...(['indonesia', 'indonesian', 'indo'] as const).map((w) => [w, 'ID'] as const),
  // the country's own name, which says where a number is dialled when it stands before it ("Qatar ma 7011 2398")
  ...(['قطر'] as const).map((w) => [w, 'QA'] as const),
  ...(['الكويت', 'كويت'] as const).map((w) => [w, 'KW'] as const),
  ...(['البحرين', 'بحرين'] as const).map((w) => [w, 'BH'] as const),
  ...(['موريتانيا', 'موريتاني', 'mauritania', 'mauritanie'] as const).map((w) => [w, 'MR'] as const),
].map(([w, r]) => [foldRange(w, 0, w.length), r]));

/** Words a country's word before a number may stand apart from it by ("Qatar ma …", "my Qatar no. …", "قطر رقمي …"). */
const COUNTRY_TO_NUMBER_WORDS = 3;

/**
 * "Qatar ma 7011 2398", "Qatar 6612 0384", "تلفوني قطر ٧٧١٢ ٠٣٩٥": a country's word a few words before a number whose
 * plan reads it (as dialled there) says it is a phone there, as the same word after it does.
 */
function countryBeforeReads(s: string, start: number, d: string): boolean {
  let e = start;
  for (let k = 0; k < COUNTRY_TO_NUMBER_WORDS; k++) {
    while (e > 0 && !isLetter(s.charCodeAt(e - 1))) {
      const c = s.charCodeAt(e - 1);
      if (isDigit(c) || c === 0x0a || c === 0x2e || c === 0x3f || c === 0x21 || c === 0x61f) return false;
      e--;
    }
    let i = e;
    while (i > 0 && isLetter(s.charCodeAt(i - 1))) i--;
    if (i === e) return false;
    const region = COUNTRY_WORDS.get(foldRange(s, i, e));
    if (region !== undefined) return validLocal(region, d) || validNational(region, d, false);
    e = i;
  }
  return false;
}

/**
 * "بغيت نحول ب التطبيق ل 36 41 88 20", "حولت ل …", "please call me on 3941 7720", "transfer to …": a transfer's or a
 * call's verb, then "to"/"on"/"ل"/"على" right before the number (two words between at most), names where money or a
 * call goes — a phone, as a wallet's transfer is to one.
 */
const TRANSFER_OR_CALL_TO = /(?:^|[^\p{L}])(?:[نتيب]?حو\u0651?ل(?:ت|نا|و|ي)?|تحويل|ارسل(?:ت)?|نرسل|بعت(?:ت|لي)?|transfer(?:red)?|send|sent|call|ring|dial|text|virer|envoyer|appeler)(?:[ \u00a0]+[\p{L}]+){0,2}[ \u00a0]+(?:ل|لـ|على|ع|الى|إلى|الي|للرقم|to|on|at|à|au)[ \u00a0]*$/iu;

/** Regions whose plans may read a number a transfer's or a call's verb names. */
const TRANSFER_REGIONS: readonly string[] = [...new Set([...SHAPE_REGIONS, ...CUED_REGIONS, 'MR', 'SO', 'DJ'])];

function transferOrCallReads(scan: Scan, start: number, d: string): boolean {
  if (!TRANSFER_OR_CALL_TO.test(scan.norm.slice(Math.max(sentenceStart(scan, start), start - 40), start))) return false;
  for (const r of TRANSFER_REGIONS) if (validLocal(r, d) || validNsn(r, d)) return true;
  return false;
}

/**
 * "الرقم تسعه تسعه اربعه … عماني", "0812-3345-6719 (Indonesia)": a country's word right after a number (a space, a
 * comma or a bracket between) whose numbering plan reads it, with or without its trunk zero, says it is a phone there.
 */
function countryAfterReads(s: string, end: number, d: string): boolean {
  let i = end;
  while (i < s.length && i < end + 3 && (s.charCodeAt(i) === 0x20 || s.charCodeAt(i) === 0x28 || s.charCodeAt(i) === 0x2c)) i++;
  let e = i;
  while (e < s.length && isLetter(s.charCodeAt(e))) e++;
  if (e === i) return false;
  const region = COUNTRY_WORDS.get(foldRange(s, i, e));
  return region !== undefined && (validLocal(region, d) || validNational(region, d, false));
}

function typeByShape(scan: Scan, run: Run, a: number, b: number, d: string, start: number, end: number): SensitiveType {
  const n = d.length;
  const c = cueFor(scan, start, end);
  const s = scan.norm;
  if (c === Cue.PASSPORT && n <= 9) return 'PASSPORT';
  if ((c === Cue.OTP || c === Cue.OTP_WEAK) && n <= 8) return 'OTP';
  if (c === Cue.IBAN && n >= 16) return 'IBAN';
  // (a country's name or a transfer's verb before it, see countryBeforeReads and transferOrCallReads, unless an ID's
  // word stands before it too: an ID's word after it labels the number after that word, "… 7011 2398 and my QID is …")
  if (n >= 7 && n <= 12 && !ID_CUES.has(numberCueBefore(scan, start) as Cue) && (countryBeforeReads(s, start, d) || transferOrCallReads(scan, start, d))) return 'PHONE';
  if (ID_CUES.has(c as Cue) || idLabelRightBefore(scan, start)) return 'NATIONAL_ID';
  if (a === 0 && run.plus) return 'PHONE';
  if (d[0] !== '0' && c !== Cue.PHONE && myKadShape(d)) return 'NATIONAL_ID';
  // (a trunk zero and a valid number of any region we know, hinted or not: the message may come from elsewhere)
  // (and Indonesia's mobiles, 08 and eight to eleven digits, which many Gulf workers write)
  if (d[0] === '0' && n >= 9 && n <= 13 && (nationalPhone(scan, d) || cuedNationalPhone(d) || SHAPE_REGIONS.some((r) => validNational(r, d, true)))) return 'PHONE';
  if (isNanpLayout(scan.norm, run, a, b) || scan.norm.charCodeAt(start) === 0x28) return 'PHONE';
  if (d[0] !== '0' && startsWithAny(d, CC_WITHOUT_PLUS) && checkInternational(d) === 'valid') return 'PHONE';
  if ((n === 8 || n === 9) && passportTalk(scan)) return 'PASSPORT';
  if (c === Cue.PHONE && n <= 15) return 'PHONE';
  if (n <= 12 && countryAfterReads(s, end, d)) return 'PHONE';
  // "the number I sent to 36124077" beside "رقمي 22 45 87 19": a word for a number, and as many digits as a phone the
  // message already gave; "هي رقمها 777 412 093": a person's number, and digits a cued region's plan reads without
  // their trunk zero (a bill's or a receipt's "number" stays the fail-closed rule's ID)
  // ("رقم الوالد في اليمن 771 234 567": a person's word after the "number" word names that person's phone)
  if (c === Cue.PHONE_WEAK && n <= 12 && (samePhoneLength(scan, n) || (bareNationalPhone(d) && (MY_NUMBER_BEFORE.test(s.slice(Math.max(0, start - 16), start)) || PERSON_NUMBER_BEFORE.test(s.slice(Math.max(0, start - 40), start)))))) return 'PHONE';
  if (n >= 13 && n <= 19 && cardNumber(d)) return 'CARD';
  // a card's length and layout from a card's first digits, Luhn or not (a card with a slip is likelier than an ID of
  // sixteen digits)
  if (n >= 13 && n <= 19 && d.charCodeAt(0) >= 0x33 && d.charCodeAt(0) <= 0x36 && (n === 16 || fours(run, a, b))) return 'CARD';
  return 'NATIONAL_ID';
}

/** A phone found in the message (by a reading, not by this rule) has n digits. */
function samePhoneLength(scan: Scan, n: number): boolean {
  for (const f of scan.found) {
    if (f.type !== 'PHONE' || f.confidence === FAIL_CLOSED_CONFIDENCE) continue;
    let k = 0;
    for (let i = f.start; i < f.end; i++) if (isDigit(scan.norm.charCodeAt(i))) k++;
    if (k === n) return true;
  }
  return false;
}

/** The whole run is a value its digits prove: a phone valid in its plan, a card or a national ID whose checksum holds. */
function wholeRunValid(scan: Scan, run: Run): boolean {
  const v = classify(scan, run, 0, run.n - 1);
  return v !== null && v !== 'date' && (v.type === 'PHONE' ? v.confidence >= 0.85 : (v.type === 'CARD' || v.type === 'NATIONAL_ID') && v.confidence >= 0.95);
}

const MONTH_WORD_BEFORE = /(?:month|mois|mah|(?:ال)?شهر|ماه)[ \u00a0]*:?[ \u00a0]*$/i;
// ("month nine, year twenty-eight": a comma between; "ماه ده سال شش": a year of one digit said as a word, "06")
const YEAR_WORD_THEN_YEAR = /[ \u00a0]*[,،]?[ \u00a0]*(?:year|yr|an|année|annee|sana|sal|(?:ال)?سنة|(?:ال)?سنه|عام|سال)[ \u00a0]*:?[ \u00a0]*(\d{4}|\d{1,2})(?![0-9])/iy;

/**
 * "expiry month 04 year 2029", "تنتهي شهر ٧ سنة ٢٠٢٧", "انقضاش ماه ۵ سال ۱۴۰۵" (and, rewritten from words, "شهر عشرة
 * سنة ثمانية وعشرين"): a month and a year each after its own word, beside a card found before them, are its expiry.
 */
function wordedExpiry(scan: Scan, run: Run): boolean {
  const s = scan.norm;
  const ms = run.gs[0]!;
  const me = run.ge[0]!;
  const last = scan.found[scan.found.length - 1];
  if (me - ms > 2 || !validMonth(s.slice(ms, me)) || !last || (last.type !== 'CARD' && last.type !== 'CVV') || ms - last.end > 48) return false;
  const before = s.slice(Math.max(0, ms - 10), ms);
  const word = MONTH_WORD_BEFORE.exec(before);
  if (!word) return false;
  YEAR_WORD_THEN_YEAR.lastIndex = me;
  const m = YEAR_WORD_THEN_YEAR.exec(s);
  if (!m || !plausibleYear(+m[1]!, m[1]!.length === 1 ? 2 : m[1]!.length) || dateCue(scan, ms, YEAR_WORD_THEN_YEAR.lastIndex) === Cue.BIRTH) return false;
  // (the month's word with it, as `worded-expiry.ts` masks "تنتهي شهر ٣ سنة ٢٠٢٨": "الشهر 10 سنة 26" whole)
  add(scan, 'CARD_EXPIRY', ms - before.length + word.index, YEAR_WORD_THEN_YEAR.lastIndex, 0.75);
  return true;
}

/**
 * The last group of a Luhn-valid card written in fours (or as one block) at the start of a run, or -1. The group
 * after it must break the pattern ("… 4379 11/27"): a tracking number in fours ("9400 1000 0000 0000 0000 00") has
 * a Luhn-valid prefix one time in ten.
 */
function cardPrefix(run: Run, s: string): number {
  let d = '';
  for (let b = 0; b < run.n - 1 && d.length < 19; b++) {
    d += s.slice(run.gs[b], run.ge[b]);
    if (d.length < 13 || !(b === 0 || fours(run, 0, b)) || !cardNumber(d)) continue;
    const nextLen = run.ge[b + 1]! - run.gs[b + 1]!;
    if (b === 0 ? nextLen >= 13 : nextLen === 4) return -1;
    return b;
  }
  return -1;
}

/**
 * Reads groups lo..hi of a run into values, longest first; `used` marks groups already taken. A run is cut only where
 * `cutAllowed` says, unless `anyCut` (what follows a card). Values of minLen..maxLen groups. Returns whether
 * anything was found.
 */
function classifyGroups(scan: Scan, run: Run, lo: number, hi: number, used: number, anyCut: boolean, maxLen: number, minLen: number): boolean {
  const G = run.n;
  const before = used;
  for (let len = Math.min(maxLen, hi - lo + 1); len >= minLen; len--) {
    for (let a = lo; a + len - 1 <= hi; a++) {
      const b = a + len - 1;
      if (!anyCut && ((a > lo && !cutAllowed(scan.norm, run, a - 1)) || (b < hi && !cutAllowed(scan.norm, run, b)))) continue;
      const groups = ((1 << len) - 1) << a;
      if (used & groups) continue;
      const total = run.ge[b]! - run.gs[a]!;
      if (len === G && G <= 2 && textDateAround(scan, run.gs[G - 1]!, run.ge[G - 1]!, G === 2 ? run.gs[0]! : -1)) return true;
      if (total > 40 || (len === 1 && total < 4 && !(total === 3 && (cvvTalk(scan) || afterCard(scan, run.gs[a]!) || cardTalk(scan))))) continue;
      const v = classify(scan, run, a, b);
      if (!v) continue;
      used |= groups;
      const start = a === 0 ? run.lead : run.gs[a]!;
      if (v === 'date') scan.claimed.push(start, run.ge[b]!);
      else {
        // only a phone keeps an opening "(" ("(055) 123…"); an ID in brackets is just the digits
        const from = v.type === 'PHONE' ? start : run.gs[a]!;
        add(scan, v.type, from, closeParen(scan.norm, run, b, from), v.confidence);
      }
    }
  }
  return used !== before;
}

/**
 * The value at `start` follows a card number or its expiry, with only punctuation ("4643… 11/27 904", "… / 07-27 /",
 * "cvv/904") and at most three words that name what is printed beside a card between ("exp", "expirée le", "valid
 * thru", "تاريخها", "ccv:"). What is printed beside a card follows it, with or without a label.
 */
/** A card found so far is an American Express card (fifteen digits opening 34 or 37), whose security code has four digits. */
function amexFound(scan: Scan): boolean {
  const s = scan.norm;
  for (const f of scan.found) {
    if (f.type !== 'CARD' || s.charCodeAt(f.start) !== 0x33) continue;
    const d = s.slice(f.start, f.end).replace(/[^0-9]/g, '');
    if (d.length === 15 && (d[1] === '4' || d[1] === '7')) return true;
  }
  return false;
}

const RECORD_CODE_BEFORE = /\b(?:appointment|booking|request|device)[ \u00a0]+code[ \u00a0]*(?:is|:|#)?[ \u00a0]*$/i;

/** An age beside a year: "سن ۳۳", "عمرم ۳۸", "age 41", or "۳۸ ساله", "41 years old" (group 1 or 2: the age). */
const AGE_NEAR = /(?<![\p{L}])(?:سن|سنم|سنش|عمر|عمرم|عمرش|عمري|عمره|عمرها|age|aged|umr|umar|senam|senesh)[ \u00a0:]*([0-9]{1,3})(?![0-9])|(?<![0-9])([0-9]{1,3})[ \u00a0\u200c]*(?:ساله|سالمه|سالشه|years? old|yrs? old|y\/o)(?![\p{L}])/u;

/**
 * "در تذکره نوشته ۱۳۷۰ و سن ۳۳": a year alone with an age beside it in its sentence, where the two add up to a year of
 * this era in the Gregorian, the solar Hijri or the lunar Hijri calendar, is the writer's birth year (the tazkira of
 * many Afghans records the year only). No clock is read (the output must not change with the day it runs): the sum is
 * checked against the years around this round's (2022–2028, solar 1401–1407, lunar 1443–1450), to be moved as they pass.
 */
function yearBesideAge(scan: Scan, start: number, end: number, y: number): boolean {
  if (y < 1300 || y > 2030) return false;
  const s = scan.norm;
  // (whether the message gives an age at all is asked once: most give none)
  if (scan.ageTalk < 0) scan.ageTalk = AGE_NEAR.test(s) ? 1 : 0;
  if (!scan.ageTalk) return false;
  const from = Math.max(sentenceStart(scan, start), start - 40);
  let to = end;
  while (to < s.length && to < end + 40 && s.charCodeAt(to) !== 0x2e && s.charCodeAt(to) !== 0x0a && s.charCodeAt(to) !== 0x21 && s.charCodeAt(to) !== 0x3f) to++;
  const m = AGE_NEAR.exec(s.slice(from, start) + ' ' + s.slice(end, to));
  if (!m) return false;
  const sum = y + Number(m[1] ?? m[2]);
  return (sum >= 2022 && sum <= 2028) || (sum >= 1401 && sum <= 1407) || (sum >= 1443 && sum <= 1450);
}

/** Words that set a number against the one before it: "2122 not 7731", "٥٢٠٤١٨ مش ٥٢٠٤٨١". */
const CONTRAST_WORDS = folded(['not', 'nicht', 'pas', 'mish', 'msh', 'mosh', 'mesh', 'مش', 'مو', 'نه', 'na', 'nah', 'nist', 'نیست', 'بدل', 'instead']);

/**
 * "card ends 2122 not 7731", "my postal code is ５２０４１８ not 520481": a number set against the one right before it,
 * of the same length, where a record's, a card's last four's or a postcode's word labels that one, is the same kind of
 * number (the app's wrong copy of it), visible like it.
 */
function contrastedWithRecord(scan: Scan, start: number, n: number): boolean {
  const s = scan.norm;
  let p = start - 1;
  while (p >= 0 && (s.charCodeAt(p) === 0x20 || s.charCodeAt(p) === 0x2c)) p--;
  const we = p + 1;
  while (p >= 0 && isLetter(s.charCodeAt(p))) p--;
  const ws = p + 1;
  if (ws === we || we - ws > 7) return false;
  while (p >= 0 && (s.charCodeAt(p) === 0x20 || s.charCodeAt(p) === 0x2c)) p--;
  const de = p + 1;
  while (p >= 0 && isDigit(s.charCodeAt(p))) p--;
  // (the word is folded last: most numbers have a word before them, few a number of their length before that)
  if (de - p - 1 !== n || !CONTRAST_WORDS.has(foldRange(s, ws, we)) || claimedAt(scan, p + 1) >= 0 || scan.found.some((f) => f.start <= p + 1 && f.end >= de)) return false;
  const c = cueFor(scan, p + 1, de);
  return c === Cue.LAST4 || c === Cue.POSTAL || RECORD_CUES.has(c as Cue);
}

function afterCard(scan: Scan, start: number): boolean {
  const last = scan.found[scan.found.length - 1];
  if (!last || (last.type !== 'CARD' && last.type !== 'CARD_EXPIRY' && last.type !== 'CVV') || start < last.end || start - last.end > CARD_SIDE_GAP) return false;
  const s = scan.norm;
  let words = 0;
  for (let i = last.end; i < start; ) {
    const c = s.charCodeAt(i);
    if (CARD_SIDE_PUNCT.has(c)) {
      i++;
      continue;
    }
    let e = i;
    while (e < start && !CARD_SIDE_PUNCT.has(s.charCodeAt(e)) && !isDigit(s.charCodeAt(e))) e++;
    if (e === i || ++words > 3) return false;
    const cue = cueAt(s, i, e);
    if (cue !== Cue.EXPIRY && cue !== Cue.CVV && !CARD_SIDE_WORDS.has(foldRange(s, i, e))) return false;
    i = e;
  }
  return true;
}
const CARD_SIDE_GAP = 24;
const CARD_SIDE_PUNCT: ReadonlySet<number> = new Set([0x20, 0x09, 0x2c, 0x2e, 0x60c, 0x2d, 0x7c, 0x0a, 0x3b, 0x2f, 0x3a, 0x28, 0x29]);
// the little words of an expiry's or a code's label the lexicon has no cue for ("expirée le", "تاريخها")
const CARD_SIDE_WORDS = folded(['le', 'la', 'its', 'is', 'date', 'de', 'and', 'et', 'w', 'o', 'و', 'tarikh', 'tarikha', 'تاريخ', 'تاريخها', 'تاريخه', 'تاريخو', 'التاريخ', 'انقضاء', 'تاریخ', 'تاریخش', 'code', 'cod', 'ramz', 'رمز', 'كود', 'کد', 'то', 'до', 'to', 'ta']);

/** "(055) 123" keeps its ")" only when the "(" is inside the span too. */
function closeParen(s: string, run: Run, b: number, start: number): number {
  const e = run.ge[b]!;
  return s.charCodeAt(e) === 0x29 && s.charCodeAt(start) === 0x28 && s.lastIndexOf(')', e - 1) < start ? e + 1 : e;
}

/**
 * A year [ys, ye) may close or open a date written with a month name: "12 March 1990", "March 12, 1990",
 * "16-Oct-1974", "۱۳۶۵ فروردین ۱۲". `dayStart` >= 0 when the day is in the same run as the year ("Jun 23 1970"):
 * the month name must then sit right before the day.
 */
function textDateAround(scan: Scan, ys: number, ye: number, dayStart = -1): boolean {
  if (ye - ys === 2 && dayStart < 0) return shortYearBirthDate(scan, ys, ye);
  if (ye - ys !== 4) return false;
  const s = scan.norm;
  const century = (s.charCodeAt(ys) - 48) * 10 + s.charCodeAt(ys + 1) - 48;
  if (century < 13 || century > 21) return false; // years 1300–2199 (Hijri, Jalali, Gregorian); plausibleYear decides
  if (!plausibleYear(+s.slice(ys, ye), 4)) return false;
  if (dayStart >= 0 && (ys - dayStart > 5 || !/^\d{1,2}[ ,\u060c.\-/]+$/.test(scan.norm.slice(dayStart, ys)))) return false;
  const from = Math.max(0, (dayStart >= 0 ? dayStart : ys) - 40);
  if (dayStart < 0 && yearWordBefore(s, from, ys)) {
    const worded = WORDED_DATE.exec(foldRange(s, from, ys));
    if (worded && validDayMonth(+worded[1]!, +worded[2]!)) {
      dateWithRole(scan, from + worded.index, ye);
      return true;
    }
    // "الثالث من شهر ٧ سنة ١٩٩٠", "پانزدهم ماه ۱۲ سال ۱۳۷۰": the day as an ordinal word
    const month = worded ? null : WORDED_MONTH.exec(foldRange(s, from, ys));
    if (month && validDayMonth(1, +month[1]!)) {
      const w0 = Math.max(0, from + month.index - 60);
      const dayStart = ordinalDayStart(foldRange(s, w0, from + month.index), from + month.index - w0) + w0;
      if (dayStart < from + month.index) {
        dateWithRole(scan, dayStart, ye);
        return true;
      }
    }
  }
  if (!monthWordNear(s, dayStart >= 0 ? dayStart : ys, from, dayStart >= 0 ? -1 : ye)) return dayStart < 0 && bareBirthYear(scan, ys, ye);
  const win = foldRange(s, from, dayStart >= 0 ? dayStart : ys);
  const before = execAtEnd(dayStart >= 0 ? MONTH_RIGHT_BEFORE : TEXT_DATE_BEFORE_YEAR, win);
  let start: number;
  let end = ye;
  let dayless = false;
  if (before) start = from + before.index;
  else if (dayStart >= 0) return false;
  else {
    const after = TEXT_DATE_AFTER_YEAR.exec(foldRange(scan.norm, ye, Math.min(scan.norm.length, ye + 30)));
    const monthYear = after ? null : execAtEnd(MONTH_RIGHT_BEFORE, win);
    if (after) {
      start = ys;
      end = ye + after[0].length;
    } else if (monthYear) {
      // "مارس ١٩٩٢", "الخامس عشر من رمضان ١٣٨٥" (the day in words), "ديسمبر 2026" (a card's month of expiry)
      start = from + monthYear.index;
      const w0 = Math.max(0, start - 60);
      const dayStart = ordinalDayStart(foldRange(s, w0, start), start - w0) + w0;
      dayless = dayStart === start;
      start = dayStart;
    } else return bareBirthYear(scan, ys, ye);
  }
  const role = dateCue(scan, start, end);
  if (role === Cue.BIRTH) add(scan, 'DOB', start, end, 0.85);
  else if (role === Cue.EXPIRY && dayless && cardTalk(scan) && paymentCardsExpiry(scan, start, end)) add(scan, 'CARD_EXPIRY', start, end, 0.8);
  else {
    scan.claimed.push(start, end);
    if (!role) scan.plainDates.push(start, end);
  }
  return true;
}

/** In folded text, a day and a month number named by words before a year: "٢٠ من شهر ٣ سنة ", "۲۰ ماه ۳ سال ", "day 20 month 3 year ". */
const WORDED_DATE = /(?<![\p{L}\p{N}])(\d{1,2})\s+(?:من\s+)?(?:شهر|ماه|month)\s+(\d{1,2})\s+(?:سنه|سنة|عام|سال|year)\s+$/u;

/** WORDED_DATE without its day: "من شهر ٧ سنة ", "ماه ۳ سال " (an ordinal day in words before it). */
const WORDED_MONTH = /(?<![\p{L}\p{N}])(?:(?:من|of)\s+)?(?:شهر|ماه|month)\s+(\d{1,2})\s+(?:سنه|سنة|عام|سال|year)\s+$/u;

const YEAR_WORDS = ['سنه', 'سنة', 'عام', 'سال', 'year'];
const SPACE = /\s/;

/** s[from, to) ends with a year word of WORDED_DATE and a space: the regex (which tries every position) can match. */
function yearWordBefore(s: string, from: number, to: number): boolean {
  let e = to;
  while (e > from && SPACE.test(s[e - 1]!)) e--;
  if (e === to) return false;
  const word = foldRange(s, Math.max(from, e - 4), e);
  for (const y of YEAR_WORDS) if (word.endsWith(y)) return true;
  return false;
}

function validDayMonth(d: number, m: number): boolean {
  return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

/** A date found whole: a birth date where the words say so, otherwise claimed (and kept for a restated birth date). */
function dateWithRole(scan: Scan, start: number, end: number): void {
  const role = dateCue(scan, start, end);
  if (role === Cue.BIRTH) add(scan, 'DOB', start, end, 0.8);
  else {
    scan.claimed.push(start, end);
    if (!role) scan.plainDates.push(start, end);
  }
}

const COMPACT_DATE = /(\d{1,2})([A-Za-z]{3,4})(\d{4}|\d{2})(?![A-Za-z0-9])/y;

/** "15MAR1990" at `p`: where it ends, or -1 when the letters are no month abbreviation or the day is no day. */
function compactTextDate(scan: Scan, p: number): number {
  COMPACT_DATE.lastIndex = p;
  const m = COMPACT_DATE.exec(scan.norm);
  if (!m || !MONTH_WORDS.has(m[2]!.toLowerCase()) || +m[1]! < 1 || +m[1]! > 31) return -1;
  if (m[3]!.length === 4 && !plausibleYear(+m[3]!, 4)) return -1;
  const end = p + m[0].length;
  dateWithRole(scan, p, end);
  return end;
}

const YEAR_RE = /(?<![0-9])(?:1[3-9]|20)[0-9]{2}(?![0-9])/g;

/** The Gregorian years a written year may be: itself, or read as a Jalali or a Hijri year (1300–1699). */
function gregorianYears(s: string, from: number, to: number): number[] {
  const out: number[] = [];
  YEAR_RE.lastIndex = from;
  for (let m = YEAR_RE.exec(s); m && m.index + 4 <= to; m = YEAR_RE.exec(s)) {
    const y = +m[0];
    if (y >= 1700) out.push(y);
    else out.push(y + 621, Math.round(y * 0.970229 + 621.5643));
  }
  return out;
}

/**
 * A birth year said in two digits ("مواليد الـ٥٤", "born in '79", "متولد ۵۸") may be of the 1900s, Jalali 13xx, or
 * the 2000s when it is a child's (up to '10: later, a date of this decade would be read as the birth date).
 */
function twoDigitYears(s: string, from: number, to: number): number[] {
  let yy = 0;
  let n = 0;
  for (let i = from; i < to; i++) {
    if (!isDigit(s.charCodeAt(i))) continue;
    yy = yy * 10 + s.charCodeAt(i) - 0x30;
    n++;
  }
  return n !== 2 ? [] : yy <= 10 ? [1900 + yy, 2000 + yy, 1300 + yy + 621] : [1900 + yy, 1300 + yy + 621];
}

/**
 * "Jalali DOB: ۱۳۶۵/۰۷/۱۲ (= 4 Oct 1986)", "تاریخ تولد … ۱۲ رمضان ۱۴۰۹ …؛ تاریخ شمسی صحیح ۱۳۶۷/۱۲/۲۰": a date no
 * word gives a role to, in the same year (in any calendar) as a birth date of the message, is that birth date
 * written again.
 */
function findRestatedBirthDates(scan: Scan): void {
  const birthYears: number[] = [];
  for (const f of scan.found) if (f.type === 'DOB') birthYears.push(...gregorianYears(scan.norm, f.start, f.end), ...twoDigitYears(scan.norm, f.start, f.end));
  if (!birthYears.length) {
    // "my date of birth is wrong in your file. The correct date is 1 Farvardin 1358": a message about its birth
    // date, with one date and no word of its own but a word for "correct", names it in a sentence after the label
    // ("DOB is required. Today is 12/03/2026" stays visible)
    if (scan.plainDates.length === 2 && BIRTH_DATE_LABEL.test(scan.norm) && correctionBefore(scan, scan.plainDates[0]!)) scan.found.push({ type: 'DOB', start: scan.plainDates[0]!, end: eraMarkEnd(scan.norm, scan.plainDates[1]!), confidence: 0.6 });
    return;
  }
  const d = scan.plainDates;
  for (let k = 0; k < d.length; k += 2) {
    const ys = gregorianYears(scan.norm, d[k]!, d[k + 1]!);
    if (ys.some((y) => birthYears.some((b) => Math.abs(b - y) <= 1))) scan.found.push({ type: 'DOB', start: d[k]!, end: eraMarkEnd(scan.norm, d[k + 1]!), confidence: 0.7 });
  }
}


/** The label of a birth date (not just "birthday"): "date of birth", "DOB", "تاريخ الميلاد", "تاریخ تولد", "tarikhe tavalod". */
const BIRTH_DATE_LABEL = /date of birth|birth ?date|\bdob\b|d\.o\.b|تاريخ (?:ال)?(?:ميلاد|ولاد|ازدياد)|تار[يی]خ(?:ے|ِ)? ?تولد|تاريخ تولد|مواليد|زادروز|tarikh[e-]* ?tavall?od|tarikh[e-]* ?milad/i;

/** A bare year is a birth date only right after a birth word: "مواليد ١٩٨٨", "born in 1990". */
function bareBirthYear(scan: Scan, ys: number, ye: number): boolean {
  if (!cueBefore(scan, ys, Cue.BIRTH, 2)) return false;
  add(scan, 'DOB', ys, ye, 0.7);
  return true;
}

function isLetter(c: number): boolean {
  return isLatinLetter(c) || isArabicLetter(c) || (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7);
}

/**
 * Is a word of a month name among the three words before `at` (not before `from`), or the first word after
 * `after` (-1: not looked at)? A cheap test that spares the month-name regexes for most years.
 */
function monthWordNear(s: string, at: number, from: number, after: number): boolean {
  let p = at - 1;
  let words = 0;
  while (p >= from && words < 3) {
    if (!isLetter(s.charCodeAt(p))) {
      p--;
      continue;
    }
    const we = p + 1;
    while (p >= 0 && isLetter(s.charCodeAt(p))) p--;
    if (MONTH_WORDS.hasAt(s, p + 1, we)) return true;
    // "12th": a suffix glued to a day is no word of its own
    if (!isDigit(s.charCodeAt(p))) words++;
  }
  if (after < 0) return false;
  p = after;
  while (p < s.length && p - after < 6 && !isLetter(s.charCodeAt(p))) p++;
  const ws = p;
  while (p < s.length && isLetter(s.charCodeAt(p))) p++;
  return p > ws && MONTH_WORDS.hasAt(s, ws, p);
}

/** Between a month name and a two-digit year: space - / . , ، and an apostrophe ("Mar '85"). */
const DATE_GAP: ReadonlySet<number> = new Set([0x20, 0x2d, 0x2f, 0x2e, 0x2c, 0x60c, 0x27, 0x2019]);

/** "اتولدت ١٥ اكتوبر ٨٨", "تولد: ۱۵ مهر ۶۷": a two-digit year after a day and a month name, where a birth word says so. */
function shortYearBirthDate(scan: Scan, ys: number, ye: number): boolean {
  const s = scan.norm;
  let p = ys - 1;
  while (p >= 0 && ys - p <= 3 && DATE_GAP.has(s.charCodeAt(p))) p--;
  const we = p + 1;
  while (p >= 0 && (isLatinLetter(s.charCodeAt(p)) || isArabicLetter(s.charCodeAt(p)) || (s.charCodeAt(p) >= 0xc0 && s.charCodeAt(p) <= 0xff))) p--;
  if (we - p < 3 || !MONTH_LAST_WORDS.hasAt(s, p + 1, we)) return apostropheBirthYear(scan, ys, ye);
  const from = Math.max(0, ys - 40);
  const win = foldRange(s, from, ys);
  const before = execAtEnd(TEXT_DATE_BEFORE_YEAR, win);
  let start = before ? from + before.index : -1;
  if (!before) {
    // "مواليد خمسة وعشرين مارس ٩٢": the day in words before the month
    const month = execAtEnd(MONTH_RIGHT_BEFORE, win);
    if (!month) return false;
    const ms = from + month.index;
    const w0 = Math.max(0, ms - 60);
    start = ordinalDayStart(foldRange(s, w0, ms), ms - w0) + w0;
    if (start === ms) return false;
  }
  if (dateCue(scan, start, ye) !== Cue.BIRTH) return false;
  add(scan, 'DOB', start, ye, 0.75);
  return true;
}

/** "born in '88", "مواليد '٩٠": a year cut to two digits by an apostrophe, within three words after a birth word. */
function monthNameAt(s: string, i: number): boolean {
  let e = i;
  while (e < s.length && isLetter(s.charCodeAt(e))) e++;
  return e > i && MONTH_WORDS.hasAt(s, i, e);
}

/**
 * "مواليد ٧٩", "مواليد سنة الـ٥٤", "متولد ۵۸", "mawalid 83", "born in 79": the word says "born in the year", so two
 * digits after it — with a word for "year" or "in" between, and the article glued to them — are the year.
 */
const BORN_IN_YEAR = folded([...BORN_IN_YEAR_WORDS]);
const YEAR_INTRO = folded(['سنة', 'سنه', 'عام', 'سال', 'سنت', 'in', 'year', 'sal', 'sana', 'sanat', 'fi', 'في', 'فى', 'of']);
/** A count after the two digits ("born 12 weeks early", "مواليد ٢٠ يوم") says they are no year. */
const COUNT_AFTER = folded(['days', 'day', 'weeks', 'week', 'months', 'month', 'years', 'hours', 'يوم', 'ايام', 'اسبوع', 'شهر', 'اشهر', 'سنين', 'سنوات', 'روز', 'ماه', 'هفته', 'ساعت']);

function bornInYearBefore(s: string, ys: number): boolean {
  let p = ys;
  // "الـ٥٤": the article glued to the year (its tatweel folded away)
  if (s.charCodeAt(p - 1) === 0x644 && s.charCodeAt(p - 2) === 0x627 && !isLetter(s.charCodeAt(p - 3))) p -= 2;
  for (let words = 0; words < 3; words++) {
    if (s.charCodeAt(p - 1) !== 0x20) return false;
    let q = p - 2;
    while (q >= 0 && isLetter(s.charCodeAt(q))) q--;
    if (q === p - 2) return false;
    const w = foldRange(s, q + 1, p - 1).toLowerCase();
    if (BORN_IN_YEAR.has(w)) return true;
    if (!YEAR_INTRO.has(w)) return false;
    p = q + 1;
  }
  return false;
}

function countAfter(s: string, ye: number): boolean {
  if (s.charCodeAt(ye) !== 0x20) return false;
  let e = ye + 1;
  while (e < s.length && isLetter(s.charCodeAt(e))) e++;
  return COUNT_AFTER.has(foldRange(s, ye + 1, e).toLowerCase());
}

function apostropheBirthYear(scan: Scan, ys: number, ye: number): boolean {
  const s = scan.norm;
  const c = s.charCodeAt(ys - 1);
  const after = s.charCodeAt(ye);
  if ((c === 0x20 || c === 0x644) && (ye >= s.length || after === 0x2c || after === 0x60c || after === 0x2e || (after === 0x20 && !monthNameAt(s, ye + 1) && !countAfter(s, ye))) && bornInYearBefore(s, ys)) {
    add(scan, 'DOB', c === 0x644 ? ys - 2 : ys, ye, 0.65);
    return true;
  }
  if ((c !== 0x27 && c !== 0x2019) || isDigit(scan.norm.charCodeAt(ys - 2)) || !cueBefore(scan, ys - 1, Cue.BIRTH, 3)) return false;
  add(scan, 'DOB', ys - 1, ye, 0.7);
  return true;
}

const NEXT_DIGIT = /[0-9]/g;

function findDigitRuns(scan: Scan): void {
  const s = scan.norm;
  const len = s.length;
  let i = 0;
  while (i < len) {
    // jump to the next digit: the regex engine scans far faster than a loop over the units
    NEXT_DIGIT.lastIndex = i;
    if (!NEXT_DIGIT.test(s)) return;
    i = NEXT_DIGIT.lastIndex - 1;
    const skip = claimedAt(scan, i);
    if (skip >= 0) {
      i = skip;
      continue;
    }
    // a chat export's timestamp is no value ("2026-03-13 04:01 - Zain: …")
    const prefixEnd = inChatPrefix(s, i);
    if (prefixEnd >= 0) {
      i = prefixEnd;
      continue;
    }
    const next = readRun(s, i, scan);
    if (RUN.n) handleRun(scan, RUN);
    i = Math.max(next, i + 1);
  }
}

const MAX_CORRECTION_NUMBERS = 8;

/** One slip apart: a digit changed, added or dropped, or two side by side swapped. */
export function oneSlip(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length !== b.length) {
    const [short, long] = a.length < b.length ? [a, b] : [b, a];
    if (long.length !== short.length + 1) return false;
    let i = 0;
    while (i < short.length && short[i] === long[i]) i++;
    return short.slice(i) === long.slice(i + 1);
  }
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length < 3; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 1 || (diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!]);
}

/**
 * The two values of a correction are both the customer's: "I sent 784-1985-8202878-8 by mistake, the correct one is
 * 784-1985-8202887-8", "الصحيح: 050 334 9187 مو 050 3349 91877", "درستش X ـه نه Y". In a message that calls a value
 * wrong, a number one slip from an ID, a phone or a card found in it (a digit changed, added, dropped or two swapped),
 * or of its length give or take two digits and opening with its first three, is that value mistyped and takes its
 * type (the ninth round's rule keeps a value the message doubts visible only when nothing in the message is its valid
 * copy). Elsewhere only a slip of an ID is one: a number one slip from a phone may be another line or an account's
 * ("رقم الحساب 0501112233 والجوال 0551112233"). The numbers are the number reader's typed runs, whatever their
 * separators.
 */
function findNearCopies(scan: Scan): void {
  const s = scan.norm;
  if (!scan.found.some((f) => f.type === 'NATIONAL_ID' || f.type === 'PHONE' || f.type === 'CARD')) return;
  // (a value and its copy hold sixteen digits or more: most messages have fewer, and are not read again)
  let digits = 0;
  for (let i = 0; i < s.length && digits < 16; i++) if (isDigit(s.charCodeAt(i))) digits++;
  if (digits < 16) return;
  const targets: Array<{ f: Found; id: string; idAsPhone: boolean }> = [];
  for (const f of scan.found) {
    if (f.type !== 'NATIONAL_ID' && f.type !== 'PHONE' && f.type !== 'CARD') continue;
    const id = f.end - f.start <= 30 ? s.slice(f.start, f.end).replace(/[^0-9]/g, '') : '';
    if (id.length < 8) continue;
    // (a valid code the doubt in the message left to the phone reading: "the correct code is 09…, not 08…")
    // (not one a phone's word labels: "M-Pesa number 0722 418 930 … went to 0722 418 903" passes Iran's check by chance)
    const idAsPhone = f.type === 'PHONE' && id.length === 10 && (iranCodeValid(id) || saudiIdValid(id)) && !phoneCueBefore(scan, f.start);
    if (f.type === 'NATIONAL_ID' || idAsPhone || mistakeTalk(scan)) targets.push({ f, id, idAsPhone });
  }
  if (!targets.length) return;
  const runs = readTypedNumbers(s).filter((r) => r.digits.length >= 8 && r.digits.length <= 19);
  // (a correction holds a few numbers: a message of many is a list, and comparing each pair would cost its square)
  if (runs.length > MAX_CORRECTION_NUMBERS) return;
  for (const { f, id, idAsPhone } of targets) {
    for (const r of runs) {
      readerSteps.count++;
      if (r.start < f.end && f.start < r.end) continue;
      const near = mistakeTalk(scan) ? oneSlip(id, r.digits) || (Math.abs(r.digits.length - id.length) <= 2 && r.digits.startsWith(id.slice(0, 3))) : (f.type === 'NATIONAL_ID' || idAsPhone) && oneSlip(id, r.digits);
      if (!near || (claimedAt(scan, r.start) >= 0 && !scan.found.some((g) => g.start <= r.start && g.end > r.start))) continue;
      const at = scan.found.find((g) => g.start < r.end && r.start < g.end);
      // (a near copy its own label names is that thing: "the M-Pesa line is 0723 418 559" beside an ID one digit
      // shorter is the line, where no correction is talked of; "ورقم الطلب 91447283" beside an ID with a "0" before it
      // the order)
      if ((at?.type === 'PHONE' && !mistakeTalk(scan) && numberCueBefore(scan, at.start) === Cue.PHONE) || (!at && recordLabelBefore(scan, r.start, isRecord))) continue;
      if (idAsPhone) f.type = 'NATIONAL_ID';
      // a slip read as a phone (an Iranian code's leading 0) is the ID's; one read as nothing (a round figure) still is
      if (at?.type === 'PHONE' && f.type === 'NATIONAL_ID') at.type = 'NATIONAL_ID';
      else if (!at) add(scan, f.type, r.start, r.end, 0.7);
    }
  }
}

/** "from <phone> to …", "من … الى …", "az … be …": the number after "to". */
const TO_NEXT = /[ \u00a0]*(?:to|into|à|a|vers|ila|ela|الى|إلى|الي|لـ|به|تا)[ \u00a0]+(\+?[0-9](?:[ -]?[0-9])*)(?![0-9A-Za-z])/iy;

/**
 * A number of a phone's length after "to" right behind a phone ("change my mobile from 92123456 to 99234567"): the
 * second phone, which alone a local length cannot tell from any other number.
 */
function findSecondPhones(scan: Scan): void {
  const s = scan.norm;
  for (let k = 0, found = scan.found.length; k < found; k++) {
    const f = scan.found[k]!;
    if (f.type !== 'PHONE' || (s.charCodeAt(f.end) !== 0x20 && s.charCodeAt(f.end) !== 0xa0)) continue;
    TO_NEXT.lastIndex = f.end;
    const m = TO_NEXT.exec(s);
    if (!m) continue;
    const start = TO_NEXT.lastIndex - m[1]!.length;
    // (the same length, or the first's without its calling code)
    const digits = (v: string): number => v.replace(/[^0-9]/g, '').length;
    const n = digits(m[1]!);
    const first = digits(s.slice(f.start, f.end));
    if (n < 7 || n > first || first - n > 3 || claimedAt(scan, start) >= 0 || followedByCurrency(scan, TO_NEXT.lastIndex)) continue;
    add(scan, 'PHONE', start, TO_NEXT.lastIndex, f.confidence);
  }
}

// ------------------------------------------------------------------ entry point

const HAS_DIGIT = 1;
const HAS_AT = 2;
/** A Latin letter next to a digit: IBAN- and passport-shaped tokens are possible. */
const LETTER_DIGIT = 4;
/** A "/" somewhere and a Latin letter before a ".": a URL is possible. */
const SLASH = 8;
const LETTER_DOT = 16;
/** A Latin letter somewhere: an address written out ("sara at gmail dot com") is possible. */
const LATIN = 32;

/** Set by preScan: the first unit normalisation changes (text length when none). */
let firstChange = 0;

// What preScan needs to know of each UTF-16 unit, in one table load: most units (Arabic letters, spaces,
// punctuation) are 0 and cost nothing more.
const C_DIGIT = 1;
const C_LETTER = 2;
const C_AT = 4;
const C_SLASH = 8;
const C_DOT = 16;
/** Bidi marks and ZWNJ: between a letter and a digit they do not separate them. */
const C_TRANSPARENT = 32;
/** Normalisation changes this unit. */
const C_CHANGES = 64;
const CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  let k = NORM[c] !== c ? C_CHANGES : 0;
  if ((c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) k |= C_TRANSPARENT;
  else if (digitValue(c) >= 0) k |= C_DIGIT;
  else if (isLatinLetter(NORM[c]!)) k |= C_LETTER;
  else if (c === 0x40) k |= C_AT;
  else if (c === 0x2f) k |= C_SLASH;
  else if (c === 0x2e) k |= C_DOT;
  CLASS[c] = k;
}

/** A space, dash or underscore: between a letter and a digit it still makes an IBAN or passport shape ("AE 98 …", "A-588…", "A_433…"). */
function isGap(c: number): boolean {
  const m = NORM[c];
  return m === 0x20 || m === 0x2d || m === 0x5f;
}

/** The word ending before the gap at `i` is one to three capitals ("AE 98", "A-588", "AB 12", "GHA-7128…"): an IBAN, a passport or an ID may start. */
function shortCapitals(s: string, i: number): boolean {
  const a = s.charCodeAt(i - 1);
  if (a < 0x41 || a > 0x5a) return false;
  const b = s.charCodeAt(i - 2);
  if (!isLatinLetter(b)) return true;
  if (b > 0x5a) return false;
  const c = s.charCodeAt(i - 3);
  return !isLatinLetter(c) || (c >= 0x41 && c <= 0x5a && !isLatinLetter(s.charCodeAt(i - 4)));
}

/** One cheap pass deciding which finders can have anything to find, and where normalisation must start. */
function preScan(s: string): number {
  let f = 0;
  let prev = 0;
  const len = s.length;
  let change = len;
  for (let i = 0; i < len; i++) {
    const k = CLASS[s.charCodeAt(i)]!;
    if (k === 0) {
      prev = 0;
      continue;
    }
    if (k & C_CHANGES && change === len) change = i;
    if (k & C_TRANSPARENT) continue;
    if (k & C_DIGIT) {
      f |= HAS_DIGIT;
      if (prev & C_LETTER || (!(f & LETTER_DIGIT) && i >= 2 && isGap(s.charCodeAt(i - 1)) && shortCapitals(s, i - 1))) f |= LETTER_DIGIT;
    } else if (k & C_LETTER) {
      f |= LATIN;
      if (prev & C_DIGIT) f |= LETTER_DIGIT;
    } else if (k & C_AT) f |= HAS_AT;
    else if (k & C_SLASH) f |= SLASH;
    else if (k & C_DOT && prev & C_LETTER) f |= LETTER_DOT;
    prev = k;
  }
  firstChange = change;
  return f;
}

const SCAN: Scan = {
  norm: '', regions: DEFAULT_REGION_HINTS, found: [], claimed: [], cueAt: -1, cueEnd: -1, cue: 0,
  cardTalk: -1, cvvTalk: -1, cvvNamed: -1, passportTalk: -1, otpTalk: -1, persian: -1, mistake: -1, lineTalk: -1, ageTalk: -1, plainDates: [], unexplained: [], recordEnd: -1,
};

export function detectSensitive(text: string, options?: DetectOptions): DetectedSpan[] {
  if (!text) return [];
  const flags = preScan(text);
  const writtenEmail = (flags & LATIN) !== 0 && mayHaveWrittenEmail(text);
  if (!(flags & (HAS_DIGIT | HAS_AT)) && !writtenEmail) return [];
  const n = normaliseTransient(text, firstChange);
  const s = n.text;
  const regions = options?.regionHints?.length ? options.regionHints.map((r) => r.toUpperCase()) : DEFAULT_REGION_HINTS;
  // one scan state, reset per message (detection is synchronous, so no two messages share it)
  const scan = SCAN;
  scan.norm = s;
  scan.regions = regions;
  // (setting an array's length costs a call into the runtime even when it is already 0)
  if (scan.found.length) scan.found.length = 0;
  if (scan.claimed.length) scan.claimed.length = 0;
  scan.cueAt = scan.cueEnd = -1;
  scan.cue = 0;
  scan.cardTalk = scan.cvvTalk = scan.cvvNamed = scan.passportTalk = scan.otpTalk = scan.persian = scan.mistake = scan.lineTalk = scan.ageTalk = -1;
  if (scan.plainDates.length) scan.plainDates.length = 0;
  if (scan.unexplained.length) scan.unexplained.length = 0;
  scan.recordEnd = -1;
  if (flags & HAS_AT) findEmails(scan);
  if (writtenEmail) findWrittenEmails(scan);
  // IBANs before links: "…/receive?iban=IR24…&amount=…" carries one
  if (flags & LETTER_DIGIT) findIbans(scan);
  // "viber://chat?number=…": a link with a scheme needs no dot
  if (flags & SLASH) {
    const schemes = (flags & LATIN) !== 0 && otherScheme(s);
    if (flags & LETTER_DOT || schemes) claimUrls(scan, schemes);
  }
  if (flags & LETTER_DIGIT) {
    findLetterIds(scan);
    findPassports(scan);
    findAffixedIds(scan);
  }
  if (flags & HAS_DIGIT) {
    findDigitRuns(scan);
    if (scan.found.length) {
      findSecondPhones(scan);
      findNearCopies(scan);
    }
    if (scan.unexplained.length) addUnexplained(scan);
  }
  if (scan.plainDates.length) findRestatedBirthDates(scan);
  const out: DetectedSpan[] = scan.found.map((f) => ({ type: f.type, start: toOriginalStart(n, f.start), end: f.type === 'DOB' ? withTatweel(text, toOriginalEnd(n, f.end)) : toOriginalEnd(n, f.end), confidence: f.confidence }));
  for (let k = 1; k < out.length; k++) {
    if (out[k - 1]!.start > out[k]!.start) {
      out.sort((x, y) => x.start - y.start || y.end - x.end);
      break;
    }
  }
  scan.norm = '';
  return out;
}
