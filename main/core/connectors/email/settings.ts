import { z } from 'zod';
import { resolveGuardPolicy, type GuardPolicy } from '../../guard';
import { numberSetting, requireSetting, type ConnectorContext } from '../context';
import { ConnectorError } from '../errors';

export type Security = 'tls' | 'starttls' | 'plain';

/** The mailbox and the mail servers of one e-mail channel (non-secret settings, from the channel's configuration). */
export interface MailSettings {
  /** The support address: replies go out from it, mail from it is the team's own. */
  address: string;
  imap: { host: string; port: number; security: Security };
  smtp: { host: string; port: number; security: Security };
  mailbox: string;
  /** Larger messages are not downloaded: a visible note stands in for them (default 25 MB). */
  maxMessageBytes: number;
  /** Attachments larger than this are listed but never fetched on demand (default 20 MB). */
  maxAttachmentBytes: number;
  /** Messages per pull, and the download budget per pull. */
  batchSize: number;
  batchBytes: number;
  /** How long one IDLE lasts before it is renewed (RFC 2177 asks for less than 29 minutes; default 4 min). */
  idleMs: number;
  /** Without IDLE on the server: the pause between two looks at the mailbox (default 60 s). */
  pollMs: number;
  /** The receiving server's authserv-id: only its `Authentication-Results` are trusted (unset: the topmost). */
  authservId?: string;
  /** For the sender checks: the company's domains (the support address's domain is always one) and brand words. */
  guardPolicy: GuardPolicy;
  timeouts: { connectMs: number; socketMs: number };
}

/** OAuth2 for XOAUTH2: a refresh token Diwan exchanges at the provider's token endpoint (and saves what it gets back). */
export const OAuthSecrets = z.object({
  username: z.string().min(1),
  refreshToken: z.string().min(1),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1).optional(),
  tokenUrl: z.string().url(),
  accessToken: z.string().min(1).optional(),
  expiresAt: z.number().optional(),
});
export type OAuthSecrets = z.infer<typeof OAuthSecrets>;

/**
 * Credentials in the keychain (`channel:<id>`): a password, an OAuth2 refresh token (refreshed here), or a bare
 * OAuth2 access token someone else keeps fresh.
 */
export const MailSecrets = z.union([
  z.object({ username: z.string().min(1), password: z.string().min(1) }),
  OAuthSecrets,
  z.object({ username: z.string().min(1), accessToken: z.string().min(1) }),
]);
export type MailSecrets = z.infer<typeof MailSecrets>;

/** What IMAP and SMTP log in with. */
export type MailLogin = { user: string; pass: string } | { user: string; accessToken: string };

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host);
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function mailSettings(ctx: ConnectorContext): MailSettings {
  const address = requireSetting(ctx, 'address').trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
    throw new ConnectorError('rejected', `The channel's "address" setting (${address.slice(0, 80)}) is not an e-mail address.`, { retryable: false });
  }
  const imapHost = requireSetting(ctx, 'imapHost');
  const smtpHost = String(ctx.config.settings?.smtpHost ?? imapHost);
  const imapSecurity = security(ctx, 'imapSecurity', imapHost);
  const smtpSecurity = security(ctx, 'smtpSecurity', smtpHost);
  const list = (name: string) =>
    String(ctx.config.settings?.[name] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return {
    address,
    imap: { host: imapHost, port: numberSetting(ctx, 'imapPort', imapSecurity === 'tls' ? 993 : 143), security: imapSecurity },
    smtp: { host: smtpHost, port: numberSetting(ctx, 'smtpPort', smtpSecurity === 'tls' ? 465 : 587), security: smtpSecurity },
    mailbox: String(ctx.config.settings?.mailbox ?? 'INBOX'),
    maxMessageBytes: numberSetting(ctx, 'maxMessageBytes', 25 * 1024 * 1024),
    maxAttachmentBytes: numberSetting(ctx, 'maxAttachmentBytes', 20 * 1024 * 1024),
    batchSize: Math.max(1, Math.min(1000, numberSetting(ctx, 'batchSize', 200))),
    batchBytes: numberSetting(ctx, 'batchBytes', 32 * 1024 * 1024),
    // Renewed within the runtime's 5-minute silence check, which counts each renewal as a successful pull.
    idleMs: Math.min(Math.max(numberSetting(ctx, 'idleMs', 4 * 60_000), 1_000), 4.5 * 60_000),
    pollMs: ctx.config.pollIntervalMs ?? 60_000,
    ...(ctx.config.settings?.authservId ? { authservId: String(ctx.config.settings.authservId) } : {}),
    guardPolicy: resolveGuardPolicy({
      companyDomains: [...new Set([address.split('@')[1]!, ...list('companyDomains')])],
      brandNames: list('brandNames'),
    }),
    timeouts: { connectMs: numberSetting(ctx, 'connectTimeoutMs', 15_000), socketMs: numberSetting(ctx, 'socketTimeoutMs', 5 * 60_000) },
  };
}

/** TLS unless told otherwise; plain text only to a server on this machine, so a password never crosses a network bare. */
function security(ctx: ConnectorContext, name: string, host: string): Security {
  const v = String(ctx.config.settings?.[name] ?? 'tls');
  if (v !== 'tls' && v !== 'starttls' && v !== 'plain') {
    throw new ConnectorError('rejected', `The channel's "${name}" setting must be tls, starttls or plain.`, { retryable: false });
  }
  if (v === 'plain' && !LOOPBACK.has(host)) {
    throw new ConnectorError('rejected', `The channel's "${name}" is plain, which Diwan allows only for a mail server on this computer; use tls or starttls.`, {
      retryable: false,
    });
  }
  return v;
}
