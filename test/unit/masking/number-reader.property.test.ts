/**
 * Property tests for the number-token reader (issue #20, round 15): the same digits read the same however they are
 * written — digits of any script, digit words in English, French, Arabic (MSA and dialects), Persian, Arabizi and
 * Finglish, keycaps, letters an OCR'd screenshot puts for digits — and whatever stands between the groups (spaces,
 * dashes, dots, ellipses, commas, slashes, pictographs, line breaks, direction marks). Then end to end: a value so
 * written beside its cue (before or after) is masked as its type, and a decoy so written beside its cue stays visible.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSensitive } from '../../../main/core/masking';
import { cuesAround, readAsDigits, readNumbers } from '../../../main/core/masking/number-reader';
import { digits, foundIn, iranCodes, luhnComplete, RUNS, SCRIPTS, visibleIn } from './generators';

const WORDS: Record<string, string[]> = {
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
  fr: ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'],
  msa: ['صفر', 'واحد', 'اثنان', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة'],
  egyptian: ['صفر', 'واحد', 'اتنين', 'تلاتة', 'اربعة', 'خمسة', 'ستة', 'سبعة', 'تمانية', 'تسعة'],
  maghrebi: ['صفر', 'واحد', 'جوج', 'تلاتة', 'ربعة', 'خمسة', 'ستة', 'سبعة', 'تمنية', 'تسعود'],
  fa: ['صفر', 'یک', 'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'نه'],
  arabizi: ['sifr', 'wa7ed', 'etnen', 'talata', 'arba3a', 'khamsa', 'setta', 'sab3a', 'tamanya', 'tes3a'],
  finglish: ['sefr', 'yek', 'do', 'se', 'chahar', 'panj', 'shesh', 'haft', 'hasht', 'noh'],
};
const OCR: Record<string, string[]> = { '0': ['O', 'o'], '1': ['l', 'I'], '5': ['S'], '8': ['B'] };
/** Between groups of typed digits. */
const SEPARATORS = [' ', '\u00a0', '-', '.', '…', '...', ', ', ' / ', '\n', '_', ' \u200f', '\u200f', ' 🙏 ', ' ✨ '];
/** Between groups of digit words. */
const WORD_GAPS = [', ', '، ', '.. ', ' - ', '\n', '… '];

/** Cuts `d` into groups of two to four digits. */
const groupsOf = (d: string, sizes: number[]): string[] => {
  const out: string[] = [];
  let i = 0;
  for (let k = 0; i < d.length; k++) {
    const n = sizes[k % sizes.length]!;
    out.push(d.slice(i, i + n));
    i += n;
  }
  return out;
};

interface Writing {
  kind: 'typed' | 'ocr' | 'keycaps' | 'words';
  render: (d: string) => string;
}

const sizes = fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 1, maxLength: 4 });
const scriptPicks = fc.array(fc.constantFrom(0, 1, 2), { minLength: 16, maxLength: 16 });

const typed: fc.Arbitrary<Writing> = fc.tuple(sizes, fc.constantFrom(...SEPARATORS), scriptPicks).map(([sz, sep, picks]) => ({
  kind: 'typed',
  render: (d: string) => groupsOf([...d].map((x, i) => SCRIPTS[picks[i % picks.length]!]![+x]!).join(''), sz).join(sep),
}));

/** One letter at most per two digits, never at a group's edge (a letter there is a word's, or a passport's). */
const ocrIn = (sizes: number[]): fc.Arbitrary<Writing> =>
  fc.tuple(fc.constantFrom(...sizes), fc.constantFrom(' ', '-', '...', ' 🙏 '), fc.nat()).map(([n, sep, seed]) => ({
    kind: 'ocr',
    render: (d: string) =>
      groupsOf(d, [n])
        .map((g) => {
          const i = 1 + (seed % Math.max(1, g.length - 2));
          const swap = OCR[g[i]!];
          return i < g.length - 1 && swap ? g.slice(0, i) + swap[seed % swap.length]! + g.slice(i + 1) : g;
        })
        .join(sep),
  }));
const ocr = ocrIn([3, 4]);

const keycaps: fc.Arbitrary<Writing> = fc.boolean().map((vs) => ({ kind: 'keycaps', render: (d: string) => [...d].map((x) => `${x}${vs ? '\ufe0f' : ''}\u20e3`).join('') }));

const words: fc.Arbitrary<Writing> = fc.tuple(fc.constantFrom(...Object.keys(WORDS)), sizes, fc.constantFrom(...WORD_GAPS), fc.boolean()).map(([lang, sz, gap, grouped]) => ({
  kind: 'words',
  render: (d: string) => (grouped ? groupsOf(d, sz.map((n) => n + 1)) : [d]).map((g) => [...g].map((x) => WORDS[lang]![+x]!).join(' ')).join(gap),
}));

