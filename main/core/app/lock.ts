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
  private readonly listeners = new Set<(change: LockChange) => void>();

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
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private emit(): void {
    const change = { locked: this.isLocked(), reason: this.reason() };
    for (const l of this.listeners) {
      try {
        l(change);
      } catch {
        // one listener's failure must not keep the others from locking
      }
    }
  }
}
