/**
 * Builds the masking sets' JSONL (the PII kit's label format) from hand-written sources, where each message is
 * one line and labels sit inline: `[TYPE|value]` marks a sensitive value, `{value}` or `{KIND|value}` a decoy that
 * must stay visible, `\n` is a line break inside the message and `\uXXXX` any other character (no-break space…).
 * A line `# lang=fa voice=…` sets the fields of the lines after it. Checksummed values (CARD, IBAN, NATIONAL_ID) are
 * checked so a typo cannot become a label.
 *
 *   node --import tsx bench/masking/sets/build.ts      (writes bench/masking/sets/{tune,report*}/*.jsonl)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { egyptIdValid, emiratesIdValid, ibanValid, iranCodeValid, luhnValid, ribValid, saudiIdValid } from '../../../main/core/masking/checksums';
import { normalise } from '../../../main/core/masking/detection-text';

const here = path.dirname(fileURLToPath(import.meta.url));
// `[TYPE~|value]`: a value whose checksum is meant to fail (a mistyped card, an ID of a country without a check
// the builder knows); the label is kept as it is
const LABEL = /\[([A-Z_]+)(~?)\|([^\]]+)\]|\{(?:([A-Z_0-9]+)\|)?([^}]+)\}/g;

interface Span {
  type: string;
  start: number;
  end: number;
}

function compact(v: string): string {
  return normalise(v).text.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}

function checksumProblem(type: string, v: string): string | null {
  // a value dictated in words ("four one five six", "wa7ed"), often one group of several: nothing to check here
  if (type !== 'IBAN' && /[A-Za-z]{3}|[\u0621-\u06d3]/.test(v)) return null;
  const d = compact(v);
  if (type === 'CARD' && !luhnValid(d)) return 'fails Luhn';
  // (a Maghrebi RIB, an account's domestic number, is labelled IBAN as its IBAN would be: checked by its own key)
  if (type === 'IBAN' && !ibanValid(d) && !ribValid(d)) return 'fails mod-97';
  if (type === 'NATIONAL_ID' && !(saudiIdValid(d) || iranCodeValid(d) || emiratesIdValid(d) || egyptIdValid(d))) return 'is no valid national ID';
  return null;
}

/** The zero of each digit script a source line can name: `<ar>…</ar>`, `<fa>…</fa>`, `<deva>…</deva>` (Devanagari)… */
const ZERO: Record<string, number> = {
  ar: 0x660, fa: 0x6f0, deva: 0x966, beng: 0x9e6, guru: 0xa66, gujr: 0xae6, taml: 0xbe6, telu: 0xc66, mlym: 0xd66, thai: 0xe50, mymr: 0x1040, khmr: 0x17e0, fw: 0xff10,
};
const SCRIPT_TAG = new RegExp(`<(${Object.keys(ZERO).join('|')})>([^<]*)</\\1>`, 'g');

/** A script tag in a source line writes the ASCII digits inside in that script's digits. */
function toScript(body: string, script: string): string {
  const zero = ZERO[script]!;
  return body.replace(/[0-9]/g, (d) => String.fromCharCode(zero + d.charCodeAt(0) - 48));
}

export function parseLine(line: string): { text: string; spans: Span[]; negatives: Span[]; unchecked: Set<Span> } {
  const src = line
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\n/g, '\n').replace(SCRIPT_TAG, (_, script: string, body: string) => toScript(body, script));
  let text = '';
  let last = 0;
  const spans: Span[] = [];
  const negatives: Span[] = [];
  const unchecked = new Set<Span>();
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(src); m; m = LABEL.exec(src)) {
    text += src.slice(last, m.index);
    const value = m[3] ?? m[5]!;
    const span = { type: m[1] ?? m[4] ?? 'DECOY', start: text.length, end: text.length + value.length };
    (m[1] ? spans : negatives).push(span);
    if (m[2]) unchecked.add(span);
    text += value;
    last = m.index + m[0].length;
  }
  text += src.slice(last);
  return { text, spans, negatives, unchecked };
}

function build(dir: string): void {
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    const base = f.slice(0, -4);
    const rows: string[] = [];
    let meta: Record<string, string> = {};
    readFileSync(path.join(dir, f), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        if (line.startsWith('#')) {
          meta = Object.fromEntries(line.slice(1).trim().split(/\s+/).map((kv) => kv.split('=') as [string, string]));
          return;
        }
        const { text, spans, negatives, unchecked } = parseLine(line);
        for (const s of spans) {
          if (unchecked.has(s)) continue;
          const problem = checksumProblem(s.type, text.slice(s.start, s.end));
          if (problem) throw new Error(`${f}:${i + 1}: ${s.type} "${text.slice(s.start, s.end)}" ${problem}`);
        }
        const { lang = 'en', ...rest } = meta;
        rows.push(JSON.stringify({ id: `${base}-${String(rows.length + 1).padStart(3, '0')}`, lang, text, spans, negatives, ignore: [], meta: { family: base, ...rest } }));
      });
    writeFileSync(path.join(dir, `${base}.jsonl`), rows.join('\n') + '\n');
    console.log(`${path.relative(here, dir)}/${base}.jsonl: ${rows.length} messages`);
  }
}

for (const dir of readdirSync(here, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) build(path.join(here, dir));
