/**
 * Property tests for round 17b (issue #20): birth dates, card expiries and security codes as people really give them,
 * classes the lead named from a blind set (its rows were not shown). Dates are generated as order × calendar (Gregorian,
 * Hijri, Jalali, Afghan solar, Nepali) × digit script × words or ordinals × separators × where the birth word stands,
 * with a second form in brackets, or answering a question on an earlier line; security codes described without a
 * card word, spaced or not; Arabizi expiry verbs. On the other side: the same dates as appointments, orders, trips and
 * documents' expiries, and a quoted birth question whose next line is about something else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSensitive, NEVER_REVEALABLE, type SensitiveType } from '../../../main/core/masking';
import { readDates } from '../../../main/core/masking/date-reader';
import { normalise } from '../../../main/core/masking/detection-text';
import { digits, foundIn, luhnComplete, persian, RUNS, scriptOf, visibleIn } from './generators';

const ALNUM = /[\p{L}\p{N}]/u;

/** Every letter and digit of `value` (where it last occurs) is inside a span of `type`. */
function coveredAs(text: string, value: string, type: SensitiveType): void {
  const at = text.lastIndexOf(value);
  expect(at, `${value} not in ${text}`).toBeGreaterThanOrEqual(0);
  const spans = detectSensitive(text).filter((s) => s.type === type);
  for (let i = at; i < at + value.length; i++) {
    if (ALNUM.test(text[i]!)) expect(spans.some((s) => s.start <= i && s.end > i), `${JSON.stringify(value)} not masked as ${type} in ${JSON.stringify(text)}: ${JSON.stringify(detectSensitive(text))}`).toBe(true);
  }
}

interface Calendar {
  names: readonly string[][];
  years: [number, number];
  /** Written after the date ("BS"), or nothing. */
  suffix: readonly string[];
}
const CALENDARS: Record<string, Calendar> = {
  gregorian: {
    names: [
      ['January', 'Jan', 'يناير', 'كانون الثاني', 'ژانویه', 'جنوری'], ['February', 'Feb', 'فبراير', 'شباط', 'فوریه', 'فبروری'], ['March', 'Mar', 'مارس', 'آذار', 'مارچ'], ['April', 'Apr', 'أبريل', 'نيسان', 'آوریل', 'اپریل'],
      ['May', 'مايو', 'أيار'], ['June', 'Jun', 'يونيو', 'حزيران', 'ژوئن', 'جون'], ['July', 'Jul', 'يوليو', 'تموز', 'ژوئیه', 'جولای'], ['August', 'Aug', 'أغسطس', 'آب', 'اوت', 'اگست'],
      ['September', 'Sept', 'سبتمبر', 'أيلول', 'سپتامبر'], ['October', 'Oct', 'أكتوبر', 'تشرين الأول', 'اکتبر'], ['November', 'Nov', 'نوفمبر', 'تشرين الثاني', 'نوامبر'], ['December', 'Dec', 'ديسمبر', 'كانون الأول', 'دسامبر'],
    ],
    years: [1940, 2006],
    suffix: ['', ' AD'],
  },
  hijri: {
    names: [['محرم', 'Muharram'], ['صفر', 'Safar'], ['ربيع الأول'], ['ربيع الآخر'], ['جمادى الأولى'], ['جمادى الآخرة'], ['رجب', 'Rajab'], ['شعبان', 'Shaban'], ['رمضان', 'Ramadan'], ['شوال', 'Shawwal'], ['ذو القعدة'], ['ذو الحجة']],
    years: [1360, 1426],
    suffix: ['', ' هـ'],
  },
  jalali: {
    names: [['فروردین', 'farvardin'], ['اردیبهشت', 'ordibehesht'], ['خرداد', 'khordad'], ['تیر', 'tir'], ['مرداد', 'mordad'], ['شهریور', 'shahrivar'], ['مهر', 'mehr'], ['آبان', 'aban'], ['آذر', 'azar'], ['دی'], ['بهمن', 'bahman'], ['اسفند', 'esfand']],
    years: [1320, 1385],
    suffix: ['', ' ش', ' شمسی'],
  },
  afghan: {
    names: [['Hamal', 'حمل'], ['Sawr', 'Saur', 'ثور'], ['Jawza', 'جوزا'], ['Saratan', 'سرطان'], ['Asad', 'اسد'], ['Sunbula', 'سنبله'], ['Mizan', 'میزان'], ['Aqrab', 'عقرب'], ['Qaws', 'قوس'], ['Jadi', 'جدی'], ['Dalw', 'دلو'], ['Hut', 'Hoot', 'حوت']],
    years: [1320, 1385],
    suffix: [''],
  },
  nepali: {
    names: [['Baisakh', 'Baishakh'], ['Jestha', 'Jeth'], ['Asar', 'Ashadh'], ['Shrawan', 'Saun'], ['Bhadra', 'Bhadau'], ['Asoj', 'Ashwin'], ['Kartik'], ['Mangsir'], ['Poush', 'Paush'], ['Magh'], ['Falgun', 'Phalgun'], ['Chaitra', 'Chait']],
    years: [1997, 2062],
    suffix: ['', ' BS', ' B.S.'],
  },
};
const calendar = fc.constantFrom(...Object.values(CALENDARS));

