/**
 * Property tests for round 40 (issue #20, the leftover told leaks of r26–r29): a bare record word ending a line does
 * not reach a checksum-valid national ID on the next line that carries its own label (the round-39 regression), nor a
 * phone past its own clause; a record's label followed by its own value claims no code before it, and a correction
 * gives the new value the corrected one's type; a generic date word before a month and year beside a card is its
 * expiry; a code typed after "طلب كود" or before "error dad"; a new phone after changing one's number; a RIB after
 * "والRIB".
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { digits, foundIn, iranCodes, luhnComplete, mod97, RUNS, scriptOf, visibleIn } from './generators';

/** Saudi IDs and iqamas: ten digits from 1 or 2, Luhn. */
const saudiIds = fc.tuple(fc.constantFrom('1', '2'), digits(8)).map(([f, d]) => luhnComplete(f + d));

describe('masking round 40: told r26–r29 classes', () => {
  it('a bare record word ending a line does not read the next line\'s labelled national ID as its number', () => {
    const lines = fc.constantFrom(
      ['وابغى اضيف اخي معي في العقد', 'هذي اقامته'],
      ['ابي اسجل زوجتي في عقد الايجار', 'هذي هويتها'],
      ['I want to add my brother to the contract', 'this is his iqama'],
      ['please put my wife on the lease', "that's her ID"],
      ['میخوام برادرم رو به قرارداد اضافه کنم', 'کد ملیشه'],
      ['همسرم رو هم تو قرارداد بنویسید', 'کد ملی ایشونه'],
    );
    fc.assert(
      fc.property(lines, fc.oneof(saudiIds, iranCodes), scriptOf, ([head, label], d, sc) => {
        const v = sc(d);
        foundIn(`${head}\n${v} ${label}`, v, 'NATIONAL_ID');
      }),
      RUNS,
    );
  });

  it("a contract's own number word still names a number on its line; a checksum-valid ID needs it right before", () => {
    fc.assert(
      fc.property(fc.constantFrom('رقم العقد', 'contract number', 'lease no.', 'شماره قرارداد'), fc.integer({ min: 7, max: 9 }).chain((n) => digits(n)), scriptOf, (w, d, sc) => {
        const v = sc(d);
        visibleIn(`${w} ${v}`, v);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.constantFrom('العقد', 'the contract', 'قرارداد'), saudiIds, scriptOf, (w, d, sc) => {
        const v = sc(d);
        foundIn(`${w}\n${v} ${w === 'قرارداد' ? 'اقامه برادرم' : 'اقامة اخوي'}`, v, 'NATIONAL_ID');
      }),
      RUNS,
    );
  });

  it("a record word's reach ends with its clause: a country's phone after it is the phone", () => {
    fc.assert(
      fc.property(fc.constantFrom('I signed the lease, ', 'the contract is ready. ', 'عقد الايجار جاهز؟ ', 'the contract is fine, my '), fc.constantFrom('Oman number ', 'Omani number ', 'Oman no. '), fc.constantFrom('9', '71', '72', '78', '79'), digits(7), (head, w, f, d) => {
        const all = (f + d).slice(0, 8);
        fc.pre(!/(\d)\1{3}/.test(all));
        const v = `${all.slice(0, 4)} ${all.slice(4)}`;
        foundIn(`${head}${w}${v}`, v, 'PHONE');
      }),
      RUNS,
    );
  });

  it("a record's label followed by its own value claims no code before it; a corrected code is a code", () => {
    const shapes = fc.constantFrom(
      (a: string, b: string, r: string) => `ارسلتوا لي كود ${a} وكتبته وما اشتغل لا لحظه اسف غلطت بالقراية هو ${b} برضو ما اشتغل رقم الطلب ${r}`,
      (a: string, b: string, r: string) => `the code ${a} didn't work. no wait, sorry I misread, it's ${b}, still doesn't work. order number ${r}`,
      (a: string, b: string, r: string) => `کد ${a} رو زدم نشد. ببخشید اشتباه شد، ${b} است. شماره سفارش ${r}`,
      (a: string, b: string, r: string) => `le code ${a} ne marche pas, pardon c'est ${b}, toujours rien. commande n° ${r}`,
      (a: string, b: string, r: string) => `code ${a} isn't accepted. my bad I mistyped it, it's ${b} and still nothing. order no. ${r}`,
    );
    const refs = fc.tuple(fc.constantFrom('HAI', 'DX', 'ORD', 'BK'), fc.constantFrom('-', '/'), digits(6)).map(([l, s, d]) => `${l}${s}${d}`);
    fc.assert(
      fc.property(shapes, digits(6), refs, scriptOf, (shape, d, r, sc) => {
        const a = sc(d);
        const b = sc(d.slice(0, 4) + d[5] + d[4]);
        fc.pre(a !== b);
        const t = shape(a, b, r);
        foundIn(t, a, 'OTP', 'first');
        foundIn(t, b, 'OTP');
        visibleIn(t, r);
      }),
      RUNS,
    );
  });

  it("a generic date word before a month and year beside a card is its expiry; a delivery's or a birth's date is not", () => {
    const cards = digits(14).map((d) => luhnComplete(`4${d}`));
    const jalali = fc.tuple(fc.integer({ min: 1403, max: 1410 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}/${String(m).padStart(2, '0')}`);
    const gregorian = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 26, max: 34 }), fc.boolean()).map(([m, y, long]) => `${String(m).padStart(2, '0')}/${long ? `20${y}` : y}`);
    const yearFirst = fc.tuple(fc.integer({ min: 2026, max: 2034 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}/${String(m).padStart(2, '0')}`);
    const shapes = fc.constantFrom(
      (c: string, e: string) => `شماره کارتم ${c} ولی نمیدونم cvv2 کجاست تاریخش ${e} هست`,
      (c: string, e: string) => `card ${c} cvv2 where? date ${e}`,
      (c: string, e: string) => `my card is ${c} and I can't see the cvv, the date on it ${e}`,
      (c: string, e: string) => `البطاقة ${c} وما لقيت ال cvv، التاريخ ${e}`,
      (c: string, e: string) => `cart ${c} cvv2 koja neveshte? tarikhesh ${e}`,
      (c: string, e: string) => `карта ${c} cvv надорад, дата ${e}`,
    );
    fc.assert(
      fc.property(shapes, cards, fc.oneof(jalali, gregorian, yearFirst), scriptOf, (shape, c, e, sc) => {
        const ex = sc(e);
        foundIn(shape(c, ex), ex, 'CARD_EXPIRY');
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.constantFrom('delivery date', 'appointment date', 'تاریخ تحویل', 'تاريخ التوصيل', 'تاریخ تولدم'), cards, fc.oneof(jalali, gregorian), (w, c, e) => {
        const t = `card ${c} cvv2 where? ${w} ${e}`;
        visibleIn(t, e);
      }),
      RUNS,
    );
  });

  it('a code after "طلب كود" and a received word, or before "error dad", is a code', () => {
    fc.assert(
      fc.property(fc.constantFrom('التطبيق طلب كود، اجاني هاد:\n', 'التطبيق طلب مني رمز، وصلني هاد\n', 'the app asked for a code, got this\n'), digits(6), scriptOf, (head, d, sc) => {
        const v = sc(d.split('').join(' '));
        foundIn(`${head}${v}`, v, 'OTP');
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.constantFrom('code nemiad! faghat ye bar oomad ', 'code tayid nemiad, ye bar oomad ', 'sms code nemirese, faghat ye bar oomad '), digits(4), fc.constantFrom(' ke oonam zadam error dad', ' zadam vali error dad', ' vared kardam error mide'), (head, d, tail) => {
        fc.pre(!d.endsWith('00') && !/^(?:19|20|13|14)/.test(d));
        foundIn(`${head}${d}${tail}`, d, 'OTP');
      }),
      RUNS,
    );
  });

  it("a national phone named only as the new one, in a message about one's number, is a phone; a new order's is not", () => {
    const tunisian = fc.tuple(fc.constantFrom('2', '5', '9'), digits(7)).map(([f, d]) => `${f}${d[0]} ${d.slice(1, 4)} ${d.slice(4)}`);
    fc.assert(
      fc.property(fc.constantFrom('nheb nbadel el numero mta3i, el 9dim 98 123 456 w el jdid ', 'bghit nbadel el numero elli 3al compte. el jdid ', 'changed my number, the new one is '), tunisian, (head, v) => {
        foundIn(`${head}${v}`, v, 'PHONE');
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.constantFrom('the order number changed, the new one is ', 'el commande el jdida '), tunisian, (head, v) => {
        visibleIn(`${head}${v}`, v);
      }),
      RUNS,
    );
  });

  it('a Moroccan RIB after a "RIB" glued to an Arabic "و"/"ال", spaced 3-3-16-2, is masked', () => {
    const ribs = digits(22).map((d) => {
      const r = (mod97(d) * 100) % 97;
      return d + String(r === 0 ? 97 : 97 - r).padStart(2, '0');
    });
    fc.assert(
      fc.property(fc.constantFrom('والRIB ديالي هو: ', 'والRIB ديالي فالبنك الشعبي: ', 'فالريب ديالي كاين ', 'بالRIB '), ribs, (head, d) => {
        const v = `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6, 22)} ${d.slice(22)}`;
        fc.pre(!/^(\d)\1+$/.test(d));
        foundIn(`${head}${v}`, v, 'IBAN');
      }),
      RUNS,
    );
  });
});
