/**
 * Where masking's time goes, by kind of message: no digit of any script, digits but no value found, values found.
 * Three groups of texts: the kit's dev set, the visible corpus (every set of the masking and guard benches that is not
 * report only) and the held-out mix (the report-only sets: figures only, never a row — this script prints counts,
 * times and the detector's own patterns, nothing of any text).
 *
 *   node --import tsx bench/masking/kinds.ts [--passes 9] [--gold ../shared/pii/dev.jsonl] [--top 12]
 *
 * Per group and kind: messages, mean length, CPU µs per message (min / median / max of --passes passes over the
 * kind's texts), then, counted in one further pass with `RegExp.prototype.exec` and the UTF-16 decoder wrapped (so
 * not timed): regex executions per message (every `test`, `exec`, `match`, `replace` and `split` with a pattern goes
 * through `exec`) and normalisations per message that changed the text (each one decodes its buffer once; one that
 * changes nothing returns the text as it is and is not counted), and the patterns executed most per message.
 * The load average is printed beside the times: the machine is shared, so compare kinds within one run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TextDecoder } from 'node:util';
import { opt, repo } from './args';
import { jsonlTexts as jsonl } from '../golden-pin';
import { isReportOnly, visibleSetFiles } from './report-only';
import { detectSensitive } from '../../main/core/masking';
import { digitValue } from '../../main/core/text/fold';

const passes = Number(opt('passes') ?? 9);
const top = Number(opt('top') ?? 12);

/** Every JSONL set file under `dir`, report-only or not. */
function allSetFiles(dir: string): string[] {
  const visible = new Set(visibleSetFiles(dir));
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (e.name.endsWith('.jsonl') && !visible.has(f)) out.push(f);
    }
  };
  walk(dir);
  return out.filter(isReportOnly).sort();
}

const dirs = [path.join(repo, 'bench/masking/sets'), path.join(repo, 'bench/guard')];
const groups: Array<[string, string[]]> = [
  ['dev set', jsonl(path.resolve(repo, opt('gold') ?? '../shared/pii/dev.jsonl'))],
  ['visible corpus', dirs.flatMap(visibleSetFiles).flatMap(jsonl)],
  ['held-out mix (report only, aggregate)', dirs.flatMap(allSetFiles).flatMap(jsonl)],
];

const hasDigit = (t: string): boolean => {
  for (let i = 0; i < t.length; i++) if (digitValue(t.charCodeAt(i)) >= 0) return true;
  return false;
};
const KINDS = ['no digit', 'digits, no value', 'values'] as const;
const kindOf = (t: string): number => (!hasDigit(t) ? 0 : detectSensitive(t).length ? 2 : 1);

const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

function cpuPerMessage(texts: string[]): number[] {
  for (let p = 0; p < 2; p++) for (const t of texts) detectSensitive(t);
  const us: number[] = [];
  for (let p = 0; p < passes; p++) {
    const c = process.cpuUsage();
    for (const t of texts) detectSensitive(t);
    const d = process.cpuUsage(c);
    us.push((d.user + d.system) / texts.length);
  }
  return us.sort((a, b) => a - b);
}

/** One pass with the regex engine and the normaliser's decoder counted. */
function counted(texts: string[]): { regex: number; norms: number; byPattern: Map<string, number> } {
  const exec = RegExp.prototype.exec;
  const decode = TextDecoder.prototype.decode;
  const byPattern = new Map<string, number>();
  let regex = 0;
  let norms = 0;
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    regex++;
    byPattern.set(this.source, (byPattern.get(this.source) ?? 0) + 1);
    return exec.call(this, s);
  };
  TextDecoder.prototype.decode = function (this: TextDecoder, input?: Parameters<TextDecoder['decode']>[0], options?: Parameters<TextDecoder['decode']>[1]) {
    if (this.encoding === 'utf-16le') norms++;
    return decode.call(this, input, options);
  };
  try {
    for (const t of texts) detectSensitive(t);
  } finally {
    RegExp.prototype.exec = exec;
    TextDecoder.prototype.decode = decode;
  }
  return { regex, norms, byPattern };
}

console.log(`masking by kind of message, ${passes} timed passes per kind; load ${load()} at the start`);
for (const [name, texts] of groups) {
  const byKind: string[][] = [[], [], []];
  for (const t of texts) byKind[kindOf(t)]!.push(t);
  console.log(`\n${name}: ${texts.length} texts`);
  let totalUs = 0;
  const rows: string[] = [];
  for (let k = 0; k < 3; k++) {
    const ts = byKind[k]!;
    if (!ts.length) continue;
    const us = cpuPerMessage(ts);
    const med = us[us.length >> 1]!;
    totalUs += med * ts.length;
    const c = counted(ts);
    const chars = ts.reduce((a, t) => a + t.length, 0) / ts.length;
    rows.push(
      `  ${KINDS[k]!.padEnd(17)} ${String(ts.length).padStart(5)} msgs, ${chars.toFixed(0).padStart(4)} chars; µs/msg ${us[0]!.toFixed(1)} / ${med.toFixed(1)} / ${us[us.length - 1]!.toFixed(1)}; ` +
        `regex runs/msg ${(c.regex / ts.length).toFixed(1)}, normalisations/msg ${(c.norms / ts.length).toFixed(2)}`,
    );
    const most = [...c.byPattern].sort((a, b) => b[1] - a[1]).slice(0, top);
    for (const [src, n] of most) rows.push(`      ${(n / ts.length).toFixed(2).padStart(6)}/msg  ${src.length > 70 ? src.slice(0, 67) + '...' : src}`);
  }
  console.log(rows.join('\n'));
  console.log(`  whole group: ${(totalUs / 1000).toFixed(1)} ms per pass (sum of the kinds' medians); load ${load()}`);
}
