/**
 * Property tests for round 36 (issue #20): card expiries and IBANs in generated formats. An expiry after a card number
 * and its word — on the line above, with a little word between, as MM.YY (read elsewhere as a chat header's time), as a
 * month's name in English, Arabic (three calendars' names), Persian or Tajik, "exp" glued to MMYY, after the Tajik
 * "мӯҳлат" in any digit script and with a Jalali year — is the card's expiry; a document's, a policy's, a voucher's
 * expiry beside a card, a date after "charged on", a time alone on its line stay visible. An IBAN whose account part
 * holds capitals in groups of any length, a joined IBAN a line break cuts once, or groups joined by " - " is found by
 * its mod-97 check, and the same shapes with a wrong check stay visible.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { digits, expectFound, foundIn, luhnComplete, mod97, RUNS, scriptOf, visibleIn } from './generators';

const cards = fc.constantFrom('4', '51', '55', '6037', '6219').chain((p) => digits(15 - p.length).map((b) => luhnComplete(p + b)));
const months = fc.integer({ min: 1, max: 12 });
const years = fc.integer({ min: 25, max: 39 });
const pad = (n: number) => String(n).padStart(2, '0');
const NAMES = [
  ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
  ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'],
  ['جانفي', 'فيفري', 'مارس', 'أفريل', 'ماي', 'جوان', 'جويلية', 'أوت', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
  ['январ', 'феврал', 'март', 'апрел', 'май', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'],
];
const FA_NAMES = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
const labels = fc.constantFrom('exp', 'exp:', 'expiry date', 'valid thru', 'good thru', 'صالحة حتى', 'تاريخ الانتهاء', 'تاريخ الانتهاء بتاعها', 'الصلاحية', 'بتنتهي', 'انقضا', 'تاریخ انقضا:', 'мӯҳлат', 'tari5 el entiha2', 'engheza');
const between = fc.constantFrom(' ', ', ', '\n', '\nthe one I used yesterday\n', '\nنفس اللي استخدمتها امس\n', '\nهمونی که دیروز باهاش خرید کردم\n');
const cardWords = fc.constantFrom('card', 'my visa', 'البطاقة', 'الكارت بتاعي', 'کارتم', 'корти', 'la carte');

describe('masking round 36: card expiries in generated formats', () => {
  it('a month and year after its expiry word — same line or the line above, MM.YY included — after a card, in any digit script', () => {
    fc.assert(
      fc.property(cardWords, cards, between, labels, fc.constantFrom(' ', '\n'), months, years, fc.constantFrom('/', '.', '-', ' / '), scriptOf, (w, c, bt, l, gap, m, y, sep, sc) => {
        const v = sc(`${pad(m)}${sep}${y}`);
        foundIn(`${w} ${c}${bt}${l}${gap}${v}`, v, 'CARD_EXPIRY');
      }),
      RUNS,
    );
  });

  it("a month's name and its year after the expiry word, in English, Arabic's three calendars of names, Persian (Jalali) and Tajik", () => {
    fc.assert(
      fc.property(cards, between, labels, months, years, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1404, max: 1410 }), scriptOf, (c, bt, l, m, y, k, jy, sc) => {
        const v = k === 5 ? `${FA_NAMES[m - 1]} ${sc(String(jy))}` : `${NAMES[k]![m - 1]} ${sc(`20${y}`)}`;
        foundIn(`card ${c}${bt}${l} ${v}`, v, 'CARD_EXPIRY');
      }),
      RUNS,
    );
  });

  it('"exp" glued to MMYY after a card', () => {
    fc.assert(
      fc.property(cards, fc.constantFrom('exp', 'EXP', 'Exp', 'exp.'), months, years, scriptOf, (c, w, m, y, sc) => {
        const v = sc(`${pad(m)}${y}`);
        foundIn(`card ${c} ${w}${v} pls cancel`, v, 'CARD_EXPIRY');
      }),
      RUNS,
    );
  });

  it('after "мӯҳлат": Jalali years first or last and month names, in any digit script', () => {
    fc.assert(
      fc.property(cards, months, fc.integer({ min: 1404, max: 1410 }), fc.constantFrom(0, 1, 2), scriptOf, (c, m, jy, form, sc) => {
        const v = form === 0 ? sc(`${jy}/${pad(m)}`) : form === 1 ? sc(`${pad(m)}/${jy}`) : `${NAMES[4]![m - 1]} ${sc('2029')}`;
        foundIn(`корти ${c}\nмӯҳлаташ ${v}`, v, 'CARD_EXPIRY');
      }),
      RUNS,
    );
  });

  it("with no word: a month and year as a line of its own after the card's lines, or right after the card", () => {
    fc.assert(
      fc.property(cardWords, cards, months, years, fc.boolean(), scriptOf, (w, c, m, y, own, sc) => {
        const v = sc(`${pad(m)}/${y}`);
        foundIn(own ? `${w} ${c}\nthe one I used yesterday\n${v}\nthanks` : `${w} ${c}, ${v}`, v, 'CARD_EXPIRY');
      }),
      RUNS,
    );
  });

  it("a document's, a policy's or a voucher's expiry beside a card, a date after \"charged on\" and a time alone on its line stay visible", () => {
    const decoys = fc.constantFrom(
      (v: string) => `my passport expires\n${v}`,
      (v: string) => `policy expires ${v}`,
      (v: string) => `بیمه‌نامه تا ${v} اعتبار داره`,
      (v: string) => `voucher exp ${v}`,
      (v: string) => `الإقامة تنتهي\n${v}`,
      (v: string) => `it was charged on\n${v}`,
      (v: string) => `appointment:\n${v}`,
    );
    fc.assert(
      fc.property(cards, decoys, months, years, scriptOf, (c, d, m, y, sc) => {
        const v = sc(`${pad(m)}/${y}`);
        visibleIn(`card ${c} was charged twice. ${d(v)}`, v);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(cards, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (c, h, mi) => {
        visibleIn(`Ahmed: card ${c}\n${pad(h)}.${pad(mi)}\nAgent: hello`, `${pad(h)}.${pad(mi)}`);
      }),
      RUNS,
    );
  });

  // the lead's read of the merged round: a card paid for a policy still has its own expiry — an insurance word before
  // the card's expiry label does not make the date the policy's (an insurer's customers pay premiums by card)
  it("a card's expiry after its label stays masked when an insurance or policy word comes before the label", () => {
    const purposes = fc.constantFrom('for the insurance renewal,', 'to pay my policy premium', 'for my car insurance', 'لدفع التأمين', 'لتجديد البوليصة،', 'برای بیمه', 'baraye bime', 'барои полис');
    const cardLabels = fc.constantFrom('exp', 'expiry', 'exp.', 'valid thru', 'صالحة حتى', 'تاريخ الانتهاء', 'انقضا', 'تاریخ انقضا', 'мӯҳлат');
    fc.assert(
      fc.property(cardWords, cards, purposes, cardLabels, months, years, scriptOf, (w, c, p, l, m, y, sc) => {
        const v = sc(`${pad(m)}/${y}`);
        foundIn(`${w} ${sc(c)} ${p} ${l} ${v}`, v, 'CARD_EXPIRY');
      }),
      RUNS,
    );
  });
});

const CAPS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
/** IBANs whose account part mixes capitals among the digits (Qatar, Kuwait, Jordan, Bahrain, Italy, Malta, Cyprus…). */
const lettered = fc
  .constantFrom<[string, number]>(['QA', 25], ['KW', 26], ['JO', 26], ['BH', 18], ['IT', 23], ['MT', 27], ['CY', 24], ['PK', 20], ['GR', 23], ['KZ', 16])
  .chain(([cc, n]) =>
    fc.array(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 9 }).map(String) }, { weight: 1, arbitrary: fc.constantFrom(...CAPS) }), { minLength: n, maxLength: n }).filter((a) => a.slice(4).some((x) => /[A-Z]/.test(x))).map((a) => {
      const b = a.join('');
      return cc + String(98 - mod97(b + cc + '00')).padStart(2, '0') + b;
    }),
  );
