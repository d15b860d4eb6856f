/**
 * Masking accuracy with the PII kit's scorer: typed F1, leak rate per type and decoy false-mask rate, on the kit's
 * dev set and on each of our own sets (bench/masking/sets/{tune,report*}/*.jsonl, built by sets/build.ts).
 *
 *   node --import tsx bench/masking/accuracy.ts [--kit ../shared/pii] [--set report] [--show-misses] [--repo DIR]
 *
 * --repo scores another checkout's detector (e.g. `--repo ../main` for the figures before a change).
 *
 * --show-misses prints the rows that leak or over-mask, never those of a report-only set (report-only.ts: report*
 * and the folders marked REPORT-ONLY), which are for figures only. Golden's --check withholds their rows the same way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SENSITIVE_TYPES } from '../../main/core/masking';
import { argv, opt, repo } from './args';
import { isReportOnly } from './report-only';

const here = path.dirname(fileURLToPath(import.meta.url));
const kit = path.resolve(repo, opt('kit') ?? '../shared/pii');
const only = opt('set');
const showMisses = argv.includes('--show-misses');
const other = opt('repo');
const { detectSensitive } = (await import(pathToFileURL(path.join(other ? path.resolve(repo, other) : repo, 'main/core/masking/index.ts')).href)) as typeof import('../../main/core/masking');

interface Span {
  type: string;
  start: number;
  end: number;
}
interface Rec {
  id: string;
  text: string;
  spans: Span[];
  negatives?: Span[];
}
interface Report {
  overall: { messages: number; typed: { f1: number }; leak_rate: number; false_mask_rate: number };
  types: Record<string, { gold: number; recall: number; leak_rate: number | null }>;
}
interface Scorer {
  TYPES: string[];
  score: (recs: Rec[], pred: Map<string, Span[]>, o: { by: string }) => Report;
}

const readJsonl = (f: string): Rec[] =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Rec);

const scorer = (await import(pathToFileURL(path.join(kit, 'score.mjs')).href)) as Scorer;
// the kit knows the eight original types; CVV and CARD_EXPIRY are scored the same way
const TYPES: string[] = [...new Set<string>([...SENSITIVE_TYPES, 'CVV', 'CARD_EXPIRY'])];
for (const t of TYPES) if (!scorer.TYPES.includes(t)) scorer.TYPES.push(t);

const sets: Array<[string, string]> = [];
if (existsSync(path.join(kit, 'dev.jsonl')) && (!only || only === 'dev')) sets.push(['dev', path.join(kit, 'dev.jsonl')]);
const groups = readdirSync(path.join(here, 'sets'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
  .sort((a, b) => (a === 'tune' ? -1 : b === 'tune' ? 1 : a.localeCompare(b)));
for (const group of groups) {
  if (only && only !== group) continue;
  const dir = path.join(here, 'sets', group);
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl')).sort()) sets.push([`${group}/${f.slice(0, -6)}`, path.join(dir, f)]);
  const all = readdirSync(dir).filter((x) => x.endsWith('.jsonl'));
  if (all.length > 1) sets.push([`${group} (all)`, all.map((f) => path.join(dir, f)).join('\n')]);
}

const pct = (x: number | null | undefined): string => (x == null ? '-' : (100 * x).toFixed(1));
const header = ['set', 'msgs', 'F1 typed', 'leak %', 'false-mask % (decoys)', ...TYPES.map((t) => `leak ${t} %`)];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map((_, i) => (i ? '---:' : '---')).join('|')}|`);
for (const [name, files] of sets) {
  const recs = files.split('\n').flatMap(readJsonl);
  const pred = new Map(recs.map((r) => [r.id, detectSensitive(r.text).map(({ type, start, end }) => ({ type, start, end }))]));
  const rep = scorer.score(recs, pred, { by: 'none' });
  const o = rep.overall;
  const perType = TYPES.map((t) => (rep.types[t]?.gold ? pct(rep.types[t]!.leak_rate) : '-'));
  console.log(`| ${name} | ${o.messages} | ${o.typed.f1.toFixed(3)} | ${pct(o.leak_rate)} | ${pct(o.false_mask_rate)} | ${perType.join(' | ')} |`);
  if (showMisses && !name.endsWith('(all)') && !files.split('\n').some(isReportOnly)) printMisses(recs, pred);
}

function printMisses(recs: Rec[], pred: Map<string, Span[]>): void {
  for (const r of recs) {
    const p = pred.get(r.id)!;
    const covered = (s: Span): boolean => p.some((q) => q.type === s.type && Math.min(q.end, s.end) - Math.max(q.start, s.start) >= (s.end - s.start) / 2);
    const missed = r.spans.filter((s) => !covered(s));
    const wrong = p.filter((q) => !r.spans.some((s) => s.type === q.type && Math.min(q.end, s.end) - Math.max(q.start, s.start) >= (s.end - s.start) / 2));
    if (!missed.length && !wrong.length) continue;
    console.log(`  ${r.id}: ${JSON.stringify(r.text)}`);
    for (const s of missed) console.log(`    missed ${s.type} ${JSON.stringify(r.text.slice(s.start, s.end))}`);
    for (const q of wrong) console.log(`    extra  ${q.type} ${JSON.stringify(r.text.slice(q.start, q.end))}`);
  }
}
