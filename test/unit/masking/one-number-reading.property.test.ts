/**
 * One reading of a message's numbers for the masking and the inbound check (issue #26, round 20): the ingest masks a
 * message and then checks it for scams, and where nothing was masked (3 messages in 4) the check reads the numbers of
 * the very text the masking read. The number reader keeps its last reading, so the check's `digitsAsTyped` takes no
 * reader step of its own there — counted (`reader-steps.ts`), never timed — and a reading is always its own text's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectorMasker, GuardScreen } from '../../../main/core/app';
import { DEFAULT_GUARD_POLICY } from '../../../main/core/guard';
import { digitsAsTyped } from '../../../main/core/masking';
import { readerSteps } from '../../../main/core/masking/reader-steps';

const steps = (f: () => unknown): number => {
  const before = readerSteps.count;
  f();
  return readerSteps.count - before;
};

/** A number said digit by digit (the reader's steps: each word visited), in one language, with the dictation's pauses. */
const WORDS = [
  ['one', 'two', 'five', 'seven', 'nine', 'oh', 'double three'],
  ['واحد', 'اثنين', 'تلاتة', 'خمسة', 'سبعة', 'تسعة', 'صفر'],
  ['یک', 'دو', 'سه', 'پنج', 'هفت', 'نه', 'صفر'],
  ['wa7ed', 'talata', 'arba3a', 'tes3a', 'sab3a'],
];
const DIGITS = ['0123456789', '٠١٢٣٤٥٦٧٨٩', '۰۱۲۳۴۵۶۷۸۹'];
const GAPS = [' ', ', ', '، ', '.. ', ' - ', '\n'];
const said = fc
  .tuple(fc.integer({ min: 0, max: WORDS.length - 1 }), fc.array(fc.nat(), { minLength: 4, maxLength: 11 }), fc.constantFrom(...GAPS))
  .map(([lang, picks, gap]) => picks.map((p) => WORDS[lang]![p % WORDS[lang]!.length]!).join(gap));
const typed = fc
  .tuple(fc.constantFrom(...DIGITS), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 2, maxLength: 12 }), fc.constantFrom('', ' ', '-'))
  .map(([script, ds, sep]) => ds.map((d) => script[d]).join(sep));
const AROUND = [
  ['the number is ', ' thanks'],
  ['رقمي ', ' شكرا'],
  ['شماره ', ' ممنون'],
  ['he called from ', ' saying he is from the bank'],
  ['', ''],
  ['order ', ', where is it?'],
];
const message = fc.tuple(fc.constantFrom(...AROUND), fc.array(fc.oneof(said, typed), { minLength: 1, maxLength: 3 })).map(([[a, b], parts]) => `${a}${parts.join(' and ')}${b}`);

describe('one reading of the numbers for the masking and the check', () => {
  it("the check's reading of the text the masking read takes no reader step, and reads the same", () => {
    const masker = detectorMasker(() => undefined);
    fc.assert(
      fc.property(message, fc.string({ maxLength: 20 }), (text, other) => {
        digitsAsTyped(`${other}|`);
        const fresh = digitsAsTyped(text);
        // (another text read between: the reading asked is the text's own)
        digitsAsTyped(`${other}|`);
        masker(text);
        let again = '';
        expect(steps(() => (again = digitsAsTyped(text))), text).toBe(0);
        expect(again).toBe(fresh);
      }),
      { numRuns: 300 },
    );
  });

  it('a message whose numbers are said takes reader steps in the masking only, where nothing was masked', () => {
    const masker = detectorMasker(() => undefined);
    const screen = new GuardScreen(DEFAULT_GUARD_POLICY);
    // (a message of number words the masking leaves: too few digits for a value, read all the same)
    const texts = ['I have one two five of them, see you', 'عندي واحد اثنين تلاتة منهم', 'من یک دو سه تا دارم', 'i got wa7ed talata arba3a of them'];
    let counted = 0;
    for (const text of texts) {
      const m = masker(text);
      if (m.masked !== text) continue;
      counted++;
      expect(steps(() => digitsAsTyped(`x${text}`)), text).toBeGreaterThan(0);
      masker(text);
      expect(steps(() => screen.screen(m.masked, m.detected && { text, spans: m.detected })), text).toBe(0);
    }
    expect(counted).toBeGreaterThan(1);
  });
});
