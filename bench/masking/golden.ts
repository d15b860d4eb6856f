/**
 * Output check for changes that must not change what the detector finds (speed work): records every span (type,
 * offsets, confidence) `detectSensitive` returns over a fixed corpus, and compares a later detector with it.
 *
 *   node --import tsx bench/masking/golden.ts [--write FILE] [--check FILE] [--repo DIR] [--kit DIR] [--gen N]
 *
 * The corpus: every labelled set in the repository (bench/masking/sets, bench/guard), the kit's dev set, N messages
 * (default 2,000) from each of five seeds of the kit's generator, and every string literal of the test suite; each
 * text also in Arabic-Indic and Persian digits, with no-break spaces and en dashes, and with direction marks after
 * each space (the normalisation paths). Each text is also run with two other region hints.
 *
 * Without --check, the output's hash is compared with bench/masking/golden.sha256 (written by the detector before
 * the speed work, 2026-12-04, and pinned again after round 8's dictated values changed the output on purpose; over everything but the tests' strings, which change with every new test); the full
 * output (15 MB) stays out of git: --write it from the detector before a change and --check the one after, which
 * compares text by text, the tests' strings included. --repo runs another checkout's detector.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { opt, repo } from './args';
import { jsonlTexts, settleGolden } from '../golden-pin';
import { isReportOnly } from './report-only';

const here = path.dirname(fileURLToPath(import.meta.url));
const kit = path.resolve(repo, opt('kit') ?? '../shared/pii');
const genN = Number(opt('gen') ?? 2000);
const other = opt('repo');
const { detectSensitive } = (await import(pathToFileURL(path.join(other ? path.resolve(repo, other) : repo, 'main/core/masking/index.ts')).href)) as typeof import('../../main/core/masking');

const files = (dir: string, ext: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .sort((a, b) => a.name.localeCompare(b.name))
        .flatMap((d) => (d.isDirectory() ? (d.name === 'node_modules' ? [] : files(path.join(dir, d.name), ext)) : d.name.endsWith(ext) ? [path.join(dir, d.name)] : []))
    : [];

/** Every string literal (and template part) of a TypeScript file. */
function literals(f: string): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.push(n.text);
    else if (ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) out.push(n.text);
    ts.forEachChild(n, visit);
  };
  visit(ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true));
  return out;
}

const base: string[] = [];
const reportOnly: string[] = [];
for (const f of [...files(path.join(here, 'sets'), '.jsonl'), ...files(path.join(repo, 'bench/guard'), '.jsonl')]) {
  base.push(...jsonlTexts(f));
  if (isReportOnly(f)) reportOnly.push(...jsonlTexts(f));
}
if (existsSync(path.join(kit, 'dev.jsonl'))) base.push(...jsonlTexts(path.join(kit, 'dev.jsonl')));
const gen = (await import(pathToFileURL(path.join(kit, 'gen.mjs')).href)) as { generateDev(o: { seed: string; n: number; idPrefix: string }): Array<{ text: string }> };
for (const seed of ['golden-1', 'golden-2', 'golden-3', 'golden-4', 'golden-5']) base.push(...gen.generateDev({ seed, n: genN, idPrefix: seed }).map((r) => r.text));
// the test suite's strings change with every new test, so they are left out of the pinned hash (--check has them)
const pinnedCount = base.length;
for (const f of files(path.join(repo, 'test'), '.ts')) base.push(...literals(f).filter((t) => t.length >= 3));

const inScript = (zero: number) => (t: string): string => t.replace(/[0-9]/g, (d) => String.fromCharCode(zero + +d));
const variants: Array<(t: string) => string> = [
  (t) => t,
  inScript(0x660),
  inScript(0x6f0),
  (t) => t.replace(/ /g, '\u00a0').replace(/-/g, '\u2013'),
  (t) => t.replace(/ /g, ' \u200f'),
];
const withVariants = (ts: string[]): string[] => ts.flatMap((t) => variants.map((v) => v(t)));
const texts = [...new Set(withVariants(base))];
const pinnedTexts = new Set(withVariants(base.slice(0, pinnedCount)));
const withheld = new Set(withVariants(reportOnly));
const inputHash = createHash('sha256').update([...pinnedTexts].join('\u0000')).digest('hex');

const HINTS: Array<readonly string[] | undefined> = [undefined, ['EG', 'GB'], ['ir']];
const lines: string[] = [];
for (const t of texts) {
  const row = HINTS.map((regionHints) => detectSensitive(t, regionHints ? { regionHints } : undefined).map((s) => `${s.type}:${s.start}-${s.end}@${s.confidence}`).join(' '));
  lines.push(JSON.stringify([t, ...row]));
}
const outputHash = createHash('sha256').update(lines.filter((_, i) => pinnedTexts.has(texts[i]!)).join('\n') + '\n').digest('hex');
const spans = lines.reduce((n, l) => n + (JSON.parse(l) as string[]).slice(1).reduce((m, r) => m + (r ? r.split(' ').length : 0), 0), 0);
console.log(`${texts.length} texts (${base.length} before variants), ${spans} spans over ${HINTS.length} region settings`);
console.log(`inputs ${inputHash}\noutput ${outputHash}`);

settleGolden({
  lines,
  texts,
  withheld,
  inputHash,
  outputHash,
  write: opt('write'),
  check: opt('check'),
  pinned: path.join(here, 'golden.sha256'),
  repo,
  freshNote: 'strings of tests written since',
  corpusChanges: "a set, the kit or a test's strings",
  recordWhat: 'detectors',
});
