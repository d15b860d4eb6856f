import type { NetworkOptions } from '../core/app';
/** One `diwan` subcommand. Commands write to the given streams and return an exit code; they never call process.exit. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  /**
   * IT's machine-wide policy file and signer folder, and the network ports the office-network gate reads.
   * `main.ts` leaves it unset: the fixed machine folder and the real machine, never taken from a flag or the
   * environment. Tests that run the CLI in-process point it at a folder and interfaces of their own.
   */
  network?: NetworkOptions;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export function hasFlag(args: string[], flag: string): boolean {
  return args.includes(flag);
}

/** `--name value` or `--name=value`. */
export function flagValue(args: string[], flag: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === flag) return args[i + 1];
    if (a.startsWith(flag + '=')) return a.slice(flag.length + 1);
  }
  return undefined;
}
