import { Agent, request, type Dispatcher } from 'undici';
import type { z } from 'zod';
import type { Clock } from '../../shared/ports';
import { ConnectorError, type SentState } from '../errors';
import { noLog, type ConnectorLog } from '../types';
import { backoffMs, type Jitter, type Sleep } from '../time';
import type { RateGate } from './rate-gate';
import { redact } from './redact';

export interface HttpClientOptions {
  channelId: string;
  clock: Clock;
  sleep: Sleep;
  jitter: Jitter;
  gate: RateGate;
  /** The channel's current secret values, removed from every URL, error and log line. */
  secrets: () => readonly string[];
  log?: ConnectorLog;
  /** Largest response body read, in bytes (default 8 MiB); larger answers are refused, not buffered. */
  maxBodyBytes?: number;
  /** Time allowed for the headers and between body chunks (default 30 s). */
  timeoutMs?: number;
  /** Extra attempts for reads after a network error, a timeout or a 5xx (default 3). */
  retries?: number;
  retryBaseMs?: number;
  retryCapMs?: number;
}

export interface HttpCall {
  method: 'GET' | 'POST';
  url: string;
  /** A short name for logs and errors, e.g. `getUpdates`. */
  label: string;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  timeoutMs?: number;
  /**
   * Reads are idempotent and are retried after network errors, timeouts and 5xx. A send is not: it is retried only
   * when the request certainly did not reach the platform (connection refused, 503, 429); otherwise the error says
   * `sent: 'maybe'`.
   */
  idempotent: boolean;
  signal?: AbortSignal;
  /** Platform-specific wait hint in a 429 body (Telegram `parameters.retry_after`), in ms. */
  retryHint?: (body: unknown) => number | undefined;
  /** A file, not JSON: a 2xx body is kept as `bytes` up to this many bytes (larger: `too-large`, not read). */
  fileMaxBytes?: number;
}

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or null for an empty body (and for a file's bytes). */
  body: unknown;
  /** The body as received, for a `fileMaxBytes` call answered 2xx. */
  bytes?: Buffer;
}

const CONNECT_ERRORS = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const TIMEOUT_ERRORS = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/**
 * The one HTTP client every connector uses (undici): per-channel rate gate, timeouts, retries with full jitter,
 * platform retry hints, a body-size cap, JSON parsing, and secrets redacted from everything it reports.
 */
export class HttpClient {
  readonly gate: RateGate;
  private readonly dispatcher: Dispatcher;
  private readonly log: ConnectorLog;
  private readonly maxBodyBytes: number;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryBaseMs: number;
  private readonly retryCapMs: number;

  constructor(private readonly opts: HttpClientOptions) {
    this.gate = opts.gate;
    this.log = opts.log ?? noLog;
    this.maxBodyBytes = opts.maxBodyBytes ?? 8 * 1024 * 1024;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.retries = opts.retries ?? 3;
    this.retryBaseMs = opts.retryBaseMs ?? 500;
    this.retryCapMs = opts.retryCapMs ?? 30_000;
    this.dispatcher = new Agent({ connections: 8, keepAliveTimeout: 4_000, connect: { timeout: 10_000 } });
  }

  redact(text: string): string {
    return redact(text, this.opts.secrets());
  }

  async request(call: HttpCall): Promise<HttpReply> {
    for (let attempt = 0; ; attempt++) {
      await this.gate.take(call.signal);
      if (call.signal?.aborted) throw aborted(call);
      let failure: ConnectorError;
      let waitMs: number | undefined;
      try {
        const reply = await this.once(call);
        if (reply.status === 429) throw this.rateLimited(call, reply);
        if (reply.status < 500) return reply;
        waitMs = retryAfterHeader(reply.headers, this.opts.clock.now());
        const notProcessed = reply.status === 503;
        failure = new ConnectorError('server', `${call.label}: the platform answered ${reply.status}.`, {
          status: reply.status,
          sent: notProcessed ? 'no' : 'maybe',
          retryAfterMs: waitMs,
        });
      } catch (e) {
        if (!(e instanceof ConnectorError)) throw e;
        failure = e;
      }
      const retry =
        ['network', 'timeout', 'server'].includes(failure.kind) && (call.idempotent || failure.sent === 'no');
      if (!retry || attempt >= this.retries || call.signal?.aborted) throw failure;
      const delay = waitMs ?? backoffMs(attempt, this.retryBaseMs, this.retryCapMs, this.opts.jitter);
      this.log({ level: 'warn', channelId: this.opts.channelId, event: 'http.retry', detail: `${call.label} ${failure.code} in ${delay} ms` });
      await this.opts.sleep(delay, call.signal);
    }
  }

