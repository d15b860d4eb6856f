/**
 * The channel kinds a hub runs: those whose secret is a token (`<id>.token`, see secrets.ts, TOKEN_FIELD), and X,
 * whose `<id>.token` is the JSON of its OAuth secrets. WhatsApp, Messenger, Instagram and X also take webhooks.
 */
export const CHANNEL_KINDS_FOR_HUB = ['telegram', 'whatsapp', 'messenger', 'instagram', 'x'] as const;
export type HubChannelKind = (typeof CHANNEL_KINDS_FOR_HUB)[number];
