import type { InboundMessage, OutboundItem } from '../../shared/messages';
import { channelHttp, loadChannelSecrets, numberSetting, platformSays, saveChannelSecrets, type ConnectorContext } from '../context';
import { ConnectorError } from '../errors';
import { xRateLimitReset, type HttpCall, type HttpClient, type HttpReply } from '../http/client';
import type { AttachmentContent, Connector, PullBatch, SendResult } from '../types';
import { ATTACHMENT_LIMITS, attachmentUrl } from '../attachments';
import { unsupportedNote } from '../render';
import { dmEventToInbound, parseAccountActivity } from './map';
import { replyProblem } from '../../shared/reply-limits';
import { dmEvent, dmEventsPage, meResult, sendResult, tokenResult, xMedia, xProblem, xSecrets, type XSecrets } from './schema';

export const X_API = 'https://api.x.com';

const REFRESH_MARGIN_MS = 60_000;
// Every event type (joins and leaves too), with the media each message carries.
const FIELDS =
  'dm_event.fields=id,text,event_type,created_at,dm_conversation_id,sender_id,attachments,participant_ids' +
  '&expansions=sender_id,attachments.media_keys,participant_ids&user.fields=username,name&media.fields=url,preview_image_url,type' +
  '&max_results=100';

/**
 * X API v2 direct messages by polling `dm_events` (newest first), walking back with `next_token` until an event
 * already seen. OAuth 2.0 user-context tokens are refreshed with the refresh token kept in the keychain; X rotates
 * refresh tokens, so refreshes are serialised and the new pair is saved before it is used (when it cannot be saved, it
 * is used from memory: X has spent the one before it); a pair another process saved since (a hub node) is taken up.
 */
export class XConnector implements Connector {
  readonly kind = 'x' as const;
  readonly pollIntervalMs = 60_000;
  readonly channelId: string;
  private secrets: XSecrets | null = null;
  private userId = '';
  private refreshing: Promise<void> | null = null;
  /** Refresh tokens this connector has spent (X refuses them again); a pair holding one is never taken up again. */
  private readonly spent = new Set<string>();
  private readonly http: HttpClient;
  private readonly base: string;
  private readonly maxPages: number;

  constructor(private readonly ctx: ConnectorContext) {
    this.channelId = ctx.config.id;
    this.base = (ctx.config.baseUrl ?? X_API).replace(/\/+$/, '');
    this.maxPages = numberSetting(ctx, 'maxPages', 10);
    this.http = channelHttp(
      ctx,
      () => (this.secrets ? [this.secrets.accessToken, this.secrets.refreshToken, this.secrets.clientSecret ?? '', ...this.spent] : []),
      { perSecond: 1, burst: 5 },
    );
  }

  async start(signal: AbortSignal): Promise<void> {
    this.secrets = await loadChannelSecrets(this.ctx, xSecrets);
    const configured = this.ctx.config.settings?.userId;
    if (configured) this.userId = String(configured);
    else {
      const reply = await this.api({ method: 'GET', url: `${this.base}/2/users/me`, label: 'users/me', idempotent: true, signal });
      this.userId = this.http.expect(meResult, reply.body, 'users/me').data.id;
    }
  }

  async stop(): Promise<void> {
    await this.http.close();
  }

  /** `users/me` with the stored token (refreshed first when due, as every call is). */
  async checkCredentials(signal: AbortSignal): Promise<void> {
    const reply = await this.api({ method: 'GET', url: `${this.base}/2/users/me`, label: 'users/me', idempotent: true, signal });
    this.http.expect(meResult, reply.body, 'users/me');
  }

  async pull(cursor: string | null, signal: AbortSignal): Promise<PullBatch> {
    const known = cursor ? BigInt(cursor) : null;
    const messages: InboundMessage[] = [];
    let newest = known;
    let token: string | undefined;
    const notes: string[] = [];
    const unsupported: string[] = [];
    let malformed = 0;
    for (let page = 0; ; page++) {
      const url = `${this.base}/2/dm_events?${FIELDS}${token ? `&pagination_token=${encodeURIComponent(token)}` : ''}`;
      const reply = await this.api({ method: 'GET', url, label: 'dm_events', idempotent: true, signal });
      const body = this.http.expect(dmEventsPage, reply.body, 'dm_events');
      // A 200 with only `errors` is X saying something about the request, not a broken answer: say it, keep the cursor.
      if (body.errors?.length) notes.push(`X reported ${body.errors.length} partial error(s) while listing messages: ${this.http.redact(platformSays(body.errors.map((e) => e.detail ?? e.message ?? e.title ?? '').join('; ')))}.`);
      const names = new Map((body.includes?.users ?? []).map((u) => [u.id, u]));
      const media = new Map(
        (body.includes?.media ?? []).flatMap((m) => {
          const r = xMedia.safeParse(m);
          return r.success ? [[r.data.media_key, r.data] as const] : [];
        }),
      );
      let reachedKnown = false;
      for (const raw of body.data ?? []) {
        const parsed = dmEvent.safeParse(raw);
        if (!parsed.success) {
          malformed++;
          continue;
        }
        const ev = parsed.data;
        const id = BigInt(ev.id);
        if (known !== null && id <= known) {
          reachedKnown = true;
          continue;
        }
        if (newest === null || id > newest) newest = id;
        const m = dmEventToInbound(ev, this.userId, names, media, unsupported, this.ctx.clock.now());
        if (m) messages.push(m);
        else malformed++;
      }
      token = body.meta?.next_token;
      if (reachedKnown || !token) break;
      if (page + 1 >= this.maxPages) {
        notes.push(`More than ${this.maxPages} pages of new X messages arrived since the last poll; older ones were not fetched.`);
        break;
      }
    }
    if (malformed) notes.push(`${malformed} X event(s) could not be read and were skipped.`);
    const u = unsupportedNote('X', unsupported);
    if (u) notes.push(u);
    return { messages, cursor: newest === null ? cursor : newest.toString(), ...(notes.length ? { note: notes.join(' ') } : {}) };
  }

