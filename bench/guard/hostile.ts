/**
 * The guards' cost on long hostile input (issue #21): runs of digits and dots, letters and dots, Arabic-Indic digits,
 * one-letter lines, one word repeated and phone numbers, at 20,000, 200,000 and 2,000,000 characters. CPU time of one
 * outbound decision and one inbound inspection, min / median / max of 3 runs, beside the raw floor: one NFKC pass
 * over the same text (every guard reads at least that). Part of `bench/guard/run.ts`; alone:
 *   node --import tsx bench/guard/hostile.ts [--sizes 20000,200000] [--units '1.,a.']
 */
import os from 'node:os';
import { DEFAULT_GUARD_POLICY, evaluateReply, inspectInbound } from '../../main/core/guard';

const UNITS = ['1.', 'a.', '١.', 'a\n', 'code ', '+44 20 7946 0958 '];
const SIZES = [20_000, 200_000, 2_000_000];
const RUNS = 3;

function cpuMs(f: () => unknown): number {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const fmt = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${s[0]!.toFixed(1)} / ${s[Math.floor(s.length / 2)]!.toFixed(1)} / ${s[s.length - 1]!.toFixed(1)}`;
};

export function hostileInputCost(sizes = SIZES, units = UNITS): void {
  console.log(`\n## Long hostile input (CPU ms, min / median / max of ${RUNS}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the start)\n`);
  console.log('| input | characters | outbound guard | inbound flags | one NFKC pass (floor) |\n|---|---|---|---|---|');
  const detect = () => [];
  evaluateReply('warm up: send the code', 'en', DEFAULT_GUARD_POLICY, detect);
  inspectInbound('warm up: pay the fee', 'en', { policy: DEFAULT_GUARD_POLICY, detectSensitive: detect });
  for (const unit of units) {
    for (const n of sizes) {
      const text = unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
      const out: number[] = [];
      const inb: number[] = [];
      const raw: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        out.push(cpuMs(() => evaluateReply(text, 'en', DEFAULT_GUARD_POLICY, detect)));
        inb.push(cpuMs(() => inspectInbound(text, 'en', { policy: DEFAULT_GUARD_POLICY, detectSensitive: detect })));
        raw.push(cpuMs(() => text.normalize('NFKC')));
      }
      console.log(`| ${JSON.stringify(unit.repeat(3))}… | ${n.toLocaleString('en')} | ${fmt(out)} | ${fmt(inb)} | ${fmt(raw)} |`);
    }
  }
  console.log(`(load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end; the machine is shared)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  hostileInputCost(arg('--sizes')?.split(',').map(Number) ?? SIZES, arg('--units')?.split(',') ?? UNITS);
}
