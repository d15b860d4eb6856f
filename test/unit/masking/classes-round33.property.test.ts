/**
 * Property tests for round 33 (issue #20): the told r26 class — an account's, a subscription's, a contract's, a
 * receipt's number right after its label, in Latin, Arabic, Persian and Cyrillic letters and three digit scripts,
 * ten digits a Saudi or Iranian ID check passes by chance or dashed 4-3-4 / 4-4-4, stays visible; an identity word or a
 * phone word nearer the number than the account's label still makes it the ID or the phone; a card that "ends with"
 * four digits ("تنتهي بـ") shows its last four, where "تنتهي" alone still names the expiry.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { digits, foundIn, iranCodes, luhnComplete, RUNS, SCRIPTS, visibleIn } from './generators';

const inScript = (k: number) => (d: string) => d.replace(/[0-9]/g, (x) => SCRIPTS[k]![+x]!);
const script = fc.constantFrom(0, 1, 2).map(inScript);
/** Ten digits opening with 1 or 2 that pass the Saudi ID check (Luhn). */
const saudiIds = fc.constantFrom('1', '2').chain((f) => digits(8).map((b) => luhnComplete(f + b)));
const checkedTen = fc.oneof(saudiIds, iranCodes.filter((d) => d[0] !== '0'));
/** The told labels, in their many languages: each names the number right after it as an account's or a record's. */
const labels = fc.constantFrom(
  'account no', 'acct', 'acct#', 'customer number:', 'premises ID', 'subscriber no', 'receipt no.', 'payment reference', 'contract no',
  'رقم حسابي', 'رقم الحساب', 'رقم الاشتراك', 'رقم المحل', 'رقم العداد', 'الكونطرا ديالي', 'رقم العقد',
  '7sab', 'el 7sab', 'rqm 7sabi', 'shomare eshterak', 'shomare hesab', 'شماره اشتراک', 'شماره رسید', 'شماره قرارداد',
  'Ҳисоби шахсӣ', 'Лицевой счёт', 'лицевой счет №',
);
/** The same with a word for "number" or a record's own word: a bare account noun before a mobile a phone plan reads leaves it the phone (a wallet's account is its phone). */
const numberedLabels = labels.filter((l) => !['acct', '7sab', 'el 7sab'].includes(l));
const after = fc.constantFrom('', ' please check', ' ما وصلني شي', ' قبض نیومده', ' оплата не прошла', ' thanks');

describe('masking round 33: a number right after its account or record label', () => {
  it('ten digits a national-ID check passes by chance stay visible after the label, in any digit script', () => {
    fc.assert(
      fc.property(labels, checkedTen, script, after, (l, d, sc, post) => {
        const v = sc(d);
        visibleIn(`${l} ${v}${post}`, v);
      }),
      RUNS,
    );
  });

  it('dashed 4-3-4 and 4-4-4 numbers opening with a trunk zero or a one stay visible after the label ("00" and a calling code before a phone\'s digits make its phone: round 22)', () => {
    fc.assert(
      fc.property(numberedLabels, fc.constantFrom([4, 3, 4], [4, 4, 4]), fc.constantFrom('01', '02', '03', '05', '07', '10', '11', '12', '19'), digits(11), script, (l, g, f, body, sc) => {
        const d = (f + body).slice(0, g.reduce((x, y) => x + y, 0));
        const v = sc(`${d.slice(0, g[0])}-${d.slice(g[0], g[0]! + g[1]!)}-${d.slice(g[0]! + g[1]!)}`);
        visibleIn(`${l} ${v}`, v);
      }),
      RUNS,
    );
  });

  it('an identity word nearer than the account label keeps a checked ID the ID', () => {
    const idWords = fc.constantFrom('iqama', 'national ID', 'هويتي', 'رقم الهوية', 'کد ملی', 'code melli', 'hawiti');
    fc.assert(
      fc.property(labels, checkedTen, idWords, checkedTen, script, (l, acct, w, id, sc) => {
        fc.pre(acct !== id);
        foundIn(`${l} ${sc(acct)}، ${w} ${sc(id)}`, sc(id), 'NATIONAL_ID');
      }),
      RUNS,
    );
  });

  it('a phone word nearer than the account label makes a mobile the phone', () => {
    const phoneWords = fc.constantFrom('my mobile is', 'call me on', 'جوالي', 'ورقم جوالي', 'موبایلم', 'phone');
    fc.assert(
      fc.property(labels, phoneWords, digits(8), script, (l, w, body, sc) => {
        const phone = sc(`05${body}`);
        foundIn(`${l} 2039-422-4110, ${w} ${phone}`, phone, 'PHONE');
      }),
      RUNS,
    );
  });

  it('a wallet\'s account, a mobile a phone plan reads, stays the phone after "account" with no number word', () => {
    fc.assert(
      fc.property(fc.constantFrom('JazzCash account', 'account', 'حسابي', 'acct'), digits(8), (l, body) => {
        foundIn(`${l} 030${body} pe OTP aya`, `030${body}`, 'PHONE');
      }),
      RUNS,
    );
  });
});

describe('masking round 33: a card that ends with four digits', () => {
  const months = fc.integer({ min: 1, max: 12 }).map((m) => String(m).padStart(2, '0'));
  const years = fc.integer({ min: 25, max: 35 }).map(String);

  it('"تنتهي بـ" / "ينتهي بالرقم" before four digits that read as a month and year: the last four, visible', () => {
    fc.assert(
      fc.property(fc.constantFrom('البطاقة اللي تنتهي ب', 'بطاقتي تنتهي بـ', 'الكرت ينتهي بالرقم', 'الفيزا المنتهية بأرقام'), months, years, script, (pre, m, y, sc) => {
        const v = sc(m + y);
        visibleIn(`${pre} ${v} انسحب منها مبلغ`, v);
      }),
      RUNS,
    );
  });

  it('"تنتهي" alone after a card still names its expiry, and after a whole card\'s number "تنتهي بـ" does too', () => {
    fc.assert(
      fc.property(months, years, digits(15), (m, y, body) => {
        foundIn(`بطاقتي تنتهي ${m}${y} وانخصم المبلغ`, `${m}${y}`, 'CARD_EXPIRY');
        foundIn(`بطاقتي ${luhnComplete('4' + body)} تنتهي بـ ${m}${y}`, `${m}${y}`, 'CARD_EXPIRY');
      }),
      RUNS,
    );
  });
});
