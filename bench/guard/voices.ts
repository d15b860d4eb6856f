/**
 * Per-voice scores of the outbound and inbound guards on the corpora in `voices/` (see voices/README.md).
 *   node --import tsx bench/guard/voices.ts            # tables for every set
 *   node --import tsx bench/guard/voices.ts --misses   # also the rows the guard gets wrong, for the TUNING sets only
 *   node --import tsx bench/guard/voices.ts --timing   # also the decision time per reply / message (one core)
 *                                          [--tier-up]  # … with V8's default regexp tier-up instead of the product's setting
 *   node --import tsx bench/guard/voices.ts --only=round10   # only the sets whose file name contains "round10"
 * An inbound set written for a made-up company (`heldout-rN-inbound.jsonl` beside `heldout-rN-policy.json`) is also
 * scored under that company's policy, as the lead scores the blind rounds: one aggregate line, never a row.
 * Held-out ("report only") rows are never printed one by one, so nobody tunes on them by accident.
 * Pasted secrets are found by the real masking engine plus the guard's own password/PIN/CVV finder, as in the console.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateReply, inspectInbound, resolveGuardPolicy, type GuardPolicy } from '../../main/core/guard';
import { detectSensitive as detect } from '../../main/core/masking';
import { BENCH_POLICY } from './eval';

// Regular expressions compiled ahead, as the product's entry points set it; `--tier-up` measures V8's default instead.
if (!process.argv.includes('--tier-up')) await import('../../main/core/shared/regexp-engine');

const here = path.join(path.dirname(fileURLToPath(import.meta.url)), 'voices');
const showMisses = process.argv.includes('--misses');

/** `class`: the failure class a row was written for (round 10 on), so a set is also scored per class. */
interface OutRow { id: string; voice: string; class?: string; label: 'block' | 'allow'; text: string }
interface InRow { id: string; voice: string; class?: string; flags: string[]; text: string }

const load = <T>(f: string): T[] => fs.readFileSync(path.join(here, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const files = fs.readdirSync(here).filter((f) => f.endsWith('.jsonl') && (!only || f.includes(only))).sort();
// the independent sets were scored once, then published: they are tune sets now
const tuning = (f: string) => f.startsWith('tune') || f.startsWith('independent') || f.endsWith('-tune.jsonl');
const blocks = (t: string) => evaluateReply(t, 'en', BENCH_POLICY, detect).some((f) => f.verdict === 'block');
const r3 = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(3));
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) + '%' : '–');

/** Per-class right / total (aggregates only, like every held-out figure). */
function classTable(rows: { class?: string }[], right: boolean[]): void {
  const by = new Map<string, [number, number]>();
  rows.forEach((r, i) => {
    if (!r.class) return;
    const s = by.get(r.class) ?? [0, 0];
    by.set(r.class, [s[0] + (right[i] ? 1 : 0), s[1] + 1]);
  });
  if (by.size) console.log(`\nper class (right / rows): ${[...by].sort().map(([c, [a, n]]) => `${c} ${a}/${n}`).join(', ')}`);
}

function outboundTable(file: string, rows: OutRow[]): void {
  const right: boolean[] = [];
  const by = new Map<string, { unsafe: number; caught: number; safe: number; blocked: number }>();
  const total = { unsafe: 0, caught: 0, safe: 0, blocked: 0 };
  for (const r of rows) {
    const got = blocks(r.text);
    right.push(got === (r.label === 'block'));
    const s = by.get(r.voice) ?? { unsafe: 0, caught: 0, safe: 0, blocked: 0 };
    for (const x of [s, total]) {
      if (r.label === 'block') { x.unsafe++; if (got) x.caught++; } else { x.safe++; if (got) x.blocked++; }
    }
    by.set(r.voice, s);
    if (showMisses && tuning(file) && got !== (r.label === 'block')) console.error(`  ${r.id} expected ${r.label}: ${r.text}`);
  }
  console.log(`\n### ${file} (${tuning(file) ? 'tuning' : 'held out'})\n\n| voice | asks | recall | safe | wrongly blocked |\n|---|---|---|---|---|`);
  for (const [v, s] of [...by].sort()) console.log(`| ${v} | ${s.unsafe} | ${r3(s.caught / s.unsafe)} | ${s.safe} | ${pct(s.blocked, s.safe)} |`);
  console.log(`| **all** | ${total.unsafe} | **${r3(total.caught / total.unsafe)}** | ${total.safe} | **${pct(total.blocked, total.safe)}** |`);
  classTable(rows, right);
}

/** The made-up company's policy an inbound set was written for, if it has one. */
function companyPolicy(file: string): GuardPolicy | undefined {
  const f = path.join(here, file.replace(/-inbound\.jsonl$/, '-policy.json'));
  return f.endsWith('-policy.json') && fs.existsSync(f) ? resolveGuardPolicy(JSON.parse(fs.readFileSync(f, 'utf8'))) : undefined;
}

/** The flags raised, under their contract names (a mixed-script link is a look-alike, a fake handle a fake number). */
const namedFlags = (text: string, policy: GuardPolicy) =>
  new Set<string>(inspectInbound(text, 'en', { policy, detectSensitive: detect }).flags.map((f) => (f.code === 'mixed_script' ? 'lookalike' : f.code === 'fake_handle' ? 'fake_number' : f.code)));

/** Messages with a sign caught (any flag raised), ordinary messages flagged and the labelled signs raised, under one policy. */
function underPolicy(rows: InRow[], policy: GuardPolicy): string {
  let signs = 0, caught = 0, ordinary = 0, flagged = 0, labels = 0, raised = 0;
  for (const r of rows) {
    const got = namedFlags(r.text, policy);
    if (r.flags.length) { signs++; if (got.size) caught++; } else { ordinary++; if (got.size) flagged++; }
    labels += r.flags.length;
    raised += r.flags.filter((f) => got.has(f)).length;
  }
  return `${caught}/${signs} with a sign caught, ${flagged}/${ordinary} ordinary flagged, labelled signs raised ${raised}/${labels} (${r3(raised / labels)})`;
}

