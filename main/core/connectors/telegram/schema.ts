import { z } from 'zod';

const user = z.object({
  id: z.number(),
  is_bot: z.boolean().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
});

const chat = z.object({ id: z.number(), type: z.string(), title: z.string().optional() });

const photoSize = z.object({ file_id: z.string(), file_unique_id: z.string().optional(), file_size: z.number().optional() });
const file = photoSize.extend({ file_name: z.string().optional(), mime_type: z.string().optional() });

export const telegramMessage = z.object({
  message_id: z.number(),
  date: z.number(),
  edit_date: z.number().optional(),
  chat,
  from: user.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z.array(photoSize).optional(),
  document: file.optional(),
  voice: file.optional(),
  audio: file.optional(),
  video: file.optional(),
  sticker: photoSize.optional(),
});
export type TelegramMessage = z.infer<typeof telegramMessage>;

export const telegramUpdate = z.object({
  update_id: z.number(),
  message: telegramMessage.optional(),
  edited_message: telegramMessage.optional(),
});

/** `getUpdates` result before each update is checked on its own (one bad update must not block the others). */
export const updatesResult = z.object({ ok: z.literal(true), result: z.array(z.object({ update_id: z.number() }).passthrough()) });

export const sendResult = z.object({ ok: z.literal(true), result: telegramMessage });

export const telegramFailure = z.object({
  ok: z.literal(false),
  error_code: z.number().optional(),
  description: z.string().optional(),
  parameters: z.object({ retry_after: z.number().optional(), migrate_to_chat_id: z.number().optional() }).optional(),
});

export const telegramSecrets = z.object({ botToken: z.string().min(10) });