const writing = fc.oneof(typed, ocr, keycaps, words);

/** The digits the reader read over `value` in `text`. */
function readOver(text: string, value: string): string {
  const at = text.indexOf(value);
  return readNumbers(text)
    .filter((c) => c.start < at + value.length && at < c.end)
    .map((c) => c.digits)
    .join('');
}

describe('the number-token reader (property)', () => {
  it('reads the same digits for every rendering of them (scripts, words, keycaps, OCR letters, separators)', () => {
    const around = fc.constantFrom(['', ''], ['my number is ', ' thanks'], ['رقمي ', ' لو سمحت'], ['شماره ', ' هست'], ['[10:42, 3/12/2026] Sara: ', ''], ['> ', '\n> bye']);
    fc.assert(
      fc.property(digits(10).map((d) => `9${d}`), writing, around, (d, w, [pre, post]) => {
        const value = w.render(d);
        expect(readOver(`${pre}${value}${post}`, value), JSON.stringify(value)).toBe(d);
      }),
      RUNS,
    );
  });

  it('the first tests every message takes never turn away one the reader reads (round 16)', () => {
    // readNumbers reads without the typed test; readAsDigits only after the three
    const around = fc.constantFrom(['', ''], ['Tel: ', ''], ['my number is ', ' thanks'], ['شماره ', ' هست'], ['[10:42, 3/12/2026] Sara: ', ''], ['', '\n[10:43, 3/12/2026] Sara: 12 34']);
    const month = fc.constantFrom('', ' expiry month nine year thirty', ' شهر عشرة سنة ثمانية وعشرين', ' nineteen seventy one', ' یکصد و بیست و سه، چهارصد و پنجاه و شش، هفتصد');
    fc.assert(
      fc.property(digits(10).map((d) => `9${d}`), writing, around, month, (d, w, [pre, post], tail) => {
        const text = `${pre}${w.render(d)}${post}${tail}`;
        if (readNumbers(text).some((c) => !c.plain)) expect(readAsDigits(text), JSON.stringify(text)).not.toBeNull();
      }),
      RUNS,
    );
  });

  it('carries the cue words before and after the value', () => {
    const cues = fc.constantFrom(['my card ', ' please'], ['code ', ''], ['', ' is my phone'], ['کد ملی ', ''], ['', ' رقم جوالي']);
    fc.assert(
      fc.property(digits(9).map((d) => `7${d}`), fc.oneof(typed, ocr, keycaps), cues, (d, w, [pre, post]) => {
        const value = w.render(d);
        const text = `${pre}${value}${post}`;
        const c = readNumbers(text).find((x) => x.digits === d);
        expect(c, JSON.stringify(text)).toBeDefined();
        const cue = cuesAround(text, c!);
        expect(pre ? cue.before : cue.after, JSON.stringify(text)).not.toBe(0);
      }),
      RUNS,
    );
  });
});

/** Values as people have them: not a round figure ("1000000001", "100000"). */
const varied = (d: string): boolean => new Set(d).size >= 4;
const cards = fc.tuple(fc.constantFrom('4', '5'), digits(14)).map(([p, d]) => luhnComplete(p + d));
/** What the typed reader cannot read as typed, in groups of `n`: the writings the reader reads for it. */
const unusualIn = (n: number): fc.Arbitrary<Writing> =>
  fc.oneof(ocrIn([n]), keycaps, fc.constantFrom('…', '...', ' 🙏 ', ' ✨ ').map((sep): Writing => ({ kind: 'typed', render: (d) => groupsOf(d, [n]).join(sep) })));
const unusual = unusualIn(4);

describe('values written however, beside their cue, are masked as their type (property)', () => {
  it('a card after its word, or before it', () => {
    fc.assert(
      fc.property(cards, unusual, fc.boolean(), (card, w, after) => {
        const value = w.render(card);
        foundIn(after ? `${value} is my card` : `card no ${value} pls`, value, 'CARD');
      }),
      RUNS,
    );
  });

  it('an Iranian national code after "کد ملی" and a one-time code after "code"', () => {
    fc.assert(
      fc.property(iranCodes.filter(varied), digits(6).map((d) => `${1 + (+d[0]! % 9)}${d.slice(1)}`).filter(varied), unusual, unusualIn(3), (id, otp, w, wo) => {
        foundIn(`کد ملی ${w.render(id)} هست`, w.render(id), 'NATIONAL_ID');
        foundIn(`your code is ${wo.render(otp)} do not share`, wo.render(otp), 'OTP');
      }),
      RUNS,
    );
  });

  it('decoys so written beside their cue stay visible: an order, a tracking, a meter and a request number', () => {
    const cue = fc.constantFrom('order', 'tracking number', 'meter no', 'request number', 'رقم الطلب', 'شماره سفارش');
    fc.assert(
      fc.property(cue, digits(7).map((d) => `3${d}`), fc.oneof(ocr, keycaps), (c, d, w) => {
        visibleIn(`${c} ${w.render(d)} please check`, w.render(d));
      }),
      RUNS,
    );
  });
});

