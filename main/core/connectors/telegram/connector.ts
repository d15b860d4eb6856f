import type { OutboundItem } from '../../shared/messages';
import { channelHttp, loadChannelSecrets, numberSetting, platformSays, type ConnectorContext } from '../context';
import { ConnectorError } from '../errors';
import type { HttpClient, HttpReply } from '../http/client';
import type { AttachmentContent, Connector, PullBatch, SendResult } from '../types';
import { ATTACHMENT_LIMITS } from '../attachments';
import type { InboundMessage } from '../../shared/messages';
import { unsupportedNote } from '../render';
import { replyProblem } from '../../shared/reply-limits';
import { parseAddress } from './address';
import { ALLOWED_UPDATES, mapUpdate, telegramMessageId } from './map';
import { fileResult, sendResult, telegramFailure, telegramUpdate, telegramSecrets, updatesResult } from './schema';

export const TELEGRAM_API = 'https://api.telegram.org';
const PAGE = 100;

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
  /** Groups upgraded to supergroups, learnt from service messages and from refused sends: old chat id → new. */
  private readonly migrated = new Map<string, string>();

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

  /** `getMe`: answers only for a token Telegram accepts (Bot API). */
  async checkCredentials(signal: AbortSignal): Promise<void> {
    await this.call('getMe', {}, signal, true);
  }

  async pull(cursor: string | null, signal: AbortSignal): Promise<PullBatch> {
    const params: Record<string, unknown> = { limit: PAGE, timeout: this.longPollSeconds };
    if (cursor) params.offset = Number(cursor);
    // Omitted allowed_updates keeps the last value the bot set, so it is sent once per session.
    if (!this.allowedUpdatesSent) params.allowed_updates = ALLOWED_UPDATES;
    // The answer may take the whole long-poll timeout; the usual allowance for the network comes on top.
    const reply = await this.call('getUpdates', params, signal, true, this.longPollSeconds * 1000 + (this.ctx.http?.timeoutMs ?? 15_000));
    this.allowedUpdatesSent = true;
    const { result } = this.http.expect(updatesResult, reply.body, 'getUpdates');
    const { messages, note, migrations, buttonTaps } = parseTelegramUpdates(result, this.ctx.clock.now());
    for (const m of migrations) this.migrated.set(m.from, m.to);
    await this.acknowledgeTaps(buttonTaps, signal);
    let last = cursor ? Number(cursor) - 1 : -Infinity;
    for (const raw of result) last = Math.max(last, raw.update_id);
    return {
      messages,
      cursor: result.length ? String(last + 1) : cursor,
      more: result.length >= PAGE,
      ...(note ? { note } : {}),
    };
  }

  /**
   * The customer's app shows a spinner on a tapped button until the bot answers the callback query. The tap itself is
   * stored as an entry; a failed answer only costs the customer the spinner, so it is logged, never retried.
   */
  private async acknowledgeTaps(ids: readonly string[], signal: AbortSignal): Promise<void> {
    for (const id of ids) {
      try {
        await this.call('answerCallbackQuery', { callback_query_id: id }, signal, true);
      } catch (e) {
        this.ctx.log({ level: 'warn', channelId: this.channelId, event: 'telegram.callback_answer_failed', detail: e instanceof Error ? e.message : 'failed' });
      }
    }
  }

  /**
   * A reply goes to the conversation's chat, in its forum topic and through its business connection. A group that
   * was upgraded to a supergroup answers 400 with `migrate_to_chat_id`: nothing was sent, so the reply is sent once
   * more to the new chat, and later replies go there directly.
   */
  async send(item: OutboundItem, signal: AbortSignal): Promise<SendResult> {
    const problem = replyProblem('telegram', item.text);
    if (problem) throw new ConnectorError('rejected', problem, { retryable: false });
    const to = parseAddress(item.platformConversationId);
    if (!to) throw new ConnectorError('rejected', `"${item.platformConversationId.slice(0, 80)}" is not a Telegram chat Diwan can answer.`, { retryable: false });
    const body: Record<string, unknown> = { chat_id: this.migrated.get(to.chatId) ?? to.chatId, text: item.text };
    if (to.threadId) body.message_thread_id = to.threadId;
    if (to.businessConnectionId) body.business_connection_id = to.businessConnectionId;
    const replyTo = Number(item.options?.replyToMessageId);
    if (Number.isInteger(replyTo) && replyTo > 0) body.reply_parameters = { message_id: replyTo, allow_sending_without_reply: true };
    let reply: HttpReply;
    try {
      reply = await this.call('sendMessage', body, signal, false);
    } catch (e) {
      const newChat = e instanceof MigratedChat ? e.to : null;
      if (!newChat || body.chat_id === newChat) throw e instanceof MigratedChat ? e.error : e;
      this.migrated.set(to.chatId, newChat);
      this.ctx.log({ level: 'info', channelId: this.channelId, event: 'telegram.chat_migrated', detail: 'a group became a supergroup; replies follow it' });
      reply = await this.call('sendMessage', { ...body, chat_id: newChat }, signal, false);
    }
    const { result } = this.http.expect(sendResult, reply.body, 'sendMessage', 'maybe');
    return { platformMessageId: telegramMessageId(result.chat.id, result.message_id), at: result.date * 1000 };
  }

  /**
   * `getFile` names the file's path, then the bytes come from `/file/bot<token>/<path>`. The Bot API serves files up
   * to 20 MB; a larger one has no path, which the agent is told.
   */
  async fetchAttachment(fileId: string, signal: AbortSignal): Promise<AttachmentContent> {
    if (!/^[\w-]{1,256}$/.test(fileId)) throw new ConnectorError('rejected', 'This attachment reference is not a Telegram file id.', { retryable: false });
    const reply = await this.call('getFile', { file_id: fileId }, signal, true);
    const { result } = this.http.expect(fileResult, reply.body, 'getFile');
    if (!result.file_path) {
      throw new ConnectorError('rejected', 'Telegram does not let bots download files over 20 MB; ask the customer to send it another way.', { retryable: false });
    }
    const path = result.file_path.split('/').filter((p) => p && p !== '..').map(encodeURIComponent).join('/');
    const file = await this.http.request({
      method: 'GET',
      url: `${this.base}/file/bot${this.token}/${path}`,
      label: 'file download',
      idempotent: true,
      signal,
      fileMaxBytes: ATTACHMENT_LIMITS.maxBytes,
    });
    if (!file.bytes) {
      throw new ConnectorError('rejected', `Telegram did not serve the file (${file.status}); try again later, or ask the customer to send it again.`, { status: file.status, retryable: false });
    }
    const name = result.file_path.split('/').pop();
    return { content: file.bytes, ...(name ? { fileName: name } : {}) };
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

  private failure(method: string, reply: HttpReply, idempotent: boolean): ConnectorError | MigratedChat {
    const f = telegramFailure.safeParse(reply.body);
    const code = f.success ? (f.data.error_code ?? reply.status) : reply.status;
    const said = platformSays(this.http.redact(f.success ? (f.data.description ?? '') : ''));
    if (!f.success && reply.status === 200) {
      return new ConnectorError('malformed', `${method}: Telegram's answer did not have the expected shape.`, {
        sent: idempotent ? 'no' : 'maybe',
      });
    }
    const migrateTo = f.success ? f.data.parameters?.migrate_to_chat_id : undefined;
    if (migrateTo !== undefined) {
      const error = new ConnectorError('rejected', `${method}: the group was upgraded to a supergroup and Telegram refused the old chat.`, {
        status: reply.status,
        platformCode: String(code),
        retryable: false,
      });
      return new MigratedChat(String(migrateTo), error);
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

/** Telegram refused a chat because the group became a supergroup (`parameters.migrate_to_chat_id`). */
class MigratedChat extends Error {
  constructor(
    readonly to: string,
    readonly error: ConnectorError,
  ) {
    super(error.message);
  }
}

/**
 * `getUpdates` results as Diwan would store them: every update that parses becomes one or more entries; one that
 * does not is counted in the note, as is every kind shown as "unsupported". Also the `diwan channel parse` view.
 */
export function parseTelegramUpdates(
  result: readonly unknown[],
  now: number,
): { messages: InboundMessage[]; note?: string; migrations: Array<{ from: string; to: string }>; buttonTaps: string[] } {
  const messages: InboundMessage[] = [];
  const migrations: Array<{ from: string; to: string }> = [];
  const buttonTaps: string[] = [];
  const unsupported: string[] = [];
  let skipped = 0;
  for (const raw of result) {
    const u = telegramUpdate.safeParse(raw);
    if (!u.success) {
      skipped++;
      continue;
    }
    const mapped = mapUpdate(u.data, now);
    messages.push(...mapped.messages);
    unsupported.push(...mapped.unsupported);
    if (mapped.migration) migrations.push(mapped.migration);
    if (u.data.callback_query) buttonTaps.push(u.data.callback_query.id);
  }
  const note = [skipped ? `${skipped} Telegram update(s) could not be read and were skipped.` : '', unsupportedNote('Telegram', unsupported) ?? '']
    .filter(Boolean)
    .join(' ');
  return { messages, migrations, buttonTaps, ...(note ? { note } : {}) };
}
