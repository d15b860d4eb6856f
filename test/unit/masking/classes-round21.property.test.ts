/**
 * Property tests for round 21 (issue #20): the classes the lead named from the r15 set, generated in their formats —
 * machine-readable zones, phones dictated with "double"/"دبل"/"دوبل", and the rest below — each beside decoys of
 * the same shape.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSensitive, type SensitiveType } from '../../../main/core/masking';
import { digits, luhnComplete, RUNS } from './generators';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const upper = (n: number): fc.Arbitrary<string> => fc.array(fc.constantFrom(...UPPER), { minLength: n, maxLength: n }).map((a) => a.join(''));
const alnum = (n: number): fc.Arbitrary<string> => fc.array(fc.constantFrom(...UPPER, ...'0123456789'), { minLength: n, maxLength: n }).map((a) => a.join(''));
const two = (n: number): string => String(n).padStart(2, '0');
const yymmdd = fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${two(y)}${two(m)}${two(d)}`);
const name = fc.tuple(upper(5), upper(4), fc.constantFrom('', '<', '<ALI')).map(([a, b, c]) => `${a}<<${b}${c}`);

/** The span of `type` that covers text[at, at + len), if any. */
const covering = (text: string, at: number, len: number, type: SensitiveType): boolean => detectSensitive(text).some((s) => s.type === type && s.start <= at && s.end >= at + len);
const touched = (text: string, at: number, len: number): boolean => detectSensitive(text).some((s) => s.start < at + len && at < s.end);

/** ICAO 9303's check digit (weights 7, 3, 1), written here apart from the detector's. */
function checkDigit(f: string): string {
  let sum = 0;
  for (let i = 0; i < f.length; i++) sum += (f[i] === '<' ? 0 : /[0-9]/.test(f[i]!) ? +f[i]! : f.charCodeAt(i) - 55) * [7, 3, 1][i % 3]!;
  return String(sum % 10);
}

/** A wrong check digit, as people retyping the lines make them. */
const wrong = (d: string): string => String((+d + 3) % 10);

describe('masking round 21: a machine-readable zone is read by its positions', () => {
  it('TD3: masks the passport number, the birth date and a personal number; leaves nationality, sex and expiry', () => {
    fc.assert(
      fc.property(upper(3), name, fc.tuple(fc.integer({ min: 1, max: 2 }).chain(upper), digits(7)), yymmdd, yymmdd, fc.option(digits(9), { nil: undefined }), fc.boolean(), fc.constantFrom('', 'here are the lines:\n', 'خط پایین پاسپورت:\n', '"'), (nat, holder, [pre, num], birth, expiry, personal, correct, intro) => {
        const doc = `${pre}${num}`.slice(0, 9).padEnd(9, '<');
        const pers = (personal ?? '').padEnd(14, '<');
        const line1 = `P<${nat}${holder}`.padEnd(44, '<');
        const c = (f: string): string => (correct ? checkDigit(f) : wrong(checkDigit(f)));
        const line2 = `${doc}${c(doc)}${nat}${birth}${c(birth)}M${expiry}${c(expiry)}${pers}${c(pers)}${c(doc + birth + expiry + pers)}`;
        const text = `the app cannot read it ${intro}${line1}\n${line2}`;
        const at = text.indexOf(line2);
        expect(covering(text, at, doc.replace(/<+$/, '').length, 'PASSPORT'), text).toBe(true);
        expect(covering(text, at + 13, 6, 'DOB'), text).toBe(true);
        if (personal) expect(covering(text, at + 28, 9, 'NATIONAL_ID'), text).toBe(true);
        expect(touched(text, at + 10, 3) || touched(text, at + 20, 8), `nationality, sex or expiry masked in ${text}`).toBe(false);
      }),
      RUNS,
    );
  });

  it('TD1: masks the card number, the birth date and the personal number of an ID card', () => {
    fc.assert(
      fc.property(upper(3), alnum(9), yymmdd, yymmdd, fc.option(digits(15), { nil: undefined }), name, (nat, doc, birth, expiry, personal, holder) => {
        const opt = (personal ?? '').padEnd(15, '<');
        const line1 = `ID${nat}${doc}${checkDigit(doc)}${opt}`;
        const line2 = `${birth}${checkDigit(birth)}F${expiry}${checkDigit(expiry)}${nat}${'<'.repeat(11)}${checkDigit(doc + opt + birth + expiry)}`;
        const text = `back of my ID:\n${line1}\n${line2}\n${holder.padEnd(30, '<')}`;
        const at = text.indexOf(line1);
        const at2 = text.indexOf(line2);
        expect(covering(text, at + 5, 9, 'NATIONAL_ID'), text).toBe(true);
        if (personal) expect(covering(text, at + 15, 15, 'NATIONAL_ID'), text).toBe(true);
        expect(covering(text, at2, 6, 'DOB'), text).toBe(true);
        expect(touched(text, at2 + 7, 8), `sex or expiry masked in ${text}`).toBe(false);
      }),
      RUNS,
    );
  });

  it('reads no zone in filler-padded labels that have not its shape', () => {
    fc.assert(
      fc.property(upper(3), digits(5), alnum(6), (city, n, batch) => {
        const text = `label PKG<<${city}<<${n}<<<<<<< batch ${batch}<<`;
        expect(detectSensitive(text).filter((s) => s.type === 'DOB' || s.type === 'PASSPORT'), text).toEqual([]);
      }),
      RUNS,
    );
  });
});

