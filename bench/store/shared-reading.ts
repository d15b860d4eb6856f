/**
 * What the masking and the inbound check both read of one store message (issue #26 round 20): the number reader's
 * reading (`digitsAsTyped`, which the check makes again of a text the masking read when nothing was masked) beside a
 * message masked and checked as `prepareTexts` does it, CPU µs a message on this thread over `ingest.ts`' traffic,
 * min–median–max over the runs:
 *   node --import tsx bench/store/shared-reading.ts [--messages 4000] [--runs 5]
 */
import os from 'node:os';
import '../../main/core/shared/regexp-engine';
import { detectorMasker, GuardScreen } from '../../main/core/app';
import { DEFAULT_GUARD_POLICY } from '../../main/core/guard';
import { digitsAsTyped } from '../../main/core/masking';
import { argValue, parseUpdate, platformUpdate, rng } from './common';

const total = argValue('--messages', 4_000);
const runs = argValue('--runs', 5);
const t0 = 1_700_000_000_000;
const r = rng(7);
const msgs = Array.from({ length: total }, (_, i) => parseUpdate(platformUpdate(i, Math.floor(r() * 2000), t0 + i * 1000, r), t0 + i * 1000)).filter((m) => m.direction === 'in');
const cpu = () => {
  const u = process.threadCpuUsage();
  return u.user + u.system;
};
const masker = detectorMasker(() => undefined);
const screen = new GuardScreen(DEFAULT_GUARD_POLICY);
const steps: Record<string, () => void> = {
  // each message masked, then checked with what the masking handed over, as `prepareTexts` does it
  'mask + check': () => {
    for (const m of msgs) {
      const x = masker(m.text);
      screen.screen(x.masked, x.detected && { text: m.text, spans: x.detected });
    }
  },
  // (what the check's `MessageReading.typed` pays again for a text the masking read: the number reader's reading)
  'digitsAsTyped alone': () => {
    for (const m of msgs) digitsAsTyped(m.text);
  },
};
const unmasked = msgs.filter((m) => masker(m.text).masked === m.text).length;
const out: Record<string, number[]> = {};
for (let run = -1; run < runs; run++) {
  for (const [name, f] of Object.entries(steps)) {
    const c = cpu();
    f();
    if (run >= 0) (out[name] ??= []).push((cpu() - c) / msgs.length);
  }
}
const mmm = (xs: number[]) => ((s) => `${s[0]!.toFixed(1)}–${s[s.length >> 1]!.toFixed(1)}–${s[s.length - 1]!.toFixed(1)}`)([...xs].sort((a, b) => a - b));
console.log(`shared-reading: ${msgs.length} inbound store messages (${unmasked} with nothing masked), ${runs} runs after a warm one; load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
for (const [name, xs] of Object.entries(out)) console.log(`| ${name} | ${mmm(xs)} µs |`);
