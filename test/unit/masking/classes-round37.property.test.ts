/**
 * Property tests for round 37 (issue #20): leaks of r28's classes in generated forms. A phone dictated in number words
 * mixed with typed groups — Gulf Arabic digit words, Persian compounds ("نهصد و سیزده") between commas, Finglish
 * ones ("sisad o bist o panj") — in any digit script is one PHONE from its first word to its last digit; the same
 * words as an amount ("دویست و پنجاه هزار تومان") stay visible. A Cyrillic card line's "срок действия"/"мӯҳлат" + MM/YY
 * is the CARD_EXPIRY and a bare "код" after the card the CVV, while a "код" with no card before it is never a CVV.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSensitive } from '../../../main/core/masking';
import { digits, foundIn, luhnComplete, persian, RUNS, scriptOf, visibleIn } from './generators';

const AR_DIGIT = ['صفر', 'واحد', 'اثنين', 'ثلاثة', 'اربعه', 'خمسه', 'سته', 'سبعة', 'ثمانية', 'تسعه'];
const FI_UNIT = ['', 'yek', 'do', 'se', 'chahar', 'panj', 'shesh', 'haft', 'hasht', 'noh'];
const FI_TEEN = ['dah', 'yazdah', 'davazdah', 'sizdah', 'chahardah', 'panzdah', 'shanzdah', 'hefdah', 'hejdah', 'nuzdah'];
const FI_TEN = ['', '', 'bist', 'si', 'chehel', 'panjah', 'shast', 'haftad', 'hashtad', 'navad'];
const FI_HUNDRED = ['', 'sad', 'devist', 'sisad', 'chaharsad', 'pansad', 'sheshsad', 'haftsad', 'hashtsad', 'nohsad'];

/** A number from 10 to 999 in Finglish words ("hashtad o yek", "sizdah", "sisad o bist o panj"). */
function finglish(n: number): string {
  const parts: string[] = [];
  if (n >= 100) parts.push(FI_HUNDRED[Math.floor(n / 100)]!);
  const r = n % 100;
  if (r >= 10 && r < 20) parts.push(FI_TEEN[r - 10]!);
  else {
    if (r >= 20) parts.push(FI_TEN[Math.floor(r / 10)]!);
    if (r % 10) parts.push(FI_UNIT[r % 10]!);
  }
  return parts.join(' o ');
}
/** Two or three digits as Persian (`generators`' `persian`) or Finglish words. */
const said = (n: number, fa: boolean): string => (fa ? persian(n) : finglish(n));

const sepsFa = fc.constantFrom(' ', '، ', ' ، ', ', ');
const cueFa = fc.constantFrom('شماره ام', 'شمارم', 'موبایلم', 'شماره موبایل من', 'لطفا به این شماره زنگ بزنید:');
const cueAr = fc.constantFrom('رقمي', 'جوالي', 'كلمني على', 'تلفوني', 'رقم الجوال:');
const cueFi = fc.constantFrom('shomaram', 'shomare', 'mobilam', 'mobile:', 'be in shomare zang bezanid');

