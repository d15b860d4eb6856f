/**
 * Recognising dates (Gregorian, Hijri, Jalali, Afghan solar, Nepali) in digits or with month names. Whether a date is a birth date is
 * decided by context, not here.
 */
import { isLetterOrNumberUnit, isLetterUnit } from '../text/letters';
import { foldKeyword, FoldedWords } from './detection-text';

/**
 * One table of month names: per calendar and language, the twelve months in order (spaces between months, "|"
 * between spellings of one month, "-" where a language has no name of its own, "_" between the words of one name).
 * Every date pattern and the date reader take their month names from here.
 */
const MONTH_TABLE: ReadonlyArray<string> = [
  // English
  'january february march april may june july august september october november december',
  'jan feb mar apr - jun jul aug sep|sept oct nov dec',
  // Arabic (Egypt/Gulf), Levantine/Iraqi, Hijri
  'يناير فبراير مارس ابريل|أبريل مايو يونيو|يونيه يوليو|يوليه اغسطس|أغسطس سبتمبر اكتوبر|أكتوبر نوفمبر ديسمبر',
  'كانون_الثاني شباط آذار|اذار نيسان أيار|ايار حزيران تموز آب|اب أيلول|ايلول تشرين_الأول|تشرين_الاول تشرين_الثاني كانون_الأول|كانون_الاول',
  'محرم صفر ربيع_الأول|ربيع_الاول ربيع_الآخر|ربيع_الثاني جمادى_الأولى|جمادى_الاولى جمادى_الآخرة|جمادى_الثانية رجب شعبان رمضان شوال ذو_القعدة|ذي_القعدة ذو_الحجة|ذي_الحجة',
  // Hijri months in Latin letters, as English, Arabizi and Finglish writers spell them
  'muharram|moharram|muharam safar rabi_al_awwal|rabi_ul_awwal|rabi_al_awal rabi_al_thani|rabi_al_akhir|rabi_ul_akhir|rabi_us_sani jumada_al_ula|jumada_al_awwal jumada_al_akhira|jumada_al_thani rajab shaban|shaaban ramadan|ramadhan|ramazan|ramadaan shawwal|shawal|showal dhul_qadah|dhul_qa3da|dhu_al_qadah|zul_qadah dhul_hijjah|dhu_al_hijjah|zul_hijjah|dhul_hijja',
  // Persian: Gregorian month names and Jalali months
  'ژانویه فوریه مارس آوریل مه|می ژوئن ژوئیه اوت|آگوست سپتامبر اکتبر نوامبر دسامبر',
  'فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند',
  // Dari: the Afghan solar months (Hamal … Hut) and the Gregorian months as said in Kabul
  'حمل ثور جوزا سرطان اسد سنبله میزان عقرب قوس جدی دلو حوت',
  'جنوری فبروری مارچ اپریل - جون جولای اگست سپتمبر اکتوبر نومبر دسمبر',
  // the Afghan solar months in Latin letters, as Afghans write them in English
  'hamal sawr|saur|sowr|thawr jawza|jauza|jowza saratan asad sunbula|sonbola|sombola|sunbulah mizan|meezan aqrab|akrab qaws|qaus|qous jadi|jaddi dalw|dalv hut|hoot|hout',
  // the Nepali Bikram Sambat months, in Latin letters and in Devanagari
  'baisakh|baishakh|vaisakh jestha|jeth|jeshtha asar|asadh|ashadh|ashad shrawan|saun|sawan|shravan bhadra|bhadau asoj|ashwin|aswin kartik|kattik mangsir|mangshir|marga poush|paush magh falgun|phalgun|fagun chaitra|chait',
  'बैशाख|वैशाख जेठ|जेष्ठ असार|आषाढ साउन|श्रावण भदौ|भाद्र असोज|आश्विन कार्तिक|कात्तिक मंसिर|मार्ग पुस|पौष माघ फागुन|फाल्गुन चैत|चैत्र',
  // Finglish Jalali
  'farvardin ordibehesht khordad tir mordad shahrivar mehr aban azar dey bahman esfand',
  // French (Maghrebi writers switch to it), with and without accents
  'janvier février|fevrier mars avril mai juin juillet août|aout septembre octobre novembre décembre|decembre',
  'janv févr|fevr - avr - - juil|juill - - - - déc',
  // Moroccan and Algerian/Tunisian Arabic month names
  'جانفي فيفري - أفريل|افريل ماي جوان يوليوز|جويلية|جويليه غشت|أوت|اوت شتنبر - نونبر دجنبر',
  // Spanish (Moroccan writers switch to it: "14 de marzo de 1986") and Turkish, with and without their letters
  'enero febrero marzo abril mayo junio julio agosto septiembre|setiembre octubre noviembre diciembre',
  'ocak şubat|subat mart nisan mayıs|mayis haziran temmuz ağustos|agustos eylül|eylul ekim kasım|kasim aralık|aralik',
  // the Afghan solar months in Pashto (Wray … Kab), as Afghans write them in Persian letters too
  'وری غویی|غوایی غبرګولی|غبرگولی چنګاښ|چنگاښ|چنگاش زمری وږی|وږي|وگی تله لړم|لرم لیندۍ|لیندی|لیندئ مرغومی سلواغه کب',
  // the Kurdish (Sorani) solar months, the Jalali year's twelve, in Kurdish and in Persian letters
  'خاکه‌لیوه|خاکەلێوە گولان|گوڵان جوزردان|جۆزەردان پوشپر|پووشپەڕ گلاویژ|گەلاوێژ خرمانان|خەرمانان رزبر|ڕەزبەر خزلور|گەڵاڕێزان سرماوز|سەرماوەز بفرانبار|بەفرانبار ریبندان|ڕێبەندان رشمه|ڕەشەمێ',
];

