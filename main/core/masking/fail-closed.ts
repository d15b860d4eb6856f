/**
 * Long numbers nobody explained are masked (round 18, fail closed). A run of FAIL_CLOSED_DIGITS or more digits (any
 * script, groups joined as the run reader joins them) that no detector typed is masked unless one of the reasons
 * below says what it is. These reasons are the only way such a number stays visible; `whyVisible` in detect.ts asks
 * them in this order and names the first that holds.
 */
import { luhnValid } from './checksums';
import { foldKeyword } from './detection-text';

export const FAIL_CLOSED_DIGITS = 7;
/** The confidence of a value masked only because nothing explained it (lower than any reading's): any reading wins. */
export const FAIL_CLOSED_CONFIDENCE = 0.5;

export const Visible = {
  /** A record's label names it: order, booking, ticket, tracking, invoice, case, reference, meter, account, flight,
   * policy, serial, IMEI… (the lexicon's record cues, in every language it knows, before it or as its label right
   * after it; RECORD_ONLY_BEFORE), a bare "number" word in a message about a record, a "#" before it, the next number
   * of a record's list, or a year and a serial joined by a slash ("N° 2024/118834"). A code's tail after letters and
   * digits ("AWB 1Z 88X 421 0399") is not explained: an IBAN's groups after its "SA03" look the same. */
  RECORD: 'record',
  /** An amount: a currency word or sign beside it, an amount's word, a decimal part, thousands groups, or a round
   * figure (one digit and zeros). */
  AMOUNT: 'amount',
  /** A date or a time: a date the run reader joined to its time ("2024-05-03 14:22"), one in spaces ("01 01 2024"),
   * or one written as a block, yyyymmdd or a timestamp yyyymmddhhmm(ss). */
  DATE_OR_TIME: 'date-or-time',
  /** A version: after a version's word, or three or more groups joined by dots that are not thousands ("10.4.12.3381"). */
  VERSION: 'version',
  /** A SIM's serial (ICCID): nineteen or twenty digits opening with 89, the telecoms' industry number, that pass Luhn
   * (ISO/IEC 7812: no payment card opens with 89), or eighteen to twenty from 89 after a SIM's word. */
  SIM_SERIAL: 'sim-serial',
  /** Twenty digits or more: a carrier's or a bank's tracking format; no personal number is that long. */
  TRACKING_FORMAT: 'tracking-format',
  /** Two years joined by a dash or a slash, the second not before the first ("2015-2024"). */
  YEAR_RANGE: 'year-range',
  /** A quantity: a unit right after it ("2500000 ml", "12000000 grams", "۳۰۰۰۰۰۰ گرم"). */
  QUANTITY: 'quantity',
  /** A company's own number: toll-free and unified service numbers (800…, 1800…, 0800…, 9200…, 600…). */
  COMPANY_NUMBER: 'company-number',
  /** Round 31: a code a quoted prize, vote or subscription text tells the customer to send, and the short number it goes
   * to ("send code 88210 to 300044", `promo-code.ts`): the code goes out, so it is no login code, and the number is a
   * service's. */
  SENT_TO_SHORT_NUMBER: 'sent-to-short-number',
} as const;
export type Visible = (typeof Visible)[keyof typeof Visible];
// Explained before a run is read at all (and so never reaching whyVisible): a link's path that is no phone link
// (claimUrls), an amount closed by its currency at a run's end (amountStart), a date with a month name or in a
// calendar's layout (textDateAround, the 'date' verdict), letters glued to the digits (readRun: "RB799750822AE").

/**
 * Words that name a record's number only where they label a long number nothing else typed: too common as a verb, or
 * as a word for the customer's own phone ("رقم جهازي"), to be the lexicon's record cues, which veto a phone too.
 * Matched on folded text, as the label's last word right before the number ("رقم الجهاز …", "شماره درخواست: …", "file no. is …").
 */
