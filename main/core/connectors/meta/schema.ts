import { z } from 'zod';

const party = z.object({ id: z.string(), name: z.string().optional(), username: z.string().optional() });
const paging = z.object({ next: z.string().optional() }).optional();

/** A message attachment as the Conversations API lists it, and as `GET /{attachment-id}` answers. */
export const attachmentNode = z.object({
  id: z.string().optional(),
  mime_type: z.string().optional(),
  name: z.string().optional(),
  size: z.number().optional(),
  file_url: z.string().optional(),
  image_data: z.object({ url: z.string().optional() }).optional(),
  video_data: z.object({ url: z.string().optional() }).optional(),
});

export const graphMessage = z.object({
  id: z.string(),
  created_time: z.string(),
  from: party.optional(),
  message: z.string().optional(),
  attachments: z
    .object({
      data: z.array(attachmentNode),
    })
    .optional(),
  shares: z.object({ data: z.array(z.object({ link: z.string().optional(), name: z.string().optional() })) }).optional(),
  sticker: z.string().optional(),
});
export type GraphMessage = z.infer<typeof graphMessage>;

export const messagesPage = z.object({ data: z.array(graphMessage), paging });

export const conversationsPage = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      updated_time: z.string(),
      participants: z.object({ data: z.array(party) }).optional(),
      messages: messagesPage.optional(),
    }),
  ),
  paging,
});

export const instagramAccount = z.object({ instagram_business_account: z.object({ id: z.string() }).optional() });

export const sendResult = z.object({ recipient_id: z.string().optional(), message_id: z.string() });

export const metaSecrets = z.object({ pageAccessToken: z.string().min(1) });
export type ConversationsPage = z.infer<typeof conversationsPage>;
