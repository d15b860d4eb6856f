import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerVerification, answerXCrc, fitToStore, verifyHubSignature, verifyXSignature, webhookBatch, type PullBatch } from '../core/connectors';
import type { HubLog } from './channels';
import { channelConfigOf } from './channels';
import { batchAdmission, type EdgeFloodGate } from './flood';
import { BodyTooLarge, isJson, readBody, sendJson, sendText } from './http';
import type { OriginalsSealer } from './sealing';
import { secretNames, type HubSecrets } from './secrets';
import type { WebhookIntakeStore, WebhookJob, WebhookOutcome } from './store';
import type { ChannelCounters, WebhookStats } from './webhook-stats';
import { relayTargets, type HubRelayQueue } from './store/relay-queue';

/** The `object` each Meta channel kind receives; anything else is acknowledged and ignored. */
const META_OBJECT = { whatsapp: 'whatsapp_business_account', messenger: 'page', instagram: 'instagram' } as const;
type MetaKind = keyof typeof META_OBJECT;
const isMeta = (kind: string): kind is MetaKind => kind in META_OBJECT;

export interface WebhookIntakeDeps {
  intake: WebhookIntakeStore;
  sealer: OriginalsSealer;
  secrets: HubSecrets;
  flood: EdgeFloodGate;
  stats: WebhookStats;
  maxBodyBytes: number;
  /** Bodies read at once on this node; more are refused with 503 (the platform retries) so memory stays bounded. */
  maxConcurrentBodies: number;
  log: HubLog;
  now: () => number;
  /** How long a secret read from the keychain or credentials is reused (IT's change shows within this time). */
  secretTtlMs?: number;
  /** Channels the hub relays to named devices (`settings.relayTo`) are queued for them instead of ingested. */
  relay?: RelayIntake;
}

/** The relay side of webhook intake (`store/relay-queue.ts`), with the node's bell that wakes waiting long polls. */
export interface RelayIntake {
  queue: Pick<HubRelayQueue, 'enqueueIn'>;
  bell: { ring(): void };
}

/**
 * `/webhooks/<channel id>` on the hub's listener, for WhatsApp, Messenger, Instagram (Meta) and X, on any node.
 * GET: Meta's `hub.challenge` handshake with the channel's verify token, or X's CRC with its consumer secret.
 * POST: size (413) and type (415) first, then the platform's signature over the raw bytes with the channel's secret
 * from the hub's secret store (401) before anything is parsed, then JSON (400). The body goes through the channel's
 * own parser (`webhookBatch`), the store's limits (`fitToStore`) and the ingest step that masks and seals polled
 * messages too; flood control holds back what is over the limits; all of it is one transaction. 200 only after the
 * commit; a failure to store answers 503 so the platform retries, and a redelivery is recognised by platform id.
 */
