import { createInterface } from 'node:readline';
import { detectSensitive, maskMessage, type MaskingHints, isSensitiveType } from '../../core/masking';
import { DiwanError } from '../../core/shared/errors';
import { flagValue, hasFlag, type CliIo, type Command } from '../command';

const USAGE = [
  'diwan mask [TEXT...] [--region SA,AE,...] [--show TYPE=N,...] [--json]',
  'diwan mask --jsonl [--region SA,AE,...]',
  '',
  '  TEXT      text to mask; without it, stdin is read whole',
  '  --jsonl   stream: one {"id","text"} per input line, one {"id","spans":[{type,start,end}]} per output line',
  '            (a bad line gets {"id": <id or null>, "error": "..."} and the stream goes on)',
  '  --region  phone region hints (default SA,AE,EG,IR,GB,US)',
  '  --show    how many trailing characters a token shows, e.g. --show PHONE=0,CARD=4',
  '  --json    print the masked text with its fields as JSON',
].join('\n');

function regionHints(args: string[]): string[] | undefined {
  const v = flagValue(args, '--region');
  return v ? v.split(',').map((r) => r.trim().toUpperCase()).filter(Boolean) : undefined;
}

function showHints(args: string[]): MaskingHints | undefined {
  const v = flagValue(args, '--show');
  if (!v) return undefined;
  const hints: MaskingHints = {};
  for (const part of v.split(',')) {
    const [type, n] = part.split('=');
    const count = Number(n);
    if (!isSensitiveType(type) || !Number.isInteger(count) || count < 0) {
      throw new DiwanError('MASK_BAD_SHOW', `--show expects TYPE=N pairs (e.g. PHONE=2,CARD=4), got "${part}".`);
    }
    hints[type] = { showLast: count };
  }
  return hints;
}

/** Arguments that are not flags or flag values. */
function positional(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--region' || a === '--show') i++;
    else if (!a.startsWith('--')) out.push(a);
  }
  return out;
}

function write(io: CliIo, line: string): Promise<void> | undefined {
  if (io.stdout.write(line + '\n')) return undefined;
  return new Promise((resolve) => io.stdout.once('drain', () => resolve()));
}

function idOf(o: unknown): string | number | null {
  if (o && typeof o === 'object' && 'id' in o) {
    const id = (o as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return id;
  }
  return null;
}

async function streamJsonl(args: string[], io: CliIo): Promise<number> {
  const options = { regionHints: regionHints(args) };
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let out: string;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch {
      rec = undefined;
    }
    const id = idOf(rec);
    const text = rec && typeof rec === 'object' ? (rec as { text?: unknown }).text : undefined;
    if (rec === undefined) out = JSON.stringify({ id: null, error: 'line is not valid JSON' });
    else if (typeof text !== 'string') out = JSON.stringify({ id, error: 'expected an object with a string "text"' });
    else out = JSON.stringify({ id, spans: detectSensitive(text, options).map(({ type, start, end }) => ({ type, start, end })) });
    const wait = write(io, out);
    if (wait) await wait;
  }
  return 0;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export const maskCommand: Command = {
  name: 'mask',
  summary: 'mask sensitive fields (phones, IDs, cards, IBANs, e-mails, birth dates, codes, passports) in text or a JSONL stream',
  usage: USAGE,
  async run(args, io) {
    if (hasFlag(args, '--jsonl')) return streamJsonl(args, io);
    const words = positional(args);
    const text = words.length ? words.join(' ') : await readAll(io.stdin);
    const result = maskMessage(text, showHints(args), { regionHints: regionHints(args) });
    if (hasFlag(args, '--json')) io.stdout.write(JSON.stringify({ masked: result.masked, fields: result.fields }, null, 2) + '\n');
    else io.stdout.write(result.masked.endsWith('\n') ? result.masked : result.masked + '\n');
    return 0;
  },
};
