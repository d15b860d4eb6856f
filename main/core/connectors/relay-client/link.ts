import crypto from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import { Agent, buildConnector, request } from 'undici';
import type { z } from 'zod';
import { spkiPin } from '../../network';
import { systemClock, type Clock } from '../../shared/ports';
import { ConnectorError } from '../errors';
import { challengeResponse, deviceAuthMessage, errorResponse, RELAY_API, sessionResponse } from './protocol';

/** The console's device key, as the identity work provides it (`DeviceIdentity` fits): fingerprint and signing. */
export interface DeviceSigner {
  readonly fingerprint: string;
  /** Ed25519 signature of `data`, base64. */
  sign(data: string): string;
}

export interface RelayLinkOptions {
  /** The relay's office-side address, e.g. `https://relay.office.example:9443`. */
  url: string;
  /** Base64 SHA-256 of the relay certificate's public key (SubjectPublicKeyInfo), from the policy or IT. */
  pin: string;
  device: DeviceSigner;
  clock?: Clock;
  /** Source address to connect from (tests choose 127.0.0.x). */
  localAddress?: string;
  /** Time allowed to connect and for an answer beyond any long-poll wait (default 15 s). */
  timeoutMs?: number;
}


const MAX_ANSWER_BYTES = 16 * 1024 * 1024;
const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'RELAY_PIN_MISMATCH', 'EADDRNOTAVAIL']);

export interface LinkReply {
  status: number;
  body: unknown;
}

/**
 * One console's connection to its relay, shared by every relay channel: TLS trusted by the relay's key pin alone
 * (checked before a byte is sent), sign-in with the device key, and requests that sign in again when the session
 * ends. Failures are `ConnectorError`s that say whether a request may have reached the relay.
 */
export class RelayLink {
  private readonly agent: Agent;
  private readonly clock: Clock;
  private readonly base: string;
  private readonly timeoutMs: number;
  private session: { token: string; expiresAt: number } | null = null;
  private signingIn: Promise<string> | null = null;

  constructor(private readonly o: RelayLinkOptions) {
    this.clock = o.clock ?? systemClock;
    this.base = o.url.replace(/\/+$/, '');
    this.timeoutMs = o.timeoutMs ?? 15_000;
    this.agent = pinnedAgent({ pin: o.pin, timeoutMs: this.timeoutMs, localAddress: o.localAddress, pinError: 'RELAY_PIN_MISMATCH' });
  }

  get fingerprint(): string {
    return this.o.device.fingerprint;
  }

  /** Names the relay (its key's pin, hashed): a cursor counts that relay's events, not another's. */
  get relayId(): string {
    return crypto.createHash('sha256').update(this.o.pin).digest('hex').slice(0, 12);
  }

  /** Signs in now unless a session is open (so a console learns at start that it is not enrolled or not in range). */
  async ensureSession(signal?: AbortSignal): Promise<void> {
    await this.token(signal);
  }

  /** A signed-in request; a refused session is renewed once. `waitMs` is added to the timeout for long polls. */
  async call(method: 'GET' | 'POST', path: string, o: { json?: unknown; signal?: AbortSignal; waitMs?: number } = {}): Promise<LinkReply> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.token(o.signal);
      const reply = await this.raw(method, path, { ...o, token });
      if (reply.status === 401 && attempt === 0) {
        this.session = null;
        continue;
      }
      return reply;
    }
  }

  async close(): Promise<void> {
    await this.agent.close().catch(() => {});
  }

  private async token(signal?: AbortSignal): Promise<string> {
    if (this.session && this.session.expiresAt - 60_000 > this.clock.now()) return this.session.token;
    this.signingIn ??= this.signIn(signal).finally(() => (this.signingIn = null));
    return this.signingIn;
  }

  private async signIn(signal?: AbortSignal): Promise<string> {
    const fingerprint = this.o.device.fingerprint;
    const c = this.expect(await this.raw('POST', `${RELAY_API}/session/challenge`, { json: { fingerprint }, signal }), challengeResponse);
    const timestamp = this.clock.now();
    const signature = this.o.device.sign(deviceAuthMessage(c.nonce, timestamp, fingerprint));
    const s = this.expect(await this.raw('POST', `${RELAY_API}/session`, { json: { fingerprint, nonce: c.nonce, timestamp, signature }, signal }), sessionResponse);
    this.session = { token: s.token, expiresAt: s.expiresAt };
    return s.token;
  }

  /** The body of a 200 answer in the expected shape, or the relay's refusal as a ConnectorError. */
  expect<T>(reply: LinkReply, schema: z.ZodType<T>): T {
    if (reply.status === 200) {
      const r = schema.safeParse(reply.body);
      if (r.success) return r.data;
      throw new ConnectorError('malformed', "The relay's answer did not have the expected shape.", { status: 200, sent: 'maybe', retryable: true });
    }
    throw refusal(reply);
  }

  private async raw(method: 'GET' | 'POST', path: string, o: { json?: unknown; signal?: AbortSignal; waitMs?: number; token?: string }): Promise<LinkReply> {
    const timeout = this.timeoutMs + (o.waitMs ?? 0);
    try {
      const res = await request(this.base + path, {
        method,
        dispatcher: this.agent,
        headers: {
          accept: 'application/json',
          ...(o.json !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        },
        ...(o.json !== undefined ? { body: JSON.stringify(o.json) } : {}),
        headersTimeout: timeout,
        bodyTimeout: timeout,
        ...(o.signal ? { signal: o.signal } : {}),
      });
      const len = Number(res.headers['content-length'] ?? 0);
      if (len > MAX_ANSWER_BYTES) {
        await res.body.dump();
        throw new ConnectorError('too-large', 'The relay sent a larger answer than a console accepts.', { sent: 'maybe' });
      }
      const text = await res.body.text();
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = null;
      }
      return { status: res.statusCode, body };
    } catch (e) {
      if (e instanceof ConnectorError) throw e;
      const code = (e as { code?: string }).code ?? '';
      if (o.signal?.aborted) throw new ConnectorError('aborted', 'Stopped.', { sent: 'maybe' });
      if (code === 'RELAY_PIN_MISMATCH') {
        throw new ConnectorError('token-rejected', "The relay's certificate does not match the pin this console was given. Ask IT: someone may be intercepting the connection.", { sent: 'no' });
      }
      const connectFailed = CONNECT_FAILURES.has(code);
      const timedOut = /TIMEOUT/.test(code);
      throw new ConnectorError(timedOut && !connectFailed ? 'timeout' : 'network', connectFailed ? 'The relay could not be reached.' : 'The connection to the relay broke.', {
        sent: connectFailed ? 'no' : 'maybe',
        retryable: true,
      });
    }
  }
}

