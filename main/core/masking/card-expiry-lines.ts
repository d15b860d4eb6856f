/**
 * Round 36: a payment card's expiry in the layouts the other steps leave in clear, found by structure — a month 01–12
 * and a card's year (2020–2049, two digits 20–49, Jalali 1400–1419) after a card number found earlier in the message,
 * and either
 *
 * - its expiry word before it, on the same line or the line above, a little word or two between ("exp:⏎11.35",
 *   "تاريخ الانتهاء بتاعها⏎10.33", "tari5 el entiha2 Sep ۳۲", "valid till⏎۱۱.۲۵") — a month and year on a line of
 *   their own read elsewhere as a chat header's time ("11.35"), and a month's name no other step reads after an
 *   expiry word ("آب ٢٠٢٦", "фروردین ۱۴۰۷", "июл ٢٠٢٨");
 * - "exp" glued to its four digits, MMYY ("exp0829", "EXP۰۴۲۷", "exp.0131");
 * - or, with no word at all, the month and year as a line of their own ("…⏎10/2033⏎"), or right after the card
 *   number with only a space or a comma between ("5298-0177-6728-6028  Jan/29").
 *
 * A document's expiry stays visible: a passport's, an ID's, a residence permit's, a policy's, a licence's or a
 * subscription's word between the card and the date (or on the date's line) makes the date that document's, a voucher's
 * or an offer's word its, and an appointment's or a bill's word makes it a date. A date with a day ("12/11/2029") is no month and year.
 */
import { asciiDigits } from '../text/fold';
import type { DetectedSpan } from './types';

