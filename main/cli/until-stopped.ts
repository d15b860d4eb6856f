import { failureName } from '../core/shared/keep-going';
import type { CliIo } from './command';

/** Exit code when a node stops because a failure escaped every handler (EX_SOFTWARE: an internal error). */
export const ESCAPED_FAILURE_EXIT = 70;

/**
 * How a long-running service (`diwan hub run`) waits for its end: SIGTERM or Ctrl-C (exit 0), or, as the last
 * resort, a promise rejected with no handler. Every loop of the node handles its own failures
 * (`core/shared/keep-going.ts`), so one that escapes is a bug: it is said in a sentence, by the error's name only
 * (the stack with DIWAN_DEBUG=1), and the node stops gracefully (exit 70) so its channels move to the other nodes
 * rather than running on in an unknown state, or dying at once with nothing said. While the node closes, further
 * escapes are said the same way, and a close that hangs or leaves a handle open ends with exit 70 after `stuckMs`;
 * `dispose` gives the process's default behaviour back.
 */
export function untilStopped(
  proc: NodeJS.EventEmitter & { exit(code: number): void },
  io: Pick<CliIo, 'stderr' | 'env'>,
  service: string,
  stuckMs = 60_000,
): { ended: Promise<number>; dispose(): void } {
  let settle: (code: number) => void = () => {};
  const ended = new Promise<number>((resolve) => (settle = resolve));
  const stop = () => settle(0);
  const escaped = (reason: unknown) => {
    io.stderr.write(
      `diwan ${service}: an internal error escaped its handler (${failureName(reason)}); this node stops and hands its channels to the other nodes. Please report it with this log.\n`,
    );
    if (io.env.DIWAN_DEBUG) io.stderr.write(`${(reason as Error)?.stack ?? String(reason)}\n`);
    settle(ESCAPED_FAILURE_EXIT);
    // The node is in a state nobody planned for: if closing it leaves something holding the process, it still ends.
    setTimeout(() => proc.exit(ESCAPED_FAILURE_EXIT), stuckMs).unref();
  };
  proc.once('SIGTERM', stop);
  proc.once('SIGINT', stop);
  proc.on('unhandledRejection', escaped);
  return {
    ended,
    dispose() {
      proc.off('SIGTERM', stop);
      proc.off('SIGINT', stop);
      proc.off('unhandledRejection', escaped);
    },
  };
}
