import { z } from 'zod';
import { channelHttp, saveChannelSecrets, type ConnectorContext } from '../context';
import { ConnectorError } from '../errors';
import type { HttpClient } from '../http/client';
import { isLoopback, type MailLogin, type MailSecrets, type OAuthSecrets } from './settings';

/** Refresh this long before the access token expires. */
const MARGIN_MS = 5 * 60_000;

const tokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().positive().optional(), refresh_token: z.string().min(1).optional() });

/**
 * The mailbox login: a password as is; an OAuth2 refresh token exchanged for an access token when there is none or
 * it is about to expire (RFC 6749 §6), the new pair saved to the keychain before it is used. Refreshes are serialised,
 * since providers may rotate the refresh token.
 */
export class MailCredentials {
  private http: HttpClient | null = null;
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly ctx: ConnectorContext,
    private secret: MailSecrets,
  ) {
    if ('refreshToken' in secret) {
      const url = new URL(secret.tokenUrl);
      if (url.protocol !== 'https:' && !isLoopback(url.hostname)) {
        throw new ConnectorError('rejected', 'The OAuth token address must use https.', { retryable: false });
      }
    }
  }

  get refreshable(): boolean {
    return 'refreshToken' in this.secret;
  }

  /** Every secret value, for redaction. */
  values(): string[] {
    const s = this.secret as Record<string, unknown>;
    return ['password', 'refreshToken', 'clientSecret', 'accessToken'].map((k) => s[k]).filter((v): v is string => typeof v === 'string');
  }

  /** The login to use now, refreshing first when the access token is missing or about to expire. */
  async login(signal?: AbortSignal): Promise<MailLogin> {
    const s = this.secret;
    if ('password' in s) return { user: s.username, pass: s.password };
    if ('refreshToken' in s && (!s.accessToken || (s.expiresAt ?? 0) - this.ctx.clock.now() < MARGIN_MS)) await this.refresh(signal);
    const now = this.secret as OAuthSecrets | { username: string; accessToken: string };
    return { user: now.username, accessToken: now.accessToken! };
  }

  /** The server refused the access token: the next `login` fetches a new one. */
  expire(): void {
    if ('refreshToken' in this.secret) this.secret = { ...this.secret, expiresAt: 0 };
  }

  private refresh(signal?: AbortSignal): Promise<void> {
    this.refreshing ??= this.doRefresh(signal).finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async doRefresh(signal?: AbortSignal): Promise<void> {
    const s = this.secret as OAuthSecrets;
    this.http ??= channelHttp(this.ctx, () => this.values(), { perSecond: 1, burst: 3 });
    const reply = await this.http.request({
      method: 'POST',
      url: s.tokenUrl,
      label: 'oauth2/token',
      form: { grant_type: 'refresh_token', refresh_token: s.refreshToken, client_id: s.clientId, ...(s.clientSecret ? { client_secret: s.clientSecret } : {}) },
      idempotent: false,
      ...(signal ? { signal } : {}),
    });
    if (reply.status === 400 || reply.status === 401) {
      throw new ConnectorError('token-rejected', 'The mail provider no longer accepts the channel\'s sign-in (the refresh token was refused). Sign in again in the channel settings.', {
        status: reply.status,
      });
    }
    if (reply.status !== 200) {
      throw new ConnectorError('server', `The mail provider's token service answered ${reply.status}.`, { status: reply.status });
    }
    const t = this.http.expect(tokenAnswer, reply.body, 'oauth2/token');
    const next: OAuthSecrets = {
      ...s,
      accessToken: t.access_token,
      refreshToken: t.refresh_token ?? s.refreshToken,
      expiresAt: this.ctx.clock.now() + (t.expires_in ?? 3600) * 1000,
    };
    await saveChannelSecrets(this.ctx, next);
    this.secret = next;
    this.ctx.log({ level: 'info', channelId: this.ctx.config.id, event: 'email.token_refreshed' });
  }
}
