/**
 * Property tests: the detectors must find a value however it is written — any digit script (mixed within one
 * value too), any separator people use, the label before or after it — and leave decoys alone. Values are
 * generated with valid check digits, so a miss is the detector's, never the data's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSensitive } from '../../../main/core/masking';
import { checkInternational, validLocal } from '../../../main/core/masking/phone-plan';
import { digits, expectFound, filler, ibans, labelled, luhnComplete, RUNS, scriptOf, tail } from './generators';

const validLocalAnywhere = (d: string): boolean => ['IQ', 'JO', 'MA', 'DZ', 'SA', 'EG'].some((r) => validLocal(r, d));


const groupSep = fc.constantFrom(' ', '-', '_', '.', '\u066c', '\u00a0', '\u2009', '\u202f', '');

describe('formats (property)', () => {
  it('cards: in fours or digit by digit, with any one separator, any digits', () => {
    const card = fc.tuple(fc.constantFrom('4', '5', '6'), digits(14)).map(([p, d]) => luhnComplete(p + d));
    fc.assert(
      fc.property(card, groupSep, fc.constantFrom(4, 1), scriptOf, filler, fc.constantFrom('card', 'my visa', 'بطاقتي', 'کارتم', 'el card'), tail, fc.boolean(), (c, sep, size, script, pre, label, post, first) => {
        fc.pre(size === 4 || sep === ' ' || sep === '-');
        labelled(pre, label, script(c.match(size === 4 ? /.{4}/g : /./g)!.join(sep)), post, first, 'CARD');
      }),
      RUNS,
    );
  });

  it('one-time codes: joined, digit by digit, in pairs or triples, with spaces or dashes', () => {
    const layout = fc.constantFrom('joined', 'singles-space', 'singles-dash', 'pairs', 'triples');
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 6 }).chain((n) => digits(n)), layout, scriptOf, filler, fc.constantFrom('code', 'OTP', 'verification code', 'رمز التحقق', 'الكود', 'کد تایید', 'كود'), tail, (code, lay, script, pre, label, post) => {
        fc.pre(!/^(19|20)/.test(code));
        const v =
          lay === 'joined' ? code : lay === 'singles-space' ? code.split('').join(' ') : lay === 'singles-dash' ? code.split('').join('-') : lay === 'pairs' && code.length % 2 === 0 ? code.match(/../g)!.join(' ') : code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
        labelled(pre, label, script(v), post, false, 'OTP');
      }),
      RUNS,
    );
  });

  it('birth dates with month names in English, Arabic, Persian, Hijri and Jalali, any digit scripts, mixed, label before or after', () => {
    const gregorian = fc.record({
      d: fc.integer({ min: 1, max: 28 }),
      y: fc.integer({ min: 1940, max: 2008 }),
      month: fc.constantFrom('Jan', 'June', 'Sept', 'oct', 'December', 'يناير', 'أبريل', 'شباط', 'أيلول', 'ژوئن', 'اکتبر'),
      layout: fc.constantFrom('d m y', 'm d y', 'm d, y', 'd-m-y', 'd m, y'),
    });
    const lunar = fc.record({
      d: fc.integer({ min: 1, max: 29 }),
      y: fc.integer({ min: 1340, max: 1425 }),
      month: fc.constantFrom('رجب', 'شعبان', 'ذو الحجة', 'محرم', 'فروردین', 'مهر', 'اسفند', 'farvardin', 'aban'),
      layout: fc.constantFrom('d m y', 'y m d'),
    });
    fc.assert(
      fc.property(fc.oneof(gregorian, lunar), scriptOf, scriptOf, filler, fc.constantFrom('born', 'date of birth', 'تاريخ ميلادي', 'مواليد', 'تولدم', 'DOB:', 'is my birthday'), tail, fc.boolean(), (x, s1, s2, pre, label, post, first) => {
        const d = s1(String(x.d));
        const y = s2(String(x.y));
        const v = { 'd m y': `${d} ${x.month} ${y}`, 'm d y': `${x.month} ${d} ${y}`, 'm d, y': `${x.month} ${d}, ${y}`, 'd-m-y': `${d}-${x.month}-${y}`, 'd m, y': `${d} ${x.month}, ${y}`, 'y m d': `${y} ${x.month} ${d}` }[x.layout]!;
        labelled(pre, label, v, post, first, 'DOB');
      }),
      RUNS,
    );
  });

  it('IBANs spaced in fours, with a space after the country code, or joined', () => {
    fc.assert(
      fc.property(ibans, fc.constantFrom('fours', 'cc-space', 'joined', 'cc-space-joined'), filler, fc.constantFrom('IBAN', 'الآيبان', 'شبا', 'refund to'), tail, (ib, lay, pre, label, post) => {
        const v = lay === 'joined' ? ib : lay === 'fours' ? ib.match(/.{1,4}/g)!.join(' ') : lay === 'cc-space' ? `${ib.slice(0, 2)} ${ib.slice(2).match(/.{1,4}/g)!.join(' ')}` : `${ib.slice(0, 2)} ${ib.slice(2)}`;
        labelled(pre, label, v, post, false, 'IBAN');
      }),
      RUNS,
    );
  });

  it('letter-prefixed passports with a dash, a space or nothing, label before or after', () => {
    fc.assert(
      fc.property(fc.constantFrom('A', 'K', 'P', 'AB', 'N'), fc.constantFrom('', ' ', '-'), fc.integer({ min: 7, max: 8 }).chain(digits), scriptOf, filler, fc.constantFrom('passport', 'passport no.', 'جواز السفر', 'الباسبور', 'پاسپورت'), tail, fc.boolean(), (letters, sep, num, script, pre, label, post, first) => {
        labelled(pre, label, `${letters}${sep}${script(num)}`, post, first, 'PASSPORT');
      }),
      RUNS,
    );
  });

  it('Gulf and Egyptian mobiles with +, 00, a bracketed country code or none', () => {
    const phone = fc.oneof(
      fc.tuple(fc.constant('966'), fc.constantFrom('50', '53', '55', '59'), digits(7)),
      fc.tuple(fc.constant('971'), fc.constantFrom('50', '52', '55', '56'), digits(7)),
      fc.tuple(fc.constant('20'), fc.constantFrom('100', '111', '122', '128'), digits(7)),
    );
    fc.assert(
      fc.property(phone, fc.constantFrom('+', '00', '(+)', ''), scriptOf, filler, fc.constantFrom('call me on', 'whatsapp', 'رقمي', 'جوالي', 'شمارم'), tail, ([cc, op, rest], lead, script, pre, label, post) => {
        const cc2 = lead === '(+)' ? `(+${cc})` : `${lead}${cc}`;
        labelled(pre, label, script(`${cc2} ${op} ${rest.slice(0, 3)} ${rest.slice(3)}`), post, false, 'PHONE');
      }),
      RUNS,
    );
  });

  it('mobiles of the whole region with a calling code and no plus, any separator, any digits', () => {
    // [calling code, mobile prefixes, digits after the prefix]
    const plans: Array<[string, string[], number]> = [
      ['965', ['5', '6', '9'], 7], ['974', ['33', '55', '66', '77'], 6], ['973', ['33', '36', '39'], 6], ['968', ['91', '92', '99'], 6],
      ['962', ['77', '78', '79'], 7], ['961', ['3', '71', '76'], 6], ['964', ['750', '770', '780'], 7], ['212', ['61', '66', '70'], 7],
      ['216', ['20', '50', '98'], 6], ['966', ['50', '55', '59'], 7], ['20', ['100', '111', '128'], 7], ['98', ['912', '935'], 7],
    ];
    const phone = fc.constantFrom(...plans).chain(([cc, ops, n]) => fc.tuple(fc.constant(cc), fc.constantFrom(...ops), digits(n)));
    fc.assert(
      fc.property(phone, fc.constantFrom('', '+', '00', '(+)'), fc.constantFrom(' ', '-', '.', '\u00a0'), scriptOf, filler, fc.constantFrom('call me on', 'whatsapp', 'رقمي', 'جوالي', 'نمرتي', 'شمارم', 'my new number is'), tail, fc.boolean(), ([cc, op, rest], lead, sep, script, pre, label, post, first) => {
        fc.pre(checkInternational(cc + op + rest) === 'valid');
        const cc2 = lead === '(+)' ? `(+${cc})` : `${lead}${cc}`;
        const half = Math.ceil(rest.length / 2);
        labelled(pre, label, script(`${cc2} ${op}${sep}${rest.slice(0, half)}${sep}${rest.slice(half)}`), post, first && label !== 'my new number is', 'PHONE');
      }),
      RUNS,
    );
  });

  it('birth dates in French, Maghrebi and Levantine month names and dialect birth words; apostrophe years; "the 12th"', () => {
    const date = fc.record({
      d: fc.integer({ min: 1, max: 28 }),
      y: fc.integer({ min: 1940, max: 2008 }),
      month: fc.constantFrom('janvier', 'février', 'Août', 'décembre', 'يوليوز', 'غشت', 'شتنبر', 'جانفي', 'جويلية', 'حزيران', 'تشرين الأول', 'Sept.', 'mar'),
      layout: fc.constantFrom('d m y', 'm d, y', 'd m، y', "d m 'yy", 'm the dth, y'),
    });
    const label = fc.constantFrom('né le', 'date de naissance', 'تزاديت', 'تاريخ الازدياد', 'انولدت', 'ولادتي', 'خلقت', 'milade', 'twaladt', 'tavalodam', 'd.o.b', 'D.O.B.:', 'b-day', 'bday');
    fc.assert(
      fc.property(date, scriptOf, scriptOf, filler, label, tail, (x, s1, s2, pre, lab, post) => {
        fc.pre(x.layout !== 'm the dth, y' || /^[a-z]/i.test(x.month));
        const d = s1(String(x.d));
        const y = s2(String(x.y));
        const v = {
          'd m y': `${d} ${x.month} ${y}`,
          'm d, y': `${x.month} ${d}, ${y}`,
          'd m، y': `${d} ${x.month}، ${y}`,
          "d m 'yy": `${d} ${x.month} '${s2(String(x.y).slice(2))}`,
          'm the dth, y': `${x.month} the ${d}th, ${y}`,
        }[x.layout]!;
        labelled(pre, lab, v, post, false, 'DOB');
      }),
      RUNS,
    );
  });

  it('a card followed by its expiry and security code with no words for them', () => {
    const card = fc.tuple(fc.constantFrom('4', '5'), digits(14)).map(([p, d]) => luhnComplete(p + d));
    fc.assert(
      fc.property(card, fc.constantFrom(' ', '-', ''), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 25, max: 35 }), digits(3), fc.constantFrom(' ', ', ', ' | ', '\n'), scriptOf, (c, sep, m, y, cvv, gap, script) => {
        const cardText = script(c.match(/.{4}/g)!.join(sep));
        const exp = script(`${String(m).padStart(2, '0')}/${y}`);
        const code = script(cvv);
        const text = `card ${cardText}${gap}${exp}${gap}${code}`;
        expectFound(text, 5, 5 + cardText.length, 'CARD');
        const es = 5 + cardText.length + gap.length;
        expectFound(text, es, es + exp.length, 'CARD_EXPIRY');
        expectFound(text, text.length - code.length, text.length, 'CVV');
      }),
      RUNS,
    );
  });

  it('codes between brackets, quotes or asterisks, split over two lines, or before what they are for', () => {
    fc.assert(
      fc.property(digits(6), fc.constantFrom(['*', '*'], ['[', ']'], ['«', '»'], ['"', '"'], ['(', ')'], ['', ''], ['', '\n']), scriptOf, fc.constantFrom('code', 'رمز التحقق', 'کد', 'el code'), fc.boolean(), (code, [open, close], script, label, split) => {
        fc.pre(!/^(19|20)/.test(code));
        const v = script(split ? `${code.slice(0, 3)}\n${code.slice(3)}` : code);
        const text = `${label}: ${open}${v}${close} thanks`;
        const vs = label.length + 2 + open.length;
        expectFound(text, vs, vs + v.length, 'OTP');
      }),
      RUNS,
    );
  });

  it('passports with the digits in two groups after the letters', () => {
    fc.assert(
      fc.property(fc.constantFrom('A', 'P', 'K', 'AB'), fc.constantFrom('', ' ', '-'), digits(8), fc.constantFrom(' ', '-'), scriptOf, fc.constantFrom('passport', 'رقم الجواز', 'پاسپورت', 'paspor'), (letters, s1, num, s2, script, label) => {
        const v = `${letters}${s1}${script(num.slice(0, 4))}${s2}${script(num.slice(4))}`;
        labelled('', label, v, ' thanks', false, 'PASSPORT');
      }),
      RUNS,
    );
  });

  it('e-mail addresses written out to dodge filters', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9]{1,7}$/);
    fc.assert(
      fc.property(word, fc.constantFrom('', '.', '_'), word, fc.constantFrom('gmail', 'outlook', 'yahoo', 'company-mail'), fc.constantFrom('com', 'net', 'ae', 'sa'), fc.constantFrom([' at ', ' dot '], ['(at)', '(dot)'], [' [at] ', ' [dot] '], [' at ', '.'], ['(at)', '.'], [' @ ', '.']), fc.constantFrom('my email is', 'ايميلي', 'ایمیلم'), (a, j, b, domain, tld, [at, dot], label) => {
        fc.pre(!(at === ' at ' && dot === '.' && domain === 'company-mail'));
        labelled('', label, `${a}${j}${b}${at}${domain}${dot}${tld}`, ' thanks', false, 'EMAIL');
      }),
      RUNS,
    );
  });

  it('a code with no code word right after a word for receiving it; a round amount stays visible', () => {
    fc.assert(
      fc.property(digits(6), scriptOf, fc.constantFrom('I got', 'just received', 'وصلني', 'جاني', 'برام اومد', 'wslni'), fc.constantFrom('', ' but I did not ask', ' وانا ما طلبت'), (code, script, verb, post) => {
        fc.pre(!code.endsWith('000') && !/^(19|20)/.test(code));
        labelled('', verb, script(code), post, false, 'OTP');
        const amount = script(`${code.slice(0, 3)}000`);
        expect(detectSensitive(`${verb} ${amount} instead of the full refund`), amount).toEqual([]);
      }),
      RUNS,
    );
  });

  it('regional mobiles with a trunk 0 in one block or in groups, with or without a phone word', () => {
    const national = fc.constantFrom(['077', 9], ['078', 9], ['079', 7], ['066', 7], ['065', 7], ['0612', 6], ['0550', 6]) as fc.Arbitrary<[string, number]>;
    fc.assert(
      fc.property(national.chain(([p, n]) => digits(n).map((r) => p + r)), fc.constantFrom('', ' '), scriptOf, fc.constantFrom('', 'call me on', 'رقمي', 'numéro'), (num, sep, script, label) => {
        fc.pre(validLocalAnywhere(num));
        const v = sep ? `${num.slice(0, 4)} ${num.slice(4, 7)} ${num.slice(7)}` : num;
        if (label) labelled('', label, script(v), ' thanks', false, 'PHONE');
        else expectFound(`${script(v)} thanks`, 0, v.length, 'PHONE');
      }),
      RUNS,
    );
  });

  it('card expiry and security code beside a card, in any digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 25, max: 35 }), digits(3), scriptOf, fc.constantFrom(['exp', 'cvv'], ['expiry', 'CVC'], ['تنتهي', 'cvv'], ['انقضا', 'cvv2'], ['valid thru', 'security code']), fc.constantFrom('/', '-', ' / '), (m, y, cvv, script, [expWord, cvvWord], sep) => {
        const exp = script(`${String(m).padStart(2, '0')}${sep}${y}`);
        const code = script(cvv);
        const text = `my card 4111 1111 1111 1111 ${expWord} ${exp} ${cvvWord} ${code} was declined`;
        const es = text.indexOf(exp);
        expectFound(text, es, es + exp.length, 'CARD_EXPIRY');
        const cs = text.lastIndexOf(code);
        expectFound(text, cs, cs + code.length, 'CVV');
      }),
      RUNS,
    );
  });

  it('decoys stay visible: amounts, times, versions, order and tracking numbers, document expiry dates', () => {
    const decoy = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 99999 }), fc.integer({ min: 0, max: 99 })).map(([a, c]) => `I paid ${a.toLocaleString('en-US')}.${String(c).padStart(2, '0')} SAR`),
      fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `call after ${h}:${String(m).padStart(2, '0')}`),
      fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 99 })).map(([a, b, c]) => `app version ${a}.${b}.${c} crashes`),
      fc.integer({ min: 10000, max: 9999999 }).map((n) => `order #${n} not delivered`),
      fc.integer({ min: 10000, max: 9999999 }).map((n) => `الطلب رقم ${n} ما وصل`),
      fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2025, max: 2035 })).map(([d, m, y]) => `my passport expires ${d}/${m}/${y}`),
      fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 26, max: 35 })).map(([m, y]) => `the voucher is valid until ${m}/${y}`),
      fc.integer({ min: 1000, max: 9999 }).map((n) => `card ending ${n} was charged twice`),
      fc.bigInt({ min: 10n ** 12n, max: 10n ** 18n }).map((n) => `${n.toLocaleString('en-US')} rials were taken from my card`),
      fc.integer({ min: 100, max: 999 }).map((n) => `the security deposit of ${n} is not refunded`),
      fc.integer({ min: 10000000, max: 99999999 }).map((n) => `استلمت طلبا لا يخصني ورقمه #${n}`),
      fc.integer({ min: 10000000, max: 99999999 }).map((n) => `my order number is ${n}`),
      fc.tuple(fc.integer({ min: 1, max: 28 }), fc.constantFrom('janvier', 'juin', 'غشت', 'حزيران', 'March'), fc.integer({ min: 2024, max: 2026 })).map(([d, m, y]) => `livré le ${d} ${m} ${y}, delivered ${d} ${m} ${y}`),
      fc.integer({ min: 1995, max: 2024 }).map((y) => `a customer since ${y}`),
      fc.tuple(fc.integer({ min: 100, max: 999 }), fc.integer({ min: 100, max: 999 })).map(([a, b]) => `tracking ${a} ${b} then ${a}.${b} SAR`),
    );
    fc.assert(
      fc.property(decoy, scriptOf, (d, script) => {
        const text = script(d);
        expect(detectSensitive(text), JSON.stringify(text)).toEqual([]);
      }),
      RUNS,
    );
  });
});
