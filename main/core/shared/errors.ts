/**
 * An error the user can act on. `code` is stable and machine-readable; `message` is written for a person
 * and must never contain a secret, a token, a key or an unmasked customer value.
 */
export class DiwanError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, string | number | boolean>,
  ) {
    super(message);
    this.name = 'DiwanError';
  }
}

export function isDiwanError(e: unknown): e is DiwanError {
  return e instanceof DiwanError;
}
