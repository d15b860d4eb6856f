/** Wakes this node's waiting long polls when a webhook queued events here (other nodes' events are found by rechecking). */
export class RelayBell {
  private readonly waiting = new Set<() => void>();
  private stopped = false;

  /** The node is shutting down: waiting polls answer now (with what they have) instead of holding the listener open. */
  close(): void {
    this.stopped = true;
    this.ring();
  }

  get closed(): boolean {
    return this.stopped;
  }

  ring(): void {
    for (const w of [...this.waiting]) w();
  }

  /** Resolves at the next ring or after `ms`, or at once when `cancelled` fires. */
  wait(ms: number, cancelled: AbortSignal): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiting.delete(done);
        cancelled.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiting.add(done);
      cancelled.addEventListener('abort', done, { once: true });
    });
  }
}
