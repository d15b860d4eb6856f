/**
 * Property tests for round 22 (issue #20): the classes the lead named from the told r16 set, generated in their
 * formats — other countries' IDs by their structure and label, letter-prefixed passports in Arabic, IBANs off by a
 * digit under a label, Tajik and Amex card fields, birth years beside an age, Bangla dates, phones named by a country
 * or a link's parameter, repeated letter-prefixed codes — each beside decoys of the same shape.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { digits, filler, foundIn, luhnComplete, mod97, RUNS, visibleIn } from './generators';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const upper = (n: number): fc.Arbitrary<string> => fc.array(fc.constantFrom(...UPPER), { minLength: n, maxLength: n }).map((a) => a.join(''));
const two = (n: number): string => String(n).padStart(2, '0');
const inScript = (zero: number) => (d: string): string => d.replace(/[0-9]/g, (x) => String.fromCharCode(zero + +x));
const persianDigits = inScript(0x6f0);
const bengali = inScript(0x9e6);

/** Ireland's PPS number with its check letter, written apart from the detector's. */
const ppsNumbers = fc.tuple(digits(7), fc.constantFrom('', 'A', 'B', 'W')).map(([d, l2]) => {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += +d[i]! * (8 - i);
  if (l2 && l2 !== 'W') sum += 9 * (l2.charCodeAt(0) - 64);
  const r = sum % 23;
  return `${d}${r ? String.fromCharCode(64 + r) : 'W'}${l2}`;
});

