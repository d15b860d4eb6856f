/**
 * Property tests for numbers read as one value (issue #20, round 17: the classes of the r13 blind set): a value
 * dictated or typed in groups apart by commas, "..", "،" and fillers ("um", "يعني", "ee") is one span however its
 * groups are written (digit words of seven voices, digits of three scripts); thousands commas a phone put into an ID
 * or a card leave it one value, while amounts so written stay visible; both values of a correction are masked; an
 * e-mail typed on the Arabic layout; a bare "number" word before a mobile in a message about a phone line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSensitive, type SensitiveType } from '../../../main/core/masking';
import { saudiIdValid } from '../../../main/core/masking/checksums';
import { validLocal } from '../../../main/core/masking/phone-plan';
import { digits, expectFound, luhnComplete, nothingIn, RUNS, SCRIPTS } from './generators';

const WORDS: Record<string, string[]> = {
  english: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
  gulf: ['صفر', 'واحد', 'اثنين', 'ثلاثة', 'اربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة'],
  egyptian: ['صفر', 'واحد', 'اتنين', 'تلاتة', 'اربعة', 'خمسة', 'ستة', 'سبعة', 'تمانية', 'تسعة'],
  persian: ['صفر', 'یک', 'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'نه'],
  arabizi: ['sifr', 'wa7ed', 'etnen', 'talata', 'arba3a', 'khamsa', 'setta', 'sab3a', 'tamanya', 'tes3a'],
  finglish: ['sefr', 'yek', 'do', 'se', 'chahar', 'panj', 'shesh', 'haft', 'hasht', 'noh'],
  french: ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'],
};
/** How a group is written: the digit words of a voice, or digits of one script. */
const writing = fc.constantFrom(...Object.keys(WORDS), 'ascii', 'arabic-indic', 'persian-digits');
function written(how: string, group: string): string {
  if (how in WORDS) return [...group].map((d) => WORDS[how]![+d]).join(' ');
  const script = SCRIPTS[how === 'ascii' ? 0 : how === 'arabic-indic' ? 1 : 2]!;
  return [...group].map((d) => script[+d]).join('');
}

/**
 * Between two groups: one kind per value (a comma of either script, "..", an ellipsis, a space), and at any gap a
 * hesitation said into it ("05, um, 52", "٠٥٠، يعني، ٣٣٤", "055 uh 233").
 */
const BETWEEN: Record<string, string[]> = {
  ', ': [', um, ', ', uh ', ', ee, ', ', euh, '],
  '، ': ['، يعني، ', '، آم، ', '، امم، ', '، اوم، '],
  ' ': [' uh ', ' um ', ' يعني ', ' ee '],
  '.. ': ['.. '],
  ' .. ': [' .. '],
  '... ': ['... '],
};
const separators = (n: number): fc.Arbitrary<string[]> =>
  fc.constantFrom(...Object.keys(BETWEEN)).chain((base) => fc.array(fc.oneof({ weight: 2, arbitrary: fc.constant(base) }, { weight: 1, arbitrary: fc.constantFrom(...BETWEEN[base]!) }), { minLength: n, maxLength: n }));
/** Cut points: groups of two to four digits. */
function cuts(n: number): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 2, max: 4 }), { minLength: n, maxLength: n }).map((sizes) => {
    const out: number[] = [];
    let at = 0;
    for (const k of sizes) {
      at += k;
      if (at >= n) break;
      out.push(at);
    }
    return out;
  });
}

/** A value's digits in groups, each written the same way, with a separator between each two. */
function grouped(d: string): fc.Arbitrary<string> {
  return fc.tuple(writing, cuts(d.length), separators(8)).map(([how, at, seps]) => {
    const groups = [0, ...at].map((a, k) => d.slice(a, k < at.length ? at[k] : undefined));
    return groups.map((g, k) => (k ? seps[k]! : '') + written(how, g)).join('');
  });
}

