/**
 * Where the inbound scam check's work goes (issues #26/#21): each step of `inspectInbound` run alone over the same texts,
 * for the flagged and the unflagged messages apart.
 *   node --import tsx bench/guard/inbound-profile.ts [--corpus store|voices] [--messages 2000] [--runs 3] [--steps whole,scam] [--passes 3] [--repeat 1]
 * Corpora: `store` is the ingest bench's traffic (`bench/store/ingest.ts`'s generated messages, masked by the real
 * detectors as the preparation worker masks them, inbound only); `voices` is every inbound voice set that is not
 * report-only, and `inbound.jsonl` (no row is printed; at most `--messages` of them, every k-th). Steps, each over all texts of a class with what it needs
 * computed before its interval:
 *   whole    — the check as ingest runs it (`GuardScreen.screen`: English, and Arabic and Persian when flagged; on store
 *              traffic with what the masking found, as the ingest hands it over — round 17; voices are not masked)
 *   links    — the read part, its links and e-mail senders (`extractLinks`, `extractEmailDomains`)
 *   domains  — each link's look-alike and shortener checks (`inspectLinkDomain`)
 *   reading  — `normalizeText(digitsAsTyped(text))`: the fold and reading the scam rules start from
 *   keys     — the literal gate's keys of the read text (`TextKeys`)
 *   scam     — `findScamPatterns` (reading and keys included; every rule on every text since round 22 of the store took
 *              its pre-tests out)
 *   handles  — `findImitatingHandles`
 *   detect   — the masking engine's `detectSensitive` (the inbound check asks it for pasted codes and cards)
 *   pasted   — `findPastedSecrets`
 *   handed   — `findHandedOverSecret` (run only where nothing was pasted, as the check runs it)
 *   handed-all — the same without its pre-test (every message's clauses read: the peer `mayHandOver` must beat)
 * Without `--callgrind`: CPU µs a message per step (this thread, getrusage), min–median–max over the runs, and the load.
 * With `--callgrind` (needs `node --expose-gc`): `--warm 3` passes over every step, then each step `--passes 5` times,
 *   interleaved, each interval between calls of `process.threadCpuUsage()` after a collection (`--collection minor`, the
 *   default since round 18, or `major`) and `--settle 1` run of the step; under
 *   valgrind --tool=callgrind --dump-before=uv_getrusage_thread --callgrind-out-file=/tmp/cg \
 *     node --expose-gc --single-threaded --no-flush-bytecode --no-flush-baseline-code bundle.mjs --callgrind > /tmp/cg.log
 * each interval is one profile file, in the order the script prints (bundle with esbuild as `bench/store/ingest-stages.ts`
 * says; `--single-threaded`: no compiler or collector thread of V8 adds its work to an interval; no flushing: the full
 * collections would otherwise drop the bytecode of a step not run for a few of them, which ingest, where every step runs
 * on every message, never does), and
 * `node --import tsx bench/guard/callgrind-steps.ts /tmp/cg /tmp/cg.log` prints each step's least, median and most
 * instructions a message over the passes (`bench/guard/callgrind-totals.sh /tmp/cg`: the raw totals).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import '../../main/core/shared/regexp-engine';
import { detectorMasker, GuardScreen } from '../../main/core/app';
import { DEFAULT_GUARD_POLICY, inspectInbound, type Detected } from '../../main/core/guard';
import { normalizeText } from '../../main/core/guard/text/clauses';
import { extractEmailDomains, extractLinks } from '../../main/core/guard/text/links';
import { readPart } from '../../main/core/guard/text/reading-window';
import { inspectLinkDomain } from '../../main/core/guard/phishing/domains';
import { findScamPatterns } from '../../main/core/guard/phishing/scam-patterns';
import { findImitatingHandles } from '../../main/core/guard/phishing/handles';
import { findPastedSecrets } from '../../main/core/guard/phishing/pasted-secrets';
import { findHandedOverSecret } from '../../main/core/guard/phishing/handed-over';
import { detectSensitive, digitsAsTyped } from '../../main/core/masking';
import { TextKeys } from '../../main/core/text/literal-gate';
import { isReportOnly } from '../masking/report-only';
import { parseUpdate, platformUpdate, rng } from '../store/common';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const corpus = arg('corpus', 'store');
const messages = Number(arg('messages', '2000'));
const runs = Number(arg('runs', '3'));
const callgrind = process.argv.includes('--callgrind');
const policy = DEFAULT_GUARD_POLICY;

/** What the ingest's masking found in each store message, by its masked text: the ingest hands it to the check (round 17). */
const detectedOf = new Map<string, Detected>();
function storeTraffic(): string[] {
  // the same generator, seed and conversations as `bench/store/ingest.ts` and `ingest-stages.ts`
  const r = rng(7);
  const t0 = 1_700_000_000_000;
  const masker = detectorMasker(() => undefined);
  return Array.from({ length: messages }, (_, i) => parseUpdate(platformUpdate(i, Math.floor(r() * 2000), t0 + i * 1000, r), t0 + i * 1000))
    .filter((m) => m.direction === 'in')
    .map((m) => {
      const { masked, detected } = masker(m.text);
      if (detected) detectedOf.set(masked, { text: m.text, spans: detected });
      return masked;
    });
}
function voiceTexts(): string[] {
  // (from the repository's root: a bundle for callgrind runs elsewhere)
  const here = path.resolve('bench/guard');
  const voices = path.join(here, 'voices');
  const files = [...fs.readdirSync(voices).filter((f) => f.endsWith('.jsonl') && f.includes('inbound')).map((f) => path.join(voices, f)), path.join(here, 'inbound.jsonl')].filter((f) => !isReportOnly(f));
  const all = files.flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text));
  // at most `--messages` of them, spread over every set
  const step = Math.max(1, Math.ceil(all.length / messages));
  return all.filter((_, i) => i % step === 0);
}
// (`--repeat k`: the same texts k times over in each interval — the same work a message, k times the messages: a cost
// paid per interval, not per message, shows as a least a message that falls with k; round 17)
const texts = Array.from({ length: Number(arg('repeat', '1')) }, () => (corpus === 'voices' ? voiceTexts() : storeTraffic())).flat();
const screen = new GuardScreen(policy);
const flaggedOf = texts.map((t) => inspectInbound(t, 'en', { policy, detectSensitive }).flags.length > 0);
const classes = { flagged: texts.filter((_, i) => flaggedOf[i]), unflagged: texts.filter((_, i) => !flaggedOf[i]) };

