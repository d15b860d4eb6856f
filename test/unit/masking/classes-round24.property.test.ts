/**
 * Property tests for round 24 (issue #20): the told r17 set's leak classes, generated in their formats — birth dates
 * in Spanish, Turkish, Pashto and Kurdish, a birth year in words or written wrong in the tazkira, labels in Turkish, a
 * CVV2 spelt in Persian letters, a code named a sentence before the number that "just landed", phones by a SIM's or a
 * phone's word and an ID by its card's label, values split over a chat export's timestamped lines — each beside
 * decoys of the same shape (record words the lexicon lacked, serials, a card's last four).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSensitive } from '../../../main/core/masking';
import { digits, foundIn, luhnComplete, persian, RUNS, SCRIPTS, visibleIn } from './generators';

const inScript = (k: number) => (d: string) => d.replace(/[0-9]/g, (x) => SCRIPTS[k]![+x]!);
const script = fc.constantFrom(0, 1, 2).map(inScript);

const SPANISH = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const PASHTO = ['وری', 'غویی', 'غبرگولی', 'چنگاښ', 'زمری', 'وږی', 'تله', 'لړم', 'لیندۍ', 'مرغومی', 'سلواغه', 'کب'];
const KURDISH = ['خاکه‌لیوه', 'گولان', 'جوزردان', 'پوشپر', 'گلاویژ', 'خرمانان', 'رزبر', 'خزلور', 'سرماوز', 'بفرانبار', 'ریبندان', 'رشمه'];
const day = fc.integer({ min: 1, max: 28 });

describe('masking round 24: birth dates in more calendars and languages', () => {
  it('a Spanish date ("14 de marzo de 1986") after an Arabic, Darija or Spanish birth word is the birth date; after an order\'s word it stays visible', () => {
    fc.assert(
      fc.property(
        day,
        fc.constantFrom(...SPANISH),
        fc.integer({ min: 1940, max: 2008 }),
        fc.constantFrom('تاريخ الميلاد ديالي ', 'تاريخ ميلادي ', 'Fecha de nacimiento: ', 'nací el ', 'mi fecha de nacimiento es el '),
        fc.constantFrom('', ' وشكرا', '. Gracias', '، عافاكم'),
        (d, month, year, label, post) => {
          const date = `${d} de ${month} de ${year}`;
          foundIn(`Hola, ${label}${date}${post}`, date, 'DOB');
          visibleIn(`el pedido del ${d} de ${month} de 2024 llegó roto`, `${d} de ${month} de 2024`);
        },
      ),
      RUNS,
    );
  });

  it('a Turkish birth label ("doğum tarihi", "doğum tarihim") names the dotted date after it, in any digit script', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1940, max: 2008 }), fc.constantFrom('doğum tarihi ', 'Doğum tarihim: ', 'dogum tarihim ', 'DOĞUM TARİHİ '), script, (d, m, y, label, sc) => {
        const date = sc(`${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`);
        foundIn(`Merhaba, ${label}${date} ama sistemde farklı`, date, 'DOB');
      }),
      RUNS,
    );
  });

  it('Afghan solar months in Pashto and Kurdish solar months, after a birth word, are the birth date; after an appointment\'s word, visible', () => {
    fc.assert(
      fc.property(
        day,
        fc.constantFrom(...PASHTO, ...KURDISH),
        fc.integer({ min: 1320, max: 1385 }),
        fc.constantFrom('تاریخ تولدم ', 'زما د زیږیدو نیټه ', 'پدرم تاریخ تولدش ', 'تاریخ تولد مه '),
        script,
        (d, month, y, label, sc) => {
          const date = `${sc(String(d))} ${month} ${sc(String(y))}`;
          foundIn(`${label}${date} است`, date, 'DOB');
          visibleIn(`قرار ملاقات ما ${sc(String(d))} ${month} ${sc('1403')} بود`, `${sc(String(d))} ${month} ${sc('1403')}`);
        },
      ),
      RUNS,
    );
  });

  it('a two-digit birth year in words after "متولد" is the birth year; the same words as an age stay visible', () => {
    fc.assert(
      fc.property(fc.integer({ min: 21, max: 89 }).filter((n) => n % 10 !== 0), fc.constantFrom('مادرم متولد ', 'پدرم متولد ', 'متولد '), (n, pre) => {
        const year = persian(n);
        foundIn(`${pre}${year} است، کد ملیش ثبت نمیشه`, year, 'DOB');
        visibleIn(`مادرم ${year} سال دارد، متولد هرات است`, year);
      }),
      RUNS,
    );
  });

  it('a year one slip from the birth year, written so in the tazkira, is the birth date; a year far from it stays visible', () => {
    fc.assert(
      // (the wrong year one slip away: its last digit one up)
      fc.property(day, fc.constantFrom('حمل', 'سنبله', 'حوت', 'جدی'), fc.integer({ min: 1330, max: 1380 }).filter((y) => y % 10 !== 9), script, (d, month, y, sc) => {
        const wrong = sc(String(y + 1));
        foundIn(`تاریخ تولدم ${sc(String(d))} ${month} ${sc(String(y))} است و در تذکره ${wrong} نوشته شده`, wrong, 'DOB');
        visibleIn(`تاریخ تولدم ${sc(String(d))} ${month} ${sc(String(y))} است و تذکره‌ام را سال ${sc('1395')} گرفتم`, sc('1395'));
      }),
      RUNS,
    );
  });
});

/** Turkey's T.C. kimlik number: eleven digits, not opening with 0, two check digits. */
const kimlik = digits(9)
  .filter((d) => d[0] !== '0')
  .map((p) => {
    const d = [...p].map(Number);
    const d10 = (((d[0]! + d[2]! + d[4]! + d[6]! + d[8]!) * 7 - (d[1]! + d[3]! + d[5]! + d[7]!)) % 10 + 10) % 10;
    const d11 = (d.reduce((a, b) => a + b, 0) + d10) % 10;
    return p + d10 + d11;
  });

