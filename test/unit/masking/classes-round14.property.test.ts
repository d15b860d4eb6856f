/**
 * Property tests for the fourteenth round (issue #20): leak classes seen on a blind set after round 13 (its rows were
 * not shown). (a) a card's expiry said with a month word and a year word, in digits or in words, typed digit by digit
 * or after the security code; (b) a phone dictated in groups of digit words apart by commas, the last group too;
 * (c) a passport's letters and digits spelt one at a time; (d) an emoji between a value's groups. On the other side:
 * a meter's number, a year-prefixed transaction number, a traffic violation's number, a request number after a
 * national code.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { digits, foundIn, iranCodes, ibans, luhnComplete, maskedIn, persian, RUNS, scriptOf, visibleIn } from './generators';

const cards = fc.tuple(fc.constantFrom('4', '5'), digits(14)).map(([p, d]) => luhnComplete(p + d));
const inFours = (v: string): string => v.replace(/(\w{4})(?=\w)/g, '$1 ');
const month = fc.integer({ min: 1, max: 12 });
const year = fc.oneof(fc.integer({ min: 2025, max: 2034 }).map(String), fc.integer({ min: 1403, max: 1410 }).map(String));

describe('round 14 (a): a card expiry with a month word and a year word, spaced, or after the code (property)', () => {
  it('"expiry month 04 year 2029", "تنتهي شهر ٧ سنة ٢٠٢٧", "انقضا ماه ۵ سال ۱۴۰۵", in any digit script', () => {
    // (masked from the month's word since round 28, as worded-expiry.ts masks it)
    const say = fc.constantFrom(
      [' expiry ', 'month ', ' year '],
      [' تنتهي ', 'شهر ', ' سنة '],
      [' بتخلص ', 'شهر ', ' سنه '],
      [' انقضا ', 'ماه ', ' سال '],
      [', exp ', 'month: ', ' year: '],
    );
    fc.assert(
      fc.property(cards, fc.boolean(), say, month, fc.boolean(), year, scriptOf, fc.constantFrom('', ' please', ' وما تمشي', ' ـه'), (card, fours, [label, word, mid], m, pad, y, script, post) => {
        const value = word + script(`${pad ? String(m).padStart(2, '0') : m}${mid}${y}`);
        foundIn(`card ${script(fours ? inFours(card) : card)}${label}${value}${post}`, value, 'CARD_EXPIRY');
      }),
      RUNS,
    );
  });

  it('said in Arabic words ("شهر عشرة سنة ثمانية وعشرين")', () => {
    const AR = ['', 'واحد', 'اتنين', 'تلاتة', 'اربعة', 'خمسة', 'ستة', 'سبعة', 'تمانية', 'تسعة', 'عشرة', 'احداشر', 'اتناشر'];
    const TENS = ['عشرين', 'تلاتين'];
    fc.assert(
      fc.property(cards, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 21, max: 39 }), fc.constantFrom('تنتهي', 'بينتهي', 'والبطاقة تنتهي'), scriptOf, (card, m, y, verb, script) => {
        const ys = y % 10 ? `${AR[y % 10]} و${TENS[Math.floor(y / 10) - 2]}` : TENS[y / 10 - 2]!;
        const value = `${AR[m]} سنة ${ys}`;
        maskedIn(`البطاقة ${script(card)} ${verb} شهر ${value} لو سمحت`, value);
      }),
      RUNS,
    );
  });

  it('typed digit by digit ("exp is 0 8 / 2 7"), or after the security code ("cvv 417 date 03-26")', () => {
    fc.assert(
      fc.property(cards, month, fc.integer({ min: 25, max: 34 }), digits(3), fc.boolean(), scriptOf, (card, m, y, cvv, spaced, script) => {
        const mm = String(m).padStart(2, '0');
        const exp = spaced ? `${mm[0]} ${mm[1]} / ${String(y)[0]} ${String(y)[1]}` : `${mm}-${y}`;
        const text = spaced ? `card no ${script(inFours(card))} exp is ${script(exp)} sir` : `${script(card)} cvv ${script(cvv)} date ${script(exp)} pls help`;
        foundIn(text, script(exp), 'CARD_EXPIRY');
      }),
      RUNS,
    );
  });
});

describe('round 14 (b): a phone dictated in groups of digit words apart by commas (property)', () => {
  it('keeps no group in clear, the last one included', () => {
    const WORDS = [['صفر', 'واحد', 'اتنين', 'تلاتة', 'اربعة', 'خمسة', 'ستة', 'سبعة', 'تمانية', 'تسعة'], ['صفر', 'واحد', 'اثنين', 'ثلاثة', 'اربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة']];
    // an Egyptian mobile said 4-2-3-2 or 3-3-3-2, a Saudi one 3-2-3-2
    const phone = fc.oneof(
      fc.tuple(fc.constantFrom('010', '011', '012', '015'), digits(8)).map(([p, d]) => [p + d, [4, 2, 3, 2]] as const),
      fc.tuple(fc.constantFrom('010', '011', '012'), digits(8)).map(([p, d]) => [p + d, [3, 3, 3, 2]] as const),
      fc.tuple(fc.constantFrom('050', '053', '054', '055', '056', '059'), digits(7)).map(([p, d]) => [p + d, [3, 2, 3, 2]] as const),
    );
    fc.assert(
      fc.property(phone, fc.constantFrom(0, 1), fc.constantFrom('رقمي ', 'نمرتي ', 'رقم جوالي ', 'موبايلي '), fc.constantFrom('، ', ', '), fc.constantFrom('', ' ابعتولي عليه', ' لو سمحت'), ([d, sizes], w, pre, comma, post) => {
        let at = 0;
        const groups = sizes.map((n) => d.slice(at, (at += n)));
        const said = groups.map((g) => g.split('').map((x) => WORDS[w]![+x]).join(' '));
        const text = `${pre}${said.join(comma)}${post}`;
        for (const g of said) maskedIn(text, g);
      }),
      RUNS,
    );
  });
});

describe('round 14 (b): a Persian number said in groups, digit by digit and whole mixed (property)', () => {
  it('a national code or a card after its word keeps no group in clear', () => {
    const FA = ['صفر', 'یک', 'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'نه'];
    const oneByOne = (d: string): string => d.split('').map((x) => FA[+x]).join(' ');
    fc.assert(
      fc.property(iranCodes, cards, fc.integer({ min: 10, max: 99 }), fc.constantFrom('کد ملی ', 'کدملیم ', 'کد ملی من '), fc.constantFrom('', ' هست', ' رو وارد کردم'), (code, card, _, label, post) => {
        // four digits one by one, then two-digit groups said whole ("هفت صفر پنج هفت، سی، هفتاد و سه، شصت و پنج")
        const rest = [code.slice(4, 6), code.slice(6, 8), code.slice(8)];
        if (rest.some((g) => g[0] === '0')) return;
        const said = [oneByOne(code.slice(0, 4)), ...rest.map((g) => persian(+g))];
        const text = `${label}${said.join('، ')}${post}`;
        for (const g of said) maskedIn(text, g);
        const cardSaid = [0, 4, 8, 12].map((i) => oneByOne(card.slice(i, i + 4)));
        const cardText = `شماره کارت ${cardSaid.join('، ')}`;
        for (const g of cardSaid) maskedIn(cardText, g);
      }),
      RUNS,
    );
  });
});

describe('round 14 (e): a two-digit birth year right after "مواليد" (property)', () => {
  it('is the birth date, in any digit script', () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 99 }), fc.constantFrom('انا مواليد ', 'مواليد ', 'ومواليد ', 'ana mawalid '), fc.constantFrom('', ' ونسيت كلمة السر', '، ويطلع لي خطأ', ' w nsit'), scriptOf, (y, pre, post, script) => {
        foundIn(`${pre}${script(String(y))}${post}`, script(String(y)), 'DOB');
      }),
      RUNS,
    );
  });
});

describe('round 14 (f): a correction naming the right and the wrong IBAN (property)', () => {
  it('masks both', () => {
    fc.assert(
      fc.property(ibans, fc.integer({ min: 4, max: 20 }), fc.constantFrom(['الصحيح ', ' مو '], ['the right one is ', ' not '], ['درستش ', ' نه '], ['الصح ', ' مش ']), fc.boolean(), (iban, at, [pre, not], fours) => {
        const wrong = iban.slice(0, at) + iban[at + 1] + iban[at] + iban.slice(at + 2);
        if (wrong === iban) return;
        const layout = (v: string): string => (fours ? inFours(v) : v);
        const text = `${pre}${layout(iban)}${not}${layout(wrong)}`;
        foundIn(text, layout(iban), 'IBAN', 'first');
        foundIn(text, layout(wrong), 'IBAN');
      }),
      RUNS,
    );
  });
});

describe('round 14 (c): a passport spelt one character at a time (property)', () => {
  it('keeps its letters and every digit masked', () => {
    const letters = fc.constantFrom('A', 'B', 'K', 'P', 'R', 'N', 'LY', 'L Y', 'AZ');
    fc.assert(
      fc.property(
        fc.constantFrom('passport ', 'my passport no is ', 'passport no. ', 'رقم الجواز ', 'نمبر پاسپورت من ', 'passeport '),
        letters,
        fc.integer({ min: 7, max: 8 }).chain((n) => digits(n)),
        scriptOf,
        fc.constantFrom('', ' please', ' است', ' مالي', ', renewed in 2022'),
        (pre, l, d, script, post) => {
          const value = `${l} ${script(d.split('').join(' '))}`;
          maskedIn(`${pre}${value}${post}`, value);
        },
      ),
      RUNS,
    );
  });
});

describe('round 14 (d): an emoji between a value\'s groups (property)', () => {
  const emoji = fc.constantFrom('🙏', '👈', '☎️', '🔥', '✨', '💳', '📞', '⭐');
  const spaced = (e: string, both: boolean): string => (both ? ` ${e} ` : `${e} `);
  it('a card, an IBAN, a phone with its country code and a code stay one masked value', () => {
    fc.assert(
      fc.property(cards, ibans, fc.constantFrom('50', '53', '55', '59'), digits(7), digits(6), emoji, fc.boolean(), scriptOf, (card, iban, mob, rest, otp, e, both, script) => {
        const c = inFours(card);
        const cardText = `${c.slice(0, 9)}${spaced(e, both)}${script(c.slice(10))}`;
        maskedIn(`my card ${script(cardText.slice(0, 9))}${cardText.slice(9)} got declined`, script(c.slice(10)));
        const ib = inFours(iban);
        maskedIn(`شبام ${ib.slice(0, 14)}${spaced(e, both)}${ib.slice(15)}`, ib.slice(15));
        const phone = `+966 ${mob}${spaced(e, both)}${rest.slice(0, 3)} ${rest.slice(3)}`;
        foundIn(`call me ${phone} anytime`, phone, 'PHONE');
        const code = `${otp[0]} ${otp[1]}${spaced(e, both)}${otp.slice(2).split('').join(' ')}`;
        maskedIn(`code ${script(code)} not working`, script(code));
      }),
      RUNS,
    );
  });
});

describe('round 14: decoys stay visible (property)', () => {
  it("a meter's number, a year-prefixed transaction number, a violation's number", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(fc.constantFrom('رقم عداد الكهرباء ', 'رقم العداد ', 'electricity meter ', 'meter no. '), fc.integer({ min: 1, max: 9 }), digits(10)).map(([l, first, d]) => [l, `${first}${d}`] as const),
          fc.tuple(fc.integer({ min: 2023, max: 2026 }), digits(6)).map(([y, d]) => ['رقم المعاملة ', `${y}${d}`] as const),
          digits(10).map((d) => ['Violation no. ', d] as const),
        ),
        scriptOf,
        fc.constantFrom('', ' لسه ما خلصتش', ' reading is wrong', ' was issued by mistake'),
        ([label, d], script, post) => visibleIn(`${label}${script(d)}${post}`, script(d)),
      ),
      RUNS,
    );
  });

  it('a National Insurance shape in a model code, its "PP" no passport\'s word (round 9\'s flaky case)', () => {
    fc.assert(
      fc.property(digits(6), fc.constantFrom('A', 'B', 'C', 'D'), fc.constantFrom('PP', 'AB', 'ZX'), (d, s, l) => {
        const v = `${l} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)} ${s}`;
        visibleIn(`the model ${v} is out of stock`, v);
      }),
      RUNS,
    );
  });

  it('a six-digit request number right after an Iranian national code', () => {
    fc.assert(
      fc.property(iranCodes, digits(6), scriptOf, fc.constantFrom('درخواست شماره ', 'شماره درخواست ', 'shomare darkhast '), (code, req, script, label) => {
        const text = `کد ملی ${script(code)} ${label}${script(req)}`;
        foundIn(text, script(code), 'NATIONAL_ID');
        visibleIn(text, script(req));
      }),
      RUNS,
    );
  });
});
