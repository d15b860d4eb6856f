/**
 * Property tests for round 39 (issue #20, r29's told classes): a cheque's, a utility meter's and a lease's or
 * contract's own number after its word stays visible (a phone after a phone's word beside it stays masked); a
 * thousands group of an amount is never a CVV; a number called "Ref" in a quoted SMS, repeated in its link, is no
 * one-time code (a phone after "for reference" is still a phone); an Omani mobile after "نقالي" is a PHONE; a
 * Kuwaiti civil ID after "مدنيتي" is masked.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { digits, expectFound, foundIn, RUNS, scriptOf, visibleIn } from './generators';

const chequeWords = fc.constantFrom('شيك رقم', 'الشيك رقم', 'بشيك رقم', 'چک شماره', 'چک نمبر', 'چک به شماره', 'cheque no.', 'cheque #', 'the cheque number', 'chèque n°', 'chèque numéro');
const meterWords = fc.constantFrom('الكونتور نومرو', 'الكونتور متاع الضو نومرو', 'رقم العداد', 'عداد الكهرباء رقمه', 'شماره کنتور', 'کنتور آب شماره', 'compteur numero', "le compteur d'eau numéro", 'meter no', 'номер счётчика', 'рақами ҳисобкунак');
const contractWords = fc.constantFrom('رقم الايجاري القديم', 'رقم ايجاري', 'رقم العقد', 'قرارداد من که نمبرش', 'نمبر قرارداد', 'lease no.', 'contract number', 'contrat n°', 'Рақами шартнома', 'номер договора');
const tails = fc.constantFrom('', ' bounced', ' ما يخدمش', ' برگشت خورده', ' لازم يتجدد', ' нодуруст аст', ' thanks');
const recordDigits = fc.integer({ min: 6, max: 10 }).chain((n) => digits(n));
const meterNumbers = fc.tuple(digits(4), digits(4), digits(3)).map(([a, b, c]) => `${a}-${b}-${c}`);
const phoneAfter = fc.constantFrom(
  ['، شماره تماسم ', '09121234567'],
  [', call me on ', '+971 50 412 3390'],
  ['، جوالي ', '0551234567'],
  [', mon numéro ', '+33 6 12 34 56 78'],
);

describe('masking round 39: r29 record numbers and values by class', () => {
  it("a cheque's number after its word stays visible; a phone after a phone's word beside it is masked", () => {
    fc.assert(
      fc.property(chequeWords, recordDigits, scriptOf, phoneAfter, (w, d, sc, [pw, p]) => {
        const v = sc(d);
        visibleIn(`${w} ${v} bounced`, v);
        const t = `${w} ${v}${pw}${p}`;
        visibleIn(t, v);
        foundIn(t, p, 'PHONE');
      }),
      RUNS,
    );
  });

  it("a meter's number, whole or in groups, after a meter's word stays visible", () => {
    fc.assert(
      fc.property(meterWords, fc.oneof(meterNumbers, recordDigits), scriptOf, tails, (w, d, sc, t) => {
        const v = sc(d);
        visibleIn(`${w} ${v}${t}`, v);
      }),
      RUNS,
    );
  });

  it("a lease's or contract's number stays visible, a Cyrillic letters-year-serial one too", () => {
    // (eight to fifteen digits, or an Ejari's sixteen with its leading 0: a Luhn-valid sixteen from 1–9 is a card's)
    const plain = fc.tuple(fc.oneof(fc.integer({ min: 8, max: 15 }).chain((n) => digits(n)), digits(15).map((d) => `0${d}`)), scriptOf).map(([d, sc]) => sc(d));
    const cyrillic = fc.tuple(fc.constantFrom('ТҶ', 'ДШ', 'ИҶ', 'АБ'), fc.integer({ min: 2019, max: 2026 }), digits(4)).map(([l, y, s]) => `${l}-${y}-${s}`);
    fc.assert(
      fc.property(contractWords, fc.oneof(plain, cyrillic), tails, (w, v, t) => {
        visibleIn(`${w} ${v}${t}`, v);
      }),
      RUNS,
    );
  });

  it("a thousands group of an amount is never a CVV; the CVV beside it is", () => {
    const amounts = fc.tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom('،', ',', '٬')).map(([m, sep]) => `${m}${sep}000${sep}000`);
    fc.assert(
      fc.property(amounts, fc.integer({ min: 100, max: 999 }), scriptOf, fc.constantFrom('مبلغ', 'amount', 'مبلغ اجاره'), fc.constantFrom('ریال', 'تومان', 'IRR', 'ريال'), (a, c, sc, aw, cur) => {
        const amt = sc(a);
        const cvv = sc(String(c));
        const head = 'کارت 6221061022334454 cvv2 ';
        const t = `${head}${cvv} ${aw} ${amt} ${cur}`;
        visibleIn(t, amt);
        expectFound(t, head.length, head.length + cvv.length, 'CVV');
      }),
      RUNS,
    );
  });

  it("a number called Ref, repeated in the SMS's link, is no one-time code; a phone after 'for reference' is", () => {
    fc.assert(
      fc.property(fc.constantFrom('Ref', 'Ref:', 'Reference', 'ref no.', 'مرجع', 'المرجع'), digits(6), scriptOf, fc.constantFrom('homes.example/v/', 'rent.example/r/'), (w, d, sc, link) => {
        const v = sc(d);
        visibleIn(`"Your viewing is booked. ${w} ${v}."`, v);
        visibleIn(`"${w} ${d}. Info: ${link}${d}"`, d);
      }),
      RUNS,
    );
    foundIn('For reference, my number is +971 50 412 3390', '+971 50 412 3390', 'PHONE');
    // (a code in the text, not a link, stays a code though the SMS repeats it after "Ref")
    fc.assert(
      fc.property(digits(6), (d) => {
        foundIn(`Your verification code is ${d}. Ref ${d}`, d, 'OTP', 'first');
      }),
      RUNS,
    );
  });

  it('an Omani mobile after "نقالي" is a PHONE; a Kuwaiti civil ID after "مدنيتي" is masked', () => {
    fc.assert(
      fc.property(fc.constantFrom('9', '7'), digits(7), scriptOf, fc.constantFrom('نقالي', 'رقم نقالي', 'على النقال', 'نقالها'), (a, b, sc, w) => {
        const v = sc(`${a}${b.slice(0, 3)} ${b.slice(3)}`);
        foundIn(`${w} ${v} اتصلوا بعد العصر`, v, 'PHONE');
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.constantFrom('2', '3'), fc.integer({ min: 60, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), digits(5), scriptOf, fc.constantFrom('مدنيتي', 'مدنيتها', 'مدنيته', 'رقم المدنية'), (c, y, m, d, tail, sc, w) => {
        const v = sc(`${c}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${tail}`);
        foundIn(`${w} ${v} والعقد باسمها`, v, 'NATIONAL_ID');
      }),
      RUNS,
    );
  });

  it("a person's phone after a lease's or contract's word and a name between, with no number's word, stays masked", () => {
    // (the lead's read of the merged round: "عقد الايجار باسم اخوي 0501234567" had been left in clear)
    fc.assert(
      fc.property(
        fc.constantFrom('عقد الايجار باسم اخوي', 'العقد باسم زوجتي', 'please put the lease in my wife\'s name', 'the contract is for my brother', 'قرارداد به نام برادرم', 'le contrat au nom de mon frère', 'шартнома ба номи бародарам'),
        fc.constantFrom('0501234567', '0551234567', '09123456789', '+971 50 412 3390', '+992 93 555 81 40'),
        scriptOf,
        (w, p, sc) => {
          const v = sc(p);
          foundIn(`${w} ${v}`, v, 'PHONE');
        },
      ),
      RUNS,
    );
  });
});