const REFUSALS: Record<string, string> = {
  not_enrolled: 'This device is not enrolled on the relay. Ask IT to enrol its fingerprint.',
  outside_office: "The relay refused this computer's address: it is not in the office ranges.",
  bad_signature: 'The relay did not accept this device key.',
  clock_skew: "This computer's clock is too far from the relay's; fix the time.",
};

/** A relay refusal as a ConnectorError: enrolment and range refusals stop the channel until IT acts. */
export function refusal(reply: LinkReply): ConnectorError {
  const e = errorResponse.safeParse(reply.body);
  const code = e.success ? e.data.error : '';
  if (reply.status === 403 || reply.status === 401) {
    return new ConnectorError('token-rejected', REFUSALS[code] ?? 'The relay refused this console.', { status: reply.status, platformCode: code || undefined });
  }
  if (reply.status === 429) return new ConnectorError('rate-limited', 'The relay asked this console to slow down.', { status: 429, retryAfterMs: 5_000 });
  if (reply.status >= 500) return new ConnectorError('server', `The relay had a problem (${reply.status}).`, { status: reply.status, sent: 'maybe' });
  return new ConnectorError('rejected', e.success ? `The relay refused the request: ${e.data.message}` : `The relay refused the request (${reply.status}).`, {
    status: reply.status,
    retryable: false,
  });
}

/**
 * An undici dispatcher that trusts a server by the pin of its public key alone, checked before a byte is sent.
 * CA validation is off on purpose: the pin decides. Without `resumeSessions` (the relay desk, the custodian link)
 * every connection makes a full handshake and proves the pinned key again; with it (the team console) a connection
 * may instead resume the session of an earlier pinned one (below).
 */
export function pinnedAgent(o: { pin: string; timeoutMs: number; localAddress?: string; connections?: number; pinError?: string; resumeSessions?: boolean }): Agent {
  // The last TLS session of each server this agent reached, kept only from connections that passed the pin; offered
  // on the next connection (undici's own cache holds sessions weakly, so they vanish at the next garbage collection).
  // A resumed handshake shows no certificate; it succeeds only with a server that holds the session's secret (the
  // pinned server, or a node sharing its ticket keys, which are derived from its private key), so it counts as
  // pinned. A server that cannot resume must make a full handshake and show a certificate with the pinned key.
  const sessions = new Map<string, Buffer>();
  const plain = buildConnector({ rejectUnauthorized: false, maxCachedSessions: 0, timeout: o.timeoutMs });
  return new Agent({
    connections: o.connections ?? 8,
    keepAliveTimeout: 10_000,
    ...(o.localAddress ? { localAddress: o.localAddress } : {}),
    connect: (opts, cb) => {
      const server = `${opts.hostname}:${opts.port}`;
      const session = o.resumeSessions ? sessions.get(server) : undefined;
      const connect = session ? buildConnector({ rejectUnauthorized: false, maxCachedSessions: 0, timeout: o.timeoutMs, session }) : plain;
      connect(opts, (err, socket) => {
        if (err || !socket) return cb(err ?? new Error('no socket'), null);
        let pin: string | null;
        try {
          const raw = (socket as TLSSocket).getPeerCertificate?.()?.raw;
          pin = raw ? spkiPin(raw) : null;
        } catch {
          pin = null;
        }
        const resumed = session !== undefined && (socket as TLSSocket).isSessionReused();
        if (!resumed && pin !== o.pin) {
          socket.destroy();
          return cb(Object.assign(new Error('the server certificate does not match the pin'), { code: o.pinError ?? 'PIN_MISMATCH' }), null);
        }
        if (o.resumeSessions) {
          // TLS 1.3 sends its tickets after the handshake; one server per agent key, a handful of servers at most.
          socket.on('session', (s: Buffer) => {
            if (!sessions.has(server) && sessions.size >= 16) sessions.delete(sessions.keys().next().value!);
            sessions.set(server, s);
          });
        }
        cb(null, socket);
      });
    },
  });
}
