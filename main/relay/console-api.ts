import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import {
  challengeRequest,
  MAX_EVENTS,
  MAX_WAIT_SECONDS,
  replyRequest,
  RELAY_API,
  sessionRequest,
} from '../core/connectors/relay-client/protocol';
import type { EnrolledDevice, RelayChannelConfig } from './config';
import type { DeviceAuth } from './device-auth';
import { bearer, BodyTooLarge, isJson, readBody, sendError, sendJson } from './http';
import type { AddressCheck } from './office-ranges';
import type { RelayOutbox } from './outbox';
import type { RelayQueue } from './queue';
import type { RelayLog } from './stats';

export interface ConsoleApiDeps {
  channels: ReadonlyMap<string, RelayChannelConfig>;
  inOffice: AddressCheck;
  auth: DeviceAuth;
  queue: RelayQueue;
  outbox: RelayOutbox;
  /** A reply was queued: the channel's sender looks at its outbox now. */
  kick(channelId: string): void;
  /** Aborted when the relay stops: long polls end at once. */
  closing: AbortSignal;
  health(req: IncomingMessage, res: ServerResponse): Promise<void> | void;
  log: RelayLog;
}

const MAX_REQUEST_BYTES = 128 * 1024;
const REPLY_WAIT_SECONDS = 10;

/**
 * The office-side listener (HTTPS with the relay's certificate). Every request must come from an office range; every
 * `/v1` call but sign-in needs a session opened with the device key. Events are read by long polling with `after`
 * as the console's acknowledgement; replies are posted for the relay to send with the tokens it holds.
 */
export function consoleHandler(d: ConsoleApiDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'https://relay');
    if (url.pathname === '/healthz') return d.health(req, res);
    if (!d.inOffice(req.socket.remoteAddress)) {
      d.log({ level: 'warn', event: 'console.outside_office' });
      return sendError(res, 403, 'outside_office', 'This address is not in the office ranges the relay serves.');
    }
    const parts = url.pathname.split('/').filter(Boolean);
    if (`/${parts[0]}` !== RELAY_API) return sendError(res, 404, 'not_found', 'No such endpoint.');
    const route = parts.slice(1);

    if (req.method === 'POST' && route.join('/') === 'session/challenge') {
      const body = await parseBody(req, res, challengeRequest);
      if (!body) return;
      const c = d.auth.challenge(body.fingerprint, req.socket.remoteAddress ?? 'unknown');
      if (c === 'busy') {
        d.log({ level: 'warn', event: 'console.challenges_full' });
        return sendError(res, 503, 'busy', 'The relay holds too many pending sign-in challenges; try again in a minute.');
      }
      if (!c) {
        d.log({ level: 'warn', event: 'console.not_enrolled' });
        return sendError(res, 403, 'not_enrolled', 'This device is not enrolled on the relay. Ask IT to enrol its fingerprint (`diwan device id`).');
      }
      return sendJson(res, 200, c);
    }
    if (req.method === 'POST' && route.join('/') === 'session') {
      const body = await parseBody(req, res, sessionRequest);
      if (!body) return;
      const s = d.auth.open(body);
      if (!s.ok) {
        d.log({ level: 'warn', event: `console.sign_in_refused.${s.reason}` });
        return sendError(res, 403, s.reason, SIGN_IN_REFUSED[s.reason]);
      }
      d.log({ level: 'info', event: 'console.signed_in', detail: s.device.name });
      return sendJson(res, 200, { token: s.token, expiresAt: s.expiresAt });
    }

    const device = d.auth.verify(bearer(req));
    if (!device) return sendError(res, 401, 'session_required', 'Sign in with the device key first.');

    if (req.method === 'GET' && route.length === 1 && route[0] === 'channels') {
      return sendJson(res, 200, { channels: [...d.channels.values()].map((c) => ({ id: c.id, kind: c.kind })) });
    }
    if (route[0] !== 'channels' || !route[1]) return sendError(res, 404, 'not_found', 'No such endpoint.');
    const channelId = route[1];
    if (!d.channels.has(channelId)) return sendError(res, 404, 'channel_unknown', `The relay serves no channel "${channelId}".`);

    if (req.method === 'GET' && route.length === 3 && route[2] === 'events') return events(d, req, res, device, channelId, url);
    if (req.method === 'POST' && route.length === 3 && route[2] === 'replies') return postReply(d, req, res, device, channelId, url);
    if (req.method === 'GET' && route.length === 4 && route[2] === 'replies') return getReply(d, req, res, device, channelId, route[3]!, url);
    return sendError(res, 404, 'not_found', 'No such endpoint.');
  };
}