const AR = ['صفر', 'واحد', 'اثنين', 'ثلاثة', 'اربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة'];
const FA = ['صفر', 'یک', 'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'نه'];
const EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const VOICES = [
  { words: AR, double: ['دبل', 'دابل'], triple: ['تريبل'], before: ['رقمي ', '(رسالة صوتية) جوالي '], after: [' اتصلوا علي', ''] },
  { words: FA, double: ['دوبل', 'دبل'], triple: ['تریپل'], before: ['شماره‌ام ', '(پیام صوتی) موبایلم '], after: [' هست', ''] },
  { words: EN, double: ['double'], triple: ['triple'], before: ['my number is ', '[voice note] call me on '], after: [' thanks', ''] },
];

describe('masking round 21: a phone dictated with double and triple', () => {
  it('reads "double"/"دبل"/"دوبل" and "triple" as the digit said two or three times', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VOICES), digits(8), fc.integer({ min: 1, max: 6 }), fc.boolean(), fc.nat(), (v, d, at, triple, k) => {
        const a = `05${d}`.split('');
        const p = at + 1;
        for (let n = 1; n <= (triple ? 2 : 1); n++) a[p + n] = a[p]!;
        const said: string[] = [];
        for (let i = 0; i < a.length; i++) {
          if (i === p) {
            said.push(triple ? v.triple[k % v.triple.length]! : v.double[k % v.double.length]!, v.words[+a[i]!]!);
            i += triple ? 2 : 1;
          } else said.push(v.words[+a[i]!]!);
        }
        const value = said.join(' ');
        const text = `${v.before[k % v.before.length]!}${value}${v.after[k % v.after.length]!}`;
        const spans = detectSensitive(text);
        const at0 = text.indexOf(value);
        expect(spans.some((s) => s.type === 'PHONE' && s.start <= at0 && s.end >= at0 + value.length), `${text}: ${JSON.stringify(spans)}`).toBe(true);
      }),
      RUNS,
    );
  });

  it('leaves "double" in an order (a count, not a digit) visible', () => {
    fc.assert(
      fc.property(fc.constantFrom('بدي دبل تشيز و', 'یه اتاق دوبل و', 'a double burger and '), fc.integer({ min: 2, max: 4 }), (w, n) => {
        const text = `${w} ${EN[n]} pepsi`;
        expect(detectSensitive(text), text).toEqual([]);
      }),
      RUNS,
    );
  });
});

const dmy = fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1940, max: 2006 }), fc.constantFrom('.', '/', '-')).map(([d, m, y, sep]) => `${two(d)}${sep}${two(m)}${sep}${y}`);
const greet = fc.constantFrom('', 'Салом! ', 'Здравствуйте, ', 'Ассалому алейкум. ');

