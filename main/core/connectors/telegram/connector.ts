import type { OutboundItem } from '../../shared/messages';
import { channelHttp, loadChannelSecrets, numberSetting, platformSays, type ConnectorContext } from '../context';
import { ConnectorError } from '../errors';
import type { HttpClient, HttpReply } from '../http/client';
import type { Connector, PullBatch, SendResult } from '../types';
import { telegramMessageId, toInbound } from './map';
import { sendResult, telegramFailure, telegramUpdate, telegramSecrets, updatesResult } from './schema';

export const TELEGRAM_API = 'https://api.telegram.org';
const PAGE = 100;
const ALLOWED_UPDATES = ['message', 'edited_message'];
const MAX_TEXT = 4096;

/**
 * Telegram Bot API by long polling. The offset sent with each `getUpdates` confirms everything before it, and the
 * runtime saves that offset with the batch in one transaction, so a crash between the two replays, never loses.
 */
export class TelegramConnector implements Connector {
  readonly kind = 'telegram' as const;
  readonly pollIntervalMs = 0;
  readonly channelId: string;
  private token = '';
  private readonly http: HttpClient;
  private readonly base: string;
  private readonly longPollSeconds: number;
  private allowedUpdatesSent = false;

  constructor(private readonly ctx: ConnectorContext) {
    this.channelId = ctx.config.id;
    this.base = (ctx.config.baseUrl ?? TELEGRAM_API).replace(/\/+$/, '');
    this.longPollSeconds = numberSetting(ctx, 'longPollSeconds', 25);
    this.http = channelHttp(ctx, () => [this.token], { perSecond: 25, burst: 10 });
  }

  async start(): Promise<void> {
    this.token = (await loadChannelSecrets(this.ctx, telegramSecrets)).botToken;
    this.allowedUpdatesSent = false;
  }

  async stop(): Promise<void> {
    await this.http.close();
  }

  async pull(cursor: string | null, signal: AbortSignal): Promise<PullBatch> {
    const params: Record<string, unknown> = { limit: PAGE, timeout: this.longPollSeconds };
    if (cursor) params.offset = Number(cursor);
    // Omitted allowed_updates keeps the last value the bot set, so it is sent once per session.
    if (!this.allowedUpdatesSent) params.allowed_updates = ALLOWED_UPDATES;
    const reply = await this.call('getUpdates', params, signal, true, (this.longPollSeconds + 15) * 1000);
    this.allowedUpdatesSent = true;
    const { result } = this.http.expect(updatesResult, reply.body, 'getUpdates');
    const messages = [];
    let skipped = 0;
    let last = cursor ? Number(cursor) - 1 : -Infinity;
    for (const raw of result) {
      last = Math.max(last, raw.update_id);
      const u = telegramUpdate.safeParse(raw);
      if (!u.success) {
        skipped++;
        continue;
      }
      if (u.data.message) messages.push(toInbound(u.data.message, false));
      else if (u.data.edited_message) messages.push(toInbound(u.data.edited_message, true));
    }
    return {
      messages,
      cursor: result.length ? String(last + 1) : cursor,
      more: result.length >= PAGE,
      ...(skipped ? { note: `${skipped} Telegram update(s) could not be read and were skipped.` } : {}),
    };
  }

  async send(item: OutboundItem, signal: AbortSignal): Promise<SendResult> {
    if (!item.text || [...item.text].length > MAX_TEXT) {
      throw new ConnectorError('rejected', `Telegram accepts replies of 1 to ${MAX_TEXT} characters.`, { retryable: false });
    }
    const body: Record<string, unknown> = { chat_id: item.platformConversationId, text: item.text };
    const replyTo = Number(item.options?.replyToMessageId);
    if (Number.isInteger(replyTo) && replyTo > 0) body.reply_parameters = { message_id: replyTo, allow_sending_without_reply: true };
    const reply = await this.call('sendMessage', body, signal, false);
    const { result } = this.http.expect(sendResult, reply.body, 'sendMessage', 'maybe');
    return { platformMessageId: telegramMessageId(result.chat.id, result.message_id), at: result.date * 1000 };
  }

  private async call(
    method: string,
    params: Record<string, unknown>,
    signal: AbortSignal,
    idempotent: boolean,
    timeoutMs?: number,
  ): Promise<HttpReply> {
    const reply = await this.http.request({
      method: 'POST',
      url: `${this.base}/bot${this.token}/${method}`,
      label: method,
      json: params,
      idempotent,
      signal,
      ...(timeoutMs ? { timeoutMs } : {}),
      retryHint: (b) => {
        const f = telegramFailure.safeParse(b);
        const s = f.success ? f.data.parameters?.retry_after : undefined;
        return s === undefined ? undefined : s * 1000;
      },
    });
    if (reply.status === 200 && (reply.body as { ok?: unknown } | null)?.ok === true) return reply;
    throw this.failure(method, reply, idempotent);
  }

  private failure(method: string, reply: HttpReply, idempotent: boolean): ConnectorError {
    const f = telegramFailure.safeParse(reply.body);
    const code = f.success ? (f.data.error_code ?? reply.status) : reply.status;
    const said = platformSays(this.http.redact(f.success ? (f.data.description ?? '') : ''));
    if (!f.success && reply.status === 200) {
      return new ConnectorError('malformed', `${method}: Telegram's answer did not have the expected shape.`, {
        sent: idempotent ? 'no' : 'maybe',
      });
    }
    if (code === 401 || code === 404) {
      return new ConnectorError(
        'token-rejected',
        'Telegram refused the bot token. Create a new token with @BotFather and enter it in the channel settings.',
        { status: reply.status, platformCode: String(code) },
      );
    }
    if (code === 409) {
      const webhook = /webhook/i.test(said);
      return new ConnectorError(
        'conflict',
        webhook
          ? 'A webhook is set for this bot, so Diwan cannot poll it. Remove the webhook (deleteWebhook) or use the relay.'
          : 'Another program is polling this bot (another Diwan or a script). Only one may poll a bot at a time.',
        { status: 409, platformCode: '409', retryable: true },
      );
    }
    return new ConnectorError('rejected', `${method}: Telegram refused the request (${code}${said ? `: ${said}` : ''}).`, {
      status: reply.status,
      platformCode: String(code),
      retryable: false,
    });
  }
}
