import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { HubHealth } from './health';
import { relayMetricLines } from './relay-health';

/** Where a stream's opening spends its time, as Prometheus summaries (sum and count in seconds). */
export type StreamPhase = 'tls' | 'request' | 'authenticate' | 'upgrade';

/** Counters in Prometheus' text format (no customer data, no user names). */
export class HubMetrics {
  requests = 0;
  refused = 0;
  streamsOpened = 0;
  streamsClosed = 0;
  /** TLS handshakes that resumed a session (tls-tickets.ts) instead of a full handshake. */
  tlsResumed = 0;
  /** Event frames sent to consoles, and acknowledgements read from them (a console sends one per STREAM_ACK_MS). */
  streamFrames = 0;
  streamAcks = 0;
  /** TCP accepted → TLS handshake done (every connection); TLS ready → its upgrade request read; bearer authentication; WebSocket handshake → stream started. */
  readonly streamOpen: Record<StreamPhase, { sum: number; count: number }> = {
    tls: { sum: 0, count: 0 },
    request: { sum: 0, count: 0 },
    authenticate: { sum: 0, count: 0 },
    upgrade: { sum: 0, count: 0 },
  };
  /** The node's cache of verified sessions (session-cache.ts), when it has one. */
  sessionCache: { readonly hits: number; readonly size: number } | null = null;
  /** How late the node's event loop runs timers: on a starved node every phase above waits this long, too. */
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 20 });

  constructor() {
    this.loopDelay.enable();
  }

  observe(phase: StreamPhase, ms: number): void {
    this.streamOpen[phase].sum += ms / 1000;
    this.streamOpen[phase].count++;
  }

  stop(): void {
    this.loopDelay.disable();
  }

  render(h: HubHealth, rss: number, now = Date.now()): string {
    const node = `node="${h.node}"`;
    const lines = [
      '# HELP diwan_hub_up 1 when the node is healthy.',
      '# TYPE diwan_hub_up gauge',
      `diwan_hub_up{${node}} ${h.ok ? 1 : 0}`,
      '# TYPE diwan_hub_database_up gauge',
      `diwan_hub_database_up{${node}} ${h.database === 'ok' ? 1 : 0}`,
      '# TYPE diwan_hub_consoles gauge',
      `diwan_hub_consoles{${node}} ${h.consoles}`,
      '# TYPE diwan_hub_channels_led gauge',
      `diwan_hub_channels_led{${node}} ${h.channels.length}`,
      '# TYPE diwan_hub_event_seq gauge',
      `diwan_hub_event_seq{${node}} ${h.eventSeq}`,
      '# TYPE diwan_hub_requests_total counter',
      `diwan_hub_requests_total{${node}} ${this.requests}`,
      '# TYPE diwan_hub_refused_outside_office_total counter',
      `diwan_hub_refused_outside_office_total{${node}} ${this.refused}`,
      '# TYPE diwan_hub_streams_opened_total counter',
      `diwan_hub_streams_opened_total{${node}} ${this.streamsOpened}`,
      '# TYPE diwan_hub_streams_closed_total counter',
      `diwan_hub_streams_closed_total{${node}} ${this.streamsClosed}`,
      '# TYPE diwan_hub_tls_resumed_total counter',
      `diwan_hub_tls_resumed_total{${node}} ${this.tlsResumed}`,
      '# TYPE diwan_hub_stream_frames_total counter',
      `diwan_hub_stream_frames_total{${node}} ${this.streamFrames}`,
      '# TYPE diwan_hub_stream_acks_total counter',
      `diwan_hub_stream_acks_total{${node}} ${this.streamAcks}`,
      '# HELP diwan_hub_stream_open_seconds Time a console stream spends opening, by phase.',
      '# TYPE diwan_hub_stream_open_seconds summary',
      ...Object.entries(this.streamOpen).flatMap(([phase, v]) => [
        `diwan_hub_stream_open_seconds_sum{${node},phase="${phase}"} ${v.sum.toFixed(3)}`,
        `diwan_hub_stream_open_seconds_count{${node},phase="${phase}"} ${v.count}`,
      ]),
      '# HELP diwan_hub_event_loop_delay_seconds Event-loop delay since the node started (p99 and max).',
      '# TYPE diwan_hub_event_loop_delay_seconds gauge',
      `diwan_hub_event_loop_delay_seconds{${node},quantile="0.99"} ${(this.loopDelay.percentile(99) / 1e9).toFixed(3)}`,
      `diwan_hub_event_loop_delay_seconds{${node},quantile="1"} ${(this.loopDelay.max / 1e9).toFixed(3)}`,
      ...(this.sessionCache
        ? [
            '# HELP diwan_hub_session_cache_hits_total Bearer authentications answered from the node\'s cache of verified sessions.',
            '# TYPE diwan_hub_session_cache_hits_total counter',
            `diwan_hub_session_cache_hits_total{${node}} ${this.sessionCache.hits}`,
            '# TYPE diwan_hub_session_cache_entries gauge',
            `diwan_hub_session_cache_entries{${node}} ${this.sessionCache.size}`,
          ]
        : []),
      '# TYPE diwan_hub_resident_bytes gauge',
      `diwan_hub_resident_bytes{${node}} ${rss}`,
    ];
    lines.push('# TYPE diwan_hub_webhooks_total counter');
    for (const [id, w] of Object.entries(h.webhooks)) {
      const ch = `${node},channel="${id}"`;
      lines.push(`diwan_hub_webhooks_total{${ch},outcome="accepted"} ${w.accepted}`, `diwan_hub_webhooks_total{${ch},outcome="ignored"} ${w.ignored}`);
      for (const [why, n] of Object.entries(w.refused)) lines.push(`diwan_hub_webhooks_total{${ch},outcome="refused",reason="${why}"} ${n}`);
    }
    lines.push('# TYPE diwan_hub_webhook_messages_quarantined_total counter');
    for (const [id, w] of Object.entries(h.webhooks)) lines.push(`diwan_hub_webhook_messages_quarantined_total{${node},channel="${id}"} ${w.quarantined}`);
    lines.push('# HELP diwan_hub_polled_messages_quarantined_total Messages this node polled that flood control held back.', '# TYPE diwan_hub_polled_messages_quarantined_total counter');
    for (const [id, w] of Object.entries(h.webhooks)) lines.push(`diwan_hub_polled_messages_quarantined_total{${node},channel="${id}"} ${w.polledHeld}`);
    lines.push(
      '# HELP diwan_hub_flood_collapsed_total Messages this node held as copies of one text from several new senders (near-duplicate collapse; webhook, relayed and polled).',
      '# TYPE diwan_hub_flood_collapsed_total counter',
    );
    for (const [id, w] of Object.entries(h.webhooks)) lines.push(`diwan_hub_flood_collapsed_total{${node},channel="${id}"} ${w.collapsed}`);
    lines.push('# HELP diwan_hub_relay_problems Problems with relayed channels\' queues (see /healthz relayProblems).', '# TYPE diwan_hub_relay_problems gauge', `diwan_hub_relay_problems{${node}} ${h.relayProblems.length}`);
    lines.push(...relayMetricLines(node, h.relay, now));
    return `${lines.join('\n')}\n`;
  }
}
