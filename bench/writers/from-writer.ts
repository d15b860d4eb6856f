/**
 * Turns a masking writer's rows (`masking-brief.md`: `{id, lang, voice, text, sensitive: [{type, value}], decoys:
 * [{type, value}]}`) into the scorer's gold (`{id, lang, text, spans, negatives, ignore, meta}`): every occurrence of
 * a value is labelled; a decoy overlapping a sensitive value gives way to it. Checksummed values (cards, IBANs, Saudi,
 * Emirati, Iranian and Egyptian IDs) are checked and only counted, never printed, so the lead can vouch for a
 * report-only set without reading its rows.
 *
 *   node --import tsx bench/writers/from-writer.ts IN.jsonl OUT.jsonl
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { egyptIdValid, emiratesIdValid, ibanValid, iranCodeValid, luhnValid, saudiIdValid } from '../../main/core/masking/checksums';
import { normalise } from '../../main/core/masking/detection-text';

interface Labelled {
  type: string;
  value: string;
}
interface WriterRow {
  id: string;
  lang: string;
  voice?: string;
  text: string;
  sensitive?: Labelled[];
  decoys?: Labelled[];
}
interface Span {
  type: string;
  start: number;
  end: number;
}

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node --import tsx bench/writers/from-writer.ts IN.jsonl OUT.jsonl');
  process.exit(2);
}

function occurrences(text: string, value: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (let i = text.indexOf(value); value && i >= 0; i = text.indexOf(value, i + value.length)) found.push([i, i + value.length]);
  return found;
}

const compact = (v: string): string => normalise(v).text.replace(/[^0-9A-Za-z]/g, '').toUpperCase();

/** Whether a checksummed value passes the check its type and shape call for; undefined when none applies. */
function checksum(type: string, value: string): boolean | undefined {
  const c = compact(value);
  if (type === 'CARD') return luhnValid(c);
  if (type === 'IBAN' && /^[A-Z]{2}\d\d/.test(c)) return ibanValid(c);
  if (type !== 'NATIONAL_ID') return undefined;
  if (/^784\d{12}$/.test(c)) return emiratesIdValid(c);
  if (/^[23]\d{13}$/.test(c)) return egyptIdValid(c);
  return undefined; // a 10-digit ID may be Saudi or Iranian: counted below by which check it passes
}

const problems: string[] = [];
const checks = { passed: 0, failed: 0, tenDigitIds: 0, tenDigitSaudiOrIranian: 0 };
const rows = readFileSync(input, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as WriterRow);
const gold = rows.map((row) => {
  const label = (list: Labelled[] | undefined): Span[] =>
    (list ?? []).flatMap((l) => {
      const at = occurrences(row.text, l.value);
      if (!at.length) problems.push(`${row.id}: a ${l.type} value is not in the text`);
      return at.map(([start, end]) => ({ type: l.type, start, end }));
    });
  for (const s of row.sensitive ?? []) {
    const ok = checksum(s.type, s.value);
    if (ok !== undefined) checks[ok ? 'passed' : 'failed']++;
    const c = compact(s.value);
    if (s.type === 'NATIONAL_ID' && /^\d{10}$/.test(c)) {
      checks.tenDigitIds++;
      if (saudiIdValid(c) || iranCodeValid(c)) checks.tenDigitSaudiOrIranian++;
    }
  }
  const sensitive = label(row.sensitive);
  const spans = sensitive.filter((s) => !sensitive.some((o) => o !== s && o.start <= s.start && s.end <= o.end && o.end - o.start > s.end - s.start));
  const negatives = label(row.decoys)
    .filter((d) => !spans.some((s) => d.start < s.end && s.start < d.end))
    .map((d) => ({ type: 'DECOY', start: d.start, end: d.end }));
  const byStart = (a: Span, b: Span) => a.start - b.start;
  return { id: row.id, lang: row.lang, text: row.text, spans: spans.sort(byStart), negatives: negatives.sort(byStart), ignore: [], meta: { voice: row.voice ?? '' } };
});

writeFileSync(output, gold.map((g) => JSON.stringify(g)).join('\n') + '\n');
const count = (k: 'spans' | 'negatives') => gold.reduce((n, g) => n + g[k].length, 0);
console.log(`${gold.length} messages, ${count('spans')} sensitive spans, ${count('negatives')} decoys`);
console.log(`checksums: ${checks.passed} passed, ${checks.failed} failed; 10-digit IDs ${checks.tenDigitIds}, of them Saudi- or Iranian-valid ${checks.tenDigitSaudiOrIranian}`);
for (const p of problems) console.log(`  ${p}`);
process.exitCode = problems.length ? 1 : 0;
