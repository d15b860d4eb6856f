import type { HubHealth } from './node';

/** Counters in Prometheus' text format (no customer data, no user names). */
export class HubMetrics {
  requests = 0;
  refused = 0;
  streamsOpened = 0;
  streamsClosed = 0;

  render(h: HubHealth, rss: number): string {
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
    return `${lines.join('\n')}\n`;
  }
}