/** A date with a month name: day, month and year in one of the orders people use, with a separator (and its parts). */
const namedDateParts = calendar.chain((cal) =>
  fc.record({
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.integer({ min: cal.years[0], max: cal.years[1] }),
    pick: fc.nat(),
    order: fc.constantFrom('dmy', 'ymd', 'mdy'),
    sep: fc.constantFrom(' ', '-', ', '),
    ordinal: fc.boolean(),
    suffix: fc.constantFrom(...cal.suffix),
    script: scriptOf,
  }).map(({ day, month, year, pick, order, sep, ordinal, suffix, script }) => {
    const names = cal.names[month - 1]!;
    const name = names[pick % names.length]!;
    const latin = /^[A-Za-z]/.test(name);
    const d = script(String(day)) + (ordinal && latin && order === 'dmy' ? (day === 1 ? 'st' : day === 2 ? 'nd' : day === 3 ? 'rd' : 'th') : '');
    const y = script(String(year));
    const sepAfterName = sep === ', ' && order !== 'mdy' ? ' ' : sep;
    const body = order === 'dmy' ? `${d}${sep}${name}${sepAfterName}${y}` : order === 'ymd' ? `${y}${sep}${name}${sepAfterName}${d}` : `${name}${sep === ', ' ? ' ' : sep}${d}${sep}${y}`;
    return { text: body + suffix, day, month, year };
  }),
);
const namedDates = namedDateParts.map((d) => d.text);

const BIRTH_BEFORE = ['date of birth ', 'DOB: ', 'born ', 'my birthday is ', 'تاريخ الميلاد ', 'مواليد ', 'تاریخ تولدم ', 'متولد ', 'tavallodam ', 'mawaleed ', 'tazkira birth date '];

describe('round 17b: the date reader (property)', () => {
  it('reads back the day, the month and the year of a date with a month name, in any order and digit script', () => {
    fc.assert(
      fc.property(namedDateParts, fc.constantFrom('', 'hi ', 'سلام '), (d, lead) => {
        const read = readDates(normalise(`${lead}${d.text} ok`).text);
        expect(read, JSON.stringify(d)).toHaveLength(1);
        expect([read[0]!.day, read[0]!.month, read[0]!.year]).toEqual([d.day, d.month, d.year]);
      }),
      RUNS,
    );
  });
});

