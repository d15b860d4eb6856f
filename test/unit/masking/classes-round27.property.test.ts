/**
 * Property tests for round 27 (issue #20): the told r20 set's leak classes, generated in their formats — birth years in
 * words, decades and a second calendar's year, a card's bare expiry and security code and its "date", corrections
 * typed by their sentence, other countries' IDs (NHS, HKID), Lebanese phones after "عالواتساب" and a phone's grouping
 * alone, a payment link's code beside its phone parameter, full-width passports — each beside decoys of the same shape
 * (decades and years with no birth word, a transaction's date, a record's corrected number, codes in even groups,
 * order links, IMEIs under "IMEI1:", a Western Union number, a courier's grouped number).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { hkidValid } from '../../../main/core/masking/foreign-ids';
import { digits, expectFound, foundIn, luhnComplete, RUNS, SCRIPTS, visibleIn } from './generators';

const inScript = (k: number) => (d: string) => d.replace(/[0-9]/g, (x) => SCRIPTS[k]![+x]!);
const script = fc.constantFrom(0, 1, 2).map(inScript);
const pad2 = (n: number): string => String(n).padStart(2, '0');
const month = fc.integer({ min: 1, max: 12 });
const fullWidth = (s: string): string => s.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Card numbers of 16 digits (Luhn), grouped in fours or joined. */
const cards = fc.tuple(fc.constantFrom('4', '51', '52', '6037', '5078'), fc.boolean()).chain(([p, grouped]) =>
  digits(15 - p.length).map((d) => {
    const n = luhnComplete(p + d);
    return grouped ? n.replace(/(\d{4})(?=\d)/g, '$1 ') : n;
  }),
);

describe('masking round 27: birth years the reader did not see', () => {
  const TENS = ['عشرين', 'ثلاثين', 'اربعين', 'خمسين', 'ستين', 'سبعين', 'ثمانين', 'تسعين'];
  const UNITS = ['', 'واحد', 'اثنين', 'ثلاثة', 'اربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة'];
  const FA_TENS = ['بیست', 'سی', 'چهل', 'پنجاه', 'شصت', 'هفتاد', 'هشتاد', 'نود'];
  const FA_UNITS = ['', 'یک', 'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'نه'];

  it('a Hijri or Jalali year said in words after a "born" phrase is the birth date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 9 }), fc.boolean(), fc.constantFrom('مواليده', 'مواليدها', 'انا مواليد سنة', 'الوالد مولود سنة', 'من مواليد عام'), fc.constantFrom('متولد سال', 'پدرم متولد', 'من متولد'), (t, u, persian, ar, fa) => {
        const v = persian ? `هزار و سیصد و ${FA_TENS[t]}${FA_UNITS[u] ? ` و ${FA_UNITS[u]}` : ''}` : `ألف وثلاثمائة ${UNITS[u] ? `و${UNITS[u]} ` : ''}و${TENS[t]}`;
        foundIn(`${persian ? fa : ar} ${v} ${persian ? 'هستم ولی سیستم قبول نمیکنه' : 'والنظام ما يقبل'}`, v, 'DOB');
      }),
      RUNS,
    );
  });

  it('a decade after a "born" phrase is the birth date; the same decade with no birth word stays visible', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('I was born in the', 'born in the', 'مولود سنة', 'انا من مواليد', 'أنا مواليد', 'مواليد'),
        fc.constantFrom('eighties', 'nineties', 'seventies', 'late 80s', 'التسعينات', 'الثمانينات', 'تمانين', 'سبعين', 'السبعينيات'),
        fc.constantFrom(' so the age check is wrong', ' والتطبيق رافض', ''),
        (born, decade, after) => {
          foundIn(`${born} ${decade}${after}`, decade, 'DOB');
          visibleIn(`عندي جوال من أيام ${decade}${after}`, decade);
          visibleIn(`I ordered the ${decade} collection${after}`, decade);
        },
      ),
      RUNS,
    );
  });

  it("a second calendar's year in brackets right after a birth date or year is a birth date too", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2005 }), fc.constantFrom('in our calendar ', 'E.C. ', 'Ethiopian ', 'بالهجري ', ''), fc.constantFrom('(', '['), script, fc.boolean(), (y, words, open, sc, full) => {
        const close = open === '(' ? ')' : ']';
        const second = sc(String(y - 8));
        const birth = full ? sc(`14/03/${y}`) : sc(String(y));
        foundIn(`I was born ${birth} ${open}${words}${second}${close} and the bank says my age does not match`, second, 'DOB');
      }),
      RUNS,
    );
  });
});

