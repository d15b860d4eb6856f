/**
 * The cost of masking grows linearly with a message's length (issue #20, round 16): a block of number tokens —
 * digits of any script between separators, digit words and numbers said whole in English, Arabic and Persian, with
 * commas between groups or none — repeated to 10,000 and to 20,000 characters takes at most about twice the readers'
 * steps (`reader-steps.ts`: words, tokens and digit groups visited, values classified). Steps, not time: the test
 * does not depend on the machine's speed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSensitive } from '../../../main/core/masking';
import { readerSteps } from '../../../main/core/masking/reader-steps';

const stepsFor = (text: string): number => {
  const before = readerSteps.count;
  detectSensitive(text);
  return readerSteps.count - before;
};

/** A block repeated to `n` characters. */
const filled = (block: string, n: number): string => block.repeat(Math.ceil(n / block.length)).slice(0, n);

/**
 * Steps for twice the blocks (about 20,000 characters) are at most 3 times those for about 10,000: linear growth with
 * room for one more linear pass that one length takes and the other not, while a quadratic cost takes 4 times. Such a
 * pass happens: a cut through a value at the end reads a value said in words again (hence whole blocks both times),
 * and the near-copy check reads every typed number once more when the message holds an ID, phone or card — and where a
 * run of typed groups ends with one depends on the run's length (session 19: a block of 38 characters gave 2.52 times
 * at 528 blocks against 527 or 529, each 2.0; the same on the code before that session's changes).
 */
const linear = (block: string): void => {
  const blocks = Math.ceil(10_000 / block.length);
  const half = stepsFor(block.repeat(blocks));
  const full = stepsFor(block.repeat(2 * blocks));
  expect(full, JSON.stringify(block.slice(0, 80))).toBeLessThanOrEqual(3 * half + 100);
};

const DIGITS = ['0123456789', '٠١٢٣٤٥٦٧٨٩', '۰۱۲۳۴۵۶۷۸۹'];
const SEPARATORS = [' ', '-', '.', '..', '…', ', ', '، ', '/', '_', '\n', ' 🙏 ', '\u200f', '\t', '(', ') ', ', um, ', '، يعني، ', ' ٬'];
/** Number words of one language (a group is said in one). */
const NUMBER_WORDS = [
  ['one', 'two', 'five', 'oh', 'double', 'twenty', 'thirty', 'forty', 'nineteen', 'one hundred', 'two thousand', 'and'],
  ['واحد', 'اثنين', 'تلاتة', 'خمسة', 'وعشرين', 'عشرة', 'مية', 'ألف'],
  ['یک', 'دو', 'سه', 'هفتاد', 'نوزده', 'یکصد', 'چهارصد', 'هزار'],
  ['wa7ed', 'talata', 'arba3a', 'tes3a'],
  ['yek', 'panj', 'haft', 'hasht'],
];
/** Between groups: commas (the dictation's pause) most often. */
const WORD_GAPS = [', ', ', ', '، ', '، ', ' ', '.. ', ' - ', '\n'];

const digitGroup = fc.tuple(fc.constantFrom(...DIGITS), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 5 }))
  .map(([script, ds]) => ds.map((d) => script[d]).join(''));
const typedBlock = fc.array(fc.tuple(digitGroup, fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.map(([g, s]) => g + s).join(''));
const wordGroup = fc.constantFrom(...NUMBER_WORDS).chain((ws) => fc.array(fc.constantFrom(...ws), { minLength: 1, maxLength: 3 })).map((ws) => ws.join(' '));
const wordBlock = fc.array(fc.tuple(wordGroup, fc.constantFrom(...WORD_GAPS)), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.map(([w, g]) => w + g).join(''));

/** Numbers under a thousand said whole or digit by digit, the groups of a dictated phone. */
const WHOLE_GROUPS = [
  'five', 'one two', 'twenty one', 'nineteen', 'seven hundred', 'three hundred and twelve', 'oh five',
  'خمسة', 'خمسة وعشرين', 'تلاتة', 'عشرة', 'مية واتنين', 'ثلاث مئة',
  'سه دو هشت هفت', 'نوزده', 'هفتاد و هفت', 'یازده', 'دویست و سی',
];
const COMMAS = [', ', '، ', ',', ' , ', '،'];
const commaBlock = fc.array(fc.tuple(fc.constantFrom(...WHOLE_GROUPS), fc.constantFrom(...COMMAS)), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.map(([w, g]) => w + g).join(''));

describe('masking cost grows linearly with the length of a message', () => {
  it('digits and separators', () => {
    fc.assert(fc.property(typedBlock, linear), { numRuns: 15 });
  });

  it('digit words and numbers said whole, in groups apart by commas or spaces', () => {
    fc.assert(fc.property(wordBlock, linear), { numRuns: 40 });
  });

  it('groups said whole, apart by commas', () => {
    fc.assert(fc.property(commaBlock, linear), { numRuns: 25 });
  });

  it('the shapes found quadratic before this round: groups said whole after commas, and tens words one after another', () => {
    for (const block of ['one two, three four, five six, ', 'خمسة وعشرين، ثلاثة، ', 'سه دو هشت هفت، نوزده، هفتاد و هفت، ', 'twenty one thirty two forty three ', 'یکصد و بیست و سه چهارصد و پنجاه و شش ']) linear(block);
  });

  it('letters and words without numbers take no reader steps at all', () => {
    for (const block of ['abcdefghij', 'lorem ipsum dolor sit amet, ', 'سلام عليكم كيف حالك ', 'سلام، حالتون چطوره؟ ']) expect(stepsFor(filled(block, 20_000))).toBe(0);
  });
});
