/** Webhook counters per channel on this node, for /healthz and /metrics: numbers and times only, never customer data. */
export interface ChannelCounters {
  lastWebhookAt: number | null;
  /** The last refusal's reason and time, so health can say what is wrong now (not what once was). */
  lastRefusal: { why: keyof ChannelCounters['refused']; at: number } | null;
  accepted: number;
  /** Messages over the flood limits, held in the quarantine table instead of reaching consoles. */
  quarantined: number;
  /** The same for messages this node's poller fetched (Telegram, e-mail, polled Messenger/Instagram/X). */
  polledHeld: number;
  /** Of the held ones (webhook, relayed or polled), copies of a campaign's text from several new senders. */
  collapsed: number;
  duplicates: number;
  ignored: number;
  refused: Record<'unsigned' | 'no_secret' | 'bad_signature' | 'too_large' | 'wrong_type' | 'malformed' | 'failed' | 'busy', number>;
}

export interface WebhookCounts {
  lastAt: string | null;
  accepted: number;
  duplicates: number;
  quarantined: number;
  polledHeld: number;
  collapsed: number;
  ignored: number;
  refused: Record<string, number>;
}

export class WebhookStats {
  private readonly channels = new Map<string, ChannelCounters>();

  of(channelId: string): ChannelCounters {
    let c = this.channels.get(channelId);
    if (!c) {
      c = { lastWebhookAt: null, lastRefusal: null, accepted: 0, quarantined: 0, polledHeld: 0, collapsed: 0, duplicates: 0, ignored: 0, refused: { unsigned: 0, no_secret: 0, bad_signature: 0, too_large: 0, wrong_type: 0, malformed: 0, failed: 0, busy: 0 } };
      this.channels.set(channelId, c);
    }
    return c;
  }

  /** Per channel, for /healthz and /metrics. */
  snapshot(): Record<string, WebhookCounts> {
    return Object.fromEntries(
      [...this.channels].map(([id, c]) => [
        id,
        { lastAt: c.lastWebhookAt === null ? null : new Date(c.lastWebhookAt).toISOString(), accepted: c.accepted, duplicates: c.duplicates, quarantined: c.quarantined, polledHeld: c.polledHeld, collapsed: c.collapsed, ignored: c.ignored, refused: { ...c.refused } },
      ]),
    );
  }

  /**
   * What is wrong with a channel's webhooks now, in words: its latest delivery was refused for a reason IT can fix
   * (a secret that does not match, the limits), with what to do. A later accepted delivery clears it.
   */
  problems(): string[] {
    const out: string[] = [];
    for (const [id, c] of this.channels) {
      const r = c.lastRefusal;
      if (!r || (c.lastWebhookAt !== null && c.lastWebhookAt > r.at)) continue;
      const advice = REFUSAL_WORDS[r.why];
      if (advice) out.push(`Webhooks for channel "${id}" are being refused: ${advice(id)}`);
    }
    return out;
  }
}

const REFUSAL_WORDS: Partial<Record<keyof ChannelCounters['refused'], (id: string) => string>> = {
  bad_signature: (id) =>
    `their signature does not match the secret this hub holds ("${id}.app-secret", or "${id}.consumer-secret" for X): set the one from the platform's app settings, unless someone else is posting forged webhooks.`,
  no_secret: (id) => `this hub has no secret to check their signature; set "${id}.app-secret" (or "${id}.consumer-secret" for X) with \`diwan hub secret set\` or as a systemd credential.`,
  unsigned: () => 'they arrive without a signature header; check that the reverse proxy passes X-Hub-Signature-256 / X-Twitter-Webhooks-Signature through.',
  too_large: () => 'they are larger than webhooks.maxBodyBytes allows.',
  failed: () => 'the hub could not store them (the database); the platform retries them.',
  busy: () => 'more arrive at once than webhooks.maxConcurrentBodies allows; the platform retries them.',
};
