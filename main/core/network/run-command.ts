import { execFile, type ExecFileException } from 'node:child_process';

/**
 * Runs one of the operating system's network tools and resolves with what it printed. Bounded: a tool that does not
 * answer within `timeoutMs` is killed, and at most 1 MiB of output is kept. Rejects with a `CommandFailure` whose
 * message is a sentence without any address in it.
 */
export type RunCommand = (file: string, args: readonly string[], timeoutMs: number) => Promise<CommandOutput>;

export interface CommandOutput {
  stdout: string;
  /** The exit status; some tools answer "nothing here" with a non-zero status and still print something useful. */
  status: number;
}

export class CommandFailure extends Error {
  override name = 'CommandFailure';
  constructor(
    message: string,
    readonly kind: 'missing' | 'timeout' | 'failed',
  ) {
    super(message);
  }
}

const MAX_OUTPUT = 1 << 20;

export const runCommand: RunCommand = (file, args, timeoutMs) =>
  new Promise((resolve, reject) => {
    const tool = file.split(/[\\/]/).pop();
    execFile(
      file,
      [...args],
      {
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: MAX_OUTPUT,
        windowsHide: true,
        encoding: 'utf8',
        // POSIX tools print their C-locale labels; Windows tools print in the display language whatever we ask.
        env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
      },
      (error, stdout) => {
        if (!error) return resolve({ stdout, status: 0 });
        const e = error as ExecFileException;
        if (e.code === 'ENOENT') return reject(new CommandFailure(`${tool} is not installed`, 'missing'));
        if (e.killed || e.signal === 'SIGKILL') return reject(new CommandFailure(`${tool} did not answer within ${timeoutMs} ms`, 'timeout'));
        if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return reject(new CommandFailure(`${tool} printed more than 1 MiB`, 'failed'));
        if (typeof e.code === 'number') return resolve({ stdout, status: e.code });
        reject(new CommandFailure(`${tool} could not be run (${e.code ?? e.name})`, 'failed'));
      },
    );
  });