describe('a value split over a chat export\'s messages, or dictated with commas (property)', () => {
  const saudiMobiles = digits(8).map((d) => `05${(+d[0]! % 6) + 3}${d.slice(1)}`);
  const names = fc.constantFrom('Sara', 'Chidi', 'أبو فهد', 'رضا', 'Jake M.');
  const stamp = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 10, max: 59 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 })).map(([h, m, d, mo]) => `[${h}:${m}, ${d}/${mo}/2026]`);

  it('each part of a phone sent as its own message by the same writer is masked, the export\'s times and dates are not', () => {
    fc.assert(
      fc.property(saudiMobiles, fc.integer({ min: 3, max: 6 }), names, stamp, fc.constantFrom(...SCRIPTS), (phone, cut, name, at, script) => {
        const [a, b] = [phone.slice(0, cut), phone.slice(cut)].map((p) => p.replace(/[0-9]/g, (x) => script[+x]!));
        const text = `${at} ${name}: my number\n${at} ${name}: ${a!}\n${at} ${name}: ${b!}`;
        foundIn(text, a!, 'PHONE', 'first');
        foundIn(text, b!, 'PHONE');
        visibleIn(text, at.slice(1, -1));
      }),
      RUNS,
    );
  });

  it('a card dictated in fours with commas is masked; a list of amounts or orders stays visible', () => {
    fc.assert(
      fc.property(cards.filter((c) => new Set(c).size >= 6), fc.constantFrom(', ', '، ', ','), fc.constantFrom('paid', 'orders', 'دفعت', 'سفارش‌ها'), digits(8).map((d) => `${1 + (+d[0]! % 9)}${d}`).filter(varied), (card, comma, word, d) => {
        const groups = groupsOf(card, [4]);
        const text = `card ${groups.join(comma)} pls`;
        for (const g of groups) expect(maskedRange(text, g), text).toBe(true);
        visibleIn(`${word} ${d.slice(0, 3)}${comma}${d.slice(3, 6)}${comma}${d.slice(6)} thanks`, `${d.slice(0, 3)}${comma}${d.slice(3, 6)}${comma}${d.slice(6)}`);
      }),
      RUNS,
    );
  });
});

/** Some card span covers the group `g` in `text` (first occurrence): group by group after ", ", whole after a bare ",". */
function maskedRange(text: string, g: string): boolean {
  const at = text.indexOf(g);
  return detectSensitive(text).some((s) => s.type === 'CARD' && s.start <= at && s.end >= at + g.length);
}

/** A number from 0 to 99 said in French, as a Maghrebi customer dictates a phone in pairs. */
function frenchPair(n: number): string {
  const UNITS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize'];
  const TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];
  if (n < 10) return `zéro ${UNITS[n]!}`;
  if (n <= 16) return UNITS[n]!;
  if (n < 20) return `dix-${UNITS[n - 10]!}`;
  const [t, u] = n < 70 ? [Math.floor(n / 10), n % 10] : n < 80 ? [6, n - 60] : [8, n - 80];
  const tens = t === 8 ? (u ? 'quatre-vingt' : 'quatre-vingts') : TENS[t]!;
  if (!u) return tens;
  const unit = u < 17 ? UNITS[u]! : `dix-${UNITS[u - 10]!}`;
  return (u === 1 || u === 11) && t !== 8 ? `${tens} et ${unit}` : `${tens}-${unit}`;
}

describe('numbers said whole in French (property)', () => {
  it('a phone dictated in pairs with pauses reads the same digits (said without them, "quatre-vingts" and "soixante-quatre vingt" can be cut two ways)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 10, max: 99 }), { minLength: 4, maxLength: 4 }), fc.constantFrom(6, 7), fc.constantFrom(', ', ','), (pairs, first, gap) => {
        const d = `0${first}${pairs.map((p) => String(p)).join('')}`;
        const text = `appelez moi au ${[frenchPair(first), ...pairs.map(frenchPair)].join(gap)} merci`;
        expect(readNumbers(text).map((c) => c.digits).join(''), text).toBe(d);
      }),
      RUNS,
    );
  });
});