// (an appointment's number: the word is a date's role, "موعدي ١٢/٥", so it labels only a long number right after it)
// (a file's number: "file" alone is too common — "the number on file is 0748…" is a phone)
const RECORD_ONLY_WORDS = ['جهاز', 'الجهاز', 'درخواست', 'درخواستم', 'device', 'darkhast', 'موعد', 'الموعد', 'appointment', 'نوبت', 'نوبتم', 'confirmation', 'confirmation number', 'confirmation no', 'confirmation nr', 'confirmation num', 'conf no', 'conf number', 'numéro de confirmation', 'número de confirmación', 'رقم التأكيد', 'رقم تأكيد', 'رقم التأكيد الخاص بي', 'شماره تأیید', 'شماره تایید', 'file number', 'file no', 'file nr'];
/** (round 30: "confirmation number 7731-204-66", "رقم التأكيد ٥٥٢٠-١١٨-٧٣": a booking's confirmation number is the company's record; "confirmation code" stays a code's word, no number word after it here) */
export const RECORD_ONLY_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${RECORD_ONLY_WORDS.map(foldKeyword).join('|')})[ .:#]*(?:(?:is|was) *)?$`, 'iu');

/**
 * A booking's confirmation number (round 30): "confirmation number", "conf. no", "رقم التأكيد", "شماره تأیید",
 * "numéro de confirmation" right before a number name the company's record of a booking, whatever the number's
 * layout ("7731-204-66", "7731 204 66" read as a phone or an ID otherwise). A number's word must stand with the
 * confirmation's ("confirmation code 551902" stays a one-time code's label).
 */
export const CONFIRMATION_NUMBER_BEFORE =
  /(?:^|[^\p{L}])(?:conf(?:irmation|irm)?\.? ?(?:number|num|no|nr|#|n°)|(?:num[ée]ro|n[uú]mero) de confirma(?:tion|ción|cion|ção)|(?:[وب]?(?:رقم|الرقم|شماره|نمبر|نمره))(?: \p{L}+)? (?:ال)?(?:ت[أا]كيد|ت[أا][یي][یي]?د)(?: \p{L}+)?)[ .:#]*(?:(?:is|was|هو|هي|هست|:) *)?$/iu;

/**
 * A serial's or a device's identifier word with the thing it belongs to after it: "سریال کارت …" (a card's serial,
 * not its number), "IMEI گوشیم …", an IMEI spelt in Persian or Arabic letters ("آی‌ام‌ای", "ای ام ای", "الايمي"), "S/N",
 * "serial no." (round 31: a voucher's serial in fours or a phone's IMEI is typed by no reading after it — see
 * `classify`). Matched on folded text, the thing's words (at most two: "الايمي حق جوالي") between the label and the number.
 */
const SERIAL_OF = new RegExp(`(?:^|[^\\p{L}])(?:serial(?: (?:no|number|nr))?|s ?/ ?n|s\\.n\\.?|imei(?: ?[12])?|${['سریال', 'سیریال', 'سريال', 'سيريال', 'آی ?ام ?ای', 'ای ?ام ?ای', '(?:ال)?[اآأإ]يمي', '(?:ال)?[اآأإ]ي ?ام ?[اآأإ]ي'].map(foldKeyword).join('|')})(?: \\p{L}+){0,2}[ .:#]*$`, 'iu');
/**
 * What any label of `SERIAL_OF` holds, asked first: its pattern tries a letter class at every unit of the words before
 * each candidate of eight digits or more, and 29 of the dev set's 668 such windows hold one (the two together cost a
 * quarter of the pattern alone there).
 */
const MAY_NAME_SERIAL = new RegExp(`serial|/|s\\.n|imei|${['سريال', 'سيريال', 'يمي', 'ي ?ام'].map(foldKeyword).join('|')}`, 'iu');
/** `SERIAL_OF`'s test on folded text, after `MAY_NAME_SERIAL`'s. */
export const SERIAL_OF_BEFORE = { test: (folded: string): boolean => MAY_NAME_SERIAL.test(folded) && SERIAL_OF.test(folded) };

/** A version's word right before the number. */
export const VERSION_BEFORE = /(?:\bv|\bver|\bversion|\bbuild|\brelease|\bfirmware|\bios|\bandroid|نسخه|نسخة|اصدار|إصدار|ورژن)[ .:]*(?:[0-9]{1,6}[ .])?$/iu;

/**
 * A currency sign right before the number (the words are the lexicon's CURRENCY cues), or before the first group of
 * it when the sign is glued to that group ("€3014 1503 858": the run reader leaves a glued group out).
 */
const CURRENCY_SIGN_BEFORE = /(?:[$€£¥₹₦﷼₱]|\b(?:rs|inr|pkr|kes|ksh|sh|rm|php|tl|dh|dhs)\.?|(?:ل\.س|ج\.م|د\.ك|ر\.س|د\.إ|ر\.ق|ر\.ع|د\.ب|د\.ا|د\.ع))[ \u00a0]*(?:[0-9]{1,6}[ ,.])?$/iu;

/**
 * The signs that are also short words — "R" (rand), "N" (naira), "LE" (Egyptian pounds) — only in capitals, or in
 * lower case glued to the digits: apart and in lower case they are texting's "are" and "and" and French's "le" ("my id
 * number r 48213957"), which explain nothing.
 */
const WORD_SIGN_BEFORE = /(?:\b(?:N|R|LE)\.?[ \u00a0]*|\b(?:n|r|le)\.?)(?:[0-9]{1,6}[ ,.])?$/u;

/** A currency sign right before the number (`text` ends where the number starts). */
export function currencySignBefore(text: string): boolean {
  return CURRENCY_SIGN_BEFORE.test(text) || WORD_SIGN_BEFORE.test(text);
}

/** A unit right after a quantity. */
export const UNIT_AFTER = /^[ \u00a0]?(?:kg|kgs|g|gr|grams?|grammes?|mg|ml|l|lt|litres?|liters?|km|m|cm|mm|sqm|m2|ft|pcs|pieces?|units?|items?|boxes|cartons?|bags?|gb|mb|tb|kb|mah|kwh|kw|w|watts?|volts?|calories|kcal|steps|views|followers|likes|kilos?|tons?|tonnes?|كيلو|كجم|كغ|كلغ|غرام|جرام|جم|غ|طن|متر|م|سم|لتر|مل|قطعه|قطعة|حبه|حبة|وحده|وحدة|كرتون|كيس|گرم|کیلو|کیلوگرم|تن|متر|سانت|لیتر|میلی|عدد|بسته|کارتن|کیسه)(?![\p{L}\p{N}])/iu;

/** A SIM's word before a number: "رقم الشريحة المكتوب ورا …", "ICCID:", "sim serial", "سیم‌کارت". */
const SIM_WORD_BEFORE = /(?:\bsim\b|iccid|شريح[ةه]|سیم ?کارت|سيم ?كارت)[^\n\d]{0,28}$/iu;

/**
 * An ICCID (see Visible.SIM_SERIAL): 19 or 20 digits from 89 with a valid Luhn check digit, or 18 to 20 from 89 after
 * a SIM's word (a check digit miscopied from the card).
 */
export function simSerial(d: string, before: string): boolean {
  if (d.length < 18 || d.length > 20 || !d.startsWith('89')) return false;
  return ((d.length === 19 || d.length === 20) && luhnValid(d)) || SIM_WORD_BEFORE.test(before);
}

/**
 * Toll-free and unified service numbers: a company's own line, which it prints on every page ("800-2263", "800 124
 * 4567", "9200 12345", "1-800-…" and North America's other toll-free codes (833 to 888) with its leading 1 only: ten digits from 1 are a Saudi ID's shape), also after a
 * calling code ("966 800 123 4657").
 */
export function companyNumber(d: string): boolean {
  const local = /^(?:966|971|965|974|973|968|20|98)(?=800|8001|9200|600)/.exec(d);
  return /^(?:800\d{4,7}|8001\d{6,8}|1[89]00\d{7}|18(?:33|44|55|66|77|88)\d{7}|0800\d{6,7}|9200\d{5}|600\d{6})$/.test(local ? d.slice(local[0].length) : d);
}

/** A date (yyyymmdd) or a timestamp (yyyymmddhhmm, yyyymmddhhmmss) written as one block. */
export function compactDateTime(d: string): boolean {
  if (d.length !== 8 && d.length !== 12 && d.length !== 14) return false;
  const y = +d.slice(0, 4);
  const m = +d.slice(4, 6);
  const day = +d.slice(6, 8);
  if (!((y >= 1950 && y <= 2099) || (y >= 1340 && y <= 1499)) || m < 1 || m > 12 || day < 1 || day > 31) return false;
  if (d.length === 8) return true;
  return +d.slice(8, 10) < 24 && +d.slice(10, 12) < 60 && (d.length === 12 || +d.slice(12, 14) < 60);
}

/** Two years joined into a range ("2015-2024", "1399/1403"). */
export function yearRange(first: string, second: string): boolean {
  if (first.length !== 4 || second.length !== 4) return false;
  const a = +first;
  const b = +second;
  const year = (y: number): boolean => (y >= 1900 && y <= 2099) || (y >= 1300 && y <= 1499);
  return year(a) && year(b) && b >= a && b - a <= 100;
}
