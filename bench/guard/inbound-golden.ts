/**
 * Output check for changes that must not change one inbound verdict (speed work on the scam check, issues #26/#21):
 * records every message's flags (code and explanation), masked text and safe reply from `inspectInbound` over a fixed
 * corpus, and compares a later guard with it.
 *
 *   node --import tsx bench/guard/inbound-golden.ts [--write FILE] [--check FILE] [--repo DIR] [--kit DIR]
 *
 * The corpus: every row of every set in `bench/guard/voices` (inbound and outbound, report-only ones included — they
 * are hashed, never printed), `bench/guard/inbound.jsonl` and `outbound.jsonl`, 2,000 messages from each of two seeds
 * of the PII kit's generator, each of those also in Arabic-Indic and Persian digits, with no-break spaces and en
 * dashes, and with direction marks after each space; then the store bench's generated traffic (`bench/store/ingest.ts`:
 * 20,000 messages, as written and as the placeholder masker leaves them) and hostile runs (`hostile.ts`'s units) of
 * 300 and 3,000 characters. Each text is inspected with the bench policy and the shipped default policy, the agent's
 * language English; a text flagged in English is inspected again in Arabic and Persian (the explanations' wording).
 *
 * Without --write/--check the output's hash is compared with `bench/guard/inbound-golden.sha256`. --repo runs another
 * checkout's guard (and its masking engine) over this checkout's corpus.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { jsonlTexts, settleGolden } from '../golden-pin';
import { opt, repo } from '../masking/args';
import { isReportOnly } from '../masking/report-only';
import { messageText, rng } from '../store/common';

const here = path.dirname(fileURLToPath(import.meta.url));
const code = path.resolve(repo, opt('repo') ?? '.');
const kit = path.resolve(repo, opt('kit') ?? '../shared/pii');
const load = async <T>(p: string) => (await import(pathToFileURL(path.join(code, p)).href)) as T;
await load('main/core/shared/regexp-engine.ts');
const guard = await load<typeof import('../../main/core/guard')>('main/core/guard/index.ts');
const { detectSensitive } = await load<typeof import('../../main/core/masking')>('main/core/masking/index.ts');
const { placeholderMasker } = await load<typeof import('../../main/core/store')>('main/core/store/index.ts');
const { BENCH_POLICY } = await import('./eval');

const voices = path.join(here, 'voices');
const setFiles = [...readdirSync(voices).filter((f) => f.endsWith('.jsonl')).sort().map((f) => path.join(voices, f)), path.join(here, 'inbound.jsonl'), path.join(here, 'outbound.jsonl')];
const base: string[] = [];
const reportOnly = new Set<string>();
for (const f of setFiles) {
  const ts = jsonlTexts(f);
  base.push(...ts);
  if (isReportOnly(f)) for (const t of ts) reportOnly.add(t);
}
const gen = (await import(pathToFileURL(path.join(kit, 'gen.mjs')).href)) as { generateDev(o: { seed: string; n: number; idPrefix: string }): Array<{ text: string }> };
for (const seed of ['inbound-golden-1', 'inbound-golden-2']) base.push(...gen.generateDev({ seed, n: 2000, idPrefix: seed }).map((r) => r.text));

const inScript = (zero: number) => (t: string): string => t.replace(/[0-9]/g, (d) => String.fromCharCode(zero + +d));
const variants: Array<(t: string) => string> = [(t) => t, inScript(0x660), inScript(0x6f0), (t) => t.replace(/ /g, '\u00a0').replace(/-/g, '\u2013'), (t) => t.replace(/ /g, ' \u200f')];
const withheld = new Set<string>();
const texts: string[] = [];
for (const t of base) {
  for (const v of variants) {
    const x = v(t);
    texts.push(x);
    if (reportOnly.has(t)) withheld.add(x);
  }
}
// the store bench's traffic, generated as bench/store/ingest.ts generates it (rng(7)), as written and as masked
const r = rng(7);
for (let i = 0; i < 20_000; i++) {
  r(); // ingest.ts draws the conversation first
  const t = messageText(r);
  texts.push(t, placeholderMasker(t).masked);
}
for (const unit of ['1.', 'a.', '١.', 'a\n', 'code ', '+44 20 7946 0958 ', 'pay the fee ', 'https://a.b/ ', '@acme_help ']) for (const n of [300, 3000]) texts.push(unit.repeat(Math.ceil(n / unit.length)).slice(0, n));
const unique = [...new Set(texts)];

const POLICIES = [BENCH_POLICY, guard.DEFAULT_GUARD_POLICY];
const lines: string[] = [];
let flagged = 0;
for (const t of unique) {
  const row: unknown[] = [t];
  for (const policy of POLICIES) {
    const en = guard.inspectInbound(t, 'en', { policy, detectSensitive });
    if (en.flags.length) flagged++;
    const each = [en, ...(en.flags.length ? (['ar', 'fa'] as const).map((lang) => guard.inspectInbound(t, lang, { policy, detectSensitive })) : [])];
    row.push(each.map((x) => [x.flags.map((f) => `${f.code}: ${f.explanation}`), x.maskedText ?? null, x.safeReply ? `${x.safeReply.lang}: ${x.safeReply.text}` : null]));
  }
  lines.push(JSON.stringify(row));
}
const output = lines.join('\n') + '\n';
const inputHash = createHash('sha256').update(unique.join('\u0000')).digest('hex');
const outputHash = createHash('sha256').update(output).digest('hex');
console.log(`${unique.length} texts (${base.length} set and generated texts before variants), ${flagged} flagged inspections of ${unique.length * POLICIES.length}`);
console.log(`inputs ${inputHash}\noutput ${outputHash}`);

settleGolden({
  lines,
  texts: unique,
  withheld,
  inputHash,
  outputHash,
  write: opt('write'),
  check: opt('check'),
  pinned: path.join(here, 'inbound-golden.sha256'),
  repo,
  corpusChanges: 'a set or a generator',
  recordWhat: 'guards',
});
