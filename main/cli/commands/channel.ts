import fs from 'node:fs';
import { parseChannelPayload, PARSE_PLATFORMS, type ParsedItem, type ParsePlatform } from '../../core/connectors';
import { maskMessage } from '../../core/masking';
import { DiwanError } from '../../core/shared/errors';
import { flagValue, type CliIo, type Command } from '../command';

const USAGE = [
  'diwan channel parse --platform telegram|whatsapp|messenger|instagram|x [FILE|-] [--account ID,...] [--phone-number-id ID]',
  '',
  '  FILE        one raw payload (JSON), or JSON lines of them; - or nothing reads stdin',
  '  --account   the business\'s own ids: Page id and Instagram account id (Meta), account id (X, required)',
  '  --phone-number-id   WhatsApp: keep only changes for this number',
  '',
  'Prints, one JSON object a line, what Diwan would store: messages (text masked as the store masks it, with the',
  'types of the masked values, never the values), receipts, watermarks and notes. No database is touched.',
].join('\n');

/** Arguments that are not flags or flag values. */
function positional(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--platform' || a === '--account' || a === '--phone-number-id') i++;
    else if (!a.startsWith('--')) out.push(a);
  }
  return out;
}

/** One payload's items as output lines; a message's original text never leaves this function unmasked. */
function lines(items: ParsedItem[]): string[] {
  return items.map((item) => {
    if (item.type !== 'message') return JSON.stringify(item);
    const { text, ...rest } = item.message;
    const masked = maskMessage(text);
    return JSON.stringify({ type: 'message', ...rest, text: masked.masked, maskedFields: masked.fields.map((f) => f.type) });
  });
}

async function readInput(file: string | undefined, io: CliIo): Promise<string[]> {
  const source = !file || file === '-' ? io.stdin : fs.createReadStream(file, { encoding: 'utf8' });
  const chunks: string[] = [];
  try {
    for await (const c of source) chunks.push(typeof c === 'string' ? c : Buffer.from(c as Uint8Array).toString('utf8'));
  } catch (e) {
    throw new DiwanError('parse_unreadable', `Could not read ${file ?? 'stdin'}: ${(e as NodeJS.ErrnoException).code ?? 'read error'}.`);
  }
  const whole = chunks.join('');
  try {
    return [JSON.parse(whole) as unknown].map((p) => JSON.stringify(p));
  } catch {
    return whole.split(/\r?\n/).filter((l) => l.trim());
  }
}

export const channelCommand: Command = {
  name: 'channel',
  summary: 'show what Diwan would store from a raw platform payload (channel parse)',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    if (args[0] !== 'parse') {
      io.stderr.write(`${USAGE}\n`);
      return 2;
    }
    const rest = args.slice(1);
    const platform = flagValue(rest, '--platform') as ParsePlatform | undefined;
    if (!platform || !PARSE_PLATFORMS.includes(platform)) {
      throw new DiwanError('parse_bad_platform', `--platform must be one of ${PARSE_PLATFORMS.join(', ')}.`);
    }
    const selfIds = (flagValue(rest, '--account') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const phoneNumberId = flagValue(rest, '--phone-number-id');
    const payloads = await readInput(positional(rest)[0], io);
    let bad = 0;
    for (const [n, raw] of payloads.entries()) {
      let payload: unknown;
      try {
        payload = JSON.parse(raw);
      } catch {
        bad++;
        io.stdout.write(JSON.stringify({ type: 'error', line: n + 1, error: 'This line is not JSON; it was skipped.' }) + '\n');
        continue;
      }
      const items = parseChannelPayload(platform, payload, { selfIds, ...(phoneNumberId ? { phoneNumberId } : {}) });
      for (const line of lines(items)) io.stdout.write(line + '\n');
    }
    return bad ? 1 : 0;
  },
};