/** A nine-digit number that passes Luhn, any first digit (Canada's SIN), in threes. */
const sins = digits(8).map((b) => luhnComplete(b).replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3'));

describe('masking round 22: other countries\' national numbers by their own structure and label', () => {
  it('an Irish PPS number, a Ugandan NIN and a Ghana card are IDs, labelled or not', () => {
    fc.assert(
      fc.property(ppsNumbers, fc.constantFrom('M', 'F'), digits(8), upper(4), digits(9), digits(1), fc.constantFrom('PPS no ', 'PPSN: ', 'my PPS is ', 'her number '), filler, (pps, sex, nin, ninTail, gha, check, label, pre) => {
        foundIn(`${pre}${label}${pps} thanks`, pps, 'NATIONAL_ID');
        foundIn(`${pre}NIN C${sex}${nin}${ninTail}\nDOB to follow`, `C${sex}${nin}${ninTail}`, 'NATIONAL_ID');
        foundIn(`${pre}details: C${sex}${nin}${ninTail} pls verify`, `C${sex}${nin}${ninTail}`, 'NATIONAL_ID');
        foundIn(`${pre}Ghana card no: GHA-${gha}-${check}\nPassport to follow`, `GHA-${gha}-${check}`, 'NATIONAL_ID');
      }),
      RUNS,
    );
  });

  it('a Luhn-valid 3-3-3 after "SIN" or "NAS" is the ID, not a phone, even with a leading zero', () => {
    fc.assert(
      fc.property(sins, fc.constantFrom('SIN-am ', 'SIN: ', 'my SIN is ', 'mon NAS c\'est ', 'NAS '), filler, (sin, label, pre) => {
        // (a round figure in thousands after any word is an amount: a rule of its own)
        fc.pre(!sin.endsWith('000'));
        foundIn(`${pre}${label}${sin} merci`, sin, 'NATIONAL_ID');
      }),
      RUNS,
    );
  });

  it('an Indonesian mobile (08 and eight to eleven digits) after "HP" or before "(Indonesia)" is a phone', () => {
    fc.assert(
      fc.property(fc.constantFrom('12', '13', '21', '22', '52', '57', '77', '81'), digits(4), digits(4), fc.boolean(), (op, a, b, named) => {
        const phone = `08${op}-${a}-${b}`;
        foundIn(named ? `Nomor HP saya ${phone} ya kak` : `nomor saya ${phone} (Indonesia) tolong`, phone, 'PHONE');
      }),
      RUNS,
    );
  });
});

describe('masking round 22: passports, IBANs and card fields', () => {
  it('three capitals and six or seven digits after a passport word and a nationality adjective are the passport; after a booking\'s code they are not', () => {
    fc.assert(
      // (prefixes that are no word the lexicon knows: "MOB", "TXN", "PPS" are labels)
      fc.property(fc.constantFrom('TAE', 'TAB', 'TZA', 'AKB', 'BGK', 'CDR', 'PKH', 'ZRN'), fc.oneof(digits(6), digits(7)), fc.constantFrom('جوازي تنزاني ', 'جواز سفري الكيني ', 'جواز زوجتي التنزانية ', 'رقم جوازي الأوغندي '), (letters, num, label) => {
        const pp = `${letters}${num}`;
        foundIn(`${label}${pp} ينتهي السنة الجاية`, pp, 'PASSPORT');
        visibleIn(`وكود الحجز ${letters} ${num} ما اشتغل`, `${letters} ${num}`);
      }),
      RUNS,
    );
  });

  it('an IBAN a digit long or short after its word, or under a label ending the line above, in Persian digits too', () => {
    fc.assert(
      fc.property(digits(22), fc.constantFrom(-1, 1, 2), fc.boolean(), fc.constantFrom('شبا:\n', 'شماره شبا\n', 'IBAN:\n', 'شبا: '), (bban, off, fa, label) => {
        const good = `IR${String(98 - mod97(bban + 'IR00')).padStart(2, '0')}${bban}`;
        const mistyped = off < 0 ? good.slice(0, off) : good + '4071'.slice(0, off);
        const grouped = mistyped.replace(/(.{4})(?=.)/g, '$1 ');
        const value = fa ? `IR${persianDigits(grouped.slice(2))}` : grouped;
        foundIn(`${label}${value}\nبه نام: مریم`, value, 'IBAN');
      }),
      RUNS,
    );
  });

  it('an Amex number\'s four-digit code after "code" is its CVV; a Tajik expiry after the card or its CVV is the expiry', () => {
    fc.assert(
      fc.property(fc.constantFrom('34', '37'), digits(12), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 25, max: 33 }), digits(4), digits(3), digits(15), (pre, body, m, y, cvv4, cvv3, visa) => {
        const amex = luhnComplete(pre + body).replace(/^(\d{4})(\d{6})(\d{5})$/, '$1 $2 $3');
        foundIn(`my amex ${amex} exp ${two(m)}/${y} code ${cvv4} keeps failing`, cvv4, 'CVV');
        // (a code given away a sentence later is the one-time code of a scam, not the card's)
        foundIn(`charged twice on my card ${amex}. I accidentally gave the code ${cvv4} to someone who called`, cvv4, 'OTP');
        const card = luhnComplete(`4${visa}`).replace(/(\d{4})(?=\d)/g, '$1 ');
        foundIn(`Рақами корт ${card}, CVV ${cvv3}, то ${two(m)}/${y}. Ташаккур`, `${two(m)}/${y}`, 'CARD_EXPIRY');
        foundIn(`Kortai man ${card} kor namekunad. Muhlati kort ${two(m)}/${y}. Rahmat`, `${two(m)}/${y}`, 'CARD_EXPIRY');
      }),
      RUNS,
    );
  });
});