describe('masking round 21: labels in Cyrillic script (Tajik, Russian) name the value after them', () => {
  it('types the number after a passport word as a passport', () => {
    fc.assert(
      fc.property(greet, fc.constantFrom('Рақами шиносномаам', 'рақами шиносномаи ман', 'Шиноснома:', 'номер паспорта', 'Паспорт №', 'загранпаспорт'), fc.constantFrom('4', '5', '7'), digits(8), fc.constantFrom('', ' аст', ', лутфан'), (g, label, first, d, end) => {
        const text = `${g}${label} ${first}${d}${end}`;
        const at = text.lastIndexOf(first + d);
        expect(covering(text, at, 9, 'PASSPORT'), `${text}: ${JSON.stringify(detectSensitive(text))}`).toBe(true);
      }),
      RUNS,
    );
  });

  it('masks the date after a birth word as a birth date', () => {
    fc.assert(
      fc.property(greet, fc.constantFrom('санаи таваллуд', 'Санаи таваллуди ман:', 'дата рождения', 'Дата рождения -', 'таваллуд:'), dmy, (g, label, date) => {
        const text = `${g}${label} ${date}, лутфан тафтиш кунед`;
        expect(covering(text, text.indexOf(date), date.length, 'DOB'), `${text}: ${JSON.stringify(detectSensitive(text))}`).toBe(true);
      }),
      RUNS,
    );
  });

  it("masks a card's month/year after an expiry word, and leaves a document's visible", () => {
    fc.assert(
      fc.property(fc.constantFrom('Корт', 'Карта', 'Корти бонкӣ'), digits(15), fc.constantFrom('Мӯҳлат:', 'муҳлаташ', 'срок действия', 'Срок:'), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 25, max: 35 }), (card, d, label, m, y) => {
        const number = luhnComplete(`4${d.slice(1)}`).replace(/(.{4})(?!$)/g, '$1 ');
        const exp = `${two(m)}/${y}`;
        const text = `${card}: ${number}\n${label} ${exp}`;
        expect(covering(text, text.lastIndexOf(exp), exp.length, 'CARD_EXPIRY'), `${text}: ${JSON.stringify(detectSensitive(text))}`).toBe(true);
        const passport = `Мӯҳлати шиноснома ${exp}, нархи хизмат 200 сомонӣ`;
        expect(detectSensitive(passport), passport).toEqual([]);
      }),
      RUNS,
    );
  });

  it("leaves an order's, a receipt's or an invoice's number visible", () => {
    fc.assert(
      fc.property(greet, fc.constantFrom('Фармоиши №', 'Рақами фармоиш', 'номер заказа', 'Заказ №', 'квитанция', 'Ҳисобнома №'), fc.integer({ min: 1, max: 9 }), digits(7), (g, label, first, d) => {
        const text = `${g}${label} ${first}${d} то ҳол нарасид`;
        expect(detectSensitive(text), text).toEqual([]);
      }),
      RUNS,
    );
  });
});

const SCRIPT_DIGITS = ['0123456789', '٠١٢٣٤٥٦٧٨٩', '۰۱۲۳۴۵۶۷۸۹'];
const inDigits = (d: string, k: number): string => d.replace(/[0-9]/g, (x) => SCRIPT_DIGITS[k]![+x]!);

