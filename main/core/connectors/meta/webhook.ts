import { z } from 'zod';
import type { InboundAttachment, InboundMessage } from '../../shared/messages';
import type { DeliveryReceipt, PullBatch } from '../types';

const attachment = z.object({ type: z.string(), payload: z.object({ url: z.string().optional() }).passthrough().nullish() });
const event = z.object({
  sender: z.object({ id: z.string() }),
  recipient: z.object({ id: z.string() }),
  timestamp: z.number(),
  message: z
    .object({ mid: z.string(), text: z.string().optional(), is_echo: z.boolean().optional(), attachments: z.array(attachment).optional() })
    .optional(),
  delivery: z.object({ mids: z.array(z.string()).optional() }).optional(),
});
const payloadShape = z.object({
  object: z.enum(['page', 'instagram']),
  entry: z.array(z.object({ id: z.string(), messaging: z.array(z.unknown()).optional() })),
});

const KINDS: Record<string, InboundAttachment['kind']> = { image: 'photo', video: 'video', audio: 'audio', file: 'document', sticker: 'sticker' };

/**
 * A Messenger (`object: "page"`) or Instagram (`object: "instagram"`) webhook body, already signature-checked by the
 * relay: every entry and every messaging item. Echoes (`is_echo`) are the business's own messages (`out`), keyed by
 * the customer; delivery events become receipts. Items that do not parse are counted, not fatal.
 */
export function parseMessagingWebhook(payload: unknown, selfIds: ReadonlySet<string>): PullBatch {
  const p = payloadShape.safeParse(payload);
  if (!p.success) return { messages: [], note: 'A relayed Meta webhook was not a Messenger or Instagram payload and was ignored.' };
  const messages: InboundMessage[] = [];
  const deliveries: DeliveryReceipt[] = [];
  let skipped = 0;
  for (const entry of p.data.entry) {
    for (const raw of entry.messaging ?? []) {
      const e = event.safeParse(raw);
      if (!e.success) {
        skipped++;
        continue;
      }
      const { sender, recipient, timestamp, message, delivery } = e.data;
      for (const mid of delivery?.mids ?? []) deliveries.push({ platformMessageId: mid, state: 'delivered' });
      if (!message) continue;
      const out = message.is_echo === true || selfIds.has(sender.id);
      const customer = out ? recipient.id : sender.id;
      const attachments = (message.attachments ?? []).map((a) => ({ kind: KINDS[a.type] ?? ('other' as const) }));
      messages.push({
        platformMessageId: message.mid,
        platformConversationId: customer,
        contact: { platformUserId: customer },
        direction: out ? 'out' : 'in',
        text: message.text ?? '',
        sentAt: timestamp,
        ...(attachments.length ? { attachments } : {}),
      });
    }
  }
  return { messages, deliveries, ...(skipped ? { note: `${skipped} relayed Meta event(s) could not be read.` } : {}) };
}