export function webhookIntake(d: WebhookIntakeDeps) {
  let reading = 0;
  const commits = new GroupCommit(d.intake);
  const ttl = d.secretTtlMs ?? 30_000;
  const cache = new Map<string, { value: string | null; until: number }>();
  const secret = async (name: string): Promise<string | null> => {
    const hit = cache.get(name);
    if (hit && hit.until > d.now()) return hit.value;
    const value = await d.secrets.get(name);
    cache.set(name, { value, until: d.now() + ttl });
    return value;
  };

  return async (req: IncomingMessage, res: ServerResponse, channelId: string): Promise<void> => {
    let channel;
    try {
      channel = await d.intake.channel(channelId);
    } catch {
      return sendText(res, 503, 'try again', { 'retry-after': '5' });
    }
    if (!channel || !channel.enabled || !(isMeta(channel.kind) || channel.kind === 'x')) return sendText(res, 404, 'not found');
    const kind = channel.kind as MetaKind | 'x';
    const counters = d.stats.of(channelId);
    const refuse = (status: number, why: keyof ChannelCounters['refused'], text: string) => {
      counters.refused[why]++;
      counters.lastRefusal = { why, at: d.now() };
      d.log({ level: 'warn', event: `webhook.refused.${why}`, channelId });
      if (status === 413 || status === 503) res.setHeader('connection', 'close');
      sendText(res, status, text, status === 503 ? { 'retry-after': '1' } : {});
    };
    const secretName = kind === 'x' ? secretNames.consumerSecret(channelId) : secretNames.appSecret(channelId);

    if (req.method === 'GET') {
      const params = new URL(req.url ?? '/', 'https://hub.invalid').searchParams;
      if (kind === 'x') {
        const answer = answerXCrc(params, (await secret(secretName)) ?? '');
        d.log({ level: answer ? 'info' : 'warn', event: answer ? 'webhook.crc_answered' : 'webhook.crc_refused', channelId });
        return answer ? sendJson(res, 200, answer) : sendText(res, 403, 'forbidden');
      }
      const challenge = answerVerification(params, (await secret(secretNames.verifyToken(channelId))) ?? '');
      d.log({ level: challenge ? 'info' : 'warn', event: challenge ? 'webhook.verified' : 'webhook.verify_refused', channelId });
      return challenge ? sendText(res, 200, challenge) : sendText(res, 403, 'forbidden');
    }
    if (req.method !== 'POST') return sendText(res, 405, 'method not allowed');

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
    const header = req.headers[kind === 'x' ? 'x-twitter-webhooks-signature' : 'x-hub-signature-256'];
    if (typeof header !== 'string') return refuse(401, 'unsigned', 'signature required');
    const key = await secret(secretName);
    if (!key) return refuse(401, 'no_secret', 'bad signature');
    const signed = kind === 'x' ? verifyXSignature(raw, header, key) : verifyHubSignature(raw, header, key);
    if (!signed) return refuse(401, 'bad_signature', 'bad signature');

    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString('utf8'));
    } catch {
      return refuse(400, 'malformed', 'malformed JSON');
    }
    const shape = checkShape(kind, payload);
    if (shape === 'malformed') return refuse(400, 'malformed', 'not a webhook payload');
    counters.lastWebhookAt = d.now();
    if (shape === 'other') {
      // Signed by the platform but for a product this channel does not handle: retrying would not help, so acknowledge.
      counters.ignored++;
      d.log({ level: 'info', event: 'webhook.ignored_object', channelId });
      return sendText(res, 200, 'EVENT_RECEIVED');
    }

    const batch: PullBatch = webhookBatch(channelConfigOf(channel), payload, d.now());
    const fitted = fitToStore(batch.messages);
    const devices = relayTargets(channel.config);
    if (devices.length && d.relay) {
      try {
        const queued = await d.intake.relay(
          channelId,
          d.relay.queue,
          devices,
          fitted.messages,
          batch.deliveries ?? [],
          batchAdmission(d.flood, channelId, d.now),
          (m) => d.sealer.sealHeld(channelId, m),
        );
        counters.accepted++;
        counters.quarantined += queued.held;
        counters.collapsed += queued.collapsed ?? 0;
        counters.duplicates += queued.duplicates;
        if (queued.queued) d.relay.bell.ring();
      } catch (e) {
        d.log({ level: 'error', event: 'webhook.relay_queue_failed', channelId, detail: (e as { code?: string }).code ?? (e as Error)?.name ?? 'error' });
        return refuse(503, 'failed', 'try again');
      }
      return sendText(res, 200, 'EVENT_RECEIVED');
    }
    let outcome: WebhookOutcome;
    try {
      outcome = await commits.submit({
        channelId,
        delivery: { messages: fitted.messages.map((m) => ({ inbound: m, prepared: d.sealer.prepare(m) })), deliveries: batch.deliveries ?? [], watermarks: batch.watermarks ?? [] },
        admit: batchAdmission(d.flood, channelId, d.now),
        seal: (m) => d.sealer.sealHeld(channelId, m),
      });
    } catch (e) {
      d.log({ level: 'error', event: 'webhook.store_failed', channelId, detail: (e as { code?: string }).code ?? (e as Error)?.name ?? 'error' });
      return refuse(503, 'failed', 'try again');
    }
    counters.accepted++;
    counters.duplicates += outcome.duplicates;
    counters.quarantined += outcome.quarantined;
    counters.collapsed += outcome.collapsed ?? 0;
    const note = [batch.note, fitted.note].filter(Boolean).join(' ');
    // Notes are the parsers' counts and kinds ("2 unsupported message types"), never customer text.
    if (note) d.log({ level: 'info', event: 'webhook.note', channelId, detail: note.slice(0, 500) });
    sendText(res, 200, 'EVENT_RECEIVED');
  };
}

/** 'ok' for a payload of the channel's product, 'other' for another product's (acknowledged), else 'malformed'. */
function checkShape(kind: MetaKind | 'x', payload: unknown): 'ok' | 'other' | 'malformed' {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return 'malformed';
  const p = payload as Record<string, unknown>;
  if (kind === 'x') return typeof p.for_user_id === 'string' ? 'ok' : 'malformed';
  if (typeof p.object !== 'string' || !Array.isArray(p.entry)) return 'malformed';
  return p.object === META_OBJECT[kind] ? 'ok' : 'other';
}

/**
 * Group commit on one node: deliveries that arrive while a commit runs wait for it and then share the next one
 * (`WebhookIntakeStore.acceptMany`, one savepoint each), so one disk sync and one turn at the event lock answer many
 * webhooks; each answer still waits for its own commit. At most `maxBatch` per transaction.
 */
export class GroupCommit {
  private pending: Array<{ job: WebhookJob; resolve: (v: WebhookOutcome) => void; reject: (e: unknown) => void }> = [];
  private running = false;

  constructor(
    private readonly intake: Pick<WebhookIntakeStore, 'acceptMany'>,
    private readonly maxBatch = 64,
  ) {}

  submit(job: WebhookJob): Promise<WebhookOutcome> {
    return new Promise((resolve, reject) => {
      this.pending.push({ job, resolve, reject });
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.splice(0, this.maxBatch);
      try {
        const results = await this.intake.acceptMany(batch.map((b) => b.job));
        batch.forEach((b, i) => {
          const r = results[i]!;
          if (r.ok) b.resolve(r.value);
          else b.reject(r.error);
        });
      } catch (e) {
        for (const b of batch) b.reject(e);
      }
    }
    this.running = false;
  }
}
