/** The channel kinds a hub runs today: those whose one secret is a token (see relay/secrets.ts, TOKEN_FIELD). */
export const CHANNEL_KINDS_FOR_HUB = ['telegram', 'whatsapp', 'messenger', 'instagram'] as const;
