/**
 * Property tests for round 25 (issue #20): the told r18 set's leak classes, generated in their formats — a label that
 * decides between an ID and a phone whatever the digits' length, a North American phone with its area code in
 * brackets, a value inside a link's query named by its parameter, an IBAN read by OCR with letters for digits, a card
 * read aloud in Persian and Arabic number words in groups, and what round 24 left (Darija's "الزيادة", Dari's
 * "نمبرش", the tazkira spelt with the Arabic kaf, an ID called wrong) — each beside decoys of the same shape.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSensitive } from '../../../main/core/masking';
import { validLocal } from '../../../main/core/masking/phone-plan';
import { digits, foundIn, luhnComplete, maskedIn, mod97, RUNS, SCRIPTS, visibleIn } from './generators';

const inScript = (k: number) => (d: string) => d.replace(/[0-9]/g, (x) => SCRIPTS[k]![+x]!);
const script = fc.constantFrom(0, 1, 2).map(inScript);
/** A number in groups of `sizes` apart by `sep` (the last group takes what is left). */
const grouped = (d: string, sizes: number[], sep: string): string => {
  const out: string[] = [];
  let i = 0;
  for (const n of sizes) {
    if (i >= d.length) break;
    out.push(d.slice(i, i + n));
    i += n;
  }
  if (i < d.length) out.push(d.slice(i));
  return out.join(sep);
};
const layout = (d: string): fc.Arbitrary<string> =>
  fc.constantFrom(d, grouped(d, [3, 3], ' '), grouped(d, [4, 4], ' '), grouped(d, [2, 2, 2, 2], ' '), d.split('').join(' '));

/** Mobiles as a phone's plan reads them with their trunk zero: Saudi (10), Egyptian (11), Palestinian (10). */
const trunkMobile = fc.oneof(
  digits(8).map((d) => `05${d}`),
  fc.tuple(fc.constantFrom('0', '1', '2', '5'), digits(8)).map(([k, d]) => `01${k}${d}`),
  fc.tuple(fc.constantFrom('59', '56'), digits(7)).map(([k, d]) => `0${k}${d}`),
);

describe('masking round 25: the label decides the type, not the length', () => {
  it('an identity document\'s own word before digits a phone\'s plan reads (with its trunk zero) makes them the ID, in any script and layout; a phone\'s word, the phone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('رقم الهوية ', 'رقم الهوية تبعي ', 'رقم الهوية، هي ', 'رقم هويتي ', 'بطاقة التعريف متاعي ', 'الرقم الوطني ', 'national ID number is ', 'my national ID: ', 'QID ', 'CPR no. ', 'NNI ', 'کد ملی ', 'تذکره ام نمبرش '),
        trunkMobile.chain(layout),
        script,
        fc.constantFrom('', ' وأنا من ريف دمشق', ' please check', ' مش عم يقبله'),
        fc.constantFrom('رقم جوالي ', 'my mobile is ', 'واتساب ', 'the M-Pesa line is '),
        (label, value, sc, post, phoneWord) => {
          foundIn(`مرحبا، ${label}${sc(value)}${post}`, sc(value), 'NATIONAL_ID');
          // (a phone's word before the same digits keeps them the phone)
          foundIn(`${phoneWord}${sc(value)} ورقم الهوية 1234`, sc(value), 'PHONE', 'first');
        },
      ),
      RUNS,
    );
  });

  it('a country\'s name or a transfer\'s or a call\'s verb before a local mobile makes it the phone, not an ID; an order\'s number stays visible', () => {
    const mobile = (region: string, first: string[]): fc.Arbitrary<string> => fc.tuple(fc.constantFrom(...first), digits(7)).map(([k, d]) => k + d).filter((d) => validLocal(region, d));
    const qatar = mobile('QA', ['3', '5', '6', '7']);
    const kuwait = mobile('KW', ['5', '6', '9']);
    const mauritania = mobile('MR', ['2', '3', '4']);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(fc.constantFrom('my number in Qatar ', 'Qatar ma ', 'and Qatar ', 'تلفوني قطر '), qatar),
          fc.tuple(fc.constantFrom('Kuwait ', 'رقمي في الكويت '), kuwait),
          fc.tuple(fc.constantFrom('بغيت نحول ب التطبيق ل ', 'حولت ل ', 'please transfer to ', 'I tried to send to '), mauritania),
        ),
        fc.constantFrom(' ', ''),
        script,
        ([label, d], sep, sc) => {
          const value = sc(`${d.slice(0, 4)}${sep}${d.slice(4)}`);
          foundIn(`hello, ${label}${value} and my QID is 28952401397`, value, 'PHONE', 'first');
          visibleIn(`order number ${sc(d)} not delivered`, sc(d));
        },
      ),
      RUNS,
    );
  });
});

