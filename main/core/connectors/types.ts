import type { ThreadControlAction } from '../shared/vocabulary';
import type { InboundMessage, OutboundItem } from '../shared/messages';

/** Every kind of channel Diwan speaks. One folder per kind family in `main/core/connectors/`, one registry line each. */
import type { ChannelKind } from '../shared/vocabulary';

export type { ChannelKind };

/** Non-secret configuration of one channel (the store's channels table holds it); secrets live in the vault. */
export interface ChannelConfig {
  id: string;
  kind: ChannelKind;
  /** Platform API root, e.g. `https://api.telegram.org`; tests point it at an emulator. */
  baseUrl?: string;
  /** Pause between polls when a poll brought nothing more (long-polling channels use 0). */
  pollIntervalMs?: number;
  /** Requests per second and burst for this channel's token bucket. */
  rateLimit?: { perSecond: number; burst: number };
  /** Alert when no inbound message arrived for this long (unset: never). */
  quietAlertMs?: number;
  /** Kind-specific settings (page id, phone number id, user id, graph version…), validated by the connector. */
  settings?: Record<string, string | number | boolean>;
}

/** What one pull brought: messages to store (with the cursor, in one transaction) and delivery receipts. */
export interface PullBatch {
  messages: InboundMessage[];
  /** The cursor to save with the batch; `undefined` keeps the stored one. */
  cursor?: string | null;
  deliveries?: DeliveryReceipt[];
  /** Read and delivery marks that cover every earlier reply in a conversation (Messenger's `watermark`). */
  watermarks?: WatermarkReceipt[];
  /** True when the platform has more right now: the runtime pulls again without waiting. */
  more?: boolean;
  /** Something worth telling the user although the pull succeeded (a partial error, a skipped malformed item). */
  note?: string;
}

export interface DeliveryReceipt {
  platformMessageId: string;
  state: 'delivered' | 'read' | 'failed';
  reason?: string;
}

/** Every reply in the conversation sent at or before `upTo` (ms) has reached this state. */
export interface WatermarkReceipt {
  platformConversationId: string;
  state: 'delivered' | 'read';
  upTo: number;
}

export interface SendResult {
  platformMessageId: string;
  at: number;
}

/**
 * One channel. Inbound is either pulled from the platform (`pull`) or pushed by the relay (`acceptPush`);
 * a connector has at least one of them. Failures are thrown as `ConnectorError`s; the runtime decides what they mean
 * for health, waiting and the outbox.
 */
export interface Connector {
  readonly channelId: string;
  readonly kind: ChannelKind;
  /** The pause between polls this platform wants when the configuration does not say (0 for long polling). */
  readonly pollIntervalMs?: number;
  /** Loads secrets and checks what must be checked before the first pull or send. */
  start(signal: AbortSignal): Promise<void>;
  stop(): Promise<void>;
  pull?(cursor: string | null, signal: AbortSignal): Promise<PullBatch>;
  /** A payload forwarded by the relay (already signature-checked there), turned into a batch. */
  acceptPush?(payload: unknown): PullBatch;
  send(item: OutboundItem, signal: AbortSignal): Promise<SendResult>;
  /**
   * After `start`: asks the platform whether the stored credentials work, reading and sending no message (the
   * administrator's "Test"). Throws a `ConnectorError` saying what is wrong. A channel without credentials leaves it out.
   */
  checkCredentials?(signal: AbortSignal): Promise<void>;
  /** An attachment's bytes by its `platformFileId`, fetched when someone opens it (channels that keep files remote). */
  fetchAttachment?(platformFileId: string, signal: AbortSignal): Promise<AttachmentContent>;
  /** Messenger / Instagram handover protocol: take, pass or ask for control of a customer's thread. */
  threadControl?(action: ThreadControlAction, platformConversationId: string, signal: AbortSignal): Promise<void>;
}

export { THREAD_CONTROL_ACTIONS, type ThreadControlAction } from '../shared/vocabulary';

export interface AttachmentContent {
  content: Buffer;
  mimeType?: string;
  fileName?: string;
}

/** A line for the log. Connectors pass only redacted text here, never message text or a secret. */
export interface LogLine {
  level: 'info' | 'warn' | 'error';
  channelId: string;
  event: string;
  detail?: string;
}

export type ConnectorLog = (line: LogLine) => void;

export const noLog: ConnectorLog = () => {};