describe('masking round 21: a birth year in two digits, and the full date the sentence says is the birth date', () => {
  it('masks two digits after a birth word, with "year"/"in" and a glued article between', () => {
    fc.assert(
      fc.property(fc.constantFrom('انا مواليد سنة الـ', 'من مواليد ', 'ومواليد عام ', 'پدرم متولد ', 'متولد سال ', 'I was born in ', 'mawalid '), fc.integer({ min: 30, max: 99 }), fc.integer({ min: 0, max: 2 }), fc.constantFrom('', ' والمعاملة واقفة', ' است', ', so what do I write?', ' ، يعني شو اكتب'), (w, yy, k, end) => {
        const year = inDigits(String(yy), k);
        const text = `${w}${year}${end}`;
        expect(covering(text, text.lastIndexOf(year), 2, 'DOB'), `${text}: ${JSON.stringify(detectSensitive(text))}`).toBe(true);
      }),
      RUNS,
    );
  });

  it('masks a full date in the birth year as the birth date written again, and leaves a date of another year visible', () => {
    fc.assert(
      fc.property(fc.constantFrom('مواليد سنة الـ', 'متولد ', 'born in '), fc.integer({ min: 30, max: 99 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 2 }), fc.constantFrom(' وفي الجواز كاتبين ', ' ولی تو شناسنامه نوشته ', ' but the passport says '), (w, yy, d, m, k, mid) => {
        const date = inDigits(`${d}/${m}/19${yy}`, k);
        const text = `${w}${inDigits(String(yy), k)}${mid}${date}`;
        expect(covering(text, text.lastIndexOf(date), date.length, 'DOB'), `${text}: ${JSON.stringify(detectSensitive(text))}`).toBe(true);
        const visit = inDigits(`${d}/${m}/2026`, k);
        const decoy = `${w}${inDigits(String(yy), k)} والموعد ${visit}`;
        expect(touched(decoy, decoy.lastIndexOf(visit), visit.length), decoy).toBe(false);
      }),
      RUNS,
    );
  });

  it('leaves two digits that count weeks, days or years after the birth word visible', () => {
    fc.assert(
      fc.property(fc.constantFrom('born ', 'مواليد ', 'متولد '), fc.integer({ min: 10, max: 40 }), fc.constantFrom(' weeks early', ' days ago', ' يوم', ' روز پیش'), (w, n, unit) => {
        const text = `${w}${n}${unit}`;
        expect(detectSensitive(text), text).toEqual([]);
      }),
      RUNS,
    );
  });
});

const failsLuhn = (body15: string): string => {
  const ok = luhnComplete(body15);
  return body15 + String((+ok[15]! + 1 + (body15.charCodeAt(0) % 8)) % 10);
};
const PLACES = ['01', '08', '10', '14', '16', '21', '45', '60', '71', '84', '98'];

describe('masking round 21: national IDs of other countries, by their label or their structure', () => {
  it("types sixteen digits that fail Luhn after a national ID's word as that ID, and a card's that pass as a card", () => {
    fc.assert(
      fc.property(fc.constantFrom('my PhilSys number is ', 'PhilSys card number ', 'PSN ', 'NIK saya ', 'national ID card ', 'رقم الهوية الوطنية '), fc.constantFrom('2', '3', '4', '5', '6'), digits(14), fc.constantFrom(' ', '-', ''), (w, first, d, sep) => {
        const id = failsLuhn(`${first}${d}`).replace(/(.{4})(?!$)/g, `$1${sep}`);
        const text = `${w}${id} po, for the KYC`;
        expect(covering(text, text.indexOf(id), id.length, 'NATIONAL_ID'), `${text}: ${JSON.stringify(detectSensitive(text))}`).toBe(true);
        const card = luhnComplete(`4${d}`).replace(/(.{4})(?!$)/g, `$1${sep}`);
        const paid = `my visa card ${card} was charged`;
        expect(covering(paid, paid.indexOf(card), card.length, 'CARD'), paid).toBe(true);
      }),
      RUNS,
    );
  });

  it("types a number after a word naming the national number as the ID, even with a phone's trunk zero", () => {
    fc.assert(
      fc.property(fc.constantFrom('الرقم الوطني ', 'الرقم الوطني تبعي ', 'رقمي الوطني: '), fc.integer({ min: 1, max: 9 }), digits(9), fc.integer({ min: 0, max: 2 }), (w, g, d, k) => {
        // (Syria's national number: eleven digits, a governorate's code from 01 first)
        const id = inDigits(`0${g}${d}`, k);
        const text = `${w}${id} وبدي حدث بياناتي`;
        expect(covering(text, text.indexOf(id), id.length, 'NATIONAL_ID'), `${text}: ${JSON.stringify(detectSensitive(text))}`).toBe(true);
      }),
      RUNS,
    );
  });

  it("masks a MyKad number by its structure (a birth date, a place of birth's code) as a national ID, and leaves a booking's two first groups visible", () => {
    fc.assert(
      // (a last group of zeros reads as a round figure, which the fail-closed rule leaves visible)
      fc.property(yymmdd, fc.constantFrom(...PLACES), fc.tuple(digits(3), fc.integer({ min: 1, max: 9 })).map(([x, y]) => `${x}${y}`), fc.constantFrom('-', ' ', ''), fc.constantFrom('here it is ', 'ok so ', 'sorry, again: '), (birth, place, tail4, sep, w) => {
        // (unbroken, a birth in 1914 or 2001–2012 reads as a timestamp, yyyymmddhhmm, which stays visible, and one in
        // 2000–2009 as a local phone with its trunk zero, masked as a phone: both are written with their dashes here)
        const id = sep || !/^(?:14|20|0)/.test(birth) ? `${birth}${sep}${place}${sep}${tail4}` : `${birth}-${place}-${tail4}`;
        const text = `${w}${id}, can ah?`;
        expect(covering(text, text.indexOf(id), id.length, 'NATIONAL_ID'), `${text}: ${JSON.stringify(detectSensitive(text))}`).toBe(true);
        const booking = `booking ${birth}-${place} for 2 pax`;
        expect(detectSensitive(booking), booking).toEqual([]);
      }),
      RUNS,
    );
  });
});

