import { spawn } from 'node:child_process';

/**
 * Tells whether the OS's routing information may have changed since the last time it was asked. Readers that run
 * tools consult it to skip a reading when nothing can have moved; while the monitor is not running every question is
 * answered "yes", so a reader falls back to reading on every tick.
 */
export interface ChangeMonitor {
  /** True (and cleared) when something was reported since the last call, or when the monitor is not running. */
  takeChanged(): boolean;
  close(): void;
}

export interface RouteMonitorOptions {
  /** Default: macOS `route -n monitor`, which prints a message for every routing, interface, address and neighbour change. */
  command?: readonly [string, ...string[]];
  /** Wait before starting a monitor that exited or failed to start again (default 5 s). */
  restartMs?: number;
}

/** A long-lived `route -n monitor`: any output means "read again". Restarted when it exits; never throws. */
export function routeMonitor(opts: RouteMonitorOptions = {}): ChangeMonitor {
  const [file, ...args] = opts.command ?? ['/sbin/route', '-n', 'monitor'];
  const restartMs = opts.restartMs ?? 5000;
  let running = false;
  let changed = true;
  let closed = false;
  let child: ReturnType<typeof spawn> | null = null;
  let timer: NodeJS.Timeout | null = null;
  const start = () => {
    timer = null;
    if (closed) return;
    try {
      child = spawn(file, args, { stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true });
    } catch {
      return down();
    }
    running = true;
    child.stdout?.on('data', () => (changed = true));
    child.on('error', down);
    child.on('exit', down);
    child.unref();
    (child.stdout as unknown as { unref?: () => void } | null)?.unref?.();
  };
  function down() {
    running = false;
    changed = true;
    child?.removeAllListeners();
    child?.stdout?.removeAllListeners();
    child = null;
    if (!closed && !timer) {
      timer = setTimeout(start, restartMs);
      timer.unref();
    }
  }
  // the monitor must not outlive the app (it would only notice on its next write to the closed pipe)
  const stopOnExit = () => child?.kill('SIGKILL');
  process.once('exit', stopOnExit);
  start();
  return {
    takeChanged() {
      const was = changed || !running;
      changed = false;
      return was;
    },
    close() {
      closed = true;
      process.removeListener('exit', stopOnExit);
      if (timer) clearTimeout(timer);
      child?.kill('SIGKILL');
      child = null;
      running = false;
    },
  };
}
