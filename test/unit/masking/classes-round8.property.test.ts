/**
 * Property tests for values dictated as words (issue #20, eighth round: the fifth blind set's main leak): codes, IDs,
 * phones and cards read out digit by digit in English, Gulf/MSA, Egyptian, Levantine and Maghrebi Arabic, Persian and
 * Dari, Arabizi and Finglish, in one group or in groups apart by commas, "..", a pause or a line break; digits typed
 * one by one; teens and tens read in pairs; a second value offered as an alternative; and, on the other side of the
 * line, amounts, counts and times in words that stay visible.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { SensitiveType } from '../../../main/core/masking';
import { digits, expectFound, foundIn, iranCodes, luhnComplete, nothingIn, RUNS } from './generators';

/** Spellings of 0–9 per voice; a dictation mixes the spellings of one voice. */
const VOICES: Record<string, string[][]> = {
  english: [['zero', 'oh', 'Zero'], ['one'], ['two'], ['three'], ['four'], ['five'], ['six'], ['seven'], ['eight'], ['nine']],
  gulf: [['صفر'], ['واحد'], ['اثنين', 'اثنان'], ['ثلاثة', 'ثلاث'], ['اربعة', 'أربعة'], ['خمسة', 'خمسه'], ['ستة'], ['سبعة'], ['ثمانية', 'ثمان'], ['تسعة', 'تسعه']],
  egyptian: [['صفر', 'زيرو'], ['واحد'], ['اتنين'], ['تلاتة', 'تلاته'], ['اربعة'], ['خمسة'], ['ستة'], ['سبعة'], ['تمانية'], ['تسعة']],
  levantine: [['صفر'], ['واحد'], ['تنين'], ['تلاتة'], ['اربعة'], ['خمسة'], ['ستة'], ['سبعة'], ['تمانية'], ['تسعة']],
  maghrebi: [['صفر', 'زيرو'], ['واحد'], ['جوج', 'زوج'], ['تلاتة'], ['ربعة'], ['خمسة'], ['ستة'], ['سبعة'], ['تمنية'], ['تسعة', 'تسعود']],
  persian: [['صفر'], ['یک', 'يك'], ['دو'], ['سه'], ['چهار', 'چار'], ['پنج'], ['شش', 'شیش'], ['هفت'], ['هشت'], ['نه']],
  arabizi: [['sefr', 'sifr'], ['wa7ed', 'wahed'], ['etnen', 'itnein'], ['talata', 'tlata'], ['arba3a', 'reb3a'], ['khamsa', '5amsa'], ['sitta', 'setta'], ['sab3a', 'seb3a'], ['tamanya', 'tmenya'], ['tes3a', 'tis3a']],
  finglish: [['sefr'], ['yek'], ['do', 'dow'], ['se', 'seh'], ['chahar', 'char'], ['panj'], ['shesh', 'shish'], ['haft'], ['hasht'], ['noh']],
};
const voice = fc.constantFrom(...Object.keys(VOICES));

/** A digit string spoken in a voice, each digit in one of its spellings. */
function spoken(v: string, d: string): fc.Arbitrary<string> {
  return fc.tuple(...[...d].map((x) => fc.constantFrom(...VOICES[v]![+x]!))).map((ws) => ws.join(' '));
}
/** Groups of a digit string spoken one by one, each with the separator before it ("" for the first). */
function spokenGroups(v: string, groups: string[], seps: fc.Arbitrary<string>): fc.Arbitrary<Array<[string, string]>> {
  return fc
    .tuple(fc.tuple(...groups.map((g) => spoken(v, g))), fc.array(seps, { minLength: groups.length, maxLength: groups.length }))
    .map(([words, sep]) => words.map((w, k): [string, string] => [k ? sep[k]! : '', w]));
}
/** Digits as a person's value has them (a run of one digit, "0000", is no code or number the detectors accept typed either). */
const varied = (d: fc.Arbitrary<string>): fc.Arbitrary<string> => d.filter((x) => new Set(x).size >= 3);
const GROUP_SEPS = fc.constantFrom(', ', '، ', ' .. ', '... ', ' uh ', '\n', ',\n', ' - ');

/** "<label><group><sep><group>…<after>": the groups and what stands between them found as one `type` (round 17: one value, one span). */
function groupsFound(label: string, pieces: Array<[string, string]>, after: string, type: SensitiveType): void {
  const value = pieces.map(([sep, w]) => sep + w).join('');
  expectFound(label + value + after, label.length, label.length + value.length, type);
}