const varied = (d: fc.Arbitrary<string>): fc.Arbitrary<string> => d.filter((x) => new Set(x).size >= 4);
const phones = varied(digits(8)).map((rest) => `05${rest}`);
const cards = varied(digits(14)).map((body) => luhnComplete(`4${body}`));
const saudiIds = fc.tuple(fc.constantFrom('1', '2'), varied(digits(8))).map(([a, b]) => luhnComplete(a + b)).filter(saudiIdValid);

/** "<label><value><after>": the value found as `type`, one span from its first group to its last. */
function wholeFound(label: string, value: string, after: string, type: SensitiveType): void {
  expectFound(label + value + after, label.length, label.length + value.length, type);
}

describe('numbers read as one value (round 17, property)', () => {
  it('a mobile number dictated or typed in groups across commas, ".." and fillers is one span', () => {
    const label = fc.constantFrom('my number is ', 'رقم جوالي ', 'شماره موبایلم ', 'ra2mi ', 'call me on ', 'numero dyali ');
    const after = fc.constantFrom('', ' thanks', ' شكرا', ' merci');
    fc.assert(fc.property(phones.chain(grouped), label, after, (v, l, a) => wholeFound(l, v, a, 'PHONE')), RUNS);
  });

  it('a card number in four groups of four, words or digits, is one span', () => {
    const label = fc.constantFrom('card number ', 'رقم البطاقة ', 'شماره کارتم ', 'my card is ');
    const card = fc.tuple(cards, writing, separators(3)).map(([d, how, seps]) =>
      [d.slice(0, 4), d.slice(4, 8), d.slice(8, 12), d.slice(12)].map((g, k) => (k ? seps[k - 1]! : '') + written(how, g)).join(''),
    );
    fc.assert(fc.property(card, label, (v, l) => wholeFound(l, v, ' please block it', 'CARD')), RUNS);
  });

  it('a national ID in groups is one span', () => {
    const label = fc.constantFrom('رقم الهوية ', 'هويتي ', 'iqama no ', 'my national ID is ');
    fc.assert(fc.property(saudiIds.chain(grouped), label, (v, l) => wholeFound(l, v, ' thanks', 'NATIONAL_ID')), RUNS);
  });

  it('thousands commas in an ID or a card leave it one value; amounts so written stay visible', () => {
    const COMMA = [',', '،', '٬'];
    const thousands = (d: string, comma: string, script: string): string => {
      const groups: string[] = [];
      for (let e = d.length; e > 0; e -= 3) groups.unshift(d.slice(Math.max(0, e - 3), e));
      return [...groups.join(comma)].map((c) => (c >= '0' && c <= '9' ? script[+c] : c)).join('');
    };
    const shape = fc.tuple(fc.constantFrom(...COMMA), fc.constantFrom(...SCRIPTS));
    fc.assert(fc.property(saudiIds, shape, fc.constantFrom('رقم الهوية ', 'ID ', 'iqama ', 'رقم الاقامة '), (d, [c, s], l) => wholeFound(l, thousands(d, c, s), ' شكرا', 'NATIONAL_ID')), RUNS);
    fc.assert(fc.property(cards, shape, fc.constantFrom('my card is ', 'card no. ', 'رقم بطاقتي '), (d, [c, s], l) => wholeFound(l, thousands(d, c, s), ' thanks', 'CARD')), RUNS);
    const amount = fc.tuple(fc.integer({ min: 1, max: 999 }), fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 4 }))
      .map(([head, rest]) => String(head) + rest.map((x) => String(x).padStart(3, '0')).join(''));
    const around = fc.constantFrom<[string, string]>(['Order total ', ' AED'], ['المبلغ ', ' ريال'], ['I paid ', ' dirhams'], ['قسط وام ', ' ریال'], ['دفعت ', ' جنيه'], ['charged ', ' SAR on my card']);
    fc.assert(fc.property(amount, shape, around, (d, [c, s], [b, a]) => nothingIn(b + thousands(d, c, s) + a)), RUNS);
  });

  it('both values of a correction are masked: the mistyped one takes the right one\'s type', () => {
    /** One slip: a digit changed, one added, one dropped, or two side by side swapped. */
    const slipped = (d: string): fc.Arbitrary<string> =>
      fc.tuple(fc.integer({ min: 3, max: d.length - 2 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom('change', 'add', 'drop', 'swap')).map(([i, x, how]) => {
        if (how === 'change') return d.slice(0, i) + String((+d[i]! + 1 + (x % 9)) % 10) + d.slice(i + 1);
        if (how === 'add') return d.slice(0, i) + String(x) + d.slice(i);
        if (how === 'drop') return d.slice(0, i) + d.slice(i + 1);
        return d.slice(0, i) + d[i + 1] + d[i] + d.slice(i + 2);
      }).filter((w) => w !== d);
    // each sentence in parts, W and R where the wrong and the right value go, so their places are known exactly (the
    // right value may also occur inside the wrong one: "add" a digit next to a run of the same digit)
    const W = 0;
    const R = 1;
    const SENTENCES: Array<Array<string | typeof W | typeof R>> = [
      ['I sent ', W, ' by mistake, the correct one is ', R],
      ['الرقم اللي ارسلته ', W, ' غلط، الصحيح ', R],
      ['الصحيح: ', R, ' مو ', W, ' (كتبته غلط)'],
      ['شماره ', W, ' اشتباه بود، درستش ', R, ' هست'],
      ['sorry wrong number ', W, ", it's ", R],
    ];
    const value = fc.oneof(
      saudiIds.map((d) => [d, 'NATIONAL_ID', 'رقم الهوية '] as const),
      cards.map((d) => [d, 'CARD', 'card number '] as const),
      phones.map((d) => [d, 'PHONE', 'mobile '] as const),
    );
    const pair = value.chain((v) => slipped(v[0]).map((w) => [v, w] as const));
    fc.assert(
      fc.property(pair, fc.constantFrom(...SENTENCES), ([[d, type, label], w], parts) => {
        let text = label;
        let r = -1;
        let at = -1;
        for (const p of parts) {
          if (p === R) r = text.length;
          if (p === W) at = text.length;
          text += p === R ? d : p === W ? w : p;
        }
        // (a phone's ten digits may pass an ID's check: the right one's type, whichever, is the mistyped one's)
        const right = detectSensitive(text).find((sp) => sp.start === r && sp.end === r + d.length);
        expect(right?.type === type || (type === 'PHONE' && right?.type === 'NATIONAL_ID'), JSON.stringify(text)).toBe(true);
        expectFound(text, at, at + w.length, right!.type);
      }),
      RUNS,
    );
  });

  it('an e-mail typed with the keyboard left on Arabic is an e-mail', () => {
    const letters = 'ضصثقفغعهخحجدشسيبلاتنمكطئءؤرىةوزظ';
    const local = fc.array(fc.constantFrom(...letters), { minLength: 4, maxLength: 14 }).map((a) => a.join(''));
    const provider = fc.constantFrom('gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.sa', 'icloud.com');
    const label = fc.constantFrom('ايميلي ', 'الايميل: ', 'my email ', 'ایمیلم ');
    fc.assert(fc.property(local, provider, label, (l, p, lab) => wholeFound(lab, `${l}@${p}`, ' شكرا', 'EMAIL')), RUNS);
  });

  it('after a bare "number" word, a local mobile is a phone where the message is about the line; an order stays visible', () => {
    // Omani and Kuwaiti mobiles: eight digits, no trunk zero
    const mobile = fc.tuple(fc.constantFrom('9', '7', '6', '5'), varied(digits(7))).map(([a, b]) => a + b).filter((d) => validLocal('OM', d) || validLocal('KW', d));
    const line = fc.constantFrom<[string, string]>(['الرقم ', ' ما يستقبل مكالمات'], ['الرقم ', ' ما فيه رصيد'], ['the number ', ' has no signal'], ['الرقم ', ' الشريحة حقته موقفة'], ['number ', ' cannot receive calls']);
    fc.assert(fc.property(mobile, line, (d, [b, a]) => wholeFound(b, d, a, 'PHONE')), RUNS);
    fc.assert(fc.property(mobile, (d) => nothingIn(`رقم الطلب ${d} ما وصل وما احد يرد على المكالمات`)), RUNS);
  });
});
