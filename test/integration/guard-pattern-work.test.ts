/**
 * Issues #21 and #20: every pattern a guard or the masking runs on a long hostile message scans it in linear work. `guard-linear-work` counts
 * the characters handed to patterns; a branch that reads to the end of a run from each start it is tried at hands
 * over no more characters but does n² work inside the engine (round 25's `\S+ bu wax` took 2.9 s on 20,000
 * characters of "1.1.1."). Here each pattern a guard executes is scanned over runs of n and 4n characters and its
 * backtracks counted (`scanWork`), never timed. Isolated project: counting turns off the regex optimiser.
 */
import { describe, expect, it } from 'vitest';
import { campaignPrint, DEFAULT_GUARD_POLICY, evaluateReply, inspectInbound, securitySignals } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking/detect';
import { patternsRun, scansWithin, scanWork } from '../helpers/regex-work';

const run = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const HOSTILE = ['1.', '1', '.', 'a', ' ', 'a.', '١.', '1,', '1-', 'a-', 'a\n', 'code ', '(', '([{', 'a@', 'a1', '+44 20 7946 0958 ', 'call support on 0800 123 4567, '];
const noSecrets = () => [];

const READERS: [string, (t: string) => unknown][] = [
  ['the outbound guard', (t) => evaluateReply(t, 'en', DEFAULT_GUARD_POLICY, noSecrets)],
  ['the inbound flags', (t) => inspectInbound(t, 'en', { policy: DEFAULT_GUARD_POLICY, detectSensitive: noSecrets })],
  ['the flood fingerprint', (t) => campaignPrint(t)],
  ['early warning', (t) => securitySignals(t)],
  ['masking', (t) => detectSensitive(t)],
];

describe('each pattern a guard runs scans a long run in linear work (backtracks on n and 4n characters)', () => {
  it.each(READERS)('%s', (_name, read) => {
    const patterns = patternsRun(() => HOSTILE.forEach((unit) => read(run(unit, 1500))));
    expect(patterns.length).toBeGreaterThan(0);
    const quadratic: string[] = [];
    // a sticky pattern is tried at one position by its caller, whose walk `guard-linear-work` counts
    for (const re of patterns.filter((p) => !p.sticky)) {
      for (const unit of HOSTILE) {
        const small = scanWork(re, run(unit, 1000));
        // linear is 4× (to the factor of two the count is read to); a branch read to the run's end from each start is 16×
        if (!scansWithin(re, run(unit, 4000), 8 * small)) quadratic.push(`${JSON.stringify(unit)}: /${re.source.slice(0, 160)}/`);
      }
    }
    expect(quadratic).toEqual([]);
  }, 300_000);
});