const MONTH = String.raw`(?:0?[1-9]|1[0-2])`;
const YEAR = String.raw`(?:20[2-4][0-9]|14[01][0-9]|[2-4][0-9])`;
const LONG_YEAR = String.raw`(?:20[2-4][0-9]|14[01][0-9])`;
const MONTH_NAME = [
  String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`,
  // Arabic: the Egyptian and Gulf names, the Levant's, the Maghreb's
  'يناير|فبراير|مارس|[أا]بريل|مايو|يونيو|يوليو|[أا]غسطس|سبتمبر|[أا]كتوبر|نوفمبر|ديسمبر',
  'كانون الثاني|كانون الأول|كانون الاول|شباط|[آا]ذار|نيسان|[أا]يار|حزيران|تموز|[آا]ب|[أا]يلول|تشرين الأول|تشرين الاول|تشرين الثاني',
  'جانفي|فيفري|[أا]فريل|ماي|جوان|جويلي[ةه]|[أا]وت|يوليوز|غشت|شتنبر|نونبر|دجنبر',
  // Persian (Jalali)
  'فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند',
  // Tajik and Russian
  '(?:январ|феврал|март|апрел|ма[йяю]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яёӣӯҳқғҷ]*',
].join('|');
/** A card's month and year: "09/29", "9-2029", "11.35", "09 / 29", "2029/09", "1406/08", "Aug 29", "آب ٢٠٢٦". */
const MONTH_YEAR = String.raw`(?:${MONTH}\s?[/.-]\s?${YEAR}|${LONG_YEAR}\s?[/.-]\s?${MONTH}|(?:${MONTH_NAME})[\s/.-]{0,2}${YEAR})`;
/** Nothing of a longer number or date on either side ("12/11/2029", "v10.29", "10/29 SAR" is left to the amount's rule). */
const NOT_BEFORE = String.raw`(?<![\p{L}\p{N}]|[\p{N}][/.-]|[\p{N}][/.-]\s)`;
const NOT_AFTER = String.raw`(?![\p{L}\p{N}]|\s?[/.:-]\s?[\p{N}]|\s?(?:%|\$|€|£|sar|aed|usd|egp|kwd|qar|omr|bhd|jod|irr|ريال|درهم|جنيه|دينار|تومان|ریال|دلار))`;

// expiry words, lower-cased text: English, Arabic (Gulf, Egyptian, Levantine, Maghrebi, MSA), Persian and Dari,
// Tajik and Russian, Arabizi, Finglish
const EXPIRY_WORD = String.raw`(?:exp(?:iry|iration|ires?|ir[ey]s?)?\.?(?: date)?|valid (?:thru|through|till|until|to)|good (?:thru|through|till)|(?:ال)?صالح[ةه]? (?:حتى|لغاي[ةه]|ل)|تاريخ (?:ال)?[اإ]نتهاء|(?:ال)?[اإ]نتهاء|(?:ال)?صلاحي[ةه]|ت[نب]?نتهي|بتنتهي|بتخلص|تاریخ انقضا|انقضا(?:ء|ش)?|تاريخ الصلاحي[ةه]|мӯҳлат[а-яӣӯҳ]*|муҳлат[а-яӣӯҳ]*|срок[а-я]*|engheza|enqeza|tari[5kh]+ el entiha2|entiha2|intiha2|sala7iy?a|el expiry)`;
/** A little word of the label after its word ("بتاعها", "تبعها", "date", "is", "of the card"), at most two. */
const LABEL_TAIL = String.raw`(?:[\s:：\-–—]+(?:بتاعها|بتاعتها|تبعها|ديالها|متاعها|date|is|de|la|le|هو|هي|ش|اش|کارت|card))?`;
const LABELLED = new RegExp(String.raw`(?<![\p{L}])${EXPIRY_WORD}${LABEL_TAIL}[ \t]*[:：\-–—]?[ \t]*\n?[ \t]*[:：\-–—]?[ \t]*${NOT_BEFORE}(${MONTH_YEAR})${NOT_AFTER}`, 'giu');
const GLUED = new RegExp(String.raw`(?<![\p{L}])exp\.?(${MONTH}[0-9]{2})(?![\p{L}\p{N}])`, 'giu');
/**
 * A month and year as its line's whole text (a full stop or comma may close it), apart by a slash or a dash or with the
 * month's name: "11.35" alone on a line is as likely a chat header's time.
 */
const OWN_LINE_MONTH_YEAR = MONTH_YEAR.replace(String.raw`[/.-]\s?${YEAR}`, String.raw`[/-]\s?${YEAR}`).replace(String.raw`\s?[/.-]\s?${MONTH}`, String.raw`\s?[/-]\s?${MONTH}`);
const OWN_LINE = new RegExp(String.raw`(?:^|\n)[ \t]*(${OWN_LINE_MONTH_YEAR})[ \t]*[.,]?[ \t]*(?=\n|$)`, 'giu');
/** Right after the card number: a space, a comma or a dash between. */
const RIGHT_AFTER = new RegExp(String.raw`^[ \t,،\-–—]{1,3}(${MONTH_YEAR})${NOT_AFTER}`, 'iu');

/** Words that make a date a document's, a bill's or an appointment's, not the card's. */
const NOT_THE_CARDS = /passport|iqama|\bid\b|identity|emirates id|residen|visa (?:expir|valid)|licen[cs]e|policy|insurance|subscription|membership|warranty|contract|voucher|coupon|gift ?card|promo|discount|offer|قسيم[ةه]|كوبون|هدي[ةه]|خصم|عرض|کوپن|هدیه|تخفیف|сертификат|купон|appointment|meeting|\bdue\b|\bbill|invoice|\bv(?:ersion)?\b|جواز|[إا]قام[ةه]|هوي[ةه]|بطاق[ةه] (?:ال)?(?:شخصي|وطني|تعريف)|رخص[ةه]|بوليص[ةه]|وثيق[ةه]|تأمين|تامين|اشتراك|عقد|موعد|فاتور[ةه]|استحقاق|پاسپورت|گذرنامه|کارت ملی|ملی|گواهینامه|بیمه|اشتراک|قرارداد|نوبت|قبض|паспорт|шиноснома|полис|виза|договор|тамдид/i;

/** With no expiry word, a date's own word right before makes the month and year a day's date ("charged on⏎10/29"). */
const DATE_WORD_BEFORE = /(?:\b(?:on|since|from|until|till|by|at|dated?|charged|paid|payment|transaction|purchase)|في|يوم|بتاريخ|تاريخ|منذ|من|تاریخ|روز|در|از|تا)[\s:：,]*$/;

/**
 * What any expiry word of `LABELLED` holds (and "exp" of `GLUED`), asked before them: one pass of literal words,
 * where the labelled pattern tries its look-behind and its words at every unit of a message with a card.
 */
const MAY_NAME_EXPIRY = /exp|valid|good|صالح|تاريخ|نتهاء|نتهي|صلاحي|بتخلص|انقضا|ҳлат|срок|engheza|enqeza|entiha2|intiha2|sala7i/iu;

/** No span of `spans` overlaps [a, b). */
function free(spans: readonly DetectedSpan[], a: number, b: number): boolean {
  return !spans.some((s) => s.start < b && a < s.end);
}

/** The value [a, b) of `t` follows a card of `spans` and nothing between (nor its own line) names a document, a bill or a meeting. */
function followsCard(t: string, lower: string, spans: readonly DetectedSpan[], a: number, b: number): boolean {
  let last: DetectedSpan | undefined;
  for (const s of spans) if (s.type === 'CARD' && s.end <= a) last = s;
  if (!last) return false;
  const lineStart = t.lastIndexOf('\n', a - 1) + 1;
  const lineEnd = t.indexOf('\n', b);
  return !NOT_THE_CARDS.test(lower.slice(Math.min(last.end, lineStart), lineEnd < 0 ? t.length : lineEnd));
}

/** `out` (else a copy of `spans`) with [a, b) as the card's expiry, if it is free and the card's (see `followsCard`). */
function withExpiry(out: DetectedSpan[] | undefined, spans: DetectedSpan[], t: string, lower: string, a: number, b: number, confidence: number, worded: boolean): DetectedSpan[] | undefined {
  if (!free(out ?? spans, a, b) || !followsCard(t, lower, spans, a, b) || (!worded && DATE_WORD_BEFORE.test(lower.slice(Math.max(0, a - 24), a)))) return out;
  (out ??= [...spans]).push({ type: 'CARD_EXPIRY', start: a, end: b, confidence });
  return out;
}

const PATTERNS = [[LABELLED, 0.8], [GLUED, 0.8], [OWN_LINE, 0.7]] as const;

export function withCardExpiryLines(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!spans.some((s) => s.type === 'CARD')) return spans;
  const t = asciiDigits(text);
  // (a lower-casing that changes the length, a dotted capital I, would move every offset: read the text as it is)
  const folded = t.toLowerCase();
  const lower = folded.length === t.length ? folded : t;
  let out: DetectedSpan[] | undefined;
  const named = MAY_NAME_EXPIRY.test(lower);
  for (const [re, confidence] of PATTERNS) {
    if (re !== OWN_LINE && !named) continue;
    re.lastIndex = 0;
    for (let m = re.exec(lower); m; m = re.exec(lower)) {
      // (the value closes the match but for an own line's padding)
      const a = re === OWN_LINE ? m.index + m[0].indexOf(m[1]!) : m.index + m[0].length - m[1]!.length;
      out = withExpiry(out, spans, t, lower, a, a + m[1]!.length, confidence, re !== OWN_LINE);
    }
  }
  for (const s of spans) {
    if (s.type !== 'CARD') continue;
    const m = RIGHT_AFTER.exec(lower.slice(s.end, s.end + 40));
    if (m) out = withExpiry(out, spans, t, lower, s.end + m[0].length - m[1]!.length, s.end + m[0].length, 0.75, false);
  }
  return out ? out.sort((x, y) => x.start - y.start || y.end - x.end) : spans;
}