type Step = { name: string; run: (ts: string[]) => () => void };
const STEPS: Step[] = [
  { name: 'whole', run: (ts) => () => ts.forEach((t) => screen.screen(t, detectedOf.get(t))) },
  { name: 'links', run: (ts) => () => ts.forEach((t) => { const { read } = readPart(t); extractLinks(read); extractEmailDomains(read); }) },
  { name: 'domains', run: (ts) => { const links = ts.flatMap((t) => [...extractLinks(t), ...extractEmailDomains(t)]); return () => links.forEach((l) => inspectLinkDomain(l, policy)); } },
  { name: 'reading', run: (ts) => () => ts.forEach((t) => normalizeText(digitsAsTyped(t))) },
  { name: 'keys', run: (ts) => { const read = ts.map((t) => normalizeText(digitsAsTyped(t))); return () => read.forEach((t) => new TextKeys(t)); } },
  { name: 'scam', run: (ts) => { const linked = ts.map((t) => extractLinks(t).length > 0); return () => ts.forEach((t, i) => findScamPatterns(t, policy, linked[i])); } },
  { name: 'handles', run: (ts) => () => ts.forEach((t) => findImitatingHandles(t, policy)) },
  { name: 'detect', run: (ts) => () => ts.forEach((t) => detectSensitive(t)) },
  { name: 'pasted', run: (ts) => () => ts.forEach((t) => findPastedSecrets(t)) },
  { name: 'handed', run: (ts) => { const none = ts.filter((t) => !findPastedSecrets(t).length); return () => none.forEach((t) => findHandedOverSecret(t)); } },
  { name: 'handed-all', run: (ts) => { const none = ts.filter((t) => !findPastedSecrets(t).length); return () => none.forEach((t) => findHandedOverSecret(t, undefined, { pretest: false })); } },
];

