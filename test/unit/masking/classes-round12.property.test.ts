/**
 * Property tests for the twelfth round (issue #20): leak classes still seen on a blind set after round 11 (its rows
 * were not shown). (a) a Persian national code said in groups of three with no commas; (b) a birth date whose day is
 * an ordinal word, in Arabic ("الخامس عشر من مارس", "الثالث من شهر ٧ سنة …"), Persian and English; (c) a one-time code
 * typed digit by digit, with several spaces or in ones and twos, after a code word in a Latin-script language; (d) a
 * passport read out in groups whose last group is zeros; (e) a code's label, an emoji, the code and a currency's
 * capitals. On the other side: an amount of money beside a money transfer's code word, a bill's payment id.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { digits, foundIn, iranCodes, maskedIn, persian, RUNS, scriptOf, visibleIn } from './generators';

/** A group of digits as a Persian speaker says it: its leading zeros one by one, then the rest as one number. */
function sayGroup(g: string): string {
  const zeros = /^0*/.exec(g)![0].length;
  const rest = g.slice(zeros);
  return [...Array<string>(zeros).fill('صفر'), ...(rest ? [persian(+rest)] : [])].join(' ');
}

describe('round 12 (a): a Persian national code said in groups of three with no commas (property)', () => {
  it('every word of the groups is masked, whatever the groups and the ID word before them', () => {
    const layout = fc.constantFrom([3, 3, 3, 1], [1, 3, 3, 3]);
    const cue = fc.constantFrom('کد ملیم ', 'کد ملی من ', 'شماره ملی اینجانب ', 'کد ملی مو بنویسین ', 'آیدی ملی: ', 'کدملیم ');
    const code = fc.tuple(iranCodes, layout).map(([d, sizes]) => {
      const groups: string[] = [];
      let at = 0;
      for (const n of sizes) groups.push(d.slice(at, (at += n)));
      return groups;
    });
    // (two groups or more said with hundreds: digits said one by one are the other reader's, spoken-digits.ts)
    // ("… یک صد و هفت": a unit then a group of one hundred and some is "… 107" to a Dari speaker, so not generated)
    const said = code.filter((gs) => !gs.some((g) => /^0+$/.test(g)) && gs.filter((g) => /^[1-9]\d\d$/.test(g)).length >= 2 && !gs.some((g, i) => /[1-9]$/.test(g) && /^1\d\d$/.test(gs[i + 1] ?? '')));
    fc.assert(
      fc.property(cue, said, fc.constantFrom(' ـه', ' است', ' می‌باشد', ' هست', ''), (c, gs, t) => {
        const v = gs.map(sayGroup).join(' ');
        maskedIn(`${c}${v}${t}`, v);
      }),
      RUNS,
    );
  });

  it('an amount said in words with no ID word stays visible (decoy)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 101, max: 999 }), fc.integer({ min: 101, max: 999 }), (a, b) => {
        const v = `${persian(a)} هزار و ${persian(b)}`;
        visibleIn(`مبلغ ${v} تومان واریز شد`, v);
      }),
      RUNS,
    );
  });
});