describe('masking round 25: a North American phone with its area code in brackets', () => {
  it('"(NXX) NXX-XXXX" is the phone, bracket and all, even where its ten digits pass a Saudi ID\'s check by chance; a bracketed amount stays visible', () => {
    fc.assert(
      fc.property(digits(1).filter((x) => x !== '0' && x !== '1'), digits(1).filter((x) => x !== '0' && x !== '1'), digits(6), fc.constantFrom(' ', ''), fc.constantFrom('-', ' ', ''), (a, x, rest, gap, dash) => {
        // an area code from 2 and a Luhn check digit: the ten digits pass as an Iqama
        const d = luhnComplete(`2${a}${a}${x}${rest.slice(0, 5)}`);
        const phone = `(${d.slice(0, 3)})${gap}${d.slice(3, 6)}${dash}${d.slice(6)}`;
        const text = `Her number is 010 0627 4418 (Egypt) and mine is ${phone}. Thanks!`;
        const at = text.indexOf(phone);
        const hit = detectSensitive(text).find((s) => s.start <= at + 1 && s.end > at + 1);
        expect(hit, text).toMatchObject({ type: 'PHONE', start: at, end: at + phone.length });
        visibleIn(`the statement shows (${rest.slice(0, 3)}) ${d.slice(3, 6)}.50 twice`, `${d.slice(3, 6)}.50`);
      }),
      RUNS,
    );
  });
});

describe('masking round 25: a value in a link\'s query string is named by its parameter', () => {
  it('an ID, a passport, a code or a card after its parameter\'s name is that type; a record\'s parameter keeps even a Luhn-valid number visible', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('2', '3').chain((c) => digits(12).map((d) => luhnComplete(c + d))),
        fc.constantFrom('nid', 'national_id', 'nationalId', 'id_number', 'idNumber', 'civil_id', 'iqama'),
        fc.constantFrom('order_id', 'orderId', 'invoice', 'tracking', 'ref', 'booking_ref'),
        fc.constantFrom('A', 'N', 'P', 'K').chain((l) => digits(7).map((d) => l + d)),
        digits(6),
        (v, idName, recordName, passport, code) => {
          const link = `https://secure-verify.example.com/confirm?${idName}=${v}&otp=${code}&passport=${passport}&lang=en`;
          foundIn(`I clicked ${link} and nothing happened`, `=${v}`.slice(1), 'NATIONAL_ID');
          foundIn(`I clicked ${link} and nothing happened`, `otp=${code}`.slice(4), 'OTP');
          foundIn(`I clicked ${link} and nothing happened`, passport, 'PASSPORT');
          visibleIn(`my order link https://shop.example.com/orders?${recordName}=${v}&page=2 shows nothing`, v);
        },
      ),
      RUNS,
    );
  });
});

/** Digits an OCR reads as letters (1 → l or I, 0 → O, 5 → S, 8 → B, 2 → Z). */
const OCR_FOR: Record<string, string[]> = { '1': ['l', 'I'], '0': ['O'], '5': ['S'], '8': ['B'], '2': ['Z'] };