describe('masking round 24: Turkish labels', () => {
  it('a passport (a letter and eight digits) after "pasaport", a kimlik number after "kimlik no"; a cargo or order number stays visible', () => {
    fc.assert(
      fc.property(fc.constantFrom('U', 'S', 'Z', 'P'), digits(8), kimlik, fc.constantFrom('Pasaport no: ', 'pasaport numaram ', 'PASAPORT NO '), fc.constantFrom('T.C. kimlik no: ', 'kimlik numaram ', 'Kimlik No '), (letter, d, id, pLabel, kLabel) => {
        foundIn(`Merhaba, ${pLabel}${letter}${d}, vizem için lazım`, `${letter}${d}`, 'PASSPORT');
        foundIn(`${kLabel}${id} kayıt olmuyor`, id, 'NATIONAL_ID');
        visibleIn(`Kargo takip no ${id.slice(1)}, teşekkürler`, id.slice(1));
        visibleIn(`Sipariş no ${d}, hâlâ gelmedi`, d);
      }),
      RUNS,
    );
  });
});

describe('masking round 24: CVV2 spelt in Persian letters', () => {
  it('after a card, "سی‌وی‌وی۲", "سی وی وی ۲", "کد cvv2" and the three digits are the CVV, the "2" no part of them', () => {
    fc.assert(
      fc.property(
        digits(15).map((b) => luhnComplete('6' + b.slice(1))),
        digits(3).filter((c) => c[0] !== '0'),
        fc.constantFrom('سی‌وی‌وی۲', 'سی وی وی ۲', 'کد cvv2', 'سی‌وی‌وی', 'سي في في ٢'),
        script,
        (card, cvv, label, sc) => {
          const text = `شماره کارتم ${sc(card)} ${label} ${sc(cvv)} ولی خرید انجام نشد`;
          foundIn(text, sc(cvv), 'CVV');
          const spans = detectSensitive(text);
          const hit = spans.find((s) => s.type === 'CVV')!;
          expect(text.slice(hit.start, hit.end), text).toBe(sc(cvv));
        },
      ),
      RUNS,
    );
  });
});