describe('round 17b: birth dates with month names of five calendars, in any order (property)', () => {
  it('day, month name and year in any order, any digit script, with the birth word before', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BIRTH_BEFORE), namedDates, fc.constantFrom('', ' thanks', ' شكرا', ' please'), (cue, date, post) => {
        coveredAs(`${cue}${date}${post}`, date, 'DOB');
      }),
      RUNS,
    );
  });

  it('a second form of the same birth date in brackets right after the first is masked too', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BIRTH_BEFORE), namedDates, namedDates, fc.constantFrom(['(', ')'], [' (', ')'], [' [', ']'], [' = ', ''], [' i.e. ', '']), (cue, first, second, [open, close]) => {
        const text = `${cue}${first}${open}${second}${close} ok?`;
        coveredAs(text, first, 'DOB');
        coveredAs(text, second, 'DOB');
      }),
      RUNS,
    );
  });

  it('the same dates after an appointment, an order, a trip or a document\'s expiry stay visible', () => {
    const event = fc.constantFrom('appointment on ', 'my order came on ', 'the flight is ', 'I arrived on ', 'passport expires ', 'موعدي ', 'الطلب وصل ', 'سفارشم رسید ', 'ملاقات ');
    fc.assert(
      fc.property(event, namedDates, (cue, date) => {
        visibleIn(`${cue}${date} thanks`, date);
      }),
      RUNS,
    );
  });
});

const AR_UNITS = ['', 'واحد', 'اثنين', 'ثلاثة', 'اربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة', 'عشرة', 'احدعش', 'اثنعش', 'ثلطعش', 'اربعطعش', 'خمسطعش', 'سطعش', 'سبعطعش', 'ثمنطعش', 'تسعطعش'];
const AR_TENS = ['', '', 'عشرين', 'ثلاثين', 'اربعين', 'خمسين', 'ستين', 'سبعين', 'ثمانين', 'تسعين'];
/** An Arabic number under a hundred in words ("خمسة وخمسين"). */
function arabic(n: number): string {
  if (n < 20) return AR_UNITS[n]!;
  return n % 10 ? `${AR_UNITS[n % 10]} و${AR_TENS[Math.floor(n / 10)]}` : AR_TENS[n / 10]!;
}
const PERSIAN_MONTHS = CALENDARS.jalali!.names.map((n) => n[0]!);
/** A Persian ordinal day ("بیست و یکم", "سی‌ام", "پنجم"). */
function persianOrdinal(n: number): string {
  if (n === 1) return 'یکم';
  if (n === 3) return 'سوم';
  if (n === 30) return 'سی‌ام';
  const w = persian(n);
  return w.endsWith('سه') ? `${w.slice(0, -2)}سوم` : `${w}م`;
}

describe('round 17b: birth dates said in words (property)', () => {
  it('year, month and day each after its own word, in any order, in words or digits ("سنة الف وتسعمية وخمسين، شهر ستة، يوم عشرين")', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1930, max: 1999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom([0, 1, 2], [2, 1, 0], [1, 2, 0], [0, 2, 1]),
        fc.constantFrom('، ', ' ', ', '),
        fc.boolean(),
        scriptOf,
        fc.constantFrom('انا مولود ', 'مواليد ', 'ابوي مواليد ', 'تاريخ ميلادي '),
        (y, m, d, order, sep, inWords, script, cue) => {
          const yw = inWords ? `الف وتسعمية و${arabic(y - 1900)}` : script(String(y));
          const parts = [`سنة ${yw}`, `شهر ${inWords ? arabic(m) : script(String(m))}`, `يوم ${inWords ? arabic(d) : script(String(d))}`];
          const value = order.map((k) => parts[k]!).join(sep);
          // (from the first value on: its own word before it is not the value)
          coveredAs(`${cue}${value} الله يحفظك`, value.slice(value.indexOf(' ') + 1), 'DOB');
        },
      ),
      RUNS,
    );
  });

  it('a Persian ordinal day, a Jalali month and a two-digit year in words ("بیست و یکم اسفند شصت و هفت")', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 20, max: 85 }), fc.constantFrom('تاریخ تولدم ', 'متولد ', 'تولد من '), (d, m, y, cue) => {
        const value = `${persianOrdinal(d)} ${PERSIAN_MONTHS[m - 1]} ${persian(y)}`;
        coveredAs(`${cue}${value} هست`, value, 'DOB');
      }),
      RUNS,
    );
  });
});

