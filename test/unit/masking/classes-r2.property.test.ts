/**
 * Property tests for the failure classes named on the second independent round (`bench/masking/sets/independent-r2`,
 * a tune set since the fourth round). Each test generates its class in many forms — digit scripts (mixed within one
 * value too), separators (no-break and thin spaces, underscores, U+066C), label before or after, line breaks,
 * spellings and conjugations — and, where the class has a look-alike that must stay visible, generates that too.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { digits, foundIn, iranCodes, luhnComplete, mod97, RUNS, scriptOf, visibleIn } from './generators';

/** An IBAN of `cc` with a random BBAN of `n` digits and valid check digits. */
const ibanOf = (cc: string, n: number): fc.Arbitrary<string> => digits(n).map((bban) => cc + String(98 - mod97(bban + cc + '00')).padStart(2, '0') + bban);
/** Registry countries and the Maghreb's IBANs issued outside it (Morocco 28, Algeria 26). */
const anyIban = fc.oneof(ibanOf('AE', 19), ibanOf('SA', 20), ibanOf('MA', 24), ibanOf('DZ', 22), ibanOf('TN', 20), ibanOf('EG', 25));
const space = fc.constantFrom(' ', '\u00a0', '\u2009', '\u202f');
const cards = fc.tuple(fc.constantFrom('4', '5'), digits(14)).map(([p, d]) => luhnComplete(p + d));

