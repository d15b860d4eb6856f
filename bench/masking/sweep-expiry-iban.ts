/**
 * Round 36's sweep: card expiries and IBANs in generated formats, and the decoys beside them, through
 * `detectSensitive`; prints how many of each shape leak (or, for a decoy, get masked) and one generated example per
 * failing shape. Every message is generated here (nothing is read from a set), so the examples are safe to print.
 *
 *   node --import tsx bench/masking/sweep-expiry-iban.ts [--n 4000] [--seed 36] [--repo DIR] [--examples]
 *
 * An expiry or IBAN counts as found only when every letter and digit of it is inside a span of its type (an IBAN
 * split in two spans of type IBAN counts); a decoy counts as masked when any span touches it.
 */
import fc from 'fast-check';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SCRIPTS, digits, luhnComplete, mod97 } from '../../test/unit/masking/check-digits';
import { argv, opt, repo } from './args';

const N = Number(opt('n') ?? 4000);
const SEED = Number(opt('seed') ?? 36);
const examples = argv.includes('--examples');
/** --by K: the summary counts by the K-th field of the shape (0: format or country, 1: layout or grouping, …). */
const by = Number(opt('by') ?? 0);
const other = opt('repo');
const { detectSensitive } = (await import(pathToFileURL(path.join(other ? path.resolve(repo, other) : repo, 'main/core/masking/index.ts')).href)) as typeof import('../../main/core/masking');

const inScript = (k: number) => (d: string) => d.replace(/[0-9]/g, (x) => SCRIPTS[k]![+x]!);
const mixed = (d: string) => {
  let i = 0;
  return d.replace(/[0-9]/g, (x) => SCRIPTS[i++ % 3]![+x]!);
};
const scripts: fc.Arbitrary<[string, (d: string) => string]> = fc.constantFrom<[string, (d: string) => string]>(['latin', inScript(0)], ['arabic', inScript(1)], ['persian', inScript(2)], ['mixed', mixed]);