describe('round 12 (b): a birth date whose day is an ordinal word (property)', () => {
  it('Arabic: an ordinal day, "من" and a month name or "شهر" and its number, then the year, after a birth word', () => {
    const day = fc.constantFrom('الخامس عشر', 'الثالث', 'الحادي والعشرين', 'التاني والعشرين', 'العاشر', 'السابع');
    const month = fc.oneof(
      fc.constantFrom('مارس', 'يوليو', 'نيسان', 'كانون الثاني', 'ديسمبر'),
      fc.tuple(fc.integer({ min: 1, max: 12 }), scriptOf, fc.constantFrom('سنة', 'عام')).map(([m, script, yw]) => `شهر ${script(String(m))} ${yw}`),
    );
    fc.assert(
      fc.property(fc.constantFrom('ولدت في ', 'تاريخ ميلادي ', 'انا من مواليد ', 'اتولدت يوم '), day, month, fc.integer({ min: 1940, max: 2010 }), scriptOf, (cue, d, m, y, script) => {
        const v = `${d} من ${m} ${script(String(y))}`;
        maskedIn(`${cue}${v} والبطاقة فيها غلط`, v);
      }),
      RUNS,
    );
  });

  it('Persian and English siblings: "سوم تیر ۱۳۶۹", "the third of July 1990"', () => {
    fc.assert(
      fc.property(fc.constantFrom('سوم', 'پانزدهم', 'بیست و پنجم', 'دهم'), fc.constantFrom('تیر', 'مهر ماه', 'اسفند', 'حمل', 'سنبله'), fc.integer({ min: 1320, max: 1390 }), scriptOf, (d, m, y, script) => {
        const v = `${d} ${m} ${script(String(y))}`;
        maskedIn(`متولد ${v} هستم ولی سامانه اشتباه زده`, v);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.constantFrom('third', 'fifteenth', 'twenty-first', 'first'), fc.constantFrom('July', 'March', 'December'), fc.constantFrom(' ', ', '), fc.integer({ min: 1940, max: 2010 }), scriptOf, (d, m, sep, y, script) => {
        const v = `${d} of ${m}${sep}${script(String(y))}`;
        maskedIn(`I was born on the ${v} if that helps`, v);
      }),
      RUNS,
    );
  });

  it('the same date with no birth word (an appointment) stays visible (decoy)', () => {
    fc.assert(
      fc.property(fc.constantFrom('الخامس عشر', 'الثالث', 'العاشر'), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2024, max: 2030 }), (d, m, y) => {
        visibleIn(`حجزت موعدا في ${d} من شهر ${m} سنة ${y} لفرع الرياض`, String(y));
      }),
      RUNS,
    );
  });
});

describe('round 12 (c): a one-time code typed digit by digit after a code word, in a Latin-script language (property)', () => {
  const frame = fc.constantFrom(
    ["le code c'est ", ' mais il marche pas'],
    ['l code howa ', ' 3afak'],
    ['el code elli jani ', ' ma yemchich'],
    ['code ro ferestadan ', ' vali kar nemikone'],
    ['the one time pin reads ', ' abeg help'],
    ['el código es ', ' gracias'],
    ['kode OTP saya ', ' tolong'],
  );
  it('digits apart by one to three spaces are masked, in any digit script', () => {
    fc.assert(
      fc.property(frame, fc.integer({ min: 4, max: 6 }).chain((n) => digits(n)), fc.constantFrom(' ', '  ', '   '), scriptOf, ([pre, post], d, gap, script) => {
        const v = script([...d].join(gap));
        maskedIn(`${pre}${v}${post}`, v);
      }),
      RUNS,
    );
  });

  it('digits typed in ones and twos mixed ("7 30 5", "48 19 2") are masked after a code word', () => {
    const mixed = fc.array(fc.constantFrom(1, 2), { minLength: 3, maxLength: 4 }).filter((l) => l.includes(1) && l.includes(2)).chain((sizes) =>
      digits(sizes.reduce((a, b) => a + b, 0)).map((d) => {
        const out: string[] = [];
        let at = 0;
        for (const n of sizes) out.push(d.slice(at, (at += n)));
        return out.join(' ');
      }),
    );
    fc.assert(
      fc.property(frame, mixed, scriptOf, ([pre, post], d, script) => {
        const v = script(d);
        maskedIn(`${pre}${v}${post}`, v);
      }),
      RUNS,
    );
  });

  it('the same digits after an order\'s or a postcode\'s word, or counted, stay visible (decoy)', () => {
    fc.assert(
      fc.property(fc.constantFrom(['ma commande ', ' est arrivée'], ["le code postal c'est ", ' pour la livraison'], ['I have ', ' items in the cart'], ['room ', ' is booked']), digits(5), fc.constantFrom(' ', '  '), ([pre, post], d, gap) => {
        const v = [...d].join(gap);
        visibleIn(`${pre}${v}${post}`, v);
      }),
      RUNS,
    );
  });
});

