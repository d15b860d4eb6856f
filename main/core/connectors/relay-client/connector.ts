import type { DeliveryReceipt } from '../types';
import type { InboundMessage, OutboundItem } from '../../shared/messages';
import type { ConnectorContext } from '../context';
import { ConnectorError } from '../errors';
import type { Connector, PullBatch, SendResult } from '../types';
import type { RelayLink } from './link';
import { eventsResponse, MAX_WAIT_SECONDS, RELAY_API, replyResponse, type ReplyResponse } from './protocol';

const PAGE = 200;
const RELAY_GONE = 'The IT policy no longer names a relay (relay.url and relay.pin), so this channel cannot reach it. Ask IT to add it back.';
/** Long waits for a reply being sent before the console lets the relay finish on its own and asks again later. */
const SENDING_CHECKS = 3;

/**
 * A channel whose messages come through the relay (WhatsApp and Meta webhooks, a Telegram bot shared by several
 * consoles). Pull: a long poll for the channel's events after the stored cursor (the relay's sequence number and which relay, saved
 * with each batch, so the console acknowledges exactly what it has stored; duplicates are dropped by the store).
 * Send: the reply goes to the relay, which holds the channel's token; idempotent by outbox id.
 */
export class RelayConnector implements Connector {
  readonly pollIntervalMs = 0;
  readonly channelId: string;
  readonly kind: ConnectorContext['config']['kind'];
  private readonly waitSeconds: number;
  private readonly path: string;
  private readonly currentLink: () => RelayLink | null;

  /** `link` may be a function: the relay the policy names now, so a changed policy takes effect at the next call. */
  constructor(
    ctx: ConnectorContext,
    link: RelayLink | (() => RelayLink | null),
    waitSeconds = 25,
  ) {
    this.currentLink = typeof link === 'function' ? link : () => link;
    this.channelId = ctx.config.id;
    this.kind = ctx.config.kind;
    this.waitSeconds = Math.min(MAX_WAIT_SECONDS, Math.max(0, waitSeconds));
    this.path = `${RELAY_API}/channels/${encodeURIComponent(this.channelId)}`;
  }

  async start(signal: AbortSignal): Promise<void> {
    await this.link.ensureSession(signal);
  }

  async stop(): Promise<void> {}

  private get link(): RelayLink {
    const l = this.currentLink();
    if (!l) throw new ConnectorError('network', RELAY_GONE, { sent: 'no', retryable: true });
    return l;
  }

  /**
   * The cursor is `<seq>@<relay id>`: after the policy names another relay, its events are read from the start (the
   * store drops what it already has) instead of skipping those numbered below the old relay's cursor. A bare `<seq>`
   * (an earlier release's) counts for the current relay.
   */
  async pull(cursor: string | null, signal: AbortSignal): Promise<PullBatch> {
    const link = this.link;
    const m = cursor ? /^(\d+)(?:@([0-9a-f]+))?$/.exec(cursor) : null;
    const after = m && (m[2] === undefined || m[2] === link.relayId) ? Number(m[1]) : 0;
    const reply = await link.call('GET', `${this.path}/events?after=${after}&wait=${this.waitSeconds}&limit=${PAGE}`, {
      signal,
      waitMs: this.waitSeconds * 1000,
    });
    const { events, more } = link.expect(reply, eventsResponse);
    const messages: InboundMessage[] = [];
    const deliveries: DeliveryReceipt[] = [];
    let last = after;
    for (const e of events) {
      last = Math.max(last, e.seq);
      if (e.kind === 'message') messages.push(e.message);
      else deliveries.push(e.receipt);
    }
    return { messages, deliveries, cursor: events.length ? `${last}@${link.relayId}` : cursor, more };
  }

  async send(item: OutboundItem, signal: AbortSignal): Promise<SendResult> {
    const body = {
      outboxId: item.outboxId,
      platformConversationId: item.platformConversationId,
      text: item.text,
      ...(item.options ? { options: item.options } : {}),
    };
    let r = this.link.expect(await this.link.call('POST', `${this.path}/replies?wait=10`, { json: body, signal, waitMs: 10_000 }), replyResponse);
    for (let i = 0; i < SENDING_CHECKS && r.state === 'sending'; i++) {
      const reply = await this.link.call('GET', `${this.path}/replies/${encodeURIComponent(item.outboxId)}?wait=${this.waitSeconds}`, {
        signal,
        waitMs: this.waitSeconds * 1000,
      });
      r = this.link.expect(reply, replyResponse);
    }
    return outcome(r);
  }
}

/** The relay's answer as the console's runtime understands it. */
function outcome(r: ReplyResponse): SendResult {
  switch (r.state) {
    case 'sent':
      return { platformMessageId: r.platformMessageId ?? '', at: r.at ?? Date.now() };
    case 'failed':
      throw new ConnectorError('rejected', r.reason ?? 'The platform refused the reply.', { retryable: false });
    case 'unknown':
      throw new ConnectorError('network', r.reason ?? 'The relay does not know whether the reply reached the customer.', { sent: 'maybe', retryable: false });
    default: {
      // Still waiting at the relay (platform throttling, a retry later): ask again without using up an attempt.
      const wait = r.retryAt ? Math.max(1_000, r.retryAt - Date.now()) : 5_000;
      throw new ConnectorError('rate-limited', 'The relay is still sending this reply.', { retryAfterMs: wait });
    }
  }
}
