import { z } from 'zod';
import type { OutboundItem } from '../../shared/messages';
import { channelHttp, loadChannelSecrets, requireSetting, type ConnectorContext } from '../context';
import { ConnectorError } from '../errors';
import type { HttpClient } from '../http/client';
import { applyGraphUsage, downloadMetaMedia, graphFailure, GRAPH_API, GRAPH_VERSION } from '../meta/graph';
import type { AttachmentContent, Connector, PullBatch, SendResult } from '../types';
import { replyProblem } from '../../shared/reply-limits';
import { parseWhatsAppWebhook, statusesToReceipts, whatsAppNote } from './webhook';

const secrets = z.object({ accessToken: z.string().min(1) });
const sendResult = z.object({ messages: z.array(z.object({ id: z.string() })).min(1) });
const mediaInfo = z.object({ url: z.string().min(1), mime_type: z.string().optional(), file_size: z.union([z.number(), z.string()]).optional() });

/**
 * WhatsApp Cloud API. Inbound is webhook-only, so messages and statuses arrive through the relay (`acceptPush`);
 * sending is a Graph call: free text inside the 24-hour window, an approved template outside it.
 */
export class WhatsAppConnector implements Connector {
  readonly kind = 'whatsapp' as const;
  readonly channelId: string;
  private token = '';
  private readonly http: HttpClient;
  private readonly base: string;
  private readonly origin: string;

  constructor(private readonly ctx: ConnectorContext) {
    this.channelId = ctx.config.id;
    const root = (ctx.config.baseUrl ?? GRAPH_API).replace(/\/+$/, '');
    this.origin = new URL(root).origin;
    this.base = `${root}/${ctx.config.settings?.graphVersion ?? GRAPH_VERSION}`;
    this.http = channelHttp(ctx, () => [this.token], { perSecond: 20, burst: 20 });
  }

  private get phoneNumberId(): string {
    return requireSetting(this.ctx, 'phoneNumberId');
  }

  async start(): Promise<void> {
    void this.phoneNumberId;
    this.token = (await loadChannelSecrets(this.ctx, secrets)).accessToken;
  }

  async stop(): Promise<void> {
    await this.http.close();
  }

  /** The business phone number itself (`GET /{phone-number-id}`): Graph answers only for a token it accepts for it. */
  async checkCredentials(signal: AbortSignal): Promise<void> {
    const reply = await this.http.request({
      method: 'GET',
      url: `${this.base}/${encodeURIComponent(this.phoneNumberId)}?fields=id`,
      label: 'phone number',
      headers: { authorization: `Bearer ${this.token}` },
      idempotent: true,
      signal,
    });
    applyGraphUsage(this.http, reply, this.ctx.clock);
    if (reply.status < 200 || reply.status >= 300) throw graphFailure(this.http, reply, 'phone number', this.ctx.clock, 'WhatsApp');
  }

  acceptPush(payload: unknown): PullBatch {
    const w = parseWhatsAppWebhook(payload, this.phoneNumberId);
    const note = whatsAppNote(w);
    return { messages: w.messages, deliveries: statusesToReceipts(w.statuses), ...(note ? { note } : {}) };
  }

  /**
   * A media id → its short-lived link (`GET /{media-id}`, valid about five minutes) → the bytes, with the token as Meta
   * requires for WhatsApp media. Media ids expire after 30 days; Meta then answers with an error the agent reads.
   */
  async fetchAttachment(mediaId: string, signal: AbortSignal): Promise<AttachmentContent> {
    if (!/^[\w.-]{1,128}$/.test(mediaId)) throw new ConnectorError('rejected', 'This attachment reference is not a WhatsApp media id.', { retryable: false });
    const reply = await this.http.request({
      method: 'GET',
      url: `${this.base}/${mediaId}?phone_number_id=${encodeURIComponent(this.phoneNumberId)}`,
      label: 'media',
      headers: { authorization: `Bearer ${this.token}` },
      idempotent: true,
      signal,
    });
    applyGraphUsage(this.http, reply, this.ctx.clock);
    if (reply.status < 200 || reply.status >= 300) throw graphFailure(this.http, reply, 'media', this.ctx.clock, 'WhatsApp');
    const info = this.http.expect(mediaInfo, reply.body, 'media');
    return downloadMetaMedia(this.http, info.url, {
      origin: this.origin,
      label: 'media download',
      platform: 'WhatsApp',
      clock: this.ctx.clock,
      signal,
      token: this.token,
      ...(info.mime_type ? { mimeType: info.mime_type } : {}),
    });
  }

  async send(item: OutboundItem, signal: AbortSignal): Promise<SendResult> {
    const o = item.options ?? {};
    const body: Record<string, unknown> = {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      ...recipientOf(item.platformConversationId),
      biz_opaque_callback_data: item.outboxId,
    };
    if (o.template) {
      body.type = 'template';
      body.template = {
        name: o.template,
        language: { code: o.templateLanguage ?? 'en', policy: 'deterministic' },
        ...(o.templateParams ? { components: [{ type: 'body', parameters: templateParams(o.templateParams) }] } : {}),
      };
    } else {
      if (o.window === 'template-only') {
        throw new ConnectorError('rejected', 'More than 24 hours have passed since the customer wrote; WhatsApp only allows an approved template now.', {
          retryable: false,
          platformCode: '131047',
        });
      }
      const problem = replyProblem('whatsapp', item.text);
      if (problem) throw new ConnectorError('rejected', problem, { retryable: false });
      body.type = 'text';
      body.text = { preview_url: false, body: item.text };
    }
    const reply = await this.http.request({
      method: 'POST',
      url: `${this.base}/${this.phoneNumberId}/messages`,
      label: 'messages',
      headers: { authorization: `Bearer ${this.token}` },
      json: body,
      idempotent: false,
      signal,
    });
    applyGraphUsage(this.http, reply, this.ctx.clock);
    if (reply.status < 200 || reply.status >= 300) throw graphFailure(this.http, reply, 'messages', this.ctx.clock, 'WhatsApp');
    const r = this.http.expect(sendResult, reply.body, 'messages', 'maybe');
    return { platformMessageId: r.messages[0]!.id, at: this.ctx.clock.now() };
  }
}

/**
 * A phone number (`wa_id`, digits only) goes in `to`; a business-scoped user id — a customer who hides their number —
 * goes in `recipient`, where Meta expects it.
 */
export function recipientOf(conversationId: string): { to: string } | { recipient: string } {
  return /^\d+$/.test(conversationId) ? { to: conversationId } : { recipient: conversationId };
}

function templateParams(json: string): Array<{ type: 'text'; text: string }> {
  let values: unknown;
  try {
    values = JSON.parse(json);
  } catch {
    values = null;
  }
  if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) {
    throw new ConnectorError('rejected', 'The template parameters must be a list of texts.', { retryable: false });
  }
  return values.map((text) => ({ type: 'text', text }));
}
