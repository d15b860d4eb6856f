/**
 * Property tests for round 26 (issue #20): the told r19 set's leak classes, generated in their formats — a value sent
 * alone as the whole message, an ID's label after the value in a list, a generic "id" in a link beside personal
 * parameters, a value given and then corrected, a card's expiry in Portuguese and Arabic words, codes said in words
 * with "double"/"triple" or spaced after a Cyrillic code word, phones read in Levantine words from a tens word, a card
 * split over a chat export's lines, OCR'd birth dates, Italy's codice fiscale, a year someone registered the customer —
 * each beside decoys of the same shape (orders and amounts alone, record labels, date-times, ICCIDs, IMEIs, payroll and
 * transfer references).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { iranCodeValid, saudiIdValid } from '../../../main/core/masking/checksums';
import { digits, foundIn, ibans, iranCodes, luhnComplete, maskedIn, RUNS, SCRIPTS, visibleIn } from './generators';

const inScript = (k: number) => (d: string) => d.replace(/[0-9]/g, (x) => SCRIPTS[k]![+x]!);
const script = fc.constantFrom(0, 1, 2).map(inScript);
const pad2 = (n: number): string => String(n).padStart(2, '0');
const month = fc.integer({ min: 1, max: 12 });
const day = fc.integer({ min: 1, max: 28 });

/** Saudi IDs: 1 or 2, eight digits, the check digit. */
const saudiIds = fc.tuple(fc.constantFrom('1', '2'), digits(8)).map(([k, d]) => {
  for (let c = 0; c < 10; c++) if (saudiIdValid(k + d + c)) return k + d + c;
  return '';
}).filter((d) => d !== '');

describe('masking round 26: a value alone as the whole message', () => {
  it('four to eight digits alone, in any script, joined or in groups, with a pictograph or a full stop around them, are a one-time code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 8 }).chain((n) => digits(n)), script, fc.constantFrom('', ' ', '-'), fc.constantFrom('', ' ', '  ', '\n'), fc.constantFrom('', ' 🙏', '.', ' 👍🏻', '\u200f'), (d, sc, sep, pre, post) => {
        const v = sc(sep && d.length >= 6 ? `${d.slice(0, 3)}${sep}${d.slice(3)}` : d);
        foundIn(`${pre}${v}${post}`, v, 'OTP');
      }),
      RUNS,
    );
  });

  it('a day, a month and a year alone are a birth date (day first, or year first in Jalali and Hijri dates); a date with its time stays visible', () => {
    fc.assert(
      fc.property(day, month, fc.integer({ min: 1940, max: 2010 }), fc.integer({ min: 1320, max: 1400 }), fc.constantFrom('.', '/', '-'), script, fc.boolean(), (dd, mm, y, jy, sep, sc, jalali) => {
        const v = sc(jalali ? [jy, pad2(mm), pad2(dd)].join(sep) : [pad2(dd), pad2(mm), y].join(sep));
        foundIn(` ${v} `, v, 'DOB');
        visibleIn(`${sc([pad2(dd), pad2(mm), 2025].join(sep))} ${sc(`${pad2(dd % 12)}:${pad2(mm + 10)}`)} AM`, sc([pad2(dd), pad2(mm), 2025].join(sep)));
      }),
      RUNS,
    );
  });

  it('an order or a tracking number alone, with a hash sign, letters or a prefix, and an amount alone stay visible', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 8 }).chain((n) => digits(n)), fc.constantFrom('#', 'ORD-', 'INV', 'order ', 'AWB '), fc.integer({ min: 1, max: 99 }), script, (d, prefix, k, sc) => {
        visibleIn(`${prefix}${sc(d)}`, sc(d));
        visibleIn(sc(`${k},${d.slice(0, 3)}.00`), sc(`${k},${d.slice(0, 3)}.00`));
      }),
      RUNS,
    );
  });
});

