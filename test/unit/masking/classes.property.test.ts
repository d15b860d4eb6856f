/**
 * Property tests for the failure classes found on the independent sets (now the tune set): each test generates its
 * class in many forms — digit scripts, separators (no-break and thin spaces, U+066C), label far from the value,
 * tables, links, spellings — and, where the class has a look-alike that must stay visible, generates that too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSensitive } from '../../../main/core/masking';
import { validLocal } from '../../../main/core/masking/phone-plan';
import { digits, foundIn, ibans, iranCodes, luhnComplete, RUNS, scriptOf, visibleIn } from './generators';

const notYearLike = (d: string): boolean => !/^(19|20)/.test(d);
const cards = fc.tuple(fc.constantFrom('4', '5'), digits(14)).map(([p, d]) => luhnComplete(p + d));
const iranMobiles = fc.tuple(fc.constantFrom('0912', '0935', '0902', '0919', '0990'), digits(7)).map(([p, d]) => p + d);
const saudiMobiles = fc.tuple(fc.constantFrom('050', '053', '055', '059'), digits(7)).map(([p, d]) => p + d);
/** Spaces people paste or type between groups: plain, no-break, thin, narrow no-break. */
const space = fc.constantFrom(' ', '\u00a0', '\u2009', '\u202f');

