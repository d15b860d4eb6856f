import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChannelHealth } from '../core/connectors';
import type { RelayChannelConfig } from './config';
import { bearer, sendError, sendJson } from './http';
import type { AddressCheck } from './office-ranges';
import type { RelayOutbox } from './outbox';
import type { RelayQueue } from './queue';
import type { RelayStats } from './stats';

export interface HealthDeps {
  channels: readonly RelayChannelConfig[];
  channelHealth: () => ChannelHealth[];
  queue: RelayQueue;
  outbox: RelayOutbox;
  stats: RelayStats;
  enrolled: number;
  startedAt: number;
  now: () => number;
  version: string;
}

/** Consoles that polled in the last minute count as connected. */
const CONNECTED_MS = 60_000;
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** What IT monitoring sees: queue depth, per-channel state and counters, consoles connected. No customer data. */
export function healthSnapshot(d: HealthDeps) {
  const now = d.now();
  const { depth, quarantined, oldestAt } = d.queue.stats();
  const runtime = new Map(d.channelHealth().map((h) => [h.channelId, h]));
  const channels = d.channels.map((c) => {
    const h = runtime.get(c.id);
    const n = d.stats.of(c.id);
    return {
      id: c.id,
      kind: c.kind,
      state: h?.state ?? 'stopped',
      summary: h?.summary ?? 'Not running.',
      lastWebhookAt: iso(n.lastWebhookAt),
      lastPollAt: c.kind === 'telegram' ? iso(h?.lastSuccessAt ?? null) : null,
      lastInboundAt: iso(h?.lastInboundAt ?? null),
      queued: depth.get(c.id) ?? 0,
      quarantined: quarantined.get(c.id) ?? 0,
      webhooks: { accepted: n.accepted, duplicates: n.duplicates, ignored: n.ignored, refused: n.refused },
    };
  });
  const bad = channels.some((c) => c.state !== 'connected' && c.state !== 'starting');
  return {
    status: bad ? 'degraded' : 'ok',
    version: d.version,
    uptimeSeconds: Math.round((now - d.startedAt) / 1000),
    queue: {
      depth: [...depth.values()].reduce((a, b) => a + b, 0),
      oldestAgeSeconds: oldestAt === null ? null : Math.round((now - oldestAt) / 1000),
      quarantined: [...quarantined.values()].reduce((a, b) => a + b, 0),
      repliesPending: d.outbox.pending(),
    },
    consoles: { enrolled: d.enrolled, connected: d.queue.consolesSeenSince(now - CONNECTED_MS) },
    channels,
  };
}

export type HealthSnapshot = ReturnType<typeof healthSnapshot>;

/** `GET /healthz`: from the health ranges only, with the health token when one is required. */
export function healthHandler(d: HealthDeps, inRange: AddressCheck, token: string | null) {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET') return sendError(res, 405, 'method_not_allowed', 'GET only.');
    if (!inRange(req.socket.remoteAddress)) return sendError(res, 403, 'outside_range', 'This address may not read the relay health.');
    if (token !== null && !sameSecret(bearer(req) ?? '', token)) return sendError(res, 401, 'token_required', 'Send the health token as a Bearer token.');
    sendJson(res, 200, healthSnapshot(d));
  };
}

function sameSecret(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a).digest();
  const hb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}
