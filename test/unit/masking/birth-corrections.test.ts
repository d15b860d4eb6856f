/**
 * Issue #20, speed round 4: the wrong-birth-year rule (`birth-corrections.ts`) asks its message-wide contrast pattern
 * only once a lone four-digit year stands outside every span, and reads the units beside a year by their codes. The
 * work is counted (pattern runs), never timed; the rule's answers are those the golden pin holds.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { withWrongBirthYears } from '../../../main/core/masking/birth-corrections';
import type { DetectedSpan } from '../../../main/core/masking/types';

const realExec = RegExp.prototype.exec;
afterEach(() => {
  RegExp.prototype.exec = realExec;
});

/** The rule's result and how many times a pattern ran (`test` goes through `exec`). */
function counted(text: string, spans: DetectedSpan[]): { out: DetectedSpan[]; runs: number } {
  let runs = 0;
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    runs++;
    return realExec.call(this, s);
  };
  try {
    return { out: withWrongBirthYears(text, spans), runs };
  } finally {
    RegExp.prototype.exec = realExec;
  }
}

const dob = (text: string, value: string): DetectedSpan => {
  const start = text.indexOf(value);
  return { type: 'DOB', start, end: start + value.length, confidence: 0.85 };
};

describe('the wrong-birth-year rule', () => {
  it('runs no pattern on a message whose only four digits are its birth date, whatever words set values against each other', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('my DOB is', 'تاريخ ميلادي', 'تاریخ تولدم', 'born on'),
        fc.constantFrom('12/05/1990', '1990-05-12', '١٢/٠٥/١٩٩٠', '۱۳۶۹/۰۲/۲۲'),
        fc.constantFrom('', ' but your system shows it wrong', ' مش زي ما عندكم', ' ولی تو سیستم اشتباه زده', ' not sure'),
        (label, date, tail) => {
          const text = `${label} ${date}${tail}`;
          const { out, runs } = counted(text, [dob(text, date)]);
          expect(out).toHaveLength(1);
          expect(runs).toBe(0);
        },
      ),
    );
  });

  it('still masks the wrong year a contrast names, and leaves a year nothing sets against the birth date', () => {
    const wrong = 'my DOB is 17/03/1985 but your system shows 1958';
    expect(withWrongBirthYears(wrong, [dob(wrong, '17/03/1985')]).map((s) => wrong.slice(s.start, s.end))).toEqual(['17/03/1985', '1958']);
    const arabic = 'تاريخ ميلادي ١٢/٠٥/١٩٩٠ مش ١٩٩١ زي ما عندكم';
    expect(withWrongBirthYears(arabic, [dob(arabic, '١٢/٠٥/١٩٩٠')]).map((s) => arabic.slice(s.start, s.end))).toEqual(['١٢/٠٥/١٩٩٠', '١٩٩١']);
    const plain = 'my DOB is 17/03/1985 and I joined in 1958';
    expect(withWrongBirthYears(plain, [dob(plain, '17/03/1985')])).toHaveLength(1);
    // a year joined to other digits by a date's or an amount's separator is no lone year
    for (const joined of ['1958/04', '04-1958', '1٬958', '2:1958']) {
      const t = `my DOB is 17/03/1985 but it shows ${joined}`;
      expect(withWrongBirthYears(t, [dob(t, '17/03/1985')])).toHaveLength(1);
    }
  });
});
