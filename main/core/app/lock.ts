import { Listeners } from '../shared/listeners';

/**
 * The console lock. While any reason holds it, the IPC layer denies every non-public call and main sends the
 * renderer nothing but the `locked` event. The network gate holds `off-network` while it is not open; the sign-in
 * work ends every session on a lock, so coming back means signing in again.
 */
export type LockReason = 'off-network' | (string & {});

export interface LockChange {
  locked: boolean;
  reason: LockReason | null;
}

export class ConsoleLock {
  private readonly reasons = new Set<LockReason>();
  private readonly changes: Listeners<[change: LockChange]>;

  constructor(log?: (line: string) => void) {
    this.changes = new Listeners('console lock', log);
  }

  isLocked(): boolean {
    return this.reasons.size > 0;
  }

  /** The first reason still holding the lock, or null when unlocked. */
  reason(): LockReason | null {
    return this.reasons.values().next().value ?? null;
  }

  engage(reason: LockReason): void {
    const was = this.isLocked();
    this.reasons.add(reason);
    if (!was) this.emit();
  }

  release(reason: LockReason): void {
    if (!this.reasons.delete(reason)) return;
    if (!this.isLocked()) this.emit();
  }

  /** Listeners hear each change between locked and unlocked. */
  onChange(listener: (change: LockChange) => void): () => void {
    return this.changes.add(listener);
  }

  private emit(): void {
    this.changes.emit({ locked: this.isLocked(), reason: this.reason() });
  }
}
