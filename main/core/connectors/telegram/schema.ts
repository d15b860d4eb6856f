import { z } from 'zod';

const user = z.object({
  id: z.number(),
  is_bot: z.boolean().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
});
export type TelegramUser = z.infer<typeof user>;

const chat = z.object({
  id: z.number(),
  type: z.string(),
  title: z.string().optional(),
  username: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  is_forum: z.boolean().optional(),
});
export type TelegramChat = z.infer<typeof chat>;

const photoSize = z.object({ file_id: z.string(), file_unique_id: z.string().optional(), file_size: z.number().optional() });
const file = photoSize.extend({ file_name: z.string().optional(), mime_type: z.string().optional() });
const location = z.object({ latitude: z.number(), longitude: z.number(), live_period: z.number().optional() });

const forwardOrigin = z.object({
  type: z.string(),
  sender_user: user.optional(),
  sender_user_name: z.string().optional(),
  sender_chat: chat.optional(),
  chat: chat.optional(),
  author_signature: z.string().optional(),
});

/** Fields of a message Diwan reads; anything else is kept (passthrough) so an unknown kind can be named. */
const messageFields = {
  message_id: z.number(),
  date: z.number(),
  edit_date: z.number().optional(),
  chat,
  from: user.optional(),
  sender_chat: chat.optional(),
  message_thread_id: z.number().optional(),
  is_topic_message: z.boolean().optional(),
  business_connection_id: z.string().optional(),
  forward_origin: forwardOrigin.optional(),
  forward_from: user.optional(),
  forward_sender_name: z.string().optional(),
  quote: z.object({ text: z.string() }).optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z.array(photoSize).optional(),
  document: file.optional(),
  voice: file.optional(),
  audio: file.optional(),
  video: file.optional(),
  video_note: file.optional(),
  animation: file.optional(),
  sticker: photoSize.extend({ emoji: z.string().optional() }).optional(),
  contact: z
    .object({ phone_number: z.string(), first_name: z.string().optional(), last_name: z.string().optional(), user_id: z.number().optional() })
    .optional(),
  location: location.optional(),
  venue: z.object({ location, title: z.string().optional(), address: z.string().optional() }).optional(),
  poll: z.object({ question: z.string(), options: z.array(z.object({ text: z.string() })) }).optional(),
  dice: z.object({ emoji: z.string(), value: z.number() }).optional(),
  new_chat_members: z.array(user).optional(),
  left_chat_member: user.optional(),
  new_chat_title: z.string().optional(),
  migrate_to_chat_id: z.number().optional(),
  migrate_from_chat_id: z.number().optional(),
  forum_topic_created: z.object({ name: z.string().optional() }).passthrough().optional(),
  forum_topic_edited: z.object({ name: z.string().optional() }).passthrough().optional(),
};

const repliedMessage = z.object(messageFields).passthrough();

export const telegramMessage = z
  .object({
    ...messageFields,
    reply_to_message: repliedMessage.optional(),
    pinned_message: z.object({ message_id: z.number(), text: z.string().optional(), caption: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();
export type TelegramMessage = z.infer<typeof telegramMessage>;

const memberStatus = z.object({ status: z.string(), user: user.optional() });

export const telegramUpdate = z
  .object({
    update_id: z.number(),
    message: telegramMessage.optional(),
    edited_message: telegramMessage.optional(),
    business_message: telegramMessage.optional(),
    edited_business_message: telegramMessage.optional(),
    deleted_business_messages: z.object({ business_connection_id: z.string(), chat, message_ids: z.array(z.number()) }).optional(),
    callback_query: z
      .object({ id: z.string(), from: user, data: z.string().optional(), game_short_name: z.string().optional(), message: telegramMessage.optional() })
      .optional(),
    my_chat_member: z.object({ chat, from: user, date: z.number(), old_chat_member: memberStatus, new_chat_member: memberStatus }).optional(),
    message_reaction: z
      .object({
        chat,
        message_id: z.number(),
        user: user.optional(),
        actor_chat: chat.optional(),
        date: z.number(),
        old_reaction: z.array(z.object({ type: z.string(), emoji: z.string().optional(), custom_emoji_id: z.string().optional() })),
        new_reaction: z.array(z.object({ type: z.string(), emoji: z.string().optional(), custom_emoji_id: z.string().optional() })),
      })
      .optional(),
  })
  .passthrough();
export type TelegramUpdate = z.infer<typeof telegramUpdate>;

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

/** `getFile`: where the file may be downloaded from (`file_path`), valid for at least an hour. */
export const fileResult = z.object({ ok: z.literal(true), result: z.object({ file_id: z.string(), file_size: z.number().optional(), file_path: z.string().optional() }) });