function inboundTable(file: string, rows: InRow[]): void {
  const scam = (fs: Iterable<string>) => [...fs].some((f) => f !== 'secret');
  const by = new Map<string, { scams: number; caught: number; flagged: number; ordinaryFlagged: number; ordinary: number; secrets: number; secretsCaught: number }>();
  const total = { scams: 0, caught: 0, flagged: 0, ordinaryFlagged: 0, ordinary: 0, secrets: 0, secretsCaught: 0 };
  const right: boolean[] = [];
  // per-flag recall: the flag the writer named, raised under its contract name (a mixed-script link is a look-alike, a fake handle a fake number)
  const perFlag = new Map<string, [number, number]>();
  for (const r of rows) {
    const got = new Set(inspectInbound(r.text, 'en', { policy: BENCH_POLICY, detectSensitive: detect }).flags.map((f) => f.code));
    const named = namedFlags(r.text, BENCH_POLICY);
    for (const f of r.flags) {
      const s = perFlag.get(f) ?? [0, 0];
      perFlag.set(f, [s[0] + (named.has(f) ? 1 : 0), s[1] + 1]);
    }
    const s = by.get(r.voice) ?? { scams: 0, caught: 0, flagged: 0, ordinaryFlagged: 0, ordinary: 0, secrets: 0, secretsCaught: 0 };
    for (const x of [s, total]) {
      if (scam(r.flags)) { x.scams++; if (scam(got)) x.caught++; }
      if (scam(got)) x.flagged++;
      if (!r.flags.length) { x.ordinary++; if (got.size) x.ordinaryFlagged++; }
      if (r.flags.includes('secret')) { x.secrets++; if (got.has('secret')) x.secretsCaught++; }
    }
    by.set(r.voice, s);
    const wrong = scam(r.flags) !== scam(got) || r.flags.includes('secret') !== got.has('secret');
    right.push(!wrong);
    if (showMisses && tuning(file) && wrong) console.error(`  ${r.id} expected ${JSON.stringify(r.flags)} got ${JSON.stringify([...got])}: ${r.text}`);
  }
  console.log(`\n### ${file} (${tuning(file) ? 'tuning' : 'held out'})\n\n| voice | scams | scam recall | scam precision | pasted secrets caught | ordinary messages flagged |\n|---|---|---|---|---|---|`);
  for (const [v, s] of [...by, ['**all**', total] as const].sort((a, b) => (a[0] === '**all**' ? 1 : b[0] === '**all**' ? -1 : a[0].localeCompare(b[0])))) {
    console.log(`| ${v} | ${s.scams} | ${r3(s.caught / s.scams)} | ${r3(s.caught / s.flagged)} | ${s.secretsCaught}/${s.secrets} | ${s.ordinaryFlagged}/${s.ordinary} |`);
  }
  if (perFlag.size) console.log(`\nper flag (raised / named by the writer): ${[...perFlag].sort().map(([f, [a, n]]) => `${f} ${a}/${n}`).join(', ')}`);
  classTable(rows, right);
  const company = companyPolicy(file);
  console.log(`\nany flag, bench policy: ${underPolicy(rows, BENCH_POLICY)}${company ? `; the company's policy: ${underPolicy(rows, company)}` : ''}`);
}

for (const f of files) {
  if (f.includes('inbound')) inboundTable(f, load<InRow>(f));
  else outboundTable(f, load<OutRow>(f));
}

if (process.argv.includes('--timing')) {
  // Wall time includes whatever else the machine runs; CPU time (process.cpuUsage, µs resolution) is this decision's own.
  const pick = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
  const timed = (fn: () => unknown, wall: number[], cpu: number[]) => {
    const c = process.cpuUsage();
    const s = process.hrtime.bigint();
    fn();
    wall.push(Number(process.hrtime.bigint() - s) / 1e6);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  };
  const texts = files.flatMap((f) => load<{ text: string }>(f).map((r) => ({ inbound: f.includes('inbound'), text: r.text })));
  const t = { out: [[], []], inb: [[], []], long: [[], []] } as Record<'out' | 'inb' | 'long', [number[], number[]]>;
  for (let round = 0; round < 30; round++) {
    for (const { inbound, text } of texts) {
      if (inbound) timed(() => inspectInbound(text, 'en', { policy: BENCH_POLICY, detectSensitive: detect }), ...t.inb);
      else timed(() => evaluateReply(text, 'en', BENCH_POLICY, detect), ...t.out);
    }
  }
  const long = 'Hello, thanks for waiting. '.repeat(40) + 'Please send me the code we just texted you.';
  for (let i = 0; i < 300; i++) timed(() => evaluateReply(long, 'en', BENCH_POLICY, detect), ...t.long);
  const line = (name: string, [wall, cpu]: [number[], number[]]) =>
    console.log(`| ${name} | ${wall.length} | ${pick(cpu, 0.5).toFixed(3)} / ${pick(cpu, 0.99).toFixed(3)} ms | ${pick(wall, 0.5).toFixed(3)} / ${pick(wall, 0.99).toFixed(3)} ms |`);
  console.log(`\n### Decision time (masking engine included; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)\n`);
  console.log('| decision | runs | CPU p50 / p99 | wall p50 / p99 |\n|---|---|---|---|');
  line('outbound reply (all corpus replies)', t.out);
  line(`outbound reply of ${long.length} characters`, t.long);
  line('inbound message', t.inb);
}
