import { z } from 'zod';
import type { InboundAttachment, InboundMessage, OutboundItem } from '../../shared/messages';
import { channelHttp, loadChannelSecrets, numberSetting, requireSetting, type ConnectorContext } from '../context';
import { ConnectorError } from '../errors';
import { render } from '../render';
import { replyProblem } from '../../shared/reply-limits';
import type { HttpCall, HttpClient, HttpReply } from '../http/client';
import type { AttachmentContent, Connector, PullBatch, SendResult, ThreadControlAction } from '../types';
import { applyGraphUsage, downloadMetaMedia, graphFailure, GRAPH_API, GRAPH_VERSION, parseGraphTime } from './graph';
import { attachmentNode, conversationsPage, instagramAccount, messagesPage, metaSecrets, sendResult, type ConversationsPage, type GraphMessage } from './schema';
import { parseMessagingWebhook } from './webhook';

interface MetaCursor {
  since: number | null;
  newest: number | null;
  next?: string;
}

function readCursor(cursor: string | null): MetaCursor {
  try {
    const c = JSON.parse(cursor ?? 'null') as MetaCursor | null;
    if (c && typeof c === 'object') return { since: c.since ?? null, newest: c.newest ?? null, ...(c.next ? { next: c.next } : {}) };
  } catch {
    // an unreadable cursor starts over; the store drops duplicates
  }
  return { since: null, newest: null };
}

/** Meta's Page Inbox app: where a passed thread goes when the channel names no other app. */
const PAGE_INBOX_APP_ID = '263902037430900';
const threadControlResult = z.object({ success: z.boolean() });

const FIELDS = 'participants,updated_time,messages.limit(25){id,created_time,from,message,attachments}';

/**
 * Messenger and Instagram (one connector, two kinds): polls the Conversations API with cursor paging and stops at the
 * last sync; sends with the Send API, `RESPONSE` inside 24 hours and the `HUMAN_AGENT` tag up to 7 days. Conversations
 * are keyed by the customer's page-scoped id, the same key webhooks use, so polled and relayed messages meet.
 */
export class MetaConnector implements Connector {
  readonly channelId: string;
  readonly pollIntervalMs = 15_000;
  private token = '';
  private readonly http: HttpClient;
  private readonly base: string;
  private readonly origin: string;
  private readonly platform: 'messenger' | 'instagram';
  private readonly label: string;
  private readonly maxPages: number;
  /** The Instagram professional account linked to the Page, asked of Graph when the settings do not name it. */
  private instagramAccountId: string | null = null;

  constructor(
    private readonly ctx: ConnectorContext,
    readonly kind: 'messenger' | 'instagram',
  ) {
    this.channelId = ctx.config.id;
    this.platform = kind;
    this.label = kind === 'messenger' ? 'Messenger' : 'Instagram';
    const root = (ctx.config.baseUrl ?? GRAPH_API).replace(/\/+$/, '');
    this.origin = new URL(root).origin;
    this.base = `${root}/${ctx.config.settings?.graphVersion ?? GRAPH_VERSION}`;
    this.maxPages = numberSetting(ctx, 'maxPages', 5);
    this.http = channelHttp(ctx, () => [this.token], { perSecond: 2, burst: 2 });
  }

  private get pageId(): string {
    return requireSetting(this.ctx, 'pageId');
  }

  /** The id the business speaks as: the Page, or for Instagram the professional account when configured. */
  private get selfIds(): Set<string> {
    const ids = new Set([this.pageId]);
    const account = this.ctx.config.settings?.accountId ?? this.instagramAccountId;
    if (account) ids.add(String(account));
    return ids;
  }

  async start(signal: AbortSignal): Promise<void> {
    void this.pageId;
    this.token = (await loadChannelSecrets(this.ctx, metaSecrets)).pageAccessToken;
    if (this.kind === 'instagram' && !this.ctx.config.settings?.accountId && !this.instagramAccountId) {
      this.instagramAccountId = await this.linkedInstagramAccount(signal);
    }
  }

  /** The Page itself (`GET /{page-id}`), read with the Page access token: Graph refuses a token it does not accept. */
  async checkCredentials(signal: AbortSignal): Promise<void> {
    await this.get(`${this.base}/${this.pageId}?fields=id`, 'page', signal);
  }

  /**
   * Instagram threads name the professional account, not the Page, as the business's side. Without knowing it the
   * business would be taken for the customer, so it is asked for once (`/{page-id}?fields=instagram_business_account`).
   */
  private async linkedInstagramAccount(signal: AbortSignal): Promise<string> {
    const reply = await this.get(`${this.base}/${this.pageId}?fields=instagram_business_account`, 'page', signal);
    const r = instagramAccount.safeParse(reply.body);
    const id = r.success ? r.data.instagram_business_account?.id : undefined;
    if (!id) {
      throw new ConnectorError(
        'rejected',
        'No Instagram professional account is linked to this Page. Link one in Meta Business Suite, or enter its id as the channel\'s "accountId" setting.',
        { retryable: false },
      );
    }
    return id;
  }

