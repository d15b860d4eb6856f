/**
 * Property tests for round 23 (issue #20): what round 22 left of the told r16 set, generated in its formats — an IBAN
 * dictated after its word as number words in groups of any size (Persian, Arabic, English, its country's letters
 * spelled), and a passport's or ID's expiry beside a card word elsewhere in the message — each beside decoys of the
 * same shape.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSensitive } from '../../../main/core/masking';
import { digits, foundIn, luhnComplete, mod97, persian, RUNS, visibleIn } from './generators';

const iban = (cc: string, body: fc.Arbitrary<string>): fc.Arbitrary<string> => body.map((bban) => cc + String(98 - mod97(bban + cc + '00')).padStart(2, '0') + bban);

/** Cuts a string of digits into groups of one to three, as a speaker reads them out. */
const groupsOf = (d: string): fc.Arbitrary<string[]> =>
  fc.array(fc.integer({ min: 1, max: 3 }), { minLength: d.length, maxLength: d.length }).map((sizes) => {
    const out: string[] = [];
    for (let i = 0, k = 0; i < d.length; i += sizes[k++]!) out.push(d.slice(i, i + sizes[k]!));
    return out;
  });

/** A group in Persian words: its leading zeros as "صفر", the rest as the number it makes. */
const faGroup = (g: string): string => {
  const zeros = /^0*/.exec(g)![0].length;
  const rest = g.slice(zeros);
  return [...Array<string>(zeros).fill('صفر'), ...(rest ? [persian(+rest)] : [])].join(' ');
};