describe('masking round 24: a code named in the sentence before the number that arrived', () => {
  it('"… OTP wey I no request? 384920 just land now now." and its siblings are one-time codes; an amount that landed stays visible', () => {
    fc.assert(
      fc.property(
        // (four digits that read as a year, "2001 just land", are left to the year's rules)
        fc.integer({ min: 4, max: 6 }).chain((n) => digits(n).filter((c) => c[0] !== '0' && !c.endsWith('00') && !/^(?:19|20)\d\d$/.test(c))),
        fc.constantFrom('Why una dey send me OTP wey I no request? ', 'I never requested any verification code. ', 'من کد تایید درخواست نکرده بودم. ', 'ما طلبت رمز تحقق. ', 'Una dey send me code wey I no ask for!'),
        fc.constantFrom(' just land now now.', ' came a minute ago', ' همین الان رسید', ' وصلني قبل شوي', ' don land'),
        (code, pre, arrived) => {
          foundIn(`${pre} ${code}${arrived} Somebody dey try my account?`, code, 'OTP');
          visibleIn(`${pre} ${code}000 naira just land for my account`, `${code}000`);
        },
      ),
      RUNS,
    );
  });
});

/** Gulf mobiles of eight digits (Qatar, Bahrain, Kuwait, Oman). */
const gulfMobile = fc.tuple(fc.constantFrom('33', '55', '66', '50', '36', '39', '97'), digits(6)).map(([p, r]) => p + r);
const AR_DIGITS = ['صفر', 'واحد', 'اثنين', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة'];
/** Digits said one by one in Arabic, a pair of the same digit said "دبل" and the digit. */
const dictated = (d: string): string => {
  const out: string[] = [];
  for (let i = 0; i < d.length; i++) {
    if (d[i] === d[i + 1]) {
      out.push('دبل', AR_DIGITS[+d[i]!]!);
      i++;
    } else out.push(AR_DIGITS[+d[i]!]!);
  }
  return out.join(' ');
};

describe('masking round 24: phones by structure and what is said around them', () => {
  it('eight digits after a bare "number" word, typed or dictated with "دبل", then "اتصلوا علي" are a phone', () => {
    fc.assert(
      fc.property(gulfMobile, fc.constantFrom(' اتصلوا علي بعد العصر', ' كلموني الله يخليكم', ' اتصلوا عليه'), fc.boolean(), (d, after, words) => {
        const value = words ? dictated(d) : d;
        foundIn(`[رسالة صوتية] الرقم ${value}${after}`, value, 'PHONE');
      }),
      RUNS,
    );
  });

  it('a Yemeni mobile without its trunk zero after the SIM\'s word is a phone, and eleven digits after the personal card\'s label are the ID', () => {
    fc.assert(
      // (an ID opening "00" reads as an international call's prefix, as everywhere)
      fc.property(fc.constantFrom('77', '73', '71', '70'), digits(7), digits(10).filter((d) => d[0] !== '0'), script, fc.constantFrom('الشريحة حقي ', 'شريحتي ', 'رقم الشريحة '), fc.constantFrom('بطاقة شخصية رقم ', 'رقم البطاقة الشخصية ', 'البطاقة الشخصية: '), (p, r, id, sc, sim, card) => {
        const phone = sc(p + r);
        const nid = sc('0' + id);
        const text = `${sim}${phone} واقفة من شهر، وعندي ${card}${nid} ايش المطلوب؟`;
        foundIn(text, phone, 'PHONE');
        foundIn(text, nid, 'NATIONAL_ID');
      }),
      RUNS,
    );
  });
});

/**
 * A chat export's line in its layouts: a timestamp with no writer's name (an export of one side's messages), a time and
 * a name with no brackets, a date without its year, a name alone, and a header line with the message under it.
 */
type Line = (t: string, body: string) => string;
const line = fc.constantFrom<Line>(
  (t, b) => `[${t}] ${b}`,
  (t, b) => `[${t} م] ${b}`,
  (t, b) => `[${t}, 3/12/2026] ${b}`,
  (t, b) => `3/12/26, ${t} - ${b}`,
  (t, b) => `${t} Ahmed: ${b}`,
  (t, b) => `[6/12 ${t}] هبة: ${b}`,
  (_, b) => `Ahmed: ${b}`,
  (t, b) => `Ahmed Ali, [06.12.2026 ${t}]\n${b}`,
  (t, b) => `Ahmed ${t} PM\n${b}`,
);

describe('masking round 24: a value split over a chat export\'s timestamped lines', () => {
  it('a phone or a card typed on in the next timestamped line is masked, both parts, as that value', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(digits(7).map((r) => '0912' + r), fc.constant(7), fc.constantFrom('شمارمو میدم', 'رقمي', 'my number'), fc.constant('PHONE' as const)),
          fc.tuple(digits(7).map((r) => '055' + r), fc.constant(6), fc.constantFrom('رقمي', 'شماره‌ام'), fc.constant('PHONE' as const)),
          fc.tuple(digits(15).map((b) => luhnComplete('4' + b.slice(1))), fc.constant(8), fc.constantFrom('card number', 'شماره کارت'), fc.constant('CARD' as const)),
        ),
        line,
        script,
        ([value, cut, label, type], ln, sc) => {
          const [a, b] = [sc(value.slice(0, cut)), sc(value.slice(cut))];
          const text = [ln(sc('21:14'), label), ln(sc('21:14'), a), ln(sc('21:15'), b), ln(sc('21:15'), 'ok')].join('\n');
          foundIn(text, a, type);
          foundIn(text, b, type);
        },
      ),
      RUNS,
    );
  });

  it('decoys: a tracking code after its label line and the lines\' times and dates stay visible', () => {
    fc.assert(
      fc.property(digits(6).filter((d) => d[0] !== '0'), line, script, (d, ln, sc) => {
        const text = [ln(sc('10:02'), 'کد رهگیری سفارشم'), ln(sc('10:02'), sc(d)), ln(sc('10:03'), 'کی میرسه؟')].join('\n');
        expect(detectSensitive(text), text).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('masking round 24: record words and serials stay visible', () => {
  it('a form\'s, an institution\'s account, a file\'s and an invoice\'s number, an IMEI and a card\'s serial after their words', () => {
    fc.assert(
      fc.property(digits(8).filter((d) => d[0] !== '0' && d[0] !== '1'), digits(14).map((b) => luhnComplete('35' + b.slice(2, 14))), script, (d, imei, sc) => {
        for (const [text, v] of [
          [`ابي تحولون على حساب المؤسسة رقم ${sc(d)} (من الاكسل)`, sc(d)],
          [`رقم الاستمارة ${sc(d.slice(1))} وما طلعت البطاقة`, sc(d.slice(1))],
          [`Dear team, File number ${d}. Nobody replied.`, d],
          [`my file no. is ${d}, can you check?`, d],
          [`موضوع: صورتحساب شماره ${sc('1403-' + d.slice(0, 4))}`, sc('1403-' + d.slice(0, 4))],
          [`گوشی ره خریدم، آی‌ام‌ای ${sc(imei)} رجیستر نیست`, sc(imei)],
          [`ای ام ای گوشیم ${sc(imei)} هست`, sc(imei)],
          [`کریدت کارت پر کدم، سریال کارت ${sc(d + '4477')} پول نرسید`, sc(d + '4477')],
        ] as const) visibleIn(text, v);
      }),
      RUNS,
    );
  });

  it('a card\'s last four after Darija\'s "it ends with" ("كتسالا ب") stays visible', () => {
    fc.assert(
      fc.property(digits(4), fc.constantFrom('الكارط ديالي كتسالا ب ', 'بغيت نوقف الكارط لي كتسالا ب ', 'la tarjeta كتسالا ب '), (d, pre) => {
        visibleIn(`${pre}${d} وما بقاتش خدامة، بغيت نبدل الكود`, d);
      }),
      RUNS,
    );
  });
});