describe('masking round 25: an IBAN read by OCR with letters for digits', () => {
  it('is masked whole when, the letters undone, its country\'s length passes mod 97; an OCR\'d reference stays visible', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['DZ', 22], ['TN', 20], ['SA', 20], ['AE', 19], ['EG', 25], ['MR', 23]).chain(([cc, n]) =>
          digits(n as number).map((bban) => `${cc as string}${String(98 - mod97(`${bban}${cc as string}00`)).padStart(2, '0')}${bban}`),
        ),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('IBAN ', 'صورت الايبان وطلع كذا ', 'scan du RIB: ', ''),
        (iban, picks, label) => {
          const chars = iban.split('');
          const swappable = chars.map((c, i) => (i >= 4 && OCR_FOR[c] ? i : -1)).filter((i) => i >= 0);
          fc.pre(swappable.length > 0);
          for (const p of picks) {
            const i = swappable[p % swappable.length]!;
            const opts = OCR_FOR[iban[i]!]!;
            chars[i] = opts[p % opts.length]!;
          }
          const ocr = grouped(chars.join(''), [4, 4, 4, 4, 4, 4, 4], ' ');
          fc.pre(ocr.replace(/ /g, '') !== iban);
          foundIn(`${label}${ocr}\nMONTANT 45 000,00 DZD`, ocr, 'IBAN');
          visibleIn(`Receipt scan: TXN ${chars.slice(4, 12).join('')}, batch B0O7-1I, total 1,2O0.00`, 'B0O7-1I');
        },
      ),
      RUNS,
    );
  });
});

const FA_UNITS = ['صفر', 'یک', 'دو', 'سه', 'چهار', 'پنج', 'شیش', 'هفت', 'هشت', 'نه'];
const FA_TEENS = ['ده', 'یازده', 'دوازده', 'سیزده', 'چهارده', 'پونزده', 'شونزده', 'هفده', 'هیجده', 'نوزده'];
const FA_TENS = ['', '', 'بیست', 'سی', 'چهل', 'پنجاه', 'شصت', 'هفتاد', 'هشتاد', 'نود'];
const AR_UNITS = ['صفر', 'واحد', 'اثنين', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة'];
const AR_TENS = ['', '', 'عشرين', 'ثلاثين', 'أربعين', 'خمسين', 'ستين', 'سبعين', 'ثمانين', 'تسعين'];

/** Two digits said as a number: "نود و نه", "شونزده", "صفر سه"; Arabic says the unit first ("سبعة وأربعين"). */
function pairSaid(p: string, arabic: boolean): string {
  const t = +p[0]!;
  const u = +p[1]!;
  if (arabic) return t >= 2 ? (u ? `${AR_UNITS[u]} و${AR_TENS[t]}` : AR_TENS[t]!) : `${AR_UNITS[t]} ${AR_UNITS[u]}`;
  if (t === 0) return `صفر ${FA_UNITS[u]}`;
  if (t === 1) return FA_TEENS[u]!;
  return u ? `${FA_TENS[t]} و ${FA_UNITS[u]}` : FA_TENS[t]!;
}

describe('masking round 25: a card read aloud in number words, in groups apart by commas', () => {
  it('after a card\'s word, four groups said digit by digit or as two-digit numbers (Persian, Dari, Arabic) are the card, masked whole; an amount said after a card\'s word stays visible', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('4', '5', '6').chain((f) => digits(14).map((d) => luhnComplete(f + d))),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        fc.constantFrom(['شماره کارتم ', false], ['کارت بانکیم ', false], ['نمبر کارتم ', false], ['رقم البطاقة ', true], ['رقم الكرت ', true]) as fc.Arbitrary<[string, boolean]>,
        fc.constantFrom('، ', ', ', ' '),
        fc.integer({ min: 101, max: 999 }),
        (card, byPairs, [label, arabic], sep, amount) => {
          const groups = [0, 4, 8, 12].map((i, k) => {
            const g = card.slice(i, i + 4);
            return byPairs[k] ? `${pairSaid(g.slice(0, 2), arabic)} ${pairSaid(g.slice(2), arabic)}` : g.split('').map((x) => (arabic ? AR_UNITS : FA_UNITS)[+x]).join(' ');
          });
          fc.pre(byPairs.some(Boolean));
          const said = groups.join(sep);
          foundIn(`سلام، ${label}${said} رو مسدود کنید لطفا`, said, 'CARD');
          const amountSaid = arabic ? `${AR_UNITS[amount % 10]} و${AR_TENS[2 + (amount % 8)]}` : `${FA_TENS[2 + (amount % 8)]} و ${FA_UNITS[1 + (amount % 9)]} هزار`;
          visibleIn(`${arabic ? 'دفعت بالبطاقة' : 'با کارتم'} ${amountSaid} ${arabic ? 'ريال' : 'تومن'} خرید کردم`, amountSaid);
        },
      ),
      RUNS,
    );
  });
});

