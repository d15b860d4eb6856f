import type { CliIo } from './command';

/**
 * Standard input read once and handed out line by line, so one command can take an administrator's password, her
 * 6-digit code and then a backup passphrase from the same stdin, in that order, without any of them on the command line.
 */
const read = new WeakMap<CliIo, Promise<{ lines: string[]; pos: number }>>();

function linesOf(io: CliIo): Promise<{ lines: string[]; pos: number }> {
  let p = read.get(io);
  if (!p) {
    p = (async () => {
      const chunks: Buffer[] = [];
      for await (const c of io.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
      return { lines: Buffer.concat(chunks).toString('utf8').split(/\r?\n/), pos: 0 };
    })();
    read.set(io, p);
  }
  return p;
}

export async function nextStdinLine(io: CliIo): Promise<string | undefined> {
  const s = await linesOf(io);
  return s.pos < s.lines.length ? s.lines[s.pos++] : undefined;
}

/** What is left of stdin, without its final newline. */
export async function restOfStdin(io: CliIo): Promise<string> {
  const s = await linesOf(io);
  const rest = s.lines.slice(s.pos).join('\n');
  s.pos = s.lines.length;
  return rest.replace(/\n+$/, '');
}

/**
 * The last non-empty line, taken out of what is left: a restore into a folder without people reads the passphrase
 * (last, as always) before the sign-in, which it checks against the archive's own people.
 */
export async function takeLastStdinLine(io: CliIo): Promise<string | undefined> {
  const s = await linesOf(io);
  while (s.lines.length > s.pos && s.lines[s.lines.length - 1] === '') s.lines.pop();
  return s.lines.length > s.pos ? s.lines.pop() : undefined;
}
