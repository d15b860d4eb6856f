/**
 * What each pass of masking costs on its own, over the whole corpus `instructions.ts --corpus` reads (the kit's dev
 * set and every set of the masking and guard benches that is not report only), beside another checkout's same passes
 * in one process: alternating passes, CPU time, min / median / max, the load average before and after.
 *
 *   node --import tsx bench/masking/passes.ts [--also DIR] [--passes 21] [--gold ../shared/pii/dev.jsonl]
 *
 * The passes, each given the same input whichever checkout runs it:
 *   - birth: `withBirthDates` (its pre-tests, the birth-word scan, the date reader, the birth decisions) on the typed
 *     detectors' spans of each text (computed once, by this checkout);
 *   - dates: the date reader alone (`readDates`) over each normalised text;
 *   - candidates: the number reader's candidates and rewriting (`readAsDigits`) over each text;
 *   - typed runs: the reader's typed runs (`readTypedNumbers`, what the correction check reads) over each normalised text;
 *   - whole: `detectSensitive`, for scale.
 */
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { argv, opt, repo } from './args';
import { jsonlTexts as jsonl } from '../golden-pin';
import { visibleSetFiles as sets } from './report-only';

type Span = { type: string; start: number; end: number; confidence: number };
interface Passes {
  birth: (t: string, spans: Span[]) => unknown;
  dates: (s: string) => unknown;
  candidates: (t: string) => unknown;
  typedRuns: (s: string) => unknown;
  whole: (t: string) => unknown;
  typed: (t: string) => Span[];
  normalise: (t: string) => { text: string };
}

async function load(dir: string): Promise<Passes> {
  const m = async (f: string): Promise<Record<string, (...a: never[]) => unknown>> => (await import(pathToFileURL(path.join(dir, 'main/core/masking', f)).href)) as Record<string, (...a: never[]) => unknown>;
  const [birth, dates, reader, detect, text, index] = await Promise.all(['birth-dates.ts', 'date-reader.ts', 'number-reader.ts', 'detect.ts', 'detection-text.ts', 'index.ts'].map(m));
  return {
    birth: birth!.withBirthDates as Passes['birth'],
    dates: dates!.readDates as Passes['dates'],
    candidates: reader!.readAsDigits as Passes['candidates'],
    typedRuns: reader!.readTypedNumbers as Passes['typedRuns'],
    whole: index!.detectSensitive as Passes['whole'],
    typed: detect!.detectSensitive as Passes['typed'],
    normalise: text!.normalise as Passes['normalise'],
  };
}

const texts = [...jsonl(path.resolve(repo, opt('gold') ?? '../shared/pii/dev.jsonl')), ...sets(path.join(repo, 'bench/masking/sets')), ...sets(path.join(repo, 'bench/guard'))].flatMap((x) => (x.endsWith('.jsonl') ? jsonl(x) : [x]));
const passes = Number(opt('passes') ?? 21);
const also = opt('also');

const here = await load(repo);
const libs: Array<{ name: string; p: Passes }> = [{ name: 'this checkout', p: here }];
if (also) libs.push({ name: path.relative(repo, path.resolve(repo, also)) || also, p: await load(path.resolve(repo, also)) });
const spans = texts.map((t) => here.typed(t));
const norms = texts.map((t) => here.normalise(t).text);

const kinds: Array<[string, (p: Passes) => void]> = [
  ['birth (withBirthDates)', (p) => texts.forEach((t, i) => p.birth(t, spans[i]!))],
  ['dates (readDates)', (p) => norms.forEach((s) => p.dates(s))],
  ['candidates (readAsDigits)', (p) => texts.forEach((t) => p.candidates(t))],
  ['typed runs (readTypedNumbers)', (p) => norms.forEach((s) => p.typedRuns(s))],
  ['whole (detectSensitive)', (p) => texts.forEach((t) => p.whole(t))],
];

const cpuMs = (f: () => void): number => {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const load0 = os.loadavg()[0]!.toFixed(1);
const times = new Map<string, number[]>();
for (let r = 0; r < passes + 3; r++) {
  for (const [kind, run] of kinds) {
    for (const lib of r % 2 ? [...libs].reverse() : libs) {
      const ms = cpuMs(() => run(lib.p));
      // (three warm-up rounds: the JIT)
      if (r >= 3) times.set(`${kind}\t${lib.name}`, [...(times.get(`${kind}\t${lib.name}`) ?? []), ms]);
    }
  }
}
const stats = (v: number[]): [number, number, number] => {
  const s = [...v].sort((a, b) => a - b);
  return [s[0]!, s[Math.floor(s.length / 2)]!, s[s.length - 1]!];
};
console.log(`${texts.length} texts${argv.includes('--gold') ? '' : ' (the kit dev set and the sets that are not report only)'}, ${passes} alternating passes after 3 warm-up, CPU ms per pass, load ${load0} → ${os.loadavg()[0]!.toFixed(1)}\n`);
console.log(`| pass | ${libs.map((l) => `${l.name}: min / median / max`).join(' | ')}${libs.length > 1 ? ' | medians, this / other' : ''} |`);
console.log(`|---|${libs.map(() => '---:').join('|')}${libs.length > 1 ? '|---:' : ''}|`);
for (const [kind] of kinds) {
  const s = libs.map((l) => stats(times.get(`${kind}\t${l.name}`)!));
  console.log(`| ${kind} | ${s.map((x) => x.map((v) => v.toFixed(1)).join(' / ')).join(' | ')}${libs.length > 1 ? ` | ${(s[0]![1] / s[1]![1]).toFixed(3)}` : ''} |`);
}
