import type { HubConfig } from './config';
import type { RelayChannelState, RelayDeskState } from './store/relay-queue';

type Bounds = Pick<NonNullable<HubConfig['relay']>, 'maxWaitingPerDesk' | 'warnAfterHours' | 'maxAgeDays'>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** "3 days", "5 hours", "under an hour": how long something has waited, as IT reads it. */
export function waitedFor(ms: number): string {
  if (ms >= 2 * DAY) return `${Math.floor(ms / DAY)} days`;
  if (ms >= DAY) return '1 day';
  if (ms >= 2 * HOUR) return `${Math.floor(ms / HOUR)} hours`;
  if (ms >= HOUR) return '1 hour';
  return 'under an hour';
}

const count = (n: number) => n.toLocaleString('en-US');
const deskName = (d: RelayDeskState) => (d.label ? `desk "${d.label}" (device ${d.device.slice(0, 12)}…)` : `device ${d.device.slice(0, 12)}…`);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * What is wrong with the relayed channels' queues, in words IT can act on: a desk that has not collected many events,
 * or for long; events the age limit erased unread since the desk last collected; a revoked or unknown device still
 * named in `relayTo`. The hub keeps accepting in every case: nothing is dropped for being over a bound.
 */
export function relayProblems(channels: readonly RelayChannelState[], bounds: Bounds, now: number): string[] {
  const out: string[] = [];
  for (const c of channels) {
    for (const d of c.desks) {
      if (!d.label) {
        out.push(`${capital(deskName(d))} in the relayTo of channel "${c.channelId}" is ${d.revoked ? 'revoked' : 'not enrolled'}: nothing is queued for it. Remove it from the channel's relayTo, or enrol it (diwan hub device enrol).`);
        continue;
      }
      const age = d.oldestAt === null ? 0 : now - d.oldestAt;
      if (d.waiting >= bounds.maxWaitingPerDesk || (d.waiting > 0 && age >= bounds.warnAfterHours * HOUR)) {
        out.push(
          `${capital(deskName(d))} has not collected ${count(d.waiting)} event${d.waiting === 1 ? '' : 's'} of channel "${c.channelId}" for ${waitedFor(age)}` +
            ` (${d.collectedAt === null ? 'it has never asked for them' : `it last asked ${waitedFor(now - d.collectedAt)} ago`}). ` +
            `Start Diwan on that desk, or remove it from the channel's relayTo; events older than ${bounds.maxAgeDays} days are erased unread.`,
        );
      }
      if (d.expired > 0 && d.expiredAt !== null && (d.collectedAt === null || d.expiredAt > d.collectedAt)) {
        out.push(
          `${count(d.expired)} event${d.expired === 1 ? '' : 's'} of channel "${c.channelId}" waited more than ${bounds.maxAgeDays} days for ${deskName(d)} and ${d.expired === 1 ? 'was' : 'were'} erased unread (the audit trail counts them, "relay.expired"); ` +
            'their customers got no answer through that desk.',
        );
      }
    }
  }
  return out;
}

/** The relayed channels' figures in Prometheus' text format (fingerprint prefixes, counts and times; no labels people typed). */
export function relayMetricLines(node: string, channels: readonly RelayChannelState[], now: number): string[] {
  const lines = [
    '# HELP diwan_hub_relay_events_waiting Events a relayed channel queued for a desk that it has not collected.',
    '# TYPE diwan_hub_relay_events_waiting gauge',
  ];
  const desk = (c: RelayChannelState, d: RelayDeskState) => `${node},channel="${c.channelId}",device="${d.device.slice(0, 16)}"`;
  for (const c of channels) for (const d of c.desks) lines.push(`diwan_hub_relay_events_waiting{${desk(c, d)}} ${d.waiting}`);
  lines.push('# HELP diwan_hub_relay_oldest_waiting_seconds How long the oldest event waiting for a desk has waited (0 when none).', '# TYPE diwan_hub_relay_oldest_waiting_seconds gauge');
  for (const c of channels) for (const d of c.desks) lines.push(`diwan_hub_relay_oldest_waiting_seconds{${desk(c, d)}} ${d.oldestAt === null ? 0 : Math.max(0, Math.round((now - d.oldestAt) / 1000))}`);
  lines.push('# HELP diwan_hub_relay_last_collected_timestamp_seconds When the desk last asked for its events (absent: never).', '# TYPE diwan_hub_relay_last_collected_timestamp_seconds gauge');
  for (const c of channels) for (const d of c.desks) if (d.collectedAt !== null) lines.push(`diwan_hub_relay_last_collected_timestamp_seconds{${desk(c, d)}} ${Math.round(d.collectedAt / 1000)}`);
  lines.push('# HELP diwan_hub_relay_events_expired_total Events erased unread for a desk after the age limit.', '# TYPE diwan_hub_relay_events_expired_total counter');
  for (const c of channels) for (const d of c.desks) lines.push(`diwan_hub_relay_events_expired_total{${desk(c, d)}} ${d.expired}`);
  lines.push('# HELP diwan_hub_relay_last_webhook_timestamp_seconds When the relayed channel last received a webhook (any node).', '# TYPE diwan_hub_relay_last_webhook_timestamp_seconds gauge');
  for (const c of channels) if (c.lastWebhookAt !== null) lines.push(`diwan_hub_relay_last_webhook_timestamp_seconds{${node},channel="${c.channelId}"} ${Math.round(c.lastWebhookAt / 1000)}`);
  return lines;
}

/** `diwan hub status`: one line per relayed channel and per desk. */
export function relayStatusLines(channels: readonly RelayChannelState[], now: number): string[] {
  const at = (t: number | null, never: string) => (t === null ? never : `${new Date(t).toISOString()} (${waitedFor(now - t)} ago)`);
  const out: string[] = [];
  for (const c of channels) {
    out.push(`relay ${c.channelId}: last webhook ${at(c.lastWebhookAt, 'never')}`);
    for (const d of c.desks) {
      out.push(
        `relay ${c.channelId} for ${d.label ? `desk "${d.label}"` : d.revoked ? 'a revoked device' : 'an unenrolled device'} ${d.device}: ${count(d.waiting)} waiting` +
          `${d.oldestAt === null ? '' : `, oldest ${at(d.oldestAt, '')}`}, last collected ${at(d.collectedAt, 'never')}${d.expired ? `, ${count(d.expired)} erased unread after the age limit` : ''}`,
      );
    }
  }
  return out;
}
