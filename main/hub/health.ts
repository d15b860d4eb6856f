import type { RelayChannelState } from './store/relay-queue';
import type { WebhookCounts } from './webhook-stats';

/** What a hub node's `/health` answers (and `metrics.ts` renders for Prometheus). */
export interface HubHealth {
  ok: boolean;
  node: string;
  /** What is wrong, in words; empty when healthy. */
  problems: string[];
  database: 'ok' | 'unreachable';
  consoles: number;
  channels: string[];
  eventSeq: number;
  /**
   * What is wrong with channels' webhooks, in words. Kept out of `problems` and `ok` on purpose: anyone on the internet
   * can post a badly signed webhook, and that must not make load balancers take healthy nodes out.
   */
  webhookProblems: string[];
  /** Webhooks this node took since it started, per channel: counts and the last time, never content. */
  webhooks: Record<string, WebhookCounts>;
  /**
   * What is wrong with the queues of channels relayed to desks, in words (a desk that does not collect, events erased
   * unread). Kept out of `problems` and `ok` like webhook problems: one desk switched off must not take every node out
   * of the load balancer.
   */
  relayProblems: string[];
  /** Each relayed channel (from the database, so every node says the same): last webhook, and per desk what waits. Times in ms since 1970. */
  relay: RelayChannelState[];
}
