/**
 * Property tests for the failure classes named on the third independent round (`bench/masking/sets/independent-r3`,
 * the fifth round's tune set). Each test generates its class in many forms — digit scripts (mixed within one value
 * too), separators, label before or after, spellings — and, where the class has a look-alike that must stay
 * visible, generates that too.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { digits, foundIn, iranCodes, RUNS, scriptOf, visibleIn } from './generators';

const day = fc.integer({ min: 1, max: 28 }).map(String);

describe('failure classes of the third independent round (property)', () => {
  it('birth dates with a Hijri month spelled in Latin letters, or written joined by a ZWNJ', () => {
    const latinHijri = fc.constantFrom('Ramadan', 'ramadan', 'Ramadhan', 'ramazan', 'Shawwal', 'shawal', 'Muharram', 'Safar', 'Rajab', 'Shaban', 'Shaaban', 'Rabi al Awwal', 'rabi ul akhir', 'Jumada al Ula', 'Dhul Hijjah', 'dhul qadah', 'Zul Hijjah');
    const joined = fc.constantFrom('ربیع‌الاول', 'ربيع‌الثاني', 'جمادى‌الأولى', 'ذو‌الحجة', 'ذوالقعدة', 'ربيع الاول');
    const year = fc.integer({ min: 1380, max: 1445 }).map(String);
    const birth = fc.constantFrom('my birthday', 'DOB', 'date of birth:', 'tareekh al milad', 'mwalid', 'تاريخ الميلاد', 'تاریخ تولد', 'born on');
    fc.assert(
      fc.property(birth, day, fc.oneof(latinHijri, joined), year, scriptOf, fc.constantFrom('', ' hijri', ' بالهجري', ', pls fix'), (label, d, month, y, script, post) => {
        const v = `${script(d)} ${month} ${script(y)}`;
        foundIn(`${label} ${v}${post}`, v, 'DOB');
      }),
      RUNS,
    );
    // the same date without a birth word stays visible (an appointment, a sale)
    fc.assert(
      fc.property(day, latinHijri, year, fc.constantFrom('the sale ends', 'appointment on', 'we travel'), (d, month, y, pre) => {
        const v = `${d} ${month} ${y}`;
        visibleIn(`${pre} ${v} insha'allah`, v);
      }),
      RUNS,
    );
  });

  it('national numbers of English-speaking Africa with their trunk 0, in groups, dashes or joined', () => {
    const ng = fc.tuple(fc.constantFrom('0803', '0806', '0805', '0813', '0816', '0703', '0706', '0903', '0808', '0810', '0708'), digits(7));
    const layout = fc.constantFrom((p: string, d: string) => `${p} ${d.slice(0, 3)} ${d.slice(3)}`, (p: string, d: string) => `${p}${d}`, (p: string, d: string) => `${p}-${d.slice(0, 3)}-${d.slice(3)}`);
    const label = fc.constantFrom('my line', 'call me on', 'my number na', 'reach me on', 'office line', 'WhatsApp me', '');
    fc.assert(
      fc.property(ng, layout, label, fc.boolean(), fc.constantFrom('', ' o', ' abeg', ' pls'), ([p, d], lay, l, valueFirst, post) => {
        const v = lay(p, d);
        foundIn(valueFirst ? `${v} na my number${post}` : `${l} ${v}${post}`, v, 'PHONE');
      }),
      RUNS,
    );
    // with a calling code but no plus, in groups
    fc.assert(
      fc.property(digits(7), fc.constantFrom('803', '806', '703'), (d, op) => {
        const v = `234 ${op} ${d.slice(0, 3)} ${d.slice(3)}`;
        foundIn(`my line is ${v} thanks`, v, 'PHONE');
      }),
      RUNS,
    );
  });

  it('flight numbers, years after a year word and Maghrebi order numbers stay visible in a message about a code', () => {
    const designator = fc.oneof(fc.tuple(fc.constantFrom(...'ABEFGKLMQRSUVWXZ'), fc.constantFrom(...'AEHKQRSVXZ')).map(([a, b]) => a + b).filter((x) => !['BE', 'ME', 'WE', 'AS', 'US', 'ES', 'KE', 'VA', 'EH', 'YE', 'YA'].includes(x)), fc.constantFrom('W6', 'G9', '3L', 'J9', 'XY', 'FZ', 'MS', 'SV', 'EK'));
    const codeTalk = fc.constantFrom('code SAVE30 ma eshta8al 3la 7ajz', 'the promo code did not work for flight', 'code takhfif baraye parvaz', 'كود الخصم ما اشتغل على رحلة', 'کد تخفیف برای پرواز');
    fc.assert(
      fc.property(codeTalk, designator, digits(4), scriptOf, fc.constantFrom('', ', pls check', ' کار نمیکنه'), (pre, des, d, script, post) => {
        const v = script(d);
        visibleIn(`${pre} ${des} ${v}${post}`, v);
      }),
      RUNS,
    );
    // …while a code after its own strong label keeps its mask, whatever capitals stand before it
    fc.assert(
      fc.property(designator, digits(4), fc.constantFrom('otp:', 'verification code', 'رمز التحقق', 'کد تایید'), (des, d, label) => {
        foundIn(`${label} ${des} ${d}`, d, 'OTP');
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.integer({ min: 1380, max: 1410 }), scriptOf, fc.constantFrom('سال', 'سنة', 'عام', 'year'), fc.constantFrom('پیامک بدهی برای عملکرد', 'the sms code about the tax of', 'رسالة الكود عن ضريبة'), (y, script, word, pre) => {
        const v = script(String(y));
        visibleIn(`${pre} ${word} ${v} رسید`, v);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(digits(7), scriptOf, fc.constantFrom('الكوموند', 'الكومند', 'la commande', 'komand'), (d, script, word) => {
        const v = script(d);
        visibleIn(`واش الكود BLACKFRIDAY باقي خدام؟ درت ${word} ${v} وما نقصش الثمن`, v);
      }),
      RUNS,
    );
  });

  it('passports read out in groups after a passport word: digits only or a letter and pairs', () => {
    const label = fc.constantFrom('PP no.', 'passport', 'my passport number is', 'رقم الجواز', 'رقم الباسبور تاعي', 'شماره پاسپورت', 'nemre basbor');
    // (a last group of zeros, "107 032 000", included: round 12 (d))
    const grouped = fc.oneof(
      digits(9).map((d) => [d.slice(0, 3), d.slice(3, 6), d.slice(6)]),
      digits(8).map((d) => [d.slice(0, 4), d.slice(4)]),
      digits(8).map((d) => [d.slice(0, 2), d.slice(2, 4), d.slice(4, 6), d.slice(6)]),
      digits(6).map((d) => [d.slice(0, 3), d.slice(3), '000']),
    );
    fc.assert(
      fc.property(label, fc.constantFrom('', 'B ', 'K-', 'P'), grouped, fc.constantFrom(' ', '-'), scriptOf, fc.constantFrom('', ' الجديد', " - that's the new one", ' exp 2031'), (l, letter, gs, sep, script, post) => {
        const v = letter + script(gs.join(sep));
        foundIn(`${l} ${v}${post}`, v, 'PASSPORT');
      }),
      RUNS,
    );
    // a document's date written with spaces after a passport word stays visible
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2024, max: 2040 }), fc.constantFrom('passport expiry', 'passport valid until', 'انتهاء الجواز'), (d, m, y, l) => {
        const v = `${String(d).padStart(2, '0')} ${String(m).padStart(2, '0')} ${y}`;
        visibleIn(`${l} ${v}`, v);
      }),
      RUNS,
    );
  });

  it('a phone in a Telegram link, an address broken after its "@"', () => {
    fc.assert(
      fc.property(fc.constantFrom('98912', '98990', '96655', '20100', '97150'), digits(7), fc.constantFrom('t.me/+', 'https://t.me/+'), fc.constantFrom('to telegram payam bedid ', 'راسلني على ', 'msg me '), (p, d, host, pre) => {
        const v = `+${p}${d}`;
        foundIn(`${pre}${host}${p}${d} ya inja`, v, 'PHONE');
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.constantFrom('adaeze.okafor', 'sara_k88', 'm.rezaei'), fc.constantFrom('outlook.com', 'gmail.com', 'yahoo.co.uk'), fc.constantFrom('\n', ' '), (local, domain, gap) => {
        const v = `${local}@${gap}${domain}`;
        foundIn(`send the statement to my mail ${v} i need am`, v, 'EMAIL');
      }),
      RUNS,
    );
  });

  it('an Iranian national code after its label in Finglish or Arabic is an ID, not a phone; a Dari phone word names a phone', () => {
    fc.assert(
      fc.property(iranCodes.filter((c) => c.startsWith('0')), scriptOf, fc.constantFrom('code mellim', 'codemelli', 'kod mellim', 'الرقم الوطني الإيراني', 'رقمي الوطني', 'کد ملی'), (code, script, label) => {
        const v = script(code);
        foundIn(`salam ${label} ${v} lotfan peygiri konid`, v, 'NATIONAL_ID');
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.constantFrom('070', '072', '078', '079', '077'), digits(7), scriptOf, fc.constantFrom('نمبر تیلفون مه', 'تیلیفونم', 'به این نمبر زنگ بزنین'), (p, d, script, label) => {
        const v = script(p + d);
        foundIn(`سلام ${label} ${v} لطفا`, v, 'PHONE');
      }),
      RUNS,
    );
    // a contract number written with a slash stays visible
    fc.assert(
      fc.property(digits(6), digits(2), scriptOf, (a, b, script) => {
        const v = script(`${a}/${b}`);
        visibleIn(`مبلغ سپرده قرارداد شماره ${v} واریز گردد`, v);
      }),
      RUNS,
    );
  });

  it('a record number labelled right before it stays visible even when it reads as a national phone; a phone after its account word does not', () => {
    const saudiShaped = fc.tuple(fc.constantFrom('011', '012', '013', '055', '050', '051'), digits(7)).map(([p, d]) => p + d);
    fc.assert(
      fc.property(saudiShaped, scriptOf, fc.constantFrom('رقم الطلب', 'نمبر حواله', 'order', 'tracking', 'رقم الشحنة', 'شماره پیگیری', 'ticket'), fc.constantFrom(' مش رقم تلفون', ' not my phone', ''), (d, script, label, post) => {
        const v = script(d);
        visibleIn(`${label} ${v}${post}`, v);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.constantFrom('055', '050', '056'), digits(7), scriptOf, fc.constantFrom('رقمي المربوط بالحساب', 'غيروا رقم الجوال في الطلب إلى', 'update the contact number on my order to'), (p, d, script, label) => {
        const v = script(p + d);
        foundIn(`${label} ${v}`, v, 'PHONE');
      }),
      RUNS,
    );
  });

  it('British and Irish IBANs printed with their bank code in capitals and the digits in any grouping', () => {
    const checkDigits = (cc: string, bban: string): string => {
      const n = BigInt([...(bban + cc + '00')].map((ch) => (/[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch)).join(''));
      return String(98n - (n % 97n)).padStart(2, '0');
    };
    const bank = fc.array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), { minLength: 4, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.constantFrom('GB', 'IE'), bank, digits(6), digits(8), fc.constantFrom(' ', '-', '\u00a0'), fc.constantFrom('my UK account', 'حولت من حسابي', 'iban:', 'send to'), (cc, b, sort, acc, sep, pre) => {
        const v = `${cc}${checkDigits(cc, b + sort + acc)}${sep}${b}${sep}${sort}${sep}${acc}`;
        foundIn(`${pre} ${v} - pls confirm`, v, 'IBAN');
      }),
      RUNS,
    );
  });

  it("an American Express card's four-digit code printed on the front is a CVV", () => {
    fc.assert(
      fc.property(digits(4), scriptOf, fc.constantFrom('the four digit code on the front is', 'code on the front of the card:', 'the number at the front', 'front of my card says'), fc.constantFrom("It's an Amex", 'my amex card', 'American Express credit card'), (d, script, label, card) => {
        const v = script(d);
        foundIn(`${card} - and ${label} ${v}`, v, 'CVV');
      }),
      RUNS,
    );
    // a code on the front of a parcel, in a message about no card, stays visible
    fc.assert(
      fc.property(digits(4).filter((d) => !d.endsWith('00')), (d) => {
        visibleIn(`the label on the front of the parcel shows ${d} boxes`, d);
      }),
      RUNS,
    );
  });

  it('two codes in a message that names codes in the plural: both are found, however each is typed', () => {
    const typed = fc.constantFrom((d: string) => d, (d: string) => d.split('').join(' '), (d: string) => `${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)}`, (d: string) => `${d.slice(0, 3)} ${d.slice(3)}`);
    const six = digits(6).filter((d) => !d.endsWith('00') && d[0] !== '0');
    fc.assert(
      fc.property(six, six, typed, typed, fc.constantFrom('they sent 2 codes', 'got two codes', 'وصلني رموز', 'دو تا کدها اومد'), (d1, d2, t1, t2, pre) => {
        const v1 = t1(d1);
        const v2 = t2(d2);
        const text = `${pre} 1st was ${v1} 2nd was ${v2} which 1 do i use???`;
        foundIn(text.slice(0, text.indexOf(v1) + v1.length), v1, 'OTP');
        foundIn(text, v2, 'OTP');
      }),
      RUNS,
    );
  });
});