describe('masking round 26: the label after the value, and a link\'s generic id', () => {
  it('a national code followed by "… هم کد ملی", "… is my ID", "… هي رقم هويتي" after a phone with its own label is the ID; a record\'s label after a number makes it the record\'s', () => {
    fc.assert(
      fc.property(
        fc.oneof(iranCodes, saudiIds),
        digits(7),
        fc.constantFrom(' هم کد ملی', ' هم کد ملیمه', ' is my ID', ' is my national ID', ' هي رقم هويتي', ' رقم الهوية'),
        script,
        fc.constantFrom(' رقم الطلب', ' order number', ' شماره سفارش'),
        (id, m, label, sc, record) => {
          const phone = sc(`0912${m}`);
          foundIn(`${phone} این شماره همراهمه، ${sc(id)}${label}. چرا رد شد؟`, sc(id), 'NATIONAL_ID');
          const order = `10${m}3`;
          if (!saudiIdValid(order) && !iranCodeValid(order)) visibleIn(`0509123384 رقم جوالي و ${sc(order)}${record} اللي ما وصل`, sc(order));
        },
      ),
      RUNS,
    );
  });

  it('an ID-shaped value in a link\'s "id", "uid" or "user_id" beside a phone\'s, a code\'s or a name\'s parameter is the ID; beside none it stays visible', () => {
    fc.assert(
      fc.property(fc.oneof(saudiIds, iranCodes), fc.constantFrom('id', 'uid', 'user_id', 'userId'), fc.constantFrom('mobile=0551847203', 'phone=%2B966551847203', 'code=482913', 'name=reza', 'otp=1234'), fc.boolean(), (id, name, other, first) => {
        const q = first ? `${other}&${name}=${id}` : `${name}=${id}&${other}`;
        foundIn(`جاتني رسالة https://pay-verify.example.com/verify?${q} هل هي منكم؟`, id, 'NATIONAL_ID');
        visibleIn(`https://shop.example.com/product?${name}=${id}&lang=ar ما يفتح`, id);
      }),
      RUNS,
    );
  });
});

describe('masking round 26: a value given, then corrected', () => {
  it('an IBAN whose check fails, then its correction after "الصح", "correct one": both are masked as IBANs', () => {
    fc.assert(
      fc.property(ibans, fc.constantFrom(' .. لا لحظة غلطت بآخر رقمين، الصح ', ' sorry wrong, the correct one is ', ' نه ببخشید اشتباه شد، درستش '), fc.boolean(), (iban, between, spaced) => {
        const wrong = iban.slice(0, -2) + iban.slice(-1) + iban.slice(-2, -1);
        if (wrong === iban) return;
        const right = spaced ? iban.replace(/(.{4})(?!$)/g, '$1 ') : iban;
        foundIn(`حولوا على ${wrong}${between}${right} يعطيكم العافية`, wrong, 'IBAN', 'first');
        foundIn(`حولوا على ${wrong}${between}${right} يعطيكم العافية`, right, 'IBAN');
      }),
      RUNS,
    );
  });

  it('a phone written in keycaps, then corrected in typed digits after "الصح": the correction is the phone too', () => {
    fc.assert(
      fc.property(fc.constantFrom('5', '6', '9'), digits(7), fc.constantFrom(1, 2), (k, d, s) => {
        const typed = k + d;
        const keycaps = typed.split('').map((x) => `${x}\ufe0f\u20e3`).join('');
        const right = inScript(s)(typed);
        foundIn(`رقمي ${keycaps} بس قلبته.. لا لحظة الصح ${right} والفاتورة مدفوعة`, right, 'PHONE');
      }),
      RUNS,
    );
  });
});

describe('masking round 26: a card\'s expiry in more words', () => {
  it('after "validade", "vence", "vencimento", "val.", or as "تنتهي شهر N سنة N" in a card\'s message, the expiry is masked; a document\'s or a bill\'s stays visible', () => {
    fc.assert(
      fc.property(digits(15), month, fc.integer({ min: 25, max: 35 }), fc.constantFrom('validade ', 'vence ', 'vencimento ', 'val. ', 'venc. '), fc.constantFrom(1, 2), (body, mm, yy, word, s) => {
        const card = luhnComplete(`4${body.slice(0, 14)}`);
        const exp = `${pad2(mm)}/${yy}`;
        foundIn(`Cartão ${card} ${word}${exp} código 583`, exp, 'CARD_EXPIRY');
        const said = `شهر ${inScript(s)(String(mm))} سنة ${inScript(s)(`20${yy}`)}`;
        foundIn(`البطاقة القديمة تنتهي ${said} بس حولوا على الحساب`, said, 'CARD_EXPIRY');
        visibleIn(`الإقامة تنتهي ${said} وأبي أجددها`, said);
        visibleIn(`o boleto ${word}${exp} e o pedido não chegou`, exp);
      }),
      RUNS,
    );
  });
});

