/**
 * Issue #21: long hostile input must cost the guards and the text layer linear work, and past the reading window no
 * more at all. Work is counted, never timed (`test/helpers/regex-work`): a pattern's backtracks, and the characters
 * handed to regular expressions while a guard reads a message. Isolated project: counting slows the process's regexes.
 */
import { describe, expect, it } from 'vitest';
import { campaignPrint, DEFAULT_GUARD_POLICY, evaluateReply, inspectInbound, securitySignals } from '../../main/core/guard';
import { AMOUNT } from '../../main/core/guard/phishing/scam-patterns';
import { LINK_CANDIDATE } from '../../main/core/guard/text/links';
import { READ_LIMIT, readPart } from '../../main/core/guard/text/reading-window';
import { WRAPPED } from '../../main/core/text/normalise';
import { backtracks, charactersRead } from '../helpers/regex-work';

const run = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
/** Runs of digits, dots, letters, separators and their mixtures: what a hostile or broken message is made of. */
const HOSTILE = ['1.', '1', '.', 'a', ' ', 'a.', '١.', '1,', '1-', 'a-', 'a\n', 'code ', '(', '([{', 'a@', 'a1', '+44 20 7946 0958 ', 'call support on 0800 123 4567, '];
const noSecrets = () => [];

describe('patterns read a long run once (backtracks on n and 4n characters)', () => {
  const cases: [string, string, RegExp, string][] = [
    ['a link', '1.', LINK_CANDIDATE, ' x.com'],
    ['a link', 'a.', LINK_CANDIDATE, ' x.com'],
    ['a link', '١.', LINK_CANDIDATE, ' x.com'],
    ['a link', 'ab-', LINK_CANDIDATE, ' x.com'],
    ['an amount', '1.', AMOUNT.re, ' 5 usd'],
    ['an amount', '1,', AMOUNT.re, ' 5 usd'],
    ['a wrapped word', 'a', WRAPPED, ' x\ny'],
  ];
  // (the wrapped-word pattern was tried from every letter until 3bd5cf3: 16× there)
  it.each(cases)('%s on %j', (_name, unit, re, match) => {
    const small = backtracks(re, run(unit, 1000) + match);
    const large = backtracks(re, run(unit, 4000) + match);
    // linear is 4× (to the factor of two the count is read to); a pattern tried from every character is 16×
    expect(large / small).toBeLessThanOrEqual(8);
  });
});

const GUARDS: [string, (t: string) => unknown][] = [
  ['the outbound guard', (t) => evaluateReply(t, 'en', DEFAULT_GUARD_POLICY, noSecrets)],
  ['the inbound flags', (t) => inspectInbound(t, 'en', { policy: DEFAULT_GUARD_POLICY, detectSensitive: noSecrets })],
  ['the flood fingerprint', (t) => campaignPrint(t)],
  ['early warning', (t) => securitySignals(t)],
];

describe('a guard reads a long message once (characters handed to its patterns on n and 4n)', () => {
  it.each(GUARDS.flatMap(([name, guard]) => HOSTILE.map((unit) => [name, unit, guard] as const)))('%s on %j', (_name, unit, guard) => {
    const small = charactersRead(() => guard(run(unit, 1500)));
    const large = charactersRead(() => guard(run(unit, 6000)));
    expect(large / small).toBeLessThanOrEqual(5);
  });
});

describe('the reading window', () => {
  it('reads no more of 2,000,000 characters than of 200,000', () => {
    for (const [, guard] of GUARDS.slice(0, 2)) {
      for (const unit of ['1.', 'a\n', 'code ']) {
        guard(run(unit, 200_000)); // a pattern's or a lexicon's one-time preparation on first use is not what is compared
        expect(charactersRead(() => guard(run(unit, 2_000_000)))).toBe(charactersRead(() => guard(run(unit, 200_000))));
      }
    }
  }, 120_000);

  it('blocks a reply it could not read to the end, whatever the read part says (fail closed)', () => {
    const findings = evaluateReply('Thanks for waiting, your refund is on its way. ' + run('Regards. ', READ_LIMIT * 3), 'ar', DEFAULT_GUARD_POLICY, noSecrets);
    expect(findings.find((f) => f.code === 'too_long_to_check')).toMatchObject({ verdict: 'block', approvable: false });
    expect(findings.find((f) => f.code === 'too_long_to_check')!.reason).toContain('٢٠٬٠٠٠');
    expect(evaluateReply('Thanks for waiting, your refund is on its way.', 'en', DEFAULT_GUARD_POLICY, noSecrets)).toEqual([]);
  });

  it('still judges the read part of a long reply: an ask before the cut is named', () => {
    const codes = evaluateReply('Please send me the verification code we just texted you. ' + run('a ', READ_LIMIT * 2), 'en', DEFAULT_GUARD_POLICY, noSecrets).map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['asks_otp', 'too_long_to_check']));
  });

  it('flags a long message on its read part and says the rest was not read', () => {
    const text = 'Your account is frozen. Pay a 50 USD fee today to unlock it or it will be closed. ' + run('a.', 3_000_000);
    const codes = inspectInbound(text, 'fa', { policy: DEFAULT_GUARD_POLICY, detectSensitive: noSecrets }).flags.map((f) => f.code);
    expect(codes).toContain('unread_part');
    expect(codes.some((c) => c === 'upgrade_fee' || c === 'urgency')).toBe(true);
    expect(inspectInbound('Hello, where is my parcel?', 'en', { policy: DEFAULT_GUARD_POLICY, detectSensitive: noSecrets }).flags).toEqual([]);
  });

  it('judges a number after the first sixteen on the text near it, never skips it (a caller behind harmless numbers)', () => {
    const refs = Array.from({ length: 20 }, (_, i) => `ref 44${10 + i} 1187 3${i % 10}`).join(', ');
    const inspect = (t: string) => inspectInbound(t, 'en', { policy: DEFAULT_GUARD_POLICY, detectSensitive: noSecrets }).flags;
    const scam = inspect(`My orders this month: ${refs}. All of them came late. Then a man said he is from Acme support and told me to call him on +966 55 123 4567 to get the refund.`);
    expect(scam.find((f) => f.code === 'fake_number')?.explanation).toContain('+966 55 123 4567');
    expect(inspect(`My orders this month: ${refs}. All of them came late. Where is the last one?`)).toEqual([]);
  });

  it('cuts at the limit but never inside a surrogate pair', () => {
    expect(readPart('x'.repeat(READ_LIMIT))).toEqual({ read: 'x'.repeat(READ_LIMIT), unread: 0 });
    const emoji = 'x'.repeat(READ_LIMIT - 1) + '😀' + 'y';
    expect(readPart(emoji)).toEqual({ read: 'x'.repeat(READ_LIMIT - 1), unread: 3 });
  });
});