describe('failure classes of the independent sets (property)', () => {
  it('a table pasted with tabs: each cell is its own value (national codes beside mobiles), amounts stay visible', () => {
    const row = fc.tuple(fc.constantFrom('علی رضایی', 'Sara K', 'زهرا'), iranCodes, iranMobiles, fc.integer({ min: 1, max: 999 }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 3 }), scriptOf, fc.constantFrom('نام\tکد ملی\tموبایل\tمبلغ', 'name\tnational code\tmobile\tamount', 'نام\tشماره ملی\tشماره همراه\tمبلغ'), (rows, script, header) => {
        const lines = rows.map(([name, id, mobile, k]) => `${name}\t${script(id)}\t${script(mobile)}\t${script(`${k},000`)}`);
        const text = `${header}\n${lines.join('\n')}`;
        for (const [, id, mobile, k] of rows) {
          foundIn(text, script(id), 'NATIONAL_ID', 'first');
          foundIn(text, script(mobile), 'PHONE', 'first');
          visibleIn(text, script(`${k},000`));
        }
      }),
      RUNS,
    );
  });

  it('IBANs grouped by dots, no-break or thin spaces, or carried in a link', () => {
    fc.assert(
      fc.property(ibans, fc.constantFrom('.', '\u00a0', '\u2009', ' ', '-'), fc.constantFrom('plain', 'link'), fc.constantFrom('iban', 'sheba', 'to'), (ib, sep, how, param) => {
        if (how === 'link') {
          const text = `اپ بانک این لینک رو ساخت:\nhttps://ib.bank-sample.ir/receive?${param}=${ib}&amount=12000000&desc=ejare\nمیشه؟`;
          foundIn(text, ib, 'IBAN', 'first');
        } else {
          const v = `${ib.slice(0, 4)}${sep}${ib.slice(4).match(/.{1,4}/g)!.join(sep)}`;
          foundIn(`واریز به شبای خودم: ${v} ممنون`, v, 'IBAN', 'first');
        }
      }),
      RUNS,
    );
  });

  it('words after a country code and two digits are no IBAN ("at 10 am tomorrow …", "is 26 1000. Valid …")', () => {
    const word = fc.stringMatching(/^[a-z]{1,7}$/);
    fc.assert(
      fc.property(fc.constantFrom('at', 'is', 'it', 'de', 'me', 'no', 'be', 'by', 'fr', 'gb', 'sa', 'ae'), digits(2), fc.array(fc.tuple(word, fc.oneof(word, digits(4))), { minLength: 3, maxLength: 6 }), fc.constantFrom(' ', '. ', ' - '), (cc, dd, words, sep) => {
        // words and four-digit numbers taking turns (24 digits in a row would be an Iranian IBAN written without "IR")
        const text = `${cc} ${dd}${sep}${words.flat().join(' ')}`;
        expect(detectSensitive(text).filter((x) => x.type === 'IBAN'), text).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('mobiles grouped by U+066C, commas or odd spaces (not thousands); amounts in thousands stay visible', () => {
    const grouping = fc.constantFrom([2, 4, 4], [3, 3, 4], [4, 3, 3], [4, 2, 2, 2], [2, 4, 2, 2]);
    fc.assert(
      fc.property(saudiMobiles, grouping, fc.constantFrom('\u066c', ',', '\u00a0', '\u2009'), scriptOf, fc.constantFrom('نمرتي', 'رقمي', 'my number', 'الرقم المسجل عندكم', ''), (num, sizes, sep, script, label) => {
        const parts: string[] = [];
        let at = 0;
        for (const k of sizes) parts.push(num.slice(at, (at += k)));
        const v = script(parts.join(sep));
        foundIn(`${label} ${v} الله يخليكم`, v, 'PHONE', 'first');
        const amount = script(`1${sep}250${sep}000`);
        visibleIn(`${label} المبلغ ${amount} ريال`, amount);
      }),
      RUNS,
    );
  });

  it('mobiles read out in pairs, split over two lines at any pair', () => {
    const maghreb = fc.tuple(fc.constantFrom('05', '06', '07'), digits(8)).map(([p, d]) => p + d).filter((d) => validLocal('DZ', d) || validLocal('MA', d));
    fc.assert(
      fc.property(maghreb, fc.integer({ min: 0, max: 4 }), scriptOf, fc.constantFrom('عيطو ليا على', 'appelez-moi au', 'نمرتي', 'call me on'), space, (num, breakAt, script, label, sp) => {
        const pairs = num.match(/../g)!;
        const v = script(pairs.map((p, k) => (k === 0 ? p : (k === breakAt ? '\n' : sp) + p)).join(''));
        foundIn(`${label} ${v} من بعد الخدمة`, v, 'PHONE', 'first');
      }),
      RUNS,
    );
  });

  it('a Finglish or Arabizi ending glued to a mobile ("09134422504e")', () => {
    fc.assert(
      fc.property(fc.oneof(iranMobiles, saudiMobiles), fc.constantFrom('e', 'am', 'eh', 'o', 'ro'), scriptOf, (num, end, script) => {
        const v = script(num);
        foundIn(`codo nemifrestid baram, shomaram ${v}${end} , chand bar zadam`, v, 'PHONE', 'first');
      }),
      RUNS,
    );
  });

  it('a passport shape in a message about a passport, labelled only by "number" or by nothing, far from the passport word', () => {
    const frame = fc.constantFrom(
      (v: string) => `با سلام. گذرنامه اینجانب به شماره ${v} در تاریخ ۱۰ مهر تمدید شد`,
      (v: string) => `پاسپورتمو تمدید کردم شمارش عوض شد، شد ${v} میشه تو بلیطم درستش کنین؟`,
      (v: string) => `passportam ${v} hast, too system peyda nemishe`,
      (v: string) => `my passport was renewed last week and the new one is ${v} please update`,
      (v: string) => `جوازي الجديد رقمه ${v} لو سمحت عدلوه`,
      (v: string) => `رقم جواز السفر المدوّن في الحجز غير صحيح، والصحيح هو ${v}، ورقم الحجز KLE7GR.`,
    );
    fc.assert(
      fc.property(fc.constantFrom('A', 'K', 'H', 'U', 'P', 'AB'), fc.constantFrom('', '-', ' '), digits(8), scriptOf, frame, (letters, sep, num, script, f) => {
        const v = `${letters}${sep}${sep === ' ' ? `${script(num.slice(0, 4))} ${script(num.slice(4))}` : script(num)}`;
        foundIn(f(v), v, 'PASSPORT', 'first');
        // the same shape labelled as a booking or an order stays visible, passport or not
        const ref = `${letters}${script(num)}`;
        visibleIn(`${f('X')} — booking ref ${ref}`, ref);
      }),
      RUNS,
    );
  });

  it('Arabizi and Finglish labels spelt with other vowels ("milady", "tantehi", "tavaloddam")', () => {
    const respell = (w: string, picks: number[]): string => {
      let i = 0;
      return w.replace(/[aeiouy]/g, (v) => {
        const k = picks[i++ % picks.length]!;
        return k === 0 ? v : k === 1 ? v + v : 'aeiy'[k % 4]!;
      });
    };
    fc.assert(
      fc.property(fc.constantFrom('miladi', 'mawaleed', 'tavalodam', 'motevaled', 'itwaladt'), fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom('Feb', 'juil', 'Oct', 'mehr'), fc.integer({ min: 1950, max: 2005 }), scriptOf, (word, picks, d, month, y, script) => {
        const label = respell(word, picks);
        fc.pre(label.length >= 5);
        const year = month === 'mehr' ? y - 621 : y;
        const v = `${script(String(d))} ${month} ${script(String(year))}`;
        foundIn(`tarikh ${label} ${v}, bs el app katbo ghalat`, v, 'DOB', 'first');
      }),
      RUNS,
    );
    fc.assert(
      fc.property(cards, fc.constantFrom('tantehi', 'tanteh', 'tantahy', 'tantehy'), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 26, max: 34 }), (card, word, m, y) => {
        const exp = `${m}/${y}`;
        foundIn(`card no ${card.match(/.{4}/g)!.join(' ')} w ${word} ${exp} shno el mushkila`, exp, 'CARD_EXPIRY', 'first');
      }),
      RUNS,
    );
  });

  it('French month abbreviations in birth dates ("05-Juil-2001")', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.constantFrom('janv', 'févr', 'fevr', 'avr', 'juil', 'Juill', 'déc', 'Sept'), fc.constantFrom('-', ' ', '.', '/'), fc.integer({ min: 1950, max: 2008 }), scriptOf, fc.constantFrom('تاريخ الازدياد', 'né le', 'date de naissance'), (d, month, sep, y, script, label) => {
        const v = `${script(String(d).padStart(2, '0'))}${sep}${month}${sep}${script(String(y))}`;
        foundIn(`سلام راني حاب نفتح كونت جديد، ${label} ${v} و شكرا`, v, 'DOB', 'first');
      }),
      RUNS,
    );
  });

  it('a code whose label is far away, in a question, or in a bank message template; round amounts stay visible', () => {
    // [frame, whether a label names the number itself] (a labelled round number is still a code: "pin? 000000")
    const frame = fc.constantFrom(
      [(v: string) => `راني نستنى في الكود من الصباح ما وصلنيش، وكي وصل ${v} قالي expiré`, false],
      [(v: string) => `one time pin from sms? ${v}`, true],
      [(v: string) => `Your OTP for txn of INR 4,999.00 at AMAZON on card XX8217 is ${v}. Valid for 10 mins. -HDFC Bank\n\ni didnt do this!!`, false],
      [(v: string) => `Hi, I've been trying to reset my password بس الـ OTP ما يوصل، last one I got was ${v} and it said expired`, false],
      [(v: string) => `the number you sent me is 6 digit ${v}, but the app is asking 4 digit`, false],
      [(v: string) => `کد تایید نیومد، بعد از نیم ساعت اومد ${v} ولی منقضی شده بود`, false],
    ) as fc.Arbitrary<[(v: string) => string, boolean]>;
    fc.assert(
      fc.property(digits(6), scriptOf, frame, (code, script, [f, labelledFrame]) => {
        fc.pre(notYearLike(code) && !code.endsWith('00'));
        foundIn(f(script(code)), script(code), 'OTP', 'first');
        const round = script(`${code.slice(0, 3)}000`);
        if (!labelledFrame) visibleIn(f(round), round);
      }),
      RUNS,
    );
  });

  it('a code too short for a phone, after a phone word and a word for sending it', () => {
    fc.assert(
      fc.property(digits(4), scriptOf, fc.constantFrom('بعتهولي', 'بعتولي', 'ارسلتولي', 'sent me'), (code, script, verb) => {
        fc.pre(notYearLike(code));
        const v = script(code);
        foundIn(`الرقم اللي انتوا ${verb} على الموبايل كان ${v} ودخلته صح`, v, 'OTP', 'first');
      }),
      RUNS,
    );
  });

  it('decided: a code label right before a number beats a currency after it; an amount word before the label keeps it an amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 8 }).chain(digits), scriptOf, fc.constantFrom('رمز التحقق', 'verification code', 'OTP', 'کد تایید', 'رمز التفعيل:', 'activation code'), fc.constantFrom('SAR', 'ريال', 'AED', 'تومان', 'EGP'), (num, script, label, currency) => {
        fc.pre(notYearLike(num));
        const v = script(num);
        foundIn(`${label} ${v} ${currency}`, v, 'OTP', 'first');
        for (const amount of [`رسوم التفعيل ${v} ${currency}`, `activation fee ${v} ${currency}`, `مبلغ التحقق ${v} ${currency}`, `I paid ${v} ${currency} for verification`]) visibleIn(amount, v);
      }),
      RUNS,
    );
  });

  it('card security codes named by a code word, in an earlier sentence, or spelt out in Persian; a deposit stays visible', () => {
    const frame = fc.constantFrom(
      (card: string, v: string) => `la carte CIB تاعي ${card} تنتهي 03/27 و الكود تاع اللور ${v} ما يمشيش`,
      (card: string, v: string) => `هو لازم ابعت ال cvv بتاع الكارت ${card}؟ طيب هو ${v} خلصوا العملية`,
      (card: string, v: string) => `شماره کارت ${card} سی وی وی ۲ ${v} تروخدا یه کاری کنین`,
      (card: string, v: string) => `my card ${card} was declined. the code on it is ${v}`,
    );
    fc.assert(
      fc.property(cards, digits(3), scriptOf, frame, (card, cvv, script, f) => {
        const c = script(card.match(/.{4}/g)!.join(' '));
        const v = script(cvv);
        foundIn(f(c, v), v, 'CVV', 'last');
        const deposit = script(cvv);
        visibleIn(`my card ${c} was charged a security deposit of ${deposit} SAR`, deposit);
      }),
      RUNS,
    );
  });

  it('a birth date written again in another calendar or form is a birth date; an event date of another year stays visible', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    fc.assert(
      fc.property(fc.integer({ min: 1340, max: 1385 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), scriptOf, fc.integer({ min: 2021, max: 2026 }), (jy, jm, jd, script, eventYear) => {
        const jalali = script(`${jy}/${String(jm).padStart(2, '0')}/${String(jd).padStart(2, '0')}`);
        const gy = jy + 621 + (jm >= 10 ? 1 : 0);
        const greg = `${jd} ${months[(jm + 2) % 12]} ${gy}`;
        const text = `Jalali DOB: ${jalali} (= ${greg}) — فرم شما فقط میلادی قبول میکنه`;
        foundIn(text, jalali, 'DOB', 'first');
        foundIn(text, greg, 'DOB', 'first');
        const restated = `تاریخ تولدم ${script(`${gy}-03-21`)} هست، in passport it's ${greg}.`;
        foundIn(restated, greg, 'DOB', 'first');
        const event = `${jd} ${months[jm - 1]} ${eventYear}`;
        visibleIn(`born ${greg}. the parcel was delivered ${event}`, event);
      }),
      RUNS,
    );
  });

  it('expiry words with the hamza on a carrier ("انتهاؤه", "انتهائها") beside a card', () => {
    fc.assert(
      fc.property(cards, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 26, max: 34 }), scriptOf, fc.constantFrom('تاريخ انتهاؤه', 'تاريخ انتهائها', 'وانتهاؤها'), (card, m, y, script, word) => {
        const exp = script(`${m}/${y}`);
        foundIn(`كارت ميزة رقم ${script(card.match(/.{4}/g)!.join(' '))} ${word} ${exp} مش راضي يتقبل`, exp, 'CARD_EXPIRY', 'first');
      }),
      RUNS,
    );
  });
});
