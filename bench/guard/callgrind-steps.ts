/**
 * Each step's instructions a message from an `inbound-profile.ts --callgrind` run: the least, median and most over its
 * passes, and how far the least two passes lie apart (round 16 of #26: a figure is read as the least of several
 * intervals after warm-up and a full collection, never as one interval).
 *   node --import tsx bench/guard/callgrind-steps.ts /tmp/cg /tmp/cg.log
 * `/tmp/cg` is callgrind's `--callgrind-out-file` (one profile per interval, `/tmp/cg.1`, `/tmp/cg.2`, …), `/tmp/cg.log`
 * the script's output naming the intervals in the same order.
 */
import fs from 'node:fs';
import path from 'node:path';

const [prefix, log] = process.argv.slice(2);
if (!prefix || !log) throw new Error('usage: callgrind-steps.ts <callgrind-out-file> <inbound-profile output>');

const names = new Map<number, string>();
for (const line of fs.readFileSync(log, 'utf8').split('\n')) {
  const m = /^interval (\d+): (.*)$/.exec(line);
  if (m) names.set(Number(m[1]), m[2]!);
}
const dir = path.dirname(prefix);
const base = path.basename(prefix);
const totals = new Map<number, number>();
for (const f of fs.readdirSync(dir)) {
  const m = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)$`).exec(f);
  if (!m) continue;
  const t = /^(?:summary|totals): (\d+)/m.exec(fs.readFileSync(path.join(dir, f), 'utf8'));
  // (file k holds what ran before the k-th mark: interval k − 1)
  if (t) totals.set(Number(m[1]) - 1, Number(t[1]));
}
if (!totals.size) throw new Error(`no callgrind profiles ${prefix}.1, ${prefix}.2, … (was valgrind run with --dump-before=uv_getrusage_thread?)`);

const steps = new Map<string, { texts: number; per: number[] }>();
for (const [i, name] of names) {
  const m = /^(.*) \((\d+) texts\), pass \d+$/.exec(name);
  const total = totals.get(i);
  if (!m || total === undefined) continue;
  const texts = Number(m[2]);
  const s = steps.get(m[1]!) ?? { texts, per: [] };
  s.per.push(total / Math.max(1, texts));
  steps.set(m[1]!, s);
}
const k = (x: number) => `${(x / 1000).toFixed(1)} k`;
console.log('| step, class | texts | passes | least | median | most | second least over least |\n|---|---:|---:|---:|---:|---:|---:|');
for (const [name, { texts, per }] of steps) {
  const s = [...per].sort((a, b) => a - b);
  const second = s.length > 1 ? `+${((s[1]! / s[0]! - 1) * 100).toFixed(1)} %` : '—';
  console.log(`| ${name} | ${texts} | ${s.length} | ${k(s[0]!)} | ${k(s[Math.floor(s.length / 2)]!)} | ${k(s[s.length - 1]!)} | ${second} |`);
}