  async stop(): Promise<void> {
    await this.http.close();
  }

  /**
   * Cursor: `{since, newest, next?}` — conversations updated before `since` are known; a walk cut short at `maxPages`
   * resumes from `next` on the following poll and only then moves `since` up to `newest`.
   */
  async pull(cursor: string | null, signal: AbortSignal): Promise<PullBatch> {
    const state = readCursor(cursor);
    const since = state.since;
    let newest = state.newest;
    const messages: InboundMessage[] = [];
    let url: string | undefined =
      this.sameOrigin(state.next) ?? `${this.base}/${this.pageId}/conversations?platform=${this.platform}&fields=${encodeURIComponent(FIELDS)}&limit=25`;
    for (let page = 0; url && page < this.maxPages; page++) {
      const reply: HttpReply = await this.get(url, 'conversations', signal);
      const body: ConversationsPage = this.http.expect(conversationsPage, reply.body, 'conversations');
      let reachedKnown = false;
      for (const conv of body.data) {
        const updated = parseGraphTime(conv.updated_time);
        if (since !== null && updated < since) {
          reachedKnown = true;
          break;
        }
        newest = Math.max(newest ?? 0, updated);
        const customer = (conv.participants?.data ?? []).find((p) => !this.selfIds.has(p.id));
        if (!customer) continue;
        for (const m of await this.threadMessages(conv.messages, since, signal)) messages.push(this.toInbound(m, customer));
      }
      url = reachedKnown ? undefined : this.sameOrigin(body.paging?.next);
    }
    const next: MetaCursor = url ? { since, newest, next: url } : { since: newest ?? since, newest };
    return { messages, cursor: JSON.stringify(next), more: Boolean(url) };
  }

  acceptPush(payload: unknown): PullBatch {
    return parseMessagingWebhook(payload, this.selfIds);
  }

