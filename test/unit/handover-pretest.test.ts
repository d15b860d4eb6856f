/**
 * Issue #26, round 17 of the check: the hand-over (`findHandedOverSecret`) reads a message's clauses only where its
 * pre-test (`mayHandOver`: a secret's name by the text's keys, or four digits) says a hand-over can be. The pre-test must
 * never skip a message the full reading would flag: generated stories of a secret handed over, in English, Arabic,
 * Persian, Arabizi and Latin-letter Persian, with separators, quoted lines and digits of three scripts, are read with
 * it and without it. The clause readings it spares on ordinary traffic are counted, never timed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECRETS } from '../../main/core/guard/phishing/acts';
import { findHandedOverSecret } from '../../main/core/guard/phishing/handed-over';
import { inspectInbound, DEFAULT_GUARD_POLICY } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';
import { messageText, rng } from '../../bench/store/common';

const RUNS = 1000;
const actor = fc.constantFrom('I', 'i', 'my mum', 'my son', 'and I', 'انا', 'امي', 'وانا', 'مامانم', 'منم', 'ana', 'e7na', '');
const verb = fc.constantFrom(
  'gave', 'told', 'read', 'sent', 'typed', 'handed', 'passed', 'entered', 'shared', 'forwarded', 'have given', 'did give', 'give am', 'took', 'stole',
  'اعطيته', 'عطيته', 'اديته', 'قلتهوله', 'قلتلو', 'قلتله', 'بعتهوله', 'بعتله', 'ارسلته', 'دزيته', 'كتبته', 'حطيته', 'اخذ',
  'دادم', 'دادمش', 'گفتم', 'گفتمش', 'فرستادم', 'وارد کردم', 'زدم', 'گرفت', 'ازم گرفت',
  'dadam', 'goftam', 'ferestadam', '3ateto', 'a3taito', '2oltlo', 'ba3atlo', 'nilimpa', 'le liya',
);
const recipient = fc.constantFrom('him', 'to him', 'to the caller', 'to the guy', 'them', 'له', 'لو', 'للمتصل', 'بهش', 'به یارو', 'behesh', 'to someone', '');
const secret = fc.constantFrom(
  'the code', 'the otp', 'my pin', 'my PIN number', 'my password', 'the cvv', 'the security code', 'the verification code', 'the one-time password',
  'the numbers on the back of my card', 'the number that was texted to me', 'a photo of my card', 'my card number', 'it',
  'الكود', 'الرمز', 'الرقم السري', 'كلمة السر', 'الباسورد', 'رمز الامان', 'الارقام اللي ورا البطاقة', 'صورة البطاقة',
  'کد', 'کد رو', 'رمز دوم', 'پسورد', 'رمز عبور', 'شماره کارت', 'عکس کارت', 'ramz', 'ramze dovom', 'kodo', 'codi', 'el ar2am elly wara',
  '4 8 2 9', '4829', '48:29', '٤٨٢٩', '۴ ۸ ۲ ۹', 'سبعة سبعة واحد اربعة', 'هفت هفت یک چهار', 'four eight two nine',
);
const context = fc.constantFrom('', 'someone called me from the bank', 'he asked for the code', 'a man rang', 'اتصل بي واحد', 'واحد خابرني', 'طلب مني الكود', 'یکی زنگ زد', 'کد رو ازم خواست', 'yeki zang zad', 'the caller wanted my otp', 'hello');
const sep = fc.constantFrom(' ', '  ', ', ', '. ', ' - ', '/', '\n', '\n> ', ' and ', ' و ', '... ', ' "', '\u00a0', ' \u200f');
const inScript = (zero: number) => (t: string) => t.replace(/[0-9]/g, (d) => String.fromCharCode(zero + +d));
const variant = fc.constantFrom<(t: string) => string>((t) => t, inScript(0x660), inScript(0x6f0), (t) => t.toUpperCase(), (t) => t.replace(/ /g, '\u200c'));

/** A story of a secret handed over: its words in any order (the languages differ in theirs), separated as people type. */
const story = fc
  .tuple(context, fc.shuffledSubarray([0, 1, 2, 3], { minLength: 2, maxLength: 4 }), actor, verb, recipient, secret, fc.array(sep, { minLength: 5, maxLength: 5 }), variant)
  .map(([ctx, order, a, v, r, s, seps, vary]) => {
    const words = [a, v, r, s];
    // (the usual order first half the time: subject, verb, recipient, secret)
    const parts = order.length === 4 && order[0]! < 2 ? words : order.map((k) => words[k]!);
    return vary([ctx, ...parts].map((w, k) => (k ? seps[k]! : '') + w).join(''));
  });

describe('the hand-over pre-test never skips a hand-over', () => {
  it('on generated stories of a secret handed over: the same answer with the pre-test and without it', () => {
    let fired = 0;
    fc.assert(
      fc.property(story, (text) => {
        const full = findHandedOverSecret(text, undefined, { pretest: false });
        if (full) fired++;
        expect(findHandedOverSecret(text)).toBe(full);
      }),
      { numRuns: RUNS },
    );
    // (not vacuous: many of the stories are hand-overs)
    expect(fired).toBeGreaterThan(RUNS / 8);
  });

  it('no secret’s name needs two digits side by side (the clauses join "10:42" into "1042"; the keys are the text’s)', () => {
    for (const [, re] of SECRETS) expect(re.source).not.toMatch(/[0-9]{2}/);
  });
});

describe('ordinary traffic reads few clauses for the hand-over (counted, not timed)', () => {
  it('on 500 of the store bench’s messages, masked as the ingest masks them', () => {
    inspectInbound('warm', 'en', { policy: DEFAULT_GUARD_POLICY, detectSensitive });
    const r = rng(7);
    const texts = Array.from({ length: 500 }, () => messageText(r).replace(/\S+@\S+/g, '⟦EMAIL⟧').replace(/\b05\d{8}\b/g, '⟦PHONE⟧'));
    // a clause reading is one split of a line by the clauses' breaks (the one pattern that holds "and then")
    const split = RegExp.prototype[Symbol.split];
    let readings = 0;
    RegExp.prototype[Symbol.split] = function (this: RegExp, s: string, limit?: number) {
      if (this.source.includes('and then')) readings++;
      return split.call(this, s, limit);
    };
    let found = 0;
    try {
      for (const t of texts) if (findHandedOverSecret(t)) found++;
    } finally {
      RegExp.prototype[Symbol.split] = split;
    }
    console.log(`hand-over clause readings: ${readings} over ${texts.length} messages (${found} hand-overs)`);
    expect(readings).toBeLessThan(READINGS_BOUND);
  });
});

/** (500 before the pre-test, one a line; 233 with each secret's pattern read whole by the gate; 154 read part by part) */
const READINGS_BOUND = 200;