// (`--steps a,b`: only those steps, in their order above — a shorter callgrind run)
const only = arg('steps', '');
if (only) STEPS.splice(0, STEPS.length, ...STEPS.filter((s) => only.split(',').includes(s.name)));

const thread = () => {
  const u = process.threadCpuUsage();
  return u.user + u.system;
};

console.log(`inbound-profile: corpus ${corpus}, ${texts.length} texts (${classes.flagged.length} flagged, ${classes.unflagged.length} not); load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
if (callgrind) {
  // Round 16: an interval is trusted only once the JIT has settled and no collection is left over from the one before —
  // `--warm k` passes over every step first (patterns compiled, code optimised; 3 unless told), a collection
  // (`node --expose-gc`; a young-generation one since round 18, below) just before each interval's mark, and `--passes k` intervals of each step, interleaved:
  // `callgrind-steps.ts` reads the least of them. (Round 15's single warm pass and no collection moved one interval 2×.)
  const gc = (globalThis as { gc?: (o?: { type: 'major' | 'minor' }) => void }).gc;
  if (!gc) throw new Error('inbound-profile --callgrind needs `node --expose-gc` (a collection before each interval)');
  const warm = Number(arg('warm', '3'));
  for (let k = 0; k < warm; k++) for (const s of STEPS) for (const ts of Object.values(classes)) s.run(ts)();
  // (every step's inputs prepared before the first mark: an interval holds its step's work and nothing else)
  const passes = Number(arg('passes', '5'));
  // (Round 18: a full collection frees the maps of a class's instances when none is alive — a class field's map
  // transition is held weakly — and deoptimises every function optimised against them ("weak objects", `--trace-deopt`);
  // under `--single-threaded` V8 compiles them again inside the next runs: 180–190 M instructions an interval, round 17's
  // "unexplained" excess of the hand-over with its pre-test. `--collection minor` (the default) collects only the young
  // generation, which frees no map; `--collection major` is round 16's full collection, `--settle k` the runs after it.)
  const collection = arg('collection', 'minor') === 'major' ? 'major' : 'minor';
  const settle = Number(arg('settle', '1'));
  const runs = Array.from({ length: passes }, (_, k) => STEPS.flatMap((s) => Object.entries(classes).map(([cls, ts]) => ({ name: `${s.name} ${cls} (${ts.length} texts), pass ${k + 1}`, go: s.run(ts) })))).flat();
  const intervals: string[] = [`set-up, ${warm} warm passes and inputs`];
  for (const { name, go } of runs) {
    // (the collection in an interval of its own, read by no one: callgrind dumps at a mark what ran before it; and the
    // step once more after it, there too: a full collection clears V8's caches — the megamorphic stub cache, regexp
    // results — so the interval right after one paid 2–2.7× the instructions of a settled one under valgrind, 1.3× in CPU)
    process.threadCpuUsage();
    intervals.push('collection and a settling run');
    gc({ type: collection });
    for (let k = 0; k < settle; k++) go();
    process.threadCpuUsage();
    intervals.push(name);
    go();
  }
  process.threadCpuUsage();
  intervals.push('rest');
  intervals.forEach((x, i) => console.log(`interval ${i}: ${x}`));
} else {
  const spent = new Map<string, number[]>();
  for (let run = 0; run <= runs; run++) {
    for (const s of STEPS) {
      for (const [cls, ts] of Object.entries(classes)) {
        const go = s.run(ts);
        const c = thread();
        go();
        const us = (thread() - c) / Math.max(1, ts.length);
        if (run > 0) spent.set(`${s.name} ${cls}`, [...(spent.get(`${s.name} ${cls}`) ?? []), us]);
      }
    }
  }
  const spread = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `${s[0]!.toFixed(1)}–${s[Math.floor(s.length / 2)]!.toFixed(1)}–${s[s.length - 1]!.toFixed(1)}`;
  };
  console.log('| step | flagged, CPU µs a message | unflagged, CPU µs a message |\n|---|---|---|');
  for (const s of STEPS) console.log(`| ${s.name} | ${spread(spent.get(`${s.name} flagged`)!)} | ${spread(spent.get(`${s.name} unflagged`)!)} |`);
  console.log(`(${runs} runs after a warm one; min–median–max; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
}
