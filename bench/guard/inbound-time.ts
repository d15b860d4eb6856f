/**
 * Inbound decision time, this checkout against another one in the same process, interleaved run by run, so that the
 * machine's load falls on both alike:
 *   node --import tsx bench/guard/inbound-time.ts --against /path/to/other/checkout [--runs 5] [--rounds 10] [--store]
 * Every inbound corpus text (`voices/*inbound*.jsonl`, `inbound.jsonl`; timing only, no row is printed) is inspected
 * `rounds` times per run, with the masking engine and the product's regexp setting, as `voices.ts --timing` does. Each
 * run prints CPU p50 / p99 for both; the summary gives min / median / max over the runs and the load average.
 * `--store` times the store bench's generated traffic instead (`bench/store/ingest.ts`'s 20,000 messages, placeholder-masked).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const here = path.dirname(fileURLToPath(import.meta.url));
const self = path.resolve(here, '../..');
const other = arg('against');
if (!other) throw new Error('usage: inbound-time.ts --against DIR [--runs N] [--rounds N]');
const runs = Number(arg('runs') ?? 5);
const rounds = Number(arg('rounds') ?? 10);

type Inspect = (text: string) => unknown;
async function load(repo: string): Promise<Inspect> {
  const r = (p: string) => pathToFileURL(path.join(path.resolve(repo), p)).href;
  await import(r('main/core/shared/regexp-engine.ts'));
  const guard = (await import(r('main/core/guard/index.ts'))) as typeof import('../../main/core/guard');
  const masking = (await import(r('main/core/masking/index.ts'))) as typeof import('../../main/core/masking');
  const { BENCH_POLICY } = (await import(r('bench/guard/eval.ts'))) as typeof import('./eval');
  return (text) => guard.inspectInbound(text, 'en', { policy: BENCH_POLICY, detectSensitive: masking.detectSensitive });
}

const voices = path.join(here, 'voices');
// --store: the store bench's traffic instead (bench/store/ingest.ts's 20,000 messages, masked as its scam-check figure masks them)
const storeTraffic = async (): Promise<string[]> => {
  const { messageText, rng } = await import('../store/common');
  const { placeholderMasker } = await import('../../main/core/store');
  const r = rng(7);
  return Array.from({ length: 20_000 }, () => (r(), placeholderMasker(messageText(r)).masked));
};
const texts = process.argv.includes('--store') ? await storeTraffic() : [
  ...fs.readdirSync(voices).filter((f) => f.endsWith('.jsonl') && f.includes('inbound')).map((f) => path.join(voices, f)),
  path.join(here, 'inbound.jsonl'),
].flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text));

const pick = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
function time(inspect: Inspect): [p50: number, p99: number] {
  const cpu: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const t of texts) {
      const c = process.cpuUsage();
      inspect(t);
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
    }
  }
  return [pick(cpu, 0.5), pick(cpu, 0.99)];
}

const subjects = { [path.basename(other)]: await load(other), this: await load(self) };
for (const inspect of Object.values(subjects)) for (const t of texts) inspect(t); // warm up: lazy patterns, JIT
const results: Record<string, Array<[number, number]>> = Object.fromEntries(Object.keys(subjects).map((k) => [k, []]));
const loads: number[] = [];
console.log(`${texts.length} messages × ${rounds} per run; CPU time per inspection (process.cpuUsage, µs resolution)\n`);
console.log('| run | subject | p50 ms | p99 ms |\n|---|---|---|---|');
for (let run = 1; run <= runs; run++) {
  // alternate which goes first, so neither always runs right after the other's garbage
  const order = run % 2 ? Object.keys(subjects) : Object.keys(subjects).reverse();
  for (const name of order) {
    const [p50, p99] = time(subjects[name]!);
    results[name]!.push([p50, p99]);
    console.log(`| ${run} | ${name} | ${p50.toFixed(3)} | ${p99.toFixed(3)} |`);
  }
  loads.push(os.loadavg()[0]!);
}
const mmm = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${s[0]!.toFixed(3)} / ${s[Math.floor(s.length / 2)]!.toFixed(3)} / ${s[s.length - 1]!.toFixed(3)}`;
};
console.log(`\n| subject | p50 min / median / max | p99 min / median / max |\n|---|---|---|`);
for (const [name, rs] of Object.entries(results)) console.log(`| ${name} | ${mmm(rs.map((r) => r[0]))} | ${mmm(rs.map((r) => r[1]))} |`);
console.log(`\nload average (1 min) at each run's end: ${loads.map((l) => l.toFixed(1)).join(', ')} on ${os.cpus().length} cores`);