/** Some zeros and ones of a group read as the letters an OCR reads them as (at most two a group, never all of it). */
const ocrGroup = (g: string, pick: number): string => {
  let n = 0;
  return g.replace(/[01]/g, (x, i: number) => (n < 2 && (pick >> i) & 1 && ++n ? (x === '0' ? 'OoO'[pick % 3]! : 'lIl'[pick % 3]!) : x));
};

describe("masking round 21: a card an OCR misread, letters for digits, broken over a line", () => {
  it('reads a card whose digits, letters read as digits, pass Luhn — and never one that fails', () => {
    fc.assert(
      fc.property(fc.constantFrom('4', '5', '6'), digits(14), fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 4, maxLength: 4 }), fc.constantFrom('the app read this: "', 'اپ شما اینو خونده:\n"', "التطبيق قرأها كذا: '"), fc.constantFrom('\n', ' '), (first, body, picks, intro, brk) => {
        const card = luhnComplete(`${first}${body}`);
        const groups = card.match(/.{4}/g)!.map((g, k) => ocrGroup(g, picks[k]!));
        const read = `${groups.slice(0, 3).join(' ')}${brk}${groups[3]}`;
        const text = `${intro}${read}" is it right?`;
        expect(covering(text, text.indexOf(read), read.length, 'CARD'), `${text}: ${JSON.stringify(detectSensitive(text))}`).toBe(true);
        const wrongCard = `${card.slice(0, 15)}${(+card[15]! + 5) % 10}`;
        const misread = `${ocrGroup(wrongCard.slice(0, 4), picks[0]!)} ${ocrGroup(wrongCard.slice(4, 8), picks[1]!)} ${ocrGroup(wrongCard.slice(8, 12), picks[2]!)}${brk}${ocrGroup(wrongCard.slice(12), picks[3]!)}`;
        const other = `${intro}${misread}"`;
        // (one that fails is not read as a card; a long run of it nothing explains is still masked at the fail-closed confidence)
        if (/[OoIl]/.test(misread)) expect(detectSensitive(other).filter((s) => s.type === 'CARD' && s.confidence > 0.5), other).toEqual([]);
      }),
      RUNS,
    );
  });

  it('reads no card in words and codes of confusable letters and digits', () => {
    fc.assert(
      fc.property(fc.constantFrom('SOLO', 'lOOl', 'TOOl', 'BOOK'), digits(3), fc.constantFrom('voucher', 'ref'), (w, d, kind) => {
        const text = `OCR read the ${kind} as "${w} 2O${d.slice(0, 2)} l${d} ${d[2]}lOl"`;
        expect(detectSensitive(text).filter((s) => s.type === 'CARD'), text).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('masking round 21: a local phone the sentence names', () => {
  it("types a local mobile after a person's number, a wallet's number or beside a phone of its length as a phone", () => {
    fc.assert(
      fc.property(fc.oneof(
        fc.tuple(fc.constantFrom('ابي اضيف رقم امي، هي رقمها ', 'وهو رقمه ', 'her number is '), fc.constantFrom('77', '73', '71'), digits(6), fc.integer({ min: 1, max: 9 }), fc.constant(' ما يوصلها الكود')).map(([w, p, d, last, e]) => [w, `${p}${d[0]} ${d.slice(1, 4)} ${d.slice(4)}${last}`, e] as const),
        fc.tuple(fc.constantFrom('my M-Pesa number is ', 'send to GCash ', 'bKash number '), fc.constantFrom('0722', '0711', '0917', '0171'), digits(6), fc.constant(' and the money did not come')).map(([w, p, d, e]) => [w, `${p} ${d.slice(0, 3)} ${d.slice(3)}`, e] as const),
        fc.tuple(fc.constantFrom('2', '3', '4'), digits(6), fc.integer({ min: 1, max: 9 }), digits(6), fc.integer({ min: 1, max: 9 })).map(([a, b, c, o, z]) => [a + b + c, `${o}${z}`] as const).map(([mine, other]) => [`رقمي ${mine.slice(0, 2)} ${mine.slice(2, 4)} ${mine.slice(4, 6)} ${mine.slice(6)} والرقم ال ارسلت ليه `, `3${other}`, '\nالعملية كانت البارح'] as const),
      ), ([before, phone, after]) => {
        // (beside a phone the message gave: one a reading typed, not the fail-closed rule)
        fc.pre(!before.startsWith('رقمي ') || detectSensitive(before).some((x) => x.type === 'PHONE' && x.confidence > 0.5));
        const text = `${before}${phone}${after}`;
        expect(covering(text, text.lastIndexOf(phone), phone.length, 'PHONE'), `${text}: ${JSON.stringify(detectSensitive(text))}`).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('masking round 21: decoys of the same shapes stay visible', () => {
  it("leaves a meter's, a fuel card's, an appointment's and a case file's number, a UPS tracking number and a card's last four after its masked groups visible", () => {
    fc.assert(
      fc.property(fc.oneof(
        digits(8).map((d) => `نمبر میتر ${inDigits(`1${d.slice(1)}`, 2)} کا بل زیادہ آیا`),
        // (a fuel card's number opens with its issuer's digit, not "00": "0020-3000-0000" is Egypt's +20 and a phone)
        digits(12).map((d) => `کارت سوخت ${inDigits(`7${d.slice(1, 4)}-${d.slice(4, 8)}-${d.slice(8)}`, 2)} شارژ نشد`),
        digits(7).map((d) => `رقم الاضبارة 0${d} وتاريخ اليوم`),
        fc.tuple(alnum(6), digits(10), fc.constantFrom(' ', '')).map(([acct, d, sep]) => `UPS says 1Z${sep}${acct.slice(0, 3)}${sep}${acct.slice(3)}${sep}${d.slice(0, 2)}${sep}${d.slice(2, 6)}${sep}${d.slice(6)} is out for delivery`),
        fc.tuple(digits(4), fc.constantFrom('6037-99**-****-', '**** **** **** ', 'XXXX-XXXX-XXXX-', '•••• ')).map(([d, masked]) => `کارت من ${masked}${d} هست\nامروز خرید کردم\nرمز پویا نمیاد برام`),
      ), (text) => {
        expect(detectSensitive(text), text).toEqual([]);
      }),
      RUNS,
    );
  });

  it("leaves an appointment's number visible where nothing but the fail-closed rule would mask it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), digits(9), fc.constantFrom('رقم الموعد ', 'appointment ', 'شماره نوبت '), (first, d, label) => {
        const n = `${first}${d}`;
        const bare = detectSensitive(`${label.split(' ')[0]} ${n} يوم الاحد`);
        // (a valid mobile or a valid ID after it is still read as one: the word never vetoes a reading)
        fc.pre(bare.length === 1 && bare[0]!.confidence === 0.5);
        const text = `${label}${n} يوم الاحد`;
        expect(detectSensitive(text), text).toEqual([]);
      }),
      RUNS,
    );
  });
});