describe("masking round 27: a card's bare details", () => {
  it('after a card number, an MMYY (or MM/YY) group and a three-digit group are the expiry and the CVV, in either order, in any script', () => {
    fc.assert(
      fc.property(cards, month, fc.integer({ min: 25, max: 34 }), digits(3), fc.boolean(), fc.boolean(), script, fc.constantFrom('here are its details: ', 'بيانات الكارت ', 'اینم کارتم ', ''), (card, mm, yy, cvv, slash, cvvFirst, sc, pre) => {
        const exp = sc(slash ? `${pad2(mm)}/${yy}` : `${pad2(mm)}${yy}`);
        const c = sc(card);
        const v = sc(cvv);
        const text = `${pre}${c} ${cvvFirst ? `${v} ${exp}` : `${exp} ${v}`} please`;
        const after = pre.length + c.length + 1;
        expectFound(text, pre.length, pre.length + c.length, 'CARD');
        const [e, k] = cvvFirst ? [after + v.length + 1, after] : [after, after + exp.length + 1];
        expectFound(text, e, e + exp.length, 'CARD_EXPIRY');
        expectFound(text, k, k + v.length, 'CVV');
      }),
      RUNS,
    );
  });

  it("an expiry the message calls the card's date is the expiry; a transaction's date after the card stays visible", () => {
    fc.assert(
      fc.property(cards, month, fc.integer({ min: 25, max: 34 }), script, fc.constantFrom('وتاريخها', 'تاريخ البطاقة', 'its date', 'تاریخش', 'the date on it is'), (card, mm, yy, sc, word) => {
        const exp = sc(`${pad2(mm)}/${yy}`);
        foundIn(`رقم البطاقة ${sc(card)} ${word} ${exp} ليش مرفوضة؟`, exp, 'CARD_EXPIRY');
        const op = sc(`${pad2(mm)}/${pad2((yy % 28) + 1)}`);
        visibleIn(`بطاقتي ${sc(card)} وتاريخ العملية ${op} وما وصل الطلب`, op);
      }),
      RUNS,
    );
  });
});

describe('masking round 27: corrections typed by their sentence', () => {
  it("a passport's number corrected is the passport twice; a wallet's Yemeni mobile corrected is a phone twice; an order's stays visible", () => {
    fc.assert(
      fc.property(digits(7), fc.constantFrom('70', '71', '73', '77'), script, fc.constantFrom(', the right one is ', ' no wait, the right number is ', ' لا غلط، الصح '), (d, op, sc, fix) => {
        const [x, y] = [sc(d), sc(d.slice(0, 5) + d[6] + d[5])];
        if (d[5] === d[6]) return;
        foundIn(`I typed the passport number wrong as ${x}${fix}${y}`, y, 'PASSPORT');
        const [px, py] = [sc(op + d), sc(op + d.slice(0, 5) + d[6] + d[5])];
        foundIn(`رقم المحفظة ${px}${fix}${py}`, px, 'PHONE', 'first');
        foundIn(`رقم المحفظة ${px}${fix}${py}`, py, 'PHONE');
        visibleIn(`I typed the order number wrong as ${x}${fix}${y}`, y);
      }),
      RUNS,
    );
  });
});

describe("masking round 27: other countries' IDs", () => {
  /** NHS numbers: nine digits and the mod-11 check (weights 10 to 2), 10 never a check. */
  const nhs = digits(9).map((d) => {
    let s = 0;
    for (let i = 0; i < 9; i++) s += Number(d[i]) * (10 - i);
    const c = (11 - (s % 11)) % 11;
    return c === 10 ? '' : `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}${c}`;
  }).filter((v) => v !== '' && !v.startsWith('0'));
  const hkids = fc.tuple(fc.constantFrom('A', 'K', 'Y', 'C', 'XA'), digits(6)).map(([l, d]) => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 'A'].map((c) => `${l}${d}(${c})`).find(hkidValid)!);

  it('an NHS number in 3-3-4 after its label and an HKID with its bracketed check are national IDs, whole', () => {
    fc.assert(
      fc.property(nhs, hkids, fc.constantFrom('my NHS number is ', 'NHS no: ', 'NHS '), fc.constantFrom('my HKID is ', 'HKID ', ''), (n, h, nl, hl) => {
        foundIn(`${nl}${n} and the pharmacy can't find me`, n, 'NATIONAL_ID');
        foundIn(`${hl}${h} please verify my account`, h, 'NATIONAL_ID');
      }),
      RUNS,
    );
  });
});

