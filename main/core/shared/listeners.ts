import { failureName } from './keep-going';

/**
 * One event's listeners. `emit` calls each in turn and catches what a listener throws: a failing listener (a
 * closed window, a notification the OS refused) must not stop the emitter's own work — an ingest batch, the lock,
 * the network gate — nor keep the other listeners from hearing the event. The failure is logged by name only
 * (`<event>: a listener failed (TypeError)`), never with the event's payload or the error's message, which may
 * hold customer text.
 */
export class Listeners<Args extends unknown[]> {
  private readonly set = new Set<(...args: Args) => void>();

  constructor(
    private readonly event: string,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Adds a listener; the returned function removes it. */
  add(listener: (...args: Args) => void): () => void {
    this.set.add(listener);
    return () => void this.set.delete(listener);
  }

  emit(...args: Args): void {
    // A copy, so a listener that removes itself (or adds another) does not change who hears this event.
    for (const listener of [...this.set]) {
      try {
        listener(...args);
      } catch (e) {
        this.log(`${this.event}: a listener failed (${failureName(e)})`);
      }
    }
  }

  get size(): number {
    return this.set.size;
  }
}
