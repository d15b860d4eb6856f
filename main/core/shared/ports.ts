/** Small ports through which the core reaches the outside world, so tests can drive them for real or deterministically. */

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface Random {
  bytes(n: number): Buffer;
}
