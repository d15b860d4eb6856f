/**
 * Property tests for the failure classes the lead named on the fourth blind set (issue #20, sixth round): phones in
 * links' query parameters, security codes named in French, passports read out in groups in a sentence about a
 * passport, era marks after Hijri and solar Hijri birth dates; and the decoys it masked: an invoice's year/serial
 * beside an amount and its currency, a trip's or booking's number, an account's, a customer's or a ticket's number.
 * Each test generates its class in many forms (digit scripts, separators, names, languages) and, where the class
 * has a look-alike on the other side of the line, that too.
 */
import fc from 'fast-check';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { detectSensitive } from '../../../main/core/masking';
import { luhnValid } from '../../../main/core/masking/checksums';
import { digits, foundIn, maskedIn, nothingIn, RUNS, scriptOf, visibleIn } from './generators';

/** Mobile numbers with their calling code (no "+"), valid by libphonenumber's own metadata (mobile ranges: toll-free numbers are no customer's phone). */
const MOBILE_RANGES: Array<[string, number]> = [['9665', 8], ['97150', 7], ['2010', 8], ['2012', 8], ['92300', 7], ['92333', 7], ['63915', 7], ['63917', 7], ['9656', 7], ['9659', 7], ['98912', 7], ['98935', 7], ['2126', 8], ['2135', 8], ['9627', 8], ['9745', 7], ['4474', 8], ['234803', 7], ['234806', 7]];
const intlMobile = fc.constantFrom(...MOBILE_RANGES).chain(([p, n]) => digits(n).map((d) => p + d)).filter((d) => isValidPhoneNumber('+' + d));
/** Saudi, Egyptian and Iranian mobiles written nationally, with their trunk "0". */
const nationalMobile = fc.oneof(
  digits(8).map((d) => '05' + ['0', '5', '6'][+d[0]! % 3] + d.slice(1)),
  digits(8).map((d) => '01' + ['0', '1', '2'][+d[0]! % 3] + d),
  digits(8).map((d) => '091' + d),
).filter((d) => isValidPhoneNumber(d, 'SA') || isValidPhoneNumber(d, 'EG') || isValidPhoneNumber(d, 'IR'));