  async send(item: OutboundItem, signal: AbortSignal): Promise<SendResult> {
    // replies queued before the window option was set carry `tag: 'HUMAN_AGENT'` only; they still go out tagged
    const window = item.options?.window ?? (item.options?.tag === 'HUMAN_AGENT' ? 'human_agent' : 'open');
    if (window === 'closed') {
      throw new ConnectorError('rejected', `More than 7 days have passed since the customer's last message; ${this.label} allows no reply.`, {
        retryable: false,
      });
    }
    const problem = replyProblem(this.kind, item.text);
    if (problem) throw new ConnectorError('rejected', problem, { retryable: false });
    const body: Record<string, unknown> = {
      recipient: { id: item.platformConversationId },
      message: { text: item.text },
      ...(window === 'human_agent' ? { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' } : { messaging_type: 'RESPONSE' }),
    };
    const reply = await this.call({ method: 'POST', url: `${this.base}/${this.pageId}/messages`, label: 'send', json: body, idempotent: false, signal });
    const r = this.http.expect(sendResult, reply.body, 'send', 'maybe');
    return { platformMessageId: r.message_id, at: this.ctx.clock.now() };
  }

  /**
   * Handover protocol: `take` makes this app the thread's owner (another app, e.g. a chatbot, loses it), `pass` hands
   * it to the app in the `handoverTargetAppId` setting (default: Meta's Page Inbox), `request` asks the owner to pass it.
   * Meta answers `{success: true}`; anything else is a sentence for the agent.
   */
  async threadControl(action: ThreadControlAction, platformConversationId: string, signal: AbortSignal): Promise<void> {
    const target = this.ctx.config.settings?.handoverTargetAppId;
    const body: Record<string, unknown> = {
      recipient: { id: platformConversationId },
      metadata: 'diwan',
      ...(action === 'pass' ? { target_app_id: typeof target === 'string' || typeof target === 'number' ? String(target) : PAGE_INBOX_APP_ID } : {}),
    };
    const label = `${action} thread control`;
    const reply = await this.call({ method: 'POST', url: `${this.base}/${this.pageId}/${action}_thread_control`, label, json: body, idempotent: true, signal });
    if (this.http.expect(threadControlResult, reply.body, label).success !== true) {
      throw new ConnectorError('rejected', `${this.label} did not confirm the ${label} request; the thread's owner is unchanged.`, { retryable: false });
    }
  }

  private async threadMessages(first: { data: GraphMessage[]; paging?: { next?: string } } | undefined, since: number | null, signal: AbortSignal) {
    const out: GraphMessage[] = [];
    let page = first;
    for (let i = 0; page && i < 4; i++) {
      let older = false;
      for (const m of page.data) {
        if (since !== null && parseGraphTime(m.created_time) < since) older = true;
        else out.push(m);
      }
      const next = older ? undefined : this.sameOrigin(page.paging?.next);
      page = next ? this.http.expect(messagesPage, (await this.get(next, 'messages', signal)).body, 'messages') : undefined;
    }
    return out;
  }

  private toInbound(m: GraphMessage, customer: { id: string; name?: string; username?: string }): InboundMessage {
    const out = m.from ? this.selfIds.has(m.from.id) : false;
    const attachments: InboundAttachment[] = (m.attachments?.data ?? []).map((a) => ({
      kind: a.mime_type?.startsWith('image/') ? 'photo' : a.mime_type?.startsWith('video/') ? 'video' : a.mime_type?.startsWith('audio/') ? 'audio' : 'document',
      ...(a.id || a.file_url || a.image_data?.url || a.video_data?.url ? { platformFileId: (a.id ?? a.file_url ?? a.image_data?.url ?? a.video_data?.url)! } : {}),
      ...(a.name ? { fileName: a.name } : {}),
      ...(a.mime_type ? { mimeType: a.mime_type } : {}),
      ...(a.size ? { size: a.size } : {}),
    }));
    const sentAt = parseGraphTime(m.created_time);
    return {
      platformMessageId: m.id,
      platformConversationId: customer.id,
      contact: {
        platformUserId: customer.id,
        ...(customer.name ? { displayName: customer.name } : {}),
        ...(customer.username ? { handle: customer.username } : {}),
      },
      direction: out ? 'out' : 'in',
      text: polledText(m, attachments),
      sentAt: Number.isNaN(sentAt) ? this.ctx.clock.now() : sentAt,
      ...(attachments.length ? { attachments } : {}),
    };
  }

  /**
   * Webhooks give a CDN link, fetched without the Page token (the link is signed); the Conversations API gives an
   * attachment id, whose link is asked of Graph first. Links expire; an expired one is a sentence for the agent.
   */
  async fetchAttachment(ref: string, signal: AbortSignal): Promise<AttachmentContent> {
    let link = ref;
    let meta: { mimeType?: string; fileName?: string } = {};
    if (!/^https?:\/\//i.test(ref)) {
      if (!/^[\w.:-]{1,256}$/.test(ref)) throw new ConnectorError('rejected', `This attachment reference is not a ${this.label} attachment id.`, { retryable: false });
      const reply = await this.get(`${this.base}/${encodeURIComponent(ref)}?fields=mime_type,name,size,file_url,image_data,video_data`, 'attachment', signal);
      const a = this.http.expect(attachmentNode, reply.body, 'attachment');
      const found = a.file_url ?? a.image_data?.url ?? a.video_data?.url;
      if (!found) throw new ConnectorError('rejected', `${this.label} gave no link for this attachment; ask the customer to send it again.`, { retryable: false });
      link = found;
      meta = { ...(a.mime_type ? { mimeType: a.mime_type } : {}), ...(a.name ? { fileName: a.name } : {}) };
    }
    return downloadMetaMedia(this.http, link, { origin: this.origin, label: 'attachment download', platform: this.label, clock: this.ctx.clock, signal, ...meta });
  }

  /** `paging.next` must stay on the configured Graph host: the token is never sent anywhere else. */
  private sameOrigin(next: string | undefined): string | undefined {
    if (!next) return undefined;
    let u: URL;
    try {
      u = new URL(next);
    } catch {
      throw new ConnectorError('malformed', `${this.label} gave a paging link that is not a URL.`);
    }
    if (u.origin !== this.origin) throw new ConnectorError('malformed', `${this.label} gave a paging link to another host; it was not followed.`);
    return next;
  }

  private get(url: string, label: string, signal: AbortSignal): Promise<HttpReply> {
    return this.call({ method: 'GET', url, label, idempotent: true, signal });
  }

  private async call(call: HttpCall): Promise<HttpReply> {
    const reply = await this.http.request({ ...call, headers: { authorization: `Bearer ${this.token}` } });
    applyGraphUsage(this.http, reply, this.ctx.clock);
    if (reply.status >= 200 && reply.status < 300) return reply;
    throw graphFailure(this.http, reply, call.label, this.ctx.clock, this.label);
  }
}

const POLLED_LABELS: Record<InboundAttachment['kind'], string> = { photo: 'Photo', video: 'Video', audio: 'Voice message', document: 'File', sticker: 'Sticker', other: 'File' };

/** A polled message's text; one with only attachments, a share or a sticker names them, and an empty one says so. */
function polledText(m: GraphMessage, attachments: InboundAttachment[]): string {
  if (m.message) return m.message;
  const text = render.join(
    ...attachments.map((a) => render.attachment(POLLED_LABELS[a.kind])),
    ...(m.shares?.data ?? []).map((s) => render.join(render.attachment('Shared a link', s.name), s.link)),
    m.sticker ? render.attachment('Sticker') : null,
  );
  return text || render.unsupported('empty message', 'the platform gave no content for it');
}