describe('failure classes of the second independent round (property)', () => {
  it('IBANs and passports with underscores, IBANs of the Maghreb, split over two lines', () => {
    fc.assert(
      fc.property(anyIban, fc.constantFrom('_', ' ', '\u00a0', '-', 'none'), fc.boolean(), fc.constantFrom('الآيبان', 'RIB / IBAN ديالي', 'حولوا على', 'my iban'), (ib, sep, split, label) => {
        const grouped = sep === 'none' ? ib : `${ib.slice(0, 4)}${sep}${ib.slice(4).match(/.{1,4}/g)!.join(sep)}`;
        const v = split ? `${grouped.slice(0, 14)}\n${grouped.slice(14)}` : grouped;
        foundIn(`${label} ${v} عسب الطلب`, v, 'IBAN');
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.constantFrom('A', 'G', 'K', 'P', 'AB'), digits(8), fc.constantFrom('_', '-', ' ', ''), fc.constantFrom('رقم الجواز', 'pp no', 'ppt #', 'شماره پاسپورت', 'شماره پاسپورد', 'passport', 'le numéro de passeport', 'passaporte nº'), (l, d, sep, label) => {
        const v = `${l}${sep}${d}`;
        foundIn(`${label} ${v} exp 2031`, v, 'PASSPORT');
      }),
      RUNS,
    );
  });

  it('a phone in a wa.me link without a plus, of a valid length for its country', () => {
    const numbers = fc.oneof(
      fc.tuple(fc.constantFrom('2135', '2136', '2137'), digits(8)),
      fc.tuple(fc.constantFrom('2126', '2127'), digits(8)),
      fc.tuple(fc.constantFrom('96650', '96655', '96659'), digits(7)),
      fc.tuple(fc.constantFrom('2010', '2011', '2012'), digits(8)),
    ).map(([p, d]) => p + d);
    fc.assert(
      fc.property(numbers, fc.constantFrom('https://wa.me/', 'wa.me/', 'http://wa.me/'), fc.constantFrom('', '+'), fc.constantFrom('كلموني فالواتساب ', 'write me here ', ''), (num, host, plus, pre) => {
        const v = `${plus}${num}`;
        foundIn(`${pre}${host}${v} شكرا`, v, 'PHONE');
      }),
      RUNS,
    );
  });

  it('birth dates with a month abbreviation glued to a two-digit year ("23-Mar-96", "03-MAR-88"); an event date stays visible', () => {
    const mon = fc.constantFrom('Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), mon, fc.integer({ min: 40, max: 99 }), fc.constantFrom('-', '/', '.'), fc.constantFrom((m: string) => m, (m: string) => m.toUpperCase(), (m: string) => m.toLowerCase()), scriptOf, fc.constantFrom('DOB', 'تاريخ الازدياد', 'تاریخ تولد', 'born on', 'date of birth:'), (day, m, yy, sep, cased, script, label) => {
        const v = script(`${String(day).padStart(2, '0')}${sep}${cased(m)}${sep}${yy}`);
        foundIn(`${label} ${v} و الكود ما وصلش`, v, 'DOB');
        visibleIn(`order delivered ${v}, thanks`, v);
      }),
      RUNS,
    );
  });

  it('a phone followed by a count and its word ("(021) 2915 9252 2 hafte", "0912 345 6789 3 روزه")', () => {
    fc.assert(
      fc.property(fc.oneof(digits(8).map((d) => `(021) ${d.slice(0, 4)} ${d.slice(4)}`), digits(7).map((d) => `0912 ${d.slice(0, 3)} ${d.slice(3)}`)), fc.integer({ min: 1, max: 30 }), fc.constantFrom('hafte', 'rooz', 'روزه', 'days', 'ساعت'), scriptOf, (phone, k, word, script) => {
        const v = script(phone);
        foundIn(`telefone sabete khoone ${v} ${script(String(k))} ${word} ghat'e`, v, 'PHONE');
        const joined = script(phone.replace(/\D/g, ''));
        foundIn(`call me on ${joined} ${script(String(k))} ${word} today`, joined, 'PHONE');
      }),
      RUNS,
    );
  });

  it('a ten-digit mobile with a trunk 0 in a phone\'s groups in Persian text; a national code written joined stays an ID', () => {
    fc.assert(
      fc.property(fc.constantFrom('050', '052', '055', '056', '058'), digits(7), iranCodes, scriptOf, space, (p, d, code, script, sp) => {
        const v = script(`${p}${sp}${d.slice(0, 3)}${sp}${d.slice(3)}`);
        foundIn(`راننده گوشیمو برد، شمارش ${v} بود`, v, 'PHONE');
        foundIn(`راننده گوشیمو برد، ${v} بود`, v, 'PHONE');
        foundIn(`کد ملی من ${script(code)} هست`, script(code), 'NATIONAL_ID');
      }),
      RUNS,
    );
  });

  it('a form\'s heading (invoice, order) above a line of fields that starts with a name does not veto the values on it; a value under its own label, or after a carrier\'s name, stays visible', () => {
    fc.assert(
      fc.property(iranCodes, digits(7), fc.constantFrom('مشخصات جهت صدور فاکتور رسمی:', 'Invoice details:', 'بيانات الطلب:'), fc.constantFrom('علی محمدی', 'Sara K', 'زهرا'), fc.constantFrom('، ', ', ', ' - '), scriptOf, (code, mob, heading, name, sep, script) => {
        const id = script(code);
        const phone = script(`0919${mob}`);
        const text = `${heading}\n${name}${sep}${id}${sep}${phone}\nنشانی: تهران`;
        foundIn(text, id, 'NATIONAL_ID');
        foundIn(text, phone, 'PHONE');
        visibleIn(`شماره فاکتور:\n${id}`, id);
        // (a trunk "0" and a valid mobile's digits make a phone under any label: not this class)
        if (code[0] !== '0') visibleIn(`tracking number:\nDHL ${id}`, id);
      }),
      RUNS,
    );
  });

  it('"the number you sent": dialect verbs of sending with any ending, SMS spelt out; a sum sent in a currency stays visible', () => {
    const verb = fc.oneof(
      fc.tuple(fc.constantFrom('بعت', 'بعث', 'ارسلت', 'دزيت', 'فرستاد'), fc.constantFrom('وه', 'وها', 'ولي', 'يلي', 'ين', 'ید', 'ه', 'وهولي')).map(([a, b]) => a + b),
      fc.tuple(fc.constantFrom('ba3at', 'b3at', 'ersalt', 'dazzet', 'dazzit', 'ferestad'), fc.constantFrom('ooh', 'oh', 'oli', 'ouli', 'ouh', 'in', 'id')).map(([a, b]) => a + b),
      fc.constant('اس ام اس کردین'),
    );
    const layout = fc.constantFrom((c: string) => c, (c: string) => c.split('').join('-'), (c: string) => c.split('').join(' '));
    fc.assert(
      fc.property(verb, fc.integer({ min: 4, max: 6 }).chain((n) => digits(n)), layout, scriptOf, fc.constantFrom('el rakam elly', 'الرقم الي', 'اون عددی که', 'the number you'), (v, code, lay, script, pre) => {
        fc.pre(!/^(19|20)/.test(code) && !code.endsWith('00'));
        const shown = script(lay(code));
        foundIn(`${pre} ${v} ${shown} msh shaghal`, shown, 'OTP');
        visibleIn(`${v} ${script('1500')} جنيه امبارح`, script('1500'));
      }),
      RUNS,
    );
  });

  it('a card\'s expiry written with a month name; a document\'s expiry month stays visible in a message about a card', () => {
    const month = fc.constantFrom('ديسمبر', 'يناير', 'December', 'Sep', 'مهر', 'كانون الأول', 'دجنبر', 'جون');
    fc.assert(
      fc.property(cards, month, fc.integer({ min: 2025, max: 2034 }), scriptOf, fc.constantFrom('والتي تنتهي صلاحيتها في', 'expires', 'valid thru', 'تفنى في', 'تاریخ ختم'), (card, m, y, script, verb) => {
        const v = `${m} ${script(String(y))}`;
        foundIn(`بطاقتي ذات الرقم ${script(card)} ${verb} ${v}.`, v, 'CARD_EXPIRY');
        visibleIn(`بطاقتي ${script(card)} رفضت، وجواز سفري ينتهي في ${v}.`, v);
      }),
      RUNS,
    );
  });

  it('birth dates with Dari month names (Afghan solar months, Kabul\'s Gregorian names) and days written as ordinal words', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.constantFrom('حمل', 'ثور', 'جوزا', 'سنبله', 'عقرب', 'حوت', 'جنوری', 'فبروری', 'اکتوبر', 'دسمبر'), fc.integer({ min: 1340, max: 1399 }), scriptOf, fc.constantFrom('تولد:', 'تاریخ تولد مه', 'زاده'), (d, m, y, script, label) => {
        const year = /[جفاد]/.test(m[0]!) && !['جوزا'].includes(m) ? y + 621 : y;
        const v = `${script(String(d))} ${m} ${script(String(year))}`;
        foundIn(`نام: فریده\n${label} ${v}\nمیخواهم حساب باز کنم`, v, 'DOB');
      }),
      RUNS,
    );
    fc.assert(
      fc.property(
        fc.constantFrom(['الخامس عشر من', 'رمضان', 1385], ['الحادي والعشرين من', 'شعبان', 1390], ['الأول من', 'محرم', 1400], ['پانزدهم', 'فروردین', 1365], ['بیست و یکم', 'مهر', 1361], ['fifteenth of', 'March', 1985], ['twenty-first of', 'May', 1979]),
        scriptOf,
        fc.constantFrom('تاريخ ميلادي', 'تاریخ تولدم', 'my date of birth is the'),
        ([day, month, year], script, label) => {
          const v = `${day} ${month} ${script(String(year))}`;
          foundIn(`${label} ${v}، ورقم هويتي محفوظ`, v, 'DOB');
        },
      ),
      RUNS,
    );
  });

  it('a birth date corrected in the sentence after its label; a date after "birthday" (no label) or with no word correcting the label stays visible', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.constantFrom('فروردین', 'مهر', 'March', 'رمضان'), fc.integer({ min: 1350, max: 1399 }), scriptOf, (d, m, y, script) => {
        const year = /^[A-Z]/.test(m) ? y + 621 : y;
        const v = `${script(String(d))} ${m} ${script(String(year))}`;
        foundIn(`تاریخ تولد اینجانب در پرونده به اشتباه درج شده است. تاریخ صحیح ${v} می‌باشد.`, v, 'DOB');
        foundIn(`My date of birth is wrong on the account. The correct one is ${v}.`, v, 'DOB');
        foundIn(`تاريخ الميلاد في الحساب غلط. الصحيح ${v}`, v, 'DOB');
        visibleIn(`Happy birthday to my son! The party is on ${v}.`, v);
        visibleIn(`DOB is required on the form. Today is ${v}.`, v);
      }),
      RUNS,
    );
  });

  it('a card security code as "the number on the back" in Darija, in Arabic script or Latin ("الرقم لور ديالها 317", "f lor")', () => {
    fc.assert(
      fc.property(cards, digits(3), scriptOf, fc.constantFrom('الرقم لور ديالها', 'الكود تاع اللور', 'والرقم اللي من لور', 'w ra9m li f lor dyalha', 'code lour'), (card, cvv, script, label) => {
        fc.pre(!cvv.endsWith('00'));
        const text = `خلصت بالكارط ${script(card)} صالحة حتى ${script('09/26')} ${label} ${script(cvv)} وتقطعو ليا الفلوس`;
        foundIn(text, script(cvv), 'CVV');
        foundIn(text, script('09/26'), 'CARD_EXPIRY');
      }),
      RUNS,
    );
  });

  it('siblings: an expiry labelled "MM/YY" before the card, "the digits at the back" (Persian "پشت کارت" too), a code typed digit by digit with dots; a version stays visible', () => {
    fc.assert(
      fc.property(cards, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 25, max: 34 }), digits(3), scriptOf, (card, m, y, cvv, script) => {
        const exp = script(`${String(m).padStart(2, '0')}/${y}`);
        foundIn(`MM/YY: ${exp} for the card ${script(card)}`, exp, 'CARD_EXPIRY', 'first');
        fc.pre(!cvv.endsWith('00'));
        foundIn(`the 3 digits at the back are ${script(cvv)}, card ${script(card)}`, script(cvv), 'CVV', 'first');
        foundIn(`کارت ${script(card)} سه رقم پشت کارت ${script(cvv)} هست`, script(cvv), 'CVV');
        // "پشتیبانی" (support) starts like "پشت" (back): an amount in a message to support stays visible
        visibleIn(`پشتیبانی عزیز کارت ${script(card)} مبلغ ${script(cvv)} تومن کم شد`, script(cvv));
      }),
      RUNS,
    );
    fc.assert(
      fc.property(digits(4), fc.constantFrom('.', '\u066b'), scriptOf, fc.constantFrom('your code:', 'رمز التحقق', 'کد تایید'), (code, dot, script, label) => {
        const v = script(code.split('').join(dot));
        foundIn(`${label} ${v}`, v, 'OTP');
        visibleIn(`app version ${script('3.2.0.7')} crashed`, script('3.2.0.7'));
      }),
      RUNS,
    );
  });

  it('siblings: a birth year cut to two digits by an apostrophe after a birth word ("born in \'88"); a year moved to stays visible', () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 99 }), fc.constantFrom("'", '\u2019'), scriptOf, fc.constantFrom('born in', 'مواليد', 'متولد', 'I was born back in'), (yy, apo, script, label) => {
        const v = `${apo}${script(String(yy))}`;
        foundIn(`${label} ${v}, need to update my account`, v, 'DOB');
        visibleIn(`I moved here in ${v}, need to update my account`, v);
      }),
      RUNS,
    );
  });

  it('siblings: an Arabizi article or a Finglish ending glued to a code word ("lcode", "codi", "kodam"), "rmz"; "expat" is no expiry word', () => {
    fc.assert(
      fc.property(fc.constantFrom('lcode', 'elcode', 'codi', 'codam', 'kodam', 'lpin', 'rmz', 'lotp', 'otpi'), fc.constantFrom('li wselni', 'ke baram oomad', 'elli jani', ''), fc.integer({ min: 4, max: 6 }).chain((n) => digits(n)), scriptOf, (word, verb, code, script) => {
        fc.pre(!/^(19|20)/.test(code) && !code.endsWith('00'));
        const v = script(code);
        foundIn(`${word} ${verb} ${v} makhdamch`, v, 'OTP');
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1950, max: 2000 }), scriptOf, (d, m, y, script) => {
        const v = script(`${d}/${m}/${y}`);
        foundIn(`born ${v} expat here`, v, 'DOB');
      }),
      RUNS,
    );
  });

  it('siblings: birth dates printed compact ("15MAR1990", "15Mar90") or with the words for month and year ("٢٠ من شهر ٣ سنة ١٩٩٠"); a flight date stays visible', () => {
    const mon = fc.constantFrom('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), mon, fc.integer({ min: 1950, max: 2005 }), fc.boolean(), fc.boolean(), scriptOf, fc.constantFrom('D.O.B', 'DOB:', 'b.day', 'تاريخ الميلاد'), (d, m, y, upper, short, script, label) => {
        const v = script(`${String(d).padStart(2, '0')}${upper ? m.toUpperCase() : m}${short ? String(y).slice(2) : y}`);
        foundIn(`${label} ${v} pls`, v, 'DOB');
        visibleIn(`flight BA117 on ${v} seat 12A`, v);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1340, max: 1399 }), scriptOf, fc.constantFrom(['تاريخ ميلادي', 'من شهر', 'سنة', 621], ['تولد:', 'ماه', 'سال', 0], ['born on day', 'month', 'year', 621]), (d, m, y, script, [label, month, year, shift]) => {
        const v = `${script(String(d))} ${month} ${script(String(m))} ${year} ${script(String(y + (shift as number)))}`;
        foundIn(`${label} ${v}`, v, 'DOB');
        visibleIn(`the order came on ${v}`, v);
      }),
      RUNS,
    );
  });

  it('siblings: a passport with a letter at both ends ("P1234567A"); an order or model code of that shape stays visible', () => {
    fc.assert(
      fc.property(fc.constantFrom('P', 'E', 'X'), digits(7), fc.constantFrom('A', 'B', 'C'), fc.constantFrom('passport', 'PP no.', 'رقم الجواز', 'kabayan, passport ko'), (a, d, z, label) => {
        const v = `${a}${d}${z}`;
        foundIn(`${label} ${v} po, renewing`, v, 'PASSPORT');
        visibleIn(`order ${v} shipped`, v);
      }),
      RUNS,
    );
  });

  it('siblings: a social security number (3-2-4) after "ssn" is a national ID, even where it could pass as a phone', () => {
    fc.assert(
      fc.property(digits(9), fc.constantFrom('-', ' '), fc.constantFrom('the ssn', 'SSN:', 'my ssn is', 'ssn no.'), (d, sep, label) => {
        fc.pre(d[0] !== '9' && !d.startsWith('666') && !d.startsWith('000'));
        const v = `${d.slice(0, 3)}${sep}${d.slice(3, 5)}${sep}${d.slice(5)}`;
        foundIn(`${label} ${v}`, v, 'NATIONAL_ID');
      }),
      RUNS,
    );
  });
});