describe('failure classes of the fourth blind set (property)', () => {
  it('a phone in a link’s query parameter named like a phone, with 00, %2B, + or a bare calling code', () => {
    const name = fc.constantFrom('phone', 'mobile', 'msisdn', 'tel', 'whatsapp', 'number', 'phoneNumber', 'phone_number', 'customer_phone', 'numero_tel', 'to_number', 'gsm', 'cell', 'mobileNo', 'whatsapp_number');
    const prefix = fc.constantFrom('', '00', '%2B', '%2b', '+');
    const link = fc.constantFrom(
      (q: string) => `https://api.whatsapp.com/send?${q}&text=Hello%20there`,
      (q: string) => `viber://chat?${q}`,
      (q: string) => `whatsapp://send?${q}`,
      (q: string) => `https://shop.example.com/register?lang=ar&${q}`,
      (q: string) => `www.example.ma/?${q}#top`,
      (q: string) => `example.ir/signup?${q}&step=2`,
    );
    const around = fc.constantFrom(['', ''], ['الرابط ', ' ما يشتغل'], ['lien: ', ' merci'], ['لینک ', ' باز نمیشه'], ['pls check ', '\nthanks']);
    fc.assert(
      fc.property(intlMobile, name, prefix, link, around, (d, n, p, url, [pre, post]) => {
        const v = p + d;
        foundIn(`${pre}${url(`${n}=${v}`)}${post}`, v, 'PHONE');
      }),
      RUNS,
    );
    // the same digits under a record's name, or under a bare "number" in a link to a record, stay visible
    fc.assert(
      fc.property(intlMobile.filter((d) => !luhnValid(d)), fc.constantFrom('orderNumber', 'order_no', 'ShipmentNumber', 'invoice', 'ref', 'id', 'tracking_number', 'ticket'), (d, n) => {
        visibleIn(`https://shop.example.com/track?${n}=${d}&lang=en`, d);
      }),
      RUNS,
    );
    fc.assert(
      // (a number that passes a card's check is read as a card in any link)
      fc.property(intlMobile.filter((d) => !luhnValid(d)), fc.constantFrom('invoice', 'order', 'track', 'booking', 'ticket'), (d, path) => {
        visibleIn(`https://billing.example.com/${path}?number=${d}`, d);
      }),
      RUNS,
    );
  });

  it('a card security code named in French or in Maghrebi Arabic and French', () => {
    const label = fc.constantFrom('cryptogramme', 'le cryptogramme', 'cryptogramme visuel', 'code de sécurité', 'code de securite', 'CVC', 'CVV2', 'cvc2', 'pictogramme', 'le pictogramme au dos');
    const card = fc.constantFrom('ma carte visa', 'la carte CIB', 'الكارط تاعي', 'ma CB', 'carte bancaire', 'la carte edahabia', 'الكارطة ديالي', 'ma mastercard');
    const shape = fc.constantFrom(
      (c: string, l: string, v: string) => `${c}, ${l} : ${v}`,
      (c: string, l: string, v: string) => `${l} de ${c} c'est ${v}`,
      (c: string, l: string, v: string) => `${c} طلبولي ${l} ${v} قلتلهم لا`,
      (c: string, l: string, v: string) => `j'ai donné ${l} ${v} au conseiller, ${c} est bloquée`,
      (c: string, l: string, v: string) => `${l} ديال ${c} هو ${v}`,
    );
    fc.assert(
      fc.property(card, label, shape, digits(3), scriptOf, (c, l, f, d, script) => {
        const v = script(d);
        foundIn(f(c, l, v), v, 'CVV');
      }),
      RUNS,
    );
    // an amount in the same message stays visible
    fc.assert(
      fc.property(card, label, fc.integer({ min: 100, max: 999 }), fc.constantFrom('DA', 'DH', 'دج', 'درهم', 'euros'), (c, l, amount, cur) => {
        visibleIn(`${l} ok mais ${c} a été débitée de ${amount} ${cur}`, `${amount} ${cur}`);
      }),
      RUNS,
    );
  });

  it('a passport number read out in groups with no letter, in a sentence that names a passport', () => {
    const opening = fc.constantFrom(
      'الباسبور تاعي تبدل، الرقم الجديد',
      'الباسبور بتاعي اتجدد والرقم الجديد بقى',
      'جواز سفري الجديد بعد التجديد صار',
      'پاسپورتمو عوض کردم، شماره جدیدش',
      'گذرنامه‌ام تمدید شد و شماره جدید آن',
      'my passport got renewed and the new one is',
      'la passport ta3i tbadel, le nouveau numéro',
      'el basbor el gdid bta3i',
      'passport ka number change ho gaya, naya wala',
    );
    const grouping = fc.constantFrom(
      (d: string) => `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
      (d: string) => `${d.slice(0, 2)} ${d.slice(2, 5)} ${d.slice(5)}`,
      (d: string) => `${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6)}`,
      (d: string) => d.split('').join(' '),
      (d: string) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
    );
    fc.assert(
      fc.property(opening, digits(9).filter((d) => !d.endsWith('00')), grouping, scriptOf, fc.constantFrom('', ' شكرا', ' lotfan', ' pls update'), (o, d, g, script, post) => {
        const v = script(g(d));
        // after French "numéro" (a phone word), digits that are also a valid phone are masked as one
        if (o.includes('numéro')) maskedIn(`${o} ${v}${post}`, v);
        else foundIn(`${o} ${v}${post}`, v, 'PASSPORT');
      }),
      RUNS,
    );
    // the passport's own date, spaced, and a round fee stay visible
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2026, max: 2036 }), scriptOf, (day, month, year, script) => {
        const v = script(`${String(day).padStart(2, '0')} ${String(month).padStart(2, '0')} ${year}`);
        visibleIn(`my passport expires ${v}, will the visa still work`, v);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), scriptOf, (m, k, script) => {
        const v = script(`${m} ${k}00 000`);
        visibleIn(`هزینه تمدید پاسپورت ${v} شده`, v);
      }),
      RUNS,
    );
  });

  it('a Hijri or solar Hijri birth date keeps its era mark inside the mask', () => {
    const label = fc.constantFrom('مواليد', 'تاريخ الميلاد:', 'ولدت يوم', 'متولد', 'تاریخ تولدم', 'تولد:', 'born on', 'DOB');
    const date = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 29 }), fc.constantFrom('رمضان', 'شوال', 'محرم', 'رجب', 'ذو الحجة', 'Ramadan', 'Shawwal'), fc.integer({ min: 1380, max: 1440 })).map(([d, m, y]) => `${d} ${m} ${y}`),
      fc.tuple(fc.integer({ min: 1, max: 29 }), fc.constantFrom('فروردین', 'مهر', 'آذر', 'بهمن', 'اسفند'), fc.integer({ min: 1330, max: 1395 })).map(([d, m, y]) => `${d} ${m} ${y}`),
      fc.tuple(fc.integer({ min: 1330, max: 1440 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 29 })).map(([y, m, d]) => `${y}/${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}`),
    );
    // Arabic-script marks are written with or without a space; Latin ones after a space
    const mark = fc.oneof(
      fc.tuple(fc.constantFrom('هـ', 'ه', 'ه.ق', 'هـ.ق', 'ه.ش', 'هـ.ش', 'ش'), fc.constantFrom(' ', '')).map(([m, gap]) => gap + m),
      fc.constantFrom(' AH', ' A.H.', ' h.sh'),
    );
    fc.assert(
      fc.property(label, date, mark, scriptOf, fc.constantFrom('', ' هست', '، والهوية غلط', ' please fix'), (l, dt, m, script, post) => {
        const v = `${script(dt)}${m}`;
        const text = `${l} ${v}${post}`;
        foundIn(text, v, 'DOB');
        const at = text.lastIndexOf(v);
        const hit = detectSensitive(text).find((s) => s.type === 'DOB' && s.start <= at)!;
        expect(hit.end, `the era mark of ${JSON.stringify(text)} is left out`).toBeGreaterThanOrEqual(at + v.length);
      }),
      RUNS,
    );
  });

  it('an invoice’s year/serial beside an amount with its currency masks nothing', () => {
    const currency = fc.constantFrom('DA', 'DH', 'EGP', 'SAR', 'دج', 'تومن', 'ریال', 'جنيه', 'درهم', 'TND');
    const between = fc.constantFrom(' ', '\n', ' - ', ', ', ' montant ', ' المبلغ ', ' total ');
    const label = fc.constantFrom('N°', 'facture N°', 'رقم الفاتورة', 'فاتورة', 'صورتحساب', 'bon n°', 'invoice no.');
    fc.assert(
      fc.property(label, fc.integer({ min: 1390, max: 2030 }), fc.integer({ min: 4, max: 7 }).chain(digits), between, fc.integer({ min: 1, max: 99 }), digits(3), currency, scriptOf, (l, y, serial, gap, th, hundreds, cur, script) => {
        nothingIn(`${l} ${script(`${y}/${serial}`)}${gap}${script(`${th} ${hundreds}`)} ${cur}`);
      }),
      RUNS,
    );
  });

  it('a trip’s, ride’s or booking’s number stays visible even at a passport’s length; after جواز سفر it is a passport', () => {
    const label = fc.constantFrom('شماره سفر', 'کد سفر', 'شماره سفرم', 'رقم الرحلة', 'رقم رحلتي', 'trip number', 'trip ID', 'ride ID', 'booking no', 'numéro de réservation', 'شماره رزرو', 'رقم الحجز', 'flight no.', 'safar code');
    fc.assert(
      fc.property(label, fc.integer({ min: 8, max: 9 }).chain(digits), scriptOf, fc.constantFrom('', ' رو بررسی کنید', ' اتلغت', ' charged twice'), (l, d, script, post) => {
        const v = script(d);
        visibleIn(`${l} ${v}${post}`, v);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.constantFrom('جواز سفري رقم', 'رقم جواز السفر', 'جواز السفر', 'جواز سفر شماره'), fc.integer({ min: 7, max: 9 }).chain(digits), scriptOf, (l, d, script) => {
        const v = script(d);
        foundIn(`${l} ${v}`, v, 'PASSPORT');
      }),
      RUNS,
    );
  });

  it('an account’s, customer’s or ticket’s number is no phone unless written with a plus or a calling code', () => {
    const label = fc.constantFrom('account no.', 'account number', 'my account number is', 'رقم الحساب', 'رقم حسابي', 'شماره حساب', 'customer number', 'customer no:', 'رقم العميل', 'numéro client', 'numéro de compte', 'رقم المشترك', 'شماره اشتراک', 'ticket no.', 'ticket number');
    fc.assert(
      fc.property(label, nationalMobile, scriptOf, fc.constantFrom('', ' is mine', ' please check the bill', ' في البنك'), (l, d, script, post) => {
        const v = script(d);
        visibleIn(`${l} ${v}${post}`, v);
      }),
      RUNS,
    );
    // with a plus or a calling code it is the phone the account is under; after a phone word, the account's phone
    fc.assert(
      fc.property(fc.constantFrom('account no.', 'رقم الحساب', 'customer number'), intlMobile.filter((d) => !luhnValid(d)), fc.constantFrom('+', '00', ''), (l, d, p) => {
        // without a plus, only the calling codes our customers write so (not the Philippines')
        fc.pre(p !== '' || !d.startsWith('63'));
        foundIn(`${l} ${p}${d}`, `${p}${d}`, 'PHONE');
      }),
      RUNS,
    );
    // an account or customer word with no "number" is no label: "Client 054…" is a name and a phone (a contact's
    // display name, store-no-leak)
    fc.assert(
      fc.property(fc.constantFrom('Client', 'customer', 'member', 'عميل', 'مشترك', 'compte'), nationalMobile, scriptOf, (l, d, script) => {
        const v = script(d);
        foundIn(`${l} ${v}`, v, 'PHONE');
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.constantFrom('the mobile number on my account is', 'رقمي المربوط بالحساب', 'الجوال المسجل على الحساب', 'شماره موبایل حسابم'), nationalMobile, scriptOf, (l, d, script) => {
        const v = script(d);
        foundIn(`${l} ${v}`, v, 'PHONE');
      }),
      RUNS,
    );
  });
});