/** The codice fiscale's check letter, written here from its definition (odd places by a table, even by value). */
const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const cfCheck = (b: string): string => {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const u = b.charCodeAt(i);
    const k = u <= 0x39 ? u - 0x30 : u - 0x41;
    sum += i % 2 ? k : CF_ODD[k]!;
  }
  return String.fromCharCode(0x41 + (sum % 26));
};

const EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const AR = ['صفر', 'واحد', 'اتنين', 'تلاتة', 'اربعة', 'خمسة', 'ستة', 'سبعة', 'تمانية', 'تسعة'];

describe('masking round 26: codes and phones said in words', () => {
  it('a code said in English words with "double"/"triple", in comma groups of any size, after a code\'s word, is the code', () => {
    /** One group of a dictated code: a digit, or "double"/"triple" and a digit. */
    const word = fc.tuple(fc.constantFrom(1, 1, 2, 3), fc.integer({ min: 0, max: 9 })).map(([n, x]) => ({ n, said: n === 1 ? EN[x]! : `${n === 2 ? 'double' : 'triple'} ${EN[x]}` }));
    fc.assert(
      fc.property(fc.array(word, { minLength: 3, maxLength: 6 }), fc.array(fc.constantFrom(', ', ' '), { minLength: 6, maxLength: 6 }), fc.constantFrom('yes the code they send me is ', 'my verification code is ', 'the OTP was '), (ws, seps, pre) => {
        const said = ws.map((w, k) => (k ? seps[k]! : '') + w.said).join('');
        const n = ws.reduce((c, w) => c + w.n, 0);
        if (n < 4 || n > 8) return;
        maskedIn(`${pre}${said}, but when I put it it say expired`, said);
        foundIn(`${pre}${said}, but when I put it it say expired`, said, 'OTP');
      }),
      RUNS,
    );
  });

  it('spaced digits after a Cyrillic code word ("рамз", "коди тасдиқ", "код") are the code; after an order\'s word they stay visible', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 6 }).chain((n) => digits(n)), fc.constantFrom('Рамзи тасдиқ омад: ', 'Рамз: ', 'Коди тасдиқ ', 'Код из смс '), fc.constantFrom(' ', '-', ''), (d, label, sep) => {
        const v = d.split('').join(sep);
        foundIn(`${label}${v}, аммо барнома қабул намекунад`, v, 'OTP');
        visibleIn(`Фармоиши ман ${v} ҳанӯз нарасид`, v);
      }),
      RUNS,
    );
  });

  it('a Lebanese mobile read from its first pair as a tens word ("سبعين تلاتة تسعة…") is the phone, whole; an amount in the same word stays visible', () => {
    fc.assert(
      fc.property(digits(6), fc.constantFrom('رقمي ', 'رقم تلفوني ', 'ما عم يوصلني الكود، رقمي '), (d, pre) => {
        const said = ['سبعين', ...d.split('').map((x) => AR[+x]!)].join(' ');
        foundIn(`${pre}${said} الله يخليك`, said, 'PHONE');
        visibleIn(`دفعت سبعين ألف ليرة وما وصل الشحن ${AR[+d[0]!]}`, 'سبعين ألف');
      }),
      RUNS,
    );
  });
});

