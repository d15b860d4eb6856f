import { createInterface } from 'node:readline';
import type { CliIo } from './command';

/** The `id` of a parsed input line, when it is a string or a number; otherwise null. */
export function idOf(o: unknown): string | number | null {
  if (o && typeof o === 'object' && 'id' in o) {
    const id = (o as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return id;
  }
  return null;
}

/**
 * Streams a JSONL conversation: each non-blank input line is parsed and handed to `answer`, whose object is
 * written as one output line, in order, honouring back-pressure. A line that is not JSON gets
 * `{"id":null,"error":"..."}`; `answer` may return such an error object itself. The stream never stops on a bad line.
 */
export async function answerJsonl(io: CliIo, answer: (record: unknown) => object): Promise<void> {
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let record: unknown;
    let out: object;
    try {
      record = JSON.parse(line);
    } catch {
      record = undefined;
    }
    if (record === undefined) out = { id: null, error: 'line is not valid JSON' };
    else out = answer(record);
    if (!io.stdout.write(JSON.stringify(out) + '\n')) await new Promise<void>((resolve) => io.stdout.once('drain', () => resolve()));
  }
}