describe('masking round 25: what round 24 left of the told r17 set', () => {
  it('Darija\'s "الزيادة ديالي", "تاريخ الزيادة" name the birth date in any script; "الزيادة فالثمن" (a price\'s rise) does not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1940, max: 2006 }), fc.constantFrom('الزيادة ديالي ', 'تاريخ الزيادة ديالي ', 'تاريخ الزيادة: ', 'عافاكم الزيادة ديالها '), script, (d, m, y, label, sc) => {
        const date = sc(`${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`);
        foundIn(`${label}${date} وماشي كيفما كاين فالسيستيم`, date, 'DOB');
        visibleIn(`الزيادة فالثمن بدات من ${sc(`${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/2024`)}`, sc(`/${String(m).padStart(2, '0')}/2024`));
      }),
      RUNS,
    );
  });

  it('an Afghan mobile after Dari\'s "نمبرش" (his number) in a Persian message is the phone, even where it passes the Iranian code\'s check', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.constantFrom('70', '72', '77', '78', '79'), digits(6)).map(([k, d]) => {
          const body = `0${k}${d}`;
          let sum = 0;
          for (let i = 0; i < 9; i++) sum += +body[i]! * (10 - i);
          const r = sum % 11;
          return body + (r < 2 ? r : 11 - r);
        }),
        script,
        fc.constantFrom('پدرم تاریخ تولدش ۱۸ لیندۍ ۱۳۴۹ است و نمبرش ', 'برادرم نمبرش ', 'مادرم گفت نمبرش '),
        (phone, sc, pre) => {
          foundIn(`${pre}${sc(phone)} است`, sc(phone), 'PHONE');
        },
      ),
      RUNS,
    );
  });

  it('the tazkira spelt with the Arabic kaf by a Dari writer ("نمبر تذكرة", "تذكره ام") names the ID; an Arabic ticket\'s number stays visible', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1395, max: 1403 }), digits(4), digits(5), fc.constantFrom('نمبر تذكرة ', 'نمبر تذكره ', 'تذكره ام نمبرش ', 'تذكرة پدرم '), script, (y, a, b, label, sc) => {
        const id = sc(`${y}-${a}-${b}`);
        foundIn(`${label}${id} است`, id, 'NATIONAL_ID');
        visibleIn(`رقم التذكرة ${y}${a}${b} ورحلتي اتأجلت`, `${y}${a}${b}`);
      }),
      RUNS,
    );
  });

  it('an ID its label names stays the ID when the message calls it wrong, whatever a toll-free number\'s shape says ("رقم الهوية 2080000001 غلط")', () => {
    fc.assert(
      fc.property(digits(5), fc.constantFrom(' غلط', ' خطأ بالنظام', ' is wrong', ' incorrect in your system'), fc.constantFrom('رقم الهوية ', 'رقم هويتي ', 'my national ID '), script, (d, post, label, sc) => {
        const id = sc(`20800${d}`);
        foundIn(`${label}${id}${post}`, id, 'NATIONAL_ID');
      }),
      RUNS,
    );
  });
});

describe('masking round 25: digit words apart by no-break spaces (found reading the golden diff)', () => {
  const EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  const AR = ['صفر', 'واحد', 'اثنين', 'ثلاثة', 'اربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة'];
  const FA = ['صفر', 'یک', 'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'نه'];
  it('a phone, an ID or a code said digit by digit is masked whatever spaces stand between the words (a no-break space is one)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['my mobile is ', EN, 10], ['رقم جوالي ', AR, 10], ['کد ملی ', FA, 10], ['the code is ', EN, 6], ['الكود ', AR, 6]) as fc.Arbitrary<[string, string[], number]>,
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 }),
        fc.constantFrom('\u00a0', '\u00a0\u00a0', ' \u00a0'),
        ([label, words, n], ds, gap) => {
          const said = ds.slice(0, n).map((d) => words[d]).join(gap);
          maskedIn(`${label}${said} please`, said);
        },
      ),
      RUNS,
    );
  });
});
