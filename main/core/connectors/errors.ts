import { DiwanError } from '../shared/errors';

export type FailureKind =
  /** The platform could not be reached or the connection broke. */
  | 'network'
  /** No answer in time. */
  | 'timeout'
  /** The platform answered 5xx. */
  | 'server'
  /** The platform asked us to wait (`retryAfterMs`). */
  | 'rate-limited'
  /** The token was refused or is missing: nothing works until someone fixes it. */
  | 'token-rejected'
  /** Another poller or a webhook holds the bot (Telegram 409). */
  | 'conflict'
  /** The answer was not JSON, or not the shape the platform documents. */
  | 'malformed'
  /** The answer was larger than the cap. */
  | 'too-large'
  /** The platform refused this particular request (bad recipient, window closed, blocked…). */
  | 'rejected'
  /** We stopped or paused. */
  | 'aborted';

/**
 * Whether the request may have reached the platform. For a send this decides between "try again" (`no`) and
 * "outcome unknown, ask the agent" (`maybe`): a reply is never retried blindly.
 */
export type SentState = 'no' | 'maybe';

export interface ConnectorErrorInit {
  sent?: SentState;
  retryAfterMs?: number;
  /** Worth another attempt later (throttles, transient platform errors, unreachable network). */
  retryable?: boolean;
  status?: number;
  /** The platform's error code, e.g. Graph `131047` or Telegram `403`. */
  platformCode?: string;
}

/** A connector failure. `message` is a redacted sentence for a person: never a token, never message text. */
export class ConnectorError extends DiwanError {
  readonly sent: SentState;
  readonly retryAfterMs?: number;
  readonly retryable: boolean;
  readonly status?: number;
  readonly platformCode?: string;

  constructor(
    readonly kind: FailureKind,
    message: string,
    init: ConnectorErrorInit = {},
  ) {
    super(`connector_${kind.replace('-', '_')}`, message);
    this.name = 'ConnectorError';
    this.sent = init.sent ?? 'no';
    this.retryAfterMs = init.retryAfterMs;
    this.retryable = init.retryable ?? ['network', 'timeout', 'server', 'rate-limited'].includes(kind);
    this.status = init.status;
    this.platformCode = init.platformCode;
  }
}

export function isConnectorError(e: unknown): e is ConnectorError {
  return e instanceof ConnectorError;
}

/** Anything thrown inside a connector, as a ConnectorError with a safe message. */
export function asConnectorError(e: unknown, redact: (s: string) => string = (s) => s): ConnectorError {
  if (e instanceof ConnectorError) return e;
  if (e instanceof DiwanError) return new ConnectorError('rejected', redact(e.message), { retryable: false });
  const why = e instanceof Error ? e.message : String(e);
  return new ConnectorError('network', `Unexpected failure: ${redact(why)}`, { sent: 'maybe', retryable: false });
}
