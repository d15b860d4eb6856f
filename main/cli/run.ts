import { isDiwanError } from '../core/shared/errors';
import { APP_VERSION } from '../core/app/version';
import type { CliIo } from './command';
import { commands } from './commands';

export function helpText(): string {
  const w = Math.max(...commands.map((c) => c.name.length));
  return [
    `diwan ${APP_VERSION}: the Diwan command line for IT and benchmarks`,
    '',
    'Usage: diwan <command> [options]     (in the repository: npm run -s diwan -- <command>)',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}`),
    '',
    'Common options: --data-dir DIR (default: the console\'s own data directory, or $DIWAN_DATA_DIR)',
    'Run `diwan <command> --help` for a command\'s usage.',
  ].join('\n');
}

/** Runs one invocation and returns its exit code. Errors a person can act on are printed as such; nothing else leaks. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(helpText() + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.stdout.write(APP_VERSION + '\n');
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`diwan: unknown command "${name}". Run \`diwan --help\` for the list.\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${command.usage}\n\n${command.summary}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    if (isDiwanError(e)) {
      io.stderr.write(`diwan ${name}: ${e.message}\n`);
      return 1;
    }
    io.stderr.write(`diwan ${name}: unexpected error (${(e as Error)?.name ?? 'unknown'}). Run again with DIWAN_DEBUG=1 for details.\n`);
    if (io.env.DIWAN_DEBUG) io.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
    return 1;
  }
}
