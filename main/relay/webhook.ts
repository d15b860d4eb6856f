import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerVerification, verifyHubSignature } from '../core/connectors';
import type { IngestResult } from '../core/shared/messages';
import type { RelayChannelConfig } from './config';
import type { GroupCommit } from './group-commit';
import { BodyTooLarge, isJson, readBody, sendText } from './http';
import type { RelayQueue } from './queue';
import type { RelayLog, RelayStats } from './stats';

/** The `object` each webhook channel kind receives; anything else is acknowledged and ignored. */
const OBJECT_OF = { whatsapp: 'whatsapp_business_account', messenger: 'page', instagram: 'instagram' } as const;

export interface WebhookSecrets {
  appSecret: string;
  verifyToken: string;
}

export interface WebhookDeps {
  channels: ReadonlyMap<string, RelayChannelConfig>;
  secrets: ReadonlyMap<string, WebhookSecrets>;
  maxBodyBytes: number;
  /** Bodies read at once, across channels; more are refused with 503 (Meta retries) so memory stays bounded. */
  maxConcurrentBodies: number;
  /** Stores concurrent deliveries in one transaction; each answer waits for the commit. */
  commits: GroupCommit;
  queue: RelayQueue;
  /** Turns a checked payload into queued events (the connectors' runtime: connector.acceptPush → queue). */
  push(channelId: string, payload: unknown): IngestResult;
  stats: RelayStats;
  log: RelayLog;
  now: () => number;
}

/**
 * `/webhooks/<channel id>` for WhatsApp, Messenger and Instagram.
 * GET: Meta's verification handshake. POST: size (413) and type (415) first, then `X-Hub-Signature-256` over the raw
 * bytes with the app secret (401) before anything is parsed, then JSON (400). A body already stored (same bytes) is
 * acknowledged and ignored. 200 only after the events are committed; a failure to store answers 503 so Meta retries.
 */
export function webhookHandler(d: WebhookDeps) {
  let reading = 0;
  return async (req: IncomingMessage, res: ServerResponse, channelId: string): Promise<void> => {
    const channel = d.channels.get(channelId);
    const secrets = d.secrets.get(channelId);
    if (!channel || !secrets || !(channel.kind in OBJECT_OF)) return sendText(res, 404, 'not found');
    const counters = d.stats.of(channelId);

    if (req.method === 'GET') {
      const url = new URL(req.url ?? '/', 'http://relay');
      const challenge = answerVerification(url.searchParams, secrets.verifyToken);
      d.log({ level: challenge ? 'info' : 'warn', event: challenge ? 'webhook.verified' : 'webhook.verify_refused', channelId });
      return challenge ? sendText(res, 200, challenge) : sendText(res, 403, 'forbidden');
    }
    if (req.method !== 'POST') return sendText(res, 405, 'method not allowed');

    const refuse = (status: number, why: keyof typeof counters.refused, text: string) => {
      counters.refused[why]++;
      d.log({ level: 'warn', event: `webhook.refused.${why}`, channelId });
      if (status === 413 || status === 503) res.setHeader('connection', 'close');
      sendText(res, status, text, status === 503 ? { 'retry-after': '1' } : {});
    };
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > d.maxBodyBytes) return refuse(413, 'too_large', 'payload too large');
    if (!isJson(req)) return refuse(415, 'wrong_type', 'expected application/json');
    if (reading >= d.maxConcurrentBodies) return refuse(503, 'busy', 'busy, retry');
    let raw: Buffer;
    reading++;
    try {
      raw = await readBody(req, d.maxBodyBytes);
    } catch (e) {
      if (e instanceof BodyTooLarge) return refuse(413, 'too_large', 'payload too large');
      throw e;
    } finally {
      reading--;
    }
    const signature = req.headers['x-hub-signature-256'];
    if (typeof signature !== 'string') return refuse(401, 'unsigned', 'signature required');
    if (!verifyHubSignature(raw, signature, secrets.appSecret)) return refuse(401, 'bad_signature', 'bad signature');

    counters.lastWebhookAt = d.now();
    const hash = crypto.createHash('sha256').update(raw).digest('hex');
    if (d.queue.seenDelivery(hash)) {
      counters.duplicates++;
      return sendText(res, 200, 'EVENT_RECEIVED');
    }
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString('utf8'));
    } catch {
      return refuse(400, 'malformed', 'malformed JSON');
    }
    const object = (payload as { object?: unknown } | null)?.object;
    if (!payload || typeof payload !== 'object' || typeof object !== 'string' || !Array.isArray((payload as { entry?: unknown }).entry)) {
      return refuse(400, 'malformed', 'not a webhook payload');
    }
    if (object !== OBJECT_OF[channel.kind as keyof typeof OBJECT_OF]) {
      // Signed by Meta but for a product this channel does not handle: retrying would not help, so acknowledge.
      counters.ignored++;
      d.log({ level: 'info', event: 'webhook.ignored_object', channelId, detail: object.slice(0, 64) });
      return sendText(res, 200, 'EVENT_RECEIVED');
    }
    let result: IngestResult;
    try {
      result = await d.commits.submit(() => {
        const r = d.push(channelId, payload);
        d.queue.recordDelivery(hash, channelId);
        return r;
      });
    } catch (e) {
      counters.refused.failed++;
      d.log({ level: 'error', event: 'webhook.store_failed', channelId, detail: (e as { code?: string }).code ?? 'error' });
      return sendText(res, 503, 'try again');
    }
    d.queue.notify(channelId);
    counters.accepted++;
    if (result.duplicates) counters.duplicates += result.duplicates;
    sendText(res, 200, 'EVENT_RECEIVED');
  };
}