describe('masking round 26: chat exports, OCR and other countries\' IDs', () => {
  it('a card split over two lines of a chat export is the card in both halves', () => {
    fc.assert(
      fc.property(digits(15), fc.constantFrom('رقم البطاقه ', 'رقم بطاقتي ', 'card no '), fc.constantFrom('بو فهد', 'أم سعود', 'Ali'), (body, label, who) => {
        const card = luhnComplete(`4${body.slice(0, 14)}`);
        const a = `${card.slice(0, 4)} ${card.slice(4, 8)}`;
        const b = `${card.slice(8, 12)} ${card.slice(12)}`;
        const text = `[10:41, 3/5/2024] ${who}: ${label}${a}\n[10:41, 3/5/2024] ${who}: ${b}\n[10:42, 3/5/2024] ${who}: لا تنسون توقفونها`;
        foundIn(text, a, 'CARD', 'first');
        foundIn(text, b, 'CARD');
      }),
      RUNS,
    );
  });

  it('a birth date read by OCR with O for a zero and l or I for a one is the birth date, whole', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2005 }), month, day, fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), (y, mm, dd, swap) => {
        // (one letter in a group at most: the reader reads a letter as a digit only beside digits)
        const ocr = (g: string, k: number): string => (swap[k] && /[01]/.test(g[k % 2]!) ? g.slice(0, k % 2) + (g[k % 2] === '0' ? 'O' : swap[k + 1] ? 'l' : 'I') + g.slice((k % 2) + 1) : g);
        const date = `${y}/${ocr(pad2(mm), 0)}/${ocr(pad2(dd), 1)}`;
        foundIn(`هذا اللي طلع من الصوره:\nتاريخ الميلاد: ${date}\nمكان الاصدار: سكاكا`, date, 'DOB');
      }),
      RUNS,
    );
  });

  it('an Italian codice fiscale is an ID by its check letter, or after its word whatever the check; a product code of the same shape with a wrong check stays visible', () => {
    const L = fc.constantFrom(...'ABCDEFGHILMNOPRSTUVZ'.split(''));
    const body = fc.tuple(fc.array(L, { minLength: 6, maxLength: 6 }), digits(2), fc.constantFrom(...'ABCDEHLMPRST'.split('')), fc.integer({ min: 1, max: 71 }), L, digits(3)).map(([l, y, m, dd, p, n]) => `${l.join('')}${y}${m}${pad2(dd)}${p}${n}`);
    fc.assert(
      fc.property(body, (b) => {
        const valid = b + cfCheck(b);
        const wrong = b + (cfCheck(b) === 'Z' ? 'A' : String.fromCharCode(cfCheck(b).charCodeAt(0) + 1));
        foundIn(`please refund to my account, ${valid} is on file`, valid, 'NATIONAL_ID');
        foundIn(`Codice fiscale: ${wrong}. Grazie`, wrong, 'NATIONAL_ID');
        visibleIn(`the product ${wrong} arrived broken`, wrong);
      }),
      RUNS,
    );
  });

  it('a year someone registered the customer in a civil record is the birth year; a car\'s registration year stays visible', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1380, max: 1425 }), fc.constantFrom('كان مسجلني ', 'مسجلني ', 'قيدني سنة ', 'سجلني '), fc.constantFrom(' بالحفيظة القديمة', ' بدفتر العائلة', ' في شهادة الميلاد'), fc.constantFrom(0, 1), (y, verb, record, s) => {
        const year = inScript(s)(String(y));
        foundIn(`الوالد الله يرحمه ${verb}${year}${record}`, year, 'DOB');
        visibleIn(`سجلت السيارة ${year} بالاستمارة`, year);
      }),
      RUNS,
    );
  });
});

describe('masking round 26: decoys of the r19 set\'s shapes', () => {
  it('payroll and transfer references, a Dari order number, a date-time, an ICCID after a SIM\'s word and an IMEI after "والـIMEI" stay visible', () => {
    fc.assert(
      fc.property(digits(10), digits(17), digits(14), fc.constantFrom(1, 2), (d, iccidBody, imeiBody, s) => {
        visibleIn(`salary late. Payroll ID ${d.slice(0, 2)}-${d.slice(2, 6)}, thanks`, `${d.slice(0, 2)}-${d.slice(2, 6)}`);
        visibleIn(`Bonjou, kòd transfè ${d.slice(0, 4)}-${d.slice(4, 7)}-${d.slice(7)} pa mache`, `${d.slice(0, 4)}-${d.slice(4, 7)}-${d.slice(7)}`);
        visibleIn(`سلام، فرمایش نمبر ${inScript(s)(`2024${d.slice(0, 6)}`)} را کی میرسانید؟`, inScript(s)(`2024${d.slice(0, 6)}`));
        const when = `${pad2((+d.slice(0, 2) % 28) + 1)}-0${(+d[2]! % 9) + 1}-2024 ${pad2((+d[3]! % 9) + 1)}:${d[4]}0 AM`;
        visibleIn(`Name / الاسم: منى\nAppointment / الموعد: ${when}\nClinic / العيادة: جلدية`, when);
        const iccid = luhnComplete(`89${iccidBody.slice(0, 16)}`);
        visibleIn(`الرصيد اتسرق، ورقم الشريحة المكتوب ورا ${iccid}`, iccid);
        visibleIn(`اشتريت جهاز والـIMEI ${luhnComplete(imeiBody)} والسيريال R58W30ABCDE`, luhnComplete(imeiBody));
      }),
      RUNS,
    );
  });
});