const SIGN_IN_REFUSED = {
  not_enrolled: 'This device is not enrolled on the relay.',
  bad_challenge: 'The sign-in challenge is unknown, used or expired; ask for a new one.',
  clock_skew: "This computer's clock is too far from the relay's; fix the time and try again.",
  bad_signature: 'The signature does not match the enrolled device key.',
} as const;

async function events(d: ConsoleApiDeps, req: IncomingMessage, res: ServerResponse, device: EnrolledDevice, channelId: string, url: URL) {
  const after = intParam(url, 'after', 0, 0, Number.MAX_SAFE_INTEGER);
  const wait = intParam(url, 'wait', 0, 0, MAX_WAIT_SECONDS);
  const limit = intParam(url, 'limit', 100, 1, MAX_EVENTS);
  if (after === null || wait === null || limit === null) return sendError(res, 400, 'bad_request', 'after, wait and limit must be whole numbers in range.');
  d.queue.acknowledge(device.fingerprint, channelId, after);
  let list = d.queue.read(channelId, after, limit + 1);
  if (!list.length && wait) {
    const gone = untilGone(req, d.closing);
    await d.queue.waitFor(channelId, after, wait * 1000, gone.signal);
    gone.release();
    if (res.destroyed) return;
    list = d.queue.read(channelId, after, limit + 1);
  }
  sendJson(res, 200, { events: list.slice(0, limit), more: list.length > limit });
}

async function postReply(d: ConsoleApiDeps, req: IncomingMessage, res: ServerResponse, device: EnrolledDevice, channelId: string, url: URL) {
  const body = await parseBody(req, res, replyRequest);
  if (!body) return;
  const wait = intParam(url, 'wait', REPLY_WAIT_SECONDS, 0, MAX_WAIT_SECONDS);
  if (wait === null) return sendError(res, 400, 'bad_request', 'wait must be a whole number of seconds up to 30.');
  const r = d.outbox.submit(device.fingerprint, channelId, body);
  if (r.created) d.kick(channelId);
  return answerReply(d, req, res, device, channelId, body.outboxId, wait);
}

async function getReply(d: ConsoleApiDeps, req: IncomingMessage, res: ServerResponse, device: EnrolledDevice, channelId: string, outboxId: string, url: URL) {
  const wait = intParam(url, 'wait', 0, 0, MAX_WAIT_SECONDS);
  if (wait === null) return sendError(res, 400, 'bad_request', 'wait must be a whole number of seconds up to 30.');
  return answerReply(d, req, res, device, channelId, decodeURIComponent(outboxId), wait);
}

async function answerReply(d: ConsoleApiDeps, req: IncomingMessage, res: ServerResponse, device: EnrolledDevice, channelId: string, outboxId: string, wait: number) {
  if (wait) {
    const gone = untilGone(req, d.closing);
    await d.outbox.waitSettled(device.fingerprint, outboxId, wait * 1000, gone.signal);
    gone.release();
  }
  const status = d.outbox.status(device.fingerprint, channelId, outboxId);
  if (!status) return sendError(res, 404, 'reply_unknown', 'The relay has no such reply from this device.');
  sendJson(res, 200, status);
}

/** A signal that aborts when the client goes away or the relay stops. */
function untilGone(req: IncomingMessage, closing: AbortSignal): { signal: AbortSignal; release(): void } {
  const ctl = new AbortController();
  const abort = () => ctl.abort();
  req.socket.once('close', abort);
  closing.addEventListener('abort', abort, { once: true });
  return {
    signal: ctl.signal,
    release: () => {
      req.socket.off('close', abort);
      closing.removeEventListener('abort', abort);
    },
  };
}

function intParam(url: URL, name: string, fallback: number, min: number, max: number): number | null {
  const v = url.searchParams.get(name);
  if (v === null || v === '') return fallback;
  if (!/^\d{1,16}$/.test(v)) return null;
  const n = Number(v);
  return n >= min && n <= max ? n : null;
}

async function parseBody<T>(req: IncomingMessage, res: ServerResponse, schema: z.ZodType<T>): Promise<T | null> {
  if (!isJson(req)) {
    sendError(res, 415, 'wrong_type', 'Send application/json.');
    return null;
  }
  let raw: Buffer;
  try {
    raw = await readBody(req, MAX_REQUEST_BYTES);
  } catch (e) {
    if (e instanceof BodyTooLarge) sendError(res, 413, 'too_large', 'The request is too large.');
    else sendError(res, 400, 'bad_request', 'The request could not be read.');
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    sendError(res, 400, 'bad_request', 'The request is not valid JSON.');
    return null;
  }
  const r = schema.safeParse(json);
  if (!r.success) {
    sendError(res, 400, 'bad_request', 'The request does not have the expected fields.');
    return null;
  }
  return r.data;
}