describe('values dictated as words (property)', () => {
  it('a one-time code read out, in one group or two, after its label', () => {
    const label = fc.constantFrom('the code is ', 'OTP: ', 'my verification code is uh ', 'الكود ', 'رمز التحقق ', 'کد تایید ', 'code taeid ', 'el code howa ', 'الكود لي جاني ');
    const code = fc
      .tuple(voice, fc.integer({ min: 4, max: 6 }).chain((n) => varied(digits(n))), fc.boolean())
      .chain(([v, d, split]) => spokenGroups(v, split && d.length === 6 ? [d.slice(0, 3), d.slice(3)] : [d], GROUP_SEPS));
    fc.assert(fc.property(code, label, (pieces, l) => groupsFound(l, pieces, ' thanks', 'OTP')), RUNS);
  });

  it('a national ID read out in one breath after its label', () => {
    const label = fc.constantFrom('my national ID is ', 'رقم الهوية ', 'کد ملی ', 'code melli ', 'الرقم القومي ', 'rakam el hawiya ');
    const id = fc.tuple(voice, iranCodes).chain(([v, d]) => spoken(v, d));
    fc.assert(fc.property(id, label, (w, l) => foundIn(`${l}${w} please`, w, 'NATIONAL_ID')), RUNS);
  });

  it('a mobile number read out in groups, masked as one value', () => {
    const label = fc.constantFrom('my phone number is ', 'جوالي ', 'رقمي ', 'شماره همراهم ', 'raqmi ', 'call me on ');
    const phone = fc.tuple(voice, varied(digits(7))).chain(([v, rest]) => {
      const d = `055${rest}`;
      return spokenGroups(v, [d.slice(0, 3), d.slice(3, 6), d.slice(6)], fc.constantFrom(', ', '، ', '\n', ' .. '));
    });
    fc.assert(fc.property(phone, label, (pieces, l) => groupsFound(l, pieces, '', 'PHONE')), RUNS);
  });

  it('a card number read out in four groups', () => {
    const label = fc.constantFrom('card number ', 'the card is ', 'رقم البطاقة ', 'شماره کارت ', 'numero carte ');
    const card = fc.tuple(voice, varied(digits(14))).chain(([v, body]) => {
      const d = luhnComplete(`4${body}`);
      return spokenGroups(v, [d.slice(0, 4), d.slice(4, 8), d.slice(8, 12), d.slice(12)], fc.constantFrom(', ', '، ', ' - ', '\n'));
    });
    fc.assert(fc.property(card, label, (pieces, l) => groupsFound(l, pieces, '', 'CARD')), RUNS);
  });

  it('digits typed one by one, and teens and tens read in pairs (expiry, birth year)', () => {
    fc.assert(
      fc.property(digits(3), fc.constantFrom('the numbers at the back of my card? its ', 'my card cvv is '), (d, l) => {
        const v = [...d].join(' ');
        foundIn(`${l}${v}`, v, 'CVV');
      }),
      RUNS,
    );
    const MONTHS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
    const YEARS = ['twenty six', 'twenty seven', 'twenty-eight', 'twenty nine', 'thirty', 'thirty one'];
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 12 }), fc.constantFrom(...YEARS), (m, y) => {
        const v = `${MONTHS[m - 1]} ${y}`;
        foundIn(`my visa card 4111 1111 1111 1111 expires ${v}`, v, 'CARD_EXPIRY');
      }),
      { numRuns: 40 },
    );
    fc.assert(
      fc.property(fc.constantFrom('fifty', 'sixty', 'seventy', 'eighty', 'ninety'), fc.constantFrom('', ' one', ' four', ' nine'), (tens, unit) => {
        const v = `nineteen ${tens}${unit}`;
        foundIn(`I was born in ${v}`, v, 'DOB');
      }),
      { numRuns: 40 },
    );
  });

  it('a second code offered as an alternative takes the first one\'s type', () => {
    const or = fc.constantFrom(' or ', ' ولا ', ' او ', ' یا ', ' بود یا ', ' wala ');
    fc.assert(
      fc.property(digits(4), digits(4), or, fc.constantFrom('the code is ', 'الكود ', 'کد تایید '), (a, b, o, l) => {
        if (a === b) return;
        const text = `${l}${a}${o}${b}?`;
        foundIn(text, a, 'OTP', 'first');
        foundIn(text, b, 'OTP');
      }),
      RUNS,
    );
  });

  it('amounts, counts and times in words stay visible', () => {
    const decoys = fc.constantFrom(
      'I paid two hundred and fifty dirhams for three items',
      'it takes one or two days, maybe two or three',
      'see you at ten thirty, or at five fifteen',
      'it cost three thousand five hundred pounds',
      'طلبت ثلاث قطع ودفعت مية وخمسين ريال',
      'الطلب هيوصل بعد يومين تلاتة والشحن تلاتين جنيه',
      'دو سه روز طول کشید، صد و پنجاه هزار تومن دادم',
      'do ta kala kharidam, se rooz tool keshid',
      'ana 3ayez etnen kilo w talata 3elab',
      'the 3 numbers on the back are scratched',
      'one two three testing, can you hear me',
    );
    fc.assert(fc.property(decoys, fc.constantFrom('', 'hi, ', 'سلام '), (d, pre) => nothingIn(`${pre}${d}`)), { numRuns: 60 });
  });
});