describe('round 17b: a birth date answering a question on an earlier line (property)', () => {
  const question = fc.constantFrom('> بوت: ما هو تاريخ الميلاد؟', '> Bot: What is your date of birth?', '> Agent: could you confirm your birth date?', '> پشتیبانی: تاریخ تولدتون؟', '> المساعد: شو تاريخ ميلادك؟');
  const numeric = fc.record({ d: fc.integer({ min: 13, max: 28 }), m: fc.integer({ min: 1, max: 12 }), y: fc.integer({ min: 1940, max: 2005 }), sep: fc.constantFrom('/', '-', '.'), ymd: fc.boolean() }).map(({ d, m, y, sep, ymd }) =>
    ymd ? `${y}${sep}${String(m).padStart(2, '0')}${sep}${String(d).padStart(2, '0')}` : `${d}${sep}${String(m).padStart(2, '0')}${sep}${y}`,
  );

  it('the date on a later line is masked, with a speaker\'s name or an aside between', () => {
    fc.assert(
      fc.property(question, fc.constantFrom('', '> Me: one sec\n', '> انا: ثانية\n'), fc.constantFrom('', 'العميل: ', 'here: ', 'تفضل ', 'sure, '), numeric, scriptOf, (q, aside, lead, date, script) => {
        const value = script(date);
        coveredAs(`${q}\n${aside}${lead}${value}`, value, 'DOB');
      }),
      RUNS,
    );
  });

  it('a date on a later line about an order, a trip or an appointment stays visible', () => {
    fc.assert(
      fc.property(question, fc.constantFrom('my order 88231 from ', 'الطلب رقم 4471 تاريخه ', 'appointment moved to ', 'سفارش ۷۷۰۲ تاریخ '), numeric, scriptOf, (q, lead, date, script) => {
        visibleIn(`${q}\n${lead}${script(date)} is late`, script(date));
      }),
      RUNS,
    );
  });
});

describe('round 17b: card security codes described without a card word, expiry verbs in dialects (property)', () => {
  const cards = fc.tuple(fc.constantFrom('4', '5'), digits(14)).map(([p, d]) => luhnComplete(p + d));

  it('"re your question (the code on the back) – 8 1 5", "رمز الأمان ٥٥٢", "کد پشت کارت ۷ ۱ ۹": a CVV, spaced or not', () => {
    const described = fc.constantFrom('re your question (what\'s the code on the back) – it\'s ', 'the 3 numbers behind the card are ', 'the digits on the back: ', 'رمز الأمان ', 'الرقم اللي ورا البطاقة ', 'کد پشت کارت ', 'رمز امنیتی ');
    fc.assert(
      fc.property(described, digits(3), fc.boolean(), scriptOf, (lead, code, spaced, script) => {
        const value = script(spaced ? code.split('').join(' ') : code);
        foundIn(`${lead}${value}`, value, 'CVV');
      }),
      RUNS,
    );
    expect(NEVER_REVEALABLE).toContain('CVV');
  });

  it('"yntahi 03/28", "tentehi", "ينتهي", "valid till" after a card: its expiry', () => {
    fc.assert(
      fc.property(cards, fc.constantFrom(' yntahi ', ' tentehi ', ' btentehi ', ' ينتهي ', ' تنتهي ', ' valid till ', ' تاريخ الانتهاء ', ' انقضا '), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 25, max: 34 }), scriptOf, (card, verb, m, y, script) => {
        const value = script(`${String(m).padStart(2, '0')}/${y}`);
        foundIn(`carte ${script(card)}${verb}${value}`, value, 'CARD_EXPIRY');
      }),
      RUNS,
    );
  });

  it('an ID card\'s or a passport\'s expiry in a message about a payment card stays visible', () => {
    fc.assert(
      fc.property(cards, fc.constantFrom('my ID card expires ', 'national ID valid till ', 'بطاقة الهوية تنتهي ', 'کارت ملی انقضا ', 'passport expires '), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2026, max: 2034 }), scriptOf, (card, lead, m, y, script) => {
        const value = script(`${String(m).padStart(2, '0')}/${y}`);
        visibleIn(`card ${script(card)}. ${lead}${value}`, value);
      }),
      RUNS,
    );
  });
});