const AR_UNITS = ['صفر', 'واحد', 'اثنين', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة'];
const AR_TENS = ['', 'عشرة', 'عشرين', 'ثلاثين', 'أربعين', 'خمسين', 'ستين', 'سبعين', 'ثمانين', 'تسعين'];
/** A pair in Arabic words: "خمسة وسبعين", "ستة عشر", "صفر ثلاثة". */
const arPair = (p: string): string => {
  if (p.length === 1 || p[0] === '0') return [...p].map((x) => AR_UNITS[+x]!).join(' ');
  const [t, u] = [+p[0]!, +p[1]!];
  if (t === 1) return u === 0 ? 'عشرة' : `${u === 1 ? 'أحد' : u === 2 ? 'اثنا' : AR_UNITS[u]} عشر`;
  return u === 0 ? AR_TENS[t]! : `${AR_UNITS[u]} و${AR_TENS[t]}`;
};

const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const EN_TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
/** A pair in English words: "twenty-nine", "sixteen", "zero four". */
const enPair = (p: string): string => {
  if (p.length === 1 || p[0] === '0') return [...p].map((x) => EN_UNITS[+x]!).join(' ');
  const [t, u] = [+p[0]!, +p[1]!];
  if (t === 1) return EN_TEENS[u]!;
  return u === 0 ? EN_TENS[t]! : `${EN_TENS[t]}-${EN_UNITS[u]}`;
};
const pairs = (d: string): string[] => d.match(/\d{1,2}/g)!;

function ibanFound(text: string, said: string): void {
  const at = text.indexOf(said);
  const spans = detectSensitive(text);
  const hit = spans.find((s) => s.type === 'IBAN' && s.start <= at && s.end >= at + said.length);
  expect(hit, `IBAN not found whole in ${JSON.stringify(text)}: ${JSON.stringify(spans)}`).toBeDefined();
}

describe('masking round 23: an IBAN dictated after its word', () => {
  it('Persian: "آی آر" and the digits as number words in groups of one to three, apart by "،" or not', () => {
    fc.assert(
      fc.property(
        iban('IR', digits(22)).chain((v) => fc.tuple(fc.constant(v), groupsOf(v.slice(2)), fc.constantFrom('، ', ' '))),
        fc.constantFrom('[ویس] شماره شبام اینه ', 'شبا: ', '(پیام صوتی) سلام، شبا رو میگم ', 'شماره شبا '),
        fc.constantFrom(' ممنون', ' ... همینه دیگه', ' به نام خودمه'),
        ([v, groups, gap], pre, post) => {
          // ("دو، صد": a unit said right before "صد" makes two hundred, as in Dari; a speaker pauses there)
          const said = 'آی آر ' + groups.map(faGroup).reduce((acc, g, k) => (k === 0 ? g : acc + (gap === ' ' && g.startsWith('صد') ? '، ' : gap) + g), '');
          void v;
          ibanFound(`${pre}${said}${post}`, said);
        },
      ),
      RUNS,
    );
  });

  it('Arabic: "اس اي" and the digits as pairs in Arabic words apart by "،"', () => {
    fc.assert(
      fc.property(iban('SA', digits(20)), fc.constantFrom('الآيبان حقي ', 'آي بان: ', 'رقم الايبان '), fc.constantFrom(' شكرا', ' حولوا عليه'), (v, pre, post) => {
        const said = 'اس اي ' + pairs(v.slice(2)).map(arPair).join('، ');
        ibanFound(`[رسالة صوتية] ${pre}${said}${post}`, said);
      }),
      RUNS,
    );
  });

  it('English: "G B", the check digits, the bank\'s letters spelled and the rest in pairs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('NWBK', 'BARC', 'HBUK', 'LOYD', 'MIDL'),
        digits(14),
        fc.constantFrom('my I-B-A-N is ', 'IBAN ', 'the IBAN: '),
        fc.constantFrom(' ', ', '),
        (bank, rest, pre, gap) => {
          const v = 'GB' + String(98 - mod97(bank + rest + 'GB00')).padStart(2, '0') + bank + rest;
          const said = `G B ${enPair(v.slice(2, 4))}${gap}${[...bank].join(' ')}${gap}${pairs(rest).map(enPair).join(', ')}`;
          ibanFound(`[voice note] ${pre}${said} cheers`, said);
        },
      ),
      RUNS,
    );
  });

  it('decoys: an amount after the IBAN\'s word, and letters with a number said before the word, stay visible', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 999 }), fc.integer({ min: 2, max: 9 }), (n, m) => {
        const amount = `${persian(m)} میلیون و ${persian(n)} هزار`;
        visibleIn(`[ویس] شبا رو زدم و ${amount} تومن واریز شد`, amount);
        const flight = persian(n);
        visibleIn(`[ویس] پرواز آی آر ${flight} تاخیر داشت، شبا رو فردا میفرستم`, flight);
        const few = `${persian(n)}، ${persian(m)}`;
        const spans = detectSensitive(`IBAN? آی آر سی اس ${few} روز طول میکشه`);
        expect(spans.some((s) => s.type === 'IBAN'), `an IBAN in ${few}`).toBe(false);
      }),
      RUNS,
    );
  });
});

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

describe('masking round 23: a document\'s expiry is not a card\'s', () => {
  it('an expiry right after a passport\'s or an ID\'s number stays visible, whatever card the message names', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('G', 'K', 'P', 'A'),
        digits(7),
        fc.constantFrom(...MONTHS),
        fc.integer({ min: 2026, max: 2036 }),
        fc.constantFrom('Ghana card no: GHA-712845093-4\n', 'My debit card is blocked. ', 'card holder: Jose\n'),
        fc.constantFrom((p: string, e: string) => `Passport no: ${p} (expires ${e})`, (p: string, e: string) => `my passport ${p} expires ${e}`, (p: string, e: string) => `Passport: ${p} valid until ${e}`),
        (letter, d, month, year, card, form) => {
          const exp = `${month} ${year}`;
          visibleIn(`${card}${form(letter + d, exp)}\nplease hurry`, exp);
        },
      ),
      RUNS,
    );
  });

  it('a card\'s expiry right after its number is still masked when a passport is named too', () => {
    fc.assert(
      fc.property(digits(15), fc.constantFrom(...MONTHS), fc.integer({ min: 2026, max: 2036 }), digits(7), (body, month, year, pass) => {
        const card = luhnComplete('4' + body.slice(1));
        const exp = `${month} ${year}`;
        foundIn(`card ${card} expires ${exp}. Passport G${pass} if you need ID`, exp, 'CARD_EXPIRY');
      }),
      RUNS,
    );
  });
});