describe('masking round 22: birth dates, phones, codes', () => {
  it('a year alone with an age beside it that adds up to this era is the birth year; one that does not is left', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1330, max: 1390 }), fc.integer({ min: -1, max: 1 }), fc.integer({ min: 1940, max: 2010 }), (y, slip, g) => {
        const age = 1403 - y + slip;
        foundIn(`در تذکره نوشته ${persianDigits(String(y))} و سن ${persianDigits(String(age))}. بانک تاریخ دقیق میخواهد`, persianDigits(String(y)), 'DOB');
        foundIn(`در تذکره ام نوشته ${y} و عمرم ${age} ساله است`, String(y), 'DOB');
        foundIn(`the ID only says ${g}, I am ${2025 - g} years old`, String(g), 'DOB');
        visibleIn(`تذکره ام سال ${persianDigits(String(y))} توزیع شده و پسرم ${persianDigits('5')} ساله است`, persianDigits(String(y)));
      }),
      RUNS,
    );
  });

  it('a date in Bengali digits after a Banglish birth word is the birth date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1950, max: 2005 }), fc.constantFrom('jonmo tarikh ', 'jonmodin ', 'amar jonmo tarikh: '), fc.constantFrom('-', '/'), (d, m, y, label, sep) => {
        const date = bengali(`${two(d)}${sep}${two(m)}${sep}${y}`);
        foundIn(`bhai ${label}${date}, account khulte ar ki lagbe?`, date, 'DOB');
      }),
      RUNS,
    );
  });

  it('a phone under a link\'s phone parameter, and a dictated number a country\'s word names, are phones', () => {
    fc.assert(
      fc.property(fc.constantFrom('6', '7', '8', '9'), digits(9), fc.constantFrom('mobile', 'phone', 'msisdn'), digits(6), fc.integer({ min: 1, max: 9 }), digits(6), (first, rest, param, otp, om2, om) => {
        const phone = first + rest;
        foundIn(`https://wallet-verify.in/kyc?${param}=${phone}&otp=${otp}&ref=TX88120`, phone, 'PHONE');
        const omani = `9${om2}${om}`;
        foundIn(`لا لا ... الرقم ${omani} عماني، اتصلوا عليه العصر`, omani, 'PHONE');
      }),
      RUNS,
    );
  });

  it('a second letter-prefixed code written as the first is a code; one an order labels is not', () => {
    fc.assert(
      fc.property(fc.constantFrom('G', 'K', 'B', 'FB', 'TG', 'WX'), digits(6), digits(6), fc.constantFrom(' then you sent ', ' ye bar dg ham ferestadid ', ' dobare oomad ', ' بعدش اومد '), (p, a, b, between) => {
        fc.pre(a !== b);
        foundIn(`code ${p}-${a} error mide${between}${p}-${b} oonam nashod`, `${p}-${b}`, 'OTP');
        visibleIn(`code ${p}-${a} came, and my order ${p}-${b} is late`, `${p}-${b}`);
      }),
      RUNS,
    );
  });
});

describe('masking round 22: decoys of the same shapes stay visible', () => {
  it('reference numbers that open with their date, a transfer\'s control number, an appointment\'s code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2015, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.oneof(digits(4), digits(5), digits(6)), fc.constantFrom('/', '-'), fc.constantFrom((x: string) => x, inScript(0x660)), digits(3), digits(3), digits(4), digits(6), (y, m, serial, sep, script, g1, g2, g3, appt) => {
        const ref = script(`${y}${sep}${two(m)}${sep}${serial}`);
        visibleIn(`Challan no ${ref}\nQty 48 carton`, ref);
        visibleIn(`رقم الطالب ${ref} والرسوم ما وصل ايصالها`, ref);
        visibleIn(`Western Union MTCN ${g1} ${g2} ${g3} money not arrive`, `${g1} ${g2} ${g3}`);
        // (a trunk zero opens a phone a reading types, which a word that labels only unread numbers does not veto)
        const conf = `${+g1[0]! || 5}${g1.slice(1)} ${g2} ${g1}`;
        visibleIn(`Canada Post confirmation ${conf} and the box never arrived`, conf);
        visibleIn(`کد نوبت ${persianDigits(appt)} برای دکتر رو میخوام عوض کنم`, persianDigits(appt));
      }),
      RUNS,
    );
  });

  it('a postal item\'s number (two letters, nine digits, a country\'s letters) beside a card\'s word is no ID', () => {
    fc.assert(
      fc.property(upper(2), digits(9), fc.constantFrom('EG', 'SA', 'AE', 'IR', 'CN'), (pre, d, cc) => {
        visibleIn(`رقم تتبع الشحنة الخاصة ببطاقتي الجديدة هو ${pre}${d}${cc}، ولم تصلني`, `${pre}${d}${cc}`);
      }),
      RUNS,
    );
  });

  it('a last four or a postcode set against the app\'s wrong copy of it: both stay visible', () => {
    fc.assert(
      fc.property(digits(4), digits(4), digits(6), digits(6), (l4, wrongL4, pc, wrongPc) => {
        fc.pre(l4 !== wrongL4 && pc !== wrongPc);
        const t1 = `the code is fine but (card ends ${l4} not ${wrongL4} like ur app shows)`;
        visibleIn(t1, wrongL4);
        const full = inScript(0xff10)(pc);
        visibleIn(`my postal code is ${full} not ${wrongPc}. Driver never read properly`, wrongPc);
      }),
      RUNS,
    );
  });
});
