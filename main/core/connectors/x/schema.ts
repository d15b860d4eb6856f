import { z } from 'zod';

export const xSecrets = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  clientId: z.string().min(1),
  clientSecret: z.string().optional(),
  /**
   * Epoch ms when the access token expires. The console's channel form asks only for the tokens, so a pair saved there
   * has none: it counts as expired, and the first call refreshes it (which also learns the real expiry).
   */
  expiresAt: z.number().default(0),
});
export type XSecrets = z.infer<typeof xSecrets>;

export const dmEvent = z.object({
  id: z.string().regex(/^\d+$/),
  event_type: z.string(),
  text: z.string().optional(),
  sender_id: z.string().optional(),
  dm_conversation_id: z.string().optional(),
  created_at: z.string().optional(),
  attachments: z.object({ media_keys: z.array(z.string()).optional() }).optional(),
  participant_ids: z.array(z.string()).optional(),
});
export type DmEvent = z.infer<typeof dmEvent>;
export const xMedia = z.object({
  media_key: z.string(),
  type: z.string().optional(),
  url: z.string().optional(),
  preview_image_url: z.string().optional(),
});
export type XMedia = z.infer<typeof xMedia>;

const problem = z.object({ title: z.string().optional(), detail: z.string().optional(), message: z.string().optional(), code: z.number().optional() });

/** Each event is checked on its own: one malformed event must not hide the others. */
export const dmEventsPage = z.object({
  data: z.array(z.unknown()).optional(),
  includes: z
    .object({
      users: z.array(z.object({ id: z.string(), name: z.string().optional(), username: z.string().optional() })).optional(),
      media: z.array(z.unknown()).optional(),
    })
    .optional(),
  meta: z.object({ result_count: z.number().optional(), next_token: z.string().optional() }).optional(),
  errors: z.array(problem).optional(),
});

export const xProblem = z.object({
  title: z.string().optional(),
  detail: z.string().optional(),
  status: z.number().optional(),
  errors: z.array(problem).optional(),
});

export const sendResult = z.object({ data: z.object({ dm_conversation_id: z.string(), dm_event_id: z.string() }) });
export const meResult = z.object({ data: z.object({ id: z.string(), username: z.string().optional() }) });

export const tokenResult = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number(),
});