describe('masking round 27: phones', () => {
  const lebanese = fc.tuple(fc.constantFrom('03', '70', '71', '76'), digits(6)).map(([p, d]) => `${p} ${d.slice(0, 3)} ${d.slice(3)}`);

  it('a Lebanese number in 2-3-3 after "عالواتساب" or alone is a phone; a code alone in even groups is a code', () => {
    fc.assert(
      fc.property(lebanese, script, fc.constantFrom('عالواتساب ', 'ابعتلي عالواتس ', 'كلمني عالرقم '), digits(6), (p, sc, pre, code) => {
        foundIn(`${pre}${sc(p)} ضروري`, sc(p), 'PHONE');
        foundIn(sc(p), sc(p), 'PHONE');
        foundIn(sc(`${code.slice(0, 3)} ${code.slice(3)}`), sc(`${code.slice(0, 3)} ${code.slice(3)}`), 'OTP');
      }),
      RUNS,
    );
  });

  it("a payment link's path code beside its phone parameter is the code; an order's path stays visible", () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 8 }).chain((n) => digits(n)), digits(7), fc.constantFrom(['m', '0917'], ['mobile', '0912'], ['phone', '0935']), fc.constantFrom('v', 'pay', 'p', 'c'), (code, d, [param, prefix], seg) => {
        const url = `https://pay-wallet.example.ir/${seg}/${code}?${param}=${prefix}${d}`;
        foundIn(`این لینک اومد ${url} بازش کنم؟`, code, 'OTP', 'first');
        foundIn(`این لینک اومد ${url} بازش کنم؟`, `${prefix}${d}`, 'PHONE');
        visibleIn(`my order link https://shop.example.com/order/${code}?ref=app does not open`, code);
      }),
      RUNS,
    );
  });
});

describe('masking round 27: full-width letters and digits', () => {
  it('a passport typed in full-width letters and digits is found whole', () => {
    fc.assert(
      fc.property(fc.constantFrom('N', 'TZ', 'AB', 'P', 'E'), digits(7), fc.constantFrom('passport ', 'Passport No. ', 'رقم جوازي ', 'شماره پاسپورت '), (l, d, pre) => {
        const v = fullWidth(l + d);
        foundIn(`${pre}${v} expires soon`, v, 'PASSPORT');
      }),
      RUNS,
    );
  });
});

describe('masking round 27: decoys', () => {
  it("IMEIs under 'IMEI1:'/'IMEI2:', a Western Union number after 'WU' and a courier's grouped number after a tracking word stay visible", () => {
    fc.assert(
      fc.property(digits(14), digits(14), fc.integer({ min: 2, max: 9 }), digits(9), fc.constantFrom('JD', 'JT', 'YT', 'ZT'), digits(16), (a, b, first, rest, courier, t) => {
        const mtcn = `${first}${rest}`;
        const [i1, i2] = [luhnComplete(`35${a.slice(2)}`), luhnComplete(`86${b.slice(2)}`)];
        visibleIn(`my phone is stolen, IMEI1: ${i1} IMEI2: ${i2}`, i1);
        visibleIn(`my phone is stolen, IMEI1: ${i1} IMEI2: ${i2}`, i2);
        const wu = `${mtcn.slice(0, 3)}-${mtcn.slice(3, 6)}-${mtcn.slice(6)}`;
        visibleIn(`sent money by WU ${wu} and it's still pending`, wu);
        const code = `${courier}${t.slice(0, 4)} ${t.slice(4, 8)} ${t.slice(8, 12)} ${t.slice(12)}`;
        visibleIn(`tracking number ${code} shows no update`, code);
        visibleIn(`رقم الشحنة ${code} ما تحرك من أسبوع`, code);
      }),
      RUNS,
    );
  });
});