// ------------------------------------------------------------------ card expiries
const cards = fc.constantFrom('4', '51', '52', '55', '6037', '6219', '4847').chain((p) => digits(15 - p.length).map((b) => luhnComplete(p + b)));
const cardShapes = fc.constantFrom<[string, (c: string) => string]>(['joined', (c) => c], ['fours', (c) => c.replace(/(\d{4})(?=\d)/g, '$1 ')], ['dashes', (c) => c.replace(/(\d{4})(?=\d)/g, '$1-')]);
const cardWords = fc.constantFrom('card', 'my card', 'Visa', 'mastercard', 'البطاقة', 'بطاقتي', 'الكارت بتاعي', 'كرتي', 'la carte', 'كارت', 'کارتم', 'شماره کارت', 'корти', 'карта', 'el card', 'kart');
const MONTHS = ['', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const AR_MONTHS = ['', 'يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];
const LEVANT_MONTHS = ['', 'كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'];
const MAGHREB_MONTHS = ['', 'جانفي', 'فيفري', 'مارس', 'أفريل', 'ماي', 'جوان', 'جويلية', 'أوت', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];
const FA_MONTHS = ['', 'فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
const TG_MONTHS = ['', 'январ', 'феврал', 'март', 'апрел', 'май', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];
const pad = (n: number) => String(n).padStart(2, '0');

/** [shape, value] of an expiry of month m, Gregorian year 2025–2035 (or Jalali 1404–1410 for the Persian forms). */
function expiryForms(m: number, y: number, jy: number): [string, string][] {
  const yy = pad(y % 100);
  return [
    ['MM/YY', `${pad(m)}/${yy}`],
    ['MM/YYYY', `${pad(m)}/${y}`],
    ['M/YY', `${m}/${yy}`],
    ['MM-YY', `${pad(m)}-${yy}`],
    ['MM.YY', `${pad(m)}.${yy}`],
    ['MM / YY', `${pad(m)} / ${yy}`],
    ['YYYY/MM', `${y}/${pad(m)}`],
    ['Mon YY', `${MONTHS[m]} ${yy}`],
    ['Mon YYYY', `${MONTHS[m]} ${y}`],
    ['Month YYYY', `${MONTHS_LONG[m]} ${y}`],
    ['Mon/YY', `${MONTHS[m]}/${yy}`],
    ['Mon-YYYY', `${MONTHS[m]}-${y}`],
    ['ar month YYYY', `${AR_MONTHS[m]} ${y}`],
    ['levant month YYYY', `${LEVANT_MONTHS[m]} ${y}`],
    ['maghreb month YYYY', `${MAGHREB_MONTHS[m]} ${y}`],
    ['tg month YYYY', `${TG_MONTHS[m]} ${y}`],
    ['jalali YYYY/MM', `${jy}/${pad(m)}`],
    ['jalali MM/YYYY', `${pad(m)}/${jy}`],
    ['jalali MM/YY', `${pad(m)}/${pad(jy % 100)}`],
    ['fa month YYYY', `${FA_MONTHS[m]} ${jy}`],
  ];
}
const expiryLabels = fc.constantFrom(
  ['en', 'exp'], ['en', 'exp:'], ['en', 'expiry'], ['en', 'expiry date'], ['en', 'expires'], ['en', 'expiration'], ['en', 'valid thru'], ['en', 'good thru'], ['en', 'valid till'],
  ['gulf', 'تنتهي'], ['gulf', 'الصلاحية'], ['gulf', 'صالحة حتى'], ['msa', 'تاريخ الانتهاء'], ['msa', 'تاريخ الانتهاء:'], ['egy', 'تاريخ الانتهاء بتاعها'], ['egy', 'بتخلص'], ['levant', 'بتنتهي'], ['maghreb', 'صالحة حتى'],
  ['fa', 'انقضا'], ['fa', 'تاریخ انقضا'], ['fa', 'تاریخ انقضا:'], ['dari', 'تاریخ انقضا'], ['tg', 'мӯҳлат'], ['tg', 'мӯҳлаташ'], ['arabizi', 'el expiry'], ['arabizi', 'tari5 el entiha2'], ['finglish', 'engheza'], ['finglish', 'tarikh engheza'],
  ['none', ''],
);
const between = fc.constantFrom<[string, string]>(['same line', ' '], ['comma', ', '], ['next line', '\n'], ['two lines of text', '\nthe one I used yesterday\nplease check\n'], ['arabic line between', '\nنفس اللي استخدمتها امس\n'], ['persian line between', '\nهمونی که دیروز باهاش خرید کردم\n']);
const labelLayouts = fc.constantFrom<[string, (l: string, v: string) => string]>(['label value', (l, v) => `${l} ${v}`], ['label\\nvalue', (l, v) => `${l}\n${v}`], ['value own line', (l, v) => (l ? `${l} ${v}` : `\n${v}\n`)]);

interface Case {
  kind: 'expiry' | 'iban' | 'decoy';
  shape: string;
  text: string;
  value: string;
}

const expiryCases: fc.Arbitrary<Case> = fc
  .record({ card: cards, cs: cardShapes, cw: cardWords, m: fc.integer({ min: 1, max: 12 }), y: fc.integer({ min: 2025, max: 2035 }), jy: fc.integer({ min: 1404, max: 1410 }), form: fc.nat(19), label: expiryLabels, bt: between, lay: labelLayouts, sc: scripts })
  .map(({ card, cs, cw, m, y, jy, form, label, bt, lay, sc }) => {
    const [shape, raw] = expiryForms(m, y, jy)[form]!;
    const value = sc[1](raw);
    const text = `${cw} ${sc[1](cs[1](card))}${bt[1]}${lay[1](label[1], value)}`;
    return { kind: 'expiry' as const, shape: `${shape} | label ${label[0]}${label[1] ? '' : ' (none)'} | ${bt[0]} | ${lay[0]} | ${sc[0]}`, text: text.replace(/\n\n+/g, '\n'), value };
  });

// "exp0829", "exp 0829": MMYY after "exp"
const mmyyCases: fc.Arbitrary<Case> = fc.record({ card: cards, m: fc.integer({ min: 1, max: 12 }), y: fc.integer({ min: 25, max: 35 }), gap: fc.constantFrom('', ' ', ': '), w: fc.constantFrom('exp', 'EXP', 'exp.', 'Exp'), sc: scripts }).map(({ card, m, y, gap, w, sc }) => {
  const value = sc[1](`${pad(m)}${y}`);
  return { kind: 'expiry' as const, shape: `MMYY after ${w}${JSON.stringify(gap)} | ${sc[0]}`, text: `card ${card} ${w}${gap}${value}`, value };
});

// ------------------------------------------------------------------ IBANs
/** Country, then the BBAN as a pattern: d a digit, A a capital, c either. */
const IBAN_FORMATS: [string, string][] = [
  ['SA', 'dd' + 'd'.repeat(18)], ['AE', 'd'.repeat(19)], ['KW', 'AAAA' + 'c'.repeat(22)], ['QA', 'AAAA' + 'c'.repeat(21)], ['BH', 'AAAA' + 'c'.repeat(14)], ['OM', 'ddd' + 'c'.repeat(16)],
  ['JO', 'AAAA' + 'dddd' + 'c'.repeat(18)], ['LB', 'dddd' + 'c'.repeat(20)], ['PS', 'AAAA' + 'c'.repeat(21)], ['IQ', 'AAAA' + 'd'.repeat(15)], ['SY', ''], ['EG', 'd'.repeat(25)], ['LY', 'd'.repeat(21)], ['SD', 'd'.repeat(14)],
  ['MA', 'd'.repeat(24)], ['TN', 'd'.repeat(20)], ['DZ', 'd'.repeat(22)], ['MR', 'd'.repeat(23)], ['IR', 'd'.repeat(22)], ['TR', 'ddddd0' + 'c'.repeat(16)], ['PK', 'AAAA' + 'c'.repeat(16)], ['AZ', 'AAAA' + 'c'.repeat(20)],
  ['GB', 'AAAA' + 'd'.repeat(14)], ['IE', 'AAAA' + 'd'.repeat(14)], ['DE', 'd'.repeat(18)], ['FR', 'd'.repeat(10) + 'c'.repeat(11) + 'dd'], ['NL', 'AAAA' + 'd'.repeat(10)], ['ES', 'd'.repeat(20)], ['IT', 'A' + 'd'.repeat(10) + 'c'.repeat(12)],
  ['BE', 'd'.repeat(12)], ['CH', 'd'.repeat(5) + 'c'.repeat(12)], ['SE', 'd'.repeat(20)], ['NO', 'd'.repeat(11)], ['AT', 'd'.repeat(16)], ['PL', 'd'.repeat(24)], ['GR', 'd'.repeat(7) + 'c'.repeat(16)], ['CY', 'd'.repeat(8) + 'c'.repeat(16)],
  ['MT', 'AAAA' + 'd'.repeat(5) + 'c'.repeat(18)], ['PT', 'd'.repeat(21)], ['RO', 'AAAA' + 'c'.repeat(16)], ['GE', 'AA' + 'd'.repeat(16)], ['KZ', 'ddd' + 'c'.repeat(13)], ['UA', 'd'.repeat(6) + 'c'.repeat(19)], ['IL', 'd'.repeat(19)], ['YE', 'AAAA' + 'dddd' + 'c'.repeat(18)],
].filter(([, p]) => p) as [string, string][];
const fillPattern = (p: string): fc.Arbitrary<string> =>
  fc.tuple(...[...p].map((ch) => (ch === 'd' ? digits(1) : ch === 'A' ? fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ') : ch === 'c' ? fc.oneof({ weight: 5, arbitrary: digits(1) }, { weight: 1, arbitrary: fc.constantFrom(...'ABCDEFGHJKLMNPRSTUVWXYZ') }) : fc.constant(ch)))).map((a) => a.join(''));
const ibans = fc.constantFrom(...IBAN_FORMATS).chain(([cc, p]) => fillPattern(p).map((b) => cc + String(98 - mod97(b + cc + '00')).padStart(2, '0') + b));
const ibanShapes = fc.constantFrom<[string, (v: string) => string]>(
  ['joined', (v) => v],
  ['fours', (v) => v.replace(/(.{4})(?=.)/g, '$1 ')],
  ['cc check then fours', (v) => `${v.slice(0, 2)} ${v.slice(2, 4)} ${v.slice(4).replace(/(.{4})(?=.)/g, '$1 ')}`],
  ['lowercase fours', (v) => v.toLowerCase().replace(/(.{4})(?=.)/g, '$1 ')],
  ['lowercase joined', (v) => v.toLowerCase()],
  ['dashes', (v) => v.replace(/(.{4})(?=.)/g, '$1-')],
  ['split across a line', (v) => `${v.slice(0, 12).replace(/(.{4})(?=.)/g, '$1 ')}\n${v.slice(12).replace(/(.{4})(?=.)/g, '$1 ')}`],
  ['split across a line joined', (v) => `${v.slice(0, 14)}\n${v.slice(14)}`],
  ['dots', (v) => v.replace(/(.{4})(?=.)/g, '$1.')],
  ['double spaces', (v) => v.replace(/(.{4})(?=.)/g, '$1  ')],
  ['spaced dashes', (v) => v.replace(/(.{4})(?=.)/g, '$1 - ')],
  ['uneven groups', (v) => `${v.slice(0, 4)} ${v.slice(4, 6)} ${v.slice(6, 12)} ${v.slice(12, 19)} ${v.slice(19)}`],
  ['cc then joined', (v) => `${v.slice(0, 2)} ${v.slice(2)}`],
  ['cc check then joined', (v) => `${v.slice(0, 4)} ${v.slice(4)}`],
  ['in brackets', (v) => `(${v.replace(/(.{4})(?=.)/g, '$1 ')})`],
  ['full stop after', (v) => `${v.replace(/(.{4})(?=.)/g, '$1 ')}.`],
  ['no-break spaces', (v) => v.replace(/(.{4})(?=.)/g, '$1\u00a0')],
  ['glued to a colon', (v) => `:${v}`],
);
const ibanLabels = fc.constantFrom('IBAN', 'IBAN:', 'iban no', 'my IBAN is', 'آيبان', 'ايبان', 'الآيبان:', 'رقم الايبان', 'شبا', 'شماره شبا:', 'shaba', 'sheba', 'رقم الحساب الدولي', 'رقم الحساب الدولي:', 'ИБАН', 'IBAN-и ман', '', '');
const ibanAfter = fc.constantFrom('', ' please', ' شكرا', ' ممنون', '\nthanks', '. the amount is 250 SAR', ' و المبلغ ٢٥٠');

const ibanCases: fc.Arbitrary<Case> = fc.record({ v: ibans, sh: ibanShapes, l: ibanLabels, sc: scripts, post: ibanAfter, nl: fc.boolean() }).map(({ v, sh, l, sc, post, nl }) => {
  const value = sc[1](sh[1](v));
  const sep = l && nl ? '\n' : l ? ' ' : '';
  return { kind: 'iban' as const, shape: `${v.slice(0, 2)} | ${sh[0]} | ${l ? 'label' : 'no label'} | ${sc[0]}`, text: `${l}${sep}${value}${post}`, value };
});

// ------------------------------------------------------------------ decoys
const decoyCases: fc.Arbitrary<Case> = fc
  .record({
    m: fc.integer({ min: 1, max: 12 }),
    y: fc.integer({ min: 25, max: 35 }),
    sc: scripts,
    card: fc.option(cards, { nil: undefined }),
    k: fc.nat(22),
  })
  .map(({ m, y, sc, card, k }) => {
    const my = sc[1](`${pad(m)}/${y}`);
    const forms: [string, string, string][] = [
      ['passport expiry', `my passport expires ${my}`, my],
      ['iqama expiry', `iqama expiry ${my}`, my],
      ['ID expiry ar', `الهوية تنتهي ${my}`, my],
      ['policy expiry', `policy expires ${my}`, my],
      ['policy expiry fa', `بیمه‌نامه تا ${my} اعتبار داره`, my],
      ['due date', `payment due ${my}`, my],
      ['appointment', `appointment on ${my} at 3pm`, my],
      ['version', `app version v${sc[1](`${m}.${y}`)}`, `v${sc[1](`${m}.${y}`)}`],
      ['amount', `I paid ${my} SAR`, my],
      ['score', `rate us ${sc[1](`${m}/10`)}`, sc[1](`${m}/10`)],
      ['fraction', `${sc[1](`${m}/${m + 1}`)} of the order arrived`, sc[1](`${m}/${m + 1}`)],
      ['date with a day', `on ${sc[1](`${pad(m)}/${pad((y % 28) + 1)}/2026`)} I called`, sc[1](`${pad(m)}/${pad((y % 28) + 1)}/2026`)],
      ['passport expiry ar', `جوازي ينتهي ${my}`, my],
      ['document expiry fa', `پاسپورتم ${my} منقضی میشه`, my],
      ['passport expiry on its own line', `my passport expires\n${my}`, my],
      ['appointment on its own line', `appointment:\n${my}`, my],
      ['charged on a line', `it was charged on\n${my}`, my],
      ['iqama expiry on its own line ar', `الإقامة تنتهي\n${my}`, my],
      ['policy renewal on its own line', `the policy renews\n${sc[1](`${pad(m)}/20${y}`)}`, sc[1](`${pad(m)}/20${y}`)],
      ['date with a day own line', `\n${sc[1](`${pad(m)}/${pad((y % 28) + 1)}/2026`)}\n`, sc[1](`${pad(m)}/${pad((y % 28) + 1)}/2026`)],
      ['time own line', `\n${sc[1](`${pad(m)}.${y}`)}\nAgent: hello`, sc[1](`${pad(m)}.${y}`)],
      ['amount right after', `${sc[1](`${pad(m)}/${y}`)} SAR refund please`, sc[1](`${pad(m)}/${y}`)],
      ['exp of a voucher', `voucher exp ${my}`, my],
    ];
    const [shape, phrase, value] = forms[k]!;
    const text = card ? `card ${card} was charged twice. ${phrase}` : phrase;
    return { kind: 'decoy' as const, shape: `${shape}${card ? ' (card in message)' : ''} | ${sc[0]}`, text, value };
  });

// ------------------------------------------------------------------ scoring
const ALNUM = /[\p{L}\p{N}]/u;
function covered(c: Case, spans: readonly { type: string; start: number; end: number }[]): boolean {
  const at = c.text.lastIndexOf(c.value);
  const type = c.kind === 'iban' ? 'IBAN' : 'CARD_EXPIRY';
  for (let i = at; i < at + c.value.length; i++) {
    if (ALNUM.test(c.text[i]!) && !spans.some((s) => s.type === type && s.start <= i && s.end > i)) return false;
  }
  return true;
}
function touched(c: Case, spans: readonly { start: number; end: number }[]): boolean {
  const at = c.text.lastIndexOf(c.value);
  return spans.some((s) => s.start < at + c.value.length && s.end > at);
}

const groups: [string, fc.Arbitrary<Case>, number][] = [
  ['expiry', fc.oneof({ weight: 6, arbitrary: expiryCases }, { weight: 1, arbitrary: mmyyCases }), N],
  ['iban', ibanCases, N],
  ['decoy', decoyCases, Math.round(N / 2)],
];
for (const [name, arb, n] of groups) {
  const cases = fc.sample(arb, { numRuns: n, seed: SEED });
  const fails = new Map<string, { n: number; total: number; ex: string }>();
  const totals = new Map<string, number>();
  let failed = 0;
  for (const c of cases) {
    const key = c.shape.split(' | ')[by] ?? '';
    totals.set(key, (totals.get(key) ?? 0) + 1);
    const spans = detectSensitive(c.text);
    const bad = c.kind === 'decoy' ? touched(c, spans) : !covered(c, spans);
    if (!bad) continue;
    failed++;
    const f = fails.get(c.shape) ?? { n: 0, total: 0, ex: JSON.stringify(c.text) + ' → ' + JSON.stringify(spans.map((s) => `${s.type}:${c.text.slice(s.start, s.end)}`)) };
    f.n++;
    fails.set(c.shape, f);
  }
  console.log(`\n## ${name}: ${failed} of ${cases.length} ${name === 'decoy' ? 'masked' : 'left (partly) in clear'}`);
  const byHead = new Map<string, number>();
  for (const [shape, f] of fails) byHead.set(shape.split(' | ')[by] ?? '', (byHead.get(shape.split(' | ')[by] ?? '') ?? 0) + f.n);
  for (const [head, k] of [...byHead].sort((a, b) => b[1] - a[1])) console.log(`  ${head}: ${k}/${totals.get(head)}`);
  if (examples) for (const [shape, f] of [...fails].sort((a, b) => b[1].n - a[1].n).slice(0, Number(opt('show') ?? 60))) console.log(`    ${f.n}× ${shape}\n       ${f.ex}`);
}