const shapes = fc.constantFrom(
  (v: string) => `${v.slice(0, 4)} ${v.slice(4, 6)} ${v.slice(6, 12)} ${v.slice(12, 19)} ${v.slice(19)}`,
  (v: string) => `${v.slice(0, 14)}\n${v.slice(14)}`,
  (v: string) => v.replace(/(.{4})(?=.)/g, '$1 - '),
);
const ibanLabels = fc.constantFrom('', 'IBAN: ', 'آيبان ', 'رقم الحساب الدولي:\n', 'شبا ', 'ИБАН ');

describe('masking round 36: IBANs by their check', () => {
  it('capitals among the digits in uneven groups, a joined IBAN cut once by a line break, groups joined by " - "', () => {
    fc.assert(
      fc.property(lettered, shapes, ibanLabels, (v, sh, l) => {
        const text = `${l}${sh(v)} thanks`;
        expectFound(text, l.length, l.length + sh(v).length, 'IBAN');
      }),
      RUNS,
    );
  });

  it('the same shapes with a wrong check digit stay visible (nothing proves them)', () => {
    fc.assert(
      fc.property(lettered, shapes, (v, sh) => {
        const wrong = v.slice(0, 2) + String((+v.slice(2, 4) + 1) % 100).padStart(2, '0') + v.slice(4);
        const text = `ref ${sh(wrong)} thanks`;
        visibleIn(text, sh(wrong).slice(0, 4));
      }),
      RUNS,
    );
  });
});