describe('masking round 37: phones dictated in words and digits', () => {
  it('Persian: "صفر" + a hundred\'s compound, a typed group and two tens\' compounds, between commas, in any digit script', () => {
    fc.assert(
      fc.property(cueFa, sepsFa, fc.integer({ min: 901, max: 939 }), digits(3), fc.integer({ min: 10, max: 99 }), fc.integer({ min: 10, max: 99 }), scriptOf, (cue, sep, op, g, a, b, sc) => {
        const v = `صفر ${said(op, true)}${sep}${sc(g)}${sep}${said(a, true)}${sep}${said(b, true)}`;
        foundIn(`${cue} ${v} است، ممنون`, v, 'PHONE');
      }),
      RUNS,
    );
  });

  it('Finglish: typed operator digits, a hundred\'s compound and four typed digits', () => {
    fc.assert(
      fc.property(cueFi, fc.constantFrom('0912', '0913', '0935', '0901'), fc.integer({ min: 100, max: 999 }), digits(4), (cue, op, h, g) => {
        const v = `${op} ${said(h, false)} ${g}`;
        foundIn(`${cue} ${v} mamnoon`, v, 'PHONE');
      }),
      RUNS,
    );
  });

  it('Gulf Arabic: digit words for the first three, typed groups for the rest, in any digit script', () => {
    fc.assert(
      fc.property(cueAr, fc.constantFrom(5, 7, 9), fc.integer({ min: 0, max: 9 }), digits(3), digits(3), digits(2), scriptOf, (cue, d2, d3, g1, g2, g3, sc) => {
        const v = `صفر ${AR_DIGIT[d2]} ${AR_DIGIT[d3]} ${sc(g1)} ${sc(g2)} ${sc(g3)}`;
        foundIn(`${cue} ${v} ضروري`, v, 'PHONE');
      }),
      RUNS,
    );
  });

  it('a number word after a whole typed number is the sentence\'s ("… سه روزه": three days; Urdu "se", Egyptian "ده"), left visible', () => {
    fc.assert(
      fc.property(fc.constantFrom('0912', '0935', '0991', '0501', '0555', '0300', '0128', '+98912', '+98935'), digits(7), fc.constantFrom('سه روزه جواب نمیده', 'دو تا پیام دادم', 'se rooze javab nemide', 'خمسه ايام ما رد', 'se call kar raha tha', 'ده مش رقمي'), scriptOf, (op, rest, words, sc) => {
        const phone = op.startsWith('05') ? sc(`${op}${rest.slice(0, 6)}`) : sc(`${op}${rest}`);
        const text = `شماره همسایه ${phone} ${words}`;
        foundIn(text, phone, 'PHONE');
        visibleIn(text, words.split(' ')[0]!);
      }),
      RUNS,
    );
  });

  it('an amount in the same words ("دویست و پنجاه هزار تومان", "sisad o bist hezar toman") is no phone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 999 }), fc.boolean(), digits(5), (n, fa, order) => {
        const amount = fa ? `${said(n, true)} هزار تومان` : `${said(n, false)} hezar toman`;
        const text = fa ? `مبلغ ${amount} برای سفارش ${order}` : `mablagh ${amount} baraye sefaresh ${order}`;
        expect(detectSensitive(text).filter((s) => s.type === 'PHONE'), text).toEqual([]);
      }),
      RUNS,
    );
  });
});

const cards = fc.constantFrom('4', '51', '55', '6037').chain((p) => digits(15 - p.length).map((b) => luhnComplete(p + b)));
const pad = (n: number) => String(n).padStart(2, '0');

describe('masking round 37: Cyrillic card lines', () => {
  it('card, then "срок (действия)"/"мӯҳлат" + MM/YY, then "код (CVV)" + three digits: expiry and CVV, in any digit script', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Карта', 'карта', 'корти ман', 'рақами корт', 'Номер карты'),
        cards,
        fc.constantFrom(' срок действия ', ', срок действия: ', '\nсрок ', ', мӯҳлат ', '\nСрок действия карты: ', ' мӯҳлати амал '),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 26, max: 35 }),
        fc.constantFrom(' код ', ', код CVV ', '\nкод: ', ' код cvv2 '),
        digits(3),
        scriptOf,
        (w, c, el, m, y, cl, cvv, sc) => {
          const exp = sc(`${pad(m)}/${y}`);
          const code = sc(cvv);
          const text = `${w} ${c}${el}${exp}${cl}${code}`;
          foundIn(text, exp, 'CARD_EXPIRY');
          foundIn(text, code, 'CVV');
        },
      ),
      RUNS,
    );
  });

  it('a bare "код" with no card before it is never a CVV', () => {
    fc.assert(
      fc.property(fc.constantFrom('код', 'пришёл код', 'код из смс', 'смс код', 'код фармоиш'), digits(4), (w, d) => {
        const text = `${w} ${d}`;
        expect(detectSensitive(text).filter((s) => s.type === 'CVV'), text).toEqual([]);
      }),
      RUNS,
    );
  });

  it('after a card, a one-time code\'s word before "код" ("смс-код", "sms код") keeps it from being the CVV', () => {
    fc.assert(
      fc.property(cards, fc.constantFrom('смс-код', 'смс код', 'sms код'), digits(4), (c, w, d) => {
        const text = `карта ${c}, пришёл ${w} ${d}`;
        expect(detectSensitive(text).filter((s) => s.type === 'CVV'), text).toEqual([]);
      }),
      RUNS,
    );
  });

  it('a delivery date after "срок доставки" beside no card stays visible', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), (d, m) => {
        visibleIn(`заказ 55120, срок доставки ${pad(d)}.${pad(m)}`, `${pad(d)}.${pad(m)}`);
      }),
      RUNS,
    );
  });
});
