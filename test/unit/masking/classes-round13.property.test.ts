/**
 * Property tests for the thirteenth round (issue #20): leak classes still seen on a blind set after round 12 (its rows
 * were not shown). (a) a card's expiry right after a card number with no label, with or without an expiry word; (d) its
 * security code after the expiry, behind "/", "cvv/" or "ccv:"; (f) a Lebanese number written with a slash after its
 * area code; (g) a second one-time code written like the first; a code's digits joined by tabs or dots. On the other
 * side: a UPS tracking number, an order number with a year before it, a payment terminal's id, a parcel's number in two
 * groups of four.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { validNational } from '../../../main/core/masking/phone-plan';
import { digits, foundIn, luhnComplete, maskedIn, RUNS, scriptOf, visibleIn } from './generators';

const cards = fc.tuple(fc.constantFrom('4', '5'), digits(14)).map(([p, d]) => luhnComplete(p + d));
const cardLayout = fc.constantFrom((c: string) => c.replace(/(\d{4})(?=\d)/g, '$1 '), (c: string) => c, (c: string) => c.replace(/(\d{4})(?=\d)/g, '$1-'));
const expiries = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 25, max: 34 }), fc.constantFrom('/', '-', ' / ')).map(([m, y, sep]) => `${String(m).padStart(2, '0')}${sep}${y}`);
const before = fc.constantFrom('', 'paid with ', 'دفعت ب ', 'hayda l ra2am ', "j'ai payé avec ", 'با ', 'please ', 'ادفع ب ');
const after = fc.constantFrom('', ' and it was refused', ' ومفيش حاجة اتخصمت', ' w ma zabat', ' mais rien', ' خرید نشد', ' kindly check');
// what may stand between a card and its expiry: punctuation, an expiry's word, its little words
const gap = fc.constantFrom(' ', ' / ', ' - ', ', ', ' | ', ' exp ', ' expirée le ', ' valid thru ', ' تاريخها ', ' تنتهي ', ' exp: ', '\n');

describe('round 13 (a): the expiry after a card number with no label (property)', () => {
  it('is the card expiry, in any digit script, after punctuation or an expiry word', () => {
    fc.assert(
      fc.property(before, cards, cardLayout, gap, expiries, after, scriptOf, (pre, card, layout, g, exp, post, script) => {
        const c = script(layout(card));
        const e = script(exp);
        const text = `${pre}${c}${g}${e}${post}`;
        foundIn(text, c, 'CARD', 'first');
        foundIn(text, e, 'CARD_EXPIRY');
      }),
      RUNS,
    );
  });

  it("a document's expiry date after a passport's word stays visible (decoy)", () => {
    fc.assert(
      fc.property(expiries, scriptOf, fc.constantFrom('my passport expires ', 'الجواز ينتهي ', 'paspor dyali kaysali f ', 'پاسپورتم منقضی میشه '), (exp, script, pre) => {
        visibleIn(`${pre}${script(exp)} is that ok`, script(exp));
      }),
      RUNS,
    );
  });
});

describe('round 13 (d): the security code after the expiry (property)', () => {
  it('behind "/", "cvv/", "ccv:" or "cvc /", joined or digit by digit after its word', () => {
    const code = fc.tuple(digits(3), fc.boolean()).map(([d, spaced]) => ({ d, spaced }));
    const label = fc.constantFrom(' / ', ' cvv/', ' cvv/ ', ' ccv: ', ' cvc / ', ' CVV ', ' cvv2: ');
    fc.assert(
      fc.property(before, cards, cardLayout, expiries, label, code, after, scriptOf, (pre, card, layout, exp, l, { d, spaced }, post, script) => {
        // (digits one by one need a code's word: a bare "/" before "5 3 0" is no label)
        const v = script(spaced && l.trim() !== '/' ? d.split('').join(' ') : d);
        const text = `${pre}${script(layout(card))} ${script(exp)}${l}${v}${post}`;
        foundIn(text, script(exp), 'CARD_EXPIRY');
        if (spaced && l.trim() !== '/') maskedIn(text, v);
        else foundIn(text, v, 'CVV');
      }),
      RUNS,
    );
  });
});

describe('round 13 (f): a Lebanese number with a slash after its area code (property)', () => {
  it('is the phone, whole, in any digit script', () => {
    const prefix = fc.constantFrom('01', '03', '04', '05', '06', '07', '08', '09', '70', '71', '76', '78', '79', '81');
    const number = fc.tuple(prefix, digits(6)).filter(([p, d]) => validNational('LB', p + d, false));
    const layout = fc.constantFrom((d: string) => d, (d: string) => `${d.slice(0, 3)} ${d.slice(3)}`);
    const pre = fc.constantFrom('ra2me ', 'تلفون المكتب ', 'call me on ', 'the shop landline is ', '', 'رقمي ');
    const post = fc.constantFrom('', ' ya retta', ' من ٩ لل ٥', ' after 6', ' hayda l whatsapp');
    fc.assert(
      fc.property(pre, number, layout, fc.constantFrom('/', ' / '), post, scriptOf, (p, [area, rest], l, slash, q, script) => {
        const v = script(`${area}${slash}${l(rest)}`);
        foundIn(`${p}${v}${q}`, v, 'PHONE');
      }),
      RUNS,
    );
  });
});

describe('round 13 (g): a second one-time code in the same message (property)', () => {
  it('written like the first, after words that name no other kind of number', () => {
    const len = fc.integer({ min: 4, max: 6 });
    // (a year-like four digits or a round figure with no word of its own stays what it reads as)
    const second = (n: number): fc.Arbitrary<string> => digits(n).filter((d) => d[0] !== '0' && !d.endsWith('00') && !(n === 4 && /^(?:19|20)/.test(d)));
    const between = fc.constantFrom(" didn't work, then the second one ", ' ... la2 sorry el jdid ', ' w ba3d chwiya wsalni wa7ed akhor ', ' ما اشتغل، وبعدين وصلني ', ' then another came ');
    const first = fc.constantFrom('the first code ', 'el code ', 'wsalni code ', 'الكود ', 'my otp ');
    fc.assert(
      fc.property(
        len.chain((n) => fc.tuple(digits(n), second(n))),
        first,
        between,
        scriptOf,
        ([a, b], f, m, script) => {
          const text = `${f}${script(a)}${m}${script(b)}`;
          foundIn(text, script(a), 'OTP', 'first');
          foundIn(text, script(b), 'OTP');
        },
      ),
      RUNS,
    );
  });
});

describe('round 13: code digits joined by tabs or dots (property)', () => {
  it('after a code word, in any digit script', () => {
    const cue = fc.constantFrom('the code is ', 'code: ', 'otp ', 'رمز التحقق ', 'کد ', 'code de vérification : ', 'el code ');
    fc.assert(
      fc.property(cue, fc.integer({ min: 4, max: 6 }).chain(digits), fc.constantFrom('\t', '.'), fc.constantFrom('', ' po', ' شكرا'), scriptOf, (c, d, sep, t, script) => {
        const v = script(d.split('').join(sep));
        foundIn(`${c}${v}${t}`, v, 'OTP');
      }),
      RUNS,
    );
  });
});

describe('round 13: record numbers that stay visible (decoys, property)', () => {
  it('a UPS tracking number ("1Z" and sixteen letters and digits)', () => {
    const alnum = fc.array(fc.constantFrom(...'0123456789ABCDEFGHJKLMNPRSTVWXYZ'.split('')), { minLength: 6, maxLength: 6 }).map((a) => a.join(''));
    fc.assert(
      fc.property(alnum, digits(10), fc.constantFrom('UPS tracking ', 'my parcel ', 'رقم الشحنة ', 'colis ', ''), fc.constantFrom(' shows delivered', ' not moving', ''), (a, d, p, q) => {
        const v = `1Z${a}${d}`;
        visibleIn(`${p}${v}${q}`, v);
      }),
      RUNS,
    );
  });

  it('an order or invoice number with a year before it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2019, max: 2027 }), digits(6), fc.constantFrom('order ', 'رقم الطلب ', 'commande ', 'invoice ', 'طلبية رقم ', 'سفارش '), scriptOf, (y, d, p, script) => {
        const v = script(`${y}-${d}`);
        visibleIn(`${p}${v} still pending`, v);
      }),
      RUNS,
    );
  });

  it("a payment terminal's id", () => {
    const id = digits(8).filter((d) => d[0] !== '0');
    fc.assert(
      fc.property(id, fc.constantFrom('TID ', 'terminal ID ', 'the card machine says TID ', 'رقم الجهاز ', 'le terminal ', 'terminal '), fc.constantFrom(' declined', ' بيطلع رسالة خطأ', ' affiche erreur'), scriptOf, (d, p, q, script) => {
        visibleIn(`${p}${script(d)}${q}`, script(d));
      }),
      RUNS,
    );
  });

  it("a parcel's number in two groups of four", () => {
    const group = digits(4).filter((d) => d[0] !== '0');
    fc.assert(
      fc.property(group, digits(4), fc.constantFrom('-', ' '), fc.constantFrom('numéro de colis ', 'colis ', 'parcel ', 'tracking ', 'رقم الشحنة '), scriptOf, (a, b, sep, p, script) => {
        const v = script(`${a}${sep}${b}`);
        visibleIn(`${p}${v} pas encore arrivé`, v);
      }),
      RUNS,
    );
  });
});