describe('round 12 (d): a passport read out in groups whose last group is zeros (property)', () => {
  it('after a passport word, with or without its letter, in any digit script', () => {
    const grouped = fc.oneof(digits(6).map((d) => `${d.slice(0, 3)} ${d.slice(3)} 000`), digits(5).map((d) => `${d.slice(0, 2)} ${d.slice(2)} 000`));
    fc.assert(
      fc.property(fc.constantFrom('رقم الباسبور تاعي ', 'passport no. ', 'رقم جوازي ', 'شماره گذرنامه‌ام ', 'shomare passport '), fc.constantFrom('', 'A ', 'K '), grouped, scriptOf, fc.constantFrom('', ' please update it', ' راهو صالح'), (l, letter, g, script, post) => {
        const v = letter + (letter ? g : script(g));
        foundIn(`${l}${v}${post}`, v, 'PASSPORT');
      }),
      RUNS,
    );
  });

  it('a passport\'s fee in thousands stays visible (decoy)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 999 }), fc.constantFrom(['رسوم الجواز ', ' ريال'], ['هزینه پاسپورت ', ' تومن شد'], ['passport fee ', ' SAR'], ['هزینه تمدید پاسپورت ', ' شده']), scriptOf, (k, [pre, post], script) => {
        const v = script(`${k} 000`);
        visibleIn(`${pre}${v}${post}`, v);
      }),
      RUNS,
    );
  });
});

describe('round 12 (e): a code\'s label, an emoji, the code and a currency\'s capitals (property)', () => {
  it('the code is masked', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('رمز التحقق', 'كود التحقق', 'كود التفعيل', 'OTP', 'verification code'),
        fc.constantFrom('😀', '🙏', '✅', '👉', '🔑', '😅', '❤️'),
        digits(6).filter((d) => d[0] !== '0'),
        scriptOf,
        fc.constantFrom('KD', 'SAR', 'AED', 'USD', 'DA', 'DH', 'LE'),
        (label, emoji, d, script, cur) => {
          const v = script(d);
          foundIn(`${label} ${emoji} ${v} ${cur}`, v, 'OTP');
        },
      ),
      RUNS,
    );
  });
});

describe('round 12 decoys: an amount beside a money transfer\'s code word, a bill\'s payment id (property)', () => {
  it('an amount of afghanis (or tomans) near "کود حواله" stays visible, before or after the code word', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 999999 }),
        scriptOf,
        fc.constantFrom(' افغانی', ' افغانۍ', ' AFN', ' هزار افغانی', ' تومان'),
        fc.constantFrom(
          (v: string) => `کود حواله ره روان کدم، ${v} بود`,
          (v: string) => `مقدار پول ${v} است و کود حواله را بعدا می‌فرستم`,
          (v: string) => `کود حواله ${v} را گرفتم`,
          (v: string) => `${v} حواله کردم و کود حواله‌اش پیش خودم است`,
        ),
        (amount, script, cur, frame) => {
          const v = script(String(amount));
          visibleIn(frame(`${v}${cur}`), v);
        },
      ),
      RUNS,
    );
  });

  it('a bill\'s payment id stays visible, even ten digits that pass the Iranian national code\'s check', () => {
    fc.assert(
      fc.property(
        fc.oneof(iranCodes, digits(13).filter((d) => d[0] !== '0')),
        scriptOf,
        fc.constantFrom('شناسه پرداختش ', 'شناسه قبضم ', 'شناسه پرداخت ', 'شناسه قبض برق ', 'bill payment ID ', 'the payment id is '),
        fc.constantFrom(' ـه، پرداخت کردم ولی برق وصل نشد', ' را وارد کردم', ', still no power'),
        (d, script, cue, post) => {
          const v = script(d);
          visibleIn(`${cue}${v}${post}`, v);
        },
      ),
      RUNS,
    );
  });
});