  /** An Account Activity webhook forwarded by the relay (CRC and signature checked there). */
  acceptPush(payload: unknown): PullBatch {
    return parseAccountActivity(payload, this.ctx.clock.now());
  }

  async send(item: OutboundItem, signal: AbortSignal): Promise<SendResult> {
    const problem = replyProblem('x', item.text);
    if (problem) throw new ConnectorError('rejected', problem, { retryable: false });
    const conv = item.platformConversationId;
    const pair = /^(\d+)-(\d+)$/.exec(conv);
    const path = pair
      ? `/2/dm_conversations/with/${pair[1] === this.userId ? pair[2] : pair[1]}/messages`
      : `/2/dm_conversations/${encodeURIComponent(conv)}/messages`;
    const reply = await this.api({
      method: 'POST',
      url: `${this.base}${path}`,
      label: 'dm_conversations/messages',
      json: { text: item.text },
      idempotent: false,
      signal,
    });
    const { data } = this.http.expect(sendResult, reply.body, 'dm_conversations/messages', 'maybe');
    return { platformMessageId: data.dm_event_id, at: this.ctx.clock.now() };
  }

  /** An authorised call: refreshes an expiring token first, and once more after a 401. */
  /**
   * A DM's media by the link X listed (`media.fields=url`). Links on `ton.twitter.com` (DM media) need the channel's
   * token; public `pbs.twimg.com` links get none. A media key without a link cannot be fetched.
   */
  async fetchAttachment(ref: string, signal: AbortSignal): Promise<AttachmentContent> {
    if (!/^https?:\/\//i.test(ref)) {
      throw new ConnectorError('rejected', 'X listed this media without a link, so Diwan cannot fetch it; ask the customer to send it again.', { retryable: false });
    }
    const url = attachmentUrl(ref, ['twimg.com', 'twitter.com', 'x.com'], new URL(this.base).origin);
    const call: HttpCall = { method: 'GET', url: url.toString(), label: 'media download', idempotent: true, signal, fileMaxBytes: ATTACHMENT_LIMITS.maxBytes };
    const needsToken = url.hostname === 'ton.twitter.com' || url.origin === new URL(this.base).origin;
    const reply = needsToken ? await this.api(call) : await this.http.request(call);
    if (!reply.bytes) {
      throw new ConnectorError('rejected', `X did not serve this media (${reply.status}); ask the customer to send it again.`, { status: reply.status, retryable: false });
    }
    const type = reply.headers['content-type'];
    return { content: reply.bytes, ...(type ? { mimeType: type } : {}) };
  }

  private async api(call: HttpCall): Promise<HttpReply> {
    if (this.secrets!.expiresAt - this.ctx.clock.now() < REFRESH_MARGIN_MS) await this.refresh(call.signal);
    let reply = await this.http.request({ ...call, headers: this.auth() });
    this.watchLimits(reply);
    if (reply.status === 401) {
      await this.refresh(call.signal);
      reply = await this.http.request({ ...call, headers: this.auth() });
      this.watchLimits(reply);
    }
    if (reply.status >= 200 && reply.status < 300) {
      const v1 = (reply.body as { errors?: Array<{ code?: number }> } | null)?.errors?.[0]?.code;
      if (v1 === 88 || v1 === 89 || v1 === 32) throw this.problem(call.label, reply);
      return reply;
    }
    throw this.problem(call.label, reply);
  }

  private auth(): Record<string, string> {
    return { authorization: `Bearer ${this.secrets!.accessToken}` };
  }

  /** At zero remaining calls, the channel's gate closes until X's reset time. */
  private watchLimits(reply: HttpReply): void {
    if (reply.headers['x-rate-limit-remaining'] !== '0') return;
    const ms = xRateLimitReset(reply.headers, this.ctx.clock.now());
    if (ms !== undefined) this.http.gate.closeUntil(this.ctx.clock.now() + ms);
  }