  /** Parses a body against its documented shape; a mismatch is a `malformed` failure (a health note, not a crash). */
  expect<T>(schema: z.ZodType<T>, body: unknown, label: string, sent: SentState = 'no'): T {
    const r = schema.safeParse(body);
    if (r.success) return r.data;
    const where = r.error.issues[0]?.path.join('.') || 'body';
    throw new ConnectorError('malformed', `${label}: the platform's answer did not have the expected shape (at ${where}).`, { sent });
  }

  async close(): Promise<void> {
    await this.dispatcher.close().catch(() => {});
  }

  private async once(call: HttpCall): Promise<HttpReply> {
    const headers: Record<string, string> = { accept: call.fileMaxBytes !== undefined ? '*/*' : 'application/json', ...call.headers };
    let body: string | undefined;
    if (call.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(call.json);
    } else if (call.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(call.form).toString();
    }
    const timeout = call.timeoutMs ?? this.timeoutMs;
    let res: Dispatcher.ResponseData;
    try {
      res = await request(call.url, {
        method: call.method,
        headers,
        body,
        dispatcher: this.dispatcher,
        signal: call.signal,
        headersTimeout: timeout,
        bodyTimeout: timeout,
      });
    } catch (e) {
      throw this.transportError(call, e, false);
    }
    const flat = flattenHeaders(res.headers);
    const isFile = call.fileMaxBytes !== undefined && res.statusCode >= 200 && res.statusCode < 300;
    let raw: Buffer;
    try {
      raw = await this.readCapped(res, call, isFile ? call.fileMaxBytes! : this.maxBodyBytes);
    } catch (e) {
      if (e instanceof ConnectorError) throw e;
      throw this.transportError(call, e, true);
    }
    if (isFile) return { status: res.statusCode, headers: flat, body: null, bytes: raw };
    const text = raw.toString('utf8');
    if (!text.trim()) return { status: res.statusCode, headers: flat, body: null };
    try {
      return { status: res.statusCode, headers: flat, body: JSON.parse(text) };
    } catch {
      if (res.statusCode >= 500 || res.statusCode === 429) return { status: res.statusCode, headers: flat, body: null };
      throw new ConnectorError('malformed', `${call.label}: the platform answered ${res.statusCode} with a body that is not JSON.`, {
        status: res.statusCode,
        sent: res.statusCode < 300 && !call.idempotent ? 'maybe' : 'no',
      });
    }
  }

  private async readCapped(res: Dispatcher.ResponseData, call: HttpCall, cap: number): Promise<Buffer> {
    const declared = Number(res.headers['content-length'] ?? NaN);
    const tooLarge = () => {
      res.body.destroy();
      return new ConnectorError(
        'too-large',
        `${call.label}: the platform's answer was larger than ${cap} bytes and was not read.`,
        { status: res.statusCode, sent: res.statusCode < 300 && !call.idempotent ? 'maybe' : 'no' },
      );
    };
    if (declared > cap) throw tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > cap) throw tooLarge();
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  private transportError(call: HttpCall, e: unknown, afterHeaders: boolean): ConnectorError {
    if (call.signal?.aborted) return aborted(call);
    const code = (e as { code?: string }).code ?? '';
    const why = this.redact(e instanceof Error ? e.message : String(e));
    if (TIMEOUT_ERRORS.has(code)) {
      return new ConnectorError('timeout', `${call.label}: no answer from the platform in time.`, { sent: 'maybe' });
    }
    const sent: SentState = !afterHeaders && CONNECT_ERRORS.has(code) ? 'no' : 'maybe';
    return new ConnectorError('network', `${call.label}: the connection failed (${code || why}).`, { sent });
  }

  private rateLimited(call: HttpCall, reply: HttpReply): ConnectorError {
    const now = this.opts.clock.now();
    const ms =
      call.retryHint?.(reply.body) ?? retryAfterHeader(reply.headers, now) ?? xRateLimitReset(reply.headers, now) ?? 60_000;
    this.gate.closeUntil(now + ms);
    return new ConnectorError('rate-limited', `${call.label}: the platform asked Diwan to wait ${Math.ceil(ms / 1000)} s.`, {
      status: 429,
      retryAfterMs: ms,
      sent: 'no',
    });
  }
}

function aborted(call: HttpCall): ConnectorError {
  return new ConnectorError('aborted', `${call.label}: stopped.`, { sent: 'maybe', retryable: false });
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** `Retry-After` as seconds or an HTTP date, in ms from now. */
export function retryAfterHeader(headers: Record<string, string>, now: number): number | undefined {
  const v = headers['retry-after'];
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** X's `x-rate-limit-reset` (unix seconds), in ms from now. */
export function xRateLimitReset(headers: Record<string, string>, now: number): number | undefined {
  const v = headers['x-rate-limit-reset'];
  if (!v || !/^\d+$/.test(v.trim())) return undefined;
  return Math.max(0, Number(v) * 1000 - now);
}
