/**
 * The channel kinds a hub runs: those whose secret is a token (`<id>.token`, see secrets.ts, TOKEN_FIELD), and X and
 * e-mail, whose `<id>.token` is the JSON of their secrets (X's OAuth secrets; the mailbox's user name with its password
 * or OAuth2 refresh token). WhatsApp, Messenger, Instagram and X also take webhooks.
 */
export const CHANNEL_KINDS_FOR_HUB = ['telegram', 'whatsapp', 'messenger', 'instagram', 'x', 'email'] as const;
export type HubChannelKind = (typeof CHANNEL_KINDS_FOR_HUB)[number];
