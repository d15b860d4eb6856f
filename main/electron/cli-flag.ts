import type { CliIo } from '../cli/command';
import { runCli } from '../cli/run';

/**
 * The packaged app doubles as the `diwan` command for IT: `Diwan --cli <command> …`. The RunAsNode fuse is off, so
 * the signed binary cannot be used as Node; instead main handles this flag before anything else (no window, no
 * single-instance lock, no protocol) and exits with the command's code.
 */
export const CLI_FLAG = '--cli';

/** The arguments after `--cli`, or null when the app was started normally. */
export function cliArgs(argv: readonly string[]): string[] | null {
  const i = argv.indexOf(CLI_FLAG);
  return i < 0 ? null : argv.slice(i + 1);
}

export async function runCliInApp(app: { exit(code: number): void }, args: string[], io: CliIo, run = runCli): Promise<number> {
  let code: number;
  try {
    code = await run(args, io);
  } catch {
    code = 1;
  }
  app.exit(code);
  return code;
}