/** Each spelling with its month number (1–12). */
const MONTH_ENTRIES: ReadonlyArray<readonly [string, number]> = MONTH_TABLE.flatMap((row) => {
  const months = row.split(' ');
  if (months.length !== 12) throw new Error(`a month row needs twelve months: ${row}`);
  return months.flatMap((spellings, i) => (spellings === '-' ? [] : spellings.split('|').map((name) => [name, i + 1] as const)));
});
const MONTH_NAMES = MONTH_ENTRIES.map(([name]) => name);
/** Every month name's spelling as written (its words joined by "_"), longest first: for patterns over unfolded text. */
export const MONTH_SPELLINGS: readonly string[] = [...new Set(MONTH_NAMES)].sort((a, b) => b.length - a.length);

/** A month name's number, by its folded words joined by one space ("ربيع الاول", "hamal"), or undefined. */
const MONTH_NUMBERS = new Map<string, number>(MONTH_ENTRIES.map(([name, n]) => [foldKeyword(name.toLowerCase()).replace(/_/g, ' '), n]));
export function monthNumber(foldedName: string): number | undefined {
  return MONTH_NUMBERS.get(foldedName);
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const foldedMonths = [...new Set(MONTH_NAMES.map((m) => foldKeyword(m.toLowerCase()).replace(/_/g, ' ')))];
const monthAlt = [...foldedMonths]
  .sort((a, b) => b.length - a.length)
  // "ربیع‌الاول": a ZWNJ joins the words, and normalisation drops it
  .map((m) => esc(m).replace(/ /g, '\\s*'))
  .join('|');

/** The last word of every month name (folded), and Persian "ماه": a cheap test before the month-name regexes. */
export const MONTH_LAST_WORDS = FoldedWords.of([
  ...MONTH_NAMES.flatMap((m) => [foldKeyword(m.toLowerCase()).split('_').pop()!, foldKeyword(m.toLowerCase()).replace(/_/g, '')]),
  'ماه',
]);
/** Every word of every month name (folded): "ذو" and "الحجه" of "ذو الحجة". */
export const MONTH_WORDS = FoldedWords.of([
  ...MONTH_NAMES.flatMap((m) => [...foldKeyword(m.toLowerCase()).split('_'), foldKeyword(m.toLowerCase()).replace(/_/g, '')]),
  'ماه',
]);

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
/** A month name, optionally followed by Persian "ماه" (month): "۷ دی ماه ۱۳۶۹". */
const MONTH = `(?:${monthAlt})(?:\\s+ماه)?`;
/**
 * Between a month name and a year: spaces, dashes, slashes, dots, Latin and Arabic commas, an apostrophe ("Mar '85"),
 * a year's word ("مارس عام ١٩٩٨", "اسفند سال ۱۳۷۰"; folded text) or Spanish "de" ("marzo de 1986").
 */
const BEFORE_YEAR = "[\\s,\u060c\\-/.'\u2019]*(?:(?:عام|سنه|سال|de|del)\\s+)?";
/**
 * In folded text, a day and month name right before a year: "12 march ", "march 12, ", "12th of march ", "march the
 * 12th, ", "۱۲ فروردین ". Sticky: run it with `execAtEnd`.
 */
export const TEXT_DATE_BEFORE_YEAR = new RegExp(
  `${NOT_WORD_BEFORE}(?:\\d{1,2}(?:st|nd|rd|th|er)?[\\s\\-/.]*(?:(?:of|de)\\s+)?${MONTH}|${MONTH}[\\s\\-/.]*(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)?)${BEFORE_YEAR}$`,
  'uy',
);
/** In folded text, a month name right before a day or a year: "jun " (23 1970), "مارس " (1992). Sticky: run it with `execAtEnd`. */
export const MONTH_RIGHT_BEFORE = new RegExp(`${NOT_WORD_BEFORE}${MONTH}${BEFORE_YEAR}$`, 'uy');

/** The units a match of the two patterns above can start with: an ASCII digit or a month name's first letter. */
const DATE_FIRST = new Uint8Array(0x10000);
for (const c of [...'0123456789'].map((d) => d.charCodeAt(0)).concat(foldedMonths.map((m) => m.charCodeAt(0)))) DATE_FIRST[c] = 2;
for (let d = 0x30; d <= 0x39; d++) DATE_FIRST[d] = 1;
/**
 * A month name's first two units (its first letter and the next, a space where its words may be joined): a letter
 * as common as "e" or "و" opens a month name somewhere in the table, so a position is tried only where the next unit
 * goes on as one does.
 */
const MONTH_OPENINGS = new Set<number>(foldedMonths.flatMap((m) => [(m.charCodeAt(0) << 16) | m.charCodeAt(1), ...(m[1] === ' ' ? [(m.charCodeAt(0) << 16) | m.charCodeAt(2)] : [])]));

/**
 * `re.exec(text)` for one of the sticky patterns above (anchored at the end, opening with NOT_WORD_BEFORE and a digit or
 * a month name): the leftmost match, found by trying only the positions where one can start. Unanchored, the engine
 * tries every position of the window against every month name.
 */
export function execAtEnd(re: RegExp, text: string): RegExpExecArray | null {
  for (let p = 0; p < text.length; p++) {
    const first = DATE_FIRST[text.charCodeAt(p)];
    if (!first || (first === 2 && !MONTH_OPENINGS.has((text.charCodeAt(p) << 16) | text.charCodeAt(p + 1)))) continue;
    if (p > 0) {
      const c = text.charCodeAt(p - 1);
      // (a surrogate is left to the pattern's own look-behind)
      if ((c < 0xd800 || c > 0xdfff) && isLetterOrNumberUnit(c)) continue;
    }
    re.lastIndex = p;
    const m = re.exec(text);
    if (m) return m;
  }
  return null;
}

/** In folded text, a month name and day right after a year: " march 12", " فروردین ۱۲" (year-first layouts). */
export const TEXT_DATE_AFTER_YEAR = new RegExp(`^[\\s,\\-/]*${MONTH}[\\s,\\-/]*\\d{1,2}(?![\\p{L}\\p{N}])`, 'u');

export function plausibleYear(y: number, digits: number): boolean {
  if (digits === 2) return true;
  return digits === 4 && y >= 1300 && y <= 2100;
}

function dm(d: number, m: number): boolean {
  return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

/** Three groups of digits with one kind of separator: D/M/Y, M/D/Y, Y/M/D (Gregorian, Hijri or Jalali years). */
export function numericDateValid(g1: string, g2: string, g3: string): boolean {
  const a = +g1;
  const b = +g2;
  const c = +g3;
  if (g1.length === 4) return plausibleYear(a, 4) && g2.length <= 2 && g3.length <= 2 && dm(c, b);
  if (g1.length > 2 || g2.length > 2) return false;
  // "70/07/03": a two-digit year first (Jalali dates are written year first) when it cannot be a day
  if (g1.length === 2 && a > 31 && g3.length <= 2) return dm(c, b);
  if (g3.length !== 4 && g3.length !== 2) return false;
  if (!plausibleYear(c, g3.length)) return false;
  return dm(a, b) || dm(b, a);
}

/**
 * A day written as an ordinal word before a month name: "الخامس عشر من رمضان", "پانزدهم فروردین", "the fifteenth
 * of March", "twenty-first of May". Folded words; "عشر"/"و"/"and" join the parts of a compound ordinal.
 */
const ORDINAL_DAYS = new Set(
  [
    'الاول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الحادي الحاديه العشرين الثلاثين والعشرين والثلاثين',
    'اول ثاني ثالث رابع خامس سادس سابع ثامن تاسع عاشر حادي عشرين ثلاثين',
    // Egyptian and Levantine spellings ("التاني والعشرين", "تالت")
    'التاني التالت التامن تاني تالت تامن الحداشر',
    'یکم اول دوم سوم چهارم پنجم ششم هفتم هشتم نهم دهم یازدهم دوازدهم سیزدهم چهاردهم پانزدهم شانزدهم هفدهم هجدهم هیجدهم نوزدهم بیستم سیم سیام',
    'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth',
    'sixteenth seventeenth eighteenth nineteenth twentieth thirtieth',
    // a day said as a cardinal ("خمسة وعشرين مارس", Egyptian "تلاتة وعشرين ابريل", "بیست و پنج اسفند")
    'واحد اتنين اثنين تلاته ثلاثه اربعه خمسه سته سبعه تمنيه تمانيه ثمانيه تسعه عشره احداشر اتناشر تلتاشر اربعتاشر خمستاشر',
    'ستاشر سبعتاشر تمنتاشر طمنتاشر تسعتاشر وعشرين وتلاتين وثلاثين تلاتين',
    'یک دو سه چهار پنج شش هفت هشت نه ده یازده دوازده سیزده چهارده پونزده پانزده شونزده شانزده هفده هیفده هجده هیجده نوزده بیست',
  ]
    .join(' ')
    .split(' ')
    .map(foldKeyword),
);
/** The tens before an ordinal or a cardinal ("بیست و یکم", "twenty-first"): part of the day only when one follows. */
const ORDINAL_TENS = new Set(['twenty', 'thirty', 'بیست', 'سی'].map(foldKeyword));
/** Words inside a compound ordinal ("الخامس عشر", "بیست و یکم") or between it and the month ("من", "of"). */
const ORDINAL_GLUE = new Set(['عشر', 'عشره', 'و', 'and', 'من', 'of', 'the'].map(foldKeyword));

/**
 * Where a date that starts at the month name (folded text `s`, month at `monthStart`) really starts when a day in
 * words comes before it: the first ordinal word, or `monthStart` when there is none.
 */
export function ordinalDayStart(s: string, monthStart: number): number {
  let start = monthStart;
  let p = monthStart - 1;
  let sawOrdinal = false;
  for (let words = 0; words < 5 && p >= 0; words++) {
    while (p >= 0 && (s[p] === ' ' || s[p] === '-')) p--;
    const we = p + 1;
    while (p >= 0 && isLetterUnit(s.charCodeAt(p))) p--;
    const w = s.slice(p + 1, we);
    if (!w) break;
    if (ORDINAL_DAYS.has(w) || (sawOrdinal && ORDINAL_TENS.has(w))) {
      sawOrdinal = true;
      start = p + 1;
    } else if (!ORDINAL_GLUE.has(w)) break;
    // "من" or "of" alone before the month is no day
  }
  return sawOrdinal ? start : monthStart;
}