  private refresh(signal?: AbortSignal): Promise<void> {
    this.refreshing ??= this.doRefresh(signal).finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async doRefresh(signal?: AbortSignal): Promise<void> {
    // X spends a refresh token on use: refresh from the newest saved pair, which another process running this channel
    // before (a hub node that held its lease) may have rotated since this one started — unless the saved pair is one
    // this connector spent itself (its successor could not be saved and lives in memory).
    const saved = await loadChannelSecrets(this.ctx, xSecrets);
    if (this.isNewer(saved) && saved.expiresAt - this.ctx.clock.now() >= REFRESH_MARGIN_MS) {
      this.secrets = saved;
      return;
    }
    const s = this.spent.has(saved.refreshToken) ? this.secrets! : saved;
    const headers: Record<string, string> = {};
    if (s.clientSecret) headers.authorization = `Basic ${Buffer.from(`${s.clientId}:${s.clientSecret}`).toString('base64')}`;
    const reply = await this.http.request({
      method: 'POST',
      url: `${this.base}/2/oauth2/token`,
      label: 'oauth2/token',
      form: { grant_type: 'refresh_token', refresh_token: s.refreshToken, client_id: s.clientId },
      headers,
      idempotent: false,
      signal,
    });
    if (reply.status === 400 || reply.status === 401) {
      // Another process running this channel (the hub node that held its lease, or one fetching a file) may have
      // spent this refresh token a moment ago: the pair it got, once saved, is this channel's.
      this.spent.add(s.refreshToken);
      const newer = await this.newerSavedPair(signal);
      if (newer) {
        this.secrets = newer;
        return;
      }
      throw new ConnectorError(
        'token-rejected',
        'X no longer accepts Diwan\'s sign-in for this account (the refresh token was refused). Reconnect the X account in the channel settings.',
        { status: reply.status },
      );
    }
    if (reply.status !== 200) throw this.problem('oauth2/token', reply);
    const t = this.http.expect(tokenResult, reply.body, 'oauth2/token');
    this.spent.add(s.refreshToken);
    const next: XSecrets = {
      ...s,
      accessToken: t.access_token,
      refreshToken: t.refresh_token ?? s.refreshToken,
      expiresAt: this.ctx.clock.now() + t.expires_in * 1000,
    };
    try {
      await saveChannelSecrets(this.ctx, next);
    } catch (e) {
      // Another process saved a newer pair first (the hub's compare-and-set refused this one): that one is the channel's.
      const newer = await this.newerSavedPair(signal, 1);
      if (newer) {
        this.secrets = newer;
        return;
      }
      // X has spent the old pair, so giving up the new one would end the channel: use it, and save at the next refresh.
      this.secrets = next;
      const code = (e as { code?: unknown }).code;
      this.ctx.log({ level: 'warn', channelId: this.channelId, event: 'x.token_unsaved', detail: `The new X token pair could not be saved${typeof code === 'string' ? ` (${code})` : ''}; it is used until the next refresh saves one.` });
      return;
    }
    this.secrets = next;
    this.ctx.log({ level: 'info', channelId: this.channelId, event: 'x.token_refreshed' });
  }

  /** A saved pair is newer than the one in use when it is another and not one this connector spent. */
  private isNewer(saved: XSecrets): boolean {
    return saved.refreshToken !== this.secrets!.refreshToken && !this.spent.has(saved.refreshToken);
  }

  /** A newer saved pair, looked for `tries` times half a second apart (another process's save may be landing); else null. */
  private async newerSavedPair(signal?: AbortSignal, tries = 4): Promise<XSecrets | null> {
    for (let i = 0; i < tries && !signal?.aborted; i++) {
      if (i) await this.ctx.sleep(500, signal);
      const saved = await loadChannelSecrets(this.ctx, xSecrets).catch(() => null);
      if (saved && this.isNewer(saved)) return saved;
    }
    return null;
  }

  private problem(label: string, reply: HttpReply): ConnectorError {
    const p = xProblem.safeParse(reply.body);
    const first = p.success ? p.data.errors?.[0] : undefined;
    const said = platformSays(this.http.redact(p.success ? (p.data.detail ?? first?.message ?? first?.detail ?? p.data.title ?? '') : ''));
    const v1 = first?.code;
    if (reply.status === 401 || v1 === 89 || v1 === 32) {
      return new ConnectorError('token-rejected', 'X refused the access token. Reconnect the X account in the channel settings.', {
        status: reply.status,
      });
    }
    if (v1 === 88) {
      const ms = xRateLimitReset(reply.headers, this.ctx.clock.now()) ?? 60_000;
      this.http.gate.closeUntil(this.ctx.clock.now() + ms);
      return new ConnectorError('rate-limited', `${label}: X asked Diwan to wait ${Math.ceil(ms / 1000)} s.`, { retryAfterMs: ms });
    }
    return new ConnectorError('rejected', `${label}: X refused the request (${reply.status}${said ? `: ${said}` : ''}).`, {
      status: reply.status,
      retryable: false,
    });
  }
}
