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
}
