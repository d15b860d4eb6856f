import { DiwanError } from '../shared/errors';
import type { InboundMessage } from '../shared/messages';
import { parseMessagingWebhook } from './meta';
import { parseTelegramUpdates } from './telegram';
import type { ChannelConfig, DeliveryReceipt, PullBatch, WatermarkReceipt } from './types';
import { parseWhatsAppWebhook, statusesToReceipts, whatsAppNote } from './whatsapp';
import { parseAccountActivity, parseDmEvents } from './x';

export const PARSE_PLATFORMS = ['telegram', 'whatsapp', 'messenger', 'instagram', 'x'] as const;
export type ParsePlatform = (typeof PARSE_PLATFORMS)[number];

/** What one raw payload turns into, as the runtime would hand it to the store: nothing is written anywhere. */
export type ParsedItem =
  | { type: 'message'; message: InboundMessage }
  | { type: 'receipt'; receipt: DeliveryReceipt }
  | { type: 'watermark'; watermark: WatermarkReceipt }
  | { type: 'note'; note: string };

export interface ParseOptions {
  /** The business's own ids: Page and Instagram account (Meta), account id (X). */
  selfIds?: readonly string[];
  /** WhatsApp: only changes for this phone number id. */
  phoneNumberId?: string;
  now?: number;
}

/**
 * One raw platform payload — a Telegram update or `getUpdates` answer, a WhatsApp / Messenger / Instagram webhook
 * body, an X `dm_events` answer, single event or Account Activity webhook — through the same parser the connector uses.
 */
export function parseChannelPayload(platform: ParsePlatform, payload: unknown, opts: ParseOptions = {}): ParsedItem[] {
  const now = opts.now ?? Date.now();
  const items: ParsedItem[] = [];
  const add = (messages: InboundMessage[], note?: string, receipts: DeliveryReceipt[] = [], watermarks: WatermarkReceipt[] = []) => {
    for (const message of messages) items.push({ type: 'message', message });
    for (const receipt of receipts) items.push({ type: 'receipt', receipt });
    for (const watermark of watermarks) items.push({ type: 'watermark', watermark });
    if (note) items.push({ type: 'note', note });
  };
  switch (platform) {
    case 'telegram': {
      const result = Array.isArray(payload) ? payload : isObject(payload) && Array.isArray(payload.result) ? payload.result : [payload];
      const r = parseTelegramUpdates(result, now);
      add(r.messages, r.note);
      break;
    }
    case 'whatsapp': {
      const w = parseWhatsAppWebhook(payload, opts.phoneNumberId);
      add(w.messages, whatsAppNote(w), statusesToReceipts(w.statuses));
      break;
    }
    case 'messenger':
    case 'instagram': {
      const b = parseMessagingWebhook(payload, new Set(opts.selfIds ?? []));
      add(b.messages, b.note, b.deliveries, b.watermarks);
      break;
    }
    case 'x': {
      if (isObject(payload) && 'for_user_id' in payload) {
        const b = parseAccountActivity(payload, now);
        add(b.messages, b.note, b.deliveries);
        break;
      }
      const self = opts.selfIds?.[0];
      if (!self) throw new DiwanError('parse_needs_account', 'X events need the business\'s own account id (--account ID) to tell replies from customers.');
      const body = isObject(payload) && 'event_type' in payload ? { data: [payload] } : payload;
      const r = parseDmEvents(body, self, now);
      add(r.messages, r.note);
      break;
    }
  }
  return items;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * A webhook delivery for a channel, as the batch its connector's `acceptPush` makes — through the same parsers, with
 * the channel's own ids from its settings (WhatsApp `phoneNumberId`; Messenger/Instagram `pageId` and `accountId`).
 * For a service that takes webhooks for channels it does not itself run (any hub node, whichever holds the lease).
 */
export function webhookBatch(channel: Pick<ChannelConfig, 'kind' | 'settings'>, payload: unknown, now: number): PullBatch {
  const kind = channel.kind;
  if (kind !== 'whatsapp' && kind !== 'messenger' && kind !== 'instagram' && kind !== 'x') {
    throw new DiwanError('channel_not_push', `A ${kind} channel does not take webhooks.`);
  }
  const s = channel.settings ?? {};
  const selfIds = [s.pageId, s.accountId].filter((v) => v !== undefined && v !== null && v !== '').map(String);
  const items = parseChannelPayload(kind, payload, { selfIds, ...(s.phoneNumberId !== undefined ? { phoneNumberId: String(s.phoneNumberId) } : {}), now });
  const batch: Required<Pick<PullBatch, 'messages' | 'deliveries' | 'watermarks'>> = { messages: [], deliveries: [], watermarks: [] };
  const notes: string[] = [];
  for (const item of items) {
    if (item.type === 'message') batch.messages.push(item.message);
    else if (item.type === 'receipt') batch.deliveries.push(item.receipt);
    else if (item.type === 'watermark') batch.watermarks.push(item.watermark);
    else notes.push(item.note);
  }
  return { ...batch, ...(notes.length ? { note: notes.join(' ') } : {}) };
}

